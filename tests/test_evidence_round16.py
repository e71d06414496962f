"""Red flags by class of cause, round 16: each class has English and Spanish lines
that must flag and lines that must not.

The lines are written for these tests, not copied from the labelled corpus.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import flagged, scan_evidence

JOBS = "distinct-job-descriptions"


# ---- lived experience asked for as a preference, in other words
@pytest.mark.parametrize(
    "line",
    [
        "Eighteen months of continuous sobriety preferred.",
        "We'd like a person in recovery (a year or more is nice to have, not a must).",
        "Being a former consumer of behavioral health services is an advantage.",
        "Lived experiance with addiction prefered.",
        "Starting in July, lived experience is no longer required for the coach title.",
        "The lived experience requirement will be dropped to attract more applicants.",
        "Tener tres años de sobriedad es deseable.",
        "Haber sido usuaria de servicios de salud mental es una ventaja.",
        "La experiencia vivida ya no será requisito para el puesto.",
    ],
)
def test_lived_experience_as_a_preference_flags(tmp_path: Path, line: str) -> None:
    assert JOBS in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Lived experience of recovery is required and cannot be waived.",
        "Two years of sobriety required.",
        "Sobriety is not a requirement to use the drop-in center.",
        "Se requiere experiencia vivida de recuperación.",
        "No pedimos sobriedad a quienes visitan el centro.",
    ],
)
def test_lived_experience_required_or_sobriety_of_visitors_does_not_flag(
    tmp_path: Path, line: str
) -> None:
    assert JOBS not in flagged(tmp_path, line)


VOLUNTARY = "voluntary-peer-support"
TRAINING = "peer-specific-training"


# ---- a report on a person to a court, probation or a landlord, in any order of its parts
@pytest.mark.parametrize(
    "line",
    [
        "Each Friday the coach e-mails the drug court judge a note on every client's attendance.",
        "Mentors confirm to the parole office whether the person kept their appointments.",
        "Please share any relapse you notice with the tenant's landlord.",
        "If someone skips a session, the peer calls their probation officer that afternoon.",
        "The landlord expects monthly updates from our peer staff on each tenant.",
        "Track and document adherence for every resident on the list.",
        "La mentora envía cada lunes la asistencia de los participantes a la corte.",
        "Si alguien falta al grupo, el especialista llama a su oficial de probatoria.",
        "El enfermero nos pide recordarles tomar las pastillas y avisarle si no lo hacen.",
    ],
)
def test_a_report_on_a_person_to_an_authority_flags(tmp_path: Path, line: str) -> None:
    assert VOLUNTARY in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Peer staff never pass attendance or progress on to probation or the court.",
        "People decide whether to come, and no information about them goes to courts.",
        "Peers may go with a member to a court hearing when the member asks.",
        "The agency sends quarterly reports on program outcomes to the county court.",
        "El personal de pares no informa a la corte sobre la asistencia de nadie.",
        "Acompañamos a la persona al tribunal si ella lo pide.",
    ],
)
def test_no_report_or_a_program_report_does_not_flag(tmp_path: Path, line: str) -> None:
    assert VOLUNTARY not in flagged(tmp_path, line)


DUTIES = "no-clinical-duties"


# ---- covering another post, named by its equipment or place; rounds and checks are duties too
@pytest.mark.parametrize(
    "line",
    [
        "On weekends the recovery coach answers the phones and watches the security cameras.",
        "Peers may be asked to fill awake-staff shifts at the residence.",
        "He was put in the second-staff slot on nights twice last month.",
        "Kitchen coverage on Sundays rotates among the peer mentors.",
        "Thanks to Dana for pitching in at the front desk all week!",
        "Peer staff do hourly rounds and bed checks on the unit.",
        "Please fill out the q15 sheet while you sit with her.",
        "Los sábados el mentor cubre la cocina y la puerta principal.",
        "Tambien le toca contestar los telefonos de la clinica cuando la recepcionista sale a almorzar.",
        "Los pares hacen rondas cada 30 minutos durante la noche.",
    ],
)
def test_covering_a_post_or_doing_rounds_is_a_duty(tmp_path: Path, line: str) -> None:
    assert DUTIES in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "We expect to fill the second peer position by June.",
        "Peer staff take calls on the warmline from 6 pm to 10 pm.",
        "Guests who are awake at night can talk with the peer on duty.",
        "Q15. May peer staff hold client funds?",
        "Los pares no cubren la recepción ni contestan teléfonos.",
        "La agencia cubrirá los gastos de la conferencia estatal.",
    ],
)
def test_a_hire_a_warmline_or_a_question_number_is_no_post(tmp_path: Path, line: str) -> None:
    assert DUTIES not in flagged(tmp_path, line)


PAY = "peer-retention-and-pay"
RATIO = "peer-staffing-ratio"


# ---- pay left where it was, waiting on a budget, or set by another title's
@pytest.mark.parametrize(
    "line",
    [
        "The coach wage was last adjusted in 2018.",
        "Pay increases are at the board's discretion.",
        "Next year's peer salaries depend on approval of the county budget.",
        "The position is paid solely through a federal block grant.",
        "Hourly rate: $16.10 (matches Direct Care Aide II).",
        "Peer mentors are paid on the current MHT range.",
        "Los pasos salariales siguen congelados este año.",
        "Las plazas dependen por completo de la subvención estatal.",
        "Ganamos lo mismo que el personal de limpieza.",
    ],
)
def test_pay_left_behind_or_waiting_on_money_flags(tmp_path: Path, line: str) -> None:
    assert PAY in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Peer mentors keep the same schedule as the techs and wear the same badge.",
        "Peer pay starts three dollars above the MHT range.",
        "El sueldo de los pares se revisa cada año con el sindicato.",
    ],
)
def test_pay_above_other_titles_or_a_shared_schedule_does_not_flag(
    tmp_path: Path, line: str
) -> None:
    assert PAY not in flagged(tmp_path, line)


# ---- money for the positions a bid has is pay; more positions if money comes is staffing
@pytest.mark.parametrize(
    "line",
    [
        "A third peer position will be added if the levy passes and funding allows.",
        "Se contratarán más mentores de pares cuando haya fondos.",
    ],
)
def test_more_positions_if_funded_is_a_staffing_flag(tmp_path: Path, line: str) -> None:
    assert RATIO in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "The navigator position is funded through a two-year state grant.",
        "El puesto está sujeto a la disponibilidad de fondos municipales.",
    ],
)
def test_a_funded_position_is_a_pay_flag_not_a_staffing_one(tmp_path: Path, line: str) -> None:
    found = flagged(tmp_path, line)
    assert PAY in found
    assert RATIO not in found


CRISIS = "peers-in-mobile-crisis"


# ---- an emergency order and the ride or the hold that follows it
@pytest.mark.parametrize(
    "line",
    [
        "The coach rides with sheriff's deputies to serve emergency custody orders.",
        "Peer staff may accompany the person in the transport vehicle to the hospital.",
        "She assisted security with a patient hold on Tuesday.",
        "Wait with the youth until the police arrive.",
        "Line staff, including peers, initiate active rescue when a caller is at imminent risk.",
        "El mentor acompaña el traslado involuntario al hospital psiquiátrico.",
        "Los pares viajan con los agentes cuando recogen a una persona con orden de detención.",
    ],
)
def test_an_emergency_order_ride_or_hold_is_a_crisis_flag(tmp_path: Path, line: str) -> None:
    assert CRISIS in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Peers never ride along with police or deputies.",
        "Peer staff give rides to appointments in the agency van when members ask.",
        "Peers help people hold on to their housing.",
        "La mentora acompaña a la persona en el traslado a su cita médica si lo pide.",
    ],
)
def test_ordinary_rides_and_refusals_are_no_crisis_flag(tmp_path: Path, line: str) -> None:
    assert CRISIS not in flagged(tmp_path, line)


def test_a_ride_in_a_transport_vehicle_is_not_case_management(tmp_path: Path) -> None:
    line = "After an emergency detention order, the peer rides in the transport vehicle."
    found = flagged(tmp_path, line)
    assert CRISIS in found
    assert JOBS not in found


SUPERVISION = "peer-supervisors"


# ---- supervision by clinical or court staff, and supervisors without peer-supervision training
@pytest.mark.parametrize(
    "line",
    [
        "The coach reports directly to the LVN charge supervisor on each shift.",
        "Supervised by the county probation officer assigned to the docket.",
        "The county does not require peer supervision training for supervisors.",
        "Supervisor: Dr. Ana Ruiz, licensed psychologist.",
        "Supervisión: la enf. Torres (RN) supervisará a las mentoras de pares.",
        "El supervisor asignado es el coordinador de la corte de drogas.",
        "La directora no tiene adiestramiento en supervisión de pares.",
    ],
)
def test_clinical_court_or_untrained_supervision_flags(tmp_path: Path, line: str) -> None:
    assert SUPERVISION in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Supervisors who have not yet taken the peer supervision course must complete it by June.",
        "All supervisors complete peer supervision training within 90 days.",
        "Las supervisoras que aún no tienen el curso de supervisión de pares lo tomarán en marzo.",
        "Los supervisores reciben capacitación en supervisión de pares.",
    ],
)
def test_supervisors_trained_or_being_trained_do_not_flag(tmp_path: Path, line: str) -> None:
    assert SUPERVISION not in flagged(tmp_path, line)


def test_a_heading_naming_a_class_of_staff_with_no_does_not_exclude_its_list(
    tmp_path: Path,
) -> None:
    text = (
        "# Evaluación anual — Personal No Docente\n\n"
        "| Área | Nota | Comentario |\n|---|---|---|\n"
        "| Recepción | 4 | Cubre la recepción y el teléfono cuando falta la secretaria. |\n"
    )
    found = {f["criterion"] for f in scan_evidence(tmp_path, text, "evaluacion.md")["red_flags"]}
    assert DUTIES in found


NETWORKING = "paid-networking"
TEAM = "peer-support-team"


# ---- no money or release for peer conferences; peer meetings folded away or left to workload
@pytest.mark.parametrize(
    "line",
    [
        "There is no travel or registration money for peer conferences this year.",
        "Staff will not be released for outside peer gatherings during the grant.",
        "The budget has no paid time for external peer meetings.",
        "No hay viáticos para encuentros de pares este año.",
    ],
)
def test_no_money_or_release_for_peer_conferences_flags(tmp_path: Path, line: str) -> None:
    assert NETWORKING in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Conference registration and travel are paid for two peer staff each year.",
        "Peer staff are released for outside peer network meetings on paid time.",
    ],
)
def test_paid_conference_time_does_not_flag(tmp_path: Path, line: str) -> None:
    assert NETWORKING not in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "From March we will fold the peer meeting into the weekly nursing huddle.",
        "The peer team will meet when the workload allows.",
        "Peer team meeting removed from the November calendar.",
        "El equipo de pares se reunirá cuando lo permita la carga de casos.",
    ],
)
def test_peer_meetings_folded_or_left_to_workload_flag(tmp_path: Path, line: str) -> None:
    assert TEAM in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "All peer staff hold membership in the Peer Support Team, which meets every Monday.",
        "The peer lead holds the monthly all-peer meeting on paid time.",
    ],
)
def test_peer_meetings_held_do_not_flag(tmp_path: Path, line: str) -> None:
    assert TEAM not in flagged(tmp_path, line)


# ---- documentation kept to a contact log, and a report called coercion, are protections
@pytest.mark.parametrize(
    "line",
    [
        "Peer documentation is restricted to a contact log for billing.",
        "The coach keeps a log of people served for the quarterly activity report.",
        "La documentación de pares se limita a un registro de contactos sin contenido clínico.",
    ],
)
def test_documentation_kept_to_a_contact_log_does_not_flag(tmp_path: Path, line: str) -> None:
    assert DUTIES not in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Peers write progress notes after every contact, limited to one page.",
        "Las mentoras escriben notas de progreso en el expediente después de cada visita.",
    ],
)
def test_notes_on_people_still_flag(tmp_path: Path, line: str) -> None:
    assert DUTIES in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Telling a landlord about a tenant's relapse is coercion.",
        "Informar al oficial de probatoria sobre las ausencias es coerción.",
    ],
)
def test_a_report_called_coercion_is_an_argument_not_a_flag(tmp_path: Path, line: str) -> None:
    assert VOLUNTARY not in flagged(tmp_path, line)


def test_a_report_expected_of_peers_still_flags(tmp_path: Path) -> None:
    line = "Reporting missed groups to probation is expected of all coaches."
    assert VOLUNTARY in flagged(tmp_path, line)


# ---- screening instruments named without the usual verbs; tests and searches without a verb
@pytest.mark.parametrize(
    "line",
    [
        "The coaches were told to give GAD-7s to every walk-in.",
        "Her job now includes the PHQ-9 at each visit.",
        "Llenar el formulario de riesgos de salud con cada persona que llega.",
        "Los pares harán el cernimiento de depresión en la admisión.",
    ],
)
def test_screening_instruments_given_by_peers_flag(tmp_path: Path, line: str) -> None:
    assert DUTIES in flagged(tmp_path, line)


def test_a_health_risk_screen_is_not_a_suicide_screen(tmp_path: Path) -> None:
    line = "Los pares harán el cernimiento de riesgos de salud en la admisión de cada persona."
    found = flagged(tmp_path, line)
    assert DUTIES in found
    assert CRISIS not in found


@pytest.mark.parametrize(
    "line",
    [
        "Residents take a breathalyzer when they come back from a weekend pass.",
        "Guests' bags are searched at the door by the staff on duty.",
        "Pruebas de aliento a todos los residentes al regresar de un pase.",
        "Las pertenencias de cada huésped son revisadas al ingreso.",
    ],
)
def test_tests_and_searches_without_a_verb_flag(tmp_path: Path, line: str) -> None:
    assert VOLUNTARY in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Peer staff do not give PHQ-9s or any other screens.",
        "Nobody's bags are searched, and no one is breath-tested.",
    ],
)
def test_screens_and_searches_ruled_out_do_not_flag(tmp_path: Path, line: str) -> None:
    found = flagged(tmp_path, line)
    assert DUTIES not in found
    assert VOLUNTARY not in found


# ---- the peer title merged into a direct-care job family; church membership required
@pytest.mark.parametrize(
    "line",
    [
        "Recovery coaches will be retitled Program Aide and share the aide job description.",
        "Peer mentors move into the same job family as Residential Technicians.",
        "Applicants must be members in good standing of a local church.",
        "Es requisito ser miembro activo de una iglesia de la comunidad.",
    ],
)
def test_merged_titles_and_church_membership_flag_the_job_description(
    tmp_path: Path, line: str
) -> None:
    assert JOBS in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "We welcome members of every faith community and of none.",
        "Peers may go with members to church events when they ask.",
        "Ser miembro de una iglesia no es requisito para ningún puesto.",
    ],
)
def test_faith_mentioned_without_a_requirement_does_not_flag(tmp_path: Path, line: str) -> None:
    assert JOBS not in flagged(tmp_path, line)


# ---- who does the duty: a relative clause after another title
@pytest.mark.parametrize(
    "line",
    [
        "Peers link callers to the clinician on shift, who completes the risk assessment.",
        "El par conecta a la persona con la enfermera de turno, quien realiza la evaluación.",
    ],
)
def test_a_duty_in_a_relative_clause_after_another_title_is_not_the_peers(
    tmp_path: Path, line: str
) -> None:
    assert DUTIES not in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "We need a peer support worker who completes intake screenings for new clients.",
        "Buscamos una especialista de pares, quien realizará las evaluaciones de admisión.",
    ],
)
def test_a_duty_in_a_relative_clause_after_a_peer_title_still_flags(
    tmp_path: Path, line: str
) -> None:
    assert DUTIES in flagged(tmp_path, line)


# ---- a program's funding and a food bank are not people's money
@pytest.mark.parametrize(
    "line",
    [
        "Helping members find food banks and furniture pantries.",
        "The county will fund 40 hours a year of peer training.",
        "We keep only a sign-in sheet for funding purposes.",
        "Ayudamos a las personas a encontrar bancos de alimentos.",
    ],
)
def test_funding_and_food_banks_are_not_money_duties(tmp_path: Path, line: str) -> None:
    assert DUTIES not in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Peer staff hold residents' funds in the office safe.",
        "Los mentores guardan los fondos de los residentes en la caja fuerte.",
    ],
)
def test_holding_peoples_funds_still_flags(tmp_path: Path, line: str) -> None:
    assert DUTIES in flagged(tmp_path, line)


# ---- caseload data read to set staffing is not a case-management job
def test_caseload_data_used_for_staffing_is_no_case_management_flag(tmp_path: Path) -> None:
    line = "The peer services director reviews caseload data each quarter to set peer staffing."
    assert JOBS not in flagged(tmp_path, line)


def test_a_caseload_carried_by_the_peer_still_flags(tmp_path: Path) -> None:
    line = "The peer navigator carries a caseload and writes service plans."
    assert JOBS in flagged(tmp_path, line)


# ---- staffing left to a manager who decides, in the active voice
@pytest.mark.parametrize(
    "line",
    [
        "Site managers decide how many people each coach carries.",
        "Peer hours will be shifted by the site manager as census changes.",
        "La coordinadora decide cuántos participantes lleva cada mentor.",
        "El número de pares por turno lo fijará cada supervisor según la demanda.",
    ],
)
def test_staffing_a_manager_decides_flags(tmp_path: Path, line: str) -> None:
    assert RATIO in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "The Director of Peer Services decides how many peers each program needs.",
        "Each participant decides how many sessions to attend.",
        "La persona decide cuántas veces quiere reunirse con su mentor.",
    ],
)
def test_a_peer_director_or_the_person_deciding_does_not_flag(tmp_path: Path, line: str) -> None:
    assert RATIO not in flagged(tmp_path, line)


def test_one_peer_for_an_entire_call_center_flags(tmp_path: Path) -> None:
    line = "The plan puts one peer specialist on the entire crisis call center."
    assert RATIO in flagged(tmp_path, line)


def test_one_peer_in_every_center_does_not_flag(tmp_path: Path) -> None:
    assert RATIO not in flagged(tmp_path, "Every center will have one peer specialist.")


# ---- smaller classes: refills and named drugs, cash boxes, sweeps, generic curricula, eligible lists
@pytest.mark.parametrize(
    ("line", "criterion"),
    [
        ("Coaches check that members on clozapine picked up their refills.", DUTIES),
        ("Los mentores verifican que las personas recojan sus resurtidos de litio.", DUTIES),
        ("Each shift starts with the peer counting the cash box.", DUTIES),
        ("The mentor hands residents their weekly allowance every Friday.", DUTIES),
        ("Peers help with encampment sweeps by posting the removal notices.", VOLUNTARY),
        ("Los pares apoyan los desalojos de campamentos en la ciudad.", VOLUNTARY),
        ("New hires finish the HealthStream compliance curriculum (HIPAA, fire safety).", TRAINING),
        ("Hires are made from the Mental Health Technician eligible list.", JOBS),
    ],
)
def test_smaller_classes_flag(tmp_path: Path, line: str, criterion: str) -> None:
    assert criterion in flagged(tmp_path, line)


@pytest.mark.parametrize(
    ("line", "criterion"),
    [
        ("Peers never handle the cash box or anyone's allowance.", DUTIES),
        ("Peers visit encampments to offer water and a ride, never during sweeps.", VOLUNTARY),
        ("The WRAP curriculum is taught by certified peer facilitators on paid time.", TRAINING),
    ],
)
def test_smaller_classes_do_not_flag(tmp_path: Path, line: str, criterion: str) -> None:
    assert criterion not in flagged(tmp_path, line)


# ---- declining the peer has a consequence; rides to hearings a court ordered
@pytest.mark.parametrize(
    "line",
    [
        "Residents who decline to meet with their peer mentor twice a week will be discharged.",
        "Coaches drive members to mandated treatment intakes and AOT hearings.",
        "El coach lleva a los participantes a las citas ordenadas por el tribunal.",
    ],
)
def test_declining_the_peer_with_a_consequence_or_court_ordered_rides_flag(
    tmp_path: Path, line: str
) -> None:
    assert VOLUNTARY in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Members may decline the peer mentor at any time without losing any service.",
        "People who decline to meet with a peer specialist are never discharged for it.",
        "Peers never drive anyone to court-ordered treatment.",
    ],
)
def test_declining_the_peer_freely_does_not_flag(tmp_path: Path, line: str) -> None:
    assert VOLUNTARY not in flagged(tmp_path, line)
