"""Fixes of the round that measured the finder on heldout129-136 (first responders' own
peer teams, farm-stress lines, LGBTQ+ centres, staffing agencies, Asian American and
immigrant agencies, eating-disorder programs, opioid-settlement county programs,
housing authorities): work the text says goes unpaid, interpreting and translating for
a clinic or a court, bans kept at the door, benefit forms and insurance checks, and
supervisors of a police or fire department."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import flagged, scan_evidence


@pytest.mark.parametrize(
    "text",
    [
        "- Peers respond to call-outs. Off-duty call-out time is not compensated.",
        "5. Peer call-outs remain unpaid. Comp time may be requested.",
        "Peers who responded off duty (4 peers, 19 hours) were not paid.",
        "2.2 Interpreting by staff is part of regular duties and is not separately compensated.",
        "4) No additional compensation. Bilingual ability was listed in your job posting.",
        "Peers aren't paid for call-outs.",
        "Pride month events are expected of all peer staff as volunteer hours.",
        "g) Compensation. Team duties are collateral; no overtime for call-outs.",
        "19.3 Las personas de apoyo no reciben pago por llamadas fuera de turno.",
        "- Pago: el trabajo como par es voluntario y no se paga fuera del turno.",
    ],
)  # fmt: skip
def test_work_the_text_says_goes_unpaid_is_a_pay_flag(tmp_path: Path, text: str) -> None:
    assert "peer-retention-and-pay" in flagged(tmp_path, text)


@pytest.mark.parametrize(
    "text",
    [
        "Peers are not paid less than case managers.",
        "Call-outs are paid at time and a half; no one works a call-out unpaid.",
        "All peer work is paid work, call-outs included.",
    ],
)  # fmt: skip
def test_pay_that_is_not_lower_or_not_withheld_is_no_pay_flag(tmp_path: Path, text: str) -> None:
    assert "peer-retention-and-pay" not in flagged(tmp_path, text)


def test_unpaid_training_is_the_training_points_flag_not_the_pay_points(tmp_path: Path) -> None:
    found = flagged(tmp_path, "Training is not paid.")
    assert "peer-specific-training" in found
    assert "peer-retention-and-pay" not in found


@pytest.mark.parametrize(
    "text",
    [
        "- Clinic asked Joy to interpret (Tagalog) for a tele-psych appt.",
        "Job is 50% peer counselor, 50% medical interpreter for our psychiatry clinic.",
        "* Interpret Tagalog at the monthly psychiatrist pop-up clinic.",
        "You are the first-line interpreter for your language.",
        "Must translate letters from HRA, Social Security and Housing Court for clients.",
        "B. Translate county notices, court papers and medical summaries into Vietnamese.",
        "Bilingual PSS may be asked to provide sight translation of treatment plans.",
        "- Traducir las cartas del tribunal para las familias.",
    ],
)  # fmt: skip
def test_interpreting_or_translating_for_a_clinic_or_court_is_a_duty(
    tmp_path: Path, text: str
) -> None:
    assert "no-clinical-duties" in flagged(tmp_path, text)


@pytest.mark.parametrize(
    "text",
    [
        "Peers help people get a medical interpreter for their clinic visits.",
        "Our flyers are translated into Hmong.",
        "Peers interpret the letter from the court for the person, in plain words.",
        "Translation of consent forms is done by the Language Access office.",
    ],
)  # fmt: skip
def test_getting_an_interpreter_or_explaining_a_letter_is_no_duty(
    tmp_path: Path, text: str
) -> None:
    assert "no-clinical-duties" not in flagged(tmp_path, text)


@pytest.mark.parametrize(
    "text",
    [
        "- Peer staff on shift decide who gets a 1-week, 30-day or permanent ban.",
        "- Monitor the ban list and deny entry to anyone currently suspended",
        "Check every name against the suspended list before they come in.",
        "- Peer Support Associates decide suspensions for the drop-in.",
        "Peer staff should be the ones to enforce the trespass list.",
        "Ayer la navegadora tuvo que sacar del centro a un chavo que estaba vetado.",
    ],
)  # fmt: skip
def test_bans_kept_and_enforced_by_peers_are_a_compliance_flag(tmp_path: Path, text: str) -> None:
    assert "voluntary-peer-support" in flagged(tmp_path, text)


@pytest.mark.parametrize(
    "text",
    [
        "Bans are decided by the Operations Director, never by peer staff.",
        "Peers do not keep the ban list or deny anyone entry.",
        "Staff who are suspended lose access to the building.",
        "The ban list is kept by security; peers never enforce bans.",
        "The ban list is reviewed monthly by the director and a peer advocate.",
        "There is no trespass list at the peer center.",
    ],
)  # fmt: skip
def test_bans_kept_by_others_are_no_flag(tmp_path: Path, text: str) -> None:
    assert "voluntary-peer-support" not in flagged(tmp_path, text)


@pytest.mark.parametrize(
    "text",
    [
        "* Complete Medi-Cal, CalFresh and IHSS applications on behalf of clients.",
        "- Peers also to help elders fill in Medicaid, SSI and senior housing forms.",
        "- Verifies insurance coverage and prior authorizations for HRT",
        "Can someone at least do the insurance checks at the window thursday?",
        "Prior authorizations for HRT completed by Peer Tech: 119.",
        "• Llenar solicitudes de Medicaid, CHIP y SNAP para las familias.",
        "1. En la ventanilla, la especialista de pares revisa tu seguro médico.",
    ],
)  # fmt: skip
def test_benefit_forms_and_insurance_checks_are_a_duty(tmp_path: Path, text: str) -> None:
    assert "no-clinical-duties" in flagged(tmp_path, text)


@pytest.mark.parametrize(
    "text",
    [
        "• Visit folks at home when they invite you, help with benefits forms if they ask",
        "Peers help people fill out benefits applications when they ask.",
        "Peers will not complete HRA or SNAP forms.",
        "Peers go with people to the benefits office and help them prepare for the appeal.",
    ],
)  # fmt: skip
def test_benefit_help_a_person_asks_for_is_no_duty(tmp_path: Path, text: str) -> None:
    assert "no-clinical-duties" not in flagged(tmp_path, text)


@pytest.mark.parametrize(
    "text",
    [
        "4.1 The peer unit operates under the direction of the Director of Psychological Services.",
        "> Effective 3/10 the QRT peers will report to Lt. Sayre for day-to-day.",
    ],
)  # fmt: skip
def test_a_departments_psychologists_or_officers_as_supervisors_are_a_flag(
    tmp_path: Path, text: str
) -> None:
    assert "peer-supervisors" in flagged(tmp_path, text)


def test_a_forms_supervisor_field_is_the_roles_own_supervisor(tmp_path: Path) -> None:
    """A two-column form's "Supervisor" row names who supervises the peer: it is no
    other post's row, and a clinical title in it is the supervision flag."""
    text = (
        "| Field | Detail |\n|---|---|\n| Title | Peer Support Specialist |\n"
        "| Supervisor | Clinical Director (LICSW) |\n| Hours | 40 |\n"
    )
    assert "peer-supervisors" in flagged(tmp_path, text, "posting.md")


