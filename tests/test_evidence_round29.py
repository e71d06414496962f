"""Fixes of the round that measured the finder on heldout145-152 (chronic illness,
hospice, disability, corporate, oil and mining, transport, foster youth, arts) and
on last round's unseen parts: reports on workers and on people's lapses, taking part
made compulsory, supervision by a manager named only by a manager's title, peer
duties added with no pay."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import scan_evidence


@pytest.mark.parametrize(
    ("text", "criterion"),
    [
        ("C.4 Affiliation. Because the project has only two peer staff, we have signed an MOU "
         "with Kickapoo Peer Run Network for monthly peer supervision circles.", "small-peer-teams"),
        ("3.1 Keep peer mentor caseloads at no more than 15 active mentees per FTE, the level "
         "our 2022 time study showed leaves time for each person.", "peer-staffing-ratio"),
        ("Pay is reviewed yearly against the agency's BHT scale and will remain at least "
         "$3.00/hr above it.", "peer-retention-and-pay"),
    ],
)  # fmt: skip
def test_a_red_flag_phrase_that_means_something_else_leaves_the_sentence_to_the_evidence_reader(
    tmp_path: Path, text: str, criterion: str
) -> None:
    found = scan_evidence(tmp_path, text + "\n", learned=True)
    assert not found["red_flags"]
    assert any(n["reason"].startswith("means something else") for n in found["not_counted"])
    assert any(c["id"] == criterion and c["passages"] for c in found["criteria"])
