"""Language tags: the default language, a tag's base language, and whether Babel knows a tag.

Kept apart from :mod:`advocacy.i18n` so that the models can validate a tag
without importing the message catalogues (and without an import cycle).
"""

from __future__ import annotations

DEFAULT_LANGUAGE = "en"
#: The region a bare language tag formats numbers and dates for: our readers
#: are in Massachusetts and Puerto Rico, so plain ``es`` is US Spanish (1,234.5;
#: $21.50), not Spain's (1.234,5).
DEFAULT_REGIONS = {"es": "US"}


def base_language(tag: str | None) -> str:
    """``es-US`` → ``es``; empty → English."""
    return (tag or DEFAULT_LANGUAGE).split("-")[0].lower()


def babel_locale(tag: str | None) -> str:
    """The Babel locale that formats for ``tag``: ``es`` → ``es_US``, ``es-MX`` → ``es_MX``."""
    parts = (tag or DEFAULT_LANGUAGE).replace("_", "-").split("-")
    language = parts[0].lower()
    region = next((p.upper() for p in parts[1:] if len(p) == 2 or p.isdigit()), None)
    region = region or DEFAULT_REGIONS.get(language)
    return f"{language}_{region}" if region else language


def known_language(tag: str) -> bool:
    """Whether Babel has the data to format dates and numbers for ``tag``."""
    if tag.lower() in ("en", "en-us"):  # known without loading Babel
        return True
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(tag.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return False
    return True
