"""Lint rules for what a letter prints from a talking point.

The agency-facing fields (``recommendation`` and its wording for each other
audience in ``recommendations``, ``rationale``), the citation
marks ``[^id]`` in them and the sources they name, and the words a Spanish
translation should not use (the project's glossary for Massachusetts and
Puerto Rico readers), and the general ones: sources, evaluation, review dates,
length, translations, garbled text, match phrases. ``points lint`` runs all of
them (:func:`point_warnings`); ``rfi check`` runs the source rules on the
sources a letter cites.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from advocacy.errors import Diagnostic, warning
from advocacy.i18n import localized_point
from advocacy.models.talking_point import CITATION_PATTERN
from advocacy.mojibake import MOJIBAKE, repaired
from advocacy.wordcount import count_words

if TYPE_CHECKING:
    from advocacy.library import LoadedPoint

_CITATION = re.compile(CITATION_PATTERN)

#: A character that each form of :data:`~advocacy.mojibake.MOJIBAKE` contains.
_MOJIBAKE_LEADS = ("Ã", "Â", "â", "ï", "\ufffd")
#: Thresholds of the lint warnings.
STALE_AFTER_DAYS = 365
MAX_BODY_WORDS = 400

#: Texts that may cite sources, in the point and in each translation.
CITING_FIELDS = ("recommendation", "rationale", "body")

#: Spanish words the glossary rules out, and what to write instead.
SPANISH_GLOSSARY: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), preferred)
    for pattern, preferred in (
        (r"\btrabajador(?:a|es|as)? par(?:es)?\b", "persona en un rol de pares; personal de pares"),
        (r"\bdefensor(?:a|es|as)? par(?:es)?\b", "defensor/a de apoyo entre pares"),
        (r"\bretenci(?:ón|ones) involuntarias?\b", "hospitalización involuntaria"),
        (r"\brestricci(?:ón|ones) físicas?\b", "sujeción física"),
        (r"\b(?:administrador|gestor|gerente)(?:a|es|as)? de casos\b", "manejador/a de casos"),
        (r"\b(?:licitante|oferente)s?\b", "proponente"),
        (r"\brevisor(?:a|es|as)?\b", "persona evaluadora; quienes evalúan"),
        (
            r"\b(?:odds ratio|cociente de probabilidades|razón de momios)\b",
            "razón de probabilidades",
        ),
        (r"\bsolicitud de (?:propuestas|respuesta)\b(?!s)", "Solicitud de Respuestas (RFR)"),
    )
)


def agency_voice_warnings(loaded: LoadedPoint) -> Iterator[Diagnostic]:
    """An approved point needs a recommendation and a rationale for letters."""
    point = loaded.point
    if point.status != "approved":
        return
    for name, what in (
        ("recommendation", "what the writer asks the agency to do ('Require every bidder to ...')"),
        ("rationale", "two to four sentences to the agency on why, citing sources as [^id]"),
    ):
        if getattr(point, name) is None:
            yield warning(
                f"approved point has no {name}",
                loaded.path,
                *loaded.position("status"),
                hint=f"add {name}: {what}; letters print it",
                code="agency-voice",
            )


def citation_warnings(loaded: LoadedPoint) -> Iterator[Diagnostic]:
    """Marks naming no source, and sources no text cites."""
    point = loaded.point
    ids = [s.id for s in point.sources]
    cited: set[str] = set()
    texts: list[tuple[tuple[str | int, ...], str | None]] = [
        ((name,), getattr(point, name)) for name in CITING_FIELDS
    ]
    texts += [(("recommendations", a), text) for a, text in point.recommendations.items()]
    for lang, translation in point.translations.items():
        texts += [
            (("translations", lang, name), getattr(translation, name)) for name in CITING_FIELDS
        ]
        texts += [
            (("translations", lang, "recommendations", a), text)
            for a, text in translation.recommendations.items()
        ]
    for where, text in texts:
        for match in _CITATION.finditer(text or ""):
            cited.add(match.group(1))
            if match.group(1) not in ids:
                yield warning(
                    f"{'.'.join(map(str, where))} cites [^{match.group(1)}], which is not the "
                    "id of one of this point's sources",
                    loaded.path,
                    *loaded.position(*where),
                    hint="known ids: "
                    + (", ".join(i for i in ids if i) or "none; give each source an id"),
                    code="citation",
                )
    seen: set[str] = set()
    for index, source in enumerate(point.sources):
        if source.id is not None and source.id in seen:
            yield warning(
                f"two sources have the id {source.id!r}",
                loaded.path,
                *loaded.position("sources", index, "id"),
                hint="give each source its own id",
                code="citation",
            )
        seen.add(source.id or "")
        if source.id not in cited:
            yield warning(
                f"source {source.id or source.title!r} is never cited",
                loaded.path,
                *loaded.position("sources", index),
                hint="cite it as [^id] in the rationale or body where it supports a sentence, "
                "or remove it",
                code="uncited-source",
            )


def source_warnings(loaded: LoadedPoint, index: int) -> Iterator[Diagnostic]:
    """A source a reader cannot follow: no link, an http: link, or a home page only."""
    source = loaded.point.sources[index]
    link = source.link
    name = source.id or source.title
    if link is None:
        yield warning(
            f"source {name!r} has no URL or DOI",
            loaded.path,
            *loaded.position("sources", index),
            hint="add url: (the page itself) or doi: so an agency can check it",
            code="source-link",
        )
        return
    parts = urlsplit(link)
    if parts.scheme == "http":
        yield warning(
            f"source {name!r} links with http:",
            loaded.path,
            *loaded.position("sources", index, "url"),
            hint="use the https: address",
            code="source-link",
        )
    if parts.path in ("", "/") and not parts.query:
        yield warning(
            f"source {name!r} links only to a site's home page ({parts.netloc})",
            loaded.path,
            *loaded.position("sources", index, "url"),
            hint="link to the page or document itself",
            code="source-link",
        )


def source_date_warnings(loaded: LoadedPoint) -> Iterator[Diagnostic]:
    """A source dated after the point's review can't have been checked then."""
    point = loaded.point
    if point.reviewed is None:
        return
    for index, source in enumerate(point.sources):
        if source.year is not None and source.year > point.reviewed.year:
            yield warning(
                f"source {source.id or source.title!r} is dated {source.year}, after the "
                f"point was reviewed ({point.reviewed.isoformat()})",
                loaded.path,
                *loaded.position("sources", index, "year"),
                hint="check the year, then review the point again",
                code="source-date",
            )


def glossary_warnings(loaded: LoadedPoint) -> Iterator[Diagnostic]:
    """Words the Spanish glossary rules out, in Spanish translations."""
    for lang, translation in loaded.point.translations.items():
        if lang.split("-")[0].lower() != "es":
            continue
        data = translation.model_dump(exclude={"reviewed", "reviewer"})
        for field, text in _strings(data):
            for pattern, preferred in SPANISH_GLOSSARY:
                match = pattern.search(text)
                if match:
                    yield warning(
                        f"the {lang!r} translation writes {match.group(0)!r}",
                        loaded.path,
                        *loaded.position("translations", lang, *field),
                        hint=f"the glossary uses: {preferred}",
                        code="glossary",
                    )


def _strings(
    value: object, where: tuple[str | int, ...] = ()
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*where, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, (*where, i))


def point_letter_warnings(loaded: LoadedPoint) -> Iterator[Diagnostic]:
    """Every rule of this module, for ``points lint``."""
    yield from agency_voice_warnings(loaded)
    yield from citation_warnings(loaded)
    for index in range(len(loaded.point.sources)):
        yield from source_warnings(loaded, index)
    yield from source_date_warnings(loaded)
    yield from glossary_warnings(loaded)


def point_warnings(loaded: LoadedPoint, today: dt.date) -> Iterator[Diagnostic]:
    """Every warning ``points lint`` gives on one point, and the errors of its match phrases.

    Loading a library for a document runs none of these: only lint does.
    """
    point, path = loaded.point, loaded.path

    def warn(message: str, where: tuple[str | int, ...], hint: str, code: str) -> Diagnostic:
        line, col = loaded.doc.position(where)
        return warning(message, path, line, col, hint=hint, code=code)

    if point.status == "approved":
        if not point.sources:
            yield warn(
                "approved point has no sources",
                ("status",),
                "add at least one source (title, publisher, year, url) so facts can be checked",
                "no-sources",
            )
        if point.evaluation is None or not point.evaluation.look_for:
            yield warn(
                "approved point has no evaluation (question and look_for items)",
                ("evaluation",) if point.evaluation else ("status",),
                "checklists and scoring are built from the evaluation block; add one",
                "empty-evaluation",
            )
        if point.reviewed is None:
            yield warn(
                "approved point has no 'reviewed' date",
                ("status",),
                "add reviewed: YYYY-MM-DD after checking the text and sources",
                "stale",
            )
    if point.reviewed is not None and (today - point.reviewed).days > STALE_AFTER_DAYS:
        yield warn(
            f"last reviewed {point.reviewed.isoformat()}, more than 12 months ago",
            ("reviewed",),
            "re-check the text and sources, then update 'reviewed'",
            "stale",
        )
    # A word is a character or more and words are a character apart; dropping
    # markup only shortens the text. So n characters hold at most (n + 1) // 2
    # words, and a body of 2 x MAX_BODY_WORDS characters or fewer needs no count.
    words = count_words(point.body) if len(point.body) > 2 * MAX_BODY_WORDS else 0
    if words > MAX_BODY_WORDS:
        yield warn(
            f"body has {words} words, more than {MAX_BODY_WORDS}",
            ("body",),
            "agencies read short points; move detail to sources or split the point",
            "long-body",
        )
    for lang, translation in point.translations.items():
        where: tuple[str | int, ...] = ("translations", lang)
        if translation.reviewed is None:
            yield warn(
                f"the {lang!r} translation has no 'reviewed' date",
                where,
                "add reviewed: YYYY-MM-DD when the translation is checked against the source",
                "stale-translation",
            )
        elif point.reviewed is not None and translation.reviewed < point.reviewed:
            yield warn(
                f"the {lang!r} translation (reviewed {translation.reviewed.isoformat()}) is older "
                f"than the source text (reviewed {point.reviewed.isoformat()})",
                (*where, "reviewed"),
                "update the translation to match the source text, then its 'reviewed' date",
                "stale-translation",
            )
        for audience in translation.recommendations.keys() - point.recommendations.keys():
            yield warn(
                f"the {lang!r} translation has a recommendation for {audience!r}, which the "
                "source text lacks",
                (*where, "recommendations", audience),
                f"add recommendations: {audience}: in the source text too, or remove this one",
                "incomplete-translation",
            )
        missing = localized_point(point, lang).fallback
        if missing:
            yield warn(
                f"the {lang!r} translation lacks: {', '.join(missing)}",
                where,
                "missing fields fall back to English in documents, with a visible note",
                "incomplete-translation",
            )
    text = loaded.doc.text
    # Every garbled form holds one of these; most files hold none, and the scan is slow.
    garbled = any(lead in text for lead in _MOJIBAKE_LEADS)
    for match in MOJIBAKE.finditer(text) if garbled else ():
        offset = match.start()
        line = loaded.doc.text.count("\n", 0, offset) + 1
        column = offset - loaded.doc.text.rfind("\n", 0, offset)
        text = loaded.doc.text.split("\n")[line - 1].strip()
        fixed = repaired(text)
        yield warning(
            f"text looks garbled ({match.group(0)!r}): UTF-8 read as Latin-1?",
            path,
            line,
            column,
            hint=f"repaired, it would read: {fixed!r}"
            if fixed != text and not MOJIBAKE.search(fixed)
            else "a character was lost in copying; retype the accented characters",
            code="mojibake",
        )
    yield from point_letter_warnings(loaded)
    from advocacy.evidence.pattern_lint import match_diagnostics  # lazy: needs the matcher

    yield from match_diagnostics(loaded)
