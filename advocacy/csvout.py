"""CSV output that a spreadsheet cannot turn into formulas.

Cells come from people (reviewer comments, advocates' names). A cell that
begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return can run as a
formula when the file is opened in a spreadsheet, so such cells are prefixed
with an apostrophe (OWASP's advice for CSV injection).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """``value``, with a leading apostrophe if it is text a spreadsheet would run."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def csv_text(rows: Iterable[Iterable[object]]) -> str:
    """Rows as CSV text with ``\\n`` line ends, every text cell neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for row in rows:
        writer.writerow([neutralise(cell) for cell in row])
    return buffer.getvalue()
