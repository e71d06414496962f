"""Provider evaluation: rubrics from talking points, checklists, score sheets, reports.

The same talking points that feed RFI responses define what reviewers look
for in a bid: each point's ``evaluation`` block becomes a checklist section
and a scored criterion. See :mod:`advocacy.evaluate.scoring` for the
arithmetic of the report.
"""

from advocacy.evaluate.documents import checklist_markdown, new_sheet_text, report_markdown
from advocacy.evaluate.rubric import (
    LoadedRubric,
    ResolvedCriterion,
    default_rubric,
    find_rubric,
    load_rubric,
)
from advocacy.evaluate.scoring import (
    BidReport,
    LoadedSheet,
    ScoreReport,
    load_sheet,
    report_dict,
    report_rows,
    score_report,
    validate_sheet,
)

__all__ = [
    "BidReport",
    "LoadedRubric",
    "LoadedSheet",
    "ResolvedCriterion",
    "ScoreReport",
    "checklist_markdown",
    "default_rubric",
    "find_rubric",
    "load_rubric",
    "load_sheet",
    "new_sheet_text",
    "report_dict",
    "report_markdown",
    "report_rows",
    "score_report",
    "validate_sheet",
]
