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
from advocacy.evidence.columns import CELL_MARK
from advocacy.safezip import parse_part
from advocacy.yamlio import check_regular_file, decode_text

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_ZIP_ENTRIES = 1_000
MAX_UNZIPPED_BYTES = 100 * 1024 * 1024
MAX_ZIP_RATIO = 100  # uncompressed / compressed, per entry
MAX_TEXT_CHARS = 5_000_000
MAX_PDF_PAGES = 2_000

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass(frozen=True)
class Passage:
    """A paragraph (or table cell) of the bid and where to find it."""

    text: str
    location: str  # "p. 3", "¶ 12" or "line 40", as a reviewer would look it up
    heading: str | None = None
    item: bool = False  # a list item (a lead-in's scope, such as "does not include:")
    owner: str | None = None  # in a table: the first cell of its row (the position it is about)
    peer_cell: str | None = None  # in a table: the row's cell under a peer role's column

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
    size = check_regular_file(path, "bid")
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
        passages = _read_lines(text, path, markdown=kind == "markdown")
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
    from advocacy.evidence.titles import BULLET, flyer_headings, heads, opens_text, short_title
    from advocacy.safezip import ZipLimits, read_members

    limits = ZipLimits(MAX_ZIP_ENTRIES, MAX_UNZIPPED_BYTES, MAX_ZIP_RATIO)
    try:
        members = read_members(path, ["word/document.xml", "word/styles.xml"], limits=limits)
    except zipfile.BadZipFile as exc:
        raise _not_a(path, "Word document", f"the zip package is damaged: {exc}") from None
    if "word/document.xml" not in members:
        raise _not_a(path, "Word document", "it has no word/document.xml")
    body = parse_part(members["word/document.xml"], path)
    styles = parse_part(members["word/styles.xml"], path) if "word/styles.xml" in members else None
    headings = _heading_styles(styles)
    # Each entry: its texts (a grid row's cells are joined), then the Passage's other fields.
    entries: list[tuple[list[str], str, str | None, bool, str | None, str | None]] = []
    tables = _Tables()
    open_row = None  # the grid row whose cells are being joined into the last entry
    titles: list[tuple[list[str], str, str | None, bool, str | None, str | None]] = []
    pending: tuple[list[str], str, str | None, bool, str | None, str | None] | None = None
    heading: str | None = None
    number = 0
    chars = 0
    for element in body.iter(f"{W}p"):
        text = _text_of(element)
        if not text:
            continue
        number += 1
        chars += len(text)
        if chars > MAX_TEXT_CHARS:
            raise _too_much_text(path)
        if pending is not None:  # a short title before: what this paragraph opens decides
            if element.find(f"{W}pPr/{W}numPr") is not None or opens_text(text):
                heading = pending[0][0]
                titles.append(pending)
            else:
                entries.append(pending)
            pending = None
        style = element.find(f"{W}pPr/{W}pStyle")
        style_id = style.get(f"{W}val") if style is not None else None
        if style_id in headings:
            heading = text
            continue
        row, grid, owner, peer_cell = tables.context(element)
        if grid:  # a row of one-line cells reads as one line, as a Markdown table's row does
            text = tables.labelled(element, text)
            if row is open_row:
                entries[-1][0].extend((CELL_MARK, text))
            else:
                entries.append(([text], f"¶ {number}", heading, False, owner, peer_cell))
                open_row = row
            continue
        open_row = None
        item = element.find(f"{W}pPr/{W}numPr") is not None or "List" in (style_id or "")
        if not item:
            # Typed structure, as in a text file: a short title line is a heading
            # ("Functions Not Included"), outside tables; a typed bullet or "(a)"
            # starts an item, in a table's cells too.
            top = not entries and not titles  # the document's title
            if row is None and (heads(text, top) or _bold_label(element, text)):
                heading = text
                titles.append(([text], f"¶ {number}", None, False, None, None))
                continue
            if row is None and short_title(text):  # a heading if running text or a list follows
                pending = ([text], f"¶ {number}", heading, False, None, None)
                continue
            bullet = BULLET.match(text)
            if bullet:
                text, item = text[bullet.end() :], True
        entries.append(([text], f"¶ {number}", heading, item, owner, peer_cell))
    if pending is not None:
        entries.append(pending)
    if not entries:  # a flyer of title lines only is read as it is
        unders = flyer_headings([" ".join(title[0]) for title in titles])
        entries = [
            (texts, at, under, item, owner, cell)
            for (texts, at, _, item, owner, cell), under in zip(titles, unders, strict=True)
        ]
    if not entries:
        raise AdvocacyError("the document has no text", path, hint="is it a scanned image?")
    return [
        Passage(" ".join(texts), location, under, item, owner, peer_cell)
        for texts, location, under, item, owner, peer_cell in entries
    ]


