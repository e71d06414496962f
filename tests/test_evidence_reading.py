"""Reading untrusted bids: hostile or unusable files fail fast with a clear error."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from advocacy.cli import main
from advocacy.errors import AdvocacyError
from advocacy.evidence import read_bid
from advocacy.evidence.pdf_lines import PdfLine, passages_from_lines
from advocacy.render import render

DOC = """---
title: Sample bid
---
# 4 Peer roles

## 4.1 Ethics

Peer staff follow the Massachusetts CPS Code of Ethics.

| Role | FTE |
|---|---|
| Peer specialist | 6 |
"""


def refused(path: Path, message: str) -> AdvocacyError:
    start = time.perf_counter()
    with pytest.raises(AdvocacyError, match=message) as info:
        read_bid(path)
    assert time.perf_counter() - start < 2, "refusing must be fast"
    return info.value


def test_docx_paragraphs_tables_and_headings(tmp_path: Path) -> None:
    path = tmp_path / "bid.docx"
    render(DOC, "docx", path)
    bid = read_bid(path)
    texts = [p.text for p in bid.passages]
    assert "Peer staff follow the Massachusetts CPS Code of Ethics." in texts
    assert "Peer specialist | 6" in texts  # a table's row, read as the Markdown row is
    ethics = next(p for p in bid.passages if "Code of Ethics" in p.text)
    assert ethics.heading == "4.1 Ethics" and ethics.location.startswith("¶ ")


def test_markdown_bid_lines_and_headings(tmp_path: Path) -> None:
    path = tmp_path / "bid.md"
    path.write_text(
        "# 4 Peer roles\n\nSome **bold** [link](http://x.org) text\nwrapped.\n\n- item one\n",
        "utf-8",
    )
    bid = read_bid(path)
    assert [(p.text, p.location, p.heading) for p in bid.passages] == [
        ("Some bold link text wrapped.", "line 3", "4 Peer roles"),
        ("item one", "line 6", "4 Peer roles"),
    ]


def test_pdf_headings_come_from_the_font_not_from_leading_numbers() -> None:
    lines = [
        PdfLine("4.2 Supervision of peer staff", 1, 14.0, False),
        PdfLine("Peer staff are supervised by a peer super-", 1, 11.0, False),
        PdfLine("visor who has worked in a peer role for at least", 1, 11.0, False),
        PdfLine("30 days before the contract starts.", 1, 11.0, False),
        PdfLine("• administer medication", 1, 11.0, False),
        PdfLine("• handle client funds", 1, 11.0, False),
        PdfLine("Next paragraph.", 2, 11.0, False),
    ]
    assert [p[:4] for p in passages_from_lines(lines)] == [
        (
            "Peer staff are supervised by a peer supervisor who has worked in a peer role for "
            "at least 30 days before the contract starts.",
            1,
            "4.2 Supervision of peer staff",
            False,
        ),
        ("administer medication", 1, "4.2 Supervision of peer staff", True),
        ("handle client funds", 1, "4.2 Supervision of peer staff", True),
        ("Next paragraph.", 2, "4.2 Supervision of peer staff", False),
    ]


def test_a_pdf_title_line_alone_is_a_heading_even_in_body_type() -> None:
    """Plain-type titles ("1. DEFINITIONS", "Functions Not Included") head what follows,
    as they do in a text file; a short item or a sentence stays a passage."""
    lines = [
        PdfLine("1. DEFINITIONS", 1, 11.0, False),
        PdfLine(
            "Peer staff means staff in a position designated as a peer role under", 1, 11.0, False
        ),
        PdfLine("this Agreement.", 1, 11.0, False),
        PdfLine("Functions Not Included", 1, 11.0, False),
        PdfLine("• Medication counts", 1, 11.0, False),
        PdfLine("2. Peer staff may decline any task outside the role.", 1, 11.0, False),
    ]
    assert [p[:4] for p in passages_from_lines(lines)] == [
        (
            "Peer staff means staff in a position designated as a peer role under this Agreement.",
            1,
            "1. DEFINITIONS",
            False,
        ),
        ("Medication counts", 1, "Functions Not Included", True),
        ("Peer staff may decline any task outside the role.", 1, "Functions Not Included", True),
    ]


def test_zip_bomb_is_refused_before_expanding(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"\0" * (30 * 1024 * 1024))
    assert path.stat().st_size < 200_000
    refused(path, "expands more than 100:1")


def test_too_many_entries_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "many.docx"
    with zipfile.ZipFile(path, "w") as z:
        for i in range(1_500):
            z.writestr(f"x/{i}", b"")
    refused(path, "1,500 entries")


def test_xml_entity_bomb_is_refused(tmp_path: Path) -> None:
    xml = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>"
    )
    path = tmp_path / "entities.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", xml)
    refused(path, "declares entities or a DTD")


def _pdf(tmp_path: Path, name: str, encrypt: bool = False) -> Path:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(612, 792)
    if encrypt:
        writer.encrypt("secret")
    buffer = io.BytesIO()
    writer.write(buffer)
    path = tmp_path / name
    path.write_bytes(buffer.getvalue())
    return path


def test_scanned_pdf_without_text(tmp_path: Path) -> None:
    error = refused(_pdf(tmp_path, "scan.pdf"), "no text layer")
    assert "OCR" in (error.diagnostics[0].hint or "")


def test_password_protected_pdf(tmp_path: Path) -> None:
    refused(_pdf(tmp_path, "locked.pdf", encrypt=True), "password-protected")


def test_corrupt_pdf(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 50)
    refused(path, "not a readable PDF")


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("photo.png", b"\x89PNG\r\n\x1a\n", r"cannot read \.png as a bid"),
        ("fake.docx", b"\x89PNG\r\n\x1a\n", "not a Word document"),
        ("fake.pdf", b"hello", "not a PDF"),
        ("binary.txt", b"\x00\x01\x02", "binary file"),
        ("empty.md", b"", "has no text"),
        ("notword.docx", None, "no word/document.xml"),
    ],
)
def test_non_documents(tmp_path: Path, name: str, data: bytes | None, message: str) -> None:
    path = tmp_path / name
    if data is None:
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("hello.txt", "hi")
    else:
        path.write_bytes(data)
    refused(path, message)


def test_cli_reports_bad_bids_without_traceback(tmp_path: Path) -> None:
    path = _pdf(tmp_path, "scan.pdf")
    result = CliRunner().invoke(main, ["score", "evidence", str(path)])
    assert result.exit_code == 1
    assert f"{path}: error: the PDF has no text layer" in result.output
    assert "internal error" not in result.output


def test_a_pdf_line_and_a_text_line_end_a_sentence_alike() -> None:
    """One test for a line's last sentence punctuation, in text and PDF: a bold line
    ending in a closing curly quote is a sentence, not a heading."""
    quoted = "Our members say it best: “nothing about us without us.”"
    lines = [PdfLine(quoted, 1, 11.0, True), PdfLine("Peer staff lead the groups.", 1, 11.0, False)]
    texts = [passage[0] for passage in passages_from_lines(lines)]
    assert any(text.startswith(quoted) for text in texts)


def test_an_emoji_in_a_pdf_does_not_shift_the_fonts_of_the_lines_after_it(tmp_path: Path) -> None:
    """PDFium counts an emoji (beyond the Basic Multilingual Plane) as two characters:
    the lines after one keep their own font size and place, so a heading is still a
    heading and a wrapped paragraph is still one passage."""
    docx = pytest.importorskip("docx")
    from conftest import pdf_of

    document = docx.Document()
    document.add_paragraph("🚨 We're hiring 🚨 two peer recovery coaches 🙌 apply today 👇")
    document.add_heading("What you will do", level=1)
    long = (
        "Coaches run recovery groups at the times people choose, help people find housing, "
        "benefits and work, and meet each week with the peer team to talk through hard days."
    )
    document.add_paragraph(long)
    source = tmp_path / "post.docx"
    document.save(str(source))
    passages = read_bid(pdf_of(source, tmp_path)).passages
    assert [(p.text, p.heading) for p in passages][1:] == [(long, "What you will do")]
