"""Evidence finder: read a provider's bid and show where it meets or misses each criterion.

An aid that cites its excerpts, not a verdict: reviewers still score.
"""

from advocacy.evidence.finder import EvidenceReport, find_evidence
from advocacy.evidence.reading import BidDocument, Passage, read_bid
from advocacy.evidence.report import report_dict
from advocacy.evidence.sheet_update import add_evidence

__all__ = [
    "BidDocument",
    "EvidenceReport",
    "Passage",
    "add_evidence",
    "find_evidence",
    "read_bid",
    "report_dict",
]