class _Tables:
    """Row context for paragraphs in Word tables, worked out once per row and table.

    A paragraph in a table row gets the text of the row's first cell (unless it
    is in it) and of its cell under a column headed by a peer role, as
    :class:`Passage` ``owner`` and ``peer_cell``. Columns are counted on the
    table grid, so a cell spanning two columns (``w:gridSpan``) keeps the
    columns after it in place. A row of two or more cells of one paragraph
    each is a grid row: it is read as one passage (its first cell is the
    owner of all of it), the way a Markdown table's row is; a row whose cells
    hold several paragraphs (a table used for layout) keeps its paragraphs.
    """

    def __init__(self) -> None:
        self._rows: dict[object, tuple[object, bool, str | None, str | None]] = {}
        self._headers: dict[object, list[str]] = {}
        self._owners: dict[object, str | None] = {}  # each table's last row owner
        self._labels: dict[object, str] = {}  # cells under a column that names the supervisor

    def context(self, paragraph) -> tuple[object, bool, str | None, str | None]:
        """The paragraph's row (or None), whether it is a grid row, its owner and peer cell.

        A row of one cell is a box around text, not a table: None, as outside.
        """
        cell = paragraph.getparent()
        while cell is not None and cell.tag != f"{W}tc":
            cell = cell.getparent()
        row = cell.getparent() if cell is not None else None
        while row is not None and row.tag in _CONTENT_CONTROL:  # a cell in a form's control
            row = row.getparent()
        if row is None or row.tag != f"{W}tr":
            return None, False, None, None
        found = self._rows.get(row)
        if found is None:
            found = self._rows[row] = self._row(row)
        first, grid, owner, peer_cell = found
        if first is None:
            return None, False, None, None
        return row, grid, (None if cell is first and not grid else owner), peer_cell

    def _row(self, row) -> tuple[object, bool, str | None, str | None]:
        from advocacy.evidence.columns import find_peer_cell, supervisor_column

        cells = _cells(row)
        if len(cells) < 2:
            return None, False, None, None
        first = cells[0]
        table = row.getparent()
        merged = first.find(f"{W}tcPr/{W}vMerge")
        if merged is not None and merged.get(f"{W}val", "continue") == "continue":
            owner = self._owners.get(table)  # the cell merged down from the row above
        else:
            owner = _text_of(first) or None
        self._owners[table] = owner
        grid = all(sum(bool(_text_of(p)) for p in cell.iter(f"{W}p")) <= 1 for cell in cells)
        header = table.find(f"{W}tr") if table is not None else None
        if header is None or header is row:
            return first, grid, owner, None
        if table not in self._headers:
            self._headers[table] = _grid_texts(header)
        column = 0
        for cell in cells:
            titles = self._headers[table]
            if column < len(titles) and supervisor_column(titles[column]):
                self._labels[cell] = titles[column]
            column += _span(cell)
        return first, grid, owner, find_peer_cell(self._headers[table], _grid_texts(row))

    def labelled(self, paragraph, text: str) -> str:
        """``text`` of a cell under a Supervisor column as that field reads ("Supervisor: RN
        Care Manager"), as :func:`advocacy.evidence.columns.labelled_cells` does for a
        Markdown table."""
        cell = paragraph.getparent()
        while cell is not None and cell.tag != f"{W}tc":
            cell = cell.getparent()
        title = self._labels.get(cell)
        return f"{title}: {text}" if title and text else text


_CONTENT_CONTROL = (f"{W}sdt", f"{W}sdtContent")


