"""A PDF table's rows are read as rows: each row one passage, its first cell kept.

A PDF has no table structure; LibreOffice and Word write a row's cells one
after another, so the text steps back up the page for each cell. These tests
give the lines as PDFium reports them (text, page, size, bold, baseline, start).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import docx
import pytest
from conftest import pdf_of
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from advocacy.evidence import read_bid
from advocacy.evidence.pdf_lines import PdfLine, passages_from_lines
from advocacy.render import render


def line(text: str, y: float, x: float = 72.0, **more) -> PdfLine:
    return PdfLine(text, 1, 12.0, False, y, x, **more)


INTRO = line("The staffing plan below lists each position and its duties.", 700.0)
AFTER = line("Peer specialists meet as a peer team every Tuesday.", 420.0)


def test_each_row_is_one_passage_with_its_first_cell() -> None:
    lines = [
        INTRO,
        line("Registered", 660.0),
        line("Nurse", 646.0),
        line("Medication administration", 660.0, 200.0),  # the second cell: back up
        line("and shift charting", 646.0, 200.0),
        line("Peer Recovery", 628.4),  # the next row: below the last, in the first column
        line("Specialist", 614.4),
        line("Recovery groups and", 628.4, 200.0),
        line("counting medications", 614.4, 200.0),
        line("at the med pass", 600.4, 200.0),
        AFTER,
    ]
    assert [(p.text, p.owner) for p in passages_from_lines(lines)] == [
        (INTRO.text, None),
        ("Registered Nurse | Medication administration and shift charting", "Registered Nurse"),
        (
            "Peer Recovery Specialist | Recovery groups and counting medications at the med pass",
            "Peer Recovery Specialist",
        ),
        (AFTER.text, None),
    ]


def test_short_cells_that_share_a_line_are_split_by_their_columns() -> None:
    """PDFium joins cells on one baseline into one line ("RN Charge Med pass,"): the
    characters' positions tell where the second column starts."""
    merged = "RN Charge Med pass,"
    xs = tuple(72.0 + 6 * i for i in range(len("RN Charge "))) + tuple(
        200.0 + 6 * i for i in range(len("Med pass,"))
    )
    lines = [
        INTRO,
        line(merged, 660.0, xs=xs, ends=tuple(x + 5 for x in xs)),  # 5 points a character
        line("assessments", 646.0, 200.0),
        line("Nurse Manager", 660.0, 330.0),  # the third cell: back up
        line("Peer Specialist", 628.4),
        line("Recovery groups,", 628.4, 200.0),
        line("WRAP", 614.4, 200.0),
        line("Peer Lead", 628.4, 330.0),
        AFTER,
    ]
    rows = [p for p in passages_from_lines(lines) if p.owner]
    assert [(p.text, p.owner) for p in rows] == [
        ("RN Charge | Med pass, assessments | Nurse Manager", "RN Charge"),
        ("Peer Specialist | Recovery groups, WRAP | Peer Lead", "Peer Specialist"),
    ]


def test_text_in_two_columns_is_no_table() -> None:
    """The second column steps up once, to the first column's top: paragraphs stay."""
    first = ["Peer staff do not pass medications.", "They run recovery groups."]
    second = ["Supervision is by a peer supervisor.", "Pay starts at $24 an hour."]
    lines = [line(t, 660.0 - 14 * i) for i, t in enumerate(first)] + [
        line(t, 660.0 - 14 * i, 320.0) for i, t in enumerate(second)
    ]
    passages = list(passages_from_lines(lines))
    assert all(p.owner is None for p in passages)
    assert " ".join(p.text for p in passages) == " ".join(first + second)
    assert not any("medications" in p.text and "Supervision" in p.text for p in passages)


def test_a_raised_footnote_mark_is_no_table() -> None:
    lines = [
        line("Peer staff are paid for regional network meetings", 660.0),
        line("1", 664.0, 340.0),  # a superscript PDFium reports as a line of its own
        line("and for the state peer conference.", 646.0),
        line("2", 650.0, 250.0),
        line("Supervision is by a peer supervisor.", 620.0),
    ]
    assert all(p.owner is None for p in passages_from_lines(lines))
    assert len(list(passages_from_lines(lines))) <= 3