def test_another_posts_table_row_still_is_not_the_peers(tmp_path: Path) -> None:
    text = (
        "| Position | Duties |\n|---|---|\n"
        "| Clinical Supervisor | Reviews progress notes and signs treatment plans |\n"
    )
    assert "no-clinical-duties" not in flagged(tmp_path, text, "posting.md")


@pytest.mark.parametrize(
    "text",
    [
        "Security rounds are done by the guard.",
        "Security officers do the hourly rounds.",
    ],
)  # fmt: skip
def test_a_guards_or_officers_duty_is_another_posts(tmp_path: Path, text: str) -> None:
    data = scan_evidence(tmp_path, text + "\n")
    assert not data["red_flags"]
    assert any("another position" in n["reason"] for n in data["not_counted"])


def test_running_a_screener_is_an_assessment_duty_not_running_a_group(tmp_path: Path) -> None:
    assert "no-clinical-duties" in flagged(tmp_path, "Can you run the stress screener on him?")
    assert "no-clinical-duties" not in flagged(tmp_path, "Peers run the intake orientation group.")


@pytest.mark.parametrize(
    "text",
    [
        "2. Debrief is required for all crew. Failure to attend = written warning.",
        "d) Mandatory debrief. All personnel on scene shall attend.",
        "3.1 Officers who discharge a firearm shall meet with a PSU peer within 48 hours.",
        "Los telecomunicadores deben reunirse con un par después de cada llamada con muerte.",
    ],
)  # fmt: skip
def test_a_debrief_or_a_peer_people_must_attend_is_coerced(tmp_path: Path, text: str) -> None:
    assert "voluntary-peer-support" in flagged(tmp_path, text)


@pytest.mark.parametrize(
    "text",
    [
        "Debriefs are never mandatory; members may decline.",
        "Peer staff must meet with a peer supervisor every week.",
    ],
)  # fmt: skip
def test_a_voluntary_debrief_or_the_peers_own_supervision_is_not_coerced(
    tmp_path: Path, text: str
) -> None:
    assert "voluntary-peer-support" not in flagged(tmp_path, text)


def test_a_peer_column_that_says_not_involved_keeps_the_row_out(tmp_path: Path) -> None:
    text = (
        "| Situation | Security | Peer navigator |\n|---|---|---|\n"
        "| Code of Conduct violation | Decides on suspension, delivers notice "
        "| Not involved. May offer support after |\n"
    )
    data = scan_evidence(tmp_path, text, "procedure.md")
    assert not data["red_flags"]
    assert any("column says 'Not involved" in n["reason"] for n in data["not_counted"])


