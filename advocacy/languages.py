"""Language tags: whether a BCP 47 tag names a language we can format for.

Kept below both the models (which validate tags) and :mod:`advocacy.i18n`
(which formats for them), so neither imports the other to ask.
"""

from __future__ import annotations


def known_language(tag: str) -> bool:
    """Whether Babel has the data to format dates and numbers for ``tag``."""
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(tag.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return False
    return True
