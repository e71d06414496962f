"""Fixes of the round that measured the finder on heldout105-112 (prisons and jails,
child welfare, health plans and call centres, youth and eating-disorder programs): a
protection taken back is a duty again, the custody, child-welfare, meal and
utilisation-review work of other staff is a duty, Spanish peer columns are read."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import cited_passages, flagged, scan_evidence


@pytest.mark.parametrize(
    "text",
    [
        "Peers are no longer excluded from med pass.",
        "Peer staff are not excluded from the medication pass.",
        "Peers are no longer barred from handling petty cash.",
        "Recovery coaches are no longer prohibited from writing progress notes.",
    ],
)
def test_an_exclusion_taken_back_is_a_duty_again(tmp_path: Path, text: str) -> None:
    data = scan_evidence(tmp_path, text + "\n")
    assert "no-clinical-duties" in {f["criterion"] for f in data["red_flags"]}
    assert not cited_passages(data, "no-clinical-duties")


@pytest.mark.parametrize(
    "text",
    [
        "Peers are excluded from med pass.",
        "Peers are prohibited from passing meds.",
        "Peers do not carry caseloads and are barred from med pass.",
    ],
)
def test_an_exclusion_still_keeps_the_duty_out(tmp_path: Path, text: str) -> None:
    data = scan_evidence(tmp_path, text + "\n")
    assert "no-clinical-duties" not in {f["criterion"] for f in data["red_flags"]}
    assert cited_passages(data, "no-clinical-duties")


@pytest.mark.parametrize("lead", ["YOU WILL NOT", "Peer staff do not", "Qué NO harás"])
def test_a_lead_in_without_its_colon_excludes_its_list(tmp_path: Path, lead: str) -> None:
    text = (
        f"YOUR WORK\n- Host the Saturday coffee group\n\n{lead}\n- Hold petty cash\n- Pass meds\n"
    )
    data = scan_evidence(tmp_path, text)
    assert not data["red_flags"]
    reasons = {n["reason"] for n in data["not_counted"]}
    assert len(reasons) == 1 and reasons.pop().endswith(f"'{lead}'")


@pytest.mark.parametrize("line", ["WHAT YOU WILL DO", "YOU WILL", "Peer staff do not pass meds."])
def test_a_line_that_is_no_bare_lead_in_excludes_nothing(tmp_path: Path, line: str) -> None:
    text = f"{line}\n- Hold petty cash\n"
    assert "no-clinical-duties" in flagged(tmp_path, text)


def test_a_spanish_peer_column_answers_its_row(tmp_path: Path) -> None:
    """ "Coach de recuperación de pares" names the peer role: Spanish names it with "de"
    ("Especialista de pares"); "Supervisora de pares" is someone else."""
    table = (
        "| Tarea | Coach de recuperación de pares | Enfermera |\n"
        "|---|---|---|\n"
        "| Administración de medicamentos | No | Sí |\n"
    )
    data = scan_evidence(tmp_path, table, "matriz.md")
    assert "no-clinical-duties" not in {f["criterion"] for f in data["red_flags"]}
    supervised = table.replace("Coach de recuperación de pares", "Supervisora de pares")
    assert "no-clinical-duties" in flagged(tmp_path, supervised, "matriz.md")
