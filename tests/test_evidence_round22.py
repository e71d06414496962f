"""Fixes of the round that measured the finder on heldout89-96: pipe tables typed
without their outer pipes, and files of title lines only."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import cited_passages, flagged, scan_evidence

from advocacy.evidence.segment import segment_text


@pytest.mark.parametrize("name", ["roles.txt", "roles.md"])
def test_a_table_typed_without_outer_pipes_is_read_as_a_table(tmp_path: Path, name: str) -> None:
    text = "Duty | Who does it | Notes\nMedication pass | Peer Specialist | no weekends\n"
    data = scan_evidence(tmp_path, text, name=name)
    flags = [f for f in data["red_flags"] if f["criterion"] == "no-clinical-duties"]
    assert [f["location"] for f in flags] == ["line 2"]


def test_a_bare_table_row_keeps_its_cells_and_owner() -> None:
    rows = list(segment_text("Task | Who\n--- | ---\nPetty cash | Front office\n"))
    assert [(s.text, s.owner, s.heading) for s in rows] == [
        ("Task | Who", "Task", False),
        ("Petty cash | Front office", "Petty cash", False),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Home | About | Contact\n\nPeer specialists pass medications.\n",  # one line: a menu
        "Pay | Benefits\nSchedule | Location\n",  # two cells, no rule row: not enough to tell
        "Peers | never | pass meds\nNursing | does it\n",  # not the same number of cells
    ],
)
def test_lines_with_pipes_that_are_no_table_stay_as_they_were(text: str) -> None:
    assert all(s.owner is None for s in segment_text(text))


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("flyer.txt", "PEER SPECIALIST\n\nMedication Administration and Cash Handling\n"),
        ("flyer.md", "# Peer Specialist\n\n## Medication administration and cash handling\n"),
    ],
)
def test_a_file_of_title_lines_only_is_read_as_it_is(tmp_path: Path, name: str, text: str) -> None:
    assert "no-clinical-duties" in flagged(tmp_path, text, name=name)


def test_a_file_of_blank_lines_still_has_no_text(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from advocacy.cli import main

    (tmp_path / "blank.txt").write_text("\n\n  \n", encoding="utf-8")
    result = CliRunner().invoke(main, ["score", "evidence", str(tmp_path / "blank.txt")])
    assert result.exit_code == 1
    assert "has no text" in result.output


def test_a_pdf_of_title_lines_only_is_read_as_it_is() -> None:
    """A flyer: a big title and lines in bold, no running text. The PDF reader read every
    line as a heading and said the PDF had no text layer."""
    from advocacy.evidence.pdf_lines import PdfLine, passages_from_lines

    lines = [
        PdfLine("Peer Specialist Wanted", 1, 20.0, True, 700.0, 72.0),
        PdfLine("Medication Administration", 1, 12.0, True, 660.0, 72.0),
        PdfLine("and Cash Handling", 1, 12.0, True, 646.0, 72.0),
    ]
    assert [p.text for p in passages_from_lines(lines)] == [
        "Peer Specialist Wanted",
        "Medication Administration and Cash Handling",
    ]


def test_a_pdf_with_running_text_keeps_its_titles_as_headings() -> None:
    from advocacy.evidence.pdf_lines import PdfLine, passages_from_lines

    lines = [
        PdfLine("Medication Administration", 1, 16.0, True, 700.0, 72.0),
        PdfLine("Peer staff never give out medication.", 1, 12.0, False, 670.0, 72.0),
    ]
    assert [(p.text, p.heading) for p in passages_from_lines(lines)] == [
        ("Peer staff never give out medication.", "Medication Administration")
    ]


@pytest.mark.parametrize(
    ("line", "criterion"),
    [
        # cards and passes that stand for money
        ("Sam (peer) is holding the $20 gift cards for survey incentives.", "no-clinical-duties"),
        ("Peers grab the ORCA cards and grocery cards from the safe.", "no-clinical-duties"),
        ("Peer navigators distribute bus passes and log each one.", "no-clinical-duties"),
        ("Peers pick up the move-in check from finance.", "no-clinical-duties"),
        ("Pedro lleva el sobre de tarjetas de regalo y cuenta cada tarde.", "no-clinical-duties"),
        # named instruments
        ("Peers: finish VI-SPDATs for everyone on the list.", "no-clinical-duties"),
        ("Each peer will complete the ANSA reassessment every 90 days.", "no-clinical-duties"),
        ("Coaches complete GPRA interviews at intake.", "no-clinical-duties"),
        # a hold's part, in other words
        ("Peers sit with the patient til PD gets here for the petition.", "peers-in-mobile-crisis"),
        ("If anyone escalates, peers help PD move them to the van.", "peers-in-mobile-crisis"),
        ("The peer rides along on every DCR evaluation.", "peers-in-mobile-crisis"),
        (
            "Si alguien está en crisis, Luis hace el screening de suicidio.",
            "peers-in-mobile-crisis",
        ),
        ("El par acompaña en el transporte al hospital psiquiátrico.", "peers-in-mobile-crisis"),
        # a request put as a question hands the duty over
        ("can one of the peers pick up the move-in check from finance?", "no-clinical-duties"),
        # open charts are people
        ("Ratio: 2 peers to 1,150 open charts.", "peer-staffing-ratio"),
    ],
)
def test_more_words_of_these_workplaces_raise_their_flag(
    tmp_path: Path, line: str, criterion: str
) -> None:
    assert criterion in flagged(tmp_path, line)


@pytest.mark.parametrize(
    ("line", "criterion"),
    [
        ("Peers never hold gift cards, bus passes or move-in checks.", "no-clinical-duties"),
        ("Volunteers receive a $25 gift card each month.", "no-clinical-duties"),
        ("Peers do not complete the VI-SPDAT or the ANSA.", "no-clinical-duties"),
        (
            "Peers stay with the person until the crisis clinician arrives.",
            "peers-in-mobile-crisis",
        ),
        ("Can one of the peers tell us how they keep boundaries?", "no-clinical-duties"),
    ],
)
def test_the_same_words_that_keep_peers_out_raise_no_flag(
    tmp_path: Path, line: str, criterion: str
) -> None:
    assert criterion not in flagged(tmp_path, line)


@pytest.mark.parametrize(
    ("line", "criterion"),
    [
        (
            "The Employer declines to provide paid time for peer network meetings.",
            "paid-networking",
        ),
        ("Peer trainings scheduled for March (IPS Core) are postponed.", "peer-specific-training"),
        ("Our weekly peer supervision has been suspended.", "peer-supervisors"),
    ],
)
def test_a_protection_refused_or_put_off_is_no_evidence(
    tmp_path: Path, line: str, criterion: str
) -> None:
    data = scan_evidence(tmp_path, line + "\n")
    assert cited_passages(data, criterion) == []
    assert any(n["criterion"] == criterion for n in data["not_counted"])


@pytest.mark.parametrize(
    ("line", "criterion"),
    [
        # the person's choice is still the protection
        ("The person may decline to talk with the peer.", "voluntary-peer-support"),
        # a meeting that is never called off is still held
        ("The peer team meeting is held every Tuesday and is protected time.", "peer-support-team"),
    ],
)
def test_a_choice_to_decline_is_still_evidence(tmp_path: Path, line: str, criterion: str) -> None:
    assert cited_passages(scan_evidence(tmp_path, line + "\n"), criterion)


@pytest.mark.parametrize(
    "line",
    [
        "Peer staff may not decline to pass medications.",
        "Dimitri declined to assist with a restraint and was written up.",
    ],
)
def test_a_refusal_held_against_a_peer_still_flags(tmp_path: Path, line: str) -> None:
    assert flagged(tmp_path, line) & {"no-clinical-duties", "peers-in-mobile-crisis"}


@pytest.mark.parametrize(
    "line",
    [
        "Each Navigator will carry approximately 150 patients.",
        "The hub reports 1 coach for ~900 patients.",
        "About 210 clients on supervision; one navigator.",
        "Jail ADP ~180; one coach.",
    ],
)
def test_a_bare_peer_title_after_its_count_is_read_as_peer_staff(tmp_path: Path, line: str) -> None:
    from advocacy.evidence.staffing import overloaded

    assert overloaded(line, 60)


@pytest.mark.parametrize(
    "line",
    [
        "Each housing navigator will carry approximately 150 households.",
        "One health coach serves 400 members.",
        "We serve 300 families; one peer team meets weekly.",
        "Each mentor meets with 3 veterans a week.",
    ],
)
def test_another_title_or_a_small_figure_is_not_too_many_per_peer(line: str) -> None:
    from advocacy.evidence.staffing import overloaded

    assert overloaded(line, 60) == []
