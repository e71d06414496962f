"""Turn the text lines of a PDF into headings, paragraphs and list items.

A PDF has no paragraphs, only positioned lines. Headings are told by their
font (larger than the body text, or bold and short), which PDFium reports per
character, never by a leading number: a wrapped line that starts with "30
days" is body text. A paragraph ends at a short line that closes a sentence
or is followed by a new sentence, and a bullet or number starts a list item.

A table row (found by :mod:`advocacy.evidence.pdf_tables`) is one passage,
as a row of a Word or Markdown table is, and keeps its first cell (the
position it is about).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from itertools import accumulate, pairwise
from typing import NamedTuple

from advocacy.evidence.columns import find_peer_cell, labelled_cells, row_text
from advocacy.evidence.pdf_tables import PARAGRAPH_GAP, joined, table_rows
from advocacy.evidence.segment import ends_sentence
from advocacy.evidence.titles import (
    BULLET,
    GLYPH_BULLET,
    SECTION_NUMBER,
    bold_title,
    flyer_headings,
    heads,
    opens_text,
    short_title,
)

_LINE = re.compile(r"[^\r\n]+")
_LINE_HYPHEN = re.compile("[\x02\ufffe]")
HEADING_SIZE = 1.05  # a heading's font is at least this much larger than the body's
BOLD = 600
#: A bold face by its font's name ("DejaVuSans-Bold", "Arial,Bold", "Arial-Black"; not "DemiLight").
_BOLD_NAME = re.compile(r"bold|black|heavy", re.IGNORECASE)
SHORT_LINE = 0.75  # of the page's longest line
MARGIN_ROWS = 6  # a running header or footer is among a page's top or bottom lines (letterhead)
MARGIN_LINES = 2.5  # a page number is set this many font sizes apart from the text
_PAGE_NUMBER = re.compile(r"^(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$", re.IGNORECASE)


@dataclass(frozen=True)
class PdfLine:
    text: str
    page: int
    size: float
    bold: bool
    y: float = 0.0  # the baseline's height on the page (PDF points, from the bottom)
    x: float = 0.0  # where the line starts (PDF points, from the left)
    last_y: float | None = None  # the last character's baseline, where PDFium joined two lines
    xs: tuple[float, ...] = ()  # on a page with a table: where each character starts
    ends: tuple[float, ...] = ()  # and where it ends

    @property
    def low(self) -> float:
        """The height of the line's lowest baseline."""
        return self.y if self.last_y is None else self.last_y


class PdfPassage(NamedTuple):
    text: str
    page: int
    heading: str | None
    item: bool  # a list item
    owner: str | None = None  # in a table row: its first cell
    peer_cell: str | None = None  # in a table row: its cell under a peer role's column


