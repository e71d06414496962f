"""Find the tables among a PDF's lines, and the rows of each.

A PDF has no table structure, but it shows in the lines' positions. Word and
LibreOffice write a row's cells one after another, so the text steps back up
the page to the row's top for each cell: a line higher than the line before
it, on the baseline of an earlier line, starts another cell of the same row.
Short cells of one row may share a line (PDFium joins text on one baseline);
the characters' positions tell where each column starts.

Three things look like a step up and are not tables:

* text set in columns steps up once, to the top of the page, a whole column
  above: a step up of more than a cell's height is not a cell;
* a raised footnote mark steps up to no earlier baseline;
* a single step up proves little: a table needs steps up to two heights (two
  rows).

The table is the run of lines around its steps that sit in its columns and
cross no column boundary; running text before or after it, even at the first
column's margin, crosses one.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import pairwise
from typing import TYPE_CHECKING, NamedTuple

from advocacy.evidence.titles import BULLET, GLYPH_BULLET

if TYPE_CHECKING:
    from advocacy.evidence.pdf_lines import PdfLine

PARAGRAPH_GAP = 1.4  # a gap between lines this much wider than usual ends a paragraph
#: A table's rows may stand further apart than lines (Word's cells keep their paragraphs'
#: space after): a gap this much wider than usual ends the run a table is looked for in.
TABLE_GAP = 2.5
RUNNING = 0.6  # a line without a cell's gap across this much of the page is a paragraph's
ROW_GAP = 1.15  # in a table, a gap this much wider than usual ends a row (cells are padded)
CELL_LINES = 15  # a step up of more lines than this is a column of text, not a cell
COLUMN_GAP = 0.6  # between two cells on one line: at least this many font sizes of space
#: A table whose rows never step up shows as this many lines with a cell's gap before one column.
ALIGNED_ROWS = 2
FIRST_CELL_WORDS = 12  # a first cell longer than this is running text in columns


class Row(NamedTuple):
    """A table row found among a PDF's lines."""

    end: int  # the index after its last line
    owner: str | None  # its first cell (None when not known)
    cells: list[str]  # its text in each of the table's columns
    header: list[str]  # the table's first row, by column (empty for that row itself)
    # the rest of a row that broke across a page: its text is joined to the row above
    # (Word's and LibreOffice's rows break across pages unless told not to)
    rest: bool = False


class _Carried(NamedTuple):
    """A table that ran to the foot of its page, for the rows at the top of the next."""

    header: str  # its first row, which may be repeated at the top of the next page
    owner: str | None  # its last row's first cell
    left: float
    boundary: float
    columns: list[float]  # where each column starts
    titles: list[str]  # its first row's cells
    start: int  # its last row's first line


def table_rows(lines: list[PdfLine], usual_gap: float) -> dict[int, Row]:
    """The table rows among ``lines``, by the index of each row's first line."""
    rows: dict[int, Row] = {}
    if usual_gap <= 0:
        return rows
    carried: _Carried | None = None
    for block in _blocks(lines, usual_gap):
        new_page = block.start == 0 or lines[block.start].page != lines[block.start - 1].page
        table = _table(lines, block, usual_gap, carried if new_page else None)
        if table is None or not new_page or table[0].start != block.start:
            carried = None  # only a table at the top of the next page goes on
        if table is None:
            continue
        found, left, boundary = table
        these = _rows(lines, found, usual_gap, boundary, carried)
        if any(len((owner or "").split()) > FIRST_CELL_WORDS for _, owner, _ in these.values()):
            carried = None
            continue  # a "first cell" of running prose: text in columns, not a table
        columns = carried.columns if carried else _columns(lines, found, left)
        titles = carried.titles if carried else []
        for start, (end, owner, rest) in sorted(these.items()):
            cells = _cells(lines[start:end], columns)
            if carried is not None and lines[start].text == carried.header:
                cells = titles  # the header row again, at the top of the next page
            elif carried is not None and rest:
                above = rows[carried.start]  # the row went on from the page before
                rows[carried.start] = above._replace(cells=_joined_cells(above.cells, cells))
                rows[start] = Row(end, owner, [], [], rest=True)
                continue
            rows[start] = Row(end, owner, cells, titles if cells is not titles else [])
            titles = titles or cells
        at_foot = found.stop == block.stop and (
            block.stop == len(lines) or lines[block.stop].page != lines[block.stop - 1].page
        )
        header = carried.header if carried else lines[found.start].text
        last = max(these)
        if rows[last].rest and carried is not None:
            last = carried.start  # a row that runs over more than a page
        carried = (
            _Carried(header, these[max(these)][1], left, boundary, columns, titles, last)
            if at_foot
            else None
        )
    return rows


