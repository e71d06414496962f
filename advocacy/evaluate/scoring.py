"""Score sheets and the report across reviewers and bids.

The arithmetic, so reviewers can check it by hand:

* a criterion's score for a bid is the consensus sheet's score when there is
  one, else the mean of the reviewers who scored it; unscored criteria are
  listed, never counted as zero;
* weighted points = weight x score; the bid's total is the sum over scored
  criteria, out of the sum of weight x top level over all criteria;
* a mandatory criterion scoring below the rubric's ``mandatory_min`` (default
  1) means the bid "does not meet mandatory requirements"; a small-team
  criterion becomes mandatory when the bid has fewer peer FTEs than its
  threshold (default 5);
* reviewers who differ by 2 or more levels on a criterion are listed for
  consensus discussion;
* a bid is complete when every criterion has at least one score (with its
  reason, when the rubric requires reasons); an incomplete bid is listed apart,
  never ranked and never said to meet its mandatory requirements, unless the
  report is asked to rank incomplete bids;
* a sheet whose reviewer left the conflict-of-interest declaration empty is
  left out (and named) unless undeclared sheets are allowed; sheets written
  before the declaration existed only get a warning for now.

Bid and reviewer names are compared trimmed and ignoring case.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from advocacy.errors import AdvocacyError, Diagnostic, did_you_mean, error, warning
from advocacy.evaluate.checks import CHECKS, ComputedCheck, check_for, run_check
from advocacy.evaluate.rubric import LoadedRubric, ResolvedCriterion
from advocacy.evaluate.sheets import (
    NO_REASON,
    LoadedSheet,
    name_key,
    near_duplicate_names,
    validate_sheet,
)

#: Reviewers this many levels apart on a criterion should talk it over.
DISAGREEMENT = 2
#: The "reviewer" of red flags the figures raise, not a person.
COMPUTED = "computed"


@dataclass(frozen=True)
class ReviewerScore:
    reviewer: str
    score: int | None
    comment: str | None
    evidence: tuple[str, ...]


@dataclass
class CriterionResult:
    criterion: ResolvedCriterion
    reviews: list[ReviewerScore]
    consensus: int | None = None
    mandatory: bool = False

    @property
    def scored(self) -> list[int]:
        return [r.score for r in self.reviews if r.score is not None]

    @property
    def mean(self) -> float | None:
        return statistics.fmean(self.scored) if self.scored else None

    @property
    def median(self) -> float | None:
        return float(statistics.median(self.scored)) if self.scored else None

    @property
    def spread(self) -> int | None:
        return max(self.scored) - min(self.scored) if self.scored else None

    @property
    def final(self) -> float | None:
        """The score that counts: consensus if given, else the reviewers' mean."""
        return float(self.consensus) if self.consensus is not None else self.mean

    @property
    def weighted(self) -> float | None:
        return None if self.final is None else self.final * self.criterion.weight

    @property
    def disagreement(self) -> bool:
        return self.spread is not None and self.spread >= DISAGREEMENT


@dataclass(frozen=True)
class RecordedFlag:
    criterion: str
    flag: str
    reviewer: str
    computed: bool = False  # raised by the bid's figures, not by a reviewer


