"""Words, cues and clauses: the ground the scope rules stand on.

A passage's clauses end at terminator words ("but", "however", "pero"), at a
comma before "and" with a new subject, and at a colon that opens a list; a
negation trigger ("not", "never", "sin") is found once per passage, less the
pseudo-triggers ("not only", "no lack of"). :mod:`advocacy.evidence.scope`
decides from these what a trigger reaches; :mod:`advocacy.evidence.positions`
and :mod:`advocacy.evidence.questions` use them to read whose duty a match is
and whether it is asked.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from advocacy.evidence.cue_words import (
    BEFORE_PARTICIPLE,
    COORDINATORS,
    ENDED_PRACTICE,
    EXCLUDED_PARTICIPLES,
    GERUND,
    GOING_ON,
    NEGATIVE_PREDICATES,
    PEOPLE_SERVED,
    PHRASE_TERMINATORS,
    PHRASE_TRIGGERS,
    PSEUDO,
    PSEUDO_UNLESS_NEXT,
    REFUSING,
    RELATIVES,
    TERMINATORS,
    TRIGGERS,
)
from advocacy.evidence.matching import Tokens
from advocacy.evidence.out_of_role import list_colons


def exclusion_taken_back(words: tuple[str, ...] | list[str], at: int) -> bool:
    """Whether word ``at`` is a participle of exclusion that a negation right on it takes
    back: "not excluded", "no longer barred", "ya no están excluidos"; not "Peer staff,
    who are not clinicians, are prohibited from …", nor "No, peers are banned from …"."""
    if words[at] not in EXCLUDED_PARTICIPLES:
        return False
    before = at - 1
    while before >= 0 and words[before] in BEFORE_PARTICIPLE:
        before -= 1
    return before >= 0 and (words[before] in TRIGGERS["en"] or words[before] in TRIGGERS["es"])


def negative_predicates(tokens: Tokens) -> list[int]:
    """The words that negate in turn what a trigger before them negates ("No peer is
    *exempt* from", "not *excluded* from"): a participle of exclusion only where a
    negation is right on it (:func:`exclusion_taken_back`)."""
    words = tokens.words
    return [
        at
        for at, word in enumerate(words)
        if word in NEGATIVE_PREDICATES
        and (word not in EXCLUDED_PARTICIPLES or exclusion_taken_back(words, at))
    ]


@dataclass(frozen=True)
class Cue:
    """A word or phrase of the text that changes a match, and where it is."""

    text: str
    start: int  # word indices
    end: int


def find_phrases(tokens: Tokens, phrases: tuple[str, ...]) -> list[Cue]:
    """Occurrences of literal word sequences (not stemmed) in the passage."""
    found = []
    words = tokens.words
    index = tokens.word_positions
    for phrase in phrases:
        parts = _split(phrase)
        n = len(parts)
        for at in index.get(parts[0], ()):
            if list(words[at : at + n]) == parts:
                found.append(Cue(phrase, at, at + n - 1))
    return found


@lru_cache(maxsize=512)
def _split(phrase: str) -> list[str]:
    return phrase.split()


def memo(tokens: Tokens, key: str, compute):  # -> the cached result of compute(tokens)
    if key not in tokens.memo:
        tokens.memo[key] = compute(tokens)
    return tokens.memo[key]


def passage_language(tokens: Tokens) -> str:
    return tokens.lang if tokens.lang in TRIGGERS else "en"


def clause_boundaries(tokens: Tokens) -> list[int]:
    """Word indices that start a new clause (after a terminator word)."""
    return memo(tokens, "boundaries", _find_boundaries)  # type: ignore[no-any-return]


def _find_boundaries(tokens: Tokens) -> list[int]:
    lang = passage_language(tokens)
    carried = _carried_negations(tokens)
    marks = [
        at for at, w in enumerate(tokens.words) if w in TERMINATORS[lang] and at not in carried
    ]
    marks += [cue.start for cue in find_phrases(tokens, PHRASE_TERMINATORS[lang])]
    marks += _new_subjects(tokens, lang)
    starts = [cue.start for cue in triggers(tokens)]
    return sorted([*marks, *list_colons(tokens, marks, starts)])