def _table(
    lines: list[PdfLine], block: range, usual_gap: float, carried: _Carried | None
) -> tuple[range, float, float] | None:
    """The table in ``block`` (its lines, the left of its first column and where its
    second column starts), or None. At the top of a page, a table from the foot of
    the page before goes on in its columns, whatever steps up it still shows."""
    steps = _steps(lines, block, usual_gap)
    if len({round(lines[top].y) for _, top in steps}) >= 2:
        start = min(top for _, top in steps)
        end = max(step for step, _ in steps) + 1
        tops = [lines[top] for _, top in steps]
        while start > block.start and _row_cell_before(lines[start - 1], lines[start:end]):
            start -= 1  # a first cell set lower than the row's top ("Role" under "Current FTE")
            tops.append(lines[start])
        left = min(line.x for line in tops)
        starts = [lines[step].x for step, _ in steps] + [
            x for i in range(start, end) if (x := _cell_after_gap(lines[i], left)) is not None
        ]
        found = min((x for x in starts if x > left + 2), default=None)
        if found is None:
            return None
        boundary = found
    elif carried is not None and _in_table(
        lines[block.start], carried.left, carried.boundary, before=False
    ):
        start, end, left, boundary = block.start, block.start + 1, carried.left, carried.boundary
    elif aligned := _aligned(lines, block):
        return aligned  # its rows show themselves: no line of the margin is added
    else:
        return None
    while start > block.start and (
        _in_table(lines[start - 1], left, boundary, before=True)
        or _row_cell_before(lines[start - 1], lines[start:end])
    ):
        start -= 1
    while end < block.stop and _in_table(lines[end], left, boundary, before=False):
        end += 1
    if any(left + 2 < lines[i].x < boundary - 1 for i in range(start, end)):
        return None  # centred or indented cells: the columns cannot be told apart
    return range(start, end), left, boundary


def _aligned(lines: list[PdfLine], block: range) -> tuple[range, float, float] | None:
    """A table whose rows never step up (each first cell on one line): lines at one
    margin, ALIGNED_ROWS or more, each with a cell's gap before the same column, and
    the wrapped lines of its later cells. Its lines, the left of its first column and
    where its second column starts, or None.

    Lines at the margin after its last row are not its rows (a lead-in, a list, a
    heading after two lines set with a tab), and a form typed with tabs, whose first
    cells are labels ("Duties:<tab>Give out medications"), is no table."""
    cuts = []  # (line, its left, where a cell starts after a gap on it)
    for i in block:
        line = lines[i]
        if BULLET.match(line.text) or GLYPH_BULLET.match(line.text):
            continue  # a list item's text after its number or bullet
        cuts += [(i, line.x, line.xs[c]) for c in _cuts(line) if line.xs[c] > line.x + 2]
    best: tuple[int, list[int], float, float] | None = None
    for _, left, x in cuts:  # the column most lines have a cell in (set a point or two apart)
        near = [(i, at) for i, margin, at in cuts if abs(margin - left) <= 1 and abs(at - x) <= 2]
        rows = sorted({i for i, _ in near})
        if len(rows) >= ALIGNED_ROWS and (best is None or len(rows) > best[0]):
            best = (len(rows), rows, left, min(at for _, at in near))
    if best is None:
        return None
    _, rows, left, boundary = best
    end = rows[-1] + 1
    while end < block.stop and lines[end].x >= boundary - 1:
        end += 1  # the last row's later cells, wrapped
    if any(_crosses(lines[i], boundary) for i in range(rows[0], end)):
        return None  # running text between its rows
    labels = sum(_before(lines[i], boundary).endswith(":") for i in rows)
    if 2 * labels >= len(rows):
        return None
    return range(rows[0], end), left, boundary


def _row_cell_before(line: PdfLine, table: list[PdfLine]) -> bool:
    """Whether ``line``, just before the table's first step up, is a cell of its first
    row: left of the table's first line, on the baseline of one of the row's lines."""
    first = table[0]
    return (
        line.page == first.page
        and line.x < first.x - 2
        and any(
            min(abs(line.y - other.y), abs(line.y - other.low)) <= 1
            for other in table
            if other.y <= first.y + 1
        )
    )


def joined(texts: list[str]) -> str:
    """Lines as one text, a word hyphenated across two lines joined."""
    out: list[str] = []
    for text in texts:
        if out and out[-1].endswith("-") and text[:1].islower():
            out[-1] = out[-1][:-1] + text
        else:
            out.append(text)
    return " ".join(" ".join(out).split())


