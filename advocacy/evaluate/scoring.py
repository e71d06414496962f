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
  consensus discussion.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from advocacy.errors import AdvocacyError, Diagnostic, did_you_mean, error, warning
from advocacy.evaluate.rubric import LoadedRubric, ResolvedCriterion
from advocacy.i18n import format_number, gettext_for
from advocacy.models import COMPUTED_INPUTS, ScoreSheet, load_model
from advocacy.yamlio import YamlDocument, load_yaml_file

#: Reviewers this many levels apart on a criterion should talk it over.
DISAGREEMENT = 2
#: The "reviewer" of red flags the figures raise, not a person.
COMPUTED = "computed"


@dataclass(frozen=True)
class LoadedSheet:
    sheet: ScoreSheet
    path: Path
    doc: YamlDocument

    def position(self, *where: str | int) -> tuple[int, int]:
        return self.doc.position(where)


def load_sheet(path: Path) -> LoadedSheet:
    doc = load_yaml_file(path)
    return LoadedSheet(load_model(ScoreSheet, doc), path, doc)


def collect_sheets(
    paths: Sequence[Path], consensus_paths: Sequence[Path] = ()
) -> tuple[list[LoadedSheet], list[LoadedSheet]]:
    """Load reviewers' and consensus sheets, reporting every unreadable one at once.

    A sheet marked ``consensus: true`` counts as a consensus sheet wherever it is given.
    """
    loaded: list[LoadedSheet] = []
    problems: list[Diagnostic] = []
    # The same file named twice (another spelling of its path) counts once.
    unique = {path.resolve(): path for path in [*paths, *consensus_paths]}
    for path in unique.values():
        try:
            loaded.append(load_sheet(path))
        except AdvocacyError as exc:
            problems.extend(exc.diagnostics)
    if problems:
        raise AdvocacyError.from_diagnostics(problems)
    agreed = {p.resolve() for p in consensus_paths}
    consensus = [s for s in loaded if s.path.resolve() in agreed or s.sheet.consensus]
    reviewers = [s for s in loaded if s not in consensus]
    return reviewers, consensus


def validate_sheet(loaded: LoadedSheet, rubric: LoadedRubric) -> list[Diagnostic]:
    """Errors that make a sheet unusable with ``rubric``, each at its place."""
    sheet, path = loaded.sheet, loaded.path
    problems: list[Diagnostic] = []
    if sheet.rubric != rubric.id:
        problems.append(
            error(
                f"this sheet is for rubric {sheet.rubric!r}, not {rubric.id!r}",
                path,
                *loaded.position("rubric"),
                hint="score each bid with the rubric the report uses",
            )
        )
        return problems
    ids = [c.id for c in rubric.criteria]
    seen: set[str] = set()
    for i, entry in enumerate(sheet.scores):
        where = loaded.position("scores", i, "criterion")
        criterion = rubric.criterion(entry.criterion)
        if criterion is None:
            problems.append(
                error(
                    f"the rubric has no criterion {entry.criterion!r}",
                    path,
                    *where,
                    hint=did_you_mean(entry.criterion, ids) or "criteria: " + ", ".join(ids),
                )
            )
            continue
        if entry.criterion in seen:
            problems.append(error(f"criterion {entry.criterion!r} is scored twice", path, *where))
        seen.add(entry.criterion)
        if entry.score is not None and not (
            criterion.min_level <= entry.score <= criterion.max_level
        ):
            problems.append(
                error(
                    f"score {entry.score} for {entry.criterion!r} is out of range "
                    f"{criterion.min_level}-{criterion.max_level}",
                    path,
                    *loaded.position("scores", i, "score"),
                    hint="levels: " + "; ".join(f"{k} {v}" for k, v in criterion.levels.items()),
                )
            )
    missing = [c for c in ids if c not in seen]
    if missing:
        problems.append(
            error(
                f"missing criteria: {', '.join(missing)}",
                path,
                *loaded.position("scores"),
                hint="every criterion of the rubric needs an entry (leave 'score' empty "
                "if not scored yet); 'advocacy score init' writes them all",
            )
        )
    return problems


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
class ComputedCheck:
    criterion: str
    kind: str
    figures: dict[str, float | None]
    passed: bool | None  # None: the figures are missing
    threshold: float | None = None

    @property
    def message(self) -> str:
        return self.describe()

    def describe(self, lang: str = "en") -> str:
        """The finding in words, in ``lang`` (its message catalogue, its number format)."""
        _ = gettext_for(lang)
        f = self.figures

        def n(value: float | None, digits: int | None = None) -> str:
            return format_number(value, lang, digits)

        if self.passed is None:
            missing = ", ".join(k for k, v in f.items() if v is None)
            return _("not computed: %(missing)s not given") % {"missing": missing}
        if self.kind == "staffing-ratio":
            if not f["peer_fte"]:
                return _("no peer FTEs in the bid")
            values = {"ratio": n(f["people_per_peer_fte"]), "limit": n(self.threshold)}
            if self.passed:
                return (
                    _("%(ratio)s people per peer FTE, within the rubric's limit of %(limit)s")
                    % values
                )
            return (
                _("%(ratio)s people per peer FTE, above the rubric's limit of %(limit)s") % values
            )
        if self.kind == "small-team":
            values = {"fte": n(f["peer_fte"]), "threshold": n(self.threshold)}
            if self.passed:
                return (
                    _("%(fte)s peer FTEs: not a small peer team (threshold %(threshold)s)") % values
                )
            return (
                _(
                    "%(fte)s peer FTEs, fewer than %(threshold)s: added supports or affiliations are mandatory"
                )
                % values
            )
        values = {"peer": n(f["peer_hourly"], 2), "entry": n(f["entry_level_hourly"], 2)}
        if self.passed:
            return (
                _("peer pay $%(peer)s/h is above entry-level direct-support pay $%(entry)s/h")
                % values
            )
        return (
            _("peer pay $%(peer)s/h is at or below entry-level direct-support pay $%(entry)s/h")
            % values
        )


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
    def meets_mandatory(self) -> bool:
        return not self.mandatory_failed

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

    def ranking(self) -> list[BidReport]:
        """Bids that meet the mandatory requirements first, then by percent."""
        return sorted(self.bids, key=lambda b: (not b.meets_mandatory, -b.percent, b.bid))


