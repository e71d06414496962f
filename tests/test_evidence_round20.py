"""Fixes of the round that measured the finder on heldout65-72: a duty someone can't
keep doing is still done, an answering "no," negates nothing after it, and an
honorific before a name ends no sentence."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import cited_passages, flagged, scan_evidence

from advocacy.evidence.matching import tokenize


@pytest.mark.parametrize(
    "line",
    [
        "I know y'all are short staffed but our peer can't keep covering the booking desk.",
        "Our peer specialist cannot keep doing the weekend med pass on top of her groups.",
        "Ya no podemos seguir cubriendo la recepción cuando falta la secretaria.",
    ],
)
def test_a_duty_someone_cannot_keep_doing_is_a_duty_still_done(tmp_path: Path, line: str) -> None:
    assert "no-clinical-duties" in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Peer specialists cannot cover the front desk.",
        "Peers can't keep the petty cash box.",  # "keep" is the duty here, not "go on"
    ],
)
def test_cannot_alone_still_negates(tmp_path: Path, line: str) -> None:
    assert "no-clinical-duties" not in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "11:04 Enf. Cavazos: no, para ayudar con la contención mientras llega seguridad.",
        "Is she on tonight? No, you will assist security with the restraint in room 4.",
    ],
)
def test_an_answering_no_negates_nothing_after_it(tmp_path: Path, line: str) -> None:
    assert "peers-in-mobile-crisis" in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "No peer will assist with restraint.",
        "Restraint: no, never a peer's task.",
    ],
)
def test_a_no_before_its_words_or_answering_a_field_still_negates(
    tmp_path: Path, line: str
) -> None:
    data = scan_evidence(tmp_path, line + "\n")
    assert [f for f in data["red_flags"] if f["criterion"] == "peers-in-mobile-crisis"] == []
    assert [n for n in data["not_counted"] if n["criterion"] == "peers-in-mobile-crisis"]


@pytest.mark.parametrize(
    "text",
    [
        "Sgt. Daugherty said the peer will do the suicide screen.",
        "Mr. Howard said it would be nice.",
        "Coord. Marisela: Es parte del plan de la corte.",
        "Minutes taken by Ms. Reyes and Comm. Hanna.",
    ],
)
def test_an_honorific_before_a_name_ends_no_sentence(text: str) -> None:
    assert len(set(tokenize(text).sentences)) == 1


def test_a_street_after_a_name_still_ends_its_sentence() -> None:
    """ "Dr." after a street name is a street, as before; a sentence follows."""
    tokens = tokenize("The office is on Elm Dr. Peer staff will pass meds there.")
    assert len(set(tokens.sentences)) == 2


@pytest.mark.parametrize(
    "line",
    [
        "Participates in Code Gray / hands-on de-escalation per CPI as a team member.",
        "MUST HAVE: current CPI/MANDT - you will be on the Code Green response team.",
        "Help staff w/ hands on holds when a patient is combative.",
        "If a code is called, all staff incl. peers respond to hands-on.",
        "The unit staffing grid lists the PSS as a hands-on responder for codes.",
    ],
)
def test_a_behavioural_emergency_team_is_a_crisis_duty(tmp_path: Path, line: str) -> None:
    assert "peers-in-mobile-crisis" in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Requirements: current CPR/BLS, CPI within 30 days of hire.",
        "Respondent adopts the state Peer Support Specialist Code of Ethics.",
        "Peers do not take part in restraint, Code Gray responses or hands-on holds.",
    ],
)
def test_a_course_a_respondent_or_an_excluded_code_is_no_crisis_flag(
    tmp_path: Path, line: str
) -> None:
    assert "peers-in-mobile-crisis" not in flagged(tmp_path, line)


def test_pay_on_the_para_scale_is_entry_level_pay(tmp_path: Path) -> None:
    line = "The pay for this position matches the para-educator scale of the district."
    assert "peer-retention-and-pay" in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line", ["Pay matches para-educator scale B.", "Hands-on de-escalation as a team member."]
)
def test_a_hyphenated_word_holds_no_spanish_function_word(line: str) -> None:
    """ "para-educator", "de-escalation" are English words, not Spanish "para", "de"."""
    from advocacy.evidence.normalise import detect_language

    assert detect_language(line) != "es"


@pytest.mark.parametrize(
    "line",
    [
        "Residents of recovery housing must meet with a Peer Mentor weekly as a condition of "
        "their lease.",
        "Meeting with a peer coach is a condition of your Community Corrections placement.",
        "Brandon 7:41 AM: need u to do a UDS, he's due for probation next week.",
        "A jail program is having peers do pat-downs before group.",
        "Recolección de muestras de orina observada por el especialista de pares.",
    ],
)
def test_conditions_tests_and_searches_are_not_voluntary_support(tmp_path: Path, line: str) -> None:
    assert "voluntary-peer-support" in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Peers never do UAs or pat-downs; nursing collects every specimen.",
        "Meeting with a peer is never a condition of your lease.",
    ],
)
def test_the_same_words_negated_are_not_flagged(tmp_path: Path, line: str) -> None:
    assert "voluntary-peer-support" not in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Coaches are paid $15/hr and positions end if the block grant is not renewed in October.",
        "Several people said the position goes away if the state grant isn't renewed next June.",
        "No cost-of-living or step increases for CSW and CPSW positions this year.",
        "No merit increase this cycle (agency-wide freeze).",
        "The peer differential ($0.75/hr) is discontinued as of 9/15.",
        "Peer Recovery Specialist, 1.0 FTE, funded by one-time opioid settlement; ends 6/30/27.",
        "Volunteer position. Possible paid position if our grant comes through.",
        "Pay: $11.00/hour; position depends on annual giving campaign.",
    ],
)
def test_pay_that_may_stop_or_never_grows_is_a_pay_flag(tmp_path: Path, line: str) -> None:
    assert "peer-retention-and-pay" in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Our grant is not renewed each year; it is a permanent line item.",
        "A $1.00/hour differential is paid to staff holding the peer credential.",
        "Peer training is provided at no cost to staff.",
    ],
)
def test_no_pay_flag_where_funding_is_kept_or_a_differential_is_paid(
    tmp_path: Path, line: str
) -> None:
    assert "peer-retention-and-pay" not in flagged(tmp_path, line)


@pytest.mark.parametrize(
    ("line", "criterion"),
    [
        (
            "The PSS weekly team meeting was removed from the schedule in December.",
            "peer-support-team",
        ),
        ("Our agency dissolved the peer team when they integrated us.", "peer-support-team"),
        ("They won't cover time off for the peer conference; use PTO.", "paid-networking"),
    ],
)
def test_a_team_meeting_withdrawn_or_a_conference_not_covered(
    tmp_path: Path, line: str, criterion: str
) -> None:
    assert criterion in flagged(tmp_path, line)


def test_holding_a_peer_mentor_team_meeting_is_no_meeting_withdrawn(tmp_path: Path) -> None:
    line = "Provider shall hold a weekly Youth Peer Mentor team meeting led by a Lead Peer Mentor."
    assert "peer-support-team" not in flagged(tmp_path, line)


def test_a_count_with_a_plus_is_at_least_that_many_people(tmp_path: Path) -> None:
    assert "peer-staffing-ratio" in flagged(tmp_path, "Some clinics have 1 peer for 800+ people.")
    line = "Open to adults 18+ with lived experience; 1 peer for 20 people."
    assert "peer-staffing-ratio" not in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Field calls are clinician and peer pairs. The peer is never dispatched solo.",
        "Peers always go out with a clinician, never solo, no exceptions.",
        "The PSS never responds alone to a crisis call.",
    ],
)
def test_a_peer_never_sent_alone_is_evidence_of_crisis_pairing(tmp_path: Path, line: str) -> None:
    data = scan_evidence(tmp_path, line + "\n")
    assert cited_passages(data, "peers-in-mobile-crisis")
    assert not [f for f in data["red_flags"] if f["criterion"] == "peers-in-mobile-crisis"]


def test_a_peer_sent_alone_is_still_a_crisis_flag(tmp_path: Path) -> None:
    line = "The peer is sent alone to crisis calls when the clinician is busy."
    assert "peers-in-mobile-crisis" in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Guests stay voluntarily; the house does no searches.",
        "Tenants don't have to meet with us to keep their housing. That's Housing First.",
        "We don't report or testify on anyone; members can ask for their own records.",
    ],
)
def test_support_people_choose_is_voluntary_evidence(tmp_path: Path, line: str) -> None:
    assert cited_passages(scan_evidence(tmp_path, line + "\n"), "voluntary-peer-support")


@pytest.mark.parametrize(
    "line",
    [
        "Peers do not have to meet with anyone after hours.",  # the staff's, not the person's
        "Meet members where they are, when they want to meet.",  # an ordinary peer activity
    ],
)
def test_staff_hours_or_ordinary_activities_are_no_voluntary_evidence(
    tmp_path: Path, line: str
) -> None:
    assert not cited_passages(scan_evidence(tmp_path, line + "\n"), "voluntary-peer-support")


def test_mileage_to_a_network_meeting_not_paid_is_a_networking_flag(tmp_path: Path) -> None:
    line = "The agency won't pay mileage to the regional peer network meeting."
    assert "paid-networking" in flagged(tmp_path, line)


def test_an_e_mail_address_line_names_people_not_duties(tmp_path: Path) -> None:
    text = (
        "From: Wanda Estep, RN, ED Nurse Manager\nTo: Peer Team\nSubject: tonight\n\n"
        "Peers are supervised by the charge nurse (RN) only.\n"
    )
    data = scan_evidence(tmp_path, text)
    assert [f["location"] for f in data["red_flags"]] == ["line 5"]
    assert [n["reason"] for n in data["not_counted"]] == ["a message's sender or recipients"]


# Found by the round's outside review: the round's own rules reached too far.


@pytest.mark.parametrize(
    "line",
    [
        "The agency cannot continue to ask peers to give medications; the nurse takes over.",
        "We can't keep asking peers to administer medication, so as of July they will not.",
        "No podemos seguir pidiendo a los pares que administren medicamentos.",
        "If asked, peers write no progress notes.",
    ],
)
def test_a_practice_ended_or_a_negation_after_an_if_clause_still_negates(
    tmp_path: Path, line: str
) -> None:
    assert "no-clinical-duties" not in flagged(tmp_path, line)


def test_a_title_after_the_is_a_noun_that_ends_its_sentence(tmp_path: Path) -> None:
    line = "Peer staff will not be supervised by the Coord. Urine screens are collected by peers."
    assert "voluntary-peer-support" in flagged(tmp_path, line)
    assert (
        len(set(tokenize("Su supervisión sigue con la Dra. Portillo, una vez al mes.").sentences))
        == 1
    )


def test_no_cost_of_any_kind_keeps_the_evidence_after_it(tmp_path: Path) -> None:
    line = (
        "All peer services are at no cost of any kind to members, and participation is voluntary."
    )
    assert cited_passages(scan_evidence(tmp_path, line + "\n"), "voluntary-peer-support")


@pytest.mark.parametrize(
    "line",
    [
        "Duties do not include: med pass, petty cash, or progress notes.",
        "Peer staff do not: do UAs, do pat-downs, or hold petty cash.",
        "What you won't do: report to probation, carry out drug tests, or count meds.",
        "Qué NO harás: repartir medicamentos, manejar dinero de participantes.",
    ],
)
def test_what_an_excluding_lead_in_lists_inside_its_sentence_is_not_flagged(
    tmp_path: Path, line: str
) -> None:
    data = scan_evidence(tmp_path, line + "\n")
    assert data["red_flags"] == []
    assert all(n["reason"].startswith("listed after '") for n in data["not_counted"])


@pytest.mark.parametrize(
    "line",
    [
        "Duties include: med pass, petty cash, and progress notes.",
        "One change I know isn't popular: peers will cover the front desk at noon.",
        "What didn't work: they had me do the PHQ-9 intake screens.",
    ],
)
def test_a_lead_in_that_excludes_nothing_leaves_its_list_flagged(tmp_path: Path, line: str) -> None:
    assert "no-clinical-duties" in flagged(tmp_path, line)


# Found by the second pass of the review, over the mends.


@pytest.mark.parametrize(
    "line",
    [
        "Prohibited items: peer staff search bags and conduct pat-downs at intake.",
        "Outside clinic hours: peer specialists cover the med pass and collect urine samples.",
        "No staff excluded: during short staffing everyone, peers included, will pass meds.",
        "Medication administration by peers? No: peers pass meds on nights and weekends.",
        "Duties do not include: restraints or seclusion, but do include: med pass and UAs.",
        "Date: 3/4. Peer assigned to med pass on Unit B.",
        "To: All peer staff. Effective Monday you will pass medications.",
        "To: reduce costs, peer staff will pass medications.",
    ],
)
def test_a_colon_that_leads_into_no_exclusion_or_address_hides_no_duty(
    tmp_path: Path, line: str
) -> None:
    assert flagged(tmp_path, line) & {"no-clinical-duties", "voluntary-peer-support"}


@pytest.mark.parametrize(
    "line",
    [
        "Peer staff do not report to the Dr. on call or collect urine samples.",
        "Peers never work alongside our Dr. Patel during med pass.",
        "Peer staff are not permitted to: pass medications, hold petty cash, or do pat-downs.",
        "Excluded from peer duties: med pass, petty cash.",
    ],
)
def test_a_title_inside_a_sentence_or_a_permitted_lead_in_keeps_its_negation(
    tmp_path: Path, line: str
) -> None:
    assert not flagged(tmp_path, line) & {"no-clinical-duties", "voluntary-peer-support"}
