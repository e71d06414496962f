"""Structure typed by hand (titles, bullets, bold lines) is read alike in every format,
without hiding the red flags a title-shaped line or a page header could swallow."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from conftest import pdf_of

from advocacy.cli import main
from advocacy.evidence import read_bid
from advocacy.evidence.pdf_lines import _BOLD_NAME, PdfLine, passages_from_lines
from advocacy.evidence.titles import BULLET, is_title

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def flagged(path: Path) -> list[str]:
    result = CliRunner().invoke(main, ["score", "evidence", str(path), "--json"])
    assert result.exit_code == 0, result.output
    return [f["excerpt"] for f in json.loads(result.stdout)["red_flags"]]


def word(path: Path, paragraphs: list[tuple[str, bool]]) -> Path:
    """A Word document of plain paragraphs, each (text, set in bold throughout)."""
    document = docx.Document()
    for text, bold in paragraphs:
        document.add_paragraph().add_run(text).bold = bold
    document.save(str(path))
    return path


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("Functions Not Included", True),
        ("ESSENTIAL FUNCTIONS", True),
        ("1. DEFINITIONS", True),
        ("4.3 Peer Support Component", True),
        ("What you'll do:", True),
        ("MUST BE ABLE TO TRANSPORT CLIENTS IN PERSONAL VEHICLE", False),  # a sentence
        ("EL PERSONAL DEBE CONTAR MEDICAMENTOS", False),
        ("1. Medication Administration", False),  # an item of a numbered list
        ("Outside the peer role:", False),  # a lead-in: it excludes its list, not a section
        ("Peer staff will never be asked to:", False),
        ("Reports to", False),  # a label whose value follows
    ],
)
def test_what_is_a_title_line(line: str, title: bool) -> None:
    assert is_title(line) is title


def test_typed_markers_are_items_but_not_a_leading_abbreviation() -> None:
    for marker in ("(a) administer", "b) hold funds", "(iv) cover shifts", "(12) count"):
        assert BULLET.match(marker), marker
    for text in ("(RN) staff only administer medications", "(PRN) coverage as needed"):
        assert not BULLET.match(text), text


@pytest.mark.parametrize("suffix", ["md", "docx"])
def test_an_excluding_lead_in_reaches_its_list_not_what_follows(
    tmp_path: Path, suffix: str
) -> None:
    lines = [
        "Peer staff will never be asked to:",
        "(a) count controlled substances;",
        "(b) act as representative payee.",
        "During evening shifts, coaches administer medications to residents.",
    ]
    path = tmp_path / f"bid.{suffix}"
    if suffix == "md":
        path.write_text("\n\n".join(lines) + "\n", "utf-8")
    else:
        word(path, [(line, False) for line in lines])
    assert flagged(path) == [lines[-1]]


def test_a_bold_word_paragraph_heads_only_when_it_is_a_title(tmp_path: Path) -> None:
    path = word(
        tmp_path / "bid.docx",
        [
            ("Work that belongs to nurses", True),
            ("Pay: $21.50 per hour, with a raise after 90 days", True),
            ("Coaches must administer medications on evening shifts", True),
        ],
    )
    passages = read_bid(path).passages
    assert [(p.text[:11], p.heading) for p in passages] == [
        ("Pay: $21.50", "Work that belongs to nurses"),
        ("Coaches mus", "Work that belongs to nurses"),
    ]
    assert flagged(path) == ["Coaches must administer medications on evening shifts"]


def test_a_one_cell_table_is_read_as_the_text_it_boxes(tmp_path: Path) -> None:
    lines = [
        "Functions Not Included",
        "The Contractor shall not assign Peer Recovery Coaches to:",
        "(a) administer, count or observe medication;",
        "(b) act as representative payee or hold client funds.",
    ]
    flat = word(tmp_path / "flat.docx", [(line, False) for line in lines])
    document = docx.Document()
    cell = document.add_table(rows=1, cols=1).cell(0, 0)
    cell.text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)
    boxed = tmp_path / "boxed.docx"
    document.save(str(boxed))
    assert flagged(boxed) == flagged(flat) == []
    assert [p.heading for p in read_bid(boxed).passages] == ["Functions Not Included"] * 3


def test_a_form_cell_in_a_content_control_keeps_its_row(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    cells = [("Task", "Peer Specialist"), ("Count meds", "No")]
    for row, (task, peer) in zip(table.rows, cells, strict=True):
        row.cells[0].text, row.cells[1].text = task, peer
    tc = table.rows[1]._tr.findall(f"{W}tc")[1]  # wrap the peer cell as a form field is
    sdt = copy.deepcopy(tc)
    sdt.tag = f"{W}sdt"
    for child in list(sdt):
        sdt.remove(child)
    content = sdt.makeelement(f"{W}sdtContent", {})
    sdt.append(content)
    tc.addprevious(sdt)
    content.append(tc)
    path = tmp_path / "form.docx"
    document.save(str(path))
    row = next(p for p in read_bid(path).passages if "Count meds" in p.text)
    assert (row.text, row.peer_cell) == ("Count meds | No", "No")


def test_a_word_tab_separates_words(tmp_path: Path) -> None:
    document = docx.Document()
    run = document.add_paragraph().add_run("Salary")
    run.add_tab()
    run.add_text("$21.50 per hour")
    path = tmp_path / "tab.docx"
    document.save(str(path))
    assert read_bid(path).passages[0].text == "Salary $21.50 per hour"


def test_a_document_of_title_lines_only_is_read(tmp_path: Path) -> None:
    path = word(tmp_path / "flyer.docx", [("PEER SUPPORT GROUP", False), ("ALL WELCOME", False)])
    assert [p.text for p in read_bid(path).passages] == ["PEER SUPPORT GROUP", "ALL WELCOME"]


def test_pdf_running_headers_are_not_headings() -> None:
    header = "Riverbend Community Services Peer Recovery Coach"
    lines = [
        PdfLine(header, 1, 11.0, False, 760.0),
        PdfLine("Functions Not Included", 1, 14.0, False, 700.0),
        PdfLine("• administer medication", 1, 11.0, False, 680.0),
        PdfLine(header, 2, 11.0, False, 760.0),
        PdfLine("• hold client funds", 2, 11.0, False, 700.0),
    ]
    assert [p[:4] for p in passages_from_lines(lines)] == [
        ("administer medication", 1, "Functions Not Included", True),
        ("hold client funds", 2, "Functions Not Included", True),
    ]


def test_pdf_word_hyphenated_across_two_lines_is_no_title_line() -> None:
    lines = [
        PdfLine("Medication Admin-", 1, 11.0, False),
        PdfLine("istration by peer staff on the evening shift is required.", 1, 11.0, False),
    ]
    assert [p[:4] for p in passages_from_lines(lines)] == [
        (
            "Medication Administration by peer staff on the evening shift is required.",
            1,
            None,
            False,
        )
    ]


def test_pdf_bold_by_font_name() -> None:
    assert _BOLD_NAME.search("DejaVuSans-Bold") and _BOLD_NAME.search("Arial-Black")
    assert not _BOLD_NAME.search("NotoSansCJKjp-DemiLight")


@pytest.mark.libreoffice
def test_pdf_run_in_bold_label_is_no_heading(tmp_path: Path) -> None:
    """LibreOffice's PDFs give bold only by the font's name; a bold "Pay:" starts a line."""
    document = docx.Document()
    for label, rest in [("Pay:", " $21.50 per hour, $24.00 with CPS certification")] * 1 + [
        ("Medication:", " Peer Recovery Coaches administer medications to residents.")
    ]:
        paragraph = document.add_paragraph()
        paragraph.add_run(label).bold = True
        paragraph.add_run(rest)
    source = tmp_path / "labels.docx"
    document.save(str(source))
    passages = read_bid(pdf_of(source, tmp_path)).passages
    assert [p.heading for p in passages] == [None, None]
    assert flagged(source.with_suffix(".pdf")) == [
        "Medication: Peer Recovery Coaches administer medications to residents."
    ]


def test_pdf_bold_numbered_question_heads_its_section() -> None:
    lines = [
        PdfLine("7.5.2 Which functions will peer staff not perform?", 1, 11.0, True),
        PdfLine("Peer staff do not write progress notes.", 1, 11.0, False),
        PdfLine("Coaches must administer medications on evening shifts", 1, 11.0, True),
    ]
    assert [p.heading for p in passages_from_lines(lines)] == [
        "7.5.2 Which functions will peer staff not perform?",
        "7.5.2 Which functions will peer staff not perform?",
    ]


SENTENCE_CASE = [
    "Peer staff work in pairs.",
    "Supervision and support",
    "The coaches are supervised weekly by a peer supervisor with lived experience.",
]


@pytest.mark.parametrize("suffix", ["txt", "md", "docx"])
def test_a_sentence_case_title_heads_the_text_after_it(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"bid.{suffix}"
    if suffix == "txt":
        path.write_text(f"{SENTENCE_CASE[0]}\n\n{SENTENCE_CASE[1]}\n{SENTENCE_CASE[2]}\n", "utf-8")
    elif suffix == "md":
        path.write_text("\n\n".join(SENTENCE_CASE) + "\n", "utf-8")
    else:
        word(path, [(line, False) for line in SENTENCE_CASE])
    assert [(p.text, p.heading) for p in read_bid(path).passages] == [
        (SENTENCE_CASE[0], None),
        (SENTENCE_CASE[2], "Supervision and support"),
    ]


def test_a_sentence_case_title_in_a_pdf_heads_the_text_after_it() -> None:
    lines = [PdfLine(text, 1, 11.0, False) for text in SENTENCE_CASE]
    lines.insert(
        0,
        PdfLine("A long first line that sets the width of the page for this test", 1, 11.0, False),
    )
    assert [p.heading for p in passages_from_lines(lines)][-1] == ("Supervision and support")


@pytest.mark.parametrize("suffix", ["md", "docx"])
def test_short_lines_followed_by_short_lines_stay_duties(tmp_path: Path, suffix: str) -> None:
    lines = ["Medication administration", "Budgeting with clients", "Facilitate groups"]
    path = tmp_path / f"bid.{suffix}"
    if suffix == "md":
        path.write_text("\n\n".join(lines) + "\n", "utf-8")
    else:
        word(path, [(line, False) for line in lines])
    assert [p.heading for p in read_bid(path).passages] == [None, None, None]


def test_a_first_cell_merged_down_keeps_its_position_for_every_row(tmp_path: Path) -> None:
    """ "Program Nurse" merged over two rows: both rows are the nurse's duties."""
    document = docx.Document()
    table = document.add_table(rows=3, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Position", "Duties"
    merged = table.cell(1, 0).merge(table.cell(2, 0))
    merged.text = "Program Nurse"
    table.cell(1, 1).text = "Administers medications at 8 am and 8 pm"
    table.cell(2, 1).text = "Counts controlled substances each shift"
    path = tmp_path / "merged.docx"
    document.save(str(path))
    assert [p.owner for p in read_bid(path).passages][1:] == ["Program Nurse"] * 2
    assert flagged(path) == []


@pytest.mark.parametrize(
    "title",
    [
        "AMENDMENT NO. 3 TO AGREEMENT BHA-22-0457",
        "Enmienda Núm. 2 al Contrato",
        "AMENDMENT Nº 3",
        "Amendment no. 3",
        "ENMIENDA N.º 4",
    ],
)
@pytest.mark.parametrize("suffix", ["md", "docx"])
def test_a_number_sign_in_a_title_is_no_negation(tmp_path: Path, title: str, suffix: str) -> None:
    """'No. 3' is a number: the title over the duties does not exclude them."""
    lines = [title, "The peer specialist shall administer medications to residents at bedtime."]
    path = tmp_path / f"amendment.{suffix}"
    if suffix == "md":
        path.write_text("\n\n".join(lines) + "\n", "utf-8")
    else:
        word(path, [(line, False) for line in lines])
    assert flagged(path) == [lines[-1]]


def test_a_number_sign_ends_no_sentence_and_no_1_to_1_still_negates() -> None:
    from advocacy.evidence.matching import tokenize
    from advocacy.evidence.scope import excluding

    tokens = tokenize("Under Contract No. 12 peers count pills.")
    assert len(set(tokens.sentences)) == 1 and "no" not in tokens.words
    assert excluding("Peers do no 1:1 observation") == "no"
    # An answer "No." before a number opens its sentence: it still says no.
    assert excluding("Will peers count medications? No. 3 licensed nurses do.") == "no"
