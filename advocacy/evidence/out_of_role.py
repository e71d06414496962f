"""Clause rules that put a duty out of the peer role after it is named, and colons
that do not end a negated lead-in.

* A duty as the subject of a predicate that puts it out of the role or against the
  code is not assigned: "MAP and med reminders *are outside* the peer role", "lists
  med passes *as outside* the peer role", "Holding someone down *isn't* consistent
  with …", "Dar o contar medicamentos *no es* parte del apoyo", "tomar muestras *va
  en contra* del principio", "lo de avisar … *no lo puedo* hacer", "reporting refusals
  *breaks* the non-coercion principle", "reporting people to their PO *is coercion*".
  Not after "and" + a verb of its own ("… and are outside the union"), nor across a
  relative clause ("…, which is outside their role" is a complaint about a duty that
  was given).
* A duty said to be done by someone else, "never by" or "not" the peer role, later in
  its sentence: "Pat-downs are done by security, *never by peer staff*", "Meds are
  passed by nursing, *not peers*", "Las pruebas las hace enfermería, *nunca los pares*".
  Not across a relative or subordinate clause ("…, which is not peer work" complains of
  a duty given), nor of a peer supervisor ("not the peer supervisor").
* A colon after a negated lead-in to a list does not end the negation: "The following
  … should not be assigned to peer staff: medication administration, transportation".
"""

from __future__ import annotations

from collections.abc import Callable

from advocacy.evidence.cue_words import (
    COORDINATORS,
    COPULAS,
    EXCLUDING_WORDS,
    LIST_WORDS,
    POST,
    RELATIVES,
    SUBORDINATORS,
    TERMINATORS,
)
from advocacy.evidence.matching import Tokens
from advocacy.evidence.staffing_words import PEER_MARKERS

NEGATED = "negated by"  # how every negation's reason starts ("negated by 'will not'")
WINDOW = 8  # words after a match to the predicate that puts it out of the role
SENTENCE_WINDOW = 16  # words after a match to the "never by peers" that puts it out
# Clauses of their own, where a "not peer work" is said of something else.
CLAUSE_OPENERS = SUBORDINATORS | frozenset("though although because aunque que".split())
NEGATIONS = POST | frozenset("ni nor".split())
# Between the negation and the peer role: "never *by any* peer staff", "nunca *los* pares";
# not "to" ("pass meds to clients, not to peers": who gets them).
NOT_BY = frozenset("by for any the a an our por para los las el la un una nuestros".split())
# Words after the peer role that go on naming it: "peer support specialists", "peer staff
# members", "pares especialistas".
PEER_NOUNS = frozenset(
    "staff support specialist specialists worker workers mentor mentors coach coaches "
    "advocate advocates supporter supporters member members especialista especialistas".split()
)
SAYING = frozenset("say says said saying decir dice dicen diga digan".split())
ASSIGNING = ("assign", "belong", "delegat", "left", "fall", "asign", "correspond")
_MARKS = ",.;:!?)—–"
AGAINST = frozenset("against contra".split())
AGAINST_VERBS = frozenset("go goes went is are was were va van iba en".split())
AS_WORDS = frozenset("as como".split())
CONTRACTED = frozenset("isn't aren't wasn't weren't".split())
REFUSING = frozenset("puedo podemos voy vamos pienso haré haremos".split())
# "Reporting refusals *breaks the* non-coercion *principle*": an argument against a duty.
BREAKING = frozenset(
    "break breaks broke violate violates violated undermine undermines contradict contradicts "
    "viola violan violaría rompe rompen rompería contradice contradicen socava".split()
)
# "Reporting people to their PO *is coercion*": a duty called a breach.
COERCION = frozenset("coercion coercive coerción coercitivo coercitiva".split())
PRINCIPLES = frozenset(
    "principle principles ethics ethical code confidentiality mutuality coercion trust "
    "principio principios ética código confidencialidad mutualidad coerción confianza".split()
)


def out_of_role_after(tokens: Tokens, end: int, in_clause: Callable[[int], bool]) -> str | None:
    """Why the clause after a match ending at word ``end`` puts it out of the role
    ("negated by 'are outside'"), or None; ``in_clause(at)`` says whether word ``at``
    is in the match's clause."""
    words = tokens.words
    for at in range(end + 1, min(len(words), end + 1 + WINDOW)):
        word = words[at]
        if not in_clause(at) or word in RELATIVES:
            return None
        following = words[at + 1] if at + 1 < len(words) else ""
        if word in COORDINATORS and (following in COPULAS or following in AGAINST_VERBS):
            return None
        said = _predicate(words, at, end)
        if said:
            return f"{NEGATED} '{said}'"
    return None