def test_text_that_never_steps_up_is_no_table() -> None:
    lines = [
        line("Peer staff do not pass medications or keep", 660.0),
        line("progress notes.", 646.0),
        line("Supervision is by a peer supervisor.", 620.0),
    ]
    assert [(p.text, p.owner) for p in passages_from_lines(lines)] == [
        ("Peer staff do not pass medications or keep progress notes.", None),
        ("Supervision is by a peer supervisor.", None),
    ]


def test_a_line_pdfium_joined_at_a_hyphen_keeps_its_paragraph() -> None:
    """PDFium joins "non-" and "attendance …" into one line with two baselines: the
    gap to the next line is from the lower one, not a paragraph's gap."""
    lines = [
        line("Peers never report non-attendance at the", 660.0, last_y=646.0),
        line("day program to a case manager.", 632.0),
        line("Supervision is by a peer supervisor.", 600.0),
    ]
    assert [p.text for p in passages_from_lines(lines)] == [
        "Peers never report non-attendance at the day program to a case manager.",
        "Supervision is by a peer supervisor.",
    ]


@pytest.mark.libreoffice
def table_of(document, rows: list[tuple[str, ...]]):
    """A Word table of ``rows`` added to ``document``."""
    table = document.add_table(rows=0, cols=len(rows[0]))
    for row in rows:
        for cell, value in zip(table.add_row().cells, row, strict=True):
            cell.text = value
    return table


def test_word_table_and_two_column_page_through_libreoffice(tmp_path: Path) -> None:
    """A staffing table's rows, and a page set in two columns, as LibreOffice writes them."""
    document = docx.Document()
    columns = OxmlElement("w:cols")  # two columns of text
    columns.set(qn("w:num"), "2")
    document.sections[0]._sectPr.append(columns)
    text = [
        "Peer specialists run recovery groups at the times people choose.",
        "During evening shifts, coaches administer medications to residents.",
        "Peer staff are supervised by a peer supervisor with five years in a peer role.",
    ] * 8
    for sentence in text:
        document.add_paragraph(sentence).paragraph_format.space_after = 0
    table_of(
        document,
        [
            ("Registered Nurse, evenings", "Medication administration and charting", "Nursing"),
            (
                "Peer Recovery Specialist",
                "Recovery groups, WRAP planning and outreach",
                "Peer Lead",
            ),
            ("Residential Counselor, nights", "Room checks and the petty cash box", "Manager"),
        ],
    )
    source = tmp_path / "plan.docx"
    document.save(str(source))
    passages = read_bid(pdf_of(source, tmp_path)).passages
    assert max(len(p.text) for p in passages) < 200  # no page read as one "row"
    owners = {p.owner: p.text for p in passages if p.owner}
    assert set(owners) == {
        "Registered Nurse, evenings",
        "Peer Recovery Specialist",
        "Residential Counselor, nights",
    }
    assert "Medication administration" in owners["Registered Nurse, evenings"]


def cells(*parts: tuple[str, float], y: float, page: int = 1) -> PdfLine:
    """One line holding short cells, each (text, where it starts), 5 points a character."""
    text, xs = "", []
    for piece, start in parts:
        if text:
            text += " "
            xs.append(xs[-1] + 5)
        text += piece
        xs += [start + 5 * i for i in range(len(piece))]
    return PdfLine(
        text, page, 12.0, False, y, parts[0][1], xs=tuple(xs), ends=tuple(x + 5 for x in xs)
    )


def wrapped_row(owner: list[str], duties: list[str], top: float, page: int = 1) -> list[PdfLine]:
    """A row whose first cell wraps, so its second cell steps back up."""
    return [PdfLine(t, page, 12.0, False, top - 14 * i, 72.0) for i, t in enumerate(owner)] + [
        PdfLine(t, page, 12.0, False, top - 14 * i, 200.0) for i, t in enumerate(duties)
    ]


