"""A PDF table's rows are read as rows: each row one passage, its first cell kept.

A PDF has no table structure; LibreOffice and Word write a row's cells one
after another, so the text steps back up the page for each cell. These tests
give the lines as PDFium reports them (text, page, size, bold, baseline, start).
"""

from __future__ import annotations

from advocacy.evidence.pdf_lines import PdfLine, passages_from_lines


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
        ("Registered Nurse Medication administration and shift charting", "Registered Nurse"),
        (
            "Peer Recovery Specialist Recovery groups and counting medications at the med pass",
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
        line(merged, 660.0, xs=xs),
        line("assessments", 646.0, 200.0),
        line("Nurse Manager", 660.0, 330.0),  # the third cell: back up
        AFTER,
    ]
    rows = [p for p in passages_from_lines(lines) if p.owner]
    assert [(p.text, p.owner) for p in rows] == [
        ("RN Charge Med pass, assessments Nurse Manager", "RN Charge")
    ]


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
