"""Read a provider's bid safely into located passages.

Bids come from outside, so every reader is bounded before it expands
anything: a DOCX's entry count, uncompressed size and compression ratio are
checked before any entry is read (zip bombs), its XML is parsed without DTDs,
entities or network access (entity bombs), and the total text kept is capped.
A password-protected, scanned (no text layer) or corrupt file gets a clear
error instead of an empty result.

Each passage records where it is — a page (PDF), a paragraph number (DOCX) or
a line (Markdown, text) — and the nearest heading above it, so a reviewer can
find it in the original.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from advocacy.errors import AdvocacyError
from advocacy.yamlio import decode_text

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_ZIP_ENTRIES = 1_000
MAX_UNZIPPED_BYTES = 100 * 1024 * 1024
MAX_ZIP_RATIO = 100  # uncompressed / compressed, per entry
MAX_TEXT_CHARS = 5_000_000
MAX_PDF_PAGES = 2_000

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_NUMBERED_HEADING = re.compile(r"^(?:section\s+)?\d+(?:\.\d+)*\.?\s+\S.{0,90}$", re.IGNORECASE)
_HYPHEN_BREAK = re.compile(r"(\w)-\s*\n\s*(\w)")


@dataclass(frozen=True)
class Passage:
    """A paragraph (or table cell) of the bid and where to find it."""

    text: str
    location: str  # "p. 3", "¶ 12" or "line 40", as a reviewer would look it up
    heading: str | None = None

    @property
    def where(self) -> str:
        return f"{self.location} ({self.heading})" if self.heading else self.location


@dataclass(frozen=True)
class BidDocument:
    path: Path
    kind: str  # docx | pdf | markdown | text
    passages: tuple[Passage, ...]
    pages: int | None = None


def read_bid(path: Path) -> BidDocument:
    """Read a bid (DOCX, PDF, Markdown or plain text) into passages."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise AdvocacyError("bid file not found", path, hint="check the path") from None
    if path.is_dir():
        raise AdvocacyError("expected a bid file but this is a folder", path)
    if size > MAX_FILE_BYTES:
        raise AdvocacyError(
            f"the file is {size / 2**20:.0f} MB, more than the {MAX_FILE_BYTES // 2**20} MB limit",
            path,
        )
    head = path.read_bytes()[:8] if size else b""
    suffix = path.suffix.lower()
    if suffix == ".docx":
        if head.startswith(b"\xd0\xcf\x11\xe0"):  # an OLE compound file, not a zip
            raise AdvocacyError(
                "the document is password-protected, or an old .doc saved as .docx",
                path,
                hint="save an unprotected copy as .docx (Word: File, Save As, Word Document)",
            )
        if not head.startswith(b"PK"):
            raise _not_a(path, "Word document", "it is not a zip package")
        return BidDocument(path, "docx", tuple(_read_docx(path)))
    if suffix == ".pdf":
        if not head.startswith(b"%PDF"):
            raise _not_a(path, "PDF", "it does not start with %PDF")
        passages, pages = _read_pdf(path)
        return BidDocument(path, "pdf", tuple(passages), pages)
    if suffix in (".md", ".markdown", ".txt", ".text"):
        text = decode_text(path.read_bytes(), path)
        kind = "text" if suffix in (".txt", ".text") else "markdown"
        passages = _read_lines(text, markdown=kind == "markdown")
        if not passages:
            raise AdvocacyError("the file has no text", path)
        return BidDocument(path, kind, tuple(passages))
    raise AdvocacyError(
        f"cannot read {suffix or 'files without an extension'} as a bid",
        path,
        hint="save the bid as .docx, .pdf, .md or .txt",
    )


def _not_a(path: Path, kind: str, why: str) -> AdvocacyError:
    return AdvocacyError(
        f"this is not a {kind} ({why})",
        path,
        hint="is the file damaged, or saved under the wrong extension?",
    )


# --------------------------------------------------------------------------- DOCX


def _read_docx(path: Path) -> list[Passage]:
    from advocacy.safezip import ZipLimits, read_members

    limits = ZipLimits(MAX_ZIP_ENTRIES, MAX_UNZIPPED_BYTES, MAX_ZIP_RATIO)
    try:
        members = read_members(path, ["word/document.xml", "word/styles.xml"], limits=limits)
    except zipfile.BadZipFile as exc:
        raise _not_a(path, "Word document", f"the zip package is damaged: {exc}") from None
    if "word/document.xml" not in members:
        raise _not_a(path, "Word document", "it has no word/document.xml")
    body = _parse_xml(members["word/document.xml"], path)
    styles = _parse_xml(members["word/styles.xml"], path) if "word/styles.xml" in members else None
    headings = _heading_styles(styles)
    passages: list[Passage] = []
    heading: str | None = None
    number = 0
    chars = 0
    for element in body.iter(f"{W}p"):
        text = "".join(t.text or "" for t in element.iter(f"{W}t", f"{W}tab"))
        text = " ".join(text.split())
        if not text:
            continue
        number += 1
        chars += len(text)
        if chars > MAX_TEXT_CHARS:
            raise _too_much_text(path)
        style = element.find(f"{W}pPr/{W}pStyle")
        style_id = style.get(f"{W}val") if style is not None else None
        if style_id in headings:
            heading = text
            continue
        passages.append(Passage(text, f"¶ {number}", heading))
    if not passages:
        raise AdvocacyError("the document has no text", path, hint="is it a scanned image?")
    return passages


