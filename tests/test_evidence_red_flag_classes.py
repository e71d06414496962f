"""Red flags by class of wording: generic-only training, meetings taken away,
medication and record-keeping euphemisms, reporting lines, hybrid jobs.

Each test is a class, not one phrase: the lines are written for these tests,
in English and Spanish, in the styles of job boards, memos and county bids.
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
        "- Paid orientation (CPR, first aid, HIPAA)",
        "All new staff complete the county-required trainings: Mandated Reporter and HIPAA.",
        "Training consists of our standard new-hire orientation and the EHR system.",
        "El adiestramiento consiste en la orientación general de empleados nuevos (RCP y HIPAA).",
    ],
)
def test_generic_only_training_is_a_red_flag(tmp_path: Path, line: str) -> None:
    assert "peer-specific-training" in flagged(tmp_path, line + "\n")


@pytest.mark.parametrize(
    "line",
    [
        "Besides CPR and HIPAA, each peer completes Intentional Peer Support training.",
        "Paid time for the required 40 hours of peer-specific training.",
        "Supervisors complete peer supervision training within 90 days of hire.",
        "Peer staff are trained in de-escalation.",
    ],
)
def test_peer_specific_or_unrelated_training_is_not_generic_only(tmp_path: Path, line: str) -> None:
    assert "peer-specific-training" not in flagged(tmp_path, line + "\n")


@pytest.mark.parametrize(
    ("line", "criterion"),
    [
        ("Peer team meetings are suspended until further notice.", "peer-support-team"),
        ("We have cancelled the weekly peer group supervision.", "peer-support-team"),
        ("Peer network meetings and outside conferences are on hold.", "paid-networking"),
        ("Las conferencias externas quedan suspendidas este trimestre.", "paid-networking"),
    ],
)
def test_peer_meetings_or_network_time_taken_away(
    tmp_path: Path, line: str, criterion: str
) -> None:
    assert criterion in flagged(tmp_path, line + "\n")


@pytest.mark.parametrize(
    "line",
    [
        "- Do med observations at 8 a.m. and 8 p.m.",
        "- Cue residents at wellness times and initial the sheet when everyone is done.",
        "- Keep the house log book current with how each resident's day went.",
        "- Assist enrollees with their money through the client trust account.",
    ],
)
def test_euphemisms_for_medication_records_and_money_are_duties(tmp_path: Path, line: str) -> None:
    assert "no-clinical-duties" in flagged(tmp_path, "Duties:\n\n" + line + "\n")


def test_a_reporting_line_to_a_nurse_is_supervision_not_reporting_on_people(
    tmp_path: Path,
) -> None:
    line = "Reports to the ED Nurse Manager, with clinical oversight from the attending.\n"
    found = flagged(tmp_path, line)
    assert "peer-supervisors" in found
    assert not found & {"cps-code-of-ethics", "voluntary-peer-support", "no-clinical-duties"}
    on_people = "Report missed appointments to the nurse.\n"
    assert "voluntary-peer-support" in flagged(tmp_path, on_people)
    # telling a court or a landlord about a person is no reporting line
    denied = (
        "Peer staff do not report attendance or compliance to courts, probation or landlords.\n"
    )
    assert "peer-supervisors" not in flagged(tmp_path, denied)


@pytest.mark.parametrize(
    "line",
    [
        "Your coach in this role is our House Nurse.",
        "This role reports to the Case Management Supervisor.",
        # a post outside peer and clinical work
        "Reports to the Director of Nursing.",
        "The Peer Advocate is supervised by the Shelter Operations Manager.",
        "The PRS is supervised by the Jail Administrator (Captain) for all purposes.",
        "El promotor par rinde cuentas al pastor de la iglesia.",
    ],
)
def test_a_clinician_or_another_services_manager_as_supervisor(tmp_path: Path, line: str) -> None:
    assert "peer-supervisors" in flagged(tmp_path, line + "\n")


@pytest.mark.parametrize(
    "line",
    [
        "This hybrid position combines care coordination and peer support in one role.",
        "All program staff share a single Direct Care job code and pay scale.",
        "- Bachelor's degree in human services or lived experience of recovery",
    ],
)
def test_a_hybrid_or_shared_job_and_lived_experience_as_an_alternative(
    tmp_path: Path, line: str
) -> None:
    assert "distinct-job-descriptions" in flagged(tmp_path, line + "\n")


def test_generic_training_under_a_heading_on_peer_roles_is_not_a_flag(tmp_path: Path) -> None:
    text = (
        "# Training on peer roles for all staff\n\n"
        "It is part of new hire orientation for every role and an annual refresher.\n"
    )
    data = scan(tmp_path, text, "bid.md")
    assert "peer-specific-training" not in {f["criterion"] for f in data["red_flags"]}
    reasons = [
        n["reason"] for n in data["not_counted"] if n["criterion"] == "peer-specific-training"
    ]
    assert any("heading" in r for r in reasons)


@pytest.mark.parametrize(
    "line",
    [
        "The only record peers keep is an aggregate contact log with no clinical content.",
        "Contractor shall submit monthly aggregate reports of referrals, contacts and attendance.",
    ],
)
def test_aggregate_records_are_not_notes_about_people(tmp_path: Path, line: str) -> None:
    assert not flagged(tmp_path, line + "\n") & {"no-clinical-duties", "voluntary-peer-support"}


def test_a_managers_duty_in_a_table_row_is_another_positions(tmp_path: Path) -> None:
    table = (
        "| Position | Duties |\n|---|---|\n"
        "| Case Manager | Benefits applications; rep payee coordination |\n"
    )
    data = scan(tmp_path, table, "bid.md")
    assert "no-clinical-duties" not in {f["criterion"] for f in data["red_flags"]}


@pytest.mark.parametrize(
    "line",
    [
        "Every supervisor and clinician in the program completes training on peer roles.",
        "Cada supervisor y cada clínico del programa toma el adiestramiento sobre roles de pares.",
    ],
)
def test_a_supervisor_beside_a_clinician_is_not_clinical_supervision(
    tmp_path: Path, line: str
) -> None:
    assert "peer-supervisors" not in flagged(tmp_path, line + "\n")
    assert "peer-supervisors" in flagged(tmp_path, "Peer staff are supervised by a clinician.\n")


def test_supporting_people_to_follow_through_with_treatment_is_compliance(tmp_path: Path) -> None:
    line = "The Navigator supports clients to follow through with their treatment plan.\n"
    assert "voluntary-peer-support" in flagged(tmp_path, line)


def test_peoples_funds_are_not_funding_for_positions(tmp_path: Path) -> None:
    line = "Peer staff shall not act as representative payee or custodian of anyone's funds.\n"
    assert "peer-staffing-ratio" not in flagged(tmp_path, line)
    waits = "A second peer position will be added if funds become available.\n"
    assert "peer-staffing-ratio" in flagged(tmp_path, waits)


@pytest.mark.parametrize(
    "line",
    [
        "El personal de pares será supervisado por el equipo del programa cada semana.",
        "Ayudar en tareas de limpieza, cocina y cuidado personal en la casa durante el día.",
    ],
)
def test_personal_is_staff_or_care_not_a_person_watched(tmp_path: Path, line: str) -> None:
    assert "peers-in-mobile-crisis" not in flagged(tmp_path, line + "\n")


def test_a_case_management_title_is_not_a_case_management_duty(tmp_path: Path) -> None:
    assert "distinct-job-descriptions" not in flagged(
        tmp_path, "This role reports to the Case Management Director.\n"
    )
    assert "distinct-job-descriptions" in flagged(
        tmp_path, "Provide case management for a caseload of 30 adults.\n"
    )


@pytest.mark.parametrize(
    "line",
    [
        "- Notify the probation officer of each participant's compliance with conditions.",
        "- Informar a los tribunales sobre el cumplimiento de cada persona con su plan.",
    ],
)
def test_reporting_compliance_to_others_is_compliance_enforcement(
    tmp_path: Path, line: str
) -> None:
    assert "voluntary-peer-support" in flagged(tmp_path, "Duties:\n\n" + line + "\n")


@pytest.mark.parametrize(
    ("line", "criterion"),
    [
        ("Our coach has no ties to any peer network or peer-run group.", "small-peer-teams"),
        ("The agency is not affiliated with a recovery learning community.", "small-peer-teams"),
        ("La mentora no tiene afiliación con ninguna red de pares.", "small-peer-teams"),
        ("Specialists work at separate sites with no peer team meetings.", "peer-support-team"),
        ("Cada mentor trabaja por su cuenta, sin reuniones con otros pares.", "peer-support-team"),
        ("There is no paid networking time in this budget.", "paid-networking"),
        ("Starting wage $16/hr; no raises are built into the contract.", "peer-retention-and-pay"),
        (
            "El salario es de $14 la hora y no hay aumentos para las mentoras.",
            "peer-retention-and-pay",
        ),
    ],
)
def test_a_protection_the_bid_says_is_missing_is_a_red_flag(
    tmp_path: Path, line: str, criterion: str
) -> None:
    assert criterion in flagged(tmp_path, line + "\n")


@pytest.mark.parametrize(
    ("line", "criterion"),
    [
        ("Each coach joins the regional peer network and its monthly call.", "small-peer-teams"),
        ("There is never a week without a peer team meeting.", "peer-support-team"),
        ("No habrá ningún mes sin reunión del equipo de pares.", "peer-support-team"),
        ("Time at the peer network meeting is not unpaid: it is work time.", "small-peer-teams"),
        ("Peers will not be asked to skip their peer team meetings.", "peer-support-team"),
        ("Staff move to the new site with no loss of benefits.", "peer-retention-and-pay"),
    ],
)
def test_a_protection_stated_or_doubly_negated_is_not_missing(
    tmp_path: Path, line: str, criterion: str
) -> None:
    assert criterion not in flagged(tmp_path, line + "\n")


@pytest.mark.parametrize(
    "line",
    [
        "Peer positions are paid from a pilot grant that ends in June 2027.",
        "El puesto de pares depende de la renovación del contrato estatal.",
    ],
)
def test_a_position_waiting_for_funding_is_a_pay_flag_too(tmp_path: Path, line: str) -> None:
    # a staffing flag only when more positions are promised if money comes (round 16)
    assert "peer-retention-and-pay" in flagged(tmp_path, line + "\n")


def test_peer_hours_left_to_program_need_are_not_a_pay_flag(tmp_path: Path) -> None:
    found = flagged(tmp_path, "Peer hours will be set by program need each quarter.\n")
    assert "peer-staffing-ratio" in found and "peer-retention-and-pay" not in found


@pytest.mark.parametrize(
    "line",
    [
        "Peer mentors will share with the case manager anything residents disclose to them.",
        "Coaches relay what participants tell them to the treating psychiatrist.",
        "El mentor deberá contarle al terapeuta todo lo que los jóvenes le digan en las sesiones.",
        "Coaches confirm attendance at court-mandated groups and send monthly reports to the "
        "probation officer.",
        "Phone residents who miss their appointment and let their counselor know the reason.",
    ],
)
def test_passing_on_confidences_or_attendance_is_a_red_flag(tmp_path: Path, line: str) -> None:
    assert {"cps-code-of-ethics", "voluntary-peer-support"} & flagged(tmp_path, line + "\n")


@pytest.mark.parametrize(
    ("line", "criterion"),
    [
        ("- Check blood pressure and record vitals for each guest at intake", "no-clinical-duties"),
        (
            "- Medir la presión arterial y registrar los signos vitales de cada residente",
            "no-clinical-duties",
        ),
        ("- Help the aide staff with all daily unit tasks", "distinct-job-descriptions"),
        ("- Ayudar a los técnicos en las tareas diarias de la sala", "distinct-job-descriptions"),
        (
            "Two years of experience as a behavioral health technician required.",
            "distinct-job-descriptions",
        ),
        ("- Reemplazar a la secretaria durante sus vacaciones y ausencias", "no-clinical-duties"),
    ],
)
def test_clinical_measurements_aide_work_and_cover_for_other_titles(
    tmp_path: Path, line: str, criterion: str
) -> None:
    assert criterion in flagged(tmp_path, "Duties:\n" + line + "\n")


@pytest.mark.parametrize(
    "line",
    [
        "Peer caseloads are left to the discretion of each site director.",
        "Caseloads will be decided by the clinic administrator after hiring.",
        "The plan proposes no ratio of peer staff to people served.",
        "There is no maximum caseload for recovery coaches.",
        "Los casos serán asignados por la directora de cada clínica según la demanda.",
        "El programa no ha fijado una proporción de especialistas por participante.",
        # said without the words the first phrases used
        "The number of peer staff on each shift is determined by the unit director.",
        "Regional leads balance caseloads as they see fit.",
        "How you use your peer between the two clinics is up to each of you as managers.",
        "The bid declines to commit to a ratio, leaving staffing to the site manager.",
        "La cantidad de personal de pares será determinada por cada director de programa.",
        "La cantidad de pares por sitio la decide cada gerente según el presupuesto.",
    ],
)
def test_caseloads_left_open_or_to_managers_are_a_staffing_flag(tmp_path: Path, line: str) -> None:
    assert "peer-staffing-ratio" in flagged(tmp_path, line + "\n")


@pytest.mark.parametrize(
    "line",
    [
        "Peer specialists carry no caseload; they are not case managers.",
        "Each peer supports at most 20 people, a ratio of 1:20.",
        # a ratio set from the program's data is the staffing point's evidence
        "The director sets peer staffing each quarter from caseload and wait-time data.",
        "Ya empieza la cosecha y les comparto lo que se decidió en la junta de gerentes.",
    ],
)
def test_no_caseload_or_a_stated_ratio_is_no_staffing_flag(tmp_path: Path, line: str) -> None:
    assert "peer-staffing-ratio" not in flagged(tmp_path, line + "\n")


@pytest.mark.parametrize(
    ("line", "criterion"),
    [
        ("The monthly peer support huddle is cancelled for the summer.", "peer-support-team"),
        ("Jo missed the last three peer team mtgs because of intake shifts.", "peer-support-team"),
        ("Peer conferences and outside training will no longer be paid.", "peer-specific-training"),
        (
            "La capacitación externa de los mentores ya no se reembolsará este año.",
            "peer-specific-training",
        ),
        ("Supervisora: Enfermera graduada del turno de noche.", "peer-supervisors"),
        (
            "The agency offers only its required HIPAA and fire safety modules.",
            "peer-specific-training",
        ),
    ],
)
def test_meetings_missed_training_unpaid_and_a_nurse_as_supervisor(
    tmp_path: Path, line: str, criterion: str
) -> None:
    assert criterion in flagged(tmp_path, line + "\n")


@pytest.mark.parametrize(
    ("line", "criterion"),
    [
        ("- Hold the keys to the med cart and sign out each resident's meds", "no-clinical-duties"),
        ("- Complete the CIWA scale for guests in early withdrawal", "no-clinical-duties"),
        ("- Enforce visitor restrictions under the unit's level system", "voluntary-peer-support"),
        ("- Report any student who seems intoxicated to the dean", "voluntary-peer-support"),
        (
            "- Pass on information learned in peer conversations to the probation team",
            "cps-code-of-ethics",
        ),
        (
            "- Contarle a la consejera escolar lo que los jóvenes revelen en las sesiones",
            "cps-code-of-ethics",
        ),
        (
            "- Velar por el cumplimiento del reglamento e informar las infracciones",
            "voluntary-peer-support",
        ),
        ("- Work as a substitute teacher's aide when staff are out", "no-clinical-duties"),
        ("Coaches are not eligible for step increases in this contract.", "peer-retention-and-pay"),
    ],
)
def test_more_wordings_of_known_classes(tmp_path: Path, line: str, criterion: str) -> None:
    assert criterion in flagged(tmp_path, "Duties:\n" + line + "\n")


@pytest.mark.parametrize(
    ("line", "criterion"),
    [
        ("The coach is paid from a federal grant until June 2028.", "peer-retention-and-pay"),
        (
            "Clinical and administrative supervision of the peer staff is given by the team leader.",
            "peer-supervisors",
        ),
    ],
)
def test_a_grant_with_an_end_date_and_clinical_and_other_supervision(
    tmp_path: Path, line: str, criterion: str
) -> None:
    assert criterion in flagged(tmp_path, line + "\n")


@pytest.mark.parametrize(
    "line",
    [
        "If a tenant does not take the evening pills, alert the case manager.",
        "Members who skip two groups in a week lose their weekend pass.",
        "Si un participante no llega a su cita, avisen al equipo clínico.",
        "Quienes no vayan a las sesiones pierden el pase de salida.",
    ],
)
def test_a_lapse_named_first_then_reported_or_punished(tmp_path: Path, line: str) -> None:
    assert "voluntary-peer-support" in flagged(tmp_path, line + "\n")


@pytest.mark.parametrize(
    ("line", "criterion", "flag"),
    [
        ("Starting pay $17/hr, no benefits for part-time coaches.", "peer-retention-and-pay", True),
        (
            "Coaches will not help with benefits paperwork or bank cards.",
            "peer-retention-and-pay",
            False,
        ),
        ("Pay is $18/hr, pegged to the Residential Aide band.", "peer-retention-and-pay", True),
        (
            "The Peer Case Manager carries a caseload of 30 members.",
            "distinct-job-descriptions",
            True,
        ),
    ],
)
def test_benefits_pay_bands_and_a_peer_case_manager(
    tmp_path: Path, line: str, criterion: str, flag: bool
) -> None:
    assert (criterion in flagged(tmp_path, line + "\n")) is flag


@pytest.mark.parametrize(
    "line",
    [
        "Supervisor: M. Okonkwo, LMHC, Outpatient Team Lead",
        "Licensed therapists supervise the two recovery coaches at each clinic.",
        "Peer mentors are supervised by the unit's corrections lieutenant and the day sergeant.",
        "La coordinadora de pares responde a la Directora Clínica, psicóloga licenciada, en todo.",
    ],
)
def test_supervision_by_a_clinical_or_custody_title_in_other_words(
    tmp_path: Path, line: str
) -> None:
    assert "peer-supervisors" in flagged(tmp_path, line + "\n")


@pytest.mark.parametrize(
    "line",
    [
        "Coordination with clinicians goes through the program lead, who never supervises peers.",
        "The charge nurse oversees every dose given on the unit.",
        "Peers share updates with the supervising parole officer only when the person asks.",
    ],
)
def test_clinicians_near_supervision_words_without_supervising_peers(
    tmp_path: Path, line: str
) -> None:
    assert "peer-supervisors" not in flagged(tmp_path, line + "\n")


@pytest.mark.parametrize(
    "line",
    [
        "She has been the single incumbent in this title since 2022.",
        "The Riverside coach has no other peer at her site.",
        "Most respondents never meet other peer workers during the week.",
        "Su trabajo se hace sin vínculo con ninguna organización de pares.",
    ],
)
def test_a_lone_peer_in_other_words_is_a_small_team_red_flag(tmp_path: Path, line: str) -> None:
    assert "small-peer-teams" in flagged(tmp_path, line + "\n")


def test_meeting_other_peers_is_no_small_team_red_flag(tmp_path: Path) -> None:
    assert "small-peer-teams" not in flagged(tmp_path, "Our coaches meet other peers monthly.\n")


@pytest.mark.parametrize(
    "line",
    [
        "Members who skip two sessions in a row are reported to the housing office.",
        "Please keep an eye on whether residents take their meds at breakfast.",
        "Find out whether she is taking her Zyprexa and tell the team.",
        "The sign-in sheet is forwarded to the probation department every Friday.",
        "Coaches administer breathalyzer tests during home visits.",
        "Quien falte a tres citas será reportado al tribunal.",
        "La hoja de asistencia se envía al oficial de libertad condicional.",
    ],
)
def test_compliance_by_consequence_or_watching_in_other_words(tmp_path: Path, line: str) -> None:
    assert "voluntary-peer-support" in flagged(tmp_path, line + "\n")


@pytest.mark.parametrize(
    "line",
    [
        "Staff who miss two shifts without notice may face discipline.",
        "Peers never report missed appointments to anyone.",
    ],
)
def test_staff_rules_and_refusals_are_no_compliance_flag(tmp_path: Path, line: str) -> None:
    assert "voluntary-peer-support" not in flagged(tmp_path, line + "\n")


@pytest.mark.parametrize(
    "line",
    [
        "The certification exam fee is paid by the employee.",
        "Academy tuition is the responsibility of the new hire's own budget and of the candidate.",
        "Renewal fees and extra CEUs are at your own cost.",
        "Modules can be done from home in the evenings.",
        "El costo de la certificación corre por cuenta de la persona contratada.",
    ],
)
def test_training_left_to_the_workers_money_or_time_in_other_words(
    tmp_path: Path, line: str
) -> None:
    assert "peer-specific-training" in flagged(tmp_path, line + "\n")


def test_evening_training_on_paid_time_is_no_red_flag(tmp_path: Path) -> None:
    line = "Peer trainings run on weekday evenings as paid time.\n"
    assert "peer-specific-training" not in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Her hourly wage is below what the unit techs make.",
        "Peers earn less than the front desk receptionist.",
        "Peer titles were benchmarked against the aide classification.",
        "El sueldo de los pares es inferior al de los técnicos.",
    ],
)
def test_pay_set_below_or_against_an_entry_level_title(tmp_path: Path, line: str) -> None:
    assert "peer-retention-and-pay" in flagged(tmp_path, line + "\n")


def test_a_pay_floor_above_an_entry_level_title_is_no_red_flag(tmp_path: Path) -> None:
    line = "Wages shall be no lower than 120 percent of the aide rate.\n"
    assert "peer-retention-and-pay" not in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Her request to go to the statewide peer conference was turned down.",
        "He was told he could attend the peer network meeting on his day off.",
        "This year we cannot send anybody to the peer network gathering.",
        "La solicitud para asistir a la conferencia de pares fue denegada.",
    ],
)
def test_network_time_refused_in_other_words(tmp_path: Path, line: str) -> None:
    assert "paid-networking" in flagged(tmp_path, line + "\n")


def test_sending_peers_to_a_conference_is_no_red_flag(tmp_path: Path) -> None:
    line = "We send two peers to the state conference every year.\n"
    assert "paid-networking" not in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Monthly anxiety questionnaires will be administered by the peer specialist at check-in.",
        "Until we hire, the coaches will take over the intake screenings.",
        "Los cuestionarios de depresión serán aplicados por el especialista de pares.",
    ],
)
def test_screenings_given_to_peers_in_the_passive_or_handed_over(tmp_path: Path, line: str) -> None:
    assert "no-clinical-duties" in flagged(tmp_path, line + "\n")


def test_screenings_done_by_a_nurse_not_peers_are_no_red_flag(tmp_path: Path) -> None:
    line = "Screenings are completed by the nurse, never by peers.\n"
    assert "no-clinical-duties" not in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "She was asked to help two aides hold a patient down.",
        "Ride along in the ambulance with people being taken to the state hospital.",
        "The advocate completes the C-SSRS for each caller.",
        "Acompañará en la ambulancia a las personas con orden de detención.",
    ],
)
def test_involuntary_interventions_in_other_words(tmp_path: Path, line: str) -> None:
    assert "peers-in-mobile-crisis" in flagged(tmp_path, line + "\n")


def test_watching_for_elopement_is_observation_a_duty(tmp_path: Path) -> None:
    # reviewers label it a duty, not a hold: 25 of the 26 corpus lines naming elopement
    criteria = flagged(tmp_path, "Sit with the patient to prevent elopement.\n")
    assert "no-clinical-duties" in criteria
    assert "peers-in-mobile-crisis" not in criteria


def test_interventions_peers_never_take_part_in_are_no_red_flag(tmp_path: Path) -> None:
    line = "Peers never ride in police cruisers or help hold anyone down.\n"
    assert "peers-in-mobile-crisis" not in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Demonstrate ability to perform physical restraints and administer medication.",
        "Discuss medication refusals with the probation officer after each visit.",
    ],
)
def test_demonstrate_or_discuss_opens_a_duty_not_an_instruction_to_bidders(
    tmp_path: Path, line: str
) -> None:
    assert flagged(tmp_path, line + "\n")


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("Will peers administer medication? Yes, on the evening shift.", True),
        ("¿Los pares administrarán medicamentos? Sí, en el turno de noche.", True),
        ("Will peers administer medication? No, the nurse does.", False),
        ("Will peers administer medication?", False),
    ],
)
def test_a_question_answered_yes_states_the_duty(tmp_path: Path, text: str, flag: bool) -> None:
    assert ("no-clinical-duties" in flagged(tmp_path, text + "\n")) is flag


# An outside review of this round's vocabulary found these misreadings; each is pinned.
@pytest.mark.parametrize(
    ("line", "criterion"),
    [
        # a peer supervisor at a shelter or facility; "responde a" answers questions
        (
            "Peer specialists are supervised by a Certified Peer Specialist Supervisor at each facility.",
            "peer-supervisors",
        ),
        ("Reports to the Peer Recovery Supervisor at the shelter.", "peer-supervisors"),
        (
            "The peer mentor reports to the peer program manager and coordinates with shelter operations staff.",
            "peer-supervisors",
        ),
        ("Los pares responden a las preguntas de los residentes del albergue.", "peer-supervisors"),
        # schedules, hours and meetings that a supervisor sets are no staffing flag
        ("Hours are flexible, including some evenings and weekends.", "peer-staffing-ratio"),
        ("Work schedules are assigned by the supervisor each month.", "peer-staffing-ratio"),
        ("El horario será asignado por la supervisora.", "peer-staffing-ratio"),
        (
            "It is up to each of you to finish your 40 training hours before June 30.",
            "peer-staffing-ratio",
        ),
        ("The supervisor on each shift checks that coverage is adequate.", "peer-staffing-ratio"),
        (
            "La fecha de la próxima reunión de equipo la decide la supervisora.",
            "peer-staffing-ratio",
        ),
        # a jail's total population is not the peer's caseload
        (
            "The Recovery Pod has one peer mentor for its 16 participants, in a jail with a total population of 1,100.",
            "peer-staffing-ratio",
        ),
        # drug tests no peer does; a staff member's own job conditions
        (
            "Las pruebas de drogas al azar las hace el personal de enfermería; el mentor par nunca las hace.",
            "voluntary-peer-support",
        ),
        (
            "Residents do their urine drops at the county lab; peer mentors only offer rides.",
            "voluntary-peer-support",
        ),
        (
            "Peer mentors are trained to handle questions about urine tests with compassion.",
            "voluntary-peer-support",
        ),
        (
            "La certificación es requerida para mantener el puesto de especialista de pares.",
            "voluntary-peer-support",
        ),
        (
            "Los especialistas de pares que no asistan a la supervisión pueden perder su puesto.",
            "voluntary-peer-support",
        ),
    ],
)
def test_what_the_review_found_is_no_flag(tmp_path: Path, line: str, criterion: str) -> None:
    assert criterion not in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Peer positions are optional, depending on program need and census data.",
        "La contratación de especialistas de pares es opcional y queda a discreción del director, quien también maneja la base de datos.",
    ],
)
def test_data_named_beside_an_optional_position_keeps_the_flag(tmp_path: Path, line: str) -> None:
    assert "peer-staffing-ratio" in flagged(tmp_path, line)


def test_a_court_post_as_the_boss_is_a_supervision_flag(tmp_path: Path) -> None:
    line = "El mentor par reporta directamente a la Coordinadora del Tribunal de Salud Mental."
    assert "peer-supervisors" in flagged(tmp_path, line)
