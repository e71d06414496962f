"""False red flags on protections and neutral lines, by cause: a duty put out of the
role after it is named, a peer worker's own refusal, a nested excluding list, a negated
lead-in before a colon, "non-clinical", a title read as a verb or a duty, and flags
raised for the wrong criterion.

The lines are written for these tests, in English and Spanish; each cause also has
a line that must stay flagged.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import flagged, scan_evidence


def scan(tmp_path: Path, text: str, name: str = "posting.txt") -> dict:
    return scan_evidence(tmp_path, text, name)


@pytest.mark.parametrize(
    "line",
    [
        "Our handbook lists med passes and cash boxes as outside the peer role.",
        "Med counts and petty cash are outside what peer staff do here.",
        "Holding a resident down isn't consistent with the peer code of ethics.",
        "Administrar o contar medicamentos no es parte del trabajo de pares.",
        "Manejar el dinero de los residentes va en contra del código de ética de pares.",
    ],
)
def test_a_duty_said_to_be_outside_the_role_is_not_a_flag(tmp_path: Path, line: str) -> None:
    assert flagged(tmp_path, line) == set()


@pytest.mark.parametrize(
    "line",
    [
        "Peer staff pass medications at 8 pm and are outside the union.",
        "Peers hand out medications; that is outside their role, but we need the help.",
        "Los pares reparten los medicamentos cuando no es posible llamar a la enfermera.",
    ],
)
def test_a_duty_assigned_before_an_unrelated_outside_still_flags(tmp_path: Path, line: str) -> None:
    assert "no-clinical-duties" in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "I refused to tell the probation officer whether he came to group.",
        "We have refused to report residents' curfew lapses to the landlord.",
        "Me negué a informar al oficial de probatoria sobre la asistencia de los participantes.",
    ],
)
def test_a_peer_workers_own_refusal_is_not_a_flag(tmp_path: Path, line: str) -> None:
    assert "voluntary-peer-support" not in flagged(tmp_path, line)


def test_someone_elses_refusal_to_attend_is_still_reported(tmp_path: Path) -> None:
    line = "Tell the probation officer when a participant refused to attend group."
    assert "voluntary-peer-support" in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "text",
    [
        "# Policy\n\n1. Peer staff will not be asked to:\n   - count or hand out medication;\n"
        "   - hold residents' money.\n2. Peer staff meet weekly as a team.\n",
        "# Política\n\n1. Al personal de pares no se le asignará:\n   - repartir medicamentos;\n"
        "   - guardar el dinero de los residentes.\n2. El equipo de pares se reúne cada semana.\n",
    ],
)
def test_sub_items_under_an_excluding_numbered_item_are_kept_out(tmp_path: Path, text: str) -> None:
    report = scan(tmp_path, text, "policy.md")
    assert report["red_flags"] == []
    assert {n["criterion"] for n in report["not_counted"]} >= {"no-clinical-duties"}


def test_items_after_a_nested_excluding_list_are_read_again(tmp_path: Path) -> None:
    text = (
        "# Policy\n\n1. Peer staff will not be asked to:\n   - count medication;\n"
        "2. Peer staff cover the front desk when reception is short.\n"
    )
    assert "no-clinical-duties" in flagged(tmp_path, text, "policy.md")


@pytest.mark.parametrize(
    "line",
    [
        "The following tasks are not billable and must not be given to peer staff: "
        "medication administration, money management and transportation.",
        "Las siguientes tareas no se asignan al personal de pares: repartir medicamentos "
        "y manejar el dinero de los participantes.",
    ],
)
def test_a_negated_lead_in_reaches_the_list_after_its_colon(tmp_path: Path, line: str) -> None:
    assert flagged(tmp_path, line) == set()


def test_a_colon_after_a_negation_without_a_list_still_ends_the_clause(tmp_path: Path) -> None:
    line = "Merit raise: not this year - raises frozen for all staff."
    assert "peer-retention-and-pay" in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Our peer supervision is non-clinical and centred on peer values.",
        "Supervision for peer staff is non-licensed and focused on the role.",
    ],
)
def test_non_clinical_at_the_end_of_a_match_names_the_opposite(tmp_path: Path, line: str) -> None:
    assert "peer-supervisors" not in flagged(tmp_path, line)


def test_supervision_by_a_clinician_is_still_a_flag(tmp_path: Path) -> None:
    line = "Peer staff are supervised by the clinical director, an LCSW."
    assert "peer-supervisors" in flagged(tmp_path, line)


def test_a_sitter_not_available_is_a_duty_to_cover(tmp_path: Path) -> None:
    line = "Sit with patients on the unit when a sitter is not available."
    assert "no-clinical-duties" in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line, criterion",
    [
        # a title is not the verb: "Manager" does not manage money
        ("Attendees: R. Diaz (Program Manager), L. Chu (Finance).", "no-clinical-duties"),
        # a drop-in center is not a meeting dropped
        ("Monthly peer gatherings at the drop-in center, paid time.", "peer-support-team"),
        # staffing levels set by someone are a staffing question, not backfill
        ("Peer staffing levels are decided by each program director.", "no-clinical-duties"),
        (
            "The Peer Support Specialist attends case staffings with the judge.",
            "no-clinical-duties",
        ),
        # a health plan's questionnaire is not a suicide risk assessment
        (
            "Peers complete the annual health risk assessment with members.",
            "peers-in-mobile-crisis",
        ),
        # another person's title, a software: not the peer's case-management job
        (
            "Late refills are flagged for the member's care coordinator.",
            "distinct-job-descriptions",
        ),
        ("Log contacts in the county case management system.", "distinct-job-descriptions"),
        # the worker's supervision, given by a person, is not watching the people served
        (
            "La supervisión es de pares: la da una persona con experiencia en el rol.",
            "peers-in-mobile-crisis",
        ),
    ],
)
def test_words_that_name_something_else_raise_no_flag(
    tmp_path: Path, line: str, criterion: str
) -> None:
    assert criterion not in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line, criterion",
    [
        ("Manage residents' spending money and keep the receipts.", "no-clinical-duties"),
        ("Peer staff count toward the overnight staffing ratio.", "no-clinical-duties"),
        ("Peer staff help maintain staffing levels on the unit.", "no-clinical-duties"),
        ("Complete suicide risk assessments at intake.", "peers-in-mobile-crisis"),
        (
            "As a Peer Care Coordinator you will carry a caseload of 60 members.",
            "distinct-job-descriptions",
        ),
        ("Supervisar a los residentes durante la noche.", "no-clinical-duties"),
        (
            "Report members who decline groups three times to their case manager.",
            "voluntary-peer-support",
        ),
        (
            "This dual-role position covers peer support and tech shifts.",
            "distinct-job-descriptions",
        ),
        (
            "Our peer mentors wear two hats: technician on the floor, mentor when it is quiet.",
            "distinct-job-descriptions",
        ),
        ("Puesto de doble función: especialista de pares y técnico.", "distinct-job-descriptions"),
    ],
)
def test_the_duty_itself_is_still_flagged(tmp_path: Path, line: str, criterion: str) -> None:
    assert criterion in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Only staff who hold the medication certificate may pass or prompt medications.",
        "Solo el personal con el curso de medicamentos puede repartir medicamentos.",
    ],
)
def test_a_duty_kept_to_only_some_staff_is_another_positions(tmp_path: Path, line: str) -> None:
    assert "no-clinical-duties" not in flagged(tmp_path, line)


def test_only_before_an_instruction_to_the_peer_still_flags(tmp_path: Path) -> None:
    line = "Only hand out medications when the night nurse is on break."
    assert "no-clinical-duties" in flagged(tmp_path, line)


def test_only_before_something_that_is_not_staff_keeps_the_flag(tmp_path: Path) -> None:
    line = (
        "No se ha pagado adiestramiento para pares este año; solo los módulos generales en línea."
    )
    assert "peer-specific-training" in flagged(tmp_path, line)


def test_a_relative_clause_about_a_meeting_negates_its_loss(tmp_path: Path) -> None:
    line = "Peers attend the monthly peer team meeting, which is never cancelled for census."
    assert "peer-support-team" not in flagged(tmp_path, line)


def test_a_relative_clause_about_people_is_still_the_lapse(tmp_path: Path) -> None:
    line = "Report tenants who do not attend house meetings to the property manager."
    assert "voluntary-peer-support" in flagged(tmp_path, line)


def test_a_spanish_i_cannot_do_it_after_the_duty_negates_it(tmp_path: Path) -> None:
    line = "Con respeto, lo de avisarle a la enfermera si no se toma la pastilla no lo puedo hacer."
    assert "voluntary-peer-support" not in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line, criterion",
    [
        # "mutual-aid" is not an aide's pay scale
        (
            "Coaches are linked to treatment or mutual-aid meetings in the county.",
            "peer-retention-and-pay",
        ),
        # a supervisor of record is not a record about a person
        ("The documented supervisor of record must hold a clinical license.", "no-clinical-duties"),
    ],
)
def test_idioms_that_look_like_duties_raise_no_flag(
    tmp_path: Path, line: str, criterion: str
) -> None:
    assert criterion not in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Acts as a one-to-one observer whenever nursing asks.",
        "Funciona como observadora uno a uno cuando falta personal.",
    ],
)
def test_a_one_to_one_observer_is_covering_a_post(tmp_path: Path, line: str) -> None:
    assert "no-clinical-duties" in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Peer specialists complete the functional screen for each new enrollee.",
        "Peers do the LOCUS and the GAD-7 with walk-ins.",
    ],
)
def test_a_screen_given_by_peers_is_an_assessment_duty(tmp_path: Path, line: str) -> None:
    assert "no-clinical-duties" in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Works under the direction of the unit Nurse Manager, with peer practice guidance "
        "from the Peer Recovery Services lead.",
        "Trabaja bajo la supervisión de la enfermera jefa, con apoyo en la práctica de pares "
        "de la coordinadora.",
    ],
)
def test_a_clinical_manager_beside_peer_practice_guidance_is_not_a_flag(
    tmp_path: Path, line: str
) -> None:
    assert "peer-supervisors" not in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Peers administer the DAST and the AUDIT at every first visit.",
        "Completes the SDQ with each parent at enrollment.",
        "Aplicar el cuestionario de tamizaje de salud a cada persona nueva.",
    ],
)
def test_named_screening_tools_given_by_peers_are_assessment_duties(
    tmp_path: Path, line: str
) -> None:
    assert "no-clinical-duties" in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Help out at the front desk on busy clinic mornings.",
        "Assists reception with phones when the clerk is out.",
    ],
)
def test_helping_at_the_front_desk_is_covering_it(tmp_path: Path, line: str) -> None:
    assert "no-clinical-duties" in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "The peer support rate remains at the FY2020 level for the life of the contract.",
        "There will be no rate increase for peer services this biennium.",
    ],
)
def test_a_payer_rate_held_at_an_old_level_is_pay_withdrawn(tmp_path: Path, line: str) -> None:
    assert "peer-retention-and-pay" in flagged(tmp_path, line)


def test_a_meeting_never_cancelled_is_not_said_missing(tmp_path: Path) -> None:
    line = "Peers attend the weekly peer team meeting, which is never cancelled for coverage."
    assert "peer-support-team" not in flagged(tmp_path, line)


def test_a_meeting_not_covered_is_still_withheld(tmp_path: Path) -> None:
    line = "Time for the monthly peer team meeting is not covered by the grant."
    assert "peer-support-team" in flagged(tmp_path, line)


def test_a_drug_screen_is_a_rule_check_not_an_assessment(tmp_path: Path) -> None:
    found = flagged(tmp_path, "Conduct random drug screens when residents return from a pass.")
    assert "voluntary-peer-support" in found
    assert "distinct-job-descriptions" not in found
