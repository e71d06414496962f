"""Languages: message catalogues for the fixed words of templates, and dates per language.

The fixed words of every shipped template (headings, labels, score levels)
are gettext messages; each language has a catalogue
``templates/locale/<lang>/LC_MESSAGES/advocacy.po``, read at run time (no
build step). Dates are formatted by Babel for the language. A language with
no catalogue falls back to English.

Talking-point texts are not here: they live in each point's ``translations``
(see :func:`localized_point`).
"""

from __future__ import annotations

import datetime as dt
import gettext
import io
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from advocacy.resources import templates_dir

if TYPE_CHECKING:
    from advocacy.models import TalkingPoint

DEFAULT_LANGUAGE = "en"
DOMAIN = "advocacy"


def base_language(tag: str | None) -> str:
    """``es-US`` → ``es``; empty → English."""
    return (tag or DEFAULT_LANGUAGE).split("-")[0].lower()


def catalogue_path(lang: str):  # -> Path
    return templates_dir() / "locale" / base_language(lang) / "LC_MESSAGES" / f"{DOMAIN}.po"


@lru_cache(maxsize=16)
def translations(lang: str) -> gettext.NullTranslations:
    """The catalogue of ``lang`` (English messages pass through unchanged)."""
    path = catalogue_path(lang)
    if base_language(lang) == DEFAULT_LANGUAGE or not path.is_file():
        return gettext.NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with path.open("rb") as handle:
        catalog = read_po(handle, locale=base_language(lang))
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def gettext_for(lang: str):  # -> Callable[[str], str]
    return translations(lang).gettext


def long_date(value: dt.date | dt.datetime | str | None, lang: str = DEFAULT_LANGUAGE) -> str:
    """``June 2, 2017`` / ``2 de junio de 2017``."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = dt.date.fromisoformat(value)
    from babel.dates import format_date

    return format_date(value, format="long", locale=base_language(lang))


def long_datetime(value: dt.datetime, lang: str = DEFAULT_LANGUAGE) -> str:
    """``June 2, 2017, 12:00 PM EDT`` / ``2 de junio de 2017, 12:00 p. m. EDT``."""
    from babel.dates import format_time

    # CLDR puts a narrow no-break space before "PM"; plain text copies better with a space.
    time = format_time(value, format="short", locale=base_language(lang)).replace("\u202f", " ")
    return f"{long_date(value, lang)}, {time} {value.strftime('%Z')}".rstrip()


def format_number(
    value: float | None, lang: str = DEFAULT_LANGUAGE, digits: int | None = None
) -> str:
    """A number for people, in the language's format (``35.8`` / ``35,8``).

    With ``digits``, exactly that many decimals; without, whole numbers show
    none and others one. ``None`` gives an empty string.
    """
    if value is None:
        return ""
    from babel.numbers import format_decimal

    if digits is None:
        digits = 0 if float(value).is_integer() else 1
    pattern = "#,##0." + "0" * digits if digits else "#,##0"
    return format_decimal(value, format=pattern, locale=base_language(lang))


@dataclass
class LocalizedPoint:
    """A point's texts in one language, and which fields fell back to English."""

    title: str
    summary: str
    body: str
    ask: str
    question: str | None
    look_for: list[str]
    red_flags: list[tuple[str, str]]
    levels: dict[int, str] | None  # None: the default levels, translated by the catalogue
    fallback: list[str] = field(default_factory=list)


def localized_point(point: TalkingPoint, lang: str) -> LocalizedPoint:
    """The point's texts in ``lang``, English where the translation lacks them."""
    from advocacy.models import DEFAULT_LEVELS

    evaluation = point.evaluation
    custom_levels = (
        dict(evaluation.levels) if evaluation and evaluation.levels != DEFAULT_LEVELS else None
    )
    english = LocalizedPoint(
        title=point.title,
        summary=point.summary,
        body=point.body,
        ask=point.ask,
        question=evaluation.question if evaluation else None,
        look_for=[i.text for i in evaluation.look_for] if evaluation else [],
        red_flags=[(f.text, f.why) for f in evaluation.red_flags] if evaluation else [],
        levels=custom_levels,
    )
    if base_language(lang) == DEFAULT_LANGUAGE:
        return english
    translation = point.translations.get(lang) or point.translations.get(base_language(lang))
    if translation is None:
        english.fallback = ["all"]
        return english
    result = LocalizedPoint(**{**english.__dict__, "fallback": []})
    for name in ("title", "summary", "body", "ask"):
        value = getattr(translation, name)
        if value:
            setattr(result, name, value)
        else:
            result.fallback.append(name)
    t_eval = translation.evaluation
    if evaluation is not None:
        if t_eval and t_eval.question:
            result.question = t_eval.question
        else:
            result.fallback.append("evaluation.question")
        if t_eval and len(t_eval.look_for) == len(english.look_for):
            result.look_for = list(t_eval.look_for)
        elif english.look_for:
            result.fallback.append("evaluation.look_for")
        if t_eval and len(t_eval.red_flags) == len(english.red_flags):
            result.red_flags = [(f.text, f.why) for f in t_eval.red_flags]
        elif english.red_flags:
            result.fallback.append("evaluation.red_flags")
        if custom_levels is not None:
            if t_eval and sorted(t_eval.levels) == sorted(custom_levels):
                result.levels = dict(t_eval.levels)
            else:
                result.fallback.append("evaluation.levels")
    return result