def owners(lines: list[PdfLine]) -> list[tuple[str | None, str]]:
    return [(p.owner, p.text) for p in passages_from_lines(lines)]


def test_a_row_on_one_line_between_wrapped_rows_is_a_row_of_its_own() -> None:
    lines = [
        *wrapped_row(["Registered", "Nurse"], ["Medication administration"], 660.0),
        cells(("Peer Specialist", 72.0), ("Recovery groups", 200.0), y=628.4),
        *wrapped_row(["Residential", "Counselor"], ["Room checks and", "petty cash"], 610.8),
    ]
    assert [owner for owner, _ in owners(lines)] == [
        "Registered Nurse",
        "Peer Specialist",
        "Residential Counselor",
    ]


def test_a_row_broken_over_a_page_is_one_row_with_its_owner() -> None:
    """Word and LibreOffice break a long row across pages: its rest, at the top of the
    next page under the repeated header, is joined to it, as the Word file holds it."""
    header = cells(("Position", 72.0), ("Duties", 200.0), y=700.0)
    lines = [
        header,
        *wrapped_row(["Registered", "Nurse"], ["Medication administration"], 680.0),
        *wrapped_row(["Peer", "Specialist"], ["Recovery groups and"], 652.4),
        replace(header, page=2),  # repeated on each page (dropped as a running header)
        PdfLine("counting medications at the med pass", 2, 12.0, False, 680.0, 200.0),
        *wrapped_row(["Unit", "Clerk"], ["Phones and census"], 660.0, page=2),
        *wrapped_row(["Residential", "Counselor"], ["Room checks"], 630.0, page=2),
    ]
    assert owners(lines) == [
        ("Registered Nurse", "Registered Nurse | Medication administration"),
        ("Peer Specialist", "Peer Specialist | Recovery groups and counting medications at the med pass"),
        ("Unit Clerk", "Unit Clerk | Phones and census"),
        ("Residential Counselor", "Residential Counselor | Room checks"),
    ]  # fmt: skip


def test_a_row_over_more_than_a_page_is_one_row() -> None:
    header = cells(("Position", 72.0), ("Duties", 200.0), y=700.0)
    lines = [
        header,
        *wrapped_row(["Registered", "Nurse"], ["Medication administration"], 680.0),
        *wrapped_row(["Peer", "Specialist"], ["Recovery groups and"], 652.4),
        replace(header, page=2),
        PdfLine("counting medications", 2, 12.0, False, 680.0, 200.0),
        replace(header, page=3),
        PdfLine("at the med pass", 3, 12.0, False, 680.0, 200.0),
        *wrapped_row(["Unit", "Clerk"], ["Phones and census"], 660.0, page=3),
    ]
    assert owners(lines)[1:] == [
        ("Peer Specialist", "Peer Specialist | Recovery groups and counting medications at the med pass"),
        ("Unit Clerk", "Unit Clerk | Phones and census"),
    ]  # fmt: skip


def test_centred_cells_or_prose_in_columns_are_not_read_as_a_table() -> None:
    centred = [
        *wrapped_row(["Registered", "Nurse"], ["Medication"], 660.0),
        PdfLine("administration and charting", 1, 12.0, False, 632.0, 180.0),  # centred
        *wrapped_row(["Peer", "Specialist"], ["Recovery groups"], 600.0),
    ]
    prose = wrapped_row(
        ["Day shift: the nurse manager covers the unit and", "the registered nurse keeps the room"],
        ["Peer specialists count medications at", "the evening med pass."],
        660.0,
    ) + wrapped_row(["Night shift: the same again and", "the nurse keeps the room locked"],
                    ["Peers count medications", "at night."], 600.0)  # fmt: skip
    for lines in (centred, prose):
        assert all(owner is None for owner, _ in owners(lines))


def table_passages(passages) -> list[tuple[str | None, str | None, str]]:
    return [(p.owner, p.peer_cell, p.text) for p in passages if p.owner]


