"""Page geometry: text width between the margins, page orientation, table column widths."""

from __future__ import annotations

from lxml import etree

from advocacy.render.docx.ooxml import q, twips

MIN_COLUMN = 900  # narrowest table column, in twips (0.625 inch)


def text_width(sect_pr: etree._Element, landscape: bool = False) -> int:
    """Twips between the margins of a section, turned to landscape if asked."""
    page_size = sect_pr.find(q("w:pgSz"))
    width = twips(page_size.get(q("w:w")) if page_size is not None else None, 12240)
    height = twips(page_size.get(q("w:h")) if page_size is not None else None, 15840)
    across = max(width, height) if landscape else width
    margins = sect_pr.find(q("w:pgMar"))
    if margins is None:
        return max(across - 2880, 2 * MIN_COLUMN)
    for side in ("w:left", "w:right", "w:gutter"):
        across -= twips(margins.get(q(side)), 0)
    return max(across, 2 * MIN_COLUMN)


def oriented(sect_pr: etree._Element, landscape: bool) -> etree._Element:
    """Set a section's page to landscape (wide) or portrait (tall)."""
    page_size = sect_pr.find(q("w:pgSz"))
    if page_size is None:
        return sect_pr
    width = twips(page_size.get(q("w:w")), 12240)
    height = twips(page_size.get(q("w:h")), 15840)
    short, long = sorted((width, height))
    page_size.set(q("w:w"), str(long if landscape else short))
    page_size.set(q("w:h"), str(short if landscape else long))
    if landscape:
        page_size.set(q("w:orient"), "landscape")
    elif q("w:orient") in page_size.attrib:
        del page_size.attrib[q("w:orient")]
    return sect_pr


def word_width(word: str, half_points: int) -> int:
    """Twips a cell needs to hold ``word`` on one line, set in bold at ``half_points``.

    Measured with the bold Helvetica/Arial advance widths plus :data:`_SLACK`
    (a letterhead's font is usually narrower), and the cell's left and right
    margins.
    """
    thousandths = sum(
        _BOLD_WIDTHS[ord(c) - 32] if 32 <= ord(c) < 127 else _OTHER_WIDTH for c in word
    )
    return -(-thousandths * half_points * 10 * _SLACK // 100_000) + CELL_MARGINS


def column_widths(
    lengths: list[int],
    total: int,
    minimum: int = MIN_COLUMN,
    floors: list[int] | None = None,
) -> list[int]:
    """Share ``total`` twips between columns by content length.

    No column is narrower than ``minimum``, nor than its ``floors`` entry (the
    width of its longest word, so Word never breaks "Criterion" mid-word)
    where the page allows. When the longest words do not all fit, each column
    keeps the same share of what its word needs beyond ``minimum``. Lengths
    are clamped (very short columns still get room for a word, very long ones
    do not squeeze the rest), and the widths sum to ``total`` exactly.
    """
    count = len(lengths)
    if count == 0:
        return []
    if count * minimum >= total:
        base = total // count
        return [base + (1 if i < total - base * count else 0) for i in range(count)]
    least = [max(minimum, f) for f in floors] if floors else [minimum] * count
    if sum(least) > total:  # the page does not allow every longest word: scale the excess
        excess = sum(least) - count * minimum
        room = total - count * minimum
        least = [minimum + (f - minimum) * room // excess for f in least]
    weights = [float(min(max(length, 4), 60)) for length in lengths]
    widths = [0.0] * count
    fixed: set[int] = set()
    while len(fixed) < count:
        free = [i for i in range(count) if i not in fixed]
        room_left = total - sum(least[i] for i in fixed)
        weight_sum = sum(weights[i] for i in free)
        for i in free:
            widths[i] = room_left * weights[i] / weight_sum
        narrow = [i for i in free if widths[i] < least[i]]
        if not narrow:
            break
        for i in narrow:
            widths[i] = least[i]
            fixed.add(i)
    result = [int(w) for w in widths]
    widest = max(range(count), key=lambda i: result[i])
    result[widest] += total - sum(result)
    return result


CELL_MARGINS = 216  # left + right cell margins of the Table Grid style, twips
#: Percent: room for wider fonts a reader's machine may put in Arial's place
#: (LibreOffice without Arial uses DejaVu Sans, up to a fifth wider in bold),
#: with a little to spare.
_SLACK = 125
_OTHER_WIDTH = 667  # thousandths of an em for characters outside ASCII
#: Helvetica-Bold advance widths (Arial Bold has the same), thousandths of an
#: em, for the characters from space (32) to tilde (126).
_BOLD_WIDTHS = (
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
)  # fmt: skip
