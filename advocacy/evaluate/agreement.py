"""How far reviewers agree: Krippendorff's alpha, and each reviewer's lean.

Krippendorff's alpha (ordinal metric) compares the disagreement observed
between reviewers scoring the same bid with the disagreement expected by
chance; it tolerates missing scores (a reviewer who did not score a bid).
1 is perfect agreement, 0 no better than chance. Krippendorff's own
guidance: conclusions rest on alpha >= .800, tentative conclusions on
alpha >= .667. Alpha is undefined when every score is the same (no
variation to agree about), and needs a bid that at least two reviewers scored.

The formulas are those of Krippendorff, "Computing Krippendorff's
Alpha-Reliability" (2011): a coincidence matrix over pairable values, and the
ordinal distance between levels c and k as the squared count of values from c
to k, less half of those at c and at k.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from advocacy.evaluate.scoring import BidReport

#: Krippendorff's thresholds: tentative conclusions at .667, reliable ones at .800.
TENTATIVE = 0.667
RELIABLE = 0.800

#: One unit (a bid, or a bid and criterion): the scores reviewers gave it.
Unit = Sequence[int]


@dataclass(frozen=True)
class Alpha:
    """Alpha for a set of units, or why there is none."""

    value: float | None
    #: "ok", "not enough scores" (no unit scored by two reviewers), or
    #: "all equal" (every score the same: alpha is undefined).
    status: str
    pairable: int  # scores in units with at least two

    @property
    def verdict(self) -> str:
        """ "reliable", "tentative", "low", or the status when there is no value."""
        if self.value is None:
            return self.status
        if self.value >= RELIABLE:
            return "reliable"
        return "tentative" if self.value >= TENTATIVE else "low"


def krippendorff_alpha(units: Sequence[Unit]) -> Alpha:
    """Ordinal alpha over ``units``; missing scores are simply absent from a unit."""
    pairable = [list(u) for u in units if len(u) >= 2]
    count = sum(len(u) for u in pairable)
    if not pairable:
        return Alpha(None, "not enough scores", 0)
    coincidence: dict[tuple[int, int], float] = {}
    for unit in pairable:
        weight = 1 / (len(unit) - 1)
        for i, c in enumerate(unit):
            for j, k in enumerate(unit):
                if i != j:
                    coincidence[(c, k)] = coincidence.get((c, k), 0.0) + weight
    totals: dict[int, float] = {}
    for (c, _k), n in coincidence.items():
        totals[c] = totals.get(c, 0.0) + n
    values = sorted(totals)
    if len(values) == 1:
        return Alpha(None, "all equal", count)
    n = sum(totals.values())

    def delta(c: int, k: int) -> float:
        low, high = min(c, k), max(c, k)
        between = sum(totals[g] for g in values if low <= g <= high)
        return (between - (totals[c] + totals[k]) / 2) ** 2

    observed = sum(o * delta(c, k) for (c, k), o in coincidence.items())
    expected = sum(totals[c] * totals[k] * delta(c, k) for c in values for k in values) / (n - 1)
    return Alpha(1 - observed / expected, "ok", count)


@dataclass(frozen=True)
class Lean:
    """How a reviewer scores against the rest of the panel on the same bids and criteria."""

    reviewer: str
    #: Mean of (this reviewer's score - the others' mean), in levels: below 0 harsher.
    offset: float
    compared: int  # scores that had others to compare with


@dataclass(frozen=True)
class Agreement:
    overall: Alpha
    by_criterion: dict[str, Alpha]
    leans: list[Lean]
    #: Bids fewer than two reviewers scored: nothing to compare.
    single_reviewer: list[str]

    @property
    def low(self) -> list[str]:
        """Criteria whose alpha is below the tentative threshold: talk them over."""
        return [
            c for c, a in self.by_criterion.items() if a.value is not None and a.value < TENTATIVE
        ]


def agreement(bids: Sequence[BidReport], criteria: Sequence[str]) -> Agreement:
    """Alpha per criterion (units: bids) and overall (units: bid and criterion), and leans."""
    by_criterion = {}
    every: list[list[int]] = []
    for criterion in criteria:
        units = [_scores(b, criterion) for b in bids]
        by_criterion[criterion] = krippendorff_alpha(units)
        every += units
    offsets: dict[str, list[float]] = {}
    for b in bids:
        for r in b.results:
            scored = [(x.reviewer, x.score) for x in r.reviews if x.score is not None]
            for who, score in scored:
                others = [s for w, s in scored if w != who]
                if others:
                    offsets.setdefault(who, []).append(score - statistics.fmean(others))
    leans = [Lean(who, statistics.fmean(d), len(d)) for who, d in offsets.items()]
    single = [b.bid for b in bids if len(b.reviewers) < 2]
    return Agreement(krippendorff_alpha(every), by_criterion, leans, single)


def _scores(bid: BidReport, criterion: str) -> list[int]:
    result = next(r for r in bid.results if r.criterion.id == criterion)
    return [x.score for x in result.reviews if x.score is not None]
