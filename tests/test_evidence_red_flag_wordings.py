"""Red flags in wordings of whole classes the vocabulary did not know: reporting
people to a court or a manager, keeping people on track, checking and testing
people for rule breaking, physical holds and risk screens, coverage posts,
funding that must be renewed, stipends, required clinical degrees.

Each test is a class, not one phrase: the lines are written for these tests,
in English and Spanish, in the styles of job boards, memos and county bids.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import flagged, scan_evidence

from advocacy.cli import main


def scan(tmp_path: Path, text: str) -> dict:
    return scan_evidence(tmp_path, text, "posting.txt")


@pytest.mark.parametrize(
    "line",
    [
        "Tell the parole officer at each check-in whether the resident has kept her job.",
        "Relay information about each member's progress to the drug court judge.",
        "Let the House Manager know when a guest comes back after curfew.",
        "Escalate disengagement to the care team within 48 hours.",
        "Informar a la jueza sobre el progreso de cada participante.",
        "Compartir observaciones sobre cada joven con el oficial de probatoria.",
    ],
)
def test_telling_a_court_or_manager_about_a_person_is_compliance(tmp_path: Path, line: str) -> None:
    """Reporting on a person breaks voluntary support; it is an ethics flag only where
    the text names a confidence (reviewers label it so, see the corpus README)."""
    found = flagged(tmp_path, line)
    assert "voluntary-peer-support" in found
    assert "cps-code-of-ethics" not in found


@pytest.mark.parametrize(
    "line",
    [
        "Keep tenants on track with their medication and clinic visits.",
        "Make sure each participant goes to every group session on the schedule.",
        "Use your story to persuade guests to accept treatment.",
        "Being the eyes and ears of the program on evenings and weekends.",
        "Peer sessions are a condition of probation for every client.",
        "Residents who refuse medication are assigned weekly peer check-ins.",
        "La mentoría es condición de libertad para todos los jóvenes.",
    ],
)
def test_keeping_people_on_treatment_or_making_support_a_condition(
    tmp_path: Path, line: str
) -> None:
    assert "voluntary-peer-support" in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Perform bedroom inspections every Sunday.",
        "Witness and record urine drug screens for residents.",
        "- Obtain urine specimens per the unit schedule",
        "Look for contraband in shared spaces.",
        "Observar la toma de pruebas toxicológicas de los residentes.",
        "Realizar inspecciones de cuartos cada semana.",
    ],
)
def test_checking_searching_or_testing_people_is_not_voluntary_support(
    tmp_path: Path, line: str
) -> None:
    assert "voluntary-peer-support" in flagged(tmp_path, line)


def test_bed_checks_are_safety_monitoring_a_duty_not_a_search(tmp_path: Path) -> None:
    # Reviewers label bed and curfew checks a duty outside the role (13 of the 18 lines the
    # voluntary point flagged for them), and a room search a breach of voluntary support.
    criteria = flagged(tmp_path, "Do nightly bed checks on all floors.")
    assert "no-clinical-duties" in criteria
    assert "voluntary-peer-support" not in criteria


@pytest.mark.parametrize(
    "line",
    [
        "Peers are never asked to do room inspections or drug screens.",
        "A pre-employment drug test is required.",
        "Peer mentors let the House Manager know when they need a day off.",
    ],
)
def test_what_is_not_checking_or_reporting_on_people(tmp_path: Path, line: str) -> None:
    assert "voluntary-peer-support" not in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Helps staff with prone holds when a guest is a danger to others.",
        "Completes the lethality screen before the clinician arrives.",
        "Must be certified in physical interventions within 60 days.",
        "Completa la evaluación de riesgo suicida en cada llamada.",
    ],
)
def test_physical_holds_and_risk_screens_are_crisis_flags(tmp_path: Path, line: str) -> None:
    assert "peers-in-mobile-crisis" in flagged(tmp_path, line)


def test_involuntary_transport_is_not_a_case_management_job(tmp_path: Path) -> None:
    found = flagged(tmp_path, "Rides along on involuntary transports to the hospital.")
    assert "peers-in-mobile-crisis" in found
    assert "distinct-job-descriptions" not in found


@pytest.mark.parametrize(
    "line",
    [
        "Serve as a sitter for guests on suicide watch.",
        "Acts as relief receptionist on Fridays.",
        "May be asked to staff the front desk on weekends.",
        "Servir de suplente del chofer de la camioneta.",
    ],
)
def test_sitters_posts_and_relief_roles_are_coverage(tmp_path: Path, line: str) -> None:
    assert "no-clinical-duties" in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Peers join the weekly peer meeting, and shift coverage is arranged so they can attend.",
        "We propose 4.0 FTE peer advocates to cover both daily shifts.",
    ],
)
def test_coverage_for_peers_or_a_staffing_plan_is_not_backfill(tmp_path: Path, line: str) -> None:
    assert "no-clinical-duties" not in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "This position is grant-funded through September 2027.",
        "The position lasts while the contract is renewed each year.",
        "Funded for two years; continuation is contingent on appropriation.",
        "El puesto depende de una subvención federal que se renueva cada año.",
    ],
)
def test_funding_that_must_be_renewed_is_a_funding_wait(tmp_path: Path, line: str) -> None:
    # the positions a bid has, waiting on money, are a pay and retention flag (round 16)
    assert "peer-retention-and-pay" in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Compensation: a $300 monthly stipend and a shared room.",
        "Pay is $15 an hour, the same as our residential staff.",
        "Pago: un estipendio semanal de $200 y cuarto compartido en la casa.",
    ],
)
def test_a_stipend_or_house_staff_pay_is_a_pay_flag(tmp_path: Path, line: str) -> None:
    assert "peer-retention-and-pay" in flagged(tmp_path, line)


def test_a_travel_stipend_is_not_pay_in_place_of_wages(tmp_path: Path) -> None:
    line = "Peers receive a monthly travel stipend for conferences."
    assert "peer-retention-and-pay" not in flagged(tmp_path, line)


@pytest.mark.parametrize(
    ("line", "criterion"),
    [
        ("CEUs for the CPS renewal are completed after work hours.", "peer-specific-training"),
        ("Network meetings happen outside work hours.", "paid-networking"),
        ("Las reuniones de la red se hacen fuera del horario laboral.", "paid-networking"),
        ("The monthly peer huddle is cancelled until spring.", "peer-support-team"),
        ("Maria will be the only peer role in the clinic.", "small-peer-teams"),
    ],
)
def test_unpaid_hours_withdrawn_meetings_and_a_lone_peer(
    tmp_path: Path, line: str, criterion: str
) -> None:
    assert criterion in flagged(tmp_path, line)


def test_one_peer_team_is_not_a_single_peer(tmp_path: Path) -> None:
    line = "Los ocho forman un solo equipo de pares que se reúne cada lunes."
    assert "small-peer-teams" not in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Requirements: Master's degree in counseling.",
        "Bachelor's in social work required.",
        "Título de licenciatura en trabajo social (requisito).",
        "Serves as a generalist team member on the ACT team.",
    ],
)
def test_a_required_clinical_degree_or_generalist_role_is_a_job_flag(
    tmp_path: Path, line: str
) -> None:
    assert "distinct-job-descriptions" in flagged(tmp_path, line)


def test_a_preferred_degree_is_not_a_job_flag(tmp_path: Path) -> None:
    line = "A bachelor's degree in psychology is preferred but not required."
    assert "distinct-job-descriptions" not in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Performs medication reconciliation after every hospital stay.",
        "Capture each contact in the member record.",
        "Apoyar a enfermería con la dosificación de metadona.",
    ],
)
def test_medication_and_record_wordings(tmp_path: Path, line: str) -> None:
    assert "no-clinical-duties" in flagged(tmp_path, line)


# ---- scope: conditions, other positions, carried negations, qualifiers


@pytest.mark.parametrize(
    "line",
    [
        "Alerts the nurse if a resident does not show up for group.",
        "Informa al equipo si el joven no asiste a la escuela.",
    ],
)
def test_a_negation_inside_a_condition_does_not_negate_the_duty(tmp_path: Path, line: str) -> None:
    assert "voluntary-peer-support" in flagged(tmp_path, line)


def test_a_negated_duty_with_a_condition_is_still_negated(tmp_path: Path) -> None:
    line = "Peers never alert the nurse if a resident does not show up for group."
    assert "voluntary-peer-support" not in flagged(tmp_path, line)


def test_funding_that_ends_if_not_renewed_is_still_a_funding_wait(tmp_path: Path) -> None:
    line = "Contract position, grant-funded (it ends if the grant is not renewed)."
    assert "peer-retention-and-pay" in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Medication counts are done by the overnight LPN.",
        "Client funds are managed by the agency bookkeeper.",
        "The LVNs set up and pass all medication.",
        "El manejo del dinero de los residentes está a cargo de la contable.",
        "La clínica completa la evaluación de crisis cuando proceda.",
    ],
)
def test_a_duty_handed_to_another_position_is_not_a_peer_duty(tmp_path: Path, line: str) -> None:
    data = scan(tmp_path, line + "\n")
    assert not data["red_flags"]
    assert any("another position" in n["reason"] for n in data["not_counted"])


def test_a_peer_duty_beside_another_positions_supervision_is_still_a_flag(
    tmp_path: Path,
) -> None:
    assert "no-clinical-duties" in flagged(
        tmp_path, "Peers count medication, supervised by the RN."
    )


def test_not_only_excluded_but_also_carries_the_exclusion(tmp_path: Path) -> None:
    line = "Peers are not only barred from MAP training but also from counting medication."
    assert "no-clinical-duties" not in flagged(tmp_path, line)


def test_not_only_but_also_without_a_negation_assigns_the_duty(tmp_path: Path) -> None:
    line = "Peers are not only asked to listen but also to count medication."
    assert "no-clinical-duties" in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Lived experience is nice but not a must.",
        "Lived experience would be a big plus.",
        "Experiencia vivida: no es indispensable.",
    ],
)
def test_more_weak_qualifiers_of_lived_experience(tmp_path: Path, line: str) -> None:
    assert "distinct-job-descriptions" in flagged(tmp_path, line)


def test_the_not_of_a_qualifier_does_not_negate_what_follows(tmp_path: Path) -> None:
    line = "A degree is not required, and staff help residents with showering."
    assert "no-clinical-duties" in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Meets a target of 20 billable units per week.",
        "Productivity quota: 25 hours of direct contact a week.",
        "Cobrar la renta a los inquilinos cada viernes.",
        "Count the cash drawer at the end of each shift.",
    ],
)
def test_billing_quotas_and_cash_duties(tmp_path: Path, line: str) -> None:
    assert "no-clinical-duties" in flagged(tmp_path, line)


def test_a_dress_code_is_not_personal_care(tmp_path: Path) -> None:
    line = "The dress code for peer staff is the same as for other staff."
    assert "distinct-job-descriptions" not in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Peer hours are set by program need each quarter.",
        "Peer support will be offered on an as-needed basis.",
        "Las horas de pares se fijan según la necesidad del programa.",
    ],
)
def test_peer_time_left_to_program_need_is_optional(tmp_path: Path, line: str) -> None:
    assert "peer-staffing-ratio" in flagged(tmp_path, line)


# ---- evidence in other words


def evidence(tmp_path: Path, text: str) -> set[str]:
    return {c["id"] for c in scan(tmp_path, text + "\n")["criteria"] if c["found"]}


@pytest.mark.parametrize(
    "line",
    [
        "Every clinician and program manager takes a half-day course on peer roles.",
        "The RLC leads a workshop for our dispatchers and board on working beside peers.",
        "Todo el personal de enfermería recibe un taller sobre roles de pares.",
    ],
)
def test_training_on_peer_roles_for_other_staff_is_workplace_evidence(
    tmp_path: Path, line: str
) -> None:
    assert "peer-supportive-workplace" in evidence(tmp_path, line)


def test_supervisors_trained_on_peer_roles_stay_supervision_evidence(tmp_path: Path) -> None:
    line = "Supervisors must have completed training on supervising peer roles."
    found = evidence(tmp_path, line)
    assert "peer-supervisors" in found
    assert "peer-supportive-workplace" not in found


@pytest.mark.parametrize(
    "line",
    [
        "Members can switch mentors whenever they like.",
        "Callers decide what they want to talk about.",
        "No referral is needed; nobody is assigned a peer.",
        "Texters can hang up at any time.",
        "Solo si la persona lo pide, le recordamos sus citas.",
    ],
)
def test_choice_in_other_words_is_voluntary_support(tmp_path: Path, line: str) -> None:
    assert "voluntary-peer-support" in evidence(tmp_path, line)


def test_supervision_by_a_peer_lead_is_supervision_evidence(tmp_path: Path) -> None:
    line = "Each advocate has weekly supervision with the Peer Program Lead."
    assert "peer-supervisors" in evidence(tmp_path, line)


def test_a_numbered_clause_opened_by_another_title_is_another_position(tmp_path: Path) -> None:
    data = scan(tmp_path, "3.1.2 La enfermera completa la evaluación de riesgo de cada persona.\n")
    assert "no-clinical-duties" not in {f["criterion"] for f in data["red_flags"]}
    reasons = [n["reason"] for n in data["not_counted"]]
    assert "a duty of another position ('la enfermera')" in reasons


@pytest.mark.parametrize(
    "line",
    [
        "Orientation for peer staff is the same as for direct care workers.",
        "Los manejadores de casos coordinan los beneficios.",
    ],
)
def test_same_training_or_a_case_manager_title_is_not_pay_or_a_renamed_job(
    tmp_path: Path, line: str
) -> None:
    found = flagged(tmp_path, line)
    assert "peer-retention-and-pay" not in found
    assert "distinct-job-descriptions" not in found


def test_the_same_training_as_direct_care_staff_is_generic_training(tmp_path: Path) -> None:
    line = "Trainings for peer staff are the same as for all residential staff."
    assert "peer-specific-training" in flagged(tmp_path, line)


def test_emoji_bullets_start_items(tmp_path: Path) -> None:
    """Each emoji line is its own item: the training line's words do not reach the pay line."""
    text = (
        "Perks:\n"
        "💰 $16/hr, the same rate as our DSPs\n"
        "📚 Paid orientation with CPR and HIPAA training\n"
    )
    data = scan(tmp_path, text)
    assert "peer-retention-and-pay" in {f["criterion"] for f in data["red_flags"]}
    lines = {f["location"] for f in data["red_flags"]}
    assert {"line 2", "line 3"} <= lines


