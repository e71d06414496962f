"""Which criterion a duty is flagged for, and the wordings of the seventh round.

Each test is a class of wording, not one phrase: the lines are written for
these tests, in the styles an independent author used (job boards, county
scopes of work, Spanish postings).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import scan_evidence


def scan(tmp_path: Path, text: str) -> dict:
    return scan_evidence(tmp_path, text, "posting.txt")


def flagged(data: dict) -> set[str]:
    return {f["criterion"] for f in data["red_flags"]}


DUTIES = "Essential duties:\n\n"


@pytest.mark.parametrize(
    "line",
    [
        "- Conduct the intake interview and the functional assessment for each new enrollee.",
        "- Complete the suicide risk screening at the first visit.",
        "- Administer the county's risk/needs screening tool at intake.",
        "- Completar el cernimiento inicial de riesgo en la primera visita.",
    ],
)
def test_assessments_are_clinical_duties_only(tmp_path: Path, line: str) -> None:
    # Reviewers label an assessment duty a clinical duty, not a renamed job: in the
    # labelled corpus, 6 of the 248 lines the job-description flag caught this way were.
    criteria = flagged(scan(tmp_path, DUTIES + line + "\n"))
    assert "no-clinical-duties" in criteria
    assert "distinct-job-descriptions" not in criteria


@pytest.mark.parametrize(
    "line",
    [
        "- Let the clinician know right away if a resident skips their meds.",
        "- Report medication refusals to the nurse on duty.",
        "- Complete the monthly medication adherence checklist and share it with the prescriber.",
        "- Informar al psiquiatra cuando el participante no esté tomando sus medicamentos.",
        "- Si un residente no toma sus medicamentos, avisen a la enfermera.",
    ],
)
def test_reporting_medication_adherence_is_a_duty_and_breaks_voluntary_support(
    tmp_path: Path, line: str
) -> None:
    criteria = flagged(scan(tmp_path, DUTIES + line + "\n"))
    assert {"no-clinical-duties", "voluntary-peer-support"} <= criteria
    assert "cps-code-of-ethics" not in criteria


@pytest.mark.parametrize(
    "line",
    [
        "- Report any non-adherence to treatment to the clinical team.",
        "- Report missed appointments and curfew violations to the probation officer.",
        "- Let the landlord know when a tenant misses a house meeting.",
        "- Informar a la trabajadora social cualquier resistencia al tratamiento.",
        "- Informar al tribunal sobre la asistencia de cada participante.",
    ],
)
def test_reporting_on_a_person_breaks_voluntary_support_not_ethics(
    tmp_path: Path, line: str
) -> None:
    """Compliance reporting on a person (attendance, curfew, treatment) is a voluntary
    support flag; independent reviewers do not label it an ethics breach or a clinical
    duty unless the text names a confidence or medication."""
    criteria = flagged(scan(tmp_path, DUTIES + line + "\n"))
    assert "voluntary-peer-support" in criteria
    assert not {"cps-code-of-ethics", "no-clinical-duties"} & criteria


@pytest.mark.parametrize(
    "line",
    [
        "- Anything a member shares in confidence is passed to the clinical team.",
        "- Relay information disclosed by patients during coaching sessions to the physician.",
        "- Let the team know what residents tell you in confidence about their use.",
        "- Use your personal recovery story to encourage clients to comply with treatment.",
        "- Deberá compartir con la consejera escolar todo lo que los estudiantes le cuenten.",
    ],
)
def test_passing_on_confidences_is_an_ethics_flag(tmp_path: Path, line: str) -> None:
    assert "cps-code-of-ethics" in flagged(scan(tmp_path, DUTIES + line + "\n"))


@pytest.mark.parametrize(
    "line",
    [
        "What people share with staff is kept confidential within the limits explained at intake.",
        "Lo que las personas comparten con el equipo se mantiene confidencial.",
    ],
)
def test_keeping_what_people_share_confidential_is_no_breach(tmp_path: Path, line: str) -> None:
    assert "cps-code-of-ethics" not in flagged(scan(tmp_path, line + "\n"))


@pytest.mark.parametrize(
    "line",
    [
        "- Cover the front desk and phones when the receptionist is out.",
        "- Float between our two residences when either is short.",
        "- Fill temporary vacancies in other direct-care positions.",
        "- Join the residential coverage rotation one evening a week.",
        "- Peer staff may be counted toward the awake-overnight staffing minimum.",
        "- Peer staff may temporarily support residential staffing in an emergency.",
        "- Tiene que estar disponible para doblar turno cuando la casa de los residentes lo necesite.",
    ],
)
def test_covering_other_posts_is_backfill(tmp_path: Path, line: str) -> None:
    assert "no-clinical-duties" in flagged(scan(tmp_path, DUTIES + line + "\n"))


@pytest.mark.parametrize(
    "line",
    [
        "Ability to work overnight shifts.",
        "Per-diem staff provide coverage for any group or meeting.",
        "Peer staff are never placed on coverage rotations.",
    ],
)
def test_shifts_and_coverage_by_others_are_not_backfill(tmp_path: Path, line: str) -> None:
    assert "no-clinical-duties" not in flagged(scan(tmp_path, line + "\n"))


@pytest.mark.parametrize(
    "line",
    [
        "Lived exp. a plus.",
        "Experience with homelessness preferred.",
        "Sharing your own journey is welcome, though not required.",
    ],
)
def test_lived_experience_as_a_preference_is_a_job_description_flag(
    tmp_path: Path, line: str
) -> None:
    assert "distinct-job-descriptions" in flagged(scan(tmp_path, line + "\n"))


@pytest.mark.parametrize(
    "line",
    [
        "Continuation of the Peer Mentor positions is subject to the availability of appropriated funds.",
        "The position is funded through a one-year pilot grant.",
        "Los puestos de pares se mantendrán sujeto a la disponibilidad de fondos federales.",
    ],
)
def test_positions_that_wait_for_funding(tmp_path: Path, line: str) -> None:
    # the positions a bid has, waiting on money, are a pay and retention flag; only more
    # positions promised if money comes are a staffing one (tests/test_evidence_round16.py)
    assert "peer-retention-and-pay" in flagged(scan(tmp_path, line + "\n"))


@pytest.mark.parametrize(
    "line",
    [
        "Starting pay is $17.40/hr, the same as our Residential Associates.",
        "Salario: $10.50 por hora, igual que el puesto de asistente de cuidado.",
        "Entry rate for all Direct Care positions, including the Peer Support Specialist, is $17.00.",
    ],
)
def test_pay_the_same_as_a_direct_care_post(tmp_path: Path, line: str) -> None:
    assert "peer-retention-and-pay" in flagged(scan(tmp_path, line + "\n"))


def test_a_full_stop_before_a_small_letter_does_not_end_the_sentence() -> None:
    from advocacy.evidence.matching import tokenize

    abbreviated = tokenize("Lived exp. a plus. Apply today!")
    assert abbreviated.sentences[abbreviated.words.index("plus")] == 0
    assert abbreviated.sentences[abbreviated.words.index("apply")] == 1


@pytest.mark.parametrize(
    "question",
    [
        "May peer staff help people manage their money?",
        'Can the peer role include "other duties as assigned"?',
        "¿Pueden los pares administrar medicamentos?",
    ],
)
def test_a_question_states_no_duty(tmp_path: Path, question: str) -> None:
    data = scan(tmp_path, question + "\n")
    assert data["red_flags"] == []
    assert any(m["reason"] == "asked as a question" for m in data["not_counted"])


@pytest.mark.parametrize(
    "question",
    [
        "Q3. How would you keep track of residents' medication packs on the night shift?",
        "Are you willing to chart shift notes on each client in our records system?",
        "Do you handle members' spending money? This is part of the job.",
        "¿Tiene experiencia en administrar los medicamentos de las personas que viven en el hogar?",
        "¿Puede llevar las notas de progreso de cada participante? (Requisito del puesto.)",
    ],
)
def test_a_question_that_takes_the_duty_as_given_is_a_red_flag(
    tmp_path: Path, question: str
) -> None:
    assert scan(tmp_path, question + "\n")["red_flags"]


def test_a_bold_answer_under_a_bold_question_is_its_own_passage(tmp_path: Path) -> None:
    text = (
        "**Q18.** May peer staff help people manage their money?\n"
        "**A18.** Yes: peer staff may hold residents' cash allowances.\n"
    )
    lines = {f["location"] for f in scan(tmp_path, text)["red_flags"]}
    assert lines == {"line 2"}


@pytest.mark.parametrize(
    "line",
    [
        "- Contact patients after discharge to verify they attended their clinic appointment.",
        "- Conduct room inspections and write up rule violations for the director.",
        "- Dar seguimiento diario a la adherencia al tratamiento de cada residente.",
    ],
)
def test_checking_up_on_a_person_is_a_red_flag(tmp_path: Path, line: str) -> None:
    assert flagged(scan(tmp_path, DUTIES + line + "\n"))


def test_check_mark_bullets_are_list_items(tmp_path: Path) -> None:
    text = (
        "What you will do\n"
        "✔ Connect patients with mutual-help meetings after discharge\n"
        "✔ Float to sitter duties on the unit during periods of low volume\n"
    )
    lines = {f["location"] for f in scan(tmp_path, text)["red_flags"]}
    assert lines == {"line 3"}


@pytest.mark.parametrize(
    "line",
    [
        "Subject: overnight cover and med counts",
        "RE: Fwd: peers giving out medication on weekends",
        "Asunto: turnos de noche y entrega de medicamentos",
    ],
)
def test_a_subject_line_names_a_topic_and_raises_no_flag(tmp_path: Path, line: str) -> None:
    data = scan(tmp_path, line + "\n")
    assert data["red_flags"] == []
    assert "a message's subject line" in {m["reason"] for m in data["not_counted"]}


def test_an_instruction_to_the_bidder_asks_and_raises_no_flag(tmp_path: Path) -> None:
    data = scan(
        tmp_path,
        "4.2.c Describe how peer staff are kept from giving out medication or handling "
        "client funds.\n\n4.2.d Attach your peer job descriptions and the pay scale for peers "
        "compared with entry-level direct-care pay.\n",
    )
    assert data["red_flags"] == []
    assert "asked as a question" in {m["reason"] for m in data["not_counted"]}


@pytest.mark.parametrize(
    "line",
    [
        "We ask you to remove peer staff from medication counts and overnight coverage.",
        "Any request for peers to chart progress notes will be declined.",
        "La experiencia vivida en recuperación es un requisito obligatorio para el puesto de mentor.",
    ],
)
def test_removing_or_declining_a_duty_and_a_mandatory_qualification_are_no_flags(
    tmp_path: Path, line: str
) -> None:
    assert scan(tmp_path, line + "\n")["red_flags"] == []


@pytest.mark.parametrize(
    "line",
    [
        "Residents' spending money is managed by the housing coordinator.",
        "El dinero de bolsillo de los residentes sigue a cargo de la coordinadora de vivienda.",
        "Client funds are handled by the business office.",
    ],
)
def test_money_held_by_a_coordinator_or_an_office_is_another_positions(
    tmp_path: Path, line: str
) -> None:
    data = scan(tmp_path, line + "\n")
    assert data["red_flags"] == []
    assert any(m["reason"].startswith("a duty of another position") for m in data["not_counted"])


def reasons(data: dict) -> list[str]:
    return [n["reason"] for n in data["not_counted"]]


@pytest.mark.parametrize(
    "line",
    [
        "The peer specialist reports to the program director and reports missed "
        "appointments to the probation officer.",
        "Reports to the Team Leader and reports curfew violations to the landlord.",
        "The coach, who reports directly to the site manager, tells the court whenever "
        "a participant misses a session.",
        "La especialista reporta directamente a la directora del programa e informa a la "
        "oficial probatoria cuando alguien no asiste a las citas.",
    ],
)
def test_a_reporting_line_does_not_defuse_a_report_on_a_person_beside_it(
    tmp_path: Path, line: str
) -> None:
    """'Reports to <title>' is a reporting line, not a report on a person: it takes
    back only the match it is part of, not another duty in the same sentence."""
    assert "voluntary-peer-support" in flagged(scan(tmp_path, line + "\n"))


@pytest.mark.parametrize(
    "line",
    [
        "The peer specialist reports to the program director.",
        "The peer specialist reports to the program director and shares only aggregate "
        "counts of missed appointments.",
        "La especialista reporta directamente a la directora del programa.",
    ],
)
def test_a_reporting_line_alone_is_no_report_on_a_person(tmp_path: Path, line: str) -> None:
    data = scan(tmp_path, line + "\n")
    assert "voluntary-peer-support" not in flagged(data)


@pytest.mark.parametrize(
    "line",
    [
        "Guests keep and manage their own medications in a locked personal box.",
        "Residents handle their own money; the program holds no funds.",
        "Los residentes manejan su propio dinero y sus propios medicamentos.",
    ],
)
def test_what_the_people_served_do_themselves_is_not_a_peer_duty(tmp_path: Path, line: str) -> None:
    data = scan(tmp_path, "Peer staff run recovery groups. " + line + "\n")
    assert "no-clinical-duties" not in flagged(data)
    assert any("people served do themselves" in n["reason"] for n in data["not_counted"])


@pytest.mark.parametrize(
    "line",
    [
        "Clients' own medications are counted by peer staff at night.",  # peers named
        "Members who skip two sessions in a row are reported to the housing office.",  # to them
    ],
)
def test_a_duty_done_to_the_people_served_still_counts(tmp_path: Path, line: str) -> None:
    assert flagged(scan(tmp_path, line + "\n"))


@pytest.mark.parametrize("name", ["policy.txt", "policy.md"])
def test_lettered_items_under_an_excluding_lead_in_are_kept_out(tmp_path: Path, name: str) -> None:
    text = (
        "2.3 The following tasks are outside the peer role and shall not be assigned to peer staff:\n"
        "a. medication administration, prompting or counts;\n"
        "b. representative payee duties or holding money for clients;\n"
        "c. coverage of reception, residential shifts or staff breaks.\n"
    )
    data = scan_evidence(tmp_path, text, name)
    assert data["red_flags"] == []
    assert len(data["not_counted"]) >= 3
