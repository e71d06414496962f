"""Fixes of the round that measured the finder on heldout89-96: pipe tables typed
without their outer pipes, and files of title lines only."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import flagged, scan_evidence

from advocacy.evidence.segment import segment_text


@pytest.mark.parametrize("name", ["roles.txt", "roles.md"])
def test_a_table_typed_without_outer_pipes_is_read_as_a_table(tmp_path: Path, name: str) -> None:
    text = "Duty | Who does it | Notes\nMedication pass | Peer Specialist | no weekends\n"
    data = scan_evidence(tmp_path, text, name=name)
    flags = [f for f in data["red_flags"] if f["criterion"] == "no-clinical-duties"]
    assert [f["location"] for f in flags] == ["line 2"]


def test_a_bare_table_row_keeps_its_cells_and_owner() -> None:
    rows = list(segment_text("Task | Who\n--- | ---\nPetty cash | Front office\n"))
    assert [(s.text, s.owner, s.heading) for s in rows] == [
        ("Task | Who", "Task", False),
        ("Petty cash | Front office", "Petty cash", False),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Home | About | Contact\n\nPeer specialists pass medications.\n",  # one line: a menu
        "Pay | Benefits\nSchedule | Location\n",  # two cells, no rule row: not enough to tell
        "Peers | never | pass meds\nNursing | does it\n",  # not the same number of cells
    ],
)
def test_lines_with_pipes_that_are_no_table_stay_as_they_were(text: str) -> None:
    assert all(s.owner is None for s in segment_text(text))


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("flyer.txt", "PEER SPECIALIST\n\nMedication Administration and Cash Handling\n"),
        ("flyer.md", "# Peer Specialist\n\n## Medication administration and cash handling\n"),
    ],
)
def test_a_file_of_title_lines_only_is_read_as_it_is(tmp_path: Path, name: str, text: str) -> None:
    assert "no-clinical-duties" in flagged(tmp_path, text, name=name)


def test_a_file_of_blank_lines_still_has_no_text(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from advocacy.cli import main

    (tmp_path / "blank.txt").write_text("\n\n  \n", encoding="utf-8")
    result = CliRunner().invoke(main, ["score", "evidence", str(tmp_path / "blank.txt")])
    assert result.exit_code == 1
    assert "has no text" in result.output


def test_a_pdf_of_title_lines_only_is_read_as_it_is() -> None:
    """A flyer: a big title and lines in bold, no running text. The PDF reader read every
    line as a heading and said the PDF had no text layer."""
    from advocacy.evidence.pdf_lines import PdfLine, passages_from_lines

    lines = [
        PdfLine("Peer Specialist Wanted", 1, 20.0, True, 700.0, 72.0),
        PdfLine("Medication Administration", 1, 12.0, True, 660.0, 72.0),
        PdfLine("and Cash Handling", 1, 12.0, True, 646.0, 72.0),
    ]
    assert [p.text for p in passages_from_lines(lines)] == [
        "Peer Specialist Wanted",
        "Medication Administration and Cash Handling",
    ]


def test_a_pdf_with_running_text_keeps_its_titles_as_headings() -> None:
    from advocacy.evidence.pdf_lines import PdfLine, passages_from_lines

    lines = [
        PdfLine("Medication Administration", 1, 16.0, True, 700.0, 72.0),
        PdfLine("Peer staff never give out medication.", 1, 12.0, False, 670.0, 72.0),
    ]
    assert [(p.text, p.heading) for p in passages_from_lines(lines)] == [
        ("Peer staff never give out medication.", "Medication Administration")
    ]
