"""Whose duty a match is: a duty that another staff title holds is not the peer role's.

A clause that opens with a title that is not a peer role ("a separate fiscal
clerk manages …", "The RNs …", "2.4.5 La clínica …") or with the people served
("Guests keep and manage their own medications"), a cue after the duty that
hands it to such a title ("… is handled by the Program Aide", "está a cargo del
personal de enfermería"), or a table row that belongs to another position, is
shown as not counted, "a duty of another position", and rules nothing out.
"""

from __future__ import annotations

from bisect import bisect_right

from advocacy.evidence.clauses import (
    Cue,
    clause_boundaries,
    clause_start,
    find_phrases,
    memo,
    passage_language,
    same_clause,
)
from advocacy.evidence.cue_words import PEOPLE_SERVED
from advocacy.evidence.matching import Tokens
from advocacy.evidence.normalise import letter_words
from advocacy.evidence.scope import ANOTHER_POSITION, THEIR_OWN

_PEER_WORDS = frozenset("peer peers par pares".split())
# Staff other than peers who may be the subject of a duty ("a separate fiscal
# clerk manages personal needs allowances"), and the words that may come
# before such a title in its noun phrase.
_OTHER_POSITIONS = frozenset(
    "clerk clerks receptionist receptionists recepcionista recepcionistas nurse nurses nursing counselor counselors counsellor clinician clinicians "
    "technician technicians tech techs leader leaders worker workers aide aides psychiatrist "
    "psychiatrists physician physicians doctor "
    "doctors prescriber prescribers pharmacist pharmacists bookkeeper bookkeepers accountant "
    "accountants therapist therapists psychologist psychologists manager managers director "
    "directors supervisor supervisors caseworker caseworkers rn rns lpn lpns lvn lvns np nps "
    "office coordinator coordinators coordinador coordinadora coordinadores "
    "enfermera enfermero enfermeras enfermeros enfermería consejero consejera consejeros "
    "técnico técnica técnicos médico médica médicos psiquiatra psiquiatras contable oficinista "
    "farmacéutico terapeuta terapeutas psicólogo psicóloga manejador manejadora manejadores "
    "gerente gerentes director directora supervisor supervisora clínica clínico clínicos "
    "clínicas teacher teachers paraprofessional paraprofessionals maestro maestra maestros "
    "maestras docente docentes guard guards officer officers deputy deputies custodian "
    "custodians janitor janitors interpreter interpreters translator translators "
    "intérprete intérpretes traductor traductora traductores".split()
)


def _is_title(word: str) -> bool:
    """A staff title of :data:`_OTHER_POSITIONS`, with or without its level ("rn2",
    "tech3")."""
    return word in _OTHER_POSITIONS or word.rstrip("0123456789") in _OTHER_POSITIONS


# A relative pronoun that opens a clause about the title just before it
_WHO = frozenset("who quien quienes".split())
_WHO_REACH = 4  # words before the relative where that title may be
_BACK_TO_SUBJECT = frozenset("and then also y e luego también".split())
# A department's staff as the subject of a duty ("Clinical staff administer medications",
# "Billing staff complete prior authorizations"): the staff of a post that is not a peer's
_DEPARTMENTS = frozenset(
    "clinical medical nursing billing security front desk office kitchen reception pharmacy "
    "lab laboratory facilities maintenance housekeeping administrative admin finance fiscal data "
    "licensed clínico clínica médico médica enfermería recepción seguridad administrativo "
    "administrativa farmacia".split()
)
# Words that may come before a staff title in its noun phrase, a department's among them
_BEFORE_TITLE = _DEPARTMENTS | frozenset(
    "a an the our its each every one two separate dedicated designated registered "
    "program house residential agency site staff business "
    "practical night day shift overnight evening weekend el la los las un una nuestro nuestra cada del de "
    "personal otro otra case care psychiatric exclusively only solely exclusivamente solo "
    "sólo únicamente police transit".split()
)
_STAFF_NOUNS = frozenset("staff personnel employees personal".split())
# A clause that opens with "Only staff who …" or "Solo el personal …" restricts a duty
# to others ("Only staff who have completed the medication course may administer").
_ONLY = frozenset("only solo sólo únicamente solamente".split())
_STAFF = frozenset(
    "staff employees personnel those qualified trained certified credentialed licensed "
    "designated authorized personal".split()
)
_OWN = frozenset("own themselves himself herself self propio propia propios propias".split())
# Verbs by which a title hands a duty to the person after it ("the director asked L. to …").
_ASKING = frozenset(
    "asked asks ask told tells tell wants wanted expects expected instructed directed "
    "assigned assigns requested requests pidió pide piden pidieron mandó manda quiere "
    "quieren asignó".split()
)
# Words after a duty that hand it to someone else ("medication is handled by the
# Program Aide", "está a cargo del personal de enfermería"); a title must follow.
_AGENT_CUES = {
    "en": (
        "handled by",
        "done by",
        "performed by",
        "completed by",
        "provided by",
        "managed by",
        "administered by",
        "given by",
        "written by",
        "kept by",
        "responsibility of",
        "job of",
        "task of",
        "go through",
        "goes through",
        "owned by",
        "compiled by",
        "pulled by",
        "entered by",
    ),
    "es": (
        "a cargo",
        "corresponde al",
        "corresponde a",
        "realizada por",
        "realizado por",
        "hecha por",
        "hecho por",
        "administrada por",
        "administrado por",
        "tarea de",
        "tarea del",
        "función de",
        "función del",
    ),
}
AGENT_WINDOW = 8  # words after the match where a cue can hand the duty to another title
# A title before one of these after the duty hands it over too ("Screening is an MA/nursing
# task here", "is the nurse's job")
_TASK_NOUNS = frozenset("task tasks job jobs duty duties responsibility function".split())
_JOB_PAPERS = frozenset("description descriptions title titles code codes family class".split())
TITLE_WINDOW = 6  # words after such a cue where the title must be


