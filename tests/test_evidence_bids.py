"""The evidence finder on the fictional sample bids: the issue's acceptance tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from advocacy.cli import main

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "ma-dmh-cbfs"
BIDS = EXAMPLE / "bids"
RUBRIC = str(EXAMPLE / "rubric.yaml")


def evidence(path: Path, rubric: str = RUBRIC) -> dict:
    result = CliRunner().invoke(
        main, ["score", "evidence", str(path), "--rubric", rubric, "--json"]
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def findings(data: dict) -> tuple:
    """What must not depend on the file format: flags by heading, items found, omissions."""
    flags = sorted((f["criterion"], f["flag"], f["heading"]) for f in data["red_flags"])
    found = sorted((c["id"], tuple(sorted(c["found"]))) for c in data["criteria"])
    return flags, found, sorted(data["not_addressed"])


def default_rubric(path: Path) -> dict:
    """Findings against every shipped talking point (no --rubric)."""
    result = CliRunner().invoke(main, ["score", "evidence", str(path), "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_strong_bid_has_evidence_for_most_criteria_and_no_red_flags() -> None:
    data = evidence(BIDS / "strong-bid.md")
    with_evidence = [c for c in data["criteria"] if c["passages"]]
    assert len(with_evidence) >= 8 and data["red_flags"] == []
    # Against every point too: "It is never used to / enforce rules", wrapped after
    # "to", is one negated sentence, not a duty line of its own.
    assert default_rubric(BIDS / "strong-bid.md")["red_flags"] == []
    ethics = next(c for c in data["criteria"] if c["id"] == "cps-code-of-ethics")
    assert ethics["passages"][0]["heading"] and ethics["passages"][0]["matched"]


def test_weak_bid_red_flags_are_found_where_they_were_planted() -> None:
    data = evidence(BIDS / "weak-bid.md")
    planted = {
        (
            "no-clinical-duties",
            "Peer staff administer or monitor medication",
            "4.1 Medication support",
        ),
        (
            "no-clinical-duties",
            "Peer staff act as representative payee or handle people's money",
            "4.2 Representative payee services",
        ),
        (
            "no-clinical-duties",
            "Peer staff write routine progress notes about individuals",
            "4.3 Documentation",
        ),
        (
            "peer-supervisors",
            "Peer staff receive only clinical supervision from licensed clinicians",
            "5.1 Supervision",
        ),
    }
    found = {(f["criterion"], f["flag"], f["heading"]) for f in data["red_flags"]}
    assert planted <= found
    pay = [f for f in data["red_flags"] if f["criterion"] == "peer-retention-and-pay"]
    # the entry-level wage in 5.6; a position "added as funding allows" (2) is one too
    assert any(
        f["heading"] == "5.6 Compensation" and f["location"].startswith("line ") for f in pay
    )
    # What the weak bid leaves out is listed.
    assert {
        "paid-networking",
        "peer-support-team",
        "peer-specific-training",
        "distinct-job-descriptions",
    } <= set(data["not_addressed"])


@pytest.mark.parametrize("other", ["weak-bid.docx", "weak-bid.pdf"])
def test_docx_and_pdf_of_the_same_text_give_the_same_findings(other: str) -> None:
    assert findings(evidence(BIDS / other)) == findings(evidence(BIDS / "weak-bid.md"))


def test_pdf_locations_are_pages() -> None:
    data = evidence(BIDS / "weak-bid.pdf")
    assert all(f["location"].startswith("p. ") for f in data["red_flags"])


def test_job_description_rubric_flags_broken_duties_and_a_missing_qualification() -> None:
    weak = evidence(BIDS / "job-description-weak.md", "job-description")
    flags = {f["flag"] for f in weak["red_flags"] if f["criterion"] == "no-clinical-duties"}
    assert {
        "Peer staff administer or monitor medication",
        "Peer staff act as representative payee or handle people's money",
        "Peer staff write routine progress notes about individuals",
    } <= flags
    assert any("compliance" in f["flag"] for f in weak["red_flags"])
    jd = next(c for c in weak["criteria"] if c["id"] == "distinct-job-descriptions")
    assert any("lived experience" in item.lower() for item in jd["missing"])
    strong = evidence(BIDS / "job-description-strong.md", "job-description")
    assert strong["red_flags"] == [] and strong["not_addressed"] == []


def test_unknown_shipped_rubric_name_suggests() -> None:
    result = CliRunner().invoke(
        main, ["score", "evidence", str(BIDS / "weak-bid.md"), "--rubric", "job-descripton"]
    )
    assert result.exit_code == 1 and "did you mean 'job-description'?" in result.output


def test_terminal_output_lists_red_flags_first_and_omissions(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main,
        ["score", "evidence", str(BIDS / "weak-bid.md"), "--rubric", RUBRIC],
        env={"COLUMNS": "100"},
    )
    assert result.exit_code == 0
    out = result.output
    assert out.index("Red flags") < out.index("does not appear to address")
    assert "Peer staff administer or monitor medication" in out


def test_enforcing_compliance_is_flagged_where_the_rubric_can_hold_it() -> None:
    """It belongs to voluntary support; a rubric without that point (the Massachusetts
    one) raises it under the code of ethics, which rules out coercion."""
    heading = "4.5 Engagement and treatment compliance"
    ma = {
        f["criterion"]
        for f in evidence(BIDS / "weak-bid.md")["red_flags"]
        if f["heading"] == heading
    }
    every = {
        f["criterion"]
        for f in default_rubric(BIDS / "weak-bid.md")["red_flags"]
        if f["heading"] == heading
    }
    assert "cps-code-of-ethics" in ma
    assert "voluntary-peer-support" in every and "cps-code-of-ethics" not in every
