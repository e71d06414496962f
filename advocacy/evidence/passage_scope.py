"""Why all of a passage's matches are not counted, or some of a table row's: what the
passage is (an e-mail's subject or address line, a form field answered "no", a row of
another position's or under the peer column's "No") and what it is listed under (an
excluding heading or lead-in), worked out once per passage for the finder
(:mod:`.finder`) before its phrases are judged one by one (:mod:`.scope`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from advocacy.evidence.columns import CELL_MARK
from advocacy.evidence.cue_words import LEAD_IN_CLAUSE, LIST_WORDS, TRIGGERS
from advocacy.evidence.match_index import PhraseMatch
from advocacy.evidence.matching import tokenize
from advocacy.evidence.normalise import detect_language, letter_words
from advocacy.evidence.positions import position_title
from advocacy.evidence.reading import Passage
from advocacy.evidence.scope import (
    A_SUBJECT_LINE,
    AN_ADDRESS_LINE,
    ANOTHER_POSITION,
    LEAD_IN_WORDS,
    NEGATED,
    excluding,
    excluding_lead,
)
from advocacy.evidence.staffing_words import OTHER_STAFF, PEER_MARKERS
from advocacy.evidence.titles import SECTION_NUMBER, without_remark

# A roles matrix's cell that keeps a task from the peer role: "No", "No – never", "Nunca".
#: A peer column's cell that refuses the task: "No", "Never", "No (RN only)", "Nunca —
#: enfermería", "Not involved. May offer support after"; not "No restrictions", where the
#: word opens something else.
_PEER_SAYS_NO = re.compile(
    r"(?:no|never|nunca|none|ninguna?|not\s+(?:involved|permitted|allowed))(?:$|\s*[^\w\s])",
    re.IGNORECASE,
)

# A form's field for the role's own supervisor ("| Supervisor | Clinical Director (LICSW) |",
# "| Reports to | …"): the row tells who supervises the peer, it is no other post's row.
_SUPERVISOR_FIELD = re.compile(
    r"\W*(?:(?:direct|immediate)\s+)?(?:supervisora?(?:\s*/\s*reports\s+to)?|supervised\s+by"
    r"|supervision|reports\s+to|supervisado\s+por|reporta\s+a)\W*$",
    re.IGNORECASE,
)

_FIELD_WORDS = 10  # at most so many words in a Supervisor field's value


def _supervisor_field(text: str, owner: str) -> bool:
    """Whether a table row is a form's Supervisor field: its first cell only names the
    field and the rest is a short title ("| Supervisor | Clinical Director (LICSW) |"), not
    a supervisor's duties ("| Supervisor | Dispenses medications |")."""
    if not _SUPERVISOR_FIELD.match(owner):
        return False
    rest = text.replace(owner, " ", 1)
    return len(letter_words(rest)) <= _FIELD_WORDS and position_title(rest)


# The subject line of an e-mail or memo ("Subject: RE: overnight help", "Asunto: …").
_SUBJECT_LINE = re.compile(r"\s*(?:subject|re|fwd?|asunto)\s*:", re.IGNORECASE)
# Who sent an e-mail or memo, to whom, and when ("From: Wanda Estep, RN, ED Nurse Manager",
# "**To:** Executive Team", "De: Administración"): a short line of names, no duty.
_ADDRESS_LINE = re.compile(
    r"\W*(?:from|to|cc|bcc|sent|date|de|para|enviado|fecha)\W{0,2}:", re.IGNORECASE
)
_ADDRESS_WORDS = 12
# In an address line's value only names, dates and addresses: words in capitals, figures,
# e-mail addresses and these ("Director of Peer Services", "Equipo de Pares y Enfermería").
_NAME_JOINS = frozenset("and of the for y de del la el los las & -".split())


def _address_line(text: str) -> bool:
    """Whether ``text`` is an e-mail's or memo's From, To, Cc or Date line: its label, then
    names, dates or addresses only, in one short sentence ("To: reduce costs, peer staff
    will pass medications" and "Date: 3/4. Peer assigned to med pass" say more)."""
    found = _ADDRESS_LINE.match(text)
    if found is None or len(text.split()) > _ADDRESS_WORDS:
        return False
    value = text[found.end() :].strip().rstrip(".").strip("*_ ")
    if re.search(r"[.!?]\s", value):
        return False
    return all(
        word[:1].isupper() or any(c.isdigit() or c == "@" for c in word) or word in _NAME_JOINS
        for word in (w.strip(",;()*_'\"“”") for w in value.split())
        if word
    )