def page_lines(textpage, page: int) -> list[PdfLine]:  # textpage: pypdfium2 PdfTextPage
    """The page's text lines with the font size of their first character, and whether
    they are bold from their first to their last character (so a run-in bold label,
    "**Pay:** $21.50 an hour", is not a bold line)."""
    import ctypes

    import pypdfium2.raw as raw

    x, y = ctypes.c_double(), ctypes.c_double()
    name, flags = ctypes.create_string_buffer(128), ctypes.c_int()

    def bold_at(index: int) -> bool:
        if raw.FPDFText_GetFontWeight(textpage.raw, index) >= BOLD:
            return True
        # Many PDFs (LibreOffice's among them) give no weight, only the font's name.
        length = raw.FPDFText_GetFontInfo(textpage.raw, index, name, len(name), ctypes.byref(flags))
        return 0 < length <= len(name) and bool(_BOLD_NAME.search(name.value.decode("latin-1")))

    # PDFium joins text on two baselines into one line where it reads on: a word
    # hyphenated at a line's end (marked \x02 or U+FFFE), or a table header whose cells
    # sit lower than a wrapped one. Such a line's last character keeps the lower baseline.
    text = textpage.get_text_range()
    count = textpage.count_chars()
    index = _char_indexes(text)
    lines: list[PdfLine] = []
    ranges = []
    spread: set[int] = set()  # the lines whose text is set in several runs
    for match in _LINE.finditer(text):
        stripped = match.group().strip()
        if not stripped:
            continue
        begin = match.start() + len(match.group()) - len(match.group().lstrip())
        first, last = index(begin), index(begin + len(stripped) - 1)
        size = 0.0
        bold = False
        last_y = None
        if last < count:
            size = raw.FPDFText_GetFontSize(textpage.raw, first)
            bold = bold_at(first) and bold_at(last)
            raw.FPDFText_GetCharOrigin(textpage.raw, last, ctypes.byref(x), ctypes.byref(y))
            last_y = y.value
            raw.FPDFText_GetCharOrigin(textpage.raw, first, ctypes.byref(x), ctypes.byref(y))
            if last_y > y.value - 1:
                last_y = None  # one baseline (a raised or lowered mark at the end is no line)
            # PDFium's rectangles of the line's text: one per run of characters set
            # together, so cells set apart on one line make several
            if raw.FPDFText_CountRects(textpage.raw, first, last - first + 1) > 1:
                spread.add(len(lines))
        text_of_line = _LINE_HYPHEN.sub("-", stripped)
        lines.append(PdfLine(text_of_line, page, round(size, 1), bold, y.value, x.value, last_y))
        ranges.append((begin, last))
    numbers = _page_numbers(lines)
    kept = [n for n in range(len(lines)) if n not in numbers]
    cells = [lines[n] for n in kept if n in spread]
    lines, ranges = [lines[n] for n in kept], [ranges[n] for n in kept]
    if any(b.y > a.low + 1 for a, b in pairwise(lines)) or _rows_in_columns(cells):
        # a table: cells may share a line
        lines = [
            _with_boxes(line, textpage, [index(n) for n in range(begin, begin + len(line.text))])
            if last < count
            else line
            for line, (begin, last) in zip(lines, ranges, strict=True)
        ]
    return lines


def _rows_in_columns(spread: list[PdfLine]) -> bool:
    """Whether the page may hold a table whose cells share lines and never step up
    (each first cell on one line): two lines, no list items, whose text PDFium sets
    in several runs (cells apart on one line; a change of font does it too). Only then
    are the characters' places worth looking up: on a page of prose they take more
    time than the rest of its reading."""
    return (
        sum(not GLYPH_BULLET.match(line.text) and not BULLET.match(line.text) for line in spread)
        >= 2
    )


def _page_numbers(lines: list[PdfLine]) -> set[int]:
    """Which of a page's lines are numbers of the page or of its lines: a number alone on
    the page's top or bottom line, set apart from the text, or in the left margin (Word's
    line numbering). A "44" in a table cell, or at the foot of a list, is text."""
    numbers = [n for n, line in enumerate(lines) if _PAGE_NUMBER.match(line.text)]
    if not numbers:
        return set()
    heights = sorted({line.y for line in lines})
    below = heights[1] - heights[0] if len(heights) > 1 else float("inf")
    above = heights[-1] - heights[-2] if len(heights) > 1 else float("inf")
    alone = set(numbers)
    text = [line.x for n, line in enumerate(lines) if n not in alone]
    margin = min(text) if text else 0.0
    return {
        n
        for n in numbers
        if (lines[n].y == heights[0] and below > MARGIN_LINES * lines[n].size)
        or (lines[n].y == heights[-1] and above > MARGIN_LINES * lines[n].size)
        or lines[n].x < margin - lines[n].size
    }


def _char_indexes(text: str) -> Callable[[int], int]:
    """From a place in ``text`` to PDFium's index of that character: PDFium counts
    UTF-16 units, so a character beyond the Basic Multilingual Plane (an emoji, 🚨)
    takes two, and every index after it is one further on."""
    if text.isascii() or len(text.encode("utf-16-le")) == 2 * len(text):
        return lambda offset: offset
    before = list(accumulate((ord(c) > 0xFFFF for c in text), initial=0))
    return lambda offset: offset + before[offset]