def _joined_cells(above: list[str], rest: list[str]) -> list[str]:
    """A row's cells with the rest of each from the next page."""
    if len(above) != len(rest):  # not read by the same columns: the rest goes on the last
        return [*above[:-1], joined([above[-1], *rest])] if above else rest
    return [joined([a, b]) for a, b in zip(above, rest, strict=True)]


def _blocks(lines: list[PdfLine], usual_gap: float) -> list[range]:
    """Runs of lines on one page with no gap wider than a table's rows below the
    run's lowest line (a row's last cell ends at its top, not its bottom)."""
    blocks = []
    start = 0
    bottom = lines[0].low if lines else 0.0
    widths = _text_widths(lines)
    for end in range(1, len(lines) + 1):
        line = lines[end] if end < len(lines) else None
        if (
            line is not None
            and line.page == lines[end - 1].page
            and bottom - line.y <= TABLE_GAP * usual_gap
            and not _running_text(line, widths[line.page])
            and not _running_text(lines[end - 1], widths[line.page])
        ):
            bottom = min(bottom, line.low)
            continue
        blocks.append(range(start, end))
        if line is not None:
            start, bottom = end, line.low
    return blocks


def _text_widths(lines: list[PdfLine]) -> dict[int, float]:
    """How wide each page's text runs, from the left of its leftmost character to the
    right of its rightmost (0 where the characters' places are not known)."""
    edges: dict[int, tuple[float, float]] = {}
    for line in lines:
        if line.ends:
            low, high = edges.get(line.page, (line.xs[0], line.ends[-1]))
            edges[line.page] = (min(low, min(line.xs)), max(high, max(line.ends)))
    return {line.page: 0.0 for line in lines} | {p: b - a for p, (a, b) in edges.items()}


def _running_text(line: PdfLine, width: float) -> bool:
    """Whether ``line`` runs across most of the page without a cell's gap: a line of a
    paragraph, which no table row is (a paragraph between two tables ends the first)."""
    marks = _marks(line)
    if not marks or width <= 0 or line.ends[marks[-1]] - line.xs[marks[0]] < RUNNING * width:
        return False
    return all(line.xs[b] - line.ends[a] < COLUMN_GAP * line.size for a, b in pairwise(marks))


def _steps(lines: list[PdfLine], block: range, usual_gap: float) -> list[tuple[int, int]]:
    """(line, the first line of its row's top) for each line that steps back up, at
    most a cell's height, onto the baseline of an earlier line with only lower lines
    since (a row's top: text in the next column of a page jumps above it)."""
    above: list[tuple[float, int]] = []  # (baseline, first line on it), highest first
    steps = []
    for i in block:
        line = lines[i]
        while above and above[-1][0] < line.y - 1:
            above.pop()  # lower than this line: no longer a row's top
        if above and above[-1][0] <= line.y + 1:
            rise = line.y - lines[i - 1].low
            if 1 < rise <= CELL_LINES * usual_gap:
                steps.append((i, above[-1][1]))
        else:
            above.append((line.y, i))
    return steps


def _cell_after_gap(line: PdfLine, left: float) -> float | None:
    """Where the first cell after a cell's gap starts on ``line`` (short cells of a row
    share a line), or None."""
    return next((line.xs[i] for i in _cuts(line) if line.xs[i] > left + 2), None)


def _marks(line: PdfLine) -> list[int]:
    """The indices of the line's visible characters whose place is known."""
    if len(line.ends) != len(line.text):
        return []
    return [i for i, char in enumerate(line.text) if not char.isspace()]


def _gap_before(line: PdfLine, x: float) -> float | None:
    """The space before the first visible character at or right of ``x``, or None if
    the line does not reach ``x`` there (or its characters' places are not known)."""
    marks = _marks(line)
    after = next((n for n, i in enumerate(marks) if line.xs[i] >= x), None)
    if not after:  # None, or the first character: nothing before it on the line
        return None
    return line.xs[marks[after]] - line.ends[marks[after - 1]]


def _in_table(line: PdfLine, left: float, boundary: float, before: bool) -> bool:
    """Whether ``line`` is a line of the table: it starts inside the table and runs
    over the second column's start only after a cell's gap (running text crosses
    it). Before the first step up, where text at the margin looks like a first
    cell, the line must also show that it is a row: it starts in another column or
    holds several cells."""
    if line.x < left - 2:
        return False
    crossing = _crosses(line, boundary)
    if crossing is True:
        return False  # running text across a column
    return not before or line.x >= boundary - 1 or crossing is False


def _crosses(line: PdfLine, boundary: float) -> bool | None:
    """Whether ``line`` runs on from its first column over ``boundary`` without a
    cell's gap (True), after one (False), or does not reach it or start left of it
    (None)."""
    if line.x >= boundary - 1:
        return None
    gap = _gap_before(line, boundary - 1)
    return None if gap is None else gap < COLUMN_GAP * line.size