def _cells(row) -> list:  # row: an lxml w:tr element -> its w:tc elements
    """A row's cells, those inside content controls (``w:sdt``, as forms have) too."""
    cells = []
    for child in row:
        if child.tag == f"{W}tc":
            cells.append(child)
        elif child.tag == f"{W}sdt":
            cells += child.findall(f"{W}sdtContent/{W}tc")
    return cells


def _bold_label(paragraph, text: str) -> bool:  # paragraph: an lxml w:p element
    """A short title set in bold throughout, as a PDF's bold line heads what follows."""
    from advocacy.evidence.titles import bold_title

    if not bold_title(text):
        return False
    runs = [r for r in paragraph.iter(f"{W}r") if "".join(t.text or "" for t in r.iter(f"{W}t"))]
    return bool(runs) and all(_bold(r.find(f"{W}rPr/{W}b")) for r in runs)


def _bold(element) -> bool:  # element: a w:b element or None
    return element is not None and element.get(f"{W}val", "true") not in ("0", "false", "off")


def _grid_texts(row) -> list[str]:  # row: an lxml w:tr element
    """The row's cell texts, one per grid column (a spanning cell fills each of its columns)."""
    texts: list[str] = []
    for cell in _cells(row):
        texts.extend([_text_of(cell)] * _span(cell))
    return texts


def _span(cell) -> int:  # cell: an lxml w:tc element
    """How many grid columns the cell spans (``w:gridSpan``)."""
    span = cell.find(f"{W}tcPr/{W}gridSpan")
    count = span.get(f"{W}val", "1") if span is not None else "1"
    return int(count) if count.isdigit() and 0 < int(count) < 64 else 1


def _text_of(element) -> str:  # element: an lxml w:p or w:tc element
    """The text of a paragraph or table cell, a tab or line break (Shift+Enter)
    between words read as a space: "will<w:br/>not" is two words, not "willnot"."""
    pieces = element.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}cr")
    return " ".join("".join(t.text or "" if t.tag == f"{W}t" else " " for t in pieces).split())


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

    from advocacy.evidence.pdf_lines import page_lines, passages_from_lines

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
        lines = []
        chars = 0
        for number in range(count):
            page = document[number]
            textpage = page.get_textpage()
            try:
                found = page_lines(textpage, number + 1)
            finally:
                textpage.close()
                page.close()
            chars += sum(len(line.text) for line in found)
            if chars > MAX_TEXT_CHARS:
                raise _too_much_text(path)
            lines += found
    except pdfium.PdfiumError as exc:
        raise _not_a(path, "readable PDF", str(exc)) from None
    finally:
        document.close()
    passages = [
        Passage(p.text, f"p. {p.page}", p.heading, p.item, p.owner, p.peer_cell)
        for p in passages_from_lines(lines)
    ]
    if not passages:
        raise AdvocacyError(
            "the PDF has no text layer (a scanned image?)",
            path,
            hint="run it through OCR first, or ask for a text PDF or the Word file",
        )
    return passages, count


# --------------------------------------------------------------------------- Markdown / text


def _read_lines(text: str, path: Path, markdown: bool) -> list[Passage]:
    from advocacy.evidence.segment import segment_text
    from advocacy.evidence.titles import flyer_headings

    if len(text) > MAX_TEXT_CHARS:
        raise _too_much_text(path)
    passages: list[Passage] = []
    heading: str | None = None
    segments = segment_text(text, markdown)
    flyer = all(segment.heading for segment in segments)  # title lines only: read as they are
    headings = flyer_headings([segment.text for segment in segments]) if flyer else []
    for at, segment in enumerate(segments):
        if flyer:
            heading = headings[at]
        elif segment.heading:
            heading = segment.text
            continue
        passages.append(
            Passage(
                segment.text,
                f"line {segment.line}",
                heading,
                segment.item,
                segment.owner,
                segment.peer_cell,
            )
        )
    return passages


def _too_much_text(path: Path) -> AdvocacyError:
    return AdvocacyError(
        f"the bid has more than {MAX_TEXT_CHARS:,} characters of text",
        path,
        hint="split it, or scan the sections that matter",
    )
