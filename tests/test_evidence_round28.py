"""Fixes of the round that measured the finder on heldout137-144 (integrated primary
care, construction and trades, prison reentry, juvenile justice, National Guard and
military families, private residential addiction treatment, fishing communities,
peer support for health-care workers): pay matched to a title paid above entry level."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import flagged, scan_evidence

PAY = "peer-retention-and-pay"


@pytest.mark.parametrize(
    "text",
    [
        "A10. We pay peer staff on the same scale as bachelor’s-level case managers.",
        "- $24/hour, same as Crisis Counselor I; paid on-call.",
        "6. Pay. $20.75/hr, comparable to the Court's Case Manager position ($20.40).",
        "| Peer Outreach Worker | $22.50 | same band as crisis counselor I |",
        "$24.00–$27.50/hour; equal base rate to our crisis counselors.",
        "Peer specialists are paid on the same scale as our clinicians.",
        "El salario es el mismo que el de los trabajadores sociales.",
    ],
)  # fmt: skip
def test_pay_matched_to_a_title_above_entry_level_is_parity(tmp_path: Path, text: str) -> None:
    found = scan_evidence(tmp_path, text + "\n", learned=True)
    assert PAY not in {f["criterion"] for f in found["red_flags"]}
    opposite = [n for n in found["not_counted"] if n["criterion"] == PAY]
    assert opposite and opposite[0]["reason"].startswith("says the opposite")
    assert any(c["id"] == PAY and c["passages"] for c in found["criteria"])


@pytest.mark.parametrize(
    "text",
    [
        "Peer Specialists start at $17.10/hr, the same entry rate as our Residential Counselor I.",
        "Peers are paid the same as aides, while nurses earn $40.",
        "Pay: $18/hr, the same as our techs (nurses start at $38).",
        "Peers are paid the same as aides; clinicians earn $30.",
    ],
)  # fmt: skip
def test_pay_matched_to_an_entry_level_title_stays_a_flag(tmp_path: Path, text: str) -> None:
    assert PAY in flagged(tmp_path, text)


@pytest.mark.parametrize(
    ("text", "criterion"),
    [
        ("2. MA short (Kayla out) -> Jaycee to room pts 9-11 and do BP/weights", "no-clinical-duties"),
        ("• Assist with rooming and vitals during peak clinic hours", "no-clinical-duties"),
        ("- Maintain the CoCM registry and prepare weekly reports for the psychiatric consultant",
         "no-clinical-duties"),
        ("| 3 | Build psychiatric consultant review list | Peer Counselor | Weekly |",
         "no-clinical-duties"),
        ("d) Complete the Recovery Supports section of the discharge plan for the LCPC's signature",
         "no-clinical-duties"),
        ("- Draft aftercare plans for clinician signature", "no-clinical-duties"),
        ("4.2 El par redacta las secciones de Vivienda del plan de salida.", "no-clinical-duties"),
        ("And please get last week's contacts into the waiver dashboard.", "no-clinical-duties"),
        ("| Dashboard | Every call counts as a contact for the reentry dashboard |",
         "no-clinical-duties"),
        ("🔹 Sell raffle tickets + collect $25/family registration for the dinner",
         "no-clinical-duties"),
        ("5.3 PRCs shall manage registration, fee collection and deposit for family events.",
         "no-clinical-duties"),
        ("Buddy Peers take payroll advance requests and log and submit them.",
         "no-clinical-duties"),
        ("2.c Peers keep a supply of OTC sleep aids for members during long drills.",
         "no-clinical-duties"),
        ("| SAT 2100 | Hand out melatonin to Soldiers who request | Peer on duty |",
         "no-clinical-duties"),
        ("Home visits completed by peers for APOs ..... 129", "voluntary-peer-support"),
        ("2.2 Provide the unit commander a weekly list of Soldiers assessed non-deployable.",
         "voluntary-peer-support"),
        ("C-4 Peer Coaches shall provide each company commander a fitness and readiness summary.",
         "voluntary-peer-support"),
        ("Peers stop by the parolee's place and confirm he is actually living there.",
         "voluntary-peer-support"),
        ("Reports to: Parole Supervisor, Springfield District.", "peer-supervisors"),
        ("- Wellness Peers report to the Plant Manager.", "peer-supervisors"),
        ("* Wardens report to the Harbor Master.", "peer-supervisors"),
        ("4.2 PRC is supervised by the BHCM.", "peer-supervisors"),
        ("Chaplain Reyes is our supervisor and he said it's ok", "peer-supervisors"),
        ("Peer Mentors work under the Wing Chaplain, who signs off on all mentor activities.",
         "peer-supervisors"),
        ("El capellán sigue siendo el supervisor de las mentoras.", "peer-supervisors"),
        ("Training consists of the 20-minute Drug-Free Workplace video.", "peer-specific-training"),
        ("- Training: 2-hr ACE-SI brief at the armory.", "peer-specific-training"),
        ("La capacitación es un video de 90 minutos que haces en tu casa.",
         "peer-specific-training"),
        ("🔹 Help out on drill weekends (volunteer, unpaid -- but you get a certificate!)",
         "peer-retention-and-pay"),
        ("SAT-SUN   on call by phone, no pay unless Carla approves", "peer-retention-and-pay"),
        ("C-8 Drill weekend support shall be provided at no additional cost.",
         "peer-retention-and-pay"),
        ("- Productivity standard for Peer Support Specialists: 24 units/day.",
         "peer-staffing-ratio"),
        ("- Reminder: peer units were down 18%, need 6 billable hrs/day each",
         "peer-staffing-ratio"),
    ],
)  # fmt: skip
def test_duties_reports_bosses_and_quotas_of_the_rounds_settings_are_flagged(
    tmp_path: Path, text: str, criterion: str
) -> None:
    assert criterion in flagged(tmp_path, text)


@pytest.mark.parametrize(
    ("text", "criterion"),
    [
        ("In the room: the nurse takes vitals. The provider reviews consent with you.",
         "no-clinical-duties"),
        ("The coach always enters a room with the patient's consent.", "no-clinical-duties"),
        ("Contact counts for the reentry dashboard are pulled by our data coordinator.",
         "no-clinical-duties"),
        ("Peers log contacts in the tracker in a sentence or two.", "no-clinical-duties"),
        ("1. Nurse gives PHQ-9 / GAD-7 at rooming and enters scores.", "no-clinical-duties"),
        ("2.2 Las autorizaciones previas son tarea de enfermería.", "no-clinical-duties"),
        ("Giving out medication is the nurse’s job.", "no-clinical-duties"),
        ("- Leads recovery groups on the unit two to three times per shift.",
         "peer-staffing-ratio"),
        ("No more than 16 units (4 hours) per day per beneficiary.", "peer-staffing-ratio"),
        ("Employees may take unpaid leave under FMLA.", "peer-retention-and-pay"),
        ("• Complete 20 hours of unpaid pre-hire e-learning before your first shift.",
         "peer-retention-and-pay"),
        ("The peer supervisor works under the clinical director.", "peer-supervisors"),
        ("Certification is provided at no additional cost to staff.", "peer-retention-and-pay"),
    ],
)  # fmt: skip
def test_the_same_words_said_of_others_or_of_rooms_are_no_flag(
    tmp_path: Path, text: str, criterion: str
) -> None:
    assert criterion not in flagged(tmp_path, text)


def test_a_duty_a_peer_is_named_for_stays_the_peers_whoever_owns_the_task(
    tmp_path: Path,
) -> None:
    assert "no-clinical-duties" in flagged(tmp_path, "Peers give out medication, a nursing task.")