def score_report(
    sheets: Sequence[LoadedSheet],
    rubric: LoadedRubric,
    consensus: Sequence[LoadedSheet] = (),
) -> ScoreReport:
    """Validate every sheet, then total, compare and flag per bid.

    Raises :class:`AdvocacyError` with every validation error of every sheet.
    """
    problems = [d for s in [*sheets, *consensus] for d in validate_sheet(s, rubric)]
    for loaded in consensus:
        if not any(s.sheet.bid == loaded.sheet.bid for s in sheets):
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
    seen: dict[tuple[str, str], LoadedSheet] = {}
    for loaded in sheets:
        key = (loaded.sheet.bid, loaded.sheet.reviewer)
        if key in seen:
            problems.append(
                error(
                    f"{loaded.sheet.reviewer!r} has two sheets for bid {loaded.sheet.bid!r}",
                    loaded.path,
                    *loaded.position("reviewer"),
                    hint=f"the other is {seen[key].path}; keep one",
                )
            )
        seen[key] = loaded
    agreed_bids: dict[str, LoadedSheet] = {}
    for loaded in consensus:
        if loaded.sheet.bid in agreed_bids:
            problems.append(
                error(
                    f"two consensus sheets for bid {loaded.sheet.bid!r}",
                    loaded.path,
                    *loaded.position("bid"),
                    hint=f"the other is {agreed_bids[loaded.sheet.bid].path}; keep one",
                )
            )
        agreed_bids[loaded.sheet.bid] = loaded
    if problems:
        raise AdvocacyError.from_diagnostics(problems)
    warnings: list[Diagnostic] = []
    bids: dict[str, list[LoadedSheet]] = {}
    for loaded in sheets:
        bids.setdefault(loaded.sheet.bid, []).append(loaded)
    reports = []
    for bid, bid_sheets in bids.items():
        agreed = next((c for c in consensus if c.sheet.bid == bid), None)
        reports.append(_bid_report(bid, bid_sheets, agreed, rubric, warnings))
    dates = [s.sheet.date for s in [*sheets, *consensus] if s.sheet.date is not None]
    return ScoreReport(rubric, reports, sorted(warnings), max(dates, default=None))


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
            check = _computed_check(criterion, inputs)
            checks.append(check)
            if criterion.computed == "small-team" and check.passed is False:
                mandatory = True
            if criterion.computed == "pay-parity" and check.passed is False:
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
    )


def _inputs(
    bid: str, sheets: list[LoadedSheet], agreed: LoadedSheet | None, warnings: list[Diagnostic]
) -> dict[str, float | None]:
    """One figure per input: the consensus sheet's, else the reviewers' (median if they differ)."""
    figures: dict[str, float | None] = {}
    for name in sorted({n for names in COMPUTED_INPUTS.values() for n in names}):
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


