"""Decide whether a match counts: negation, excluding lists and weak qualifiers.

A small rule engine in the manner of NegEx and ConText (Chapman et al.,
2001 and 2009), the rules clinical NLP uses to tell "no fever" from
"fever":

* a **trigger** ("not", "never", "won't", "without", Spanish "no", "sin",
  "nunca") negates what follows it up to the end of its clause;
* a **pseudo-trigger** looks like one but is not ("not only", "no lack of",
  "not limited to", Spanish "no solo", "sin embargo") and negates nothing;
* a **terminator** ("but", "however", "except", Spanish "pero", "aunque")
  or the end of a sentence closes a trigger's scope, so in "will not give
  out medication but will handle client funds" only the medication is
  negated;
* a preposition ("without", "rather than", Spanish "sin") negates only the
  next few words, the noun phrase it governs;
* a comma closes the scope of a trigger inside an opening subordinate
  clause: in "when no sitter is available, peer staff provide constant
  observation" only the sitter is negated;
* a **post-trigger** negates what comes just before it ("medication
  administration is not part of the role");
* "non-" and "-free" negate nothing beyond their own word: a "non-licensed
  medication aide" still gives out medication, while "non-clinical
  supervision" is not clinical supervision;
* **list scope**: items under a lead-in or heading that excludes ("does not
  include:", "outside the scope of the peer role:", "Excluded duties") are
  excluded;
* a **question** ("May peer staff help people manage their money?", in a
  bidders' Q&A) states no duty: its red-flag matches are not counted;
* **weak qualifiers** ("preferred", "a plus", "not required", "ideally")
  turn a stated requirement into a wish.

Every decision carries its reason, so the report can say why a match was
not counted.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from advocacy.evidence.clauses import (
    Cue,
    clause_boundaries,
    clause_start,
    crossed,
    find_phrases,
    memo,
    negative_predicates,
    passage_language,
    pseudo_words,
    relative_ends,
    same_clause,
    triggers,
)
from advocacy.evidence.columns import CELL_MARK
from advocacy.evidence.cue_words import (
    ASSIGNED_LEAD_IN,
    CONCORD,
    CONDITIONALS,
    COORDINATORS,
    COPULAS,
    EXCLUDING_WORDS,
    EXCLUSIONS,
    EXEMPTING,
    EXEMPTION_LIMITS,
    KEPT_OUT_OF_ROLE,
    LEAD_IN_CLAUSE,
    LEAD_IN_VERBS,
    LOSSES,
    MAIN_SUBJECTS,
    MODALS,
    NOT_KEPT_OUT,
    ONE_WORD_LEAD_INS,
    OWN_ITEM,
    POST,
    POST_WORDS,
    PROBLEMS_HEADING,
    RELATIVES,
    REPLACED_LEAD_IN,
    ROLE_WORDS,
    SHORT_SCOPE,
    SUBJECTS,
    SUBORDINATORS,
    TERMINATORS,
    TRIGGERS,
    WATCH_FOR_LEAD_IN,
    WEAK,
)
from advocacy.evidence.matching import Tokens, tokenize
from advocacy.evidence.out_of_role import NEGATED, out_of_role_after

POST_WINDOW = 3
# "non-" before these at a match's end names the opposite ("supervision is non-clinical")
_OPPOSITES = ("clinic", "clínic", "licens", "medic", "médic")
ANOTHER_POSITION = "a duty of another position"  # not the peer's: rules nothing out
A_QUALIFIER = "a qualifier of something else"  # "no obligatoria": rules nothing out
A_QUESTION = "asked as a question"  # "May peer staff manage money?": rules nothing out
# "the same scale as bachelor's-level case managers": parity, the opposite of entry-level
# pay, which rules the flag out
THE_OPPOSITE = "says the opposite"
# Reasons a red flag is not counted that say nothing about peers' duties.
ANOTHER_MEANING = "means something else"  # "reports to the Nurse Manager": rules nothing out
A_SUBJECT_LINE = "a message's subject line"  # "Subject: overnight help": names a topic
AN_ADDRESS_LINE = "a message's sender or recipients"  # "From: Wanda Estep, RN, Nurse Manager"
THEIR_OWN = "what the people served do themselves"  # "Guests manage their own medications"
RULES_NOTHING_OUT = (
    ANOTHER_POSITION,
    THEIR_OWN,
    A_QUALIFIER,
    A_QUESTION,
    ANOTHER_MEANING,
    A_SUBJECT_LINE,
    AN_ADDRESS_LINE,
)
# Prepositions negate only the few words after them: in "supervisors without
# that experience complete the training" the training is not negated.
SHORT_SCOPE_WINDOW = 4
EXEMPT_REACH = 12  # words from "exempt from" to the match it negates, a list's item at most
# Words that open a predicate of their own after "exempt from …": "…, will do UAs daily".
OWN_VERB_OPENERS = frozenset("to will shall must may can should would para debe deben".split())
IF_REACH = 3  # words before a match where an "if" makes the negation inside it a condition
_TAKEN_BACK = 3  # words before a weak qualifier where a negation takes it back
SHORT_PASSAGE = 12  # words; a line this short is one qualification, whatever its punctuation


def _subordinate(tokens: Tokens, trigger: int, end: int, boundaries: list[int]) -> bool:
    """Whether the trigger is in an opening "when …," clause that a comma closes before ``end``:
    the nearest comma or subordinator before it, in its clause, is a subordinator."""
    commas, words = tokens.commas, tokens.words
    after = bisect_right(commas, trigger)
    if (after == len(commas) or commas[after] > end) and not any(
        words[k] in MAIN_SUBJECTS and words[k + 1] in MODALS for k in range(trigger + 1, end)
    ):  # no comma, nor a main clause's subject and modal ("… not in group you can help")
        return False
    marks, comma_set = memo(tokens, "subordinators", _subordinators_and_commas)
    before = bisect_right(marks, trigger - 1)
    if not before:
        return False
    at = marks[before - 1]
    in_clause = at >= clause_start(tokens, trigger, boundaries)
    return in_clause and (at not in comma_set or words[at] in SUBORDINATORS)


def _subordinators_and_commas(tokens: Tokens) -> tuple[list[int], frozenset[int]]:
    """Sorted words that are a subordinator or follow a comma, and those that follow a comma."""
    found = [at for at, word in enumerate(tokens.words) if word in SUBORDINATORS]
    return sorted({*found, *tokens.commas}), frozenset(tokens.commas)


def _in_condition(words: tuple[str, ...], start: int, trigger: int) -> bool:
    """Whether a trigger inside the match follows a subordinator or a relative pronoun
    that the match also holds (from its first word): "notify the team *when* a client
    does *not* engage", "*if* a resident does *not* take meds, tell the nurse",
    "residents *who* do *not* attend get a write-up" negate the condition, not the duty."""
    return any(
        words[at] in SUBORDINATORS or (words[at] in RELATIVES and words[at] != "which")
        for at in range(start, trigger)
    )  # "the Peer Team meeting, *which* is *never* cancelled": of a thing, not a lapse


def _if_before(tokens: Tokens, start: int) -> bool:
    """Whether "if" (or "si") opens the clause just before a match that a trigger inside
    negates: "positions end *if* the grant is not renewed" names a risk, not a negation;
    "*If* asked, peers write no progress notes" negates (the comma closes the "if")."""
    first = max(0, start - IF_REACH)
    conditions = [at for at in range(first, start) if tokens.words[at] in CONDITIONALS]
    return bool(conditions) and not any(conditions[-1] < at <= start for at in tokens.commas)


def negation(
    tokens: Tokens,
    start: int,
    end: int,
    weak: bool = False,
    reach: int | None = None,
    own: frozenset[str] = frozenset(),
) -> str | None:
    """Why the match at words ``start``..``end`` is negated ("negated by 'will not'"), or None.

    With ``reach`` (a protection the text says is missing), only the nearest
    negation before the match counts, with at most that many words between them,
    and not when another negation before it in the clause takes it back ("no week
    without a peer meeting"), nor when it negates a loss or a limit between them,
    which keeps the protection ("will never cut the ratio", "no cap on paid
    networking time", "nunca se reducirá la proporción").

    With ``own`` (stems or exact forms), a negation word inside the match that the phrase names is
    its wording ("capacitación … sin pago"), not a negation of it.

    With ``weak``, the match is read as weakened by a qualifier, and a negation
    that opens the qualifier ("is not required") is that qualifier, not a negation
    of the match.
    """
    boundaries = clause_boundaries(tokens)
    words = tokens.words
    qualifiers: frozenset[int] = frozenset()
    if weak:
        qualifiers, boundaries = memo(tokens, "weak_bounds", _weak_boundaries)
    if start > 0 and words[start - 1] == "non" and _hyphenated(tokens, start - 1):
        return f"'non-{words[start]}' names the opposite"
    opposite = end > start and words[end - 1] == "non" and words[end].startswith(_OPPOSITES)
    if opposite and _hyphenated(tokens, end - 1):  # "supervision is non-clinical"
        return f"'non-{words[end]}' names the opposite"
    in_qualifier = memo(tokens, "in_weak", _in_raw_weak)
    by_sentence = memo(tokens, "triggers_by_sentence", _triggers_by_sentence)
    # the others are in another sentence
    cues, starts = by_sentence.get(tokens.sentences[end], ([], []))
    # Only a trigger that ends before the match's end and after the last boundary up to
    # it can negate it (a trigger is at most three words long).
    last = bisect_right(boundaries, end)
    first = bisect_left(starts, boundaries[last - 1] - 2) if last else 0
    near = cues[first : bisect_left(starts, end)]
    for cue in reversed(near) if reach is not None else near:
        if start < cue.start <= end and own & {tokens.stems[cue.start], words[cue.start]}:
            continue
        if (weak and cue.start in qualifiers) or (cue.start < start and cue.start in in_qualifier):
            continue  # "not required", "not a must": a qualifier of what precedes it
        predicates = memo(tokens, "predicates", negative_predicates)
        if _between(predicates, cue.end, start) or _denied(tokens, predicates, near, cue):
            continue  # "no peer is exempt from", "may not decline to": a double negation
        if words[cue.start] in EXEMPTING and not _exempts(tokens, cue, start, end):
            continue
        if cue.start < start and _answer(tokens, cue):
            continue  # "no, she's out. u do the suicide screen": an answer negates nothing after it
        if relative_ends(tokens, cue, start):
            continue  # "call the clients who did not show and tell the court"
        # A trigger before the match, or inside a gap of it ("write no progress notes").
        short = (
            tokens.words[cue.start] in SHORT_SCOPE
            or tokens.words[cue.end] in SHORT_SCOPE
            or any(w in RELATIVES for w in words[max(0, cue.start - 2) : cue.start])
        )
        if (
            cue.end < end
            and (cue.start != start or reach is not None)  # "no benefits": the absence itself
            and same_clause(tokens, cue.end, end, boundaries)
            and not (cue.end < start and _another_cell(tokens, cue.end, start))
            and not _subordinate(tokens, cue.start, start, boundaries)
            and not (short and start - cue.end > SHORT_SCOPE_WINDOW)
            and not _in_condition(words, start, cue.start)
            and not (start < cue.start and _if_before(tokens, start))
            # a missing protection only in a condition: "If you can't make the peer team
            # meeting, tell your supervisor"
            and not (reach is not None and _if_before(tokens, cue.start))
            and (reach is None or start - cue.end - 1 <= reach)
        ):
            if reach is not None and (
                _taken_back(tokens, cue, boundaries)
                or _loss_between(tokens, _negated_from(tokens, cue, boundaries), start)
                or _loss_after(tokens, end, boundaries)
            ):
                return None
            lead = words[cue.start - 1] if cue.start > 0 else ""
            said = f"{lead} {cue.text}" if lead in COPULAS or lead in ("do", "does") else cue.text
            return f"{NEGATED} '{said}'"
    if reach is not None:
        return None  # "the network meeting is not unpaid time": a post-negation says less
    if CONDITIONALS.intersection(words[start : end + 1]):  # "end if funds are not continued"
        return out_of_role_after(tokens, end, lambda at: same_clause(tokens, end, at, boundaries))
    after = range(end + 1, min(len(words), end + 1 + POST_WINDOW))
    for at in after:
        if not same_clause(tokens, end, at, boundaries):
            break
        word = words[at]
        if (weak and at in qualifiers) or word in COORDINATORS:
            break  # "funded by a one-year gift and may not be renewed": a predicate of its own
        if at in memo(tokens, "pseudo", pseudo_words):
            break  # "when a sitter is not available": covering for one
        if word in POST_WORDS or (word in POST and words[at - 1] in COPULAS):
            said = f"{words[at - 1]} {word}" if word in POST else word
            return f"{NEGATED} '{said}'"
    return out_of_role_after(tokens, end, lambda at: same_clause(tokens, end, at, boundaries))


def _denied(tokens: Tokens, predicates: list[int], cues: list[Cue], cue: Cue) -> bool:
    """Whether ``cue`` is a negative predicate ("exempt from") that an earlier trigger of
    its clause denies ("not exempt from", "no peer staff member is exempt from"), not one
    of a clause before an "and" ("do not carry a caseload and are exempt from")."""
    return cue.start in predicates and any(
        other.end < cue.start
        and COORDINATORS.isdisjoint(tokens.words[other.end + 1 : cue.start])
        and not _another_cell(tokens, other.end, cue.start)  # "| No | Yes | PSS are excluded"
        for other in cues
    )


def _exempts(tokens: Tokens, cue: Cue, start: int, end: int) -> bool:
    """Whether "exempt from" (``cue``) reaches the match at words ``start``..``end``: its
    object, or a later item of the list it heads ("exempt from medication
    administration, restraints and UAs"), not a verb of its own after a comma or "and"
    ("exempt from overtime and pass meds", "exempt from on-call, will do UAs", "excused
    from group supervision to pass meds"), and no limit after it in the sentence (see
    cue_words.EXEMPTING)."""
    from advocacy.evidence.titles import opens_duty

    words = tokens.words
    if start - cue.end > EXEMPT_REACH:
        return False
    for at in range(cue.end + 1, start + 1):
        between = tokens.text[tokens.spans[at - 1][1] : tokens.spans[at][0]]
        listed = "," in between or words[at - 1] in COORDINATORS or words[at - 1] in ("or", "o")
        if ";" in between or words[at] in OWN_VERB_OPENERS:
            return False
        if listed and opens_duty(" ".join(words[at : at + 2])):
            return False
    return EXEMPTION_LIMITS.isdisjoint(words[end + 1 : tokens.sentence_range(end)[1]])


def _another_cell(tokens: Tokens, a: int, b: int) -> bool:
    """Whether words ``a`` < ``b`` are in different cells of a table row: a verdict cell
    ("| No | Peers complete daily shift notes |") negates no duty in a later one."""
    cells = memo(tokens, "cells", _cell_starts)
    return bool(cells) and _between(cells, a, b + 1)


def _cell_starts(tokens: Tokens) -> list[int]:
    """The words that open a table row's cell (after a cell mark), in order."""
    if CELL_MARK not in tokens.text:
        return []
    return [
        bisect_left(tokens.starts, at) for at, char in enumerate(tokens.text) if char == CELL_MARK
    ]


def _answer(tokens: Tokens, cue: Cue) -> bool:
    """Whether a trigger is a bare "no" answering something ("no, she's out", "No. We …"):
    the word alone, with a comma, full stop or exclamation mark straight after it."""
    if cue.start != cue.end or tokens.words[cue.start] != "no":
        return False
    after = tokens.spans[cue.start][1]
    return tokens.text[after : after + 1] in (",", ".", "!")


def _between(positions: list[int], a: int, b: int) -> bool:
    """Whether one of the sorted ``positions`` lies strictly between ``a`` and ``b``."""
    after = bisect_right(positions, a)
    return after < len(positions) and positions[after] < b


def _loss_between(tokens: Tokens, a: int, b: int) -> bool:
    """Whether a word between words ``a`` and ``b`` names a loss or a limit ("cut",
    "no cap on", "reducirá", "sin tope de"), which a negation before it keeps away."""
    losses = LOSSES[passage_language(tokens)]
    return any(losses.fullmatch(word) for word in tokens.words[a + 1 : b])


def _loss_after(tokens: Tokens, end: int, boundaries: list[int]) -> bool:
    """Whether a loss follows the match closely in its clause: "no peer meeting was
    *cancelled*", "ninguna reunión fue *cancelada*" (the negation is of the loss)."""
    losses = LOSSES[passage_language(tokens)]
    last = min(len(tokens.words), end + 1 + POST_WINDOW)
    return any(
        losses.fullmatch(tokens.words[at]) and same_clause(tokens, end, at, boundaries)
        for at in range(end + 1, last)
    )


def _taken_back(tokens: Tokens, negating: Cue, boundaries: list[int]) -> bool:
    """Whether another negation before ``negating``, in its clause, takes it back;
    not a word of negative concord ("no hay nunca", "no … ninguna"), which agrees
    with it."""
    if tokens.words[negating.start] in CONCORD:
        return False
    return _earlier(tokens, negating, boundaries) is not None


def _negated_from(tokens: Tokens, negating: Cue, boundaries: list[int]) -> int:
    """Where the negation ``negating`` belongs to starts: for a word of negative concord,
    the negation it agrees with ("*no* se reducirá nunca")."""
    if tokens.words[negating.start] in CONCORD:
        earlier = _earlier(tokens, negating, boundaries)
        if earlier is not None:
            return earlier.end
    return negating.end


def _earlier(tokens: Tokens, negating: Cue, boundaries: list[int]) -> Cue | None:
    """The first negation before ``negating`` in its clause, if any."""
    by_sentence = memo(tokens, "triggers_by_sentence", _triggers_by_sentence)
    for cue in by_sentence.get(tokens.sentences[negating.start], ([], []))[0]:  # type: ignore[attr-defined]
        short = tokens.words[cue.start] in SHORT_SCOPE or tokens.words[cue.end] in SHORT_SCOPE
        if short and negating.start - cue.end > SHORT_SCOPE_WINDOW:
            continue  # "declined to fund the position, so … with no benefits"
        if cue.end < negating.start and same_clause(tokens, cue.end, negating.start, boundaries):
            return cue  # type: ignore[no-any-return]
    return None


def _raw_weak(tokens: Tokens) -> list[Cue]:
    return find_phrases(tokens, WEAK[passage_language(tokens)])


def _in_raw_weak(tokens: Tokens) -> frozenset[int]:
    """The words of the passage's weak qualifiers, negated or not."""
    return frozenset(
        at for cue in memo(tokens, "weak_raw", _raw_weak) for at in range(cue.start, cue.end + 1)
    )


def _weak_boundaries(tokens: Tokens) -> tuple[frozenset[int], list[int]]:
    """The words of the weak qualifiers, and the clause boundaries with them added."""
    qualifiers = frozenset(
        at for cue in memo(tokens, "weak", _weak_cues) for at in range(cue.start, cue.end + 1)
    )
    return qualifiers, sorted([*clause_boundaries(tokens), *qualifiers])


def _triggers_by_sentence(tokens: Tokens) -> dict[int, tuple[list[Cue], list[int]]]:
    """The triggers of each sentence (of each trigger's last word), in order, and where
    they start."""
    found: dict[int, tuple[list[Cue], list[int]]] = {}
    for cue in triggers(tokens):
        cues, starts = found.setdefault(tokens.sentences[cue.end], ([], []))
        cues.append(cue)
        starts.append(cue.start)
    return found


def _hyphenated(tokens: Tokens, at: int) -> bool:
    """Whether word ``at`` is joined to the next by a hyphen ("non-clinical")."""
    return tokens.spans[at][1] + 1 == tokens.spans[at + 1][0]


def excluding(text: str, lang: str = "en") -> str | None:
    """The cue that makes a lead-in or heading exclude what is listed under it, or None."""
    if PROBLEMS_HEADING.search(text) or REPLACED_LEAD_IN.search(text):
        return None  # "What's not working", "… deleted and replaced with": what it lists happens
    tokens = tokenize(text, lang)
    found = triggers(tokens)
    assigned = ASSIGNED_LEAD_IN.search(text)
    if assigned:  # "I have been directed to do work outside my job description:", "me han
        # pedido hacer tareas fuera de mi descripción": handed out, unless what was asked
        # is itself negated ("nos pidieron no hacer lo siguiente:")
        after = bisect_left(tokens.starts, assigned.end())
        found = [cue for cue in found if cue.start == after]
        return found[0].text if found else None
    kept = KEPT_OUT_OF_ROLE.search(text)
    if found and not (kept or _aside(tokens, found[0])):
        return found[0].text
    if kept and not NOT_KEPT_OUT.search(text):
        return kept.group(0)  # "Duties programs agree to keep out of peer roles"
    watch = WATCH_FOR_LEAD_IN.search(text)
    if watch:
        return watch.group(0)  # "Watch for role drift. Common signs:"
    return next((w for w in tokens.words if w in EXCLUDING_WORDS), None)


def _aside(tokens: Tokens, cue: Cue) -> bool:
    """Whether a negation is an aside, in a clause opened after a comma by a relative word
    and over no verb of work ("…, including some that you would not expect:")."""
    words = tokens.words
    window = range(max(0, cue.start - 4), cue.start)
    relative = max((at for at in window if words[at] in LEAD_IN_CLAUSE), default=None)
    # not "What you don't do", "Lo que nunca se te pedirá", "Things that you will not do"
    appended = relative is not None and any(at <= relative for at in tokens.commas)
    return appended and not all(w in LEAD_IN_VERBS for w in words[cue.end + 1 :])


#: Words at most in a lead-in that a colon ends inside a sentence ("Duties do not include:").
LEAD_IN_WORDS = 10


def listed_after(tokens: Tokens, start: int) -> str | None:
    """Why the match at word ``start`` is excluded by a lead-in in its own sentence, or
    None: "Duties do not include: med pass, petty cash, or progress notes", "Peer staff
    do not: do UAs or hold petty cash", as a lead-in over a list excludes its items (up
    to a terminator or the next colon: "… but do include: med pass" is not excluded)."""
    for first, last, reason in memo(tokens, "lead_ins", _lead_ins):
        if first <= start < last:
            return reason
    return None


def _lead_ins(tokens: Tokens) -> list[tuple[int, int, str]]:
    """The words an excluding lead-in and its colon lead into inside a sentence (first,
    after last), and why."""
    found = []
    words = tokens.words
    colons = [
        after
        for after in tokens.colons
        if after and ":" in tokens.text[tokens.spans[after - 1][1] : tokens.spans[after][0]]
    ]  # not a dash
    for after in colons:
        first, end = tokens.sentence_range(after - 1)
        if after - first > LEAD_IN_WORDS or end <= after or words[after] in SUBJECTS:
            continue  # a sentence after the colon ("No: peers pass meds"), not a list
        lead = tokens.text[tokens.spans[first][0] : tokens.spans[after - 1][1]]
        if excluding_lead(tokens, first, after, lead):
            end = _items_end(tokens, end)
            ends = TERMINATORS[passage_language(tokens)]
            last = next(
                (at for at in range(after + 1, end) if at in colons or words[at] in ends), end
            )
            found.append((after, last, f"listed after '{lead}:'"))
    return found


def _items_end(tokens: Tokens, end: int) -> int:
    """The word after a lead-in's list whose first item ends at ``end``: items ending in
    ";" go on, to a sentence with a subject of its own ("…; your duties include …")."""
    words, spans = tokens.words, tokens.spans
    while end < len(words) and words[end] not in SUBJECTS and words[end] not in OWN_ITEM:
        gap = tokens.text[spans[end - 1][1] : spans[end][0]]
        if ";" not in gap or "." in gap:
            break
        end = tokens.sentence_range(end)[1]
    return end


def excluding_lead(tokens: Tokens, first: int, after: int, lead: str) -> bool:
    """Whether words ``first`` to ``after`` (excluded), which read ``lead``, lead into what
    is excluded: a word of exclusion ("Explicit exclusions:"), or a negation followed only
    by the verb of what is done ("Duties do not include:", "You will not:", "Qué NO
    harás:"), or work kept out of the role in other words ("Not part of this job:");
    not a negated comment ("One change isn't popular:", "Not agreed:", "Meta no
    cumplida:") or a list of what went wrong ("What didn't:")."""
    words = tokens.words[first:after]
    if PROBLEMS_HEADING.search(lead) or REPLACED_LEAD_IN.search(lead):
        return False  # "What didn't: they started having me do the intake screens"
    if len(words) == 1 and words[0] in ONE_WORD_LEAD_INS:
        return True  # "Excluded: station sweeps; sharps pickup", "Nunca: recoger agujas"
    if any(w in EXCLUSIONS for w in words) or (
        any(w in EXCLUDING_WORDS for w in words) and any(w in ROLE_WORDS for w in words)
    ):
        return True  # "Explicit exclusions:", "Excluded from peer duties:"; not "Prohibited items:"
    if KEPT_OUT_OF_ROLE.search(lead) and not NOT_KEPT_OUT.search(lead):
        return True  # "Not part of this job:", "Lo que NO forma parte de este puesto"
    cues = [c for c in triggers(tokens) if first <= c.start < after]
    if len(cues) != 1:
        return False  # none, or one taken back by another ("No staff excluded:")
    verbs = words[cues[0].end + 1 - first :]
    # words before the negation ("Peer staff do not:") or a verb after it ("Qué NO harás:");
    # a bare "No:" answers something
    return all(w in LEAD_IN_VERBS for w in verbs) and (cues[0].start > first or bool(verbs))


def weak_qualifier(tokens: Tokens, start: int, end: int) -> str | None:
    """A weak qualifier ("preferred", "a plus") in the clause of the match, or None."""
    boundaries, by_sentence = memo(tokens, "weak_by_sentence", _weak_by_sentence)
    short = len(tokens.words) <= SHORT_PASSAGE  # a qualification line: "Lived experience: a plus"
    for cue in by_sentence.get(tokens.sentences[start], ()):
        if short:
            return cue.text
        if cue.start > end and not crossed(boundaries, end, cue.start):
            return cue.text
        if cue.end < start and not crossed(boundaries, cue.start, start):
            return cue.text
    return None


def _weak_by_sentence(tokens: Tokens) -> tuple[list[int], dict[int, list[Cue]]]:
    """The clause boundaries a weak qualifier does not cross ("but" does not end its
    reach), and the weak qualifiers of each sentence, in order."""
    boundaries = [b for b in clause_boundaries(tokens) if tokens.words[b] not in ("but", "pero")]
    by_sentence: dict[int, list[Cue]] = {}
    for cue in memo(tokens, "weak", _weak_cues):  # type: ignore[attr-defined]
        by_sentence.setdefault(tokens.sentences[cue.start], []).append(cue)
    return boundaries, by_sentence


def qualifier_word(tokens: Tokens, start: int, end: int) -> str | None:
    """Why the match at ``start``..``end`` is only part of a weak qualifier ("not
    mandatory", "no obligatoria" after "Lived experience:"), or None."""
    weak = memo(tokens, "weak", _weak_cues)
    for cue in weak:  # type: ignore[attr-defined]
        if cue.start <= start and end <= cue.end:
            return f"{A_QUALIFIER} ('{cue.text}')"
    return None


def weak_cue(text: str, lang: str = "en") -> str | None:
    """The weak qualifier of a heading or lead-in ("Qualifications: Preferred"), or None."""
    found = _weak_cues(tokenize(text, lang))
    return found[0].text if found else None


def _weak_cues(tokens: Tokens) -> list[Cue]:
    """The weak qualifiers of the passage, less those a negation takes back
    ("not a bonus", "not optional", "no es opcional": a requirement)."""
    lang = passage_language(tokens)
    words = tokens.words
    return [
        cue
        for cue in find_phrases(tokens, WEAK[lang])
        if words[cue.start] in TRIGGERS[lang]  # "not required" is itself the qualifier
        or not any(w in TRIGGERS[lang] for w in words[max(0, cue.start - _TAKEN_BACK) : cue.start])
    ]


def self_negating(tokens: Tokens, start: int, end: int) -> bool:
    """Whether the match itself contains a negation ("not map trained", "outside the role")."""
    lang = passage_language(tokens)
    return any(
        w in TRIGGERS[lang] or w in EXCLUDING_WORDS or w == "non"
        for w in tokens.words[start : end + 1]
    )
