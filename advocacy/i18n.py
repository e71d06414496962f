"""Languages: message catalogues for the fixed words of templates, and dates per language.

The fixed words of every shipped template (headings, labels, score levels)
are gettext messages; each language has a catalogue
``templates/locale/<lang>/LC_MESSAGES/advocacy.po``, read at run time (no
build step). Dates are formatted by Babel for the language; plain English
(``en``, ``en-US``) is formatted here, without loading Babel's locale data,
which costs more than the rest of an English letter's dates (a test keeps the
two equal). A language with no catalogue falls back to English.

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

from advocacy.languages import DEFAULT_LANGUAGE, babel_locale, base_language
from advocacy.resources import templates_dir

if TYPE_CHECKING:
    from advocacy.models import TalkingPoint
    from advocacy.models.talking_point import Audience

DOMAIN = "advocacy"


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


#: Babel locales whose dates :func:`long_date` and friends format without Babel.
_PLAIN_ENGLISH = ("en", "en_US")
_MONTHS = (
    "January February March April May June July August September October November December"
).split()
#: Babel's units for relative times down to minutes, largest first, in seconds.
_UNITS = (
    ("year", 31536000),
    ("month", 2592000),
    ("week", 604800),
    ("day", 86400),
    ("hour", 3600),
    ("minute", 60),
)


def long_date(value: dt.date | dt.datetime | str | None, lang: str = DEFAULT_LANGUAGE) -> str:
    """``June 2, 2017`` / ``2 de junio de 2017``."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = dt.date.fromisoformat(value)
    if babel_locale(lang) in _PLAIN_ENGLISH:
        return f"{_MONTHS[value.month - 1]} {value.day}, {value.year}"
    from babel.dates import format_date

    return format_date(value, format="long", locale=babel_locale(lang))


def long_datetime(value: dt.datetime, lang: str = DEFAULT_LANGUAGE) -> str:
    """``June 2, 2017, 12:00 PM EDT`` / ``2 de junio de 2017, 12:00 p. m. EDT``."""
    if babel_locale(lang) in _PLAIN_ENGLISH:
        time = f"{(value.hour - 1) % 12 + 1}:{value.minute:02d} {'AM' if value.hour < 12 else 'PM'}"
    else:
        from babel.dates import format_time

        # CLDR puts a narrow no-break space before "PM"; plain text copies better with a space.
        time = format_time(value, format="short", locale=babel_locale(lang))
        time = time.replace("\u202f", " ")
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
    return format_decimal(value, format=pattern, locale=babel_locale(lang))


def relative_time(when: dt.datetime, now: dt.datetime, lang: str = DEFAULT_LANGUAGE) -> str:
    """``"in 28 hours"`` or ``"9 years ago"`` (``"dentro de 28 horas"``), in the language.

    A unit is used from two of it on, so a deadline a day and a half away
    reads "in 36 hours", not "in 2 days".
    """
    if babel_locale(lang) not in _PLAIN_ENGLISH:
        from babel.dates import format_timedelta

        return format_timedelta(
            when - now,
            granularity="minute",
            threshold=2,
            add_direction=True,
            locale=babel_locale(lang),
        )
    seconds = (when - now).total_seconds()
    for unit, length in _UNITS:  # Babel's rule: the first unit with at least two of it
        amount = abs(seconds) / length
        if amount >= 2 or unit == "minute":
            count = round(max(1, amount) if amount > 0 else amount)
            words = f"{count} {unit}" + ("" if count == 1 else "s")
            return f"in {words}" if seconds >= 0 else f"{words} ago"
    raise AssertionError("unreachable: minutes always answer")


def untranslated_message(point_id: str, missing: list[str], lang: str) -> str:
    """The one wording of "this point falls back to English", for the terminal and checks."""
    what = "no translation" if missing == ["all"] else "no translation of " + ", ".join(missing)
    return f"talking point {point_id!r} has {what} in {lang!r}; English is shown instead"


@dataclass
class LocalizedPoint:
    """A point's texts in one language, and which fields fell back to English."""

    title: str
    summary: str
    body: str
    ask: str
    recommendation: str | None
    recommendations: dict[Audience, str]
    rationale: str | None
    question: str | None
    look_for: list[str]
    red_flags: list[tuple[str, str]]
    levels: dict[int, str] | None  # None: the default levels, translated by the catalogue
    fallback: list[str] = field(default_factory=list)

    def recommendation_for(self, audience: Audience | None) -> str | None:
        """The recommendation worded for ``audience``, else the one to the agency."""
        worded = self.recommendations.get(audience) if audience else None
        return worded or self.recommendation


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
        recommendation=point.recommendation,
        recommendations=dict(point.recommendations),
        rationale=point.rationale,
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
    for name in ("title", "summary", "body", "ask", "recommendation", "rationale"):
        value = getattr(translation, name)
        if value:
            setattr(result, name, value)
        elif getattr(english, name):
            result.fallback.append(name)
    result.recommendations = dict(english.recommendations)
    for audience in english.recommendations:
        if audience in translation.recommendations:
            result.recommendations[audience] = translation.recommendations[audience]
        else:
            result.fallback.append(f"recommendations.{audience}")
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