def _computed_check(criterion: ResolvedCriterion, inputs: dict[str, float | None]) -> ComputedCheck:
    kind = criterion.computed or ""
    figures = {name: inputs.get(name) for name in COMPUTED_INPUTS[kind]}
    threshold = criterion.threshold
    if any(v is None for v in figures.values()):
        return ComputedCheck(criterion.id, kind, figures, None, threshold)
    if kind == "staffing-ratio":
        fte, served = figures["peer_fte"], figures["people_served"]
        assert fte is not None and served is not None and threshold is not None
        if fte == 0:
            return ComputedCheck(criterion.id, kind, figures, False, threshold)
        figures = {**figures, "people_per_peer_fte": round(served / fte, 2)}
        return ComputedCheck(criterion.id, kind, figures, served / fte <= threshold, threshold)
    if kind == "small-team":
        fte = figures["peer_fte"]
        assert fte is not None and threshold is not None
        return ComputedCheck(criterion.id, kind, figures, not fte < threshold, threshold)
    peer, entry = figures["peer_hourly"], figures["entry_level_hourly"]
    assert peer is not None and entry is not None
    return ComputedCheck(criterion.id, kind, figures, peer > entry, threshold)


def report_dict(report: ScoreReport, lang: str = "en") -> dict[str, Any]:
    """The report as plain data (the JSON output): stable keys, rounded numbers,
    computed-check messages in ``lang``."""

    def num(value: float | None) -> float | None:
        return None if value is None else round(value, 3)

    return {
        "rubric": {"id": report.rubric.id, "title": report.rubric.rubric.title},
        "ranking": [b.bid for b in report.ranking()],
        "bids": [
            {
                "bid": b.bid,
                "reviewers": b.reviewers,
                "total": num(b.total),
                "max_total": num(b.max_total),
                "percent": num(b.percent),
                "meets_mandatory": b.meets_mandatory,
                "mandatory_failed": b.mandatory_failed,
                "unscored": b.unscored,
                "criteria": [
                    {
                        "id": r.criterion.id,
                        "weight": r.criterion.weight,
                        "mandatory": r.mandatory,
                        "scores": {x.reviewer: x.score for x in r.reviews},
                        "mean": num(r.mean),
                        "median": num(r.median),
                        "spread": r.spread,
                        "consensus": r.consensus,
                        "final": num(r.final),
                        "weighted": num(r.weighted),
                        "disagreement": r.disagreement,
                    }
                    for r in b.results
                ],
                "computed": [
                    {
                        "criterion": c.criterion,
                        "kind": c.kind,
                        "figures": c.figures,
                        "passed": c.passed,
                        "message": c.describe(lang),
                    }
                    for c in b.checks
                ],
                "red_flags": [
                    {
                        "criterion": c,
                        "flag": _computed_text(b, c, lang) if computed else flag,
                        "recorded_by": [gettext_for(lang)(COMPUTED)] if computed else who,
                    }
                    for c, flag, who, computed in b.grouped_flags
                ],
            }
            for b in report.ranking()
        ],
        "warnings": [d.to_dict() for d in report.warnings],
    }


def _computed_text(bid: BidReport, criterion: str, lang: str) -> str:
    """A red flag the figures raised, worded in the report's language."""
    return next(c for c in bid.checks if c.criterion == criterion).describe(lang)


def report_rows(report: ScoreReport) -> Iterator[list[object]]:
    """The CSV rows: a header, then one row per bid and criterion, then a total row per bid."""
    yield [
        "bid",
        "criterion",
        "weight",
        "mandatory",
        "reviewers",
        "mean",
        "median",
        "spread",
        "consensus",
        "final",
        "weighted",
        "percent",
        "meets_mandatory",
        "note",
    ]
    for b in report.ranking():
        for r in b.results:
            note = "; ".join(f"{x.reviewer}: {x.comment}" for x in r.reviews if x.comment)
            yield [
                b.bid,
                r.criterion.id,
                f"{r.criterion.weight:g}",
                r.mandatory,
                " ".join(f"{x.score if x.score is not None else '-'}" for x in r.reviews),
                _fmt(r.mean),
                _fmt(r.median),
                "" if r.spread is None else r.spread,
                "" if r.consensus is None else r.consensus,
                _fmt(r.final),
                _fmt(r.weighted),
                "",
                "",
                note,
            ]
        yield [
            b.bid,
            "TOTAL",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            _fmt(b.total),
            _fmt(b.percent),
            b.meets_mandatory,
            "; ".join(flag for _, flag, _, _ in b.grouped_flags),
        ]


def _fmt(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"
