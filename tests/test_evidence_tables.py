"""Roles tables: which column is the peer role's, on the grid, and what its cell says."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from conftest import scan_evidence

from advocacy.cli import main

DUTIES = "no-clinical-duties"
ROWS = (
    "| Medication administration for all of the residents | No | Yes | Yes |\n"
    "| Managing the residents money and benefits | No | Yes | No |\n"
)


def flags(data: dict) -> set[str]:
    return {f["criterion"] for f in data["red_flags"]}


@pytest.mark.parametrize(
    "column", ["Non-peer staff", "Supervisor of peers", "Peer Services Manager"]
)
def test_a_column_that_names_someone_else_beside_peers_is_not_the_peer_role(
    tmp_path: Path, column: str
) -> None:
    table = f"| Task | {column} | Peer Recovery Coach | RN |\n|---|---|---|---|\n" + ROWS
    data = scan_evidence(tmp_path, "Duties\n\n" + table, "plan.md")
    assert DUTIES in flags(data)  # the peer coach's "Yes" is read, not the other column's "No"


def test_two_peer_columns_give_no_verdict(tmp_path: Path) -> None:
    table = "| Task | Peer Specialist | Peer Mentor |\n|---|---|---|\n"
    table += "| Medication administration for all of the residents | No | Yes |\n"
    data = scan_evidence(tmp_path, "Duties\n\n" + table, "plan.md")
    assert DUTIES in flags(data)


@pytest.mark.parametrize(("cell", "refused"), [("No (RN only)", True), ("No restrictions", False)])
def test_only_a_refusal_in_the_peer_column_keeps_the_task_out(
    tmp_path: Path, cell: str, refused: bool
) -> None:
    table = "| Task | Peer Recovery Coach | RN |\n|---|---|---|\n"
    table += f"| Medication administration for all of the residents | {cell} | Yes |\n"
    data = scan_evidence(tmp_path, "Duties\n\n" + table, "plan.md")
    assert (DUTIES not in flags(data)) is refused


def _word_table(path: Path, rows: list[list[str]], span_first_header: bool) -> Path:
    document = docx.Document()
    document.add_paragraph("Duties")
    columns = max(len(r) for r in rows)
    table = document.add_table(rows=len(rows), cols=columns)
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    if span_first_header:  # "Task" spans the number and the task columns
        table.cell(0, 0).merge(table.cell(0, 1))
    document.save(path)
    return path


def test_word_table_columns_are_counted_on_the_grid(tmp_path: Path) -> None:
    """A header cell spanning two columns keeps the peer column over the peer cells."""
    rows = [
        ["Task", "", "Peer Recovery Coach", "RN"],
        ["1", "Medication administration for all of the residents", "Yes", "No"],
    ]
    path = _word_table(tmp_path / "matrix.docx", rows, span_first_header=True)
    result = CliRunner().invoke(main, ["score", "evidence", str(path), "--json"])
    assert result.exit_code == 0, result.output
    assert DUTIES in flags(json.loads(result.output))


def test_a_director_who_supervises_peers_does_not_take_their_duty(tmp_path: Path) -> None:
    text = (
        "Duties\n\n- Our program director supervises peer specialists who administer medications.\n"
    )
    assert DUTIES in flags(scan_evidence(tmp_path, text, "posting.md"))


@pytest.mark.parametrize("name", ["plan.txt", "plan.md"])
def test_the_line_after_a_pipe_table_is_not_its_last_row(tmp_path: Path, name: str) -> None:
    text = (
        "Staffing plan\n\n| Position | Duties |\n|---|---|\n"
        "| Residential Counselor | Room checks and outings |\n"
        "Peer specialists count medications at the evening med pass and chart them.\n"
    )
    data = scan_evidence(tmp_path, text, name)
    assert DUTIES in flags(data)
    assert all("Residential Counselor" not in f["excerpt"] for f in data["red_flags"])


def test_a_grid_table_row_wrapped_over_lines_is_one_row(tmp_path: Path) -> None:
    """A text grid table ("+----+" borders): a row's cells wrapped onto more lines are
    one row, owned by its whole first cell, so the nurse's duty is hers."""
    text = (
        "Staffing plan\n\n"
        "+------------+-------------------------------------+\n"
        "| Position   | Duties                              |\n"
        "+============+=====================================+\n"
        "| Registered | Medication administration and shift |\n"
        "| Nurse      | charting in the EHR                 |\n"
        "+------------+-------------------------------------+\n"
        "| Peer       | Recovery groups and counting        |\n"
        "| Specialist | medications at the med pass         |\n"
        "+------------+-------------------------------------+\n"
    )
    data = scan_evidence(tmp_path, text, "plan.txt")
    assert [f["excerpt"] for f in data["red_flags"] if f["criterion"] == DUTIES] == [
        "Peer Specialist | Recovery groups and counting medications at the med pass"
    ]


def test_a_word_table_supervisor_column_names_the_supervisor_as_markdown_does(
    tmp_path: Path,
) -> None:
    """The same staffing table in Word and Markdown: only the peer row whose supervisor is
    a nurse is flagged, in both (the Word reader labels the cell as the Markdown one does)."""
    rows = [
        ["Position", "FTE", "Supervisor"],
        ["Licensed Therapist", "3.0", "Clinical Director"],
        ["Peer Recovery Coach", "1.0", "RN Care Manager"],
        ["Peer Mentor", "1.0", "Peer Services Director"],
    ]
    path = _word_table(tmp_path / "staffing.docx", rows, span_first_header=False)
    result = CliRunner().invoke(main, ["score", "evidence", str(path), "--json"])
    assert result.exit_code == 0, result.output
    markdown = "Duties\n\n" + "\n".join(
        "| " + " | ".join(r) + " |" + ("\n|---|---|---|" if n == 0 else "")
        for n, r in enumerate(rows)
    )
    for data in (json.loads(result.output), scan_evidence(tmp_path, markdown, "staffing.md")):
        rows_flagged = [
            f["excerpt"] for f in data["red_flags"] if f["criterion"] == "peer-supervisors"
        ]
        assert len(rows_flagged) == 1 and "RN Care Manager" in rows_flagged[0]