def _with_boxes(line: PdfLine, textpage, indexes: list[int]) -> PdfLine:
    """``line`` with where each of its characters starts and ends across the page
    (``indexes``: PDFium's index of each of its characters).

    Only each word's first and last characters are looked up: a cell's gap is
    between words, and a line's ends are a word's. The characters inside a word are
    spaced evenly between them, and a space spans the gap it stands in. Looking up
    every character took most of the time of reading a PDF full of tables."""
    import ctypes

    import pypdfium2.raw as raw

    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    boxes = [ctypes.byref(v) for v in (left, right, bottom, top)]
    spaces = [char.isspace() for char in line.text]
    count = len(indexes)
    starts, ends = [0.0] * count, [0.0] * count
    at = 0
    while at < count:
        if spaces[at]:
            at += 1
            continue
        end = at
        while end + 1 < count and not spaces[end + 1]:
            end += 1
        raw.FPDFText_GetCharBox(textpage.raw, indexes[at], *boxes)
        word_left = left.value
        if end != at:
            raw.FPDFText_GetCharBox(textpage.raw, indexes[end], *boxes)
        step = (right.value - word_left) / (end - at + 1)
        for n in range(at, end + 1):
            starts[n], ends[n] = word_left + (n - at) * step, word_left + (n - at + 1) * step
        at = end + 1
    for n in range(count):
        if spaces[n]:  # from the word before to the word after
            starts[n] = ends[n - 1] if n else 0.0
            after = next((starts[m] for m in range(n + 1, count) if not spaces[m]), starts[n])
            ends[n] = max(after, starts[n])
    return replace(line, xs=tuple(starts), ends=tuple(ends))


def running_lines(lines: list[PdfLine]) -> set[tuple[str, float]]:
    """Running headers and footers: lines repeated at the same height on most pages,
    among the first or last few lines of each (a sentence repeated mid-page is text).

    Page numbers inside them ("Page 3", "RFR 2027-14, p. 3") are ignored.
    """
    pages = len({line.page for line in lines})
    if pages < 2:
        return set()
    heights: dict[int, list[float]] = {}
    for line in lines:
        heights.setdefault(line.page, []).append(line.y)
    margins = {}  # a page's top and bottom few lines, where running text is set
    for page, ys in heights.items():
        ys.sort()
        margins[page] = (ys[min(MARGIN_ROWS, len(ys)) - 1], ys[-min(MARGIN_ROWS, len(ys))])
    seen: dict[tuple[str, float], set[int]] = {}
    for line in lines:
        low, high = margins[line.page]
        if line.y <= low or line.y >= high:
            seen.setdefault(_running_key(line), set()).add(line.page)
    return {key for key, on in seen.items() if len(on) >= max(2, pages / 2)}


def _running_key(line: PdfLine) -> tuple[str, float]:
    return re.sub(r"\d+", "#", line.text), round(line.y)


