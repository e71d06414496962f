"""The language of each passage, and warnings about text the finder cannot read well.

Bilingual bids are common (English and Spanish sections, or a Spanish job
posting attached to an English bid), so the language is decided per passage;
a passage too short to tell (a table cell, "Pay: $18.50") takes the language
of the passage before it, or the bid's main language, and so does a short
line whose best language is only one function word ahead of its neighbours'.
"""

from __future__ import annotations

from collections.abc import Sequence

from advocacy.evidence.normalise import detect_language, detect_language_near
from advocacy.evidence.reading import Passage
from advocacy.mojibake import garbled

NAMES = {"en": "English", "es": "Spanish", "fr": "French", "pt": "Portuguese", "de": "German"}
GARBLED_SHOWN = 3


def passage_languages(passages: Sequence[Passage]) -> list[str]:
    detected = [detect_language(p.text) for p in passages]
    counts: dict[str, int] = {}
    for lang in detected:
        if lang:
            counts[lang] = counts.get(lang, 0) + 1
    main = max(counts, key=lambda lang: counts[lang]) if counts else "en"
    result: list[str] = []
    for passage in passages:
        context = result[-1] if result else main
        result.append(detect_language_near(passage.text, context) or context)
    return result


def text_warnings(
    passages: Sequence[Passage], languages: dict[str, int], known: set[str]
) -> list[str]:
    """Warnings for the reviewer: a language without phrases, garbled text."""
    warnings = []
    total = sum(languages.values()) or 1
    for lang, count in sorted(languages.items()):
        if lang not in known:
            warnings.append(
                f"{count} of {total} passages look {NAMES.get(lang, lang)}, but the talking "
                f"points have no {NAMES.get(lang, lang)} match phrases: those passages were "
                "matched with English phrases and may show nothing; read them yourself"
            )
    pieces = [(p, piece) for p in passages for piece in garbled(p.text)]
    if pieces:
        shown = "; ".join(f"{p.where}: {piece!r}" for p, piece in pieces[:GARBLED_SHOWN])
        more = f" and {len(pieces) - GARBLED_SHOWN} more" if len(pieces) > GARBLED_SHOWN else ""
        warnings.append(
            f"the text looks garbled in {len({id(p) for p, _ in pieces})} passages ({shown}{more}): "
            "it was probably saved or copied with the wrong encoding, and garbled words "
            "cannot match; ask for a clean copy"
        )
    return warnings
