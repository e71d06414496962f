"""The score report as plain data: JSON (stable keys, rounded numbers) and CSV rows."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from advocacy.evaluate.scoring import COMPUTED, BidReport, ScoreReport
from advocacy.i18n import gettext_for


def report_dict(report: ScoreReport, lang: str = "en") -> dict[str, Any]:
    """The report as plain data (the JSON output): stable keys, rounded numbers,
    computed-check messages in ``lang``."""

    def num(value: float | None) -> float | None:
        return None if value is None else round(value, 3)

    return {
        "rubric": {"id": report.rubric.id, "title": report.rubric.title(lang)},
        "ranking": [b.bid for b in report.ranking()],
        "incomplete": [b.bid for b in report.unranked()],
        "allow_incomplete": report.allow_incomplete,
        "left_out": [
            {"file": str(s.path), "reviewer": s.sheet.reviewer, "bid": s.sheet.bid}
            for s in report.undeclared
        ],
        "conflicts": [
            {"reviewer": who, "bid": bid, "conflict": what} for who, bid, what in report.conflicts
        ],
        "bids": [
            {
                "bid": b.bid,
                "code": b.code,
                "complete": b.complete,
                "ranked": b.ranked,
                "uncovered": b.uncovered,
                "missing": {
                    who: [{"criterion": c, "missing": what} for c, what in gaps]
                    for who, gaps in b.gaps.items()
                },
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
                        "max_level": r.criterion.max_level,
                        "mandatory": r.mandatory,
                        "scores": {x.reviewer: x.score for x in r.reviews},
                        "reasons": {x.reviewer: x.comment for x in r.reviews if x.comment},
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
            for b in [*report.ranking(), *report.unranked()]
        ],
        "what_if": report.what_if,
        **analysis_dict(report),
        "warnings": [d.to_dict() for d in report.warnings],
    }


def analysis_dict(report: ScoreReport) -> dict[str, Any]:
    """Agreement between reviewers and the ranking's sensitivity to the weights."""
    from advocacy.evaluate.agreement import agreement
    from advocacy.evaluate.sensitivity import sensitivity

    criteria = [c.id for c in report.rubric.criteria]
    found = agreement(report.bids, criteria)

    def alpha(a: Any) -> dict[str, Any]:
        value = None if a.value is None else round(a.value, 3)
        return {"alpha": value, "verdict": a.verdict, "scores": a.pairable}

    weights = {c.id: c.weight for c in report.rubric.criteria}
    held = sensitivity(report.ranking(), weights)
    return {
        "agreement": {
            "overall": alpha(found.overall),
            "criteria": {c: alpha(a) for c, a in found.by_criterion.items()},
            "low": found.low,
            "reviewers": [
                {"reviewer": x.reviewer, "offset": round(x.offset, 3), "compared": x.compared}
                for x in found.leans
            ],
            "single_reviewer": found.single_reviewer,
        },
        "sensitivity": {
            "winner": held.winner,
            "weight_changes": [
                {
                    "criterion": c.criterion,
                    "change": None if c.change is None else round(c.change, 4),
                    "rival": c.rival,
                }
                for c in held.changes
            ],
            "smallest": None if held.smallest is None else held.smallest.criterion,
            "stability": {b: round(p, 3) for b, p in held.stability.items()},
            "runs": held.runs,
        },
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
        "complete",
        "note",
    ]
    for b in [*report.ranking(), *report.unranked()]:
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
            "" if b.meets_mandatory is None else b.meets_mandatory,
            b.complete,
            "; ".join(flag for _, flag, _, _ in b.grouped_flags),
        ]


def _fmt(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"