def test_a_pdf_table_is_read_by_its_columns_as_the_word_table_is(tmp_path: Path) -> None:
    """A column headed Supervisor labels its cells, a column headed by a peer role gives
    each row its peer cell; a header whose first cell sits lower than its wrapped cells
    is still the table's first row; a cell line that is only a number is text."""
    from docx.enum.table import WD_ALIGN_VERTICAL

    document = docx.Document()
    document.add_paragraph("Table 4 shows each position on the crisis unit and who supervises it.")
    staffing = table_of(document, [
        ("Role", "Proposed full-time equivalents", "Supervisor", "Comment"),
        ("Peer Recovery Coach", "2.0", "RN Care Manager on the evening shift",
         "Covers the unit's 1:1 sitter posts when the techs are short"),
        ("Licensed Case Manager", "3.0", "Clinical Director of the crisis unit",
         "One case manager for each"),
        ("Registered Nurse", "4.0", "Director of Nursing for the hospital",
         "Gives medications and keeps the records of them"),
    ])  # fmt: skip
    for cell in staffing.rows[0].cells:  # as pandoc sets a header row
        cell.vertical_alignment = WD_ALIGN_VERTICAL.BOTTOM
    staffing.rows[2].cells[3].add_paragraph("44")  # a line of its own, no page number
    document.add_paragraph("Table 5 sets the peer role beside the others, task by task.")
    table_of(document, [
        ("Task", "Peer Support Specialist", "Case Manager"),
        ("Medication 💊", "No 💊 talks about the person's own choices if asked",
         "Gives injections and checks that people take their medication"),
        ("Money", "Shares budgeting tools with people when they invite it",
         "Acts as representative payee and signs the checks"),
    ])  # fmt: skip
    source = tmp_path / "plan.docx"
    document.save(str(source))
    passages = read_bid(pdf_of(source, tmp_path)).passages
    in_pdf, in_word = table_passages(passages), table_passages(read_bid(source).passages)
    # the same rows, each with the same owner and peer cell (Word reads a cell of two
    # paragraphs as two passages of its row)
    assert list(dict.fromkeys(p[:2] for p in in_pdf)) == list(dict.fromkeys(p[:2] for p in in_word))
    assert in_pdf[0][2] == "Role | Proposed full-time equivalents | Supervisor | Comment"
    assert (
        in_pdf[1][2]
        == in_word[1][2]
        == (
            "Peer Recovery Coach | 2.0 | Supervisor: RN Care Manager on the evening shift | "
            "Covers the unit's 1:1 sitter posts when the techs are short"
        )
    )
    assert in_pdf[5][:2] == ("Medication 💊", "No 💊 talks about the person's own choices if asked")
    # A cell's second paragraph, set apart as far as a row, is read as a passage of its
    # own (nothing on the page tells the two apart), but it is read.
    assert "44" in [p.text for p in passages]


def test_a_pdf_page_number_is_dropped_and_the_text_kept(tmp_path: Path) -> None:
    """Our own letters carry "Page 1 of 2" in the footer: not a passage of the bid."""
    intro = "Peer staff meet as a team every week, and " * 12
    days = [f"{a} {b}" for a in ("early", "late", "long", "short", "calm", "busy") for b in
            ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
             "morning", "evening", "night")]  # fmt: skip
    body = "\n\n".join(f"Peer staff meet as a team every week, on {day}." for day in days)
    source = tmp_path / "bid.docx"
    render(f"---\ntitle: Bid\n---\n# Peer team\n\n{intro}end.\n\n{body}\n", "docx", source)
    texts = [p.text for p in read_bid(pdf_of(source, tmp_path)).passages]
    assert not [t for t in texts if t.startswith("Page ")]
    assert len([t for t in texts if t.startswith("Peer staff meet as a team every week, on")]) == 60


