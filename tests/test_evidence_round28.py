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
        ("Insurance checks and prior authorizations go through the nurse line.",
         "no-clinical-duties"),
        ("Contact logs for every visit are compiled by the data coordinator.",
         "no-clinical-duties"),
        ("Medication counts are the task of the night nurse.", "no-clinical-duties"),
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


@pytest.mark.parametrize(
    ("text", "criterion"),
    [
        ("| Non-engaged family list to Rear Detachment | Monthly |", "voluntary-peer-support"),
        ("2. Complete a Family Readiness Status (green/yellow/red) for each assigned family.",
         "voluntary-peer-support"),
        ("- Maintain a readiness temperature check on every Soldier and brief the Commander.",
         "voluntary-peer-support"),
        ("Violation notices forwarded to Parole Agents by peers | 31 | 44 |",
         "voluntary-peer-support"),
        ("A.1 Mentors will assist P&P deputies with field contacts, including home visits.",
         "voluntary-peer-support"),
        ("4. Buddy Peers will accompany workers to post-incident testing at the clinic.",
         "voluntary-peer-support"),
        ("1. Peer Mentors ride along on post-accident drug and alcohol tests and sign as witness.",
         "voluntary-peer-support"),
        ("- Llenar el formulario de estado de preparación familiar y mandarlo a la unidad.",
         "voluntary-peer-support"),
        ("Parole asked if Jaime could bring the bubble packs to T.B. on release day.",
         "no-clinical-duties"),
        ("5.1 Each encounter must be documented by the peer with date, duration and HCPCS code.",
         "no-clinical-duties"),
    ],
)  # fmt: skip
def test_reports_tests_and_paperwork_for_officers_and_employers_are_flagged(
    tmp_path: Path, text: str, criterion: str
) -> None:
    assert criterion in flagged(tmp_path, text)


@pytest.mark.parametrize(
    ("text", "criterion"),
    [
        ("Peers never file violation reports.", "voluntary-peer-support"),
        ("A referral to peer support may be offered in a lease-violation notice.",
         "voluntary-peer-support"),
        ("Training: the breath-tester vendor's one-hour session.", "voluntary-peer-support"),
        ("Peers do not witness drug tests.", "voluntary-peer-support"),
    ],
)  # fmt: skip
def test_the_same_duties_ruled_out_are_no_flag(tmp_path: Path, text: str, criterion: str) -> None:
    assert criterion not in flagged(tmp_path, text)


@pytest.mark.parametrize(
    ("text", "criterion"),
    [
        ("Peers are paid the same as aides while case managers earn $24/hr.", PAY),
        ("Peer specialists will be paid the same as the nurse aides.", PAY),
        ("Peer pay is the same as a therapist aide's, about $16 an hour.", PAY),
        ("El pago de los pares es igual al de los auxiliares de terapeuta.", PAY),
    ],
)  # fmt: skip
def test_parity_with_an_aide_of_a_higher_title_stays_a_flag(
    tmp_path: Path, text: str, criterion: str
) -> None:
    assert criterion in flagged(tmp_path, text)


