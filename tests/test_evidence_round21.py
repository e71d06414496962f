"""Fixes of the round that measured the finder on heldout81-88: a table row whose other
cells keep the peer role from the task its first cell names, a duty done "never by peer
staff", and a duty peers are "exempt from"."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import cited_passages, flagged, scan_evidence

ROLES_TABLE = "| Task | Who does it |\n|---|---|\n{row}\n"


@pytest.mark.parametrize(
    ("row", "criterion"),
    [
        ("| Do UAs / UDS | Nursing and security – peers never do UAs |", "voluntary-peer-support"),
        ("| Medication | Peer specialists will not pass medications |", "no-clinical-duties"),
        ("| Petty cash | Front office; peers never handle client money |", "no-clinical-duties"),
        ("| Recetas / medicamentos | Los pares no entregan medicamentos |", "no-clinical-duties"),
    ],
)
def test_a_row_whose_other_cells_keep_peers_from_its_task_is_no_flag(
    tmp_path: Path, row: str, criterion: str
) -> None:
    data = scan_evidence(tmp_path, ROLES_TABLE.format(row=row), name="roles.md")
    assert criterion not in {f["criterion"] for f in data["red_flags"]}
    reasons = [n["reason"] for n in data["not_counted"] if n["criterion"] == criterion]
    assert any(r.startswith("its table row says") for r in reasons), reasons


@pytest.mark.parametrize(
    ("row", "criterion"),
    [
        # the other cell gives peers the task
        ("| Progress notes | Peers write progress notes daily |", "no-clinical-duties"),
        # it negates something else: peers still pass the meds
        ("| Medication | Peers pass meds; they do not chart them |", "no-clinical-duties"),
        # the first cell is a sentence of its own that the next cell does not take back
        ("| Peers pass meds on weekends | Nursing does not cover weekends |", "no-clinical-duties"),
    ],
)
def test_a_row_that_gives_peers_the_task_is_still_flagged(
    tmp_path: Path, row: str, criterion: str
) -> None:
    assert criterion in flagged(tmp_path, ROLES_TABLE.format(row=row), name="roles.md")


@pytest.mark.parametrize(
    ("line", "criterion"),
    [
        ("Pat-downs are done by security, never by peer staff.", "voluntary-peer-support"),
        ("Medication is passed by nursing, not peers.", "no-clinical-duties"),
        (
            "Client funds are handled by the business office and not by the CPS.",
            "no-clinical-duties",
        ),
        ("Los medicamentos los entrega enfermería, nunca los pares.", "no-clinical-duties"),
        ("Peer staff are exempt from the med pass.", "no-clinical-duties"),
        ("Los pares están exentos de la entrega de medicamentos.", "no-clinical-duties"),
    ],
)
def test_a_duty_done_never_by_peers_or_exempted_is_not_flagged(
    tmp_path: Path, line: str, criterion: str
) -> None:
    assert criterion not in flagged(tmp_path, line)


@pytest.mark.parametrize(
    ("line", "criterion"),
    [
        # a complaint about a duty given, in a clause of its own
        ("Peer staff pass meds at night, which is not peer work.", "no-clinical-duties"),
        (
            "Peers pass meds at night because there is no nurse and not enough peers.",
            "no-clinical-duties",
        ),
        # someone else is not the peer role
        ("Peers pass medications, not the nurses.", "no-clinical-duties"),
        ("Peer specialists handle client funds, not the peer supervisor.", "no-clinical-duties"),
        # an exemption denied
        ("Peers are not exempt from the med pass.", "no-clinical-duties"),
        ("No peer is exempt from the weekend med pass.", "no-clinical-duties"),
    ],
)
def test_not_by_or_exempt_said_of_something_else_keeps_the_flag(
    tmp_path: Path, line: str, criterion: str
) -> None:
    assert criterion in flagged(tmp_path, line)


@pytest.mark.parametrize(
    ("line", "criterion"),
    [
        # "no peer" opening a noun phrase is no one's duty denied
        ("Kevin is still the only peer there, no peer on site for 4 months.", "small-peer-teams"),
        (
            "You'll be the only peer staff in the facility - no peer meetings for now.",
            "small-peer-teams",
        ),
        (
            "The peer's only supervisor is the house manager (LPN), no peer training.",
            "peer-supervisors",
        ),
        # a duty complained of as "not peer work" is still a duty given
        (
            "Peers do the jail booking health questionnaire, which is intake screening, not peer work.",
            "no-clinical-duties",
        ),
        ("No peer staff member is exempt from the evening medication pass.", "no-clinical-duties"),
    ],
)
def test_no_peer_before_a_noun_denies_no_duty(tmp_path: Path, line: str, criterion: str) -> None:
    assert criterion in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "During crisis calls a CPS goes out only with a clinician, and the person can say no to the peer.",
        "Peers go in pairs with a clinician and guests can say no to the peer at any time.",
    ],
)
def test_saying_no_to_the_peer_is_a_right_that_negates_nothing(tmp_path: Path, line: str) -> None:
    data = scan_evidence(tmp_path, line + "\n")
    assert cited_passages(data, "peers-in-mobile-crisis")


def test_excused_from_a_meeting_to_cover_the_floor_still_covers_it(tmp_path: Path) -> None:
    line = (
        "When staffing is short they are excused from the Peer Support Department meeting "
        "to cover the floor."
    )
    assert "no-clinical-duties" in flagged(tmp_path, line)


@pytest.mark.parametrize(
    ("line", "criterion"),
    [
        ("also peer team mtg got bumped again. 3rd time this month", "peer-support-team"),
        ("(c) Discontinue the monthly peer team day in Glennallen.", "peer-support-team"),
        (
            "Peer Recovery Support Specialist cert within 1 year, at employee's expense",
            "peer-specific-training",
        ),
        ("Request for paid IPS training denied for FY27.", "peer-specific-training"),
        # a negation inside the "if" is the condition, not a negation of it
        ("Specialist positions end if TOR funds are not continued.", "peer-retention-and-pay"),
    ],
)
def test_the_words_of_this_rounds_workplaces(tmp_path: Path, line: str, criterion: str) -> None:
    assert criterion in flagged(tmp_path, line)


def test_funding_said_not_to_depend_on_a_grant_is_still_negated(tmp_path: Path) -> None:
    line = "Peer positions are not funded through the grant; they are in the base budget."
    assert "peer-retention-and-pay" not in flagged(tmp_path, line)


# The outside review's cases: each rule reached too far, or not far enough.
@pytest.mark.parametrize(
    ("line", "criterion"),
    [
        # a clause of its own after "but" or "and" says who does something else
        (
            "Peers pass meds on nights, but pat-downs are done by security, not peers.",
            "no-clinical-duties",
        ),
        (
            "Peers pass meds on weekends, and the day shift is covered by nursing, not peers.",
            "no-clinical-duties",
        ),
        (
            "Los pares entregan medicamentos, pero las requisas las hace seguridad, no los pares.",
            "no-clinical-duties",
        ),
        # "recovery" is no peer role; "not, peer or not" is no "not peer"
        (
            "Peer staff will collect drug screens for compliance, not for recovery.",
            "voluntary-peer-support",
        ),
        (
            "Everyone here does UAs and pat-downs, nurse or not, peer or not.",
            "voluntary-peer-support",
        ),
        # taken back after it
        (
            "Pat-downs are done by security, never by peer staff, unless security is unavailable.",
            "voluntary-peer-support",
        ),
        # who gets the meds, not who passes them
        ("Peer specialists pass meds to clients, not to peers.", "no-clinical-duties"),
        ("Los pares entregan medicamentos a los clientes, no a los pares.", "no-clinical-duties"),
        # an exemption from something else, or limited
        (
            "Peer specialists are exempt from overtime and pass meds on weekends.",
            "no-clinical-duties",
        ),
        ("Peer staff, exempt from on-call, will do UAs daily.", "voluntary-peer-support"),
        (
            "Peers are excused from group supervision to pass meds when the nurse is out.",
            "no-clinical-duties",
        ),
        (
            "Peer specialists are excused from the med pass only when a nurse is on site.",
            "no-clinical-duties",
        ),
        (
            "Peer specialists are exempt from the med pass except during staffing shortages.",
            "no-clinical-duties",
        ),
        # an "if" before the match, with no comma, conditions nothing after it
        ("Peers pass meds if the nurse is not on site.", "no-clinical-duties"),
    ],
)
def test_the_new_rules_keep_real_red_flags(tmp_path: Path, line: str, criterion: str) -> None:
    assert criterion in flagged(tmp_path, line)


@pytest.mark.parametrize(
    ("line", "criterion"),
    [
        ("Meds are passed by nursing, not by peer staff members.", "no-clinical-duties"),
        ("Pat-downs are done by security and never by any peer staff.", "voluntary-peer-support"),
        (
            "Pat-downs are done by security, never the peer support specialists.",
            "voluntary-peer-support",
        ),
        ("Peers do not carry a caseload and are exempt from the med pass.", "no-clinical-duties"),
        (
            "Unless stated otherwise medication administration is not a peer duty.",
            "no-clinical-duties",
        ),
        ("If hired medication administration is not part of your duties.", "no-clinical-duties"),
    ],
)
def test_the_new_rules_reach_these_wordings(tmp_path: Path, line: str, criterion: str) -> None:
    assert criterion not in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Peer team meeting bumped up to twice a month starting in March.",
        "Peer group days at the drop-in center were cancelled for the snowstorm.",
        "Peer staff sick days were eliminated in the new contract.",
        "Peers requested training on appealing denied SSI claims.",
        "Request: training for peers on helping members whose benefits were denied.",
    ],
)
def test_the_new_words_keep_to_their_meaning(tmp_path: Path, line: str) -> None:
    assert not flagged(tmp_path, line) & {"peer-support-team", "peer-specific-training"}


@pytest.mark.parametrize(
    "row",
    [
        "| Medication pass | Daily at 8am and 8pm; no medication pass on weekends |",  # when, not who
        "| Conduct UAs | Peer Recovery Coach; RN does not conduct UAs |",  # someone else refuses it
    ],
)
def test_a_row_whose_negation_says_nothing_of_peers_keeps_its_flag(
    tmp_path: Path, row: str
) -> None:
    data = scan_evidence(tmp_path, ROLES_TABLE.format(row=row), name="roles.md")
    assert not [n for n in data["not_counted"] if n["reason"].startswith("its table row says")]


@pytest.mark.parametrize(
    "heading",
    [
        "DOVER CROSSING HOSPITAL          Administrative Policy          No. NSG-0931",
        "Contract No: 24-117",
        "Item No. 4 - Peer staffing",
    ],
)
def test_no_abbreviating_number_excludes_nothing(tmp_path: Path, heading: str) -> None:
    text = f"{heading}\n\nRecovery coaches pass medications on the night shift.\n"
    assert "no-clinical-duties" in flagged(tmp_path, text)


def test_yes_or_no_is_an_answer_not_a_negation(tmp_path: Path) -> None:
    line = "RCs call patients to ask whether they take their buprenorphine and record yes/no in the medical record."
    assert "no-clinical-duties" in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Duties do not include: med pass, petty cash or progress notes.",
        "No. Peer staff never pass medications.",
    ],
)
def test_a_real_no_still_negates(tmp_path: Path, line: str) -> None:
    assert "no-clinical-duties" not in flagged(tmp_path, line)


@pytest.mark.parametrize("lead_in", ["What we did NOT get:", "Lo que no logramos:"])
def test_what_a_union_did_not_win_is_no_excluding_lead_in(tmp_path: Path, lead_in: str) -> None:
    text = f"{lead_in}\n\n- Supervision stays with the Behavioral Health Nurse Manager.\n"
    assert "peer-supervisors" in flagged(tmp_path, text, name="memo.md")


def test_each_entry_of_a_log_is_a_passage_of_its_own(tmp_path: Path) -> None:
    text = (
        "PHONE NOTES\n\n"
        "Mon 9:05  Kaimana from the clinic called. Says the clinic wants us to do the PHQ-9\n"
        "for everybody at check-in.\n"
        "Tues 2:30 Nurse asked me to deliver his meds at the house and watch him take them.\n"
        "Tues 2:32 She said if he won't take them, call her and she reports to his PO.\n"
        "0912 Phone: troopers ETA 2 hrs.\n"
    )
    data = scan_evidence(tmp_path, text)
    lines = {f["location"] for f in data["red_flags"]}
    assert {"line 3", "line 5", "line 6"} <= lines, lines


def test_a_time_in_a_wrapped_sentence_starts_no_entry(tmp_path: Path) -> None:
    text = "The peer meeting moves from Thursday at\n2:30 PM to Friday; peers will pass meds after it.\n"
    data = scan_evidence(tmp_path, text)
    assert [f["location"] for f in data["red_flags"]] == ["line 1"]


# Tried in the round and taken back after the second review: "nothing" as a negation
# ("Nothing says teamwork like …") and "prevent" as a denial of one ("will not, in order to
# prevent role drift, administer medications").
@pytest.mark.parametrize(
    "line",
    [
        "Peers do nothing but paperwork and the med pass these days.",
        "It's nothing, just help with the med pass on weekends.",
        "Nothing says teamwork like peers who help with med pass.",
        "We ask nothing more of peer specialists than help with the med pass.",
    ],
)
def test_nothing_negates_no_duty(tmp_path: Path, line: str) -> None:
    assert "no-clinical-duties" in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Peer specialists will not, in order to prevent role drift, administer medications.",
        "Peer staff shall not, in order to restrict overtime, cover the front desk.",
    ],
)
def test_a_purpose_between_a_negation_and_its_duty_denies_nothing(
    tmp_path: Path, line: str
) -> None:
    assert "no-clinical-duties" not in flagged(tmp_path, line)


# The second review's cases.
@pytest.mark.parametrize(
    ("line", "criterion"),
    [
        (
            "Peer specialists are exempt from medication administration and room searches.",
            "voluntary-peer-support",
        ),
        ("Peer staff are excused from med pass and bed checks.", "no-clinical-duties"),
        ("Med pass is assigned to nursing, not to peer staff.", "no-clinical-duties"),
        (
            "Room searches are done by MHWs, not by peer staff, unless otherwise noted in the handbook.",
            "voluntary-peer-support",
        ),
    ],
)
def test_a_list_exempted_or_a_task_assigned_elsewhere_is_no_flag(
    tmp_path: Path, line: str, criterion: str
) -> None:
    assert criterion not in flagged(tmp_path, line)


@pytest.mark.parametrize(
    ("line", "criterion"),
    [
        ("Our peer team day was bumped.", "peer-support-team"),
        ("Peer networking day got bumped again for census.", "paid-networking"),
    ],
)
def test_a_day_bumped_is_withdrawn(tmp_path: Path, line: str, criterion: str) -> None:
    assert criterion in flagged(tmp_path, line)


def test_a_time_opening_a_wrapped_line_of_a_log_entry_starts_no_entry(tmp_path: Path) -> None:
    text = (
        "LOG\n\n"
        "Tues 2:32 Supervisor said peer staff will not be asked to do the med pass or\n"
        "10:00 pm bed checks anymore.\n"
        "Tues 2:40 Manager said the RN covers the rest.\n"
    )
    assert "no-clinical-duties" not in flagged(tmp_path, text)


def test_a_posting_s_roles_table_and_duties(tmp_path: Path) -> None:
    """A real-style posting: a roles table whose notes keep peers from each task, and
    duties listed under it."""
    text = (
        "## Roles on the unit\n\n"
        "| Task | Who does it |\n|---|---|\n"
        "| Urine drug screens | Nursing only – peers never collect specimens |\n"
        "| Sitter / 1:1 observation | Patient care techs; peers are exempt from sitter duty |\n\n"
        "## What you'll do\n\n"
        "- Pat-downs and belongings searches are done by security, never by peer staff.\n"
        "- Cover the front desk when registration is short.\n"
    )
    data = scan_evidence(tmp_path, text, name="posting.md")
    assert [(f["criterion"], f["excerpt"][:9]) for f in data["red_flags"]] == [
        ("no-clinical-duties", "Cover the")
    ]


@pytest.mark.parametrize(
    ("table", "criterion"),
    [
        (
            "| # | Item | Met? | Notes |\n|---|---|---|---|\n"
            "| 7 | Peers free of med, money and charting duties | No | Peers complete daily shift notes |\n",
            "no-clinical-duties",
        ),
        (
            "| Item | Verdict | Note |\n|---|---|---|\n"
            "| Ratio documented | Not met | 1 CPSS for 360 people; no rationale. |\n",
            "peer-staffing-ratio",
        ),
    ],
)
def test_a_verdict_cell_negates_no_duty_in_a_later_cell(
    tmp_path: Path, table: str, criterion: str
) -> None:
    assert criterion in flagged(tmp_path, table, "checklist.md")


def test_a_no_in_the_next_cell_still_answers_its_task(tmp_path: Path) -> None:
    table = "| Task | Peer role |\n|---|---|\n| Medication administration | No |\n"
    assert "no-clinical-duties" not in flagged(tmp_path, table, "matrix.md")