def test_a_letterhead_and_line_numbers_are_not_read_as_text(tmp_path: Path) -> None:
    """A running header of four lines goes on every page, and Word's line numbers sit in
    the left margin: neither is a passage of the bid."""
    document = docx.Document()
    header = document.sections[0].header
    header.paragraphs[0].text = "Harbor Light Recovery Services"
    for line in ("12 Wharf Street, Gloucester", "Tel 978-555-0100", "Response to RFR 27-14"):
        header.add_paragraph(line)
    numbering = OxmlElement("w:lnNumType")
    numbering.set(qn("w:countBy"), "1")
    numbering.set(qn("w:restart"), "continuous")
    document.sections[0]._sectPr.append(numbering)
    document.add_paragraph("Peer staff plan the groups they run with the members who come. " * 5)
    for a in ("early", "late", "long", "short", "calm", "busy", "rainy"):
        for b in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "morning", "evening",
                  "night", "noon", "dusk"):  # fmt: skip
            document.add_paragraph(f"Peer staff meet to plan the groups they run, {a} {b}.")
    source = tmp_path / "letterhead.docx"
    document.save(str(source))
    texts = [p.text for p in read_bid(pdf_of(source, tmp_path)).passages]
    assert not [t for t in texts if "Response to RFR" in t or "Wharf Street" in t]
    assert not [t for t in texts if t.isdigit()]
    assert len(texts) == 71


@pytest.mark.parametrize("header_repeats", [True, False])
def test_a_word_row_broken_over_a_page_reads_as_in_word(tmp_path: Path, header_repeats) -> None:
    """LibreOffice breaks a long row at the foot of a page, repeating the header row on
    the next page when the table asks for it (as pandoc's tables do). The PDF reads each
    row as the Word file does: the row's rest is not a passage of its own."""
    document = docx.Document()
    for n in range(24):
        document.add_paragraph(f"Section {n + 1} of the plan describes the program's staffing.")
    duties = " ".join(
        f"Peer staff count the residents' medications at pass {n}." for n in range(40)
    )
    table = table_of(document, [
        ("Position", "Duties"),
        ("Registered Nurse on the evening and night shifts", "Gives medications"),
        ("Peer Specialist on the day shift of the unit", duties),
        ("Unit Clerk on the day and evening shifts", "Answers phones"),
    ])  # fmt: skip
    if header_repeats:
        properties = table.rows[0]._tr.get_or_add_trPr()
        properties.append(OxmlElement("w:tblHeader"))
    source = tmp_path / "plan.docx"
    document.save(str(source))
    passages = read_bid(pdf_of(source, tmp_path)).passages
    in_pdf, in_word = table_passages(passages), table_passages(read_bid(source).passages)
    assert len({p.location for p in passages if p.owner}) == 2  # the row did break
    rows = [p for p in in_pdf if p[2] != "Position | Duties"]
    assert rows == in_word[1:]
    assert rows[1][2] == f"Peer Specialist on the day shift of the unit | {duties}"


def test_a_table_of_one_line_rows_is_read_by_its_columns(tmp_path: Path) -> None:
    """No cell wraps, so the text never steps up: the table shows only as lines whose
    cells sit apart, in the same columns. It is read as the Word file is (before, a
    "No" in the peer's column was lost and "Rep payee" read as the peer's duty). A
    numbered list's hanging text, set apart from its numbers, is no table."""
    document = docx.Document()
    document.add_paragraph("Who does what")
    table_of(document, [
        ("Task", "Peer Specialist", "Case Manager"),
        ("Move-in funds", "No", "Yes"),
        ("Rep payee", "No", "Yes"),
        ("Benefit forms", "Helps", "Leads"),
    ])  # fmt: skip
    for text in (
        "Peer specialists respond only as part of a pair with a licensed clinician; "
        "a peer is never dispatched alone to a call at night.",
        "The clinician completes any risk assessment or hold paperwork, and peers "
        "do not complete risk screens of any kind for the team.",
    ):
        document.add_paragraph(text, style="List Number")
    source = tmp_path / "roles.docx"
    document.save(str(source))
    passages = read_bid(pdf_of(source, tmp_path)).passages
    in_pdf, in_word = table_passages(passages), table_passages(read_bid(source).passages)
    assert in_pdf == in_word
    assert ("Rep payee", "No", "Rep payee | No | Yes") in in_pdf
    items = [p for p in passages if p.text.startswith(("Peer specialists", "The clinician"))]
    assert len(items) == 2 and all(p.owner is None for p in items)