@dataclass
class BidReport:
    bid: str
    reviewers: list[str]
    results: list[CriterionResult]
    checks: list[ComputedCheck] = field(default_factory=list)
    flags: list[RecordedFlag] = field(default_factory=list)
    mandatory_min: int = 1
    #: What each incomplete sheet lacks, by reviewer: (criterion, "no score" or "no reason").
    gaps: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    #: Criteria with no score that counts toward completeness (none, or none with a reason).
    uncovered: list[str] = field(default_factory=list)
    #: Ranked although incomplete (``--allow-incomplete``).
    allow_incomplete: bool = False
    #: The blind code the sheets use, when a key turned it back into the bid's name.
    code: str | None = None

    @property
    def complete(self) -> bool:
        return not self.uncovered

    @property
    def ranked(self) -> bool:
        return self.complete or self.allow_incomplete

    @property
    def total(self) -> float:
        return sum(r.weighted for r in self.results if r.weighted is not None)

    @property
    def max_total(self) -> float:
        return sum(r.criterion.weight * r.criterion.max_level for r in self.results)

    @property
    def percent(self) -> float:
        return 100 * self.total / self.max_total if self.max_total else 0.0

    @property
    def unscored(self) -> list[str]:
        return [r.criterion.id for r in self.results if r.final is None]

    @property
    def mandatory_failed(self) -> list[str]:
        return [
            r.criterion.id
            for r in self.results
            if r.mandatory and r.final is not None and r.final < self.mandatory_min
        ]

    @property
    def meets_mandatory(self) -> bool | None:
        """``None`` for an incomplete bid that fails nothing scored: not known yet,
        even when ``--allow-incomplete`` ranks it."""
        if self.mandatory_failed:
            return False
        return True if self.complete else None

    @property
    def grouped_flags(self) -> list[tuple[str, str, list[str], bool]]:
        """Red flags once each: (criterion, flag, who recorded it, computed), in rubric order."""
        grouped: dict[tuple[str, str, bool], list[str]] = {}
        for f in self.flags:
            grouped.setdefault((f.criterion, f.flag, f.computed), []).append(f.reviewer)
        return [(c, flag, who, computed) for (c, flag, computed), who in grouped.items()]

    @property
    def disagreements(self) -> list[CriterionResult]:
        return [r for r in self.results if r.disagreement]


@dataclass
class ScoreReport:
    rubric: LoadedRubric
    bids: list[BidReport]
    warnings: list[Diagnostic]
    date: dt.date | None = None  # the latest sheet's date: the report's, reproducibly
    #: Sheets left out because the reviewer declared no conflict of interest.
    undeclared: list[LoadedSheet] = field(default_factory=list)
    #: Declared conflicts: (reviewer, bid, what).
    conflicts: list[tuple[str, str, str]] = field(default_factory=list)
    allow_incomplete: bool = False
    #: Weights replaced for a what-if, by criterion id.
    what_if: dict[str, float] = field(default_factory=dict)

    def ranking(self) -> list[BidReport]:
        """Ranked bids: those that meet the mandatory requirements first, then by percent."""
        return sorted(
            (b for b in self.bids if b.ranked),
            key=lambda b: (not b.meets_mandatory, -b.percent, b.bid),
        )

    def unranked(self) -> list[BidReport]:
        """Incomplete bids, listed apart (in name order)."""
        return sorted((b for b in self.bids if not b.ranked), key=lambda b: b.bid)