# ", and the peer team meets …": after a comma, "and" + a determiner or pronoun
# opens a clause with its own subject, which a negation before it does not reach.
_AND = {"en": "and", "es": "y"}
_SUBJECT_OPENERS = {
    "en": frozenset(
        "the our their its a an we they this each every nobody everyone anyone".split()
    ),
    "es": frozenset(
        "el la los las nuestro nuestra nuestros nuestras su sus cada nadie todos".split()
    ),
}


def _new_subjects(tokens: Tokens, lang: str) -> list[int]:
    words = tokens.words
    return [
        at
        for at in tokens.commas
        if at + 1 < len(words)
        and words[at] == _AND[lang]
        and words[at + 1] in _SUBJECT_OPENERS[lang]
        and tokens.sentences[at] == tokens.sentences[at + 1]
    ]


_BUT_ALSO = {"en": ("but also", "but even"), "es": ("sino también", "sino incluso")}
_NOT_ONLY = {
    "en": ("not only", "not just"),
    "es": ("no solo", "no sólo", "no solamente", "no únicamente"),
}


def _carried_negations(tokens: Tokens) -> set[int]:
    """The "but" of "not only *excluded from* X but also from Y": when a negation
    stands between "not only" and "but also", it carries on past "but" (the
    pseudo-trigger "not only" alone does not negate anything)."""
    lang = passage_language(tokens)
    words = tokens.words
    openings = [c.end for c in find_phrases(tokens, _NOT_ONLY[lang])]
    carried = set()
    for cue in find_phrases(tokens, _BUT_ALSO[lang]):
        opened = [
            at
            for at in openings
            if at < cue.start and tokens.sentences[at] == tokens.sentences[cue.start]
        ]
        if opened and any(words[at] in TRIGGERS[lang] for at in range(max(opened) + 1, cue.start)):
            carried.add(cue.start)
    return carried


def triggers(tokens: Tokens) -> list[Cue]:
    """Negation triggers of the passage, pseudo-triggers left out."""
    return memo(tokens, "triggers", _find_triggers)  # type: ignore[no-any-return]


def _find_triggers(tokens: Tokens) -> list[Cue]:
    lang = passage_language(tokens)
    pseudo = memo(tokens, "pseudo", pseudo_words)
    found = [
        Cue(w, at, at)
        for at, w in enumerate(tokens.words)
        if w in TRIGGERS[lang] and at not in pseudo
    ]
    found += [
        c
        for c in find_phrases(tokens, PHRASE_TRIGGERS[lang])
        if c.start not in pseudo and not _own_refusal(tokens, c)
    ]
    return sorted(found, key=lambda c: c.start)


def _own_refusal(tokens: Tokens, cue: Cue) -> bool:
    """Whether an employer's refusal to give ("declined to provide") is a person's own, held
    against them: "A peer who refuses to provide medication reminders will be written up",
    "The peer declined to provide the progress notes the court asked for"."""
    from advocacy.evidence.staffing_words import PEER_MARKERS, TITLE_NOUNS

    if tokens.words[cue.start] not in REFUSING:
        return False
    before = tokens.words[max(0, cue.start - 3) : cue.start]
    return any(w in RELATIVES or w in PEER_MARKERS or w in TITLE_NOUNS for w in before)


def same_clause(tokens: Tokens, a: int, b: int, boundaries: list[int]) -> bool:
    """Words ``a`` < ``b`` are in one sentence with no terminator between them
    (``boundaries`` sorted)."""
    return tokens.sentences[a] == tokens.sentences[b] and not crossed(boundaries, a, b)


def crossed(boundaries: list[int], a: int, b: int) -> bool:
    """Whether a boundary ``m`` (of the sorted ``boundaries``) has ``a < m <= b``."""
    after = bisect_right(boundaries, a)
    return after < len(boundaries) and boundaries[after] <= b


