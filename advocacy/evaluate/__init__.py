"""Provider evaluation: rubrics from talking points, checklists, score sheets, reports.

The same talking points that feed RFI responses define what reviewers look
for in a bid: each point's ``evaluation`` block becomes a checklist section
and a scored criterion. Scoring runs sheets -> computed checks -> aggregate ->
report: :mod:`~advocacy.evaluate.sheets` loads and checks score sheets,
:mod:`~advocacy.evaluate.checks` holds the computed checks by kind,
:mod:`~advocacy.evaluate.scoring` does the arithmetic (documented there), and
:mod:`~advocacy.evaluate.export` gives the report as JSON and CSV.

The public names load their modules on first use: ``score evidence`` needs the
rubric and the score sheets, not the Markdown report and its templates.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from advocacy.modules import lazy_names

#: Public name -> the module that defines it.
_NAMES = {
    "BidReport": "scoring",
    "LoadedRubric": "rubric",
    "LoadedSheet": "sheets",
    "ResolvedCriterion": "rubric",
    "ScoreReport": "scoring",
    "checklist_markdown": "documents",
    "collect_sheets": "sheets",
    "default_rubric": "rubric",
    "load_rubric": "rubric",
    "load_sheet": "sheets",
    "lookup_rubric": "rubric",
    "new_sheet_text": "sheets",
    "report_dict": "export",
    "report_markdown": "documents",
    "report_rows": "export",
    "score_report": "scoring",
    "validate_sheet": "sheets",
}

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

if TYPE_CHECKING:
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

__getattr__ = lazy_names(
    globals(), {name: f"{__name__}.{module}" for name, module in _NAMES.items()}, __name__
)
