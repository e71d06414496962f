"""Fixes of the round that measured the finder on heldout145-152 (chronic illness,
hospice, disability, corporate, oil and mining, transport, foster youth, arts) and
on last round's unseen parts: reports on workers and on people's lapses, taking part
made compulsory, supervision by a manager named only by a manager's title, peer
duties added with no pay."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import flagged, scan_evidence

VOLUNTARY = "voluntary-peer-support"
SUPERVISION = "peer-supervisors"
PAY = "peer-retention-and-pay"


@pytest.mark.parametrize(
    ("text", "criterion"),
    [
        ("Miner Buddies should inform their supervisor if they believe a crew member is unsafe to work.",
         VOLUNTARY),
        ("- Rig Peer will watch for hands who seem hungover and let the toolpusher know before tour starts.",
         VOLUNTARY),
        ("- Walk the dock at shift change and let the dispatcher know if a driver seems hungover.",
         VOLUNTARY),
        ("The Advocate will send each operator a daily fit for duty roster of residents.", VOLUNTARY),
        ("- The Peer Mentor informs the Service Coordinator of any failure to follow the Service Plan.",
         VOLUNTARY),
        ("3. Reporting youth who leave without permission (AWOL) to the county CWS worker", VOLUNTARY),
        ("3.2 Complete a Peer Contact Form after each conversation; forms are kept in the employee's HR file.",
         VOLUNTARY),
        ("- Your peer will fill out the wellness checklist and attach it to the event file.", VOLUNTARY),
        ("Staff may not decline a peer support session after a serious event.", VOLUNTARY),
        ("Officers cannot opt out of the peer debrief.", VOLUNTARY),
        ("Completion of peer coaching is required before returning to the line.", VOLUNTARY),
        ("- Attendance at debriefs is tracked on your annual evaluation.", VOLUNTARY),
        ("Reports to: Residential Manager", SUPERVISION),
        ("Reports to the Camp HSE Manager.", SUPERVISION),
        ("Supervised by the Foreman.", SUPERVISION),
        ("Peer Specialists report to the Site Manager.", SUPERVISION),
        # (a manager named only as "the program manager": the supervisor's peer work unknown)
        ("The peer mentor reports to the program manager and coordinates with shelter staff.",
         SUPERVISION),
        ("The Peer Recovery Coach reports to the Program Director.", SUPERVISION),
        ("Los especialistas de pares responden a la gerente del programa.", SUPERVISION),
        ("6.5 Supervision: Community Manager.", SUPERVISION),
        ("Supervision: HEAL Program Manager.", SUPERVISION),
        ("Las especialistas responden a la gerente de propiedad.", SUPERVISION),
        ("- The peer's 2-hr drive each way is off the clock per camp operator.", PAY),
    ],
)  # fmt: skip
def test_reports_compulsion_bosses_and_unpaid_duties_of_the_rounds_settings_are_flagged(
    tmp_path: Path, text: str, criterion: str
) -> None:
    assert criterion in flagged(tmp_path, text)


@pytest.mark.parametrize(
    ("text", "criterion"),
    [
        ("Reports to: Director of Peer Services", SUPERVISION),
        ("Reports to: Director of Recovery Services", SUPERVISION),
        ("Supervisión: Gerente de Servicios de Pares, con experiencia propia como navegadora.",
         SUPERVISION),
        ("Supervised by the Bridger Program Director, who was a Bridger for 6 years.", SUPERVISION),
        ("Supervisor: Program Manager (CPRS, 9 years as a peer)", SUPERVISION),
        ("Peers do not report to the site manager.", SUPERVISION),
        ("Reports to the Operations Lead at the main office.", SUPERVISION),
        ("Supervisión: Directora del programa, que fue mentora par por 8 años.", SUPERVISION),
        ("The program director reports to the board.", SUPERVISION),
        ("Required reading for all supervisors and program managers.", SUPERVISION),
        ("A signed copy of the code of ethics is kept in each employee's personnel file.", VOLUNTARY),
        ("Peers never let a supervisor know if a worker seems hungover.", VOLUNTARY),
        ("The safety supervisor reports a drunk driver to the police.", VOLUNTARY),
        ("The peer specialist's own training certificates are placed in the personnel file.",
         VOLUNTARY),
        ("If you feel unfit to work, tell your supervisor and take a sick day.", VOLUNTARY),
        ("Notify HR if you are unfit for duty and cannot complete your shift.", VOLUNTARY),
        ("Let your supervisor know if you are hungover or unfit to drive.", VOLUNTARY),
        ("The peer coach will let the crew know about the drunk driving prevention event.",
         VOLUNTARY),
        ("Peers let members know that feeling hungover is nothing to be ashamed of.", VOLUNTARY),
        ("Tell us about a time you handled a failure to follow through on a project.", VOLUNTARY),
        ("Disciplinary actions are placed in the personnel file only after union review.",
         VOLUNTARY),
        ("A fit for duty list is maintained by the occupational health nurse.", VOLUNTARY),
        ("The peer coach supports drivers who choose to tell dispatch they are not fit to drive.",
         VOLUNTARY),
        ("Completion of orientation is required before returning from leave, per HR policy.",
         VOLUNTARY),
        ("Staff may not decline assigned shifts without two weeks' notice.", VOLUNTARY),
        ("The CPS cannot opt out of continuing education required for recertification.",
         VOLUNTARY),
        ("Attendance and punctuality are tracked on the annual performance evaluation.",
         VOLUNTARY),
        ("The peer specialist's attendance at trainings is noted in their annual review.",
         VOLUNTARY),
        ("The volunteer coordinator reports to the Director of Development.", SUPERVISION),
        ("The Residential Manager reports to the Regional Director.", SUPERVISION),
        ("Submit monthly reports to the Program Director summarizing aggregate contacts.",
         SUPERVISION),
        ("Peer supporters receive a $2 per hour premium for peer work.", PAY),
        ("Health insurance is offered with no premium for employee-only coverage.", PAY),
        ("No shift differential applies to this day-shift position.", PAY),
        ("We don't pay the hours at a lower rate; peer time is paid at time and a half.", PAY),
        ("Tell your peer if you need to take time off.", VOLUNTARY),
    ],
)  # fmt: skip
def test_the_same_words_of_peer_supervisors_staff_files_and_premiums_are_no_flag(
    tmp_path: Path, text: str, criterion: str
) -> None:
    assert criterion not in flagged(tmp_path, text)


@pytest.mark.parametrize(
    ("text", "criterion"),
    [
        ("C.4 Affiliation. Because the project has only two peer staff, we have signed an MOU "
         "with Kickapoo Peer Run Network for monthly peer supervision circles.", "small-peer-teams"),
        ("3.1 Keep peer mentor caseloads at no more than 15 active mentees per FTE, the level "
         "our 2022 time study showed leaves time for each person.", "peer-staffing-ratio"),
        ("Pay is reviewed yearly against the agency's BHT scale and will remain at least "
         "$3.00/hr above it.", "peer-retention-and-pay"),
    ],
)  # fmt: skip
def test_a_red_flag_phrase_that_means_something_else_leaves_the_sentence_to_the_evidence_reader(
    tmp_path: Path, text: str, criterion: str
) -> None:
    found = scan_evidence(tmp_path, text + "\n", learned=True)
    assert not found["red_flags"]
    assert any(n["reason"].startswith("means something else") for n in found["not_counted"])
    assert any(c["id"] == criterion and c["passages"] for c in found["criteria"])


def test_a_manager_as_the_only_supervisor_is_its_own_flag_not_clinical_supervision(
    tmp_path: Path,
) -> None:
    found = scan_evidence(tmp_path, "Reports to: Residential Manager\n")
    assert [f["flag"] for f in found["red_flags"]] == [
        "Peer staff are supervised by a manager with no peer experience or peer-supervision "
        "training"
    ]
