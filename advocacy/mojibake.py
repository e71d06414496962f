"""Spot and repair garbled text (mojibake) in talking points and bids.

UTF-8 read as Latin-1 or Windows-1252 turns "é" into "Ã©" and "’" into
"â€™". When the text is copied again the invisible second byte is often
dropped, leaving a lone "Ã" or "Â" inside a lowercase word ("informaciÃn");
that lossy form cannot be repaired, only retyped. ftfy (imported only when a
repair is shown) undoes the classic forms.
"""

from __future__ import annotations

import re

_CP1252_HIGH = (
    "\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014"
    "\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
)
MOJIBAKE = re.compile(
    f"[ÃÂ][\u0080-\u00bf{_CP1252_HIGH}]"  # the classic two-character form
    "|â€|ï»¿"
    "|(?<=[a-zß-ÿ])[ÃÂ](?![\u0080-\u00bf])(?=[a-zß-ÿ]|\\b)"  # lossy: lone Ã/Â in a word
    "|\ufffd"  # a replacement character: bytes already lost
)


def garbled(text: str) -> list[str]:
    """The garbled pieces of ``text``, in order (empty when it looks clean)."""
    return [m.group(0) for m in MOJIBAKE.finditer(text)]


def repaired(text: str) -> str:
    """``text`` with the classic forms undone; a lossy piece is left as it is."""
    import ftfy

    return ftfy.fix_text(text, normalization="NFC")