def score_report(
    sheets: Sequence[LoadedSheet],
    rubric: LoadedRubric,
    consensus: Sequence[LoadedSheet] = (),
    *,
    allow_incomplete: bool = False,
    allow_undeclared: bool = False,
    what_if: Mapping[str, float] | None = None,
    key: Mapping[str, str] | None = None,
) -> ScoreReport:
    """Validate every sheet, set aside undeclared ones, then total, compare and flag per bid.

    ``what_if`` replaces the weights of some criteria; ``key`` (blind code,
    compared ignoring case, -> name) names bids scored under codes. Raises
    :class:`AdvocacyError` with every validation error of every sheet.
    """
    if what_if:
        rubric = rubric.with_weights(what_if)
    problems = [d for s in [*sheets, *consensus] for d in validate_sheet(s, rubric)]
    reviewed = {name_key(s.sheet.bid) for s in sheets}
    for loaded in consensus:
        if name_key(loaded.sheet.bid) not in reviewed:
            problems.append(
                error(
                    f"consensus sheet for bid {loaded.sheet.bid!r}, which no reviewer's sheet scores",
                    loaded.path,
                    *loaded.position("bid"),
                    hint=did_you_mean(loaded.sheet.bid, [s.sheet.bid for s in sheets]),
                )
            )
    if not sheets:
        problems.append(
            error(
                "no reviewers' score sheets given (only consensus sheets)",
                hint="pass the reviewers' SHEET.yaml files as well",
            )
        )
    problems += _duplicates(sheets, consensus)
    if problems:
        raise AdvocacyError.from_diagnostics(problems)
    warnings = near_duplicate_names([*sheets, *consensus])
    kept, undeclared = _screen_conflicts(sheets, allow_undeclared, warnings)
    if not kept:
        raise AdvocacyError(
            "every reviewer's sheet is left out: none declares a conflict of interest",
            undeclared[0].path,
            *undeclared[0].position("conflict"),
            hint="each reviewer writes 'conflict: none' (or what the conflict is), "
            "or pass --allow-undeclared",
        )
    bids: dict[str, list[LoadedSheet]] = {}
    for loaded in kept:
        bids.setdefault(name_key(loaded.sheet.bid), []).append(loaded)
    reports = []
    for bid_key, bid_sheets in bids.items():
        agreed = next((c for c in consensus if name_key(c.sheet.bid) == bid_key), None)
        report = _bid_report(bid_sheets[0].sheet.bid, bid_sheets, agreed, rubric, warnings)
        report.allow_incomplete = allow_incomplete
        if key is not None:
            _unblind(report, key, bid_sheets[0], warnings)
        reports.append(report)
    dates = [s.sheet.date for s in [*kept, *consensus] if s.sheet.date is not None]
    conflicts = [
        (s.sheet.reviewer, s.sheet.bid, s.conflict)
        for s in [*kept, *consensus]
        if s.conflict is not None
    ]
    return ScoreReport(
        rubric,
        reports,
        sorted(warnings),
        max(dates, default=None),
        undeclared,
        conflicts,
        allow_incomplete,
        dict(what_if or {}),
    )


def _unblind(
    report: BidReport, key: Mapping[str, str], first: LoadedSheet, warnings: list[Diagnostic]
) -> None:
    name = key.get(name_key(report.bid))
    if name is None:
        warnings.append(
            warning(
                f"bid {report.bid!r} is not a code in the blind-scoring key",
                first.path,
                *first.position("bid"),
                hint="check the code against the key, or leave out --key",
            )
        )
        return
    report.code, report.bid = report.bid, name


def _duplicates(
    sheets: Sequence[LoadedSheet], consensus: Sequence[LoadedSheet]
) -> list[Diagnostic]:
    """Two sheets of one reviewer for one bid, or two consensus sheets for one bid."""
    problems = []
    seen: dict[tuple[str, ...], LoadedSheet] = {}
    for loaded in [*sheets, *consensus]:
        agreed = loaded in consensus
        key = (name_key(loaded.sheet.bid),) + (() if agreed else (name_key(loaded.sheet.reviewer),))
        if key in seen:
            message = (
                f"two consensus sheets for bid {loaded.sheet.bid!r}"
                if agreed
                else f"{loaded.sheet.reviewer!r} has two sheets for bid {loaded.sheet.bid!r}"
            )
            problems.append(
                error(
                    message,
                    loaded.path,
                    *loaded.position("bid" if agreed else "reviewer"),
                    hint=f"the other is {seen[key].path}; keep one",
                )
            )
        seen[key] = loaded
    return problems


def _screen_conflicts(
    sheets: Sequence[LoadedSheet], allow_undeclared: bool, warnings: list[Diagnostic]
) -> tuple[list[LoadedSheet], list[LoadedSheet]]:
    """Sheets kept, and sheets left out for want of a conflict-of-interest declaration."""
    kept, left_out = [], []
    for loaded in sheets:
        if loaded.sheet.conflict is not None:
            kept.append(loaded)
        elif loaded.predates_conflicts:
            kept.append(loaded)
            warnings.append(
                warning(
                    "no conflict-of-interest declaration (sheets written before the 'conflict' "
                    "field existed are still counted in this release)",
                    loaded.path,
                    1,
                    1,
                    hint="add 'conflict: none', or what the conflict is",
                )
            )
        elif allow_undeclared:
            kept.append(loaded)
        else:
            left_out.append(loaded)
    return kept, left_out