def not_the_peers_after(tokens: Tokens, end: int) -> str | None:
    """Why the rest of the sentence after a match ending at word ``end`` says the peer
    role does not do it ("negated by 'never by peer'"), or None."""
    words = tokens.words
    sentence = tokens.sentences[end]
    for at in range(end + 1, min(len(words), end + 1 + SENTENCE_WINDOW)):
        word = words[at]
        if tokens.sentences[at] != sentence or word in RELATIVES or word in CLAUSE_OPENERS:
            return None
        if word in COORDINATORS and _new_clause(tokens, at):
            return None  # "…, but pat-downs are done by security, not peers": another clause
        if word not in NEGATIONS or (word == "no" and words[at - 1] in SAYING):
            continue  # "the person can say no to the peer": a right, not who does the duty
        role = at + 1
        while role < len(words) and role - at <= 3 and _not_by(tokens, role):
            role += 1
        if role >= len(words) or words[role] not in PEER_MARKERS or _marked(tokens, at, role):
            continue  # "nurse or not, peer or not"
        while role + 1 < len(words) and words[role + 1] in PEER_NOUNS:
            role += 1  # "peer staff", "peer support specialists", "peer staff members"
        if _phrase_ends(tokens, role) and not _taken_back(
            tokens, role + 1, tokens.sentence_range(role)[1]
        ):
            # "not the peer." but "no peer training"; "never by peer staff, unless …"
            return f"{NEGATED} '{' '.join(words[at : role + 1])}'"
    return None


def _taken_back(tokens: Tokens, first: int, last: int) -> bool:
    """Whether a word of words ``first`` to ``last`` takes back what precedes it ("…,
    unless security is unavailable", "…, pero"), not as boilerplate ("unless otherwise
    noted")."""
    words, taking_back = tokens.words, TERMINATORS.get(tokens.lang, TERMINATORS["en"])
    return any(
        words[at] in taking_back and (at + 1 >= len(words) or words[at + 1] != "otherwise")
        for at in range(first, last)
    )


def _not_by(tokens: Tokens, at: int) -> bool:
    """Whether word ``at`` may stand between a negation and the peer role it names: "to"
    only after a word of assigning ("assigned to nursing, not to peer staff"), not after
    one of giving ("pass meds to clients, not to peers" says who gets them); in Spanish
    not "a" ("a los clientes, no a los pares")."""
    word = tokens.words[at]
    if word == "to":
        first = tokens.sentence_range(at)[0]
        return any(w.startswith(ASSIGNING) for w in tokens.words[first:at])
    return word in NOT_BY and not (word == "a" and tokens.lang == "es")


def _new_clause(tokens: Tokens, at: int) -> bool:
    """Whether the coordinator at word ``at`` opens a clause of its own: after a comma, or
    "but", and not before a negation ("and never by peers"); "Pat-downs and belongings
    searches are done by security, never by peer staff" joins two duties."""
    words = tokens.words
    if at + 1 < len(words) and words[at + 1] in NEGATIONS:
        return False
    return words[at] in ("but", "pero") or _marked(tokens, at - 1, at)


def _marked(tokens: Tokens, first: int, last: int) -> bool:
    """Whether a mark of punctuation parts words ``first`` and ``last``."""
    between = tokens.text[tokens.spans[first][1] : tokens.spans[last][0]]
    return any(mark in between for mark in _MARKS)


def _phrase_ends(tokens: Tokens, at: int) -> bool:
    """Whether word ``at`` ends its phrase: the text ends, or a mark or "and", "or" follows."""
    if at + 1 >= len(tokens.words):
        return True
    if tokens.words[at + 1] in COORDINATORS or tokens.words[at + 1] in ("or", "o"):
        return True
    return _marked(tokens, at, at + 1)


def _predicate(words: tuple[str, ...], at: int, end: int) -> str | None:
    """What, at word ``at`` after a match ending at ``end``, says the match is out of the
    role or against it: "are outside", "as outside", "va en contra", "goes against";
    right after the match, "isn't" or Spanish "no es" ("no es parte del apoyo")."""
    word, before = words[at], words[at - 1]
    following = words[at + 1] if at + 1 < len(words) else ""
    if (word in EXCLUDING_WORDS and (before in COPULAS or before in AS_WORDS)) or (
        word in AGAINST and before in AGAINST_VERBS
    ):
        return f"{before} {word}"
    if at == end + 1 and word in CONTRACTED:
        return word
    if word in COERCION and before in COPULAS and following not in ("free", "libre"):
        return f"{before} {word}"
    if word in BREAKING and PRINCIPLES & set(words[at + 1 : at + 8]):
        return word  # "… breaks the non-coercion and confidentiality principles"
    refusing = words[at + 2] if at + 2 < len(words) else ""
    if word == "no" and following in ("lo", "la") and refusing in REFUSING:
        return f"no {following} {refusing}"  # "lo de avisar si no se la toma no lo puedo hacer"
    return f"no {following}" if at == end + 1 and word == "no" and following in COPULAS else None


def list_colons(tokens: Tokens, marks: list[int], trigger_starts: list[int]) -> list[int]:
    """The colons that end a clause, given the other clause boundaries ``marks`` and where
    the negation triggers start: not one after a negated lead-in to a list."""
    kept: list[int] = []
    words = tokens.words
    for colon in tokens.colons:
        opened = max([m for m in [*marks, *kept] if m < colon], default=0)
        first = tokens.sentence_range(colon)[0]
        if not (
            any(w in LIST_WORDS for w in words[first:colon])
            and any(opened <= start < colon - 1 for start in trigger_starts)
        ):
            kept.append(colon)
    return kept
