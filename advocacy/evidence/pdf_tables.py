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

from bisect import bisect_left
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from advocacy.evidence.pdf_lines import PdfLine

PARAGRAPH_GAP = 1.4  # a gap between lines this much wider than usual ends a paragraph
ROW_GAP = 1.15  # in a table, a gap this much wider than usual ends a row (cells are padded)
CELL_LINES = 15  # a step up of more lines than this is a column of text, not a cell
COLUMN_GAP = 1.0  # between two cells on one line: at least this many font sizes of space

#: A table row: the index after its last line, and its first cell (None when not known).
Row = tuple[int, "str | None"]


def table_rows(lines: list[PdfLine], usual_gap: float) -> dict[int, Row]:
    """The table rows among ``lines``, by the index of each row's first line."""
    rows: dict[int, Row] = {}
    if usual_gap <= 0:
        return rows
    for block in _blocks(lines, usual_gap):
        steps = _steps(lines, block, usual_gap)
        if len({round(lines[top].y) for _, top in steps}) < 2:
            continue
        start = min(top for _, top in steps)
        end = max(step for step, _ in steps) + 1
        columns = sorted({lines[i].x for i in range(start, end)})  # where the cells start
        columns = [x for n, x in enumerate(columns) if n == 0 or x - columns[n - 1] >= 2]
        while start > block.start and _in_columns(lines[start - 1], columns, before=True):
            start -= 1
        while end < block.stop and _in_columns(lines[end], columns, before=False):
            end += 1
        rows.update(_rows(lines, range(start, end), usual_gap, columns))
    return rows


def joined(texts: list[str]) -> str:
    """Lines as one text, a word hyphenated across two lines joined."""
    out: list[str] = []
    for text in texts:
        if out and out[-1].endswith("-") and text[:1].islower():
            out[-1] = out[-1][:-1] + text
        else:
            out.append(text)
    return " ".join(" ".join(out).split())


def _blocks(lines: list[PdfLine], usual_gap: float) -> list[range]:
    """Runs of lines on one page with no gap wider than a paragraph's below the
    run's lowest line (a row's last cell ends at its top, not its bottom)."""
    blocks = []
    start = 0
    bottom = lines[0].low if lines else 0.0
    for end in range(1, len(lines) + 1):
        line = lines[end] if end < len(lines) else None
        if (
            line is not None
            and line.page == lines[end - 1].page
            and bottom - line.y <= PARAGRAPH_GAP * usual_gap
        ):
            bottom = min(bottom, line.low)
            continue
        blocks.append(range(start, end))
        if line is not None:
            start, bottom = end, line.low
    return blocks


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


def _in_columns(line: PdfLine, columns: list[float], before: bool) -> bool:
    """Whether ``line`` is a line of the table: it starts at a column and runs over
    no column boundary except with a cell's gap. Before the first step up, where
    running text at the margin looks like a first cell, the line must also show
    that it is a row: it starts in another column or holds several cells."""
    if not any(_near(line.x, x) for x in columns):
        return False
    later = [x for x in columns if x > line.x + 2]
    gaps = [_gap_at(line, x) for x in later]
    if any(gap is not None and gap < COLUMN_GAP * line.size for gap in gaps):
        return False  # running text across a column boundary
    if not before:
        return True
    return not _near(line.x, columns[0]) or any(gap is not None for gap in gaps)


def _gap_at(line: PdfLine, column: float) -> float | None:
    """The space before the first character at or right of ``column``, or None if the
    line does not reach it (or its characters' positions are not known)."""
    cut = bisect_left(line.xs, column - 1)
    if not line.xs or cut >= len(line.xs) or cut == 0:
        return None
    return line.xs[cut] - line.xs[cut - 1]


def _rows(
    lines: list[PdfLine], table: range, usual_gap: float, columns: list[float]
) -> dict[int, Row]:
    """Split ``table`` into rows: a row starts below the last row's lowest line, in
    the first column, after a line of another column (or after a gap wider than
    the lines of one cell)."""
    first_column = columns[0]
    starts = [table.start]
    bottom = lines[table.start].low
    for i in table[1:]:
        line, above = lines[i], lines[i - 1]
        if line.y < bottom - 1 and (
            (_near(line.x, first_column) and not _near(above.x, first_column))
            or bottom - line.y > ROW_GAP * usual_gap
        ):
            starts.append(i)
            bottom = line.low
        bottom = min(bottom, line.low)
    second_column = columns[1] if len(columns) > 1 else None
    rows: dict[int, Row] = {}
    for start, end in zip(starts, [*starts[1:], table.stop], strict=True):
        cell = start + 1
        while (
            cell < end
            and _near(lines[cell].x, first_column)
            and lines[cell].y < lines[cell - 1].low
        ):
            cell += 1  # the first cell's wrapped lines
        owner = None
        if second_column is not None:  # each line up to where the second column starts
            owner = joined([_before(line, second_column) for line in lines[start:cell]]) or None
        rows[start] = (end, owner)
    return rows


def _before(line: PdfLine, column: float) -> str:
    """The part of ``line`` left of ``column`` (short cells of one row share a line)."""
    cut = bisect_left(line.xs, column - 1) if line.xs else len(line.text)
    return line.text[:cut].rstrip()


def _near(a: float, b: float) -> bool:
    return abs(a - b) < 2