def scan_md(tmp_path: Path, text: str) -> dict:
    return scan_evidence(tmp_path, text, "matrix.md")


MATRIX = (
    "Our staffing plan assigns each task to the staff who will do it.\n\n"
    "| Task | Case Manager | Peer Recovery Coach | RN |\n"
    "|---|---|---|---|\n"
    "| Medication administration for all of the residents | Yes | No – never | Yes |\n"
    "| Writing progress notes for the members | Yes | Yes, every day | Yes |\n"
    "| Managing the residents money and benefits | Yes | Nunca | No |\n"
)


def test_a_no_in_the_peer_column_of_a_roles_matrix_keeps_the_task_out(tmp_path: Path) -> None:
    data = scan_md(tmp_path, MATRIX)
    flagged_lines = {f["location"] for f in data["red_flags"]}
    assert flagged_lines == {"line 6"}  # the notes row: the peer column says yes
    reasons = {n["location"]: n["reason"] for n in data["not_counted"]}
    assert reasons["line 5"] == "the peer role's column says 'No – never'"
    assert reasons["line 7"] == "the peer role's column says 'Nunca'"


def test_a_no_in_another_column_changes_nothing(tmp_path: Path) -> None:
    text = MATRIX.replace("| Yes | No – never | Yes |", "| No | Yes | No |")
    data = scan_md(tmp_path, text)
    assert "line 5" in {f["location"] for f in data["red_flags"]}