def clause_start(tokens: Tokens, at: int, boundaries: list[int]) -> int:
    """The first word of word ``at``'s clause: the last boundary up to it, or its sentence's start."""
    first = tokens.sentence_range(at)[0]
    before = bisect_right(boundaries, at)
    return max(first, boundaries[before - 1]) if before else first


def pseudo_words(tokens: Tokens) -> frozenset[int]:
    """The words of the passage's pseudo-triggers ("not only", "no lack of")."""
    lang = passage_language(tokens)
    words = tokens.words
    going_on = [
        cue
        for cue in find_phrases(tokens, GOING_ON[lang])
        if cue.end + 1 < len(words)
        and words[cue.end + 1].endswith(GERUND[lang])
        and words[cue.end + 1] not in ENDED_PRACTICE
    ]
    pseudo = [
        cue
        for cue in find_phrases(tokens, PSEUDO[lang])
        if words[cue.end + 1 : cue.end + 3] != PSEUDO_UNLESS_NEXT.get(cue.text)
    ]
    numbers = [
        at
        for at, word in enumerate(words)
        if word == "no" and (_number_sign(tokens, at) or _yes_or_no(tokens, at))
    ]
    return frozenset(
        [at for cue in pseudo + going_on for at in range(cue.start, cue.end + 1)] + numbers
    )


# "No." or "No:" abbreviating "number" before a figure or a code where the tokenizer did
# not take it for one (matching._NUMBER_SIGN): after a run of spaces in a header
# ("Administrative Policy          No. NSG-0931"), or with a colon ("Contract No: 24-117").
_NUMBER_SIGN = re.compile(r"[.:º°]?\s*#?\s*[A-Z]*-?\d", re.IGNORECASE)


def _yes_or_no(tokens: Tokens, at: int) -> bool:
    """Whether word ``at`` ("no") is one of a pair of answers: "record yes/no", "sí/no"."""
    start, end = tokens.spans[at]
    before = tokens.text[max(0, start - 4) : start].lower()
    after = tokens.text[end : end + 4].lower()
    return before.endswith(("yes/", "sí/", "si/", "y/")) or after.startswith(("/yes", "/sí", "/si"))


def _number_sign(tokens: Tokens, at: int) -> bool:
    """Whether word ``at`` ("no") abbreviates "number": a mark after it, then a figure or a
    code ("No. 4", "No. NSG-0931"), not "no 2 peers", "No. We don't", nor an answer opening
    its sentence ("No. 3 licensed nurses do")."""
    if at == tokens.sentence_range(at)[0]:
        return False
    after = tokens.spans[at][1]
    following = tokens.text[after : after + 1]
    return following in ".:º°" and _NUMBER_SIGN.match(tokens.text, after) is not None


def relative_ends(tokens: Tokens, cue: Cue, start: int) -> bool:
    """Whether ``cue`` negates a relative clause about the people served that ends before
    the match at ``start``: after "who", "that", "que", "quienes" following them ("the
    clients who did not show", "any client that didn't show up", "los pacientes que no
    vinieron", "los que no vinieron"), an "and" or "then" before the match opens the main
    clause's next verb ("… and tell the court", "… y avise al tribunal"). Not a clause
    about peers or staff ("Peer specialists on nights, who never handle money and …")."""
    words = tokens.words
    first = max(0, cue.start - _RELATIVE_REACH)
    at = next((k for k in range(cue.start - 1, first - 1, -1) if words[k] in _RELATIVE_WORDS), None)
    if at is None or not _ANTECEDENTS.intersection(words[max(0, at - 3) : at]):
        return False
    return any(w in COORDINATORS or w == "then" for w in words[cue.end + 1 : start])


_RELATIVE_REACH = 6  # words from "who" to the negation of its clause
_RELATIVE_WORDS = RELATIVES | frozenset("that que".split())
# Before a relative word, the people a program serves and words standing for them ("anyone
# who", "los que").
_ANTECEDENTS = PEOPLE_SERVED | frozenset(
    "anyone anybody someone somebody those everyone jóvenes usuario usuarios los las quien "
    "quienes".split()
)
