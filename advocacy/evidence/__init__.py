"""Evidence finder: read a provider's bid and show where it meets or misses each criterion.

An aid that cites its excerpts, not a verdict: reviewers still score.

The public names load their modules on first use: ``points lint`` imports the
match-phrase rules of this package and needs none of the finder.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from advocacy.modules import lazy_names

#: Public name -> the module that defines it.
_NAMES = {
    "BidDocument": "reading",
    "EvidenceReport": "finder",
    "Passage": "reading",
    "add_evidence": "sheet_update",
    "find_evidence": "finder",
    "read_bid": "reading",
    "report_dict": "report",
}

__all__ = [
    "BidDocument",
    "EvidenceReport",
    "Passage",
    "add_evidence",
    "find_evidence",
    "read_bid",
    "report_dict",
]

if TYPE_CHECKING:
    from advocacy.evidence.finder import EvidenceReport, find_evidence
    from advocacy.evidence.reading import BidDocument, Passage, read_bid
    from advocacy.evidence.report import report_dict
    from advocacy.evidence.sheet_update import add_evidence

__getattr__ = lazy_names(
    globals(), {name: f"{__name__}.{module}" for name, module in _NAMES.items()}, __name__
)