def test_a_word_roles_matrix_gives_the_markdown_verdicts(tmp_path: Path) -> None:
    from advocacy.render import render

    docx = tmp_path / "matrix.docx"
    render(MATRIX, "docx", docx)
    result = CliRunner().invoke(main, ["score", "evidence", str(docx), "--json", "--no-learned"])
    assert result.exit_code == 0, result.output
    word = json.loads(result.output)
    markdown = scan_md(tmp_path, MATRIX)
    for data in (word, markdown):
        reasons = sorted(n["reason"] for n in data["not_counted"] if "column" in n["reason"])
        assert reasons == [
            "the peer role's column says 'No – never'",
            "the peer role's column says 'Nunca'",
        ]
    assert {f["flag"] for f in word["red_flags"]} == {f["flag"] for f in markdown["red_flags"]}


def test_a_clause_number_is_not_a_count_of_peers(tmp_path: Path) -> None:
    numbered = "4.2.3 Peer staff attend the weekly huddle at each site."
    counted = "Each site has 3 peer specialists who attend the weekly huddle."
    assert "peer-staffing-ratio" not in evidence(tmp_path, numbered)
    assert "peer-staffing-ratio" in evidence(tmp_path, counted)


def test_a_clause_number_before_another_title_is_still_its_clause(tmp_path: Path) -> None:
    data = scan(tmp_path, "4.2.3 The nurse keeps the medication log for each resident.\n")
    assert "no-clinical-duties" not in {f["criterion"] for f in data["red_flags"]}


