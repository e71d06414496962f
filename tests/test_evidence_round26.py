"""Fixes of the round that measured the finder on heldout121-128 (library and transit
navigators, disaster counselling, HIV navigators, the territories, domestic-violence
programs, CCBHCs, encampment outreach, assisted outpatient treatment): duties that
several of those settings share (a city's data system, security posts and needle
clean-up, notices and sweeps, court declarations, child-protection reports, danger
screens, police called on someone in crisis, lab work) and lists whose items end in
semicolons or sit under a long lead-in."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import flagged, kept_out, scan_evidence


@pytest.mark.parametrize(
    "text",
    [
        "Outreach staff must get every person they meet into HMIS within 24 hours.",
        "- HMIS intake for each new resident on the day of arrival.",
        "Target: HMIS enrollment of 90% of people contacted, reported monthly.",
        "Use the tablet to log every engagement so the district can report its numbers.",
        "Complete a contact card for each patron you speak with.",
        "Interactions logged this week: 118",
        "Enter the latest viral load results into CAREWare before case conference.",
        "- Ingresar a todas las personas al HMIS antes de terminar el turno.",
    ],
)  # fmt: skip
def test_entering_people_into_a_data_system_is_a_documentation_duty(
    tmp_path: Path, text: str
) -> None:
    assert "no-clinical-duties" in flagged(tmp_path, text)


@pytest.mark.parametrize(
    "text",
    [
        "HMIS entry happens only when the person gives consent, for their own housing match.",
        "Three people wanted to be added to HMIS for a housing match; forms signed.",
        "We report encounters to the county in aggregate, without names.",
        "From last year's visit logs, each peer can keep about 20 people on the caseload.",
        "We keep a short contact log (date, minutes, group or one-to-one) and no notes.",
        "COTTONWOOD DRAW, Utah - The county announced Monday that two peers will join the team.",
    ],
)  # fmt: skip
def test_data_entry_by_consent_or_in_aggregate_is_no_duty(tmp_path: Path, text: str) -> None:
    assert "no-clinical-duties" not in flagged(tmp_path, text)


@pytest.mark.parametrize(
    "text",
    [
        "Join the hourly security walk on the upper floors.",
        "- Restroom checks every hour and the closing building sweep.",
        "Pick up discarded syringes on the plaza with the grabber and sharps container.",
        "09:40 needle pickup behind the bus shelter (2)",
        "3. Recoger jeringas tiradas en el parque con el equipo asignado.",
    ],
)  # fmt: skip
def test_security_posts_and_needle_clean_up_cover_another_post(tmp_path: Path, text: str) -> None:
    assert "no-clinical-duties" in flagged(tmp_path, text)


def test_needle_clean_up_kept_out_of_the_role_is_evidence(tmp_path: Path) -> None:
    text = "Navigators never do security rounds or needle pickup; Facilities handles both."
    assert kept_out(tmp_path, text, "no-clinical-duties")


@pytest.mark.parametrize(
    "text",
    [
        "Serve 72-hour notices to vacate at camps on the removal list.",
        "Hand out trespass letters with the guard when a patron is banned.",
        "Ask people sleeping in doorways to move along before the shops open.",
        "Peer staff walk ahead of the police sweep to tell people to pack up.",
        "Tag and bag the belongings of anyone who has been exited.",
        "Enforce the library's code of conduct on your floor.",
        "Write a declaration for the protection order hearing when you saw the injuries.",
        "Be ready to testify if the judge calls you.",
        "As an employee you must make DFCS reports yourself.",
        "- Redactar declaraciones para las audiencias de órdenes de protección.",
        "- Entregar avisos de desalojo junto con el alguacil.",
    ],
)  # fmt: skip
def test_enforcing_rules_and_reporting_to_courts_breaks_voluntary_support(
    tmp_path: Path, text: str
) -> None:
    assert "voluntary-peer-support" in flagged(tmp_path, text)


@pytest.mark.parametrize(
    "text",
    [
        "A legal advocate can help her write her own declaration.",
        "Evaluator signature and conflict-of-interest declaration on file.",
        "The CPS reports to the program director, a certified peer.",
        "Parks posted a removal notice at the bridge; peers will explain where storage is.",
        "The grievants testified that the calls undermined voluntary support.",
        "Remove code of conduct enforcement and trespass delivery from the peer job description.",
        "Proposal: a role standard removing enforcement tasks from peer positions.",
    ],
)  # fmt: skip
def test_a_person_s_own_declaration_or_a_removed_duty_is_no_flag(tmp_path: Path, text: str) -> None:
    assert "voluntary-peer-support" not in flagged(tmp_path, text)


@pytest.mark.parametrize(
    "text",
    [
        "Complete the Danger Assessment with each new resident and record the score.",
        "Advocates screen callers for lethality before a bed is offered.",
        "Called police for a rider in psychiatric distress on the platform.",
        "- Hacer la evaluación de peligro a cada mujer que llega al albergue.",
    ],
)  # fmt: skip
def test_danger_screens_and_police_called_on_a_person_in_crisis_are_crisis_flags(
    tmp_path: Path, text: str
) -> None:
    assert "peers-in-mobile-crisis" in flagged(tmp_path, text)


@pytest.mark.parametrize(
    "text",
    [
        "Do fingerstick rapid HIV tests and venipuncture on the van.",
        "Collect specimens for confirmatory testing at outreach events.",
        "Carry the swab tubes to the lab when the courier is late.",
        "Llevar las muestras al laboratorio y subir los resultados al expediente.",
    ],
)  # fmt: skip
def test_lab_work_is_a_clinical_duty_not_a_drug_test(tmp_path: Path, text: str) -> None:
    assert "no-clinical-duties" in flagged(tmp_path, text)
    assert "voluntary-peer-support" not in flagged(tmp_path, text)


@pytest.mark.parametrize(
    "text",
    [
        "Guests pay the $40 monthly program fee to their peer mentor.",
        "Space fee: $25 a month, paid to the peer staff on duty.",
    ],
)
def test_a_fee_paid_to_the_peer_is_handling_money(tmp_path: Path, text: str) -> None:
    assert "no-clinical-duties" in flagged(tmp_path, text)


def test_a_lead_in_covers_every_item_that_ends_in_a_semicolon(tmp_path: Path) -> None:
    text = (
        "You will not:\n"
        "  > enforce rider rules or ask anyone to leave;\n"
        "  > patrol stations or handle sharps;\n"
        "  > screen riders for suicide risk. The crisis team does that.\n"
    )
    data = scan_evidence(tmp_path, text, "posting.txt")
    assert not data["red_flags"]
    reasons = {n["criterion"]: n["reason"] for n in data["not_counted"]}
    assert {"no-clinical-duties", "peers-in-mobile-crisis"} <= set(reasons)
    assert reasons["peers-in-mobile-crisis"] == "listed after 'You will not:'"


def test_a_lead_in_s_list_stops_at_a_sentence_of_its_own(tmp_path: Path) -> None:
    text = "Peers do not: hold petty cash; they do pass medications at night.\n"
    assert "no-clinical-duties" in flagged(tmp_path, text)


def test_a_long_lead_in_is_read_from_its_last_clause(tmp_path: Path) -> None:
    text = (
        "What our city agreement says you will never do\n"
        "\n"
        "• Post or deliver campsite removal notices\n"
        "• Walk with the police during sweeps\n"
    )
    assert not flagged(tmp_path, text)
    text = text.replace("you will never do", "you will do")
    assert "voluntary-peer-support" in flagged(tmp_path, text)


def test_a_heading_in_capitals_keeps_its_remark_and_heads_numbered_sections(
    tmp_path: Path,
) -> None:
    """A capitals title with a remark in small letters is still a title, and each
    numbered section under it ("3.1", "3.2") is a passage of its own line."""
    text = (
        "2.2 Peers are paid on the same schedule as other program staff.\n"
        "\n"
        "3.0 EXCLUDED ACTIVITIES (not billable under this category)\n"
        "3.1 Specimen collection, rapid testing and phlebotomy.\n"
        "3.2 Directly observed therapy and medication adherence reporting.\n"
        "3.3 Partner elicitation on behalf of the health department.\n"
    )
    data = scan_evidence(tmp_path, text, "standard.txt")
    assert not data["red_flags"]
    excluded = {n["location"] for n in data["not_counted"] if "heading" in n["reason"]}
    assert excluded == {"line 4", "line 5", "line 6"}
    flags = scan_evidence(tmp_path, text.replace("EXCLUDED ", "REQUIRED "), "s2.txt")
    assert {f["location"] for f in flags["red_flags"]} >= {"line 4", "line 5", "line 6"}


@pytest.mark.parametrize(
    "heading",
    ["## Duties programs agree to keep out of peer roles", "## What we keep out of the job"],
)
def test_a_heading_that_keeps_duties_out_of_the_role_excludes_its_list(
    tmp_path: Path, heading: str
) -> None:
    text = f"{heading}\n\n- Room searches and curfew checks\n- Holding residents' medication\n"
    assert not flagged(tmp_path, text, "guide.md")
    other = "## Keeping people out of trouble\n\n- Room searches and curfew checks\n"
    assert "voluntary-peer-support" in flagged(tmp_path, other, "guide.md")


@pytest.mark.parametrize(
    "text",
    [
        "The City posts notices to vacate; peers explain to residents what the notice means.",
        "A tenant's rights workshop: what to do when you get a notice to vacate from your landlord.",
        "The clinic lab does its own draws; peers walk with the person if they want company.",
        "The peer helped Maria draft her declaration for her own custody petition.",
        "We tell people about the partner notification services the health department offers.",
        "Peers help guests bag their belongings for storage at the shelter.",
        "Peer navigators link people to free rapid HCV testing at the health department.",
        "Peers hand out sharps containers at the syringe exchange table.",
    ],
)  # fmt: skip
def test_the_new_words_said_of_another_or_of_help_given_are_no_flag(
    tmp_path: Path, text: str
) -> None:
    found = flagged(tmp_path, text)
    assert "voluntary-peer-support" not in found and "no-clinical-duties" not in found


@pytest.mark.parametrize(
    "text",
    [
        "You will not: handle cash; your main duties include security rounds and needle pickup.",
        "No harás: manejar dinero; tus tareas incluyen recoger jeringas.",
    ],
)
def test_a_lead_in_s_list_ends_where_the_role_s_own_duties_begin(tmp_path: Path, text: str) -> None:
    assert "no-clinical-duties" in flagged(tmp_path, text)


@pytest.mark.parametrize(
    "text",
    [
        "Excluded: HMIS enrollment targets; station sweeps; sharps pickup.",
        "Nunca: recoger agujas; entregar avisos de prohibición.",
        "Prohibido para los pares: entregar avisos de desalojo; recoger jeringas.",
        "PEER ROLE (what peers do not do)\n- Security rounds\n- HMIS entry for every guest",
        "Peer staff shall not perform the following duties.\n1. Security rounds.\n2. Needle pickup.",
        "Peers will not do the following.\n3.2 Enter lab results into CAREWare.\n3.3 Venipuncture.",
        "7.1 Excluded duties:\n7.2 Station sweeps and needle pickup.\n7.3 Serving trespass notices.",
    ],
)  # fmt: skip
def test_short_numbered_and_bracketed_lead_ins_exclude_their_lists(
    tmp_path: Path, text: str
) -> None:
    assert not flagged(tmp_path, text)


def test_a_numbered_lead_in_covers_only_its_own_section(tmp_path: Path) -> None:
    text = "7.1 Excluded duties:\n7.2 Station sweeps.\n\n8.1 Peers do security rounds every hour.\n"
    data = scan_evidence(tmp_path, text, "contract.txt")
    assert [f["location"] for f in data["red_flags"]] == ["line 4"]


def test_an_amendment_that_replaces_a_section_lists_what_now_applies(tmp_path: Path) -> None:
    """'Deleted and replaced with the following:' is no lead-in that keeps its list out:
    the numbered sections under it are the new terms."""
    text = (
        "Section 4.6 is deleted in its entirety and replaced with the following:\n"
        "4.6 Peer Support Specialists shall monitor client adherence to prescribed medication.\n"
        "4.7 Peer staff shall notify Probation of any client who misses two appointments.\n"
    )
    found = flagged(tmp_path, text, "amendment.txt")
    assert {"no-clinical-duties", "voluntary-peer-support"} <= found


def test_lettered_items_end_a_numbered_lead_in_s_list(tmp_path: Path) -> None:
    text = (
        "3.2 Lo que sigue no forma parte del trabajo:\n"
        "(a) recordar o entregar medicamentos;\n"
        "(b) cubrir la recepción.\n"
        "3.3 Nota: el sueldo de los pares es el mismo que el de los técnicos.\n"
    )
    data = scan_evidence(tmp_path, text, "manual.txt")
    assert [f["location"] for f in data["red_flags"]] == ["line 4"]


@pytest.mark.parametrize(
    "lead_in",
    [
        "Tasks peers perform daily, including some that you would not expect:",
        "Here is what the job involves, which you may not have done before:",
    ],
)
def test_a_negation_in_an_aside_of_a_lead_in_excludes_nothing(tmp_path: Path, lead_in: str) -> None:
    text = f"{lead_in}\n- needle pickup\n- station sweeps\n"
    assert "no-clinical-duties" in flagged(tmp_path, text)
    kept = text.replace(lead_in, "Things that you will not do:")
    assert not flagged(tmp_path, kept)


def test_notices_named_by_two_kinds_are_still_notices(tmp_path: Path) -> None:
    assert "voluntary-peer-support" in flagged(tmp_path, "- Issue trespass or exclusion notices.")


def test_a_certified_peer_counselor_supervising_is_no_clinical_supervision(
    tmp_path: Path,
) -> None:
    """Washington's peer credential is a Certified Peer Counselor: a peer supervisor."""
    text = "Supervision from the Peer Program Lead, a Certified Peer Counselor."
    assert "peer-supervisors" not in flagged(tmp_path, text)
    assert "peer-supervisors" in flagged(
        tmp_path, "Supervision from the program's licensed counselor."
    )