def _bid_report(
    bid: str,
    sheets: list[LoadedSheet],
    agreed: LoadedSheet | None,
    rubric: LoadedRubric,
    warnings: list[Diagnostic],
) -> BidReport:
    inputs = _inputs(bid, sheets, agreed, warnings)
    consensus_scores = (
        {e.criterion: e.score for e in agreed.sheet.scores} if agreed is not None else {}
    )
    gaps = {s.sheet.reviewer: s.gaps(rubric) for s in sheets}
    covered = set()
    for loaded in sheets:
        lacking = {c for c, _ in gaps[loaded.sheet.reviewer]}
        covered |= {e.criterion for e in loaded.sheet.scores if e.criterion not in lacking}
    if agreed is not None:
        # A consensus sheet may settle only some criteria; its scores need reasons too.
        unexplained = [(c, what) for c, what in agreed.gaps(rubric) if what == NO_REASON]
        gaps[agreed.sheet.reviewer] = unexplained
        covered |= {
            e.criterion
            for e in agreed.sheet.scores
            if e.score is not None and e.criterion not in {c for c, _ in unexplained}
        }
    results = []
    flags: list[RecordedFlag] = []
    checks: list[ComputedCheck] = []
    for criterion in rubric.criteria:
        reviews = []
        for loaded in sheets:
            entry = next(e for e in loaded.sheet.scores if e.criterion == criterion.id)
            reviews.append(
                ReviewerScore(
                    loaded.sheet.reviewer, entry.score, entry.comment, tuple(entry.evidence)
                )
            )
            flags += [RecordedFlag(criterion.id, f, loaded.sheet.reviewer) for f in entry.red_flags]
        mandatory = criterion.mandatory
        if criterion.computed:
            check = run_check(criterion.id, criterion.computed, criterion.threshold, inputs)
            checks.append(check)
            kind = check_for(criterion.computed)
            if check.passed is False and kind.mandatory_on_failure:
                mandatory = True
            if check.passed is False and kind.flag_on_failure:
                flags.append(RecordedFlag(criterion.id, check.message, COMPUTED, computed=True))
        results.append(
            CriterionResult(criterion, reviews, consensus_scores.get(criterion.id), mandatory)
        )
    return BidReport(
        bid,
        [s.sheet.reviewer for s in sheets],
        results,
        checks,
        flags,
        rubric.rubric.scale.mandatory_min,
        gaps={who: missing for who, missing in gaps.items() if missing},
        uncovered=[c.id for c in rubric.criteria if c.id not in covered],
    )


def _inputs(
    bid: str, sheets: list[LoadedSheet], agreed: LoadedSheet | None, warnings: list[Diagnostic]
) -> dict[str, float | None]:
    """One figure per input: the consensus sheet's, else the reviewers' (median if they differ)."""
    figures: dict[str, float | None] = {}
    for name in sorted({n for check in CHECKS.values() for n in check.inputs}):
        if agreed is not None and getattr(agreed.sheet.inputs, name) is not None:
            figures[name] = getattr(agreed.sheet.inputs, name)
            continue
        values = [getattr(s.sheet.inputs, name) for s in sheets]
        given = [v for v in values if v is not None]
        figures[name] = float(statistics.median(given)) if given else None
        if len(set(given)) > 1:
            first = next(s for s in sheets if getattr(s.sheet.inputs, name) is not None)
            warnings.append(
                warning(
                    f"reviewers of {bid!r} entered different {name}: "
                    f"{', '.join(f'{v:g}' for v in given)}; using the median {figures[name]:g}",
                    first.path,
                    *first.position("inputs", name),
                    hint="agree on the figure from the bid, or give it in a consensus sheet",
                )
            )
    return figures
