"""Staffing figures in a sentence: how many people each peer FTE is meant to serve.

A posting or bid rarely says "the ratio is too high"; it gives numbers ("Two
peer FTEs will serve about 410 individuals", "Recovery Coach | 0.5 FTE | approx.
260 enrolled", "Un (1) especialista de pares atenderá a las 350 personas") or
leaves one peer for everyone ("the sole peer for all three units", "un solo
especialista cubrirá a todas las personas inscritas"). These rules read the
sentence for a count of people served and a count of peer staff, whatever the
wording around them, so that a concept marked ``people_per_peer_over`` counts
only where the people per peer FTE are more than its threshold, or where a
single peer is given everyone.

A ratio stated as such ("1:40", "1 FTE per 30 people", "por cada 25 personas")
is read as given, not recomputed from other figures in the sentence.
"""

from __future__ import annotations

import re

from advocacy.evidence.matching import Tokens

_NUMBER = r"(\d+(?:[.,]\d+)?)"
_NUMBER_WORDS = {
    "one": 1.0, "two": 2.0, "three": 3.0, "four": 4.0, "five": 5.0, "six": 6.0,
    "un": 1.0, "una": 1.0, "uno": 1.0, "dos": 2.0, "tres": 3.0, "cuatro": 4.0, "cinco": 5.0,
    "half": 0.5, "medio": 0.5, "media": 0.5,
}  # fmt: skip
# People served, counted: "410 individuals", "240-bed", "350 personas inscritas".
_PEOPLE = (
    r"(?:people|persons|individuals|clients|participants|members|patients|residents|adults"
    r"|youths?|enrolled|enrollees|beds?|releasees|referrals|consumers|families|veterans|guests"
    r"|personas|participantes|pacientes|clientes|miembros|residentes|inscrit[oa]s|camas"
    r"|adultos|familias|jóvenes)"
)
# Peer staff, counted: "two peer FTEs", "0.5 FTE", "Un (1) especialista".
_STAFF = (
    r"(?:peers?|ftes?|specialists?|coach(?:es)?|navigators?|advocates?|mentors?|bridgers?"
    r"|especialistas?|puestos?|navegador(?:es)?|prss|cpss?|crs)"
    r"(?!-|\s+(?:team|teams|group|groups|program|programs|meeting|meetings|equipo|grupo))"
)
_WORD_COUNT = "|".join(_NUMBER_WORDS)
_PEOPLE_BEFORE = re.compile(
    rf"(?<![\d$.,]){_NUMBER}(?:\s*-\s*|\s+)(?:[^\W\d]+\s+){{0,2}}?{_PEOPLE}\b"
)
_PEOPLE_AFTER = re.compile(rf"\b{_PEOPLE}\b[^;:\d$]{{0,30}}?(?<![\d$.,]){_NUMBER}\b(?!\s*%)")
_STAFF_BEFORE = re.compile(
    rf"(?<![\d$.,:])(?:{_NUMBER}|\b({_WORD_COUNT}))\s+(?:\(\d+\)\s+)?(?:[^\W\d][\w-]*\s+){{0,2}}?"
    rf"{_STAFF}\b"
)
_STAFF_AFTER = re.compile(rf"\b{_STAFF}\s*\|\s*{_NUMBER}")  # a staffing table's row
# A ratio given as such: "1:40", "1 FTE : 30", "one peer for every 30", "por cada 25".
_RATIO = re.compile(
    rf"\b(?:1|one|un|una)\s*(?:{_STAFF}\s*)?(?::|to|per|for every|por cada)\s*{_NUMBER}\b"
    rf"|\b(?:per|for every|por cada)\s+{_NUMBER}\s+{_PEOPLE}"
)
# One peer for everyone: "the sole peer for all three units", "un solo especialista …
# todas las personas", "agency-wide".
_LONE = re.compile(r"\b(?:sole|alone|only|single|lone|solo|sola|únic[oa]|caseload)\b")
_EVERYONE = re.compile(
    r"\b(?:all|every|todas|todos)\s+(?:[^\W\d]+\s+){0,2}?(?:" + _PEOPLE[3:-1] + r"|units|sites"
    r"|programs|regions|clinics|hospitals|sedes|unidades|programas|regiones|clínicas|hospitales)\b"
    r"|\b(?:agency|county|region|state|program|system)-wide\b"
)


# Only a text with a figure or a word of a single peer can give too many people per peer.
_QUICK = re.compile(r"\d|sole|alone|only|single|lone|solo|sola|únic|caseload|one|un|half|medio")
# A passage this short (a line, an item, a table row) is read as one sentence.
_SHORT = 40


def _number(text: str) -> float:
    return (
        float(text.replace(",", ""))
        if "," in text and len(text.split(",")[-1]) == 3
        else (float(text.replace(",", ".")))
    )


def _counts(text: str) -> tuple[list[re.Match[str]], float | None, bool]:
    """The figures of people served, the peer staff (the largest count, or None) and
    whether the text gives a single peer."""
    people = list(_PEOPLE_BEFORE.finditer(text)) + list(_PEOPLE_AFTER.finditer(text))
    staff = [
        _number(m.group(1)) if m.group(1) else _NUMBER_WORDS[m.group(2)]
        for m in _STAFF_BEFORE.finditer(text)
    ]
    staff += [_number(m.group(1)) for m in _STAFF_AFTER.finditer(text)]
    staff = [s for s in staff if 0 < s < 50]
    single = (bool(_LONE.search(text)) and min(staff, default=1) <= 1) or (
        bool(staff) and max(staff) <= 1
    )
    return people, max(staff, default=1.0 if single else None), single


def _overloaded(text: str, limit: int) -> list[tuple[int, int]]:
    """The character spans of ``text`` that give more than ``limit`` people per peer
    FTE or everyone to a single peer: the figure of people, or "all three units"."""
    ratio = _RATIO.search(text)
    if ratio:
        return [(0, len(text))] if _number(ratio.group(1) or ratio.group(2)) > limit else []
    people, staff, single = _counts(text)
    spans = [m.span() for m in people if staff is not None and _number(m.group(1)) / staff > limit]
    if single:
        spans += [m.span() for m in _EVERYONE.finditer(text)]
    return spans


def too_many_per_peer(tokens: Tokens, at: int, limit: int) -> tuple[int, int] | None:
    """The first and last word of the figure holding word ``at`` if it gives more than
    ``limit`` people per peer FTE in its sentence, or of the phrase that gives everyone
    to a single peer; None if word ``at`` is part of no such figure."""
    key = f"per peer {limit}"
    sentence_of = tokens.sentences[at]
    found: dict[int, list[tuple[int, int]]] = tokens.memo.setdefault(key, {})  # type: ignore[assignment]
    if sentence_of not in found:
        first, last = tokens.sentence_range(at)
        if len(tokens.words) <= _SHORT:  # "approx. 260 enrolled": a full stop splits a figure off
            first, last = 0, len(tokens.words)
        offset = tokens.spans[first][0]
        text = tokens.text[offset : tokens.spans[last - 1][1] + 1].lower()
        figures = []
        if _QUICK.search(text):
            for a, b in _overloaded(text, limit):
                inside = [
                    w for w in range(first, last)
                    if a <= tokens.spans[w][0] - offset and tokens.spans[w][1] - offset <= b
                ]  # fmt: skip
                if inside:
                    figures.append((inside[0], inside[-1]))
        found[sentence_of] = figures
    return next((f for f in found[sentence_of] if f[0] <= at <= f[1]), None)
