"""Red flags in classes of wording that a fifteenth tuning round found missing:
reports on people to a landlord, a town or child welfare, drug tests done on
the people served, supervision named only in a form field or a table column,
and further wordings of pay, training and peer-meeting flags.

The lines are written for these tests, in English and Spanish, in the styles of
job boards, chat threads, contracts and HR forms; none is copied from the corpus.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import flagged, scan_evidence

VOLUNTARY = "voluntary-peer-support"


@pytest.mark.parametrize(
    "line",
    [
        "Text the program manager if a resident refuses his night dose.",
        "Please let parole know right away so they can plan for the hearing.",
        "Peers tell the property office when tenants skip the weekly house meeting.",
        "Report any guest who breaks the lease to the landlord the same day.",
        "Members who miss two check-ins in a row may be referred for discharge review.",
        "| Client compliance | 20% | share of clients keeping clinic appointments |",
        "Staff can cut a member's allowance if they do not come to the work unit.",
        "Run random UAs on residents each weekend.",
        "Observe urine specimen collection for new admits.",
        "Joins the county compliance officer on unannounced home visits.",
        "Avisarle al dueño del apartamento cuando un inquilino tenga visitas.",
        "Enviar al municipio un informe con los nombres de las personas que no vinieron al taller.",
        "Completar el formulario del DCF sobre la asistencia de la madre a las citas.",
    ],
)
def test_reports_on_people_and_drug_tests_are_voluntary_flags(tmp_path: Path, line: str) -> None:
    assert VOLUNTARY in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Peer staff never report to landlords, courts or probation about the people they support.",
        "We will not run drug tests or search anyone's room.",
        "El personal de pares no informará al municipio sobre ningún participante.",
        "Text your supervisor if you are running late for a shift.",
    ],
)
def test_a_refused_report_or_a_staff_rule_is_not_a_voluntary_flag(
    tmp_path: Path, line: str
) -> None:
    assert VOLUNTARY not in flagged(tmp_path, line)


SUPERVISION = "peer-supervisors"


@pytest.mark.parametrize(
    "line",
    [
        "Supervisor: Behavioral Health Program Manager (LMSW)",
        "Any problems, take them to my supervisor (Residential Director, LCADC).",
        "Supervised by the Medical Director.",
        "Supervisor: Treatment Court Coordinator",
        "In programs of one peer, the team leader provides sole supervision.",
        "The charge nurse supervises us and sets our assignments.",
        "Peer mentors are supervised by a mental health practitioner.",
    ],
)
def test_supervision_by_a_clinical_or_court_title_in_any_form(tmp_path: Path, line: str) -> None:
    assert SUPERVISION in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Every supervisor and clinician completes the peer roles orientation in the first year.",
        "All clinical supervisors attend a half-day course on working beside peer staff.",
        "Peer staff provide weekly attendance reports to the court coordinator.",
        "Guests who break curfew get reported to their counselor.",
        "Los pares no hacen evaluaciones de riesgo; esa evaluación la hace la clínica.",
    ],
)
def test_training_for_supervisors_or_a_report_on_a_person_is_not_supervision(
    tmp_path: Path, line: str
) -> None:
    assert SUPERVISION not in flagged(tmp_path, line)


def test_a_supervisor_column_of_a_staffing_table_names_the_supervisor(tmp_path: Path) -> None:
    table = (
        "| Position | FTE | Supervisor |\n"
        "|---|---|---|\n"
        "| Licensed Therapist | 3.0 | Clinical Director |\n"
        "| Outreach Worker | 2.0 | Team Leader |\n"
        "| Peer Recovery Coach | 1.0 | RN Care Manager |\n"
        "| Peer Mentor | 1.0 | Peer Services Director |\n"
    )
    found = scan_evidence(tmp_path, table, "staffing.md")
    rows = [f["excerpt"] for f in found["red_flags"] if f["criterion"] == SUPERVISION]
    assert len(rows) == 1 and "RN Care Manager" in rows[0]


def test_a_table_without_a_supervisor_column_is_read_as_before(tmp_path: Path) -> None:
    table = "| Position | FTE | Notes |\n|---|---|---|\n| Peer Recovery Coach | 1.0 | RN Care Manager |\n"
    assert SUPERVISION not in flagged(tmp_path, table, "staffing.md")


def test_the_yearly_evaluation_of_peer_staff_by_a_psychologist_is_supervision(
    tmp_path: Path,
) -> None:
    line = (
        "La supervisión semanal y la evaluación anual de todo el personal de pares "
        "están a cargo de la psicóloga del programa."
    )
    assert SUPERVISION in flagged(tmp_path, line)


TEAM = "peer-support-team"
PAY = "peer-retention-and-pay"


@pytest.mark.parametrize(
    "line",
    [
        "The Wednesday peer check-in is cancelled until further notice.",
        "Our peer huddle was folded into the morning nursing report.",
        "The weekly peer team mtg has not happened since spring.",
        "La reunión de pares del lunes queda suspendida este mes.",
        "Vamos a sustituir la reunión de pares por la reunión clínica.",
    ],
)
def test_peer_meetings_cancelled_folded_or_not_held(tmp_path: Path, line: str) -> None:
    assert TEAM in flagged(tmp_path, line)


def test_a_peer_meeting_that_is_never_cancelled_is_not_a_flag(tmp_path: Path) -> None:
    line = "The peer team meeting is protected time and is never cancelled for coverage."
    assert TEAM not in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Pay: $15.50 per hour (BHT scale).",
        "Peer mentors are paid on the paraprofessional salary guide.",
        "The position is paid from an opioid settlement allocation through next year.",
        "Funded by a one time county allocation.",
        "Wages are payable only to the extent funding is available.",
        "Step increases after year one are contingent on the state rate review.",
        "A salary freeze applies to all staff this year.",
        "This is a stipend position.",
        "La plaza se paga con un donativo privado que se renueva cada año.",
        "Si la subvención no se renueva, el puesto se elimina.",
    ],
)
def test_pay_on_a_lower_scale_one_time_money_and_withheld_raises(tmp_path: Path, line: str) -> None:
    assert PAY in flagged(tmp_path, line)


def test_a_peer_scale_above_the_tech_scale_is_not_a_pay_flag(tmp_path: Path) -> None:
    line = "Peer specialists are paid above the BHT scale, with steps every year."
    assert PAY not in flagged(tmp_path, line)


def test_checklist_boxes_start_items_so_one_negation_does_not_hide_the_rest(
    tmp_path: Path,
) -> None:
    checklist = (
        "Orientation checklist for new peer staff\n"
        "[ ] Parking permit issued\n"
        "[ ] First aid card at own cost (not reimbursed)\n"
        "[x] Petty cash drawer sign-out with the office manager\n"
        "☐ Observed urine collection procedure\n"
    )
    found = flagged(tmp_path, checklist)
    assert {"no-clinical-duties", VOLUNTARY} <= found


@pytest.mark.parametrize(
    "lead_in",
    [
        "Since spring we have been told to take on tasks outside our role, including:",
        "Me han pedido hacer tareas fuera de mi descripción de puesto, entre ellas:",
    ],
)
def test_a_complaint_that_work_outside_the_role_is_handed_out_keeps_its_list(
    tmp_path: Path, lead_in: str
) -> None:
    text = f"{lead_in}\n\n- counting the petty cash box every evening\n"
    assert "no-clinical-duties" in flagged(tmp_path, text)


def test_work_outside_the_role_given_to_other_staff_is_still_excluded(tmp_path: Path) -> None:
    text = (
        "These tasks are outside the peer role and are assigned to other staff:\n\n"
        "- counting the petty cash box every evening\n"
    )
    assert "no-clinical-duties" not in flagged(tmp_path, text)


@pytest.mark.parametrize(
    "line",
    [
        "Telling the team about missed doses breaks the trust and the non-coercion principle.",
        "Avisar al equipo cuando alguien rechaza sus medicamentos viola el código de ética.",
    ],
)
def test_an_argument_that_a_duty_breaks_the_code_is_not_the_duty(tmp_path: Path, line: str) -> None:
    assert VOLUNTARY not in flagged(tmp_path, line)


TRAINING = "peer-specific-training"


@pytest.mark.parametrize(
    "line",
    [
        "State certification is the employee's responsibility.",
        "Renew your CPR card on your own time before the first shift.",
        "El curso de recertificación lo tuvimos que pagar nosotros, sin ayuda de la agencia.",
        "Los talleres se toman en días libres.",
        "Cualquier certificación será responsabilidad de la persona contratada.",
    ],
)
def test_training_left_to_the_workers_money_or_days_off(tmp_path: Path, line: str) -> None:
    assert TRAINING in flagged(tmp_path, line)


def test_a_job_title_in_the_heading_does_not_make_generic_training_peer_specific(
    tmp_path: Path,
) -> None:
    text = "# Orientation plan - Peer Recovery Coach\n\nWeek 1: HIPAA and bloodborne pathogens training.\n"
    assert TRAINING in flagged(tmp_path, text, "plan.md")


def test_training_that_is_the_directors_responsibility_is_not_a_flag(tmp_path: Path) -> None:
    line = "Scheduling peer certification training is the responsibility of the peer services director."
    assert TRAINING not in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Recovery experience is a plus.",
        "Personal recovery history preferred but not required.",
        "Experience raising a child with a disability is desirable.",
        "Lived experience will be considered.",
        "Se dará preferencia a quien tenga experiencia como madre o cuidadora, deseable.",
    ],
)
def test_lived_experience_in_other_words_asked_only_as_a_preference(
    tmp_path: Path, line: str
) -> None:
    assert "distinct-job-descriptions" in flagged(tmp_path, line)


def test_required_recovery_experience_is_not_a_flag(tmp_path: Path) -> None:
    line = "Two years of personal recovery experience are required for this position."
    assert "distinct-job-descriptions" not in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "You will be the only recovery coach on the team.",
        "She is the sole CPRS in the county program.",
        "A single part-time peer support specialist covers both sites.",
        "Most evenings you would be the only staff on site.",
        "There is no formal agreement with any peer-run organization.",
        "Serás la única mentora del programa durante el primer año.",
    ],
)
def test_a_lone_peer_in_other_words_is_a_small_team_flag(tmp_path: Path, line: str) -> None:
    assert "small-peer-teams" in flagged(tmp_path, line)


def test_a_lone_peer_with_a_written_affiliation_is_not_a_flag(tmp_path: Path) -> None:
    line = (
        "You will be the only recovery coach on the team, backed by our written "
        "affiliation with the regional recovery learning community."
    )
    assert "small-peer-teams" not in flagged(tmp_path, line)


DUTIES = "no-clinical-duties"


@pytest.mark.parametrize(
    "line",
    [
        "Peers will be scheduled as second staff on the weekend overnight.",
        "Cover aide breaks on the evening shift.",
        "Recess duty and bus duty as assigned by the principal.",
        "Collect copays at the window when the front desk is at lunch.",
        "Complete the medication aide skills check-off in week two.",
        "Screens new clients with the GAD-7 at the first visit.",
        "Los pares llenan el cernimiento de depresión en cada visita.",
        "Cuando falta la enfermera, la par entrega los pastilleros en las casas.",
    ],
)
def test_coverage_money_medication_and_screening_duties_in_other_words(
    tmp_path: Path, line: str
) -> None:
    assert DUTIES in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Peer staff never cover aide breaks or lunches.",
        "Peers do not collect payments of any kind.",
    ],
)
def test_the_same_duties_ruled_out_are_not_flags(tmp_path: Path, line: str) -> None:
    assert DUTIES not in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Petty cash / client funds: NONE.",
        "Medication passes: never",
        "Manejo de dinero de participantes: ninguno",
    ],
)
def test_a_form_field_whose_value_is_none_rules_the_duty_out(tmp_path: Path, line: str) -> None:
    assert DUTIES not in flagged(tmp_path, line)


def test_a_form_field_with_a_real_value_is_still_a_flag(tmp_path: Path) -> None:
    assert DUTIES in flagged(tmp_path, "Petty cash / client funds: counts the drawer nightly.")


@pytest.mark.parametrize(
    "line",
    [
        'Section 4 is amended by striking "weekly progress notes for each participant".',
        "The board asks management to eliminate the medication tasks by June.",
        "La junta pide eliminar las tareas de medicamentos antes de julio.",
    ],
)
def test_a_duty_struck_out_or_to_be_eliminated_is_not_assigned(tmp_path: Path, line: str) -> None:
    assert DUTIES not in flagged(tmp_path, line)


def test_declining_to_share_confidences_is_not_an_ethics_breach(tmp_path: Path) -> None:
    line = "Their peer staff keep to the code, declining to share what members tell them."
    assert "cps-code-of-ethics" not in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line, criterion",
    [
        ("Reports to: Peer Services Director (completed peer supervision course)", TRAINING),
        ("Our affiliation with the county RLC is renewed each spring.", PAY),
        ("Paid conference days; the hours count as work time.", "peers-in-mobile-crisis"),
    ],
)
def test_words_that_looked_like_flags(tmp_path: Path, line: str, criterion: str) -> None:
    """'Reports' is no mandated-reporter topic, an affiliation renewed is not money that
    may stop, and hours that count are no hourly bed check."""
    assert criterion not in flagged(tmp_path, line)


CRISIS = "peers-in-mobile-crisis"


@pytest.mark.parametrize(
    "line",
    [
        "On my second night I got pulled into a restraint on the unit.",
        "Week 3: Handle With Care refresher.",
        "Rides along on court-ordered petition transfers to the state hospital.",
        "Peers are sometimes sent alone to a crisis call after hours.",
        "Me enviaron sola a una visita de crisis el sábado.",
    ],
)
def test_holds_petitions_and_crisis_visits_alone(tmp_path: Path, line: str) -> None:
    assert CRISIS in flagged(tmp_path, line)


def test_a_crisis_visit_never_made_alone_is_not_a_flag(tmp_path: Path) -> None:
    assert CRISIS not in flagged(tmp_path, "Peer advocates never go alone to a crisis call.")


@pytest.mark.parametrize(
    "line",
    [
        "Staff may go to the state peer conference using their own PTO.",
        "Para el encuentro regional, quien quiera ir tiene que usar sus días de vacaciones.",
        "El presupuesto no incluye tiempo pagado para encuentros de pares.",
    ],
)
def test_networking_on_vacation_days_or_without_paid_time(tmp_path: Path, line: str) -> None:
    assert "paid-networking" in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "The peer-to-participant ratio will be determined once the contract starts.",
        "Providers may staff peer roles at their discretion.",
        "Peer caseloads are decided by program managers.",
    ],
)
def test_a_ratio_left_for_later_or_to_managers(tmp_path: Path, line: str) -> None:
    assert "peer-staffing-ratio" in flagged(tmp_path, line)


def test_a_ratio_set_from_data_by_the_peer_services_director_is_not_a_flag(
    tmp_path: Path,
) -> None:
    line = "The ratio was set at 1:35 by the peer services director after a year of contact data."
    assert "peer-staffing-ratio" not in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "This is a combined position: peer mentor and residential aide.",
        "Puesto de mentor de pares y técnico, plaza combinada, con horario rotativo.",
    ],
)
def test_a_combined_position_is_a_renamed_job(tmp_path: Path, line: str) -> None:
    assert "distinct-job-descriptions" in flagged(tmp_path, line)


def test_sitting_with_people_is_ordinary_peer_work(tmp_path: Path) -> None:
    line = "Sitting with people in the lounge, walking with them and listening."
    assert CRISIS not in flagged(tmp_path, line)


def test_sitting_one_to_one_with_a_patient_is_still_a_post(tmp_path: Path) -> None:
    assert flagged(tmp_path, "Sits 1:1 with patients on close observation.") & {DUTIES, CRISIS}


def test_signs_a_supervisor_is_to_watch_for_are_not_assigned_duties(tmp_path: Path) -> None:
    text = (
        "Look out for these signs of role drift:\n\n"
        "- being asked to pass medication\n"
        "- covering the front desk\n"
    )
    assert not flagged(tmp_path, text) & {DUTIES, CRISIS}


def test_signs_found_in_a_posting_are_still_flags(tmp_path: Path) -> None:
    text = "We found these problems in the posting:\n\n- peers pass medication at 8 pm\n"
    assert DUTIES in flagged(tmp_path, text)


@pytest.mark.parametrize(
    "line, criterion",
    [
        (
            "Hand out evening meds / Acompañar a las personas a sus citas cuando ellas "
            "lo pidan y compartir la propia historia",
            DUTIES,
        ),
        (
            "No paid time for outside peer events / La propuesta de la agencia no incluye "
            "las horas de las actividades de la comunidad",
            "paid-networking",
        ),
    ],
)
def test_each_half_of_a_bilingual_line_is_read_in_its_own_language(
    tmp_path: Path, line: str, criterion: str
) -> None:
    assert criterion in flagged(tmp_path, line)


def test_a_small_team_with_a_written_agreement_in_both_languages_is_not_a_flag(
    tmp_path: Path,
) -> None:
    line = (
        "With only two peer staff, we keep a written agreement with the county peer network / "
        "Con solo dos pares, mantenemos un acuerdo escrito con la red de pares del condado"
    )
    assert "small-peer-teams" not in flagged(tmp_path, line)


def test_generic_modules_on_an_e_learning_platform_are_generic_training(tmp_path: Path) -> None:
    line = "Relias: HIPAA, bloodborne pathogens and abuse reporting, due by day 10."
    assert TRAINING in flagged(tmp_path, line)


def test_pay_compared_with_a_lower_title_is_not_pay_equal_to_it(tmp_path: Path) -> None:
    line = "Peer specialists earn $23.10/hr, compared with $18.75/hr for residential aides."
    assert PAY not in flagged(tmp_path, line)


def test_pay_comparable_to_an_aide_rate_is_still_a_flag(tmp_path: Path) -> None:
    assert PAY in flagged(tmp_path, "Peer pay is comparable to the aide rate.")


def test_time_left_over_for_the_people_served_is_not_networking(tmp_path: Path) -> None:
    line = "When time allows, sit down with residents and share your recovery story."
    assert "paid-networking" not in flagged(tmp_path, line)


def test_a_request_not_to_do_what_is_listed_still_excludes_it(tmp_path: Path) -> None:
    text = "Nos pidieron no hacer lo siguiente:\n\n- dar medicamentos a los residentes\n"
    assert "no-clinical-duties" not in flagged(tmp_path, text)
