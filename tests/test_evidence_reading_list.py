"""The reading list ("read these"): lines chosen by their shape, not their words.

Each test is one structural rule of ``advocacy/evidence/reading_list.py``;
the lines use wordings no talking point matches, so only the shape of the
line can put them on the list.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import scan_evidence

from advocacy.cli import main
from advocacy.evidence.reading_list import binds_a_duty, states_terms, to_read


def scan(tmp_path: Path, text: str, name: str = "posting.txt") -> dict:
    return scan_evidence(tmp_path, text, name)


def listed(data: dict) -> list[str]:
    return [p["text"] for p in data["read_these"]]


INTRO = "Harbor Lane Services welcomes applications from the community.\n\n"


@pytest.mark.parametrize(
    ("line", "shown"),
    [
        ("2.2 The Grantee keeps one office open in each of the eleven counties.", None),
        ("B-4.1.3 Coaches sort the donated clothing every week.", None),
        # a lettered item: its marker is a list's, as "(c)" is
        ("c. Peer staff sort the donated clothing every week.", "Peer staff sort the donated"),
    ],
)
def test_a_numbered_clause_that_matched_nothing_is_listed(
    tmp_path: Path, line: str, shown: str | None
) -> None:
    found = listed(scan(tmp_path, INTRO + line + "\n"))
    assert (line in found) if shown is None else any(t.startswith(shown) for t in found)


@pytest.mark.parametrize(
    "line",
    [
        "Coaches will sort the donated clothing every week.",
        "The coach shall keep the front desk log in order.",
        "Los mentores completarán la hoja del almacén cada viernes.",
    ],
)
def test_a_sentence_that_binds_a_duty_is_listed(tmp_path: Path, line: str) -> None:
    assert line in listed(scan(tmp_path, INTRO + line + "\n"))


def test_a_duty_verb_in_the_third_person_opens_a_duty_line(tmp_path: Path) -> None:
    line = "Sorts the mail and files the faxes for the front office."
    assert line in listed(scan(tmp_path, INTRO + line + "\n"))


def test_a_table_row_that_matched_nothing_is_listed(tmp_path: Path) -> None:
    text = "| Task | Peer | Office |\n|---|---|---|\n| Sort the donated clothing | Yes | No |\n"
    rows = listed(scan(tmp_path, INTRO + text, "posting.md"))
    assert any("Sort the donated clothing" in row for row in rows)


@pytest.mark.parametrize(
    "line",
    [
        "Wages follow range 21 of the county schedule.",
        "The census is about 900 people a year, served from one storefront.",
        "Reports to the Operations Lead at the main office.",
        "Pago: $300 a la semana en efectivo.",
    ],
)
def test_a_line_that_states_the_terms_is_listed(tmp_path: Path, line: str) -> None:
    assert line in listed(scan(tmp_path, INTRO + line + "\n"))


def test_lines_already_flagged_or_cited_and_plain_prose_are_not_listed(tmp_path: Path) -> None:
    flagged_line = "- Administer medications to residents at the evening med pass."
    evidence_line = "Peer pay starts at $24.10 an hour, $3.60 above our residential counselor rate."
    prose = "Our office is two blocks from the bus station."
    data = scan(tmp_path, INTRO + "\n\n".join([flagged_line, evidence_line, prose]) + "\n")
    assert data["red_flags"], "the medication line must be flagged"
    rows = listed(data)
    assert not any("Administer medications" in row for row in rows)
    assert evidence_line not in rows and prose not in rows


def test_the_rules_themselves() -> None:
    assert states_terms("Pago: $300 a la semana en efectivo.")
    assert states_terms("caseloads are set by each clinic manager")
    assert not states_terms("Our office is two blocks from the bus station.")
    assert binds_a_duty("Transports clients to hearings.")
    assert not binds_a_duty("This is the journey level in the series.")
    assert not binds_a_duty("Always bring a lunch.")
    assert to_read("x", duty_context=True, matched=False, flagged=False)
    assert not to_read("x", duty_context=True, matched=False, flagged=True)
    assert not to_read(
        "Pay $20/hr.", duty_context=False, matched=True, flagged=False, evidenced=True
    )
    assert to_read("Pay $20/hr.", duty_context=False, matched=True, flagged=False)


def test_each_sentence_is_judged_on_its_own(tmp_path: Path) -> None:
    """A flagged sentence does not hide a later sentence of the same paragraph."""
    text = (
        INTRO + "Peer staff administer medications at the evening med pass. "
        "The census is about 900 people a year, served from one storefront.\n"
    )
    path = tmp_path / "posting.txt"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["score", "evidence", str(path)], env={"COLUMNS": "300"})
    assert result.exit_code == 0, result.output
    read = result.output.split("Read these")[1]
    assert "The census is about 900 people" in read
    assert "administer medications" not in read


@pytest.mark.parametrize(
    ("line", "duty"),
    [
        ("2024 budget figures were shared with the board", False),
        ("12 people attended the open house", False),
        ("3. Sorts the donated clothing", True),
        ("4) sort the donated clothing", True),
        ("2.3 The agency keeps one office in each county", True),
        ("Benefits include dental and vision coverage", False),
        ("Hours vary with the season", False),
        ("Positions are posted each spring", False),
        ("Transports residents to the food pantry", True),
        ("Organizes the monthly clothing swap", True),
    ],
)
def test_a_number_is_no_clause_and_a_plural_subject_is_no_duty_verb(line: str, duty: bool) -> None:
    assert binds_a_duty(line) is duty


@pytest.mark.parametrize(
    "line",
    [
        "We are short on the overnight again, so I need peers to take the 11p-7a as second staff.",
        "Please grab the mail for the residents before group and log who got what.",
        "Last month I was told to drive a resident to his PO appointment and wait.",
        "Te necesito en la recepción los lunes para registrar a los pacientes.",
        "Nos pidieron revisar los cuartos antes de la visita de inspección.",
    ],
)
def test_a_request_in_an_email_or_chat_binds_a_duty(line: str) -> None:
    # An e-mail, a chat or minutes ask for a duty in words no posting uses.
    assert binds_a_duty(line)


@pytest.mark.parametrize(
    "line",
    ["Thanks for covering last week, it went well.", "Nos vemos el jueves en la reunión."],
)
def test_chat_without_a_request_binds_no_duty(line: str) -> None:
    assert not binds_a_duty(line)