def passages_from_lines(lines: list[PdfLine]) -> Iterator[PdfPassage]:
    """Each passage of the document, with its page and nearest heading."""
    running = running_lines(lines)
    lines = [line for line in lines if _running_key(line) not in running]
    sizes: Counter[float] = Counter()
    for line in lines:
        sizes[line.size] += len(line.text)
    body = sizes.most_common(1)[0][0] if sizes else 0.0
    widths: dict[int, int] = {}
    for line in lines:
        widths[line.page] = max(widths.get(line.page, 0), len(line.text))
    gaps = (
        a.low - b.y
        for a, b in pairwise(lines)
        if a.page == b.page and a.size == b.size == body and a.low > b.y
    )
    # The line spacing inside a paragraph is the smallest gap between body lines
    # (a smaller one is a fragment of the same line, such as a superscript).
    usual_gap = min((g for g in gaps if g >= 0.9 * body), default=0.0)

    heading: str | None = None
    current: list[str] = []
    first_line = ""  # the line ``current`` holds, with its bullet or number, if it holds one
    page = 0
    item = False
    previous_heading: PdfLine | None = None

    rows = table_rows(lines, usual_gap)

    said = False  # whether a passage has been read
    titles: list[PdfPassage] = []  # the title lines, read as passages if there is nothing else

    def flush(after: str = "") -> Iterator[PdfPassage]:
        """Yield the passage; a title line alone heads what follows instead (``after``
        is the next line's text, which decides for a sentence-case title)."""
        nonlocal heading, first_line, said
        top = heading is None and not said  # the document's title
        title = first_line and (
            heads(first_line, top) or (short_title(first_line) and opens_text(after))
        )
        if current and title:
            current.clear()
            heading = first_line  # a title line alone ("1. DEFINITIONS"), as in text
            titles.append(PdfPassage(first_line, page, None, False))
        if current:
            yield PdfPassage(joined(current), page, heading, item)
            current.clear()
            said = True
        first_line = ""

    skip_to = 0
    for index, line in enumerate(lines):
        if index < skip_to:
            continue  # a line of the table row yielded below
        if index in rows:
            yield from flush()
            row = rows[index]
            skip_to = row.end
            if row.rest:
                continue  # joined to its row on the page before
            if row.header and len(row.cells) > 1:  # read by its columns, as a Word table is
                text = row_text(labelled_cells(row.header, row.cells))
                peer_cell = find_peer_cell(row.header, row.cells)
            elif len(row.cells) > 1:  # the header row itself
                text, peer_cell = row_text(row.cells), None
            else:
                text, peer_cell = joined([cell.text for cell in lines[index:skip_to]]), None
            yield PdfPassage(text, line.page, heading, False, row.owner, peer_cell)
            said = True
            previous_heading = None
            continue
        if _is_heading(line, body):
            yield from flush()
            if previous_heading is not None and previous_heading.size == line.size:
                heading = f"{heading} {line.text}"  # a heading wrapped over two lines
                titles.pop()
            else:
                heading = line.text
            titles.append(PdfPassage(heading, line.page, None, False))
            previous_heading = line
            continue
        previous_heading = None
        bullet = GLYPH_BULLET.match(line.text) or BULLET.match(line.text)
        following = lines[index + 1] if index + 1 < len(lines) else None
        if not bullet and _titles_a_list(line, following, top=heading is None and not said):
            # a title line right over its items, in the body's font ("3.0 EXCLUDED
            # ACTIVITIES (…)" over "3.1 …"), heads them, as a text file's would
            yield from flush()
            heading = line.text
            titles.append(PdfPassage(heading, line.page, None, False))
            continue
        if bullet:
            yield from flush()
        if not current:
            page, item, first_line = line.page, bool(bullet), line.text
        else:
            first_line = ""  # two lines (or a word hyphenated across two) are no title line
        current.append(line.text[bullet.end() :] if bullet else line.text)
        short = len(line.text) < SHORT_LINE * widths[line.page]
        wide_gap = (
            following is not None
            and following.page == line.page
            and usual_gap > 0
            and line.low - following.y > PARAGRAPH_GAP * usual_gap
        )
        ends = ends_sentence(line.text)
        if (
            following is None
            or wide_gap
            or (following.page != line.page and ends)
            or (short and (ends or _starts_sentence(following.text)))
            # a numbered section after a whole sentence ("3.2 …" under "3.1 … ."), as in text
            or (ends and SECTION_NUMBER.match(following.text) is not None)
        ):
            yield from flush(following.text if following is not None else "")
    yield from flush()
    if not said:  # title lines only, as in a flyer: read as they are
        headings = flyer_headings([title.text for title in titles])
        yield from (
            title._replace(heading=under) for title, under in zip(titles, headings, strict=True)
        )


def _titles_a_list(line: PdfLine, following: PdfLine | None, top: bool) -> bool:
    """Whether ``line`` is a title (:func:`heads`) with the items of a list under it on
    the same page: the next line opens with a bullet or a section number."""
    if following is None or following.page != line.page:
        return False
    marked = GLYPH_BULLET.match(following.text) or BULLET.match(following.text)
    numbered = SECTION_NUMBER.match(following.text)
    return bool(marked or numbered) and not ends_sentence(line.text) and heads(line.text, top)


def _is_heading(line: PdfLine, body: float) -> bool:
    words = line.text.split()
    if not words or len(words) > 14:
        return False
    if line.size >= body * HEADING_SIZE:
        return True
    if not line.bold:
        return False
    # A numbered bold line heads a section, a question too ("7.5.2 Which functions will
    # peer staff not perform?", "4.3(c) Supervision and support.").
    return bool(SECTION_NUMBER.match(line.text)) or (
        bold_title(line.text) and not ends_sentence(line.text)
    )


def _starts_sentence(text: str) -> bool:
    first = text.lstrip("\"'“‘([")[:1]
    return first.isupper() or first.isdigit() or bool(GLYPH_BULLET.match(text))
