"""Language tags: the default language, a tag's base language, and whether Babel knows a tag.

Kept apart from :mod:`advocacy.i18n` so that the models can validate a tag
without importing the message catalogues (and without an import cycle).
"""

from __future__ import annotations

DEFAULT_LANGUAGE = "en"


def base_language(tag: str | None) -> str:
    """``es-US`` → ``es``; empty → English."""
    return (tag or DEFAULT_LANGUAGE).split("-")[0].lower()


def known_language(tag: str) -> bool:
    """Whether Babel has the data to format dates and numbers for ``tag``."""
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(tag.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return False
    return True