# A form field whose value is "none": "Representative Payee / Money Handling: NONE.",
# "Sitter / 1:1 observation: No"; and
# with a note that says no again ("no, never", "no (prohibited by policy)") or names
# who does it instead ("Med pass: no, nursing only.", "Funds: no; the business office
# does."). Not a note that takes it back ("no, though peers hold petty cash", "no, not
# normally", "no, pero los fines de semana sí") or has peers do it after all ("no, peers
# assist nursing with the med pass").
_TAKEN_BACK = (
    r"except|unless|but|if|when|though|although|other than|instead|normally|usually"
    r"|generally|typically|excepto|salvo|menos|sino|si|cuando|pero|aunque|normalmente"
    r"|generalmente"
)
_SAID_AGAIN = r"never|not|nunca|no|prohibit\w*|forbidden|prohibid\w*"
_SOMEONE_ELSE = (
    r"nurs\w*|rn|rns|lpn|lvn|clinician|clinicians|pharmac\w*|prescriber|office|finance"
    r"|enfermer\w*|farmacia|oficina|finanzas"
)
_FIELD_SAYS_NONE = re.compile(
    r"^(?:[^:]|(?<=\d):(?=\d)){2,80}:\s*\**(none|never|no|ninguno|ninguna|nunca)\**\s*"
    rf"(?:[,;(—–-]\s*(?!.*\b(?:{_TAKEN_BACK})\b)"
    rf"(?=.*\b(?:{_SAID_AGAIN})\b|(?!.*\b(?:peers?|pares?)\b).*\b(?:{_SOMEONE_ELSE})\b)"
    r"[^:]{1,60})?[.!)]?\s*$",
    re.IGNORECASE,
)


def _names_a_peer(text: str, owner: str) -> bool:
    """Whether a table row's cells after its first name a peer, not to keep them out ("RN
    Kim | Jose (Peer Specialist) | hands out meds", a roster; "RN Kim | 10:02 | peers
    please hand out the 5pm meds", a log typed with pipes; not "| Med Tech | … | peer
    staff never cover this |"): then the row is not another position's alone."""
    rest = text[len(owner) :] if text.startswith(owner) else text
    negations = TRIGGERS["en"] | TRIGGERS["es"]
    for cell in rest.split(CELL_MARK):
        words = set(letter_words(cell))
        if words & PEER_MARKERS and not words & negations:
            return True
    return False


A_HEADER_ROW = "a table's header row (the names of its columns)"
# Words that name a table's columns ("Position | Duties | Notes", "Shift | Staff on duty |
# Med pass by"), in a header row of short cells.
_COLUMN_WORDS = frozenset(
    "task tasks duty duties function functions responsibility responsibilities position "
    "positions role roles title titles who notes note comments comment staff supervisor "
    "supervisors fte ftes pay rate wage hours shift shifts name item items criterion criteria "
    "score status service services tarea tareas función funciones puesto puestos rol quién "
    "notas comentarios personal horas turno".split()
)
_HEADER_CELL_WORDS = 5


def _row(passage: Passage | None) -> bool:
    return passage is not None and passage.owner is not None and CELL_MARK in passage.text


def _header_row(passages: tuple[Passage, ...], at: int) -> bool:
    """Whether passage ``at`` is a table's header row: the first row of a table of two or
    more, of short cells, one of them a word that names a column ("Duties", "Notes")."""
    before = passages[at - 1] if at else None
    after = passages[at + 1] if at + 1 < len(passages) else None
    if not _row(passages[at]) or _row(before) or not _row(after):
        return False
    cells = passages[at].text.split(CELL_MARK)
    if any(len(cell.split()) > _HEADER_CELL_WORDS for cell in cells):
        return False
    return bool(_COLUMN_WORDS.intersection(letter_words(passages[at].text)))


def bare_lead_in(text: str, lang: str) -> bool:
    """Whether a line without its colon ("YOU WILL NOT", "Peer staff do not", "Not part of
    this job") is an excluding lead-in: a negation with only a subject before it and the
    verb of what is done after it, or work kept out of the role in other words, as one
    before a colon is read (:func:`scope.excluding_lead`). A line in two languages
    ("THINGS WE DO NOT ASK OF YOU / SA NOU PA MANDE W FÈ") is read by its halves."""
    if " / " in text:
        return any(bare_lead_in(half, lang) for half in text.split(" / ") if half.strip())
    tokens = tokenize(text, lang)
    words = tokens.words
    count = len(words)
    # a line is read from its last relative word: "Things we've written into our City
    # agreement that you will never do", "Lo que en este puesto nunca se te pedirá"
    first = max((at + 1 for at, w in enumerate(words) if w in LEAD_IN_CLAUSE), default=0)
    end = text.rstrip()[-1:]
    # a full stop after the list named as such: "Peers shall not perform the following duties."
    named = end == "." and bool(LIST_WORDS.intersection(words[-2:]))
    if not count or count - first > LEAD_IN_WORDS or (end in ".!?;," and not named):
        return False
    if OTHER_STAFF.intersection(words):
        return False  # "Nurses do not" over what peers then do: no lead-in of the peer role
    return excluding_lead(tokens, first, count, text)


def _section_of(text: str) -> str | None:
    """The part before the first dot of a line's section number ("7" of "7.2 Station
    sweeps"), or None for a line without one."""
    number = SECTION_NUMBER.match(text)
    return number.group(0).split(".", 1)[0] if number else None