def _parse_xml(data: bytes, path: Path):  # -> lxml element
    from lxml import etree

    if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data:
        raise AdvocacyError(
            "the document's XML declares entities or a DTD",
            path,
            hint="Word never writes these; refused as a possible entity bomb",
        )
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise _not_a(path, "Word document", f"its XML is damaged: {exc}") from None


def _heading_styles(styles) -> set[str]:
    """Style ids whose names are Title or Heading N (in any document's own ids)."""
    found = {"Title", *(f"Heading{n}" for n in range(1, 10))}
    if styles is None:
        return found
    for style in styles.iter(f"{W}style"):
        name = style.find(f"{W}name")
        if name is not None and re.match(r"(?i)^(title|heading \d)$", name.get(f"{W}val", "")):
            found.add(style.get(f"{W}styleId", ""))
    return found


# --------------------------------------------------------------------------- PDF


def _read_pdf(path: Path) -> tuple[list[Passage], int]:
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise AdvocacyError(
                "the PDF is password-protected", path, hint="ask for an unprotected copy"
            ) from None
        raise _not_a(path, "readable PDF", str(exc)) from None
    try:
        count = len(document)
        if count > MAX_PDF_PAGES:
            raise AdvocacyError(f"the PDF has {count:,} pages", path)
        passages: list[Passage] = []
        heading: str | None = None
        chars = 0
        for number in range(count):
            page = document[number]
            textpage = page.get_textpage()
            try:
                text = textpage.get_text_range().replace("\r\n", "\n").replace("\r", "\n")
            finally:
                textpage.close()
                page.close()
            chars += len(text)
            if chars > MAX_TEXT_CHARS:
                raise _too_much_text(path)
            for paragraph, is_heading in _paragraphs(text):
                if is_heading:
                    heading = paragraph
                else:
                    passages.append(Passage(paragraph, f"p. {number + 1}", heading))
    except pdfium.PdfiumError as exc:
        raise _not_a(path, "readable PDF", str(exc)) from None
    finally:
        document.close()
    if not passages:
        raise AdvocacyError(
            "the PDF has no text layer (a scanned image?)",
            path,
            hint="run it through OCR first, or ask for a text PDF or the Word file",
        )
    return passages, count


def _paragraphs(text: str) -> list[tuple[str, bool]]:
    """Page text → paragraphs, joining hyphenated and wrapped lines.

    PDF text has a line break at every visual line; a paragraph ends at a
    blank line, at a line that looks like a heading, or after a line that
    ends a sentence and is clearly shorter than a full line.
    """
    text = _HYPHEN_BREAK.sub(r"\1\2", text)
    lines = [line.strip() for line in text.split("\n")]
    width = max((len(line) for line in lines), default=0)
    result: list[tuple[str, bool]] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            result.append((" ".join(" ".join(current).split()), False))
            current.clear()

    for line in lines:
        if not line:
            flush()
        elif _looks_like_heading(line):
            flush()
            result.append((line, True))
        else:
            current.append(line)
            if line.endswith((".", ":", "?", "!")) and len(line) < 0.75 * width:
                flush()
    flush()
    return result


def _looks_like_heading(line: str) -> bool:
    return bool(_NUMBERED_HEADING.match(line)) and not line.endswith((".", ",", ";"))


# --------------------------------------------------------------------------- Markdown / text


def _read_lines(text: str, markdown: bool) -> list[Passage]:
    if len(text) > MAX_TEXT_CHARS:
        raise AdvocacyError("the file has too much text to scan", hint="split it into parts")
    passages: list[Passage] = []
    heading: str | None = None
    current: list[str] = []
    start = 0

    def flush() -> None:
        if current:
            passages.append(Passage(" ".join(" ".join(current).split()), f"line {start}", heading))
            current.clear()

    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        is_heading = (markdown and line.startswith("#")) or (
            not markdown and _looks_like_heading(line)
        )
        is_item = markdown and re.match(r"^([-*+]|\d+[.)])\s", line)
        if not line or is_heading or is_item:
            flush()
        if is_heading:
            heading = line.lstrip("#").strip()
            continue
        if line:
            if not current:
                start = number
            current.append(_plain(line) if markdown else line)
    flush()
    return passages


_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_MARK = re.compile(r"(\*\*|__|`|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w))")
_MD_PREFIX = re.compile(r"^([-*+]|\d+[.)]|>)\s+")


def _plain(line: str) -> str:
    """A Markdown line as a reader sees it: no list markers, emphasis or link targets."""
    return _MD_MARK.sub("", _MD_LINK.sub(r"\1", _MD_PREFIX.sub("", line)))


def _too_much_text(path: Path) -> AdvocacyError:
    return AdvocacyError(
        f"the bid has more than {MAX_TEXT_CHARS:,} characters of text",
        path,
        hint="split it, or scan the sections that matter",
    )