def _rows(
    lines: list[PdfLine],
    table: range,
    usual_gap: float,
    boundary: float,
    carried: _Carried | None,
) -> dict[int, tuple[int, str | None, bool]]:
    """Split ``table`` into rows (each row's end, owner, and whether it is the rest of
    a row): a row starts below the last row's lowest line, in the first column, once
    the row before has reached another column (or after a gap wider than the lines
    of one cell). Lines at the top of a page that continue the last row of the page
    before (under a repeated header row, if any) are the rest of it, and keep its
    owner."""
    starts = [table.start]
    reached = _reached(lines[table.start], boundary)
    bottom = lines[table.start].low
    header_again = carried is not None and lines[table.start].text == carried.header
    for i in table[1:]:
        line = lines[i]
        if line.y < bottom - 1 and (
            (line.x < boundary - 1 and reached)
            or bottom - line.y > ROW_GAP * usual_gap
            or (header_again and i == table.start + 1)
        ):
            starts.append(i)
            bottom = line.low
            reached = False
        reached = reached or _reached(line, boundary)
        bottom = min(bottom, line.low)
    rows: dict[int, tuple[int, str | None, bool]] = {}
    for n, (start, end) in enumerate(zip(starts, [*starts[1:], table.stop], strict=True)):
        if carried is not None and n == int(header_again) and lines[start].x >= boundary - 1:
            rows[start] = (end, carried.owner, True)  # the rest of a row from the page before
            continue
        cell = start + 1
        while cell < end and lines[cell].x < boundary - 1 and lines[cell].y < lines[cell - 1].low:
            cell += 1  # the first cell's wrapped lines
        owner = joined([_before(line, boundary) for line in lines[start:cell]]) or None
        rows[start] = (end, owner, False)
    return rows


def _reached(line: PdfLine, boundary: float) -> bool:
    """Whether ``line`` is in a column after the first, or holds one after a gap."""
    return line.x >= boundary - 1 or _crosses(line, boundary) is False


def _before(line: PdfLine, column: float) -> str:
    """The part of ``line`` left of ``column``, cut only at a cell's gap."""
    if line.x >= column - 1:
        return ""
    if _crosses(line, column) is not False:
        return line.text  # it does not reach the column, or its words run on
    cut = next(i for i in _marks(line) if line.xs[i] >= column - 1)
    return line.text[:cut].rstrip()


def _columns(lines: list[PdfLine], table: range, left: float) -> list[float]:
    """Where each of the table's columns starts: where its lines start, and where a cell
    starts after a cell's gap on a line that holds several, if two lines show it (a gap
    seen once may be a glyph the PDF did not keep, such as an emoji)."""
    starts = sorted({lines[i].x for i in table})
    gaps = sorted(x for i in table for x in _gaps(lines[i])[1:])
    starts = sorted(
        set(starts)
        | {x for x, y in pairwise(gaps) if y - x <= 2}
        | {x for x in gaps if _near(starts, x)}
    )
    columns = [left]
    for x in starts:
        if x > columns[-1] + 2:
            columns.append(x)
    return columns


def _near(sorted_xs: list[float], x: float) -> bool:
    """Whether one of ``sorted_xs`` is within two points of ``x``."""
    at = bisect_right(sorted_xs, x)
    return any(abs(sorted_xs[i] - x) <= 2 for i in (at - 1, at) if 0 <= i < len(sorted_xs))


def _gaps(line: PdfLine, cuts: list[int] | None = None) -> list[float]:
    """Where the line starts, and where each cell after a cell's gap on it starts (at
    ``cuts``, the line's :func:`_cuts`, when already known)."""
    return [line.x] + [line.xs[i] for i in (_cuts(line) if cuts is None else cuts)]


def _cuts(line: PdfLine) -> list[int]:
    """The indices of the characters that start a cell after a cell's gap on ``line``."""
    marks = _marks(line)
    return [b for a, b in pairwise(marks) if line.xs[b] - line.ends[a] >= COLUMN_GAP * line.size]


def _cells(lines: list[PdfLine], columns: list[float]) -> list[str]:
    """The row's text in each column, a line holding several cells cut at their gaps."""
    pieces: list[list[str]] = [[] for _ in columns]
    for line in lines:
        cuts = _cuts(line)
        for at, end, x in zip([0, *cuts], [*cuts, len(line.text)], _gaps(line, cuts), strict=True):
            column = max(bisect_right(columns, x + 2) - 1, 0)
            pieces[column].append(line.text[at:end].strip())
    return [joined(texts) for texts in pieces]
