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


def column_widths(lengths: list[int], total: int, minimum: int = MIN_COLUMN) -> list[int]:
    """Share ``total`` twips between columns by content length, none narrower than ``minimum``.

    Lengths are clamped (very short columns still get room for a word, very
    long ones do not squeeze the rest), then the shares are scaled so they sum
    to ``total`` exactly.
    """
    count = len(lengths)
    if count == 0:
        return []
    if count * minimum >= total:
        base = total // count
        return [base + (1 if i < total - base * count else 0) for i in range(count)]
    weights = [float(min(max(length, 4), 60)) for length in lengths]
    widths = [0.0] * count
    fixed: set[int] = set()
    while True:
        free = [i for i in range(count) if i not in fixed]
        room = total - minimum * len(fixed)
        weight_sum = sum(weights[i] for i in free)
        for i in free:
            widths[i] = room * weights[i] / weight_sum
        narrow = [i for i in free if widths[i] < minimum]
        if not narrow:
            break
        for i in narrow:
            widths[i] = minimum
            fixed.add(i)
    result = [int(w) for w in widths]
    widest = max(range(count), key=lambda i: result[i])
    result[widest] += total - sum(result)
    return result