def test_spanish_voluntary_support_is_no_unpaid_work(tmp_path: Path) -> None:
    """In Spanish "voluntario" is mostly the people's choice, not unpaid work."""
    text = "El apoyo entre pares es voluntario: cada persona decide si participa y cuándo."
    assert "peer-retention-and-pay" not in flagged(tmp_path, text)


def test_a_peer_run_network_runs_no_screening(tmp_path: Path) -> None:
    text = "We are a member of the Colorado Peer-Run Alliance, which gives us assessment tools."
    assert "no-clinical-duties" not in flagged(tmp_path, text)


@pytest.mark.parametrize(
    "text",
    [
        "Peers are not paid by the people they serve and may not accept gifts.",
        "Clients are not paid for attending groups.",
        "Participants are not compensated for completing the survey.",
        "Missed shifts are not paid unless covered by PTO.",
        "Peer specialists are salaried at $52,000 and are not paid hourly.",
        "The 30-minute meal period is not paid.",
        "Stipends are not paid to staff; all peer staff earn an hourly wage of $23.",
        "Several of our peer specialists started as volunteers before being hired.",
        "They are not compensated differently by certification level.",
        "La participación en el grupo es voluntaria y no se les paga a los participantes.",
        "Al personal se le paga cada dos semanas; no se paga en efectivo.",
    ],
)  # fmt: skip
def test_what_is_unpaid_for_others_or_by_design_is_no_pay_flag(tmp_path: Path, text: str) -> None:
    """An outside review's cases: the people served, breaks and leave, a salary, a peer
    who began as a volunteer, parity, and how pay is paid."""
    assert "peer-retention-and-pay" not in flagged(tmp_path, text)


@pytest.mark.parametrize(
    "text",
    [
        "Peers help members interpret what they heard in their therapy appointment.",
        "Peer specialists translate their own lived experience into hope for others in treatment.",
        "Translation of court documents is handled by the county's contracted language vendor.",
        "Peers check in with members about insurance worries and connect them to a navigator.",
        "Employees must fill out the benefits paperwork within 30 days of hire.",
    ],
)  # fmt: skip
def test_explaining_a_visit_or_the_staffs_own_benefits_are_no_duty(
    tmp_path: Path, text: str
) -> None:
    assert "no-clinical-duties" not in flagged(tmp_path, text)


def test_a_designated_interpreter_post_is_a_duty(tmp_path: Path) -> None:
    text = "Bilingual peer staff are the designated interpreters for the ACT team's home visits."
    assert "no-clinical-duties" in flagged(tmp_path, text)


@pytest.mark.parametrize(
    "text",
    [
        "Failure to attend scheduled shifts without notice may lead to discipline.",
        "Failure to participate in the annual performance review may delay a raise.",
        "New peer staff must meet with a peer mentor during their first 90 days.",
    ],
)  # fmt: skip
def test_staff_rules_are_no_coerced_support(tmp_path: Path, text: str) -> None:
    assert "voluntary-peer-support" not in flagged(tmp_path, text)


def test_failure_to_attend_peer_sessions_is_coerced(tmp_path: Path) -> None:
    text = "Failure to attend weekly peer sessions results in loss of your bed."
    assert "voluntary-peer-support" in flagged(tmp_path, text)


def test_a_roles_tables_supervisor_row_of_duties_is_the_supervisors(tmp_path: Path) -> None:
    """A "Supervisor" row that lists duties is the supervisor's, not a form field."""
    text = (
        "| Role | Responsibilities |\n|---|---|\n"
        "| Peer Support Specialist | Facilitates WRAP groups |\n"
        "| Supervisor | Dispenses medications and does the insurance checks |\n"
    )
    assert not flagged(tmp_path, text, "roles.md")


@pytest.mark.parametrize(
    "text",
    [
        "Clinical staff administer medications.",
        "Billing staff complete prior authorizations.",
        "Front desk staff verify insurance for walk-ins.",
    ],
)  # fmt: skip
def test_a_departments_staff_as_subject_is_another_post(tmp_path: Path, text: str) -> None:
    data = scan_evidence(tmp_path, text + "\n")
    assert not data["red_flags"]
    assert any("another position" in n["reason"] for n in data["not_counted"])


@pytest.mark.parametrize(
    "text",
    [
        "Clinical staff and peers administer medications together.",
        "Medical staff asked peers to hand out medications.",
    ],
)  # fmt: skip
def test_a_departments_staff_beside_peers_leaves_the_duty_the_peers(
    tmp_path: Path, text: str
) -> None:
    assert "no-clinical-duties" in flagged(tmp_path, text)