def _heading_excludes(heading: str, lang: str) -> bool:
    """Whether a heading keeps what stands under it out of the role. It is read in its own
    language (a bilingual bid's English heading over Spanish items), and not by its
    closing remark ("REQUIRED ACTIVITIES (not billable here)") unless the remark is a
    lead-in itself ("PEER ROLE (what peers do not do)")."""
    own = detect_language(heading)
    lang = own if own in TRIGGERS else lang
    core = without_remark(heading)
    remark = heading[len(core) :].strip(" ()")
    return excluding(core, lang) is not None or (bool(remark) and bare_lead_in(remark, lang))


def list_scopes(passages: tuple[Passage, ...], languages: list[str]) -> list[str | None]:
    """For each passage, why an excluding lead-in or heading covers it (or None)."""
    scopes: list[str | None] = []
    lead_in, nested = None, False  # nested: the lead-in is itself a list item
    section = ""  # the lead-in's section number before its first dot ("7" of "7.1")
    marked = False  # whether items with marks ("(a)", "-") have followed the lead-in
    heading_seen: dict[str, str | None] = {}
    previous_heading: str | None = None
    for at, (passage, lang) in enumerate(zip(passages, languages, strict=True)):
        reason: str | None = None
        if passage.heading != previous_heading:
            lead_in = None  # a new section ends the lead-in's list
            previous_heading = passage.heading
        if passage.heading is not None:
            if passage.heading not in heading_seen:
                heading_seen[passage.heading] = (
                    f"under the excluding heading '{passage.heading}'"
                    if _heading_excludes(passage.heading, lang)
                    else None
                )
            reason = heading_seen[passage.heading]
        if _header_row(passages, at):
            reason = reason or A_HEADER_ROW
        owner = passage.owner
        if (
            owner is not None
            and position_title(owner)
            and not _supervisor_field(passage.text, owner)
            and not _names_a_peer(passage.text, owner)
        ):
            reason = reason or f"{ANOTHER_POSITION} ('{owner}', its table row)"
        if passage.peer_cell is not None and _PEER_SAYS_NO.match(passage.peer_cell):
            reason = reason or f"the peer role's column says '{short(passage.peer_cell)}'"
        if _SUBJECT_LINE.match(passage.text):
            reason = reason or A_SUBJECT_LINE
        if _address_line(passage.text):
            reason = reason or AN_ADDRESS_LINE
        says_none = _FIELD_SAYS_NONE.match(passage.text.strip())
        if says_none:
            reason = reason or f"the field says '{says_none.group(1)}'"
        text = passage.text.rstrip()
        # a numbered section under a lead-in of its section ("7.1 Excluded duties:" over
        # "7.2 Station sweeps"), or under an unnumbered one, is an item of its list
        numbered = _section_of(text)
        item = passage.item or (
            lead_in is not None
            and not marked  # after "(a) … (d)", "3.3 …" is the next section, not an item
            and numbered is not None
            and section in ("", numbered)
        )
        marked = marked or (passage.item and lead_in is not None)
        if item and lead_in is not None and not (nested and text[:1].isupper()):
            reason = reason or lead_in  # an item's own sub-items continue its sentence
        elif not passage.item or text.endswith(":"):
            nested = passage.item
            if text.endswith(":"):
                excludes = excluding(text, lang) is not None
            else:  # "YOU WILL NOT" over a list: a lead-in without its colon
                following = passages[at + 1] if at + 1 < len(passages) else None
                listed = following is not None and (
                    following.item or _section_of(following.text) is not None
                )
                excludes = listed and bare_lead_in(text, lang)
            lead_in = f"listed under '{short(text)}'" if excludes else None
            section, marked = _section_of(text) or "", False
        scopes.append(reason)
    return scopes


def answered_in_row(text: str, owner: str, matches: list[PhraseMatch]) -> list[PhraseMatch]:
    """A table row's first cell names a task ("Do UAs / UDS", "Medication"); the next
    cells say who does it ("Nursing only – peers never do UAs"). A red flag matched in the
    first cell, where a later cell negates a flag of the same criterion with the peer role
    just before the negation ("peers are exempt from sitter duty"), is the row's topic,
    not a duty: it is not counted either. ("Daily; no medication pass on weekends" and
    "RN does not conduct UAs" say nothing of peers.)"""
    topic = " ".join(owner.split())
    cut = len(topic)
    if not topic or not text.startswith(topic) or cut == len(text):
        return matches
    answered = {
        m.entry.criterion
        for m in matches
        if m.span[0] >= cut
        and (m.excluded or "").startswith(NEGATED)
        and PEER_MARKERS.intersection(w.lower() for w in _WORD.findall(text, cut, m.span[0])[-4:])
    }
    if not answered:
        return matches
    reason = f"its table row says '{short(text[cut:].strip(' |'))}'"
    return [
        replace(m, excluded=reason)
        if m.entry.kind == "red_flag"
        and m.excluded is None
        and m.span[0] < cut  # (and may run on into the next cell: "observation | Patient")
        and m.entry.criterion in answered
        else m
        for m in matches
    ]


_WORD = re.compile(r"[\w']+")


def short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1].rsplit(" ", 1)[0] + "…"
