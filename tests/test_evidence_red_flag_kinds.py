"""Red flags by kind of wording, second set: a clinician named as the subject of
supervision, and the other classes below.

Each test is a class, not one phrase: the lines are written for these tests,
in English and Spanish, in the styles of job boards, evaluation forms,
messages and county bids.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import flagged, scan_evidence

SUPERVISION = "peer-supervisors"


def scan(tmp_path: Path, text: str) -> dict:
    return scan_evidence(tmp_path, text + "\n", "posting.txt")


def evidence(tmp_path: Path, text: str) -> set[str]:
    return {c["id"] for c in scan(tmp_path, text)["criteria"] if c["passages"]}


@pytest.mark.parametrize(
    "line",
    [
        "The charge nurse will be their direct supervisor.",
        "Our LCSW serves as supervisor for all peer coaches.",
        "The program director, an LICSW, supervises the peer specialists.",
        "Coaches are supervised by the program LPC; no peer supervision training is described.",
        "El psicólogo del programa supervisa a los especialistas.",
        "La directora clínica es la supervisora directa del puesto.",
        "La coordinadora (trabajadora social licenciada) supervisa todas las tareas.",
    ],
)
def test_a_clinician_named_as_the_supervisor_is_a_supervision_flag(
    tmp_path: Path, line: str
) -> None:
    assert SUPERVISION in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "The clinical director is the supervisor of our peer supervisor.",
        "Peers supervised by a peer lead meet weekly.",
        "La supervisión de pares la da una coordinadora que trabajó como especialista.",
    ],
)
def test_a_peer_supervisor_beside_a_clinician_is_no_supervision_flag(
    tmp_path: Path, line: str
) -> None:
    assert SUPERVISION not in flagged(tmp_path, line)


def test_peers_supervised_by_a_clinician_is_not_peer_supervision(tmp_path: Path) -> None:
    assert SUPERVISION not in evidence(tmp_path, "All peers supervised by the unit psychologist.")


@pytest.mark.parametrize(
    ("line", "criterion"),
    [
        ("The peer team meeting hasn't been held since the spring.", "peer-support-team"),
        ("Our weekly peer staff meeting has not been held since May.", "peer-support-team"),
        ("La reunión de pares no se ha celebrado desde enero.", "peer-support-team"),
        ("FYI the peer team mtg is off this month.", "peer-support-team"),
        ("Release time for regional peer network meetings is not covered.", "paid-networking"),
        ("Los encuentros regionales de pares no se pagan.", "paid-networking"),
        ("No me dan tiempo para ir a reuniones de afuera.", "paid-networking"),
        ("There is no time to attend outside peer events.", "paid-networking"),
    ],
)
def test_a_protection_said_withheld_after_it_is_named(
    tmp_path: Path, line: str, criterion: str
) -> None:
    assert criterion in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Peer meetings are not held on public holidays.",
        "The network meeting is not unpaid time.",
        "Release time for peer network meetings is covered in full.",
    ],
)
def test_one_occasion_or_a_protection_kept_is_not_withheld(tmp_path: Path, line: str) -> None:
    assert not {"peer-support-team", "paid-networking", "small-peer-teams"} & flagged(
        tmp_path, line
    )


@pytest.mark.parametrize(
    "line",
    [
        "My supervisor refused my request to attend the WRAP facilitator course.",
        "HR turned down her request for time to attend the certification training.",
        "Le negaron la solicitud para ir al curso de certificación.",
        "You will pay for the certification course yourself, in your free time.",
        "El curso de certificación lo tendrías que pagar tú.",
        "Las promotoras tomarán el curso de certificación por su cuenta.",
    ],
)
def test_training_refused_or_left_to_the_worker_in_other_words(tmp_path: Path, line: str) -> None:
    assert "peer-specific-training" in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "We approved every request to attend the WRAP facilitator course.",
        "La agencia paga el curso de certificación en horario laboral.",
    ],
)
def test_training_granted_is_no_training_flag(tmp_path: Path, line: str) -> None:
    assert "peer-specific-training" not in flagged(tmp_path, line)


DUTIES = "no-clinical-duties"


@pytest.mark.parametrize(
    "line",
    [
        "10% - Reception coverage during lunch hours.",
        "Peers help at the front desk when the receptionist is out.",
        "You will be the second staff person on the overnight.",
        "She was scheduled as the awake overnight staff on weekends.",
        "Los pares ayudarán en la recepción cuando falte la recepcionista.",
        "Los pares pasan los medicamentos de la noche.",
        "Hoy te toca repartir los meds de las 8.",
        "Completa las notas de caso de cada participante.",
        "Performs Q15 checks and vital signs on the unit.",
    ],
)
def test_covering_a_post_and_duties_in_more_words_are_duties(tmp_path: Path, line: str) -> None:
    assert DUTIES in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Peer staff greet people at the front desk and offer coffee.",
        "Coordinate plans with the overnight staff at shift change.",
        "Los pares pasan tiempo con los residentes en la sala.",
    ],
)
def test_being_at_a_desk_or_beside_staff_is_no_duty(tmp_path: Path, line: str) -> None:
    assert DUTIES not in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "They have me passing meds on nights now, is that allowed?",
        "Me pusieron a pasar las pastillas en la casa, ¿eso se puede?",
        "I'm not sure I'm supposed to pass meds, but the nurse said to.",
    ],
)
def test_a_tag_question_or_a_doubt_does_not_hide_the_duty(tmp_path: Path, line: str) -> None:
    assert DUTIES in flagged(tmp_path, line)


def test_a_question_with_a_short_tail_still_asks(tmp_path: Path) -> None:
    assert DUTIES not in flagged(tmp_path, "May peer staff manage residents' money, for example?")


VOLUNTARY = "voluntary-peer-support"


@pytest.mark.parametrize(
    "line",
    [
        "The probation officer asked whether Marcus attends the Tuesday group.",
        "Drug court coordinator wants to know if he has been showing up.",
        "Probation called asking T. whether the participant attends.",
        "El oficial de probatoria quiere saber si José asiste al grupo.",
        "If she doesn't take her pills, let the nurse know.",
        "Y si no se la toma me avisas para ponerlo en el reporte.",
        "Call the team nurse about any medication refusal.",
        "Residents who refuse to meet with their mentor will be referred to the director.",
        "Hacer chequeo de bolsas al regreso del pase.",
    ],
)
def test_reporting_attendance_or_lapses_and_checks_in_more_words(tmp_path: Path, line: str) -> None:
    assert VOLUNTARY in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Call members who missed group to invite them back.",
        "Members can ask whether a group is running this week.",
    ],
)
def test_reaching_out_or_a_members_question_is_no_compliance(tmp_path: Path, line: str) -> None:
    assert VOLUNTARY not in flagged(tmp_path, line)


@pytest.mark.parametrize(
    ("line", "criterion"),
    [
        ("Program director has asked L. to complete PHQ-9 screenings at intake.", DUTIES),
        ("The nurse told Ana to pass the evening meds.", DUTIES),
    ],
)
def test_a_title_asking_someone_else_hands_the_duty_on(
    tmp_path: Path, line: str, criterion: str
) -> None:
    assert criterion in flagged(tmp_path, line)


def test_a_title_doing_the_duty_itself_is_still_another_position(tmp_path: Path) -> None:
    assert DUTIES not in flagged(tmp_path, "The nurse passes the evening meds.")


RATIO = "peer-staffing-ratio"


@pytest.mark.parametrize(
    "line",
    [
        "Peer staffing levels will be set by each Team Leader according to census.",
        "Caseloads are decided by each site.",
        "The plan does not set a caseload limit for peer staff.",
        "There is no cap on caseload size; it is at the provider's discretion.",
        "No hay límite de carga de casos para los especialistas.",
    ],
)
def test_caseloads_left_to_leaders_or_without_a_limit(tmp_path: Path, line: str) -> None:
    assert RATIO in flagged(tmp_path, line)


def test_staffing_set_by_the_peer_services_lead_is_no_flag(tmp_path: Path) -> None:
    line = "Peer staffing was set by the Peer Services Manager at 1 FTE per 25 people."
    assert RATIO not in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "If there's a takedown you just help hold legs.",
        "Peer to help with takedowns if needed.",
        "Supervisee will assist with Baker Act transports.",
        "Ride along to the 5150 with the crisis team.",
        "Si hay una crisis, ayúdale a sujetarle los brazos.",
    ],
)
def test_joining_holds_and_involuntary_transports_in_more_words(tmp_path: Path, line: str) -> None:
    assert "peers-in-mobile-crisis" in flagged(tmp_path, line)


def test_holds_peers_never_join_are_no_crisis_flag(tmp_path: Path) -> None:
    line = "Peers will never take part in takedowns or Baker Act transports."
    assert "peers-in-mobile-crisis" not in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "No se necesita experiencia vivida; le damos entrenamiento.",
        "No hace falta experiencia propia de recuperación.",
    ],
)
def test_lived_experience_not_needed_in_spanish_is_a_job_flag(tmp_path: Path, line: str) -> None:
    assert "distinct-job-descriptions" in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Caseload is planned at 1 peer FTE per 20 active participants.",
        "The plan does not set a caseload limit for peer staff.",
    ],
)
def test_a_caseload_in_a_staffing_plan_is_no_renamed_job(tmp_path: Path, line: str) -> None:
    assert "distinct-job-descriptions" not in flagged(tmp_path, line)


def test_carrying_a_caseload_is_still_a_renamed_job(tmp_path: Path) -> None:
    assert "distinct-job-descriptions" in flagged(tmp_path, "Carries a caseload of 30 members.")


@pytest.mark.parametrize(
    "line",
    [
        "Our team asks people whether they would like to attend a peer group.",
        "Staff will ask residents if they are interested in coming to WRAP.",
        "El equipo pregunta a cada persona si quiere participar en el grupo.",
        "If you don't show up for your shift, notify your supervisor.",
        "Call your supervisor if you are absent.",
        "Si no asistes al turno, avisa a tu supervisora.",
    ],
)
def test_asking_people_or_a_staff_rule_is_no_compliance(tmp_path: Path, line: str) -> None:
    assert VOLUNTARY not in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "May peer staff hold residents' money, is that allowed under the contract?",
        "¿Pueden los pares administrar medicamentos, verdad?",
        "As the night staff arrive, peers hand over the drop-in log.",
    ],
)
def test_a_question_with_a_tag_or_night_staff_arriving_is_no_duty(
    tmp_path: Path, line: str
) -> None:
    assert DUTIES not in flagged(tmp_path, line)


def test_scheduled_as_the_night_staff_is_covering_a_post(tmp_path: Path) -> None:
    assert DUTIES in flagged(
        tmp_path, "Since May I have been scheduled as the night staff on Sundays."
    )
