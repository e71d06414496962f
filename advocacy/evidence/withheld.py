"""What follows a protection in its clause: that it is not given ("… is not covered",
"… no se paga") or put off ("… are postponed"), which makes it missing."""

from __future__ import annotations

from advocacy.evidence.clauses import clause_boundaries, passage_language, same_clause
from advocacy.evidence.cue_words import (
    COORDINATORS,
    HELD,
    LOSSES,
    PERFECT,
    POST,
    PUT_OFF,
    PUT_OFF_VERBS,
    RELATIVES,
    TRIGGERS,
    WITHHELD,
)
from advocacy.evidence.matching import Tokens
from advocacy.evidence.out_of_role import NEGATED
from advocacy.evidence.scope import POST_WINDOW


def withheld_after(tokens: Tokens, end: int) -> bool:
    """Whether the clause after a match says it is not given: "… is not covered",
    "… has not been held since August", "… no se paga"."""
    words = tokens.words
    boundaries = clause_boundaries(tokens)
    stop = min(len(words), end + 1 + POST_WINDOW + 2)
    for at in range(end + 1, stop):
        if not same_clause(tokens, end, at, boundaries) or words[at] in COORDINATORS:
            return False
        if words[at] not in POST and not words[at].endswith("n't"):
            continue
        for verb in range(at + 1, min(len(words), at + 4)):
            if LOSSES[passage_language(tokens)].fullmatch(words[verb]):
                return False  # "which is never cancelled for coverage": a loss denied
            if words[verb].startswith(tuple(WITHHELD)):
                return True
            if words[verb].startswith(tuple(HELD)) and PERFECT & set(words[end + 1 : verb]):
                return True
        return False
    return False


_BROUGHT_BACK = ("restor", "reinstat", "resum", "reanud", "restablec")
_ONCE = frozenset("once twice briefly temporarily una vez".split())


def put_off_after(tokens: Tokens, end: int) -> str | None:
    """Why a protection named before it is put off or called off in its clause ("Peer
    trainings scheduled for March are postponed", "paid training for peers was
    cancelled"), or None: a verb "to be" and a word of :data:`PUT_OFF` right after it."""
    words = tokens.words
    boundaries = clause_boundaries(tokens)
    for at in range(end + 1, min(len(words), end + 2 + POST_WINDOW + 2)):
        if not same_clause(tokens, end, at, boundaries) or words[at] in COORDINATORS:
            return None
        if words[at] in RELATIVES or words[at] in TRIGGERS[passage_language(tokens)]:
            return None  # "for staff whose shifts were cancelled", "has never been cancelled"
        if words[at] in PUT_OFF and words[at - 1] in PUT_OFF_VERBS:
            if at + 1 < len(words) and words[at + 1] in _ONCE:
                return None  # "were postponed once, in 2020"
            first, last = tokens.sentence_range(end)
            if any(word.startswith(_BROUGHT_BACK) for word in words[first:last]):
                return None  # "restores the retention bonus that was suspended in 2023"
            return f"{NEGATED} '{words[at - 1]} {words[at]}'"
    return None
