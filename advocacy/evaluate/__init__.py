"""Provider evaluation: rubrics from talking points, checklists, score sheets, reports.

The same talking points that feed RFI responses define what reviewers look
for in a bid: each point's ``evaluation`` block becomes a checklist section
and a scored criterion. Scoring runs sheets -> computed checks -> aggregate ->
report: :mod:`~advocacy.evaluate.sheets` loads and checks score sheets,
:mod:`~advocacy.evaluate.checks` holds the computed checks by kind,
:mod:`~advocacy.evaluate.scoring` does the arithmetic (documented there), and
:mod:`~advocacy.evaluate.export` gives the report as JSON and CSV.
"""

from advocacy.evaluate.documents import checklist_markdown, report_markdown
from advocacy.evaluate.export import report_dict, report_rows
from advocacy.evaluate.rubric import (
    LoadedRubric,
    ResolvedCriterion,
    default_rubric,
    load_rubric,
    lookup_rubric,
)
from advocacy.evaluate.scoring import BidReport, ScoreReport, score_report
from advocacy.evaluate.sheets import (
    LoadedSheet,
    collect_sheets,
    load_sheet,
    new_sheet_text,
    validate_sheet,
)

__all__ = [
    "BidReport",
    "LoadedRubric",
    "LoadedSheet",
    "ResolvedCriterion",
    "ScoreReport",
    "checklist_markdown",
    "collect_sheets",
    "default_rubric",
    "load_rubric",
    "load_sheet",
    "lookup_rubric",
    "new_sheet_text",
    "report_dict",
    "report_markdown",
    "report_rows",
    "score_report",
    "validate_sheet",
]
