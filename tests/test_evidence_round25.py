"""Fixes of the round that measured the finder on heldout113-120 (schools, Alaska and
Hawaii, Spanish-speaking programs, Deaf and IDD services, supported employment,
gambling helplines, faith-based ministries, psychiatric hospitals): duties that come
back in many settings (interpreting, observed drug tests, screening scales, statements
for the police or a court), state credentials, and supervisors from outside the field."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import cited_passages, flagged, scan_evidence


@pytest.mark.parametrize(
    "text",
    [
        "1. Interpret for patients (Portuguese, Spanish or Haitian Creole) in primary care, OB and behavioral health visits.",
        "Karla you're on Portuguese interpreting in BH today.",
        "Peers will also help with the clinics' Spanish interpretation needs during intakes.",
        "Navigators are now the main Kreyòl interpreters for the clinic.",
        "Bilingual peers are used as interpreters in the ED.",
        "Interpretar español-inglés en las consultas médicas y de psiquiatría.",
        "Yulisa, tú te quedas de intérprete en psiquiatría con el Dr. Fernández.",
        "Los navegadores siguen interpretando en las citas de salud mental.",
    ],
)  # fmt: skip
def test_interpreting_for_a_clinic_is_another_post_s_duty(tmp_path: Path, text: str) -> None:
    assert "no-clinical-duties" in flagged(tmp_path, text)


@pytest.mark.parametrize(
    "text",
    [
        "Help people request an interpreter for their appointments.",
        "Help members interpret their benefit letters and leases.",
        "(meeting in ASL, interpreted for hearing staff by the CDI team)",
        "Due to Medi-Cal rules as interpreted by the County, the program keeps two peer FTEs.",
        "Pueden pedir un intérprete, un descanso o que les expliquen una palabra.",
    ],
)  # fmt: skip
def test_getting_an_interpreter_or_interpreting_a_letter_is_no_duty(
    tmp_path: Path, text: str
) -> None:
    assert "no-clinical-duties" not in flagged(tmp_path, text)


@pytest.mark.parametrize(
    "text",
    [
        "Peers do not interpret in clinical encounters; we contract a certified vendor.",
        "Los promotores NO interpretarán en salud mental ni en consentimientos.",
    ],
)
def test_peers_kept_from_interpreting_is_evidence(tmp_path: Path, text: str) -> None:
    data = scan_evidence(tmp_path, text + "\n")
    assert not data["red_flags"]
    assert cited_passages(data, "no-clinical-duties")


def test_a_state_credential_in_the_plural_is_peer_staff(tmp_path: Path) -> None:
    """New Hampshire's Certified Recovery Support Workers: "2 CRSWs for 600 patients" is
    300 people per peer, no justified ratio."""
    assert "peer-staffing-ratio" in flagged(tmp_path, "Staff ratio: 2 CRSWs for 600 patients.")


@pytest.mark.parametrize(
    "text",
    [
        "Help people request a Spanish interpreter for their appointments.",
        "Connect families to resources such as interpreters and rides.",
        "Missouri Bluffs maintains a staff interpreter pool.",
        "Grant funds cover interpreter costs for every visit.",
        "Conectar a las familias con recursos como intérpretes y transporte.",
    ],
)
def test_interpreters_named_as_a_resource_are_no_duty(tmp_path: Path, text: str) -> None:
    assert "no-clinical-duties" not in flagged(tmp_path, text)


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
