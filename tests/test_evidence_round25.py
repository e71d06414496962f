"""Fixes of the round that measured the finder on heldout113-120 (schools, Alaska and
Hawaii, Spanish-speaking programs, Deaf and IDD services, supported employment,
gambling helplines, faith-based ministries, psychiatric hospitals): duties that come
back in many settings (interpreting, observed drug tests, screening scales, statements
for the police or a court), state credentials, and supervisors from outside the field."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import flagged, kept_out, scan_evidence


@pytest.mark.parametrize(
    "text",
    [
        "1. Interpret for patients (Portuguese, Spanish or Haitian Creole) in primary care, OB and behavioral health visits.",
        "Karla you're on Portuguese interpreting in BH today.",
        "Peers will also help with the clinics' Spanish interpretation needs during intakes.",
        "Navigators are now the main Kreyòl interpreters for the clinic.",
        "Bilingual peers are used as interpreters in the ED.",
        "You will interpret Spanish in adult medicine and BH starting week 2.",
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
    assert kept_out(tmp_path, text, "no-clinical-duties")


@pytest.mark.parametrize(
    "text",
    [
        "* OBS UDS: did 6 females, Ricky you got any male ones after 12",
        "UDS obs (F)         Coach-Em   Coach-Em   MA-Lisa",
        "can u do the obs UA for my 3 ppl on the board?",
    ],
)
def test_an_observed_drug_test_in_short_form_is_a_rule_check(tmp_path: Path, text: str) -> None:
    assert "voluntary-peer-support" in flagged(tmp_path, text)


@pytest.mark.parametrize(
    "text",
    [
        "b) Administer the EPDS prior to discharge; notify the RN of scores of 10 or more.",
        "1. Aplicar la escala de Edimburgo en la visita de las 2 semanas.",
    ],
)
def test_a_perinatal_depression_scale_given_by_peers_is_an_assessment(
    tmp_path: Path, text: str
) -> None:
    assert "no-clinical-duties" in flagged(tmp_path, text)


def test_a_satisfaction_scale_is_no_assessment(tmp_path: Path) -> None:
    assert "no-clinical-duties" not in flagged(
        tmp_path, "Aplicar la escala de satisfacción a los participantes."
    )


@pytest.mark.parametrize(
    "text",
    [
        "E. PSWs may be subpoenaed and are expected to testify regarding their observations.",
        "Partners will testify at commitment hearings.",
        "Volunteer agrees to provide a written statement and to appear in court about any incident they witness.",
        "3. Records statements relevant to investigations; appears in court as required.",
        "APD detectives asked peers to give recorded interviews about people they had supported.",
        "| CR3 | Follow-up for prosecutor | Peer obtains statement |",
        "- Declarar en el tribunal cuando la fiscalía lo solicite.",
        "Un agente le pidió a la especialista de pares una declaración escrita para el expediente de la detención.",
    ],
)  # fmt: skip
def test_a_statement_for_the_police_or_a_court_is_a_report_on_a_person(
    tmp_path: Path, text: str
) -> None:
    assert "voluntary-peer-support" in flagged(tmp_path, text)


@pytest.mark.parametrize(
    "text",
    [
        "Peers help people prepare a written statement for their own court date.",
        "Peers help members write a personal statement for their housing application.",
        "Testify at the legislative hearing on HB 12 about peer workforce pay.",
    ],
)
def test_a_person_s_own_statement_or_a_legislature_s_hearing_is_no_report(
    tmp_path: Path, text: str
) -> None:
    assert "voluntary-peer-support" not in flagged(tmp_path, text)


def test_a_state_credential_in_the_plural_is_peer_staff(tmp_path: Path) -> None:
    """New Hampshire's Certified Recovery Support Workers: "2 CRSWs for 600 patients" is
    300 people per peer, no justified ratio."""
    assert "peer-staffing-ratio" in flagged(tmp_path, "Staff ratio: 2 CRSWs for 600 patients.")


@pytest.mark.parametrize(
    "text",
    [
        "Reports to the Pharmacist-in-Charge for all duties.",
        "D. The CPSW will be supervised by the EMS Battalion Chief.",
        "2. The Peer Specialist shall take daily direction from the MHU Sergeant.",
        "Your supervisor: Resettlement Program Manager (Kelsey Brandt, MSW)",
    ],
)
def test_a_supervisor_from_outside_peer_work_is_a_supervision_flag(
    tmp_path: Path, text: str
) -> None:
    assert "peer-supervisors" in flagged(tmp_path, text)


def test_a_peer_supervisor_with_a_social_work_degree_is_no_clinical_supervisor(
    tmp_path: Path,
) -> None:
    assert "peer-supervisors" not in flagged(
        tmp_path, "Supervisor: Peer Services Director (CPS, MSW)"
    )


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


def test_a_request_for_statements_sent_to_the_city_s_lawyers_is_no_report(tmp_path: Path) -> None:
    text = (
        "1. La policía enviará cualquier solicitud de declaraciones a la Oficina Legal de la "
        "Ciudad; las personas de pares no firman declaraciones en el lugar."
    )
    assert "voluntary-peer-support" not in flagged(tmp_path, text)


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
        "Devon you're on 6th grade lunch duty Mon-Fri.",
        "| 7:20–7:50 | Bus ramp | Bus ramp | Mentoring |",
        "• Supervises students in hallways, restrooms, cafeteria, playground, and on buses.",
        "Después de las visitas regresan al campus para su turno de cafetería como siempre.",
    ],
)
def test_a_school_s_duty_posts_are_other_staff_s_work(tmp_path: Path, text: str) -> None:
    assert "no-clinical-duties" in flagged(tmp_path, text)


@pytest.mark.parametrize(
    "text",
    [
        "You answer to Pastor Kay and the church elders.",
        "Reports to the Campus Principal; receives direction from the LSSP.",
        "Peers receive weekly supervision from the Reverend L. Cotten.",
    ],
)
def test_a_pastor_or_a_principal_as_supervisor_is_a_supervision_flag(
    tmp_path: Path, text: str
) -> None:
    assert "peer-supervisors" in flagged(tmp_path, text)


@pytest.mark.parametrize(
    "text",
    [
        "a) Su especialista de pares enviará sus talones de pago al DCBS cada mes.",
        "3. Copies of stubs are sent to the DCF worker for SNAP/TANF clients.",
    ],
)
def test_pay_stubs_sent_to_the_benefits_office_are_a_report_on_a_person(
    tmp_path: Path, text: str
) -> None:
    assert "voluntary-peer-support" in flagged(tmp_path, text)


@pytest.mark.parametrize(
    "text",
    [
        "1. Phase I (Days 1–30): no phone, no visitors. Mandatory chapel twice daily.",
        "| Chapel attendance (required) | 98% |",
        "Both residences still require Sunday worship attendance in the first 60 days.",
        "La asistencia al culto es obligatoria para todos los residentes.",
        "| Drug screens administered by peer staff | 64 |",
    ],
)
def test_worship_or_drug_screens_required_of_people_served_are_flags(
    tmp_path: Path, text: str
) -> None:
    assert "voluntary-peer-support" in flagged(tmp_path, text)


@pytest.mark.parametrize(
    "text",
    [
        "Our peer specialist will also serve as house manager (room and board provided in lieu of pay).",
        "Men of Valor Recovery Home needs a live-in peer mentor. Room + board, no salary.",
        "I will mentor at least 6 hours a week at the Grace House without pay.",
    ],
)  # fmt: skip
def test_room_and_board_instead_of_pay_is_a_pay_flag(tmp_path: Path, text: str) -> None:
    assert "peer-retention-and-pay" in flagged(tmp_path, text)


def test_leave_without_pay_is_no_pay_flag(tmp_path: Path) -> None:
    assert "peer-retention-and-pay" not in flagged(
        tmp_path, "Staff may take leave without pay after 90 days."
    )


@pytest.mark.parametrize(
    "text",
    [
        "La orientación inicial (40 horas) no es remunerada.",
        "La coach deberá obtener su certificación por cuenta propia antes de comenzar.",
        "The 40-hour orientation is not paid.",
    ],
)
def test_unpaid_orientation_or_certification_is_a_training_flag(tmp_path: Path, text: str) -> None:
    assert "peer-specific-training" in flagged(tmp_path, text)


def test_a_template_s_revision_is_no_reverend(tmp_path: Path) -> None:
    text = "CASE PLAN REPORT TO THE COURT\nDistrict 5 — Template rev. 03/2025\n"
    assert "peer-supervisors" not in {
        f["criterion"] for f in scan_evidence(tmp_path, text)["red_flags"]
    }


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


def test_a_lead_in_s_verb_and_a_listed_drug_test_are_no_duty_together(tmp_path: Path) -> None:
    """ "do" in "What you won't do:" is the lead-in's verb, not the doing of the drug test
    listed after it."""
    line = "What you won't do: report to probation, carry out drug tests, or count meds."
    assert not scan_evidence(tmp_path, line + "\n")["red_flags"]


@pytest.mark.parametrize(
    "text",
    [
        "- attendance/truancy home visits, or completing discipline referrals or behavior incident write-ups;",
        "pls write up exactly what he said and send to me + AP Moreno for the discipline file",
        "Los mentores completan los reportes de disciplina de cada estudiante.",
    ],
)  # fmt: skip
def test_a_school_s_discipline_reports_are_reports_on_a_person(tmp_path: Path, text: str) -> None:
    assert "voluntary-peer-support" in flagged(tmp_path, text)


@pytest.mark.parametrize(
    "text",
    [
        "Not part of this job: discipline statements, truancy visits, reporting to probation.",
        "They won't write statements for discipline.",
        "- No escribe reportes de disciplina.",
        "The CPS does not collect drug screens. Screens are done by an outside lab.",
        "Church sites agreed that no faith activity is required for any SOR-funded service.",
        "- Never make help depend on church attendance or prayer.",
        "Worship is optional and never required of residents.",
    ],
)
def test_reports_tests_and_worship_kept_out_are_evidence(tmp_path: Path, text: str) -> None:
    assert kept_out(tmp_path, text, "voluntary-peer-support")


@pytest.mark.parametrize(
    "text",
    [
        "Staff handbook: the employee discipline policy applies to all staff.",
        "Applicants must pass a drug test before hire.",
    ],
)
def test_staff_discipline_or_a_hiring_drug_test_is_no_report_on_a_person(
    tmp_path: Path, text: str
) -> None:
    assert "voluntary-peer-support" not in flagged(tmp_path, text)


# An outside review's attacks on the round's rules, each a wrong verdict it found.


@pytest.mark.parametrize(
    "text",
    [
        "Collect and interpret program data on session attendance for the monthly peer team meeting.",
        "Help the person understand what the court order means and interpret the letters from the court in plain language.",
        "A peer can sit with the person during a therapy session if the person asks, and the agency's interpreter interprets the session.",
        "Help parents interpret their child's IEP evaluation report and prepare questions for the school meeting.",
        "Teach members how to interpret their medication labels and discharge paperwork.",
        "Ayudar a interpretar las cartas del seguro médico y preparar preguntas para la cita.",
        "If a mother scored high on the Edinburgh screen done by her OB, help her connect to a therapist if she wants that.",
        "Run the recovery car line: a volunteer ride service to meetings for members who ask.",
        "Teachers supervise hallways and the cafeteria; the peer mentor is not assigned duty posts.",
    ],
)  # fmt: skip
def test_explaining_a_letter_or_other_staff_s_posts_is_no_duty(tmp_path: Path, text: str) -> None:
    assert "no-clinical-duties" not in flagged(tmp_path, text)


def test_a_visit_interpreted_by_the_peer_is_a_duty(tmp_path: Path) -> None:
    text = "Psychiatry visits for Spanish-speaking patients are interpreted by the bilingual peer specialist."
    assert "no-clinical-duties" in flagged(tmp_path, text)


@pytest.mark.parametrize(
    "text",
    [
        "Drug screens administered by nursing staff; peer staff are not involved in testing.",
        "Ayudar a la persona a preparar su propia declaración escrita para la policía si ella lo pide.",
        "Help members prepare their written statement for the housing authority grievance hearing after an incident, if they ask.",
        "Help participants send their own pay stubs to the SNAP office if they ask.",
        "Help participants track their own pay stubs so they can report to the SNAP office themselves.",
    ],
)  # fmt: skip
def test_a_person_s_own_statement_or_stubs_or_nurses_tests_are_no_report(
    tmp_path: Path, text: str
) -> None:
    assert "voluntary-peer-support" not in flagged(tmp_path, text)


@pytest.mark.parametrize(
    "text",
    [
        "Time off in lieu of pay for overtime worked is available on request.",
        "Salary $48,000 to $54,000, no salary cap for senior peers after five years.",
    ],
)
def test_time_off_in_lieu_or_no_salary_cap_is_no_pay_flag(tmp_path: Path, text: str) -> None:
    assert "peer-retention-and-pay" not in flagged(tmp_path, text)


@pytest.mark.parametrize(
    "lead",
    [
        "Not part of this job yet, but coming in March",
        "Things we do not ask of you often",
        "We never ask you to work alone",
        "Not part of the peer team but still expected",
        "No forma parte del equipo clínico, pero deberá",
        "We never ask peers to do anything unsafe / Nunca les pedimos nada inseguro",
        "Things we don't ask of you yet",
        "Staff who are not part of the peer team / Personal que no es parte del equipo de pares will also",
    ],
)  # fmt: skip
def test_a_line_that_only_puts_work_off_leads_nothing_out(tmp_path: Path, lead: str) -> None:
    text = f"{lead}\n- Cover the front desk when the receptionist is out.\n- Sit 1:1 observation on the unit.\n"
    assert "no-clinical-duties" in flagged(tmp_path, text)


@pytest.mark.parametrize(
    "text",
    [
        "- Coach group supervision is on hold until January.",
        "Cancel group today. We'll reschedule. Peer mtg also moved to TBD.",
        "The navigators' team meeting was cancelled again this month.",
    ],
)
def test_a_peer_title_s_meeting_put_off_is_a_team_flag(tmp_path: Path, text: str) -> None:
    assert "peer-support-team" in flagged(tmp_path, text)


def test_hold_a_meeting_is_no_meeting_on_hold(tmp_path: Path) -> None:
    assert "peer-support-team" not in flagged(tmp_path, "Hold a weekly coach team meeting.")


@pytest.mark.parametrize(
    "text",
    [
        "If you can't make the peer team meeting, tell your supervisor.",
        "If there is no peer meeting this month, call the coordinator.",
    ],
)
def test_a_missing_meeting_only_in_a_condition_is_no_flag(tmp_path: Path, text: str) -> None:
    assert "peer-support-team" not in flagged(tmp_path, text)


def test_a_missing_meeting_said_outright_is_still_a_flag(tmp_path: Path) -> None:
    assert "peer-support-team" in flagged(tmp_path, "There is no peer team meeting at this site.")


@pytest.mark.parametrize(
    "text",
    [
        "Help members read their bank statements and open a savings account.",
        "Help people apply for SSI/SSDI and prepare for their SSA appointments; go with them if they want.",
    ],
)
def test_helping_a_person_with_their_own_money_is_no_money_duty(tmp_path: Path, text: str) -> None:
    """Helping is peer work; holding, managing or handing out the money is the duty."""
    assert "no-clinical-duties" not in flagged(tmp_path, text)


@pytest.mark.parametrize(
    "text",
    [
        "Peer staff manage residents' SSI checks and hand out weekly allowances.",
        "Hold client cash in the office safe and log each withdrawal.",
    ],
)
def test_holding_or_managing_a_person_s_money_is_still_a_money_duty(
    tmp_path: Path, text: str
) -> None:
    assert "no-clinical-duties" in flagged(tmp_path, text)


@pytest.mark.parametrize(
    "text",
    [
        "Supervised by the Peer Services Manager (CPS, MSW), who worked as a peer specialist for 10 years.",
        "Gives direction to peer specialists; the lead peer also has an MSW.",
        "Leaving for grad school (MSW).",
    ],
)  # fmt: skip
def test_a_social_work_degree_someone_holds_is_no_degree_required(
    tmp_path: Path, text: str
) -> None:
    assert "distinct-job-descriptions" not in flagged(tmp_path, text)


def test_a_social_work_degree_required_of_the_peer_is_a_job_flag(tmp_path: Path) -> None:
    assert "distinct-job-descriptions" in flagged(tmp_path, "Peer Specialist. MSW required.")


def test_attending_a_conference_with_expenses_paid_is_no_money_duty(tmp_path: Path) -> None:
    """ "asistieron" (attended) shares its start with "asistir" (to assist): helping is no
    longer a verb of handling money, in either language."""
    text = "Cuatro personas asistieron al Congreso de Recuperación en San Juan con gastos y horas pagadas."
    assert "no-clinical-duties" not in flagged(tmp_path, text)