def _tab_lines(document, rows: list[tuple[str, str]], inches: float, right: bool) -> None:
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.shared import Inches

    for label, value in rows:
        paragraph = document.add_paragraph(f"{label}\t{value}")
        alignment = WD_TAB_ALIGNMENT.RIGHT if right else WD_TAB_ALIGNMENT.LEFT
        paragraph.paragraph_format.tab_stops.add_tab_stop(Inches(inches), alignment)


def _budget_then_a_lead_in(document) -> None:
    """Two lines set with a right tab, then a lead-in and its list: not a table's rows."""
    document.add_paragraph("The program employs certified peer specialists in the community.")
    _tab_lines(document, [("Peer specialist, 1.0 FTE", "$45,000"),
                          ("Peer supervisor, 0.5 FTE", "$31,000")], 6, right=True)  # fmt: skip
    document.add_paragraph("Peer staff will not:")
    document.add_paragraph("give out medications", style="List Bullet")
    document.add_paragraph("hold client money", style="List Bullet")


def _form_typed_with_tabs(document) -> None:
    """Fields typed with tabs: a form's labels, not a table's header row."""
    document.add_paragraph("Job posting: Peer Support Specialist", style="Heading 1")
    document.add_paragraph("The program employs certified peer specialists in the community.")
    _tab_lines(document, [("Duties:", "Give out medications"), ("Hours:", "40 a week"),
                          ("Pay:", "$21.50 an hour")], 1.5, right=False)  # fmt: skip


def _a_table_alone_on_its_page(document) -> None:
    """No prose on the page: its rows are its longest lines, and end in full stops."""
    document.add_paragraph("Who does what", style="Heading 1")
    table_of(document, [
        ("Task", "Peer Specialist", "Notes"),
        ("Rep payee", "No", "Case manager does it."),
        ("Medication pass", "No", "Nurses only."),
        ("Move-in funds", "No", "Case manager does it."),
    ])  # fmt: skip


@pytest.mark.parametrize(
    "build", [_budget_then_a_lead_in, _form_typed_with_tabs, _a_table_alone_on_its_page]
)
def test_lines_set_in_columns_read_in_the_pdf_as_in_word(tmp_path: Path, build) -> None:
    """Found by an outside review of the tables whose rows never step up: two lines
    set with a right tab took the lead-in and list after them into a table (the
    exclusion lost, two red flags raised); a form's first field was read as a header
    row (its red flag dropped); a table alone on its page was not seen at all."""
    import json

    from click.testing import CliRunner

    from advocacy.cli import main

    document = docx.Document()
    build(document)
    source = tmp_path / "doc.docx"
    document.save(str(source))

    def verdicts(path: Path) -> tuple[list[str], list[str]]:
        result = CliRunner().invoke(
            main, ["score", "evidence", str(path), "--json", "--no-learned"]
        )
        data = json.loads(result.output)
        red = sorted(f["criterion"] for f in data["red_flags"])
        cited = sorted(c["id"] for c in data["criteria"] for _ in c["passages"])
        return red, cited

    assert verdicts(pdf_of(source, tmp_path)) == verdicts(source)


def test_a_title_in_the_body_s_font_over_numbered_sections_heads_them() -> None:
    """A PDF of a plain text file has one font: a title line right over numbered
    sections heads them, as the text file's title does, and is no part of the first."""
    lines = [
        line("3.0 EXCLUDED ACTIVITIES (not billable under this category)", 700.0),
        line("3.1 Room checks, curfew logs or chore inspections.", 686.0),
        line("3.2 Holding residents' medication, cash or gift cards.", 672.0),
    ]
    passages = list(passages_from_lines(lines))
    heading = "3.0 EXCLUDED ACTIVITIES (not billable under this category)"
    assert [(p.text, p.heading) for p in passages] == [
        ("3.1 Room checks, curfew logs or chore inspections.", heading),
        ("3.2 Holding residents' medication, cash or gift cards.", heading),
    ]