def test_a_question_is_not_evidence(tmp_path: Path) -> None:
    asked = "Q4. Will each peer specialist have a peer supervisor?"
    answered = "A4. Yes. Each peer specialist has a peer supervisor."
    data = scan(tmp_path, asked + "\n")
    assert "peer-supervisors" not in {c["id"] for c in data["criteria"] if c["found"]}
    assert "asked as a question" in {n["reason"] for n in data["not_counted"]}
    assert "peer-supervisors" in evidence(tmp_path, answered)


@pytest.mark.parametrize(
    "line",
    [
        "Peers report through their programs; there is no dedicated peer staff meeting.",
        "Por ahora no hay reuniones de pares.",
    ],
)
def test_no_peer_meeting_at_all_is_a_team_flag(tmp_path: Path, line: str) -> None:
    assert "peer-support-team" in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Peers have no caseload, and the peer team meets every Monday.",
        "Los pares no llevan casos, y el equipo de pares se reúne cada lunes.",
    ],
)
def test_a_negation_stops_at_a_clause_with_its_own_subject(tmp_path: Path, line: str) -> None:
    data = scan(tmp_path, line + "\n")
    negated = [
        n
        for n in data["not_counted"]
        if n["criterion"] == "peer-support-team" and n["reason"].startswith("negated")
    ]
    assert not negated
    assert "peer-support-team" in {c["id"] for c in data["criteria"] if c["found"]}


