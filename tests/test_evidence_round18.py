"""Reading fixes of the round that measured the finder on heldout49-52: lines a
reader took for headings, "No." that abbreviates "number", and a floor written
"not less than"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import scan_evidence

from advocacy.evidence.matching import find, tokenize
from advocacy.evidence.scope import excluding, negation
from advocacy.evidence.segment import segment_text

PERKS = (
    "Certified Peer Specialist - ACT Team\n"
    "What you bring\n"
    "Lived experience of serious mental illness is required for the role.\n"
    "PA CPS certification.\n"
    "Perks\n"
    "Agency-paid training in Intentional Peer Support and WRAP, on paid time\n"
    "Weekly supervision with the ACT Team Leader (LPC)\n"
    "Pay equivalent to Patient Care Tech I\n"
    "Monthly meeting with the agency's CPS staff from all programs\n"
)


def test_lines_of_a_list_without_marks_are_read_not_taken_for_headings() -> None:
    """A line with many capitals (names, acronyms) but words that say something in
    small letters, inside a block of lines, is an item: before, three perks were
    headings and no rule or reader saw them."""
    read = {s.line: s.heading for s in segment_text(PERKS)}
    assert read == {
        1: True,
        2: True,
        3: False,
        4: False,
        5: True,
        6: False,
        7: False,
        8: False,
        9: False,
    }


@pytest.mark.parametrize(
    "text",
    [
        # a document's first line, and a title with a blank line after it
        "Peer Support Advocate – Mobile Crisis Intervention (24/7 team)\nNorth Valley Crisis Services\n",
        "Intro.\n\nScope of Work for Peer Support Services under Medicaid\n\nThe contractor will hire peers.\n",
        # a numbered section and a lead-in
        "Intro.\nSection 6. Program participation\nResidents attend house meetings.\n",
        "Intro.\nA few changes effective today, per leadership:\n1) Peers cover the front desk.\n",
    ],
)
def test_titles_stay_titles(text: str) -> None:
    first = next(s for s in segment_text(text) if s.text != "Intro.")
    assert first.heading


@pytest.mark.parametrize(
    "heading",
    [
        "Tasks outside the Peer Specialist Role",
        "Duties excluded from the Peer Coach Role",
        "Activities prohibited for Recovery Coaches",
    ],
)
def test_an_excluding_heading_in_a_block_still_heads_its_lines(
    tmp_path: Path, heading: str
) -> None:
    """A heading that excludes stays a heading among lines of text, so what it lists
    is not counted (the outside review found these flagged after the item fix)."""
    text = (
        "Peer Support Specialist - Adult Outpatient Clinic\n"
        "The Peer Support Specialist works alongside clinicians to support people.\n"
        f"{heading}\n"
        "Administering or passing medication to patients\n"
        "Physical restraint or holds during a crisis\n"
    )
    assert not scan_evidence(tmp_path, text)["red_flags"]


def test_a_heading_with_the_abbreviation_no_for_number_excludes_nothing(tmp_path: Path) -> None:
    assert excluding("AMENDMENT 004 TO CONTRACT NO. QD-2231") is None
    assert excluding("Contrato No. 14", "es") is None
    assert excluding("Contract No. SCCMHA-27-114") is None  # a code of six letters
    assert excluding("AMENDMENT 3 TO CONTRACT NO. RFP-BH-24-07") is None
    assert excluding("Amendment No. 2 to Contract No. DMH-ACS-2017-04") is None
    assert excluding("Duties not included:") == "not"
    text = (
        "AMENDMENT 004 TO CONTRACT NO. QD-2231\n\n"
        "Peer Specialists shall participate in medication deliveries and observe ingestion.\n"
    )
    data = scan_evidence(tmp_path, text)
    assert [f["criterion"] for f in data["red_flags"]] == ["no-clinical-duties"]
    assert not [n for n in data["not_counted"] if "heading" in n["reason"]]


@pytest.mark.parametrize(
    ("sentence", "phrase", "negated"),
    [
        (
            "Each team shall employ not less than two (2) FTE peer specialists.",
            "peer specialists",
            False,
        ),
        ("The contractor shall keep not fewer than one peer per site.", "peer", False),
        ("Peers have no role in No. 5 of the plan, medication.", "medication", True),
        ("See Contract No. 2231 for medication rules.", "medication", False),
        ("Peers do not give medication.", "medication", True),
    ],
)
def test_floors_and_numbers_are_no_negation(sentence: str, phrase: str, negated: bool) -> None:
    tokens = tokenize(sentence, "en")
    ((start, end),) = find(phrase, tokens)
    assert (negation(tokens, start, end) is not None) is negated


def test_no_is_english_too(tmp_path: Path) -> None:
    """An English duty list whose one function word was "no" was read as Spanish,
    and matched with Spanish phrases."""
    text = (
        "Peer Support Specialist, Inpatient Unit\n\n"
        "The peer specialist works with patients on the unit and their families.\n\n"
        "Essential Functions:\n"
        "- Attends daily nursing huddle; no separate peer meeting.\n"
        "- Leads recovery groups.\n"
    )
    data = scan_evidence(tmp_path, text)
    assert data["languages"] == {"en": 3}
    assert [f["criterion"] for f in data["red_flags"]] == ["peer-support-team"]


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("Reparte medicamentos cada mañana, no hay otra.", "es"),
        ("Administra medicamentos; no requiere licencia clínica.", "es"),
        ("Peers will not be asked to give a shot or hold a patient down.", "en"),
    ],
)
def test_no_leaves_the_language_to_the_other_words(line: str, lang: str) -> None:
    from advocacy.evidence.normalise import detect_language_near

    assert detect_language_near(line, "en") == lang


@pytest.mark.parametrize(
    ("line", "criterion"),
    [
        (
            "El curso de certificación de pares corre por cuenta de cada especialista y "
            "debe tomarse fuera del horario de trabajo.",
            "peer-specific-training",
        ),
        (
            "The clinic is staffed by one 0.5 FTE peer specialist, who carries the whole "
            "caseload with help from case managers as needed.",
            "peer-staffing-ratio",
        ),
    ],
)
def test_the_reader_flags_where_a_rule_read_another_meaning(
    tmp_path: Path, line: str, criterion: str
) -> None:
    """A rule's 'means something else' no longer silences the learned reader: it reads
    the sentence's words itself. The rule's reason stays shown."""
    data = scan_evidence(tmp_path, line + "\n", learned=True)
    assert criterion in {f["criterion"] for f in data["red_flags"] if f["chance"]}
    assert any(n["reason"].startswith("means something else") for n in data["not_counted"])


def test_the_lines_under_a_lead_in_are_its_items(tmp_path: Path) -> None:
    """Under "What you'll need:", a short line in sentence case was a heading (text
    of six words came after it) and the lines after it ran together."""
    text = (
        "Peer Specialist\n\n"
        "What you'll need:\n"
        "Lived experience preferred\n"
        "High school diploma / GED, CPR/First Aid\n"
        "All training is provided online through Relias.\n"
    )
    read = [(s.line, s.heading, s.text) for s in segment_text(text)]
    assert read[2:] == [
        (4, False, "Lived experience preferred"),
        (5, False, "High school diploma / GED, CPR/First Aid"),
        (6, False, "All training is provided online through Relias."),
    ]
    flags = scan_evidence(tmp_path, text)["red_flags"]
    assert [(f["criterion"], f["location"]) for f in flags] == [
        ("distinct-job-descriptions", "line 4")
    ]


@pytest.mark.parametrize(
    "line",
    [
        "To be clear, no peer will be doing med pass this weekend - nursing has it covered.",
        "Peers also won't be doing the 15-minute safety checks; that stays with the techs.",
        "Peers will not be covering the front desk when the receptionist is out.",
        "Para que quede claro, ningún par va a repartir medicamentos este fin de semana.",
    ],
)
def test_a_true_negation_stays_unflagged_by_the_reader(tmp_path: Path, line: str) -> None:
    """A rule's negation still silences the learned reader: letting it read negated
    sentences flagged these (outside review of the round)."""
    assert not scan_evidence(tmp_path, line + "\n", learned=True)["red_flags"]


def test_a_word_paragraph_in_capitals_among_others_is_read_as_in_text(tmp_path: Path) -> None:
    """Word and PDF readers take a line for a title as text does: a paragraph with a
    word that says something in small letters is an item, below the document's
    first paragraph (the posting's title stays its title)."""
    from docx import Document

    document = Document()
    for text in [
        "Recovery Coach – Emergency Department (Nights team)",
        "Harbor Point Health is hiring a Recovery Coach for our ED bridge program.",
        "Perks",
        "Weekly supervision with the ED Nurse Manager (RN)",
        "Monthly coaches’ meeting on paid time",
    ]:
        document.add_paragraph(text)
    path = tmp_path / "posting.docx"
    document.save(str(path))
    from click.testing import CliRunner

    from advocacy.cli import main

    result = CliRunner().invoke(main, ["score", "evidence", str(path), "--json", "--no-learned"])
    flags = json.loads(result.output)["red_flags"]
    assert [(f["criterion"], f["excerpt"]) for f in flags] == [
        ("peer-supervisors", "Weekly supervision with the ED Nurse Manager (RN)")
    ]
    assert flags[0]["heading"] == "Perks"