def another_position(tokens: Tokens, start: int, end: int) -> str | None:
    """Why a duty at words ``start``..``end`` belongs to someone else: its clause
    opens with a staff title that is not a peer role ("a separate fiscal clerk
    manages …"), or a cue after it hands it to one ("… is handled by the Program
    Aide"), or None."""
    boundaries = clause_boundaries(tokens)
    first = clause_start(tokens, start, boundaries)
    words = tokens.words
    opener = [w for w in words[first:start] if not _numbering(w)][:3]
    who = next((at for at in range(start - 1, first - 1, -1) if words[at] in _WHO), None)
    if (
        who is not None
        and not _PEER_WORDS & set(words[who:start])
        # the relative clause runs to the duty: no "and", "then" or comma hands the
        # sentence back to its subject ("works beside the nurse who is on shift and
        # administers medications" is the peer's duty)
        and not _BACK_TO_SUBJECT & set(words[who + 1 : start])
        and not any(who < at <= start for at in tokens.commas)
    ):
        # "… the clinician on shift, who does the assessment": the title the relative follows
        before = words[max(0, who - _WHO_REACH) : who]
        titles = [w for w in before if _is_title(w)]
        if titles and not _PEER_WORDS & set(before):  # "a peer support worker who …" is a peer
            return f"{ANOTHER_POSITION} ('{titles[-1]}, {words[who]} …')"
    staff = any(w in _STAFF or _is_title(w) for w in opener)
    if opener and opener[0] in _ONLY and staff and not _PEER_WORDS & set(words[first:start]):
        return f"{ANOTHER_POSITION} ('{' '.join(opener)} …')"  # "Only staff who … may"
    for at in range(first, start):
        if words[at] in _PEER_WORDS:
            return None
        # a clause that opens with the people served and says it is their own ("Guests keep
        # and manage their own medications", "Los residentes manejan su propio dinero")
        # tells what they do themselves, unless it names peers too
        if words[at] in PEOPLE_SERVED:
            _, last = tokens.sentence_range(start)
            clause = {words[i] for i in range(at, next((b for b in boundaries if b > end), last))}
            if clause & _OWN and not clause & _PEER_WORDS:
                return f"{THEIR_OWN} ('{words[at]}')"
            break  # "members who skip sessions are reported …": done to them, by someone
        if _is_title(words[at]) or (
            words[at] in _STAFF_NOUNS and _DEPARTMENTS & set(words[first:at])
        ):
            if any(w in _PEER_WORDS or w in _ASKING for w in words[at + 1 : start]):
                # "the director supervises peer specialists who administer …",
                # "the program director asked L. to complete screenings"
                return None
            title = " ".join(w for w in words[first : at + 1] if not _numbering(w))
            return f"{ANOTHER_POSITION} ('{title}')"
        if words[at] not in _BEFORE_TITLE and not _numbering(words[at]):  # "2.4.5 La clínica …"
            break
    return _agent_after(tokens, start, end, boundaries)


def _numbering(word: str) -> bool:
    """A clause or item number ("3", "2.4.5")."""
    return word.replace(".", "").isdigit()


def _agent_after(tokens: Tokens, start: int, end: int, boundaries: list[int]) -> str | None:
    """A cue after the match that hands the duty to a staff title ("is handled by
    the Program Aide"), in the same clause and with no peer named before it."""
    words = tokens.words
    for at in range(end + 1, min(len(words) - 1, end + 1 + AGENT_WINDOW)):
        if words[at] in _PEER_WORDS or not same_clause(tokens, start, at, boundaries):
            break
        title = words[at].removesuffix("'s")  # "the nurse's job"
        after = words[at + 2] if at + 2 < len(words) else ""
        # (not "share the aide job description": a title's job description or code)
        if _is_title(title) and words[at + 1] in _TASK_NOUNS and after not in _JOB_PAPERS:
            return f"{ANOTHER_POSITION} ('{words[at]} {words[at + 1]}')"
    cues, starts = memo(tokens, "agents", _agent_cues)
    near = cues[bisect_right(starts, end) : bisect_right(starts, end + AGENT_WINDOW)]
    for cue in near:
        if not same_clause(tokens, start, cue.start, boundaries):
            continue
        if any(w in _PEER_WORDS for w in words[start : cue.start]):
            continue
        # the title may follow a few words of its own ("the housing coordinator",
        # "our business office"), but no peer
        for at in range(cue.end + 1, min(len(words), cue.end + 1 + TITLE_WINDOW)):
            if words[at] in _PEER_WORDS:
                break
            if _is_title(words[at]):
                return f"{ANOTHER_POSITION} ('{cue.text} {' '.join(words[cue.end + 1 : at + 1])}')"
    return None


def _agent_cues(tokens: Tokens) -> tuple[list[Cue], list[int]]:
    """The cues that hand a duty to someone, in order, and where they start."""
    cues = sorted(find_phrases(tokens, _AGENT_CUES[passage_language(tokens)]), key=_start)
    return cues, [cue.start for cue in cues]


def _start(cue: Cue) -> int:
    return cue.start


def position_title(text: str) -> bool:
    """Whether ``text`` (a table's first cell) names a staff position that is not a peer role."""
    words = letter_words(text)
    return not _PEER_WORDS & set(words) and any(_is_title(w) for w in words)