def test_a_negation_still_covers_a_list_joined_by_and(tmp_path: Path) -> None:
    line = "Peers will not hold money, and the medication they will not count either."
    assert "no-clinical-duties" not in flagged(tmp_path, line)
    line = "Peers never handle cash, pass medication, and write progress notes."
    assert "no-clinical-duties" not in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Acepto pruebas de drogas al azar, que hace mi mentora par o el gerente de la casa.",
        "Su participación en las llamadas semanales con su coach es requerida para mantener su estatus.",
        "Los inquilinos que no se reúnan con el trabajador de pares pueden perder su lugar.",
    ],
)
def test_a_drug_test_by_the_peer_and_a_place_kept_by_meeting_the_peer(
    tmp_path: Path, line: str
) -> None:
    assert "voluntary-peer-support" in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "* Attends the nursing shift huddle (peer staff do not have separate meetings).",
        "- Peer team call on the 26th and the 2nd is cancelled.",
        "We won't have our monthly peer circle anymore.",
        "Coaches join the weekly clinical staffing instead of a separate peer meeting.",
        "La reunión del equipo de pares se hace cuando la agenda lo permite.",
    ],
)
def test_no_peer_meeting_of_their_own_in_other_words(tmp_path: Path, line: str) -> None:
    assert "peer-support-team" in flagged(tmp_path, line)


def test_a_peer_meeting_of_their_own_is_no_team_flag(tmp_path: Path) -> None:
    line = "Peer staff have their own meeting every Tuesday and do not attend the nursing huddle."
    assert "peer-support-team" not in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Le dije que el curso de especialista de pares lo tiene que pagar ella y hacerlo los sábados.",
        "La certificación de pares la debe pagar el candidato.",
        "Staff reported that they paid for their own CPS renewal hours.",
        "Peer coach training is available if you want to do it on your own time.",
    ],
)
def test_training_left_to_the_peers_purse_or_time_in_other_words(tmp_path: Path, line: str) -> None:
    assert "peer-specific-training" in flagged(tmp_path, line)


def test_training_the_program_pays_for_is_no_flag(tmp_path: Path) -> None:
    for line in (
        "We pay for every peer's certification and cover their renewal fees.",
        "La agencia nos pagó el adiestramiento, con los días pagados y todo.",
    ):
        assert "peer-specific-training" not in flagged(tmp_path, line), line


@pytest.mark.parametrize(
    "line",
    [
        "Guests' SSI money kept in the safe is signed out by the peer on duty.",
        "Por las mañanas va a estar en la recepción tomando los copagos y dando los recibos.",
        "Duties: room patients, run the PHQ-2/PHQ-9 and SBIRT screens, and refill calls.",
    ],
)
def test_money_signed_out_copays_and_named_screens_are_duties(tmp_path: Path, line: str) -> None:
    assert "no-clinical-duties" in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "- Diploma de secundaria. Se prefiere, pero no se exige, experiencia personal con la recuperación.",
        "Si usted tiene experiencia personal con la recuperación, qué bueno, pero no es obligatorio.",
        "Recovery Coaches are employed under the hospital's Patient Care Technician job code.",
        "The position sits in the Care Management job family.",
    ],
)
def test_lived_experience_not_asked_for_and_another_titles_job_code(
    tmp_path: Path, line: str
) -> None:
    assert "distinct-job-descriptions" in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "No call is closed until the peer completes a suicide risk assessment.",
        "Ninguna llamada se cierra hasta que el par completa la evaluación de riesgo suicida.",
    ],
)
def test_a_negation_ends_at_until(tmp_path: Path, line: str) -> None:
    # what happens "until" the peer does it: the peer does it
    assert "no-clinical-duties" in flagged(tmp_path, line)
