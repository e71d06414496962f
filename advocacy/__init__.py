"""advocacy: tools for peer-support advocates.

The package is a library first: every command of the ``advocacy`` CLI is a
thin wrapper over a function importable from here. The names below are the
documented Python API (``docs/python-api.md``); they are loaded on first use,
so ``import advocacy`` (and ``advocacy --help``) imports nothing heavy.

>>> import advocacy
>>> library = advocacy.load_library()
>>> "peer-supervisors" in library.points
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from advocacy.modules import lazy_names

__version__ = "0.2.0"

#: Public name -> the module that defines it.
_API = {
    # errors
    "AdvocacyError": "advocacy.errors",
    "Diagnostic": "advocacy.errors",
    # talking points
    "load_library": "advocacy.library",
    "library_sources": "advocacy.library",
    "lint_library": "advocacy.library",
    # responses to a call for input
    "load_rfi": "advocacy.respond",
    "load_response": "advocacy.respond",
    "check_response": "advocacy.respond",
    "response_markdown": "advocacy.respond",
    "build_response": "advocacy.respond",
    "run_batch": "advocacy.respond.batch",
    # provider evaluation
    "load_rubric": "advocacy.evaluate",
    "lookup_rubric": "advocacy.evaluate",
    "checklist_markdown": "advocacy.evaluate",
    "load_sheet": "advocacy.evaluate",
    "collect_sheets": "advocacy.evaluate",
    "score_report": "advocacy.evaluate",
    "report_markdown": "advocacy.evaluate",
    "report_dict": "advocacy.evaluate",
    # evidence in bids
    "read_bid": "advocacy.evidence",
    "find_evidence": "advocacy.evidence",
}

__all__ = [
    "AdvocacyError",
    "Diagnostic",
    "__version__",
    "build_response",
    "check_response",
    "checklist_markdown",
    "collect_sheets",
    "find_evidence",
    "library_sources",
    "lint_library",
    "load_library",
    "load_response",
    "load_rfi",
    "load_rubric",
    "load_sheet",
    "lookup_rubric",
    "read_bid",
    "report_dict",
    "report_markdown",
    "response_markdown",
    "run_batch",
    "score_report",
]

if TYPE_CHECKING:
    from advocacy.errors import AdvocacyError, Diagnostic
    from advocacy.evaluate import (
        checklist_markdown,
        collect_sheets,
        load_rubric,
        load_sheet,
        lookup_rubric,
        report_dict,
        report_markdown,
        score_report,
    )
    from advocacy.evidence import find_evidence, read_bid
    from advocacy.library import library_sources, lint_library, load_library
    from advocacy.respond import (
        build_response,
        check_response,
        load_response,
        load_rfi,
        response_markdown,
    )
    from advocacy.respond.batch import run_batch


__getattr__ = lazy_names(globals(), _API, __name__)


def __dir__() -> list[str]:
    return sorted(__all__)
