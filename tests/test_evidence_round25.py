"""Fixes of the round that measured the finder on heldout113-120 (schools, Alaska and
Hawaii, Spanish-speaking programs, Deaf and IDD services, supported employment,
gambling helplines, faith-based ministries, psychiatric hospitals): duties that come
back in many settings (interpreting, observed drug tests, screening scales, statements
for the police or a court), state credentials, and supervisors from outside the field."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import cited_passages, flagged, scan_evidence


def test_a_state_credential_in_the_plural_is_peer_staff(tmp_path: Path) -> None:
    """New Hampshire's Certified Recovery Support Workers: "2 CRSWs for 600 patients" is
    300 people per peer, no justified ratio."""
    assert "peer-staffing-ratio" in flagged(tmp_path, "Staff ratio: 2 CRSWs for 600 patients.")


@pytest.mark.parametrize(
    "lead",
    [
        "Lo que NO forma parte de este puesto",
        "Not part of this job",
        "THINGS WE DO NOT ASK OF YOU / SA NOU PA MANDE W FÈ",
    ],
)
def test_a_colon_less_line_keeping_work_out_of_the_role_excludes_its_list(
    tmp_path: Path, lead: str
) -> None:
    text = f"{lead}\n- Interpretar en consultas médicas o psiquiátricas.\n- Manejar dinero o tarjetas de regalo.\n"
    data = scan_evidence(tmp_path, text)
    assert not data["red_flags"]
    # as a lead-in, or as a heading where the line reads as one
    assert data["not_counted"] and all(lead in n["reason"] for n in data["not_counted"])


@pytest.mark.parametrize(
    "line",
    ["Nurses are not part of the peer team", "What is not working / Lo que no funciona"],
)
def test_other_staff_or_a_problem_list_is_no_bare_lead_in(tmp_path: Path, line: str) -> None:
    text = f"{line}\n- Peers pass meds on the night shift.\n"
    assert "no-clinical-duties" in flagged(tmp_path, text)


@pytest.mark.parametrize(
    "text",
    [
        "Peers now join the nursing huddle instead of a separate peer meeting.",
        "Peer staff attend the clinical team meeting rather than a peer meeting.",
        "Los pares van a la reunión clínica en vez de su reunión de pares.",
    ],
)
def test_the_peer_meeting_replaced_by_another_team_s_is_a_team_flag(
    tmp_path: Path, text: str
) -> None:
    """Alternatives in a phrase are one word each: "instead of|rather than" asked for
    "instead", then "of" or "rather", then "than", and matched nothing."""
    assert "peer-support-team" in flagged(tmp_path, text)
