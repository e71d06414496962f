"""Would the ranking hold with other weights? Two answers, and a what-if.

* For each criterion, the smallest relative change to its weight alone that
  changes first place (``+35%``: the weight times 1.35). A bid's total is
  linear in each weight, so the change at which a rival draws level with the
  winner is exact: (winner's total - rival's) / (weight x (rival's score -
  winner's score)). Bids that fail a mandatory criterion cannot take first
  place by weights, and a weight cannot fall to zero or below.
* Rank stability: every weight multiplied by its own factor drawn uniformly
  from [0.75, 1.25], 1,000 times with a fixed seed; for each bid, the share of
  runs in which it keeps its rank.
* ``--what-if criterion=weight`` (:func:`parse_what_if`) scores again with
  some weights replaced (:meth:`LoadedRubric.with_weights`).
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from advocacy.errors import AdvocacyError
from advocacy.evaluate.scoring import BidReport

RUNS = 1000
SPREAD = 0.25
SEED = 20170525


@dataclass(frozen=True)
class WeightChange:
    criterion: str
    #: The relative change (0.35 for +35%), or None when no change of this weight
    #: alone changes first place.
    change: float | None
    #: The bid that would draw level with the winner.
    rival: str | None


@dataclass(frozen=True)
class Sensitivity:
    winner: str | None
    changes: list[WeightChange]
    #: Share of runs (0-1) in which each bid keeps its rank.
    stability: dict[str, float]
    runs: int = RUNS

    @property
    def smallest(self) -> WeightChange | None:
        """The criterion whose weight changes first place with the smallest change."""
        found = [c for c in self.changes if c.change is not None]
        return min(found, key=lambda c: (abs(c.change or 0), c.criterion), default=None)


def _scores(bid: BidReport) -> dict[str, float]:
    """The bid's final score per criterion; unscored counts 0, as in its total."""
    return {r.criterion.id: r.final or 0.0 for r in bid.results}


def _order(
    failing: Mapping[str, bool],
    scores: Mapping[str, Mapping[str, float]],
    weights: Mapping[str, float],
) -> list[str]:
    """The bids' names in rank order under ``weights`` (mandatory failures last)."""

    def total(bid: str) -> float:
        return sum(w * scores[bid][c] for c, w in weights.items())

    return sorted(failing, key=lambda bid: (failing[bid], -total(bid), bid))


def sensitivity(
    ranking: Sequence[BidReport], weights: Mapping[str, float], seed: int = SEED, runs: int = RUNS
) -> Sensitivity:
    """``ranking``: the ranked bids, first place first; ``weights`` by criterion id."""
    if not ranking:
        return Sensitivity(None, [], {}, runs)
    winner = ranking[0]
    rivals = [b for b in ranking[1:] if b.meets_mandatory or not winner.meets_mandatory]
    scores = {b.bid: _scores(b) for b in ranking}
    failing = {b.bid: not b.meets_mandatory for b in ranking}
    totals = {b.bid: sum(w * scores[b.bid][c] for c, w in weights.items()) for b in ranking}
    changes = []
    for criterion, weight in weights.items():
        best: tuple[float, str] | None = None
        for rival in rivals:
            gap = totals[winner.bid] - totals[rival.bid]
            slope = weight * (scores[rival.bid][criterion] - scores[winner.bid][criterion])
            if slope == 0:
                continue
            change = gap / slope
            if change <= -1:
                continue  # the weight would reach zero first
            if best is None or abs(change) < abs(best[0]):
                best = (change, rival.bid)
        changes.append(
            WeightChange(criterion, best[0] if best else None, best[1] if best else None)
        )
    expected = _order(failing, scores, weights)
    rng = random.Random(seed)
    kept = dict.fromkeys(expected, 0)
    for _ in range(runs):
        varied = {c: w * rng.uniform(1 - SPREAD, 1 + SPREAD) for c, w in weights.items()}
        for position, name in enumerate(_order(failing, scores, varied)):
            if expected[position] == name:
                kept[name] += 1
    return Sensitivity(winner.bid, changes, {b: n / runs for b, n in kept.items()}, runs)


def parse_what_if(values: Sequence[str]) -> dict[str, float]:
    """``criterion=weight`` pairs; a malformed one is an error naming it."""
    parsed = {}
    for value in values:
        name, sep, number = value.partition("=")
        try:
            weight = float(number)
        except ValueError:
            weight = math.nan
        if not sep or not name.strip() or not math.isfinite(weight) or not 0 < weight <= 100:
            raise AdvocacyError(
                f"--what-if {value!r} is not criterion=weight",
                hint="for example --what-if peer-supervisors=3 (a weight above 0, at most 100)",
            )
        parsed[name.strip()] = weight
    return parsed