@pytest.mark.parametrize(
    ("text", "criterion"),
    [
        ("Peers help members add their names to the organ donor registry.", "no-clinical-duties"),
        ("Peers help a participant prepare a list of questions for their psychiatrist visit.",
         "no-clinical-duties"),
        ("Peer specialists help people write their own crisis plans and review them together.",
         "no-clinical-duties"),
        ("Ayudar a los participantes a escribir su propia sección del plan de crisis.",
         "no-clinical-duties"),
        ("Our data coordinator enters peer contacts into the funder dashboard.",
         "no-clinical-duties"),
        ("Los contactos de emergencia están en el tablero de anuncios de la cocina.",
         "no-clinical-duties"),
        ("Peers support members who want to track their own BP and weight.", "no-clinical-duties"),
        ("Peers collect registration forms from families at the door.", "no-clinical-duties"),
        ("Peers help members plan ahead for ticket sales to the concert.", "no-clinical-duties"),
        ("Peers help residents get into rooming houses and visit patients.", "no-clinical-duties"),
        ("Peers help members remember to take their rent to the office on time.",
         "no-clinical-duties"),
        ("Peer helps participant verify residence for her housing application.",
         "voluntary-peer-support"),
        ("Peers provide employers a list of local recovery meetings.", "voluntary-peer-support"),
        ("Peers partner with the chaplain, who is not their supervisor.", "peer-supervisors"),
        ("Members work under the plant manager at their jobs; peers meet them after shift.",
         "peer-supervisors"),
        ("Peers may record training videos for the state peer certification board.",
         "peer-specific-training"),
        ("Peers receive training in brief motivational interviewing.", "peer-specific-training"),
        ("Peers help members sort out unpaid bills and utility shutoff notices.", PAY),
        ("Peer support services are provided to members at no additional cost.", PAY),
        ("There will be no pay reduction for peer staff who move to the new site.", PAY),
        ("Clubhouse members volunteer in the work-ordered day; there is no pay for members.", PAY),
        ("Peers don't have to be in recovery from the same substance as the people they support.",
         "distinct-job-descriptions"),
        ("Participants don't have to be in recovery to attend the Recovery Cafe.",
         "distinct-job-descriptions"),
        ("Members may receive up to 24 units per week of peer support under the waiver.",
         "peer-staffing-ratio"),
        ("The ED averages 140 encounters per day.", "peer-staffing-ratio"),
        ("Los pares ayudan a las personas a llevar sus cosas cuando la policía las desaloja.",
         "peers-in-mobile-crisis"),
        ("Peers help EMS take the person's belongings along to the hospital.",
         "peers-in-mobile-crisis"),
    ],
)  # fmt: skip
def test_the_reviews_lines_of_other_meanings_are_no_flag(
    tmp_path: Path, text: str, criterion: str
) -> None:
    assert criterion not in flagged(tmp_path, text)


@pytest.mark.parametrize(
    "text",
    [
        "- Keep peer staff out of medication administration, payee roles and routine clinical notes.",
        "(b) An explicit exclusion of medication administration, rep-payee or control of money.",
        "3. keep peers out of money handling, clinical screening and progress notes;",
        "2. Keep peer documentation to a brief non-clinical contact log.",
        "The peer note is a 3-field contact note (who, where, what the person wanted).",
        "Paid for by the County Fiscal Court from opioid abatement funds.",
    ],
)  # fmt: skip
def test_duties_kept_out_or_kept_short_are_no_flag(tmp_path: Path, text: str) -> None:
    assert "no-clinical-duties" not in flagged(tmp_path, text)


@pytest.mark.parametrize(
    ("text", "criterion"),
    [
        ("Peers pay for certification out of pocket.", "peer-specific-training"),
        ("Peers write clinical contact notes in the EHR after every visit.", "no-clinical-duties"),
        ("Peers hold client funds in the safe.", "no-clinical-duties"),
    ],
)  # fmt: skip
def test_out_of_pocket_and_clinical_notes_are_still_flags(
    tmp_path: Path, text: str, criterion: str
) -> None:
    assert criterion in flagged(tmp_path, text)


@pytest.mark.parametrize(
    "text",
    [
        "Our peer specialist will also serve as house manager at Freedom House.",
        "- Serves as dorm supervisor on nights and weekends",
        "4. The timesheets show 20+ hours a week as house manager and van driver.",
        "I got hired as a CPSSP and ended up being house manager, van driver and med lady.",
        "El especialista vivirá en la casa como encargado: llaves, reglas y horarios.",
    ],
)  # fmt: skip
def test_a_peer_made_the_residences_manager_is_a_backfill_flag(tmp_path: Path, text: str) -> None:
    assert "no-clinical-duties" in flagged(tmp_path, text)


@pytest.mark.parametrize(
    "text",
    [
        "If you have questions ask your house manager.",
        "Our Certified Peer Specialist is not the house manager.",
    ],
)  # fmt: skip
def test_a_house_manager_named_or_ruled_out_is_no_flag(tmp_path: Path, text: str) -> None:
    assert "no-clinical-duties" not in flagged(tmp_path, text)


def test_peer_helpers_for_hundreds_are_too_few(tmp_path: Path) -> None:
    assert "peer-staffing-ratio" in flagged(tmp_path, "Two peer helpers for about 400 residents.")
