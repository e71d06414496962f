"""The language of each passage, and warnings about text the finder cannot read well.

Bilingual bids are common (English and Spanish sections, or a Spanish job
posting attached to an English bid), so the language is decided per passage;
a passage too short to tell (a table cell, "Pay: $18.50") takes the language
of the passage before it, or the bid's main language, and so does a short
line whose best language is only one function word ahead of its neighbours'.
"""

from __future__ import annotations

from collections.abc import Sequence

from advocacy.evidence.normalise import detect_language, language_near, language_scores
from advocacy.evidence.reading import Passage
from advocacy.mojibake import garbled

NAMES = {"en": "English", "es": "Spanish", "fr": "French", "pt": "Portuguese", "de": "German"}
GARBLED_SHOWN = 3


def passage_languages(passages: Sequence[Passage]) -> list[str]:
    scored = [language_scores(p.text) for p in passages]
    detected = [language_near(s, None) for s in scored]
    counts: dict[str, int] = {}
    for lang in detected:
        if lang:
            counts[lang] = counts.get(lang, 0) + 1
    main = max(counts, key=lambda lang: counts[lang]) if counts else "en"
    result: list[str] = []
    for scores in scored:
        context = result[-1] if result else main
        result.append(language_near(scores, context) or context)
    return result


def other_half(text: str, lang: str, known: set[str]) -> tuple[int, str, str] | None:
    """A bilingual line's half in another language than ``lang``, as (its offset in
    ``text``, its text, its language), or None: "Cover the front desk at lunch /
    Cubrir la recepción al mediodía" is read in both languages, each half once.

    A half too short to tell ("No paid time for peer events") is in the other
    language the phrases know, when the other half is in ``lang``.
    """
    at = text.find(" / ")
    if at < 0 or text.find(" / ", at + 3) >= 0:
        return None
    halves = ((0, text[:at]), (at + 3, text[at + 3 :]))
    found = [detect_language(half) for _, half in halves]
    others = sorted(known - {lang})
    for (start, half), mine, theirs in zip(halves, found, reversed(found), strict=True):
        if mine is not None and mine != lang and mine in known:
            return start, half, mine
        if mine is None and theirs == lang and len(others) == 1:
            return start, half, others[0]
    return None


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
