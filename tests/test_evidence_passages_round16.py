"""Evidence passages in classes of cause that a sixteenth tuning round found:
which criterion a passage credits, and wording that only names a topic.

The lines are written for these tests, in English and Spanish; none is copied
from the corpus. Each class has lines that must count and lines that must not.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import scan_evidence

JOBS = "distinct-job-descriptions"
DUTIES = "no-clinical-duties"
VOLUNTARY = "voluntary-peer-support"


def credited(tmp_path: Path, text: str, name: str = "posting.txt") -> set[str]:
    """The criteria a one-passage text is shown as evidence for."""
    data = scan_evidence(tmp_path, text + "\n", name)
    return {c["id"] for c in data["criteria"] if c["passages"]}


# ---- lived experience: a qualification where it is asked for, not where it is named


@pytest.mark.parametrize(
    "line",
    [
        "Applicants need their own lived experience of a psychiatric crisis.",
        "Lived experience of recovery from addiction is a must for this opening.",
        "We only hire people who self-identify as having lived experience.",
        "Peers have lived experience of the mental health system; we will not waive this.",
        "Es imprescindible contar con experiencia vivida en salud mental.",
        "Las personas candidatas deben tener experiencia vivida de recuperación.",
    ],
)
def test_lived_experience_asked_for_is_a_qualification(tmp_path: Path, line: str) -> None:
    assert JOBS in credited(tmp_path, line)


def test_lived_experience_under_a_requirements_heading_is_a_qualification(
    tmp_path: Path,
) -> None:
    text = "# Requirements\n\nPersonal lived experience of recovery from substance use."
    assert JOBS in credited(tmp_path, text, "posting.md")


@pytest.mark.parametrize(
    "line",
    [
        "Our coaches draw on lived experience when they sit with someone.",
        "The drop-in center is governed by people with lived experience of trauma.",
        "Tell your recovery story at the Tuesday group if you feel like it.",
        "Acompañarás a otras personas usando tu experiencia vivida.",
        "Somos un colectivo dirigido por personas con experiencia vivida.",
    ],
)
def test_lived_experience_named_in_passing_is_no_qualification(tmp_path: Path, line: str) -> None:
    assert JOBS not in credited(tmp_path, line)


# ---- a duty kept out of the role is evidence for the duty's point, not the job description's


@pytest.mark.parametrize(
    "line",
    [
        "Our peer workers never complete intake screenings or suicide risk scales.",
        "Los pares no aplican escalas de evaluación clínica a los participantes.",
    ],
)
def test_an_assessment_kept_out_credits_the_duties_point(tmp_path: Path, line: str) -> None:
    found = credited(tmp_path, line)
    assert DUTIES in found
    assert JOBS not in found


@pytest.mark.parametrize(
    "line",
    [
        "Peer advocates do not provide transportation for people on a hold.",
        "Peer staff never provide transportation to court dates.",
        "El personal de pares no va a transportar a los participantes.",
    ],
)
def test_a_transport_kept_out_says_nothing_of_the_job_description(
    tmp_path: Path, line: str
) -> None:
    assert JOBS not in credited(tmp_path, line)


def test_a_case_management_job_kept_out_still_credits_the_job_description(
    tmp_path: Path,
) -> None:
    line = "Peer specialists are not case managers and carry no case management duties."
    assert JOBS in credited(tmp_path, line)


# ---- the code's principles named as what peer staff are held to

ETHICS = "cps-code-of-ethics"


@pytest.mark.parametrize(
    "line",
    [
        "Mentors are held to mutuality and self-determination in every contact.",
        "What a member tells a coach stays confidential unless someone is in danger.",
        "Se espera del personal de pares la mutualidad y el respeto a la autodeterminación.",
        "Todo lo que se habla es confidencial, salvo riesgo para la vida.",
    ],
)
def test_the_codes_principles_are_ethics_evidence(tmp_path: Path, line: str) -> None:
    assert ETHICS in credited(tmp_path, line)


def test_mutuality_credits_ethics_not_the_job_description(tmp_path: Path) -> None:
    found = credited(tmp_path, "Coaches practise mutuality with the people they meet.")
    assert ETHICS in found
    assert JOBS not in found


@pytest.mark.parametrize(
    "line",
    [
        "Keep the confidential shredding bin locked.",
        "La sala de reuniones tiene una puerta con llave.",
    ],
)
def test_a_locked_bin_or_room_is_no_ethics_evidence(tmp_path: Path, line: str) -> None:
    assert ETHICS not in credited(tmp_path, line)


# ---- pay set above a named lower title, and raises by time or credential

PAY = "peer-retention-and-pay"


@pytest.mark.parametrize(
    "line",
    [
        "Coaches start $2.50 above what our residential workers make.",
        "The peer class sits three grades above the Psychiatric Aide class.",
        "Each year of service adds a step of 4% to the coach's wage.",
        "A $1,200 bump once you complete the state credential.",
        "El sueldo es más alto que el de los técnicos de conducta.",
        "Hay aumentos anuales del 3% para todo el personal de pares.",
    ],
)
def test_pay_above_a_lower_title_or_raised_over_time(tmp_path: Path, line: str) -> None:
    assert PAY in credited(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Take the stairs above the front desk to reach the group room.",
        "Each year the steering committee elects a chair.",
        "Cada año celebramos el aniversario del centro con una comida.",
    ],
)
def test_above_a_desk_or_yearly_events_are_not_pay(tmp_path: Path, line: str) -> None:
    assert PAY not in credited(tmp_path, line)


# ---- training on the peer role for the staff who work beside peers

WORKPLACE = "peer-supportive-workplace"


@pytest.mark.parametrize(
    "line",
    [
        "Every nurse on the unit attends a two-hour workshop on what peer specialists do.",
        "We will train the jail deputies and team leads on the peer role before launch.",
        'Our clinicians take the "Working Alongside Peers" module in their first month.',
        "Los gerentes y el personal clínico reciben un taller sobre el rol de pares cada año.",
        "Daremos una charla a los enfermeros sobre qué hace el personal de pares.",
    ],
)
def test_peer_role_training_for_non_peer_staff(tmp_path: Path, line: str) -> None:
    assert WORKPLACE in credited(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Our supervisor finished a course in supervising peer workers last spring.",
        "La supervisora tiene formación en supervisión de pares.",
        "Peer coaches complete a 40-hour course on peer support in their first year.",
    ],
)
def test_peer_supervision_training_or_peers_own_course_is_not_workplace(
    tmp_path: Path, line: str
) -> None:
    assert WORKPLACE not in credited(tmp_path, line)


# ---- training the employer pays for or gives on work time

TRAINING = "peer-specific-training"


@pytest.mark.parametrize(
    "line",
    [
        "The agency covers tuition for the state peer certification.",
        "You take the recovery coach course on work time.",
        "Certification classes are on the clock.",
        "La clínica paga la matrícula del curso de certificación.",
        "El adiestramiento es sin costo para usted.",
        "Ofrecemos 12 horas de educación continua al año.",
    ],
)
def test_training_paid_for_or_on_work_time(tmp_path: Path, line: str) -> None:
    assert TRAINING in credited(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Staff are paid every other Friday by direct deposit.",
        "El pago de la renta se hace el primer día del mes.",
    ],
)
def test_pay_days_and_rent_are_not_training(tmp_path: Path, line: str) -> None:
    assert TRAINING not in credited(tmp_path, line)


# ---- time or travel paid to meet peers from other organisations

NETWORKING = "paid-networking"


@pytest.mark.parametrize(
    "line",
    [
        "The budget funds two trips a year to the statewide peer summit.",
        "Coaches get paid registration and travel for the regional peer convening.",
        "La agencia paga el tiempo y el millaje para asistir al encuentro regional de pares.",
        "Iremos al encuentro anual de pares en Ponce, con viaje pagado por la agencia.",
    ],
)
def test_paid_time_or_travel_to_peer_gatherings(tmp_path: Path, line: str) -> None:
    assert NETWORKING in credited(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Travel between client homes is by agency van.",
        "El viaje a la clínica dura veinte minutos.",
    ],
)
def test_travel_to_clients_is_not_networking(tmp_path: Path, line: str) -> None:
    assert NETWORKING not in credited(tmp_path, line)


# ---- header and field lines name topics; they are not evidence


@pytest.mark.parametrize(
    "text",
    [
        "TO: All Peer Supervisors and Program Managers\n\nThanks for reading.",
        "Title: Senior Peer Specialist   Pay Grade: 14   Dept: Outpatient\n\nThanks for reading.",
        "Presentes: cuatro pares, la supervisora de pares y la directora\n\nGracias.",
        "Asunto: Supervisión de pares en el turno de noche\n\nGracias.",
    ],
)
def test_memo_headers_and_field_lines_are_not_evidence(tmp_path: Path, text: str) -> None:
    data = scan_evidence(tmp_path, text + "\n")
    cited = [p["excerpt"] for c in data["criteria"] for p in c["passages"]]
    assert not any("Supervisor" in e or "Grade" in e or "supervisora" in e for e in cited)


@pytest.mark.parametrize(
    "line",
    [
        "Supervision: weekly, by our Peer Services Supervisor, a former recovery coach.",
        "Supervisión: cada semana, con la supervisora de pares.",
    ],
)
def test_one_label_before_a_sentence_is_still_evidence(tmp_path: Path, line: str) -> None:
    assert "peer-supervisors" in credited(tmp_path, line)


# ---- a written affiliation with a named peer network is the small-teams point's

SMALL = "small-peer-teams"


@pytest.mark.parametrize(
    "line",
    [
        "Because our team is small, we are a member of the River Valley Peer Network.",
        "We signed a written affiliation with the Lakeshore Peer Collective.",
        "Como somos un equipo pequeño, nos afiliamos a la Red de Apoyo Mutuo del Sur.",
    ],
)
def test_an_affiliation_with_a_peer_network_credits_small_teams(tmp_path: Path, line: str) -> None:
    found = credited(tmp_path, line)
    assert SMALL in found
    assert NETWORKING not in found


def test_a_peer_network_named_as_somewhere_to_meet_is_still_networking(tmp_path: Path) -> None:
    line = "Coaches go to the regional peer network gathering on paid time twice a year."
    assert NETWORKING in credited(tmp_path, line)


def test_a_small_room_is_no_affiliation(tmp_path: Path) -> None:
    assert SMALL not in credited(tmp_path, "Groups meet in a small room; join us on Fridays.")


# ---- a standing peer-team meeting that is kept

TEAM = "peer-support-team"


@pytest.mark.parametrize(
    "line",
    [
        "Our peer huddle is protected time; nobody schedules visits over it.",
        "The Peer Services meeting happens every other Thursday for all coaches.",
        "El equipo se reúne todos los jueves y esa reunión no se cancela.",
        "La reunión del equipo de pares es en horario protegido.",
    ],
)
def test_a_standing_protected_peer_meeting_is_team_evidence(tmp_path: Path, line: str) -> None:
    assert TEAM in credited(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Parking for the meeting is in the back lot.",
        "La reunión con el casero fue el martes pasado.",
    ],
)
def test_other_meetings_are_not_team_evidence(tmp_path: Path, line: str) -> None:
    assert TEAM not in credited(tmp_path, line)


# ---- peer titles kept apart from other titles


@pytest.mark.parametrize(
    "line",
    [
        "Peer mentor descriptions are written separately from the Residential Aide description.",
        "The peer titles shall never be combined with Case Manager titles.",
        "Las plazas de pares son distintas de las de manejador de casos.",
    ],
)
def test_peer_titles_kept_apart_credit_the_job_description(tmp_path: Path, line: str) -> None:
    assert JOBS in credited(tmp_path, line)


def test_a_separate_clerk_is_not_a_separate_title(tmp_path: Path) -> None:
    line = "A separate billing clerk enters the claims each Friday."
    assert JOBS not in credited(tmp_path, line)


# ---- support people may refuse, without cost and without giving a name


@pytest.mark.parametrize(
    "line",
    [
        "Talking with a mentor is optional for every resident.",
        "Guests may stay anonymous if they prefer.",
        "Saying no to a coach will not affect anyone's bed.",
        "Hablar con la persona de pares es opcional.",
        "Quien llama puede hacerlo de forma anónima, sin dar su nombre.",
    ],
)
def test_optional_or_anonymous_support_is_voluntary(tmp_path: Path, line: str) -> None:
    assert VOLUNTARY in credited(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "For billing questions, press option 4.",
        "Optionally, bring a photo ID to orientation.",
    ],
)
def test_a_phone_option_is_not_voluntary_support(tmp_path: Path, line: str) -> None:
    assert VOLUNTARY not in credited(tmp_path, line)


# ---- staffing set from the program's own figures

RATIO = "peer-staffing-ratio"


@pytest.mark.parametrize(
    "line",
    [
        "The peer director resets coach staffing every spring from waitlist data.",
        "We chose three operators per shift from last year's call volume.",
        "La dotación de pares se fija con los datos de visitas y las listas de espera.",
    ],
)
def test_staffing_set_from_service_data_is_ratio_evidence(tmp_path: Path, line: str) -> None:
    assert RATIO in credited(tmp_path, line)


def test_a_data_plan_for_the_clinic_is_not_staffing(tmp_path: Path) -> None:
    assert RATIO not in credited(
        tmp_path, "Bring your phone; the clinic has a data plan for staff."
    )


def test_a_certification_differential_is_pay_not_training(tmp_path: Path) -> None:
    found = credited(
        tmp_path, "A certification differential of $1.10/hr is paid from the exam date."
    )
    assert PAY in found
    assert TRAINING not in found


@pytest.mark.parametrize(
    "line",
    [
        "Coaches co-lead our Alternatives to Suicide group on Mondays.",
        "Tenemos grupos de Alternativas al Suicidio los sábados.",
    ],
)
def test_a_peer_group_named_for_a_curriculum_is_not_training(tmp_path: Path, line: str) -> None:
    assert TRAINING not in credited(tmp_path, line)


def test_the_curriculum_as_training_is_still_training(tmp_path: Path) -> None:
    line = "New staff take Alternatives to Suicide facilitator training in their first year."
    assert TRAINING in credited(tmp_path, line)


# ---- a section number is no head count; a staffing minimum is no small organisation


@pytest.mark.parametrize(
    "line",
    [
        "3.1 The bidder assigns peer specialists to each emergency department.",
        "2.2 Peer staff keep no clinical notes.",
        "3.2 El proponente asignará especialistas de pares a cada sala.",
    ],
)
def test_a_section_number_is_not_two_or_more_peers(tmp_path: Path, line: str) -> None:
    assert RATIO not in credited(tmp_path, line)


def test_two_peers_in_words_still_count(tmp_path: Path) -> None:
    found = credited(tmp_path, "Each site has two peer specialists on every shift.")
    assert RATIO in found or SMALL in found


def test_a_staffing_minimum_is_not_a_small_organisation(tmp_path: Path) -> None:
    line = "Staffing: no fewer than one peer staff per shift for up to six guests."
    assert SMALL not in credited(tmp_path, line)
