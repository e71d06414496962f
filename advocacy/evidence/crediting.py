"""Which criteria the look-for matches of one passage credit.

Talking points share look-for vocabulary (a peer supervisor is named by the
supervision, peer-team and crisis points), so words matched for several
criteria credit only the criterion their concept belongs to, or one with words
of its own in the same sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from advocacy.evidence.match_index import PhraseMatch


def credited(
    items: dict[str, list[tuple[str, PhraseMatch]]], sentences: list[int], text: str
) -> dict[str, list[tuple[str, PhraseMatch]]]:
    """The look-for matches of one passage that credit their criterion.

    Points share look-for vocabulary: a peer supervisor is named by the
    supervision, peer-team and crisis points, a recovery learning community
    by four. Words that match look-for items of several criteria (matches
    of different criteria that overlap, unless one is a strict part of the
    other: the longer says more) do not say which of them the passage is
    about, so they credit only

    * the criterion their concept belongs to (its ``home`` in the vocabulary:
      a peer supervisor is evidence for the supervision point), or
    * a criterion with words of its own, matched by no other criterion, in the
      same sentence ("a peer supervisor who is part of the mobile crisis
      team" is evidence for crisis teams too).

    Shared words with no home ("recovery learning community", "FTE") credit
    only a criterion that has words of its own beside them. A match that
    rules a red flag out ("rules out: …") is not look-for vocabulary and is
    kept as it is; when its concept has a home, only the home was given it
    (a bid that never uses peers to enforce treatment shows voluntary support,
    though the flag it rules out is raised under three points). It gives way
    only to a look-for match of another point at home there that shares its
    words and goes on past them within the same phrase, not into a list:
    "peers do not complete suicide risk assessments" keeps peers out of crisis
    decisions (the crisis point's own look-for), though it also rules out the
    duties point's clinical-assessment flag. ``text`` is the passage the spans
    are in.
    """
    look = [
        (cid, m)
        for cid, found in items.items()
        for item, m in found
        if not item.startswith("rules out: ")
    ]

    shared = shared_words([(cid, m.span) for cid, m in look])
    own = {
        (cid, sentence_of(sentences, m.span[0]))
        for (cid, m), is_shared in zip(look, shared, strict=True)
        if not is_shared
    }
    # words a concept of another point claims as its own ("do not complete risk
    # assessments": the crisis point's, though the duties flag is ruled out too)
    claimed = [(cid, m.span) for cid, m in look if m.entry.home == cid]
    return {
        cid: [
            (item, m)
            for item, m in found
            if (item.startswith("rules out: ") and not _claimed(claimed, cid, m.span, text))
            or m.entry.home == cid
            or (cid, sentence_of(sentences, m.span[0])) in own
        ]
        for cid, found in items.items()
    }


def _claimed(
    claimed: list[tuple[str, tuple[int, int]]], cid: str, span: tuple[int, int], text: str
) -> bool:
    """Whether a look-for match at home in another criterion says what ``span`` says: it
    shares its words and goes on past them only within the same phrase ("no realizan
    evaluaciones de riesgo suicida"), not into a list ("complete intake assessments,
    PHQ-9 screenings or suicide risk assessments" leaves the first items their own)."""
    for other, (a, b) in claimed:
        if other == cid or not (a < span[1] and span[0] < b):
            continue
        beyond = text[a : span[0]] + " " + text[span[1] : b]
        if not _LIST.search(beyond):
            return True
    return False


_LIST = re.compile(r"[,;/]|\b(?:or|and|o|y|u|e|ni|nor)\b", re.IGNORECASE)


def shared_words(spans: list[tuple[str, tuple[int, int]]]) -> list[bool]:
    """For each (criterion, span), whether a match of another criterion shares its
    words: overlaps it and is not a strict part of it (the longer match says more,
    "separate pay grade" beside "pay grade", and keeps its words).

    Such a match has the same span, or starts before one end of the span (its
    start or its end) and finishes after it; so for each end it is enough to know
    the two matches of different criteria that reach furthest among those
    starting before it. Sorting once makes this n log n, where a passage of a
    long run-on table has thousands of matches.
    """
    by_span: dict[tuple[int, int], set[str]] = {}
    for cid, span in spans:
        by_span.setdefault(span, set()).add(cid)
    ordered = sorted(spans, key=lambda item: item[1][0])
    starts = [span[0] for _, span in ordered]
    # furthest[k]: the (end, criterion) pairs, at most two of different criteria,
    # that reach furthest among the first k + 1 matches by start
    furthest: list[tuple[tuple[int, str], ...]] = []
    best: dict[str, int] = {}
    for cid, (_, end) in ordered:
        best[cid] = max(best.get(cid, end), end)
        best = dict(sorted(best.items(), key=lambda item: -item[1])[:2])
        furthest.append(tuple((e, c) for c, e in best.items()))

    def crossed(at: int, cid: str) -> bool:  # a match of another criterion runs over ``at``
        before = bisect_left(starts, at)
        return before > 0 and any(e > at for e, c in furthest[before - 1] if c != cid)

    return [
        len(by_span[span]) > 1 or crossed(span[0], cid) or crossed(span[1], cid)
        for cid, span in spans
    ]


def sentence_of(starts: list[int], offset: int) -> int:
    return bisect_right(starts, offset) - 1
