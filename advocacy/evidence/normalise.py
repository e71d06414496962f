"""Normalise bid text before matching: Unicode, quotes, language and garbling.

Word processors type curly apostrophes ("won’t"), non-breaking spaces, soft
hyphens and ligatures; copied PDFs add zero-width characters. Matching and
negation must see one spelling, so every passage and every phrase passes
through :func:`normalise` (the length of the text is kept, so character
spans still point into the original passage).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# One character in, one character out, so spans found in the normalised
# text are spans of the original.
_SAME_LENGTH = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u02bc": "'",
        "`": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u00ad": " ",  # soft hyphen
        "\u200b": " ",
        "\u200c": " ",
        "\u200d": " ",
        "\u2060": " ",
        "\ufeff": " ",
    }
)


def normalise(text: str) -> str:
    """``text`` with one spelling of quotes, dashes and spaces, same length.

    Characters that only compose differently (a decomposed "é") are composed
    per character, and compatibility forms ("ﬁ", full-width letters) are
    folded where that keeps one character.
    """
    text = text.translate(_SAME_LENGTH)
    if text.isascii():
        return text
    return "".join(_fold(c) for c in text)


@lru_cache(maxsize=2048)
def _fold(char: str) -> str:
    folded = unicodedata.normalize("NFKC", char)
    return folded if len(folded) == 1 else char


# --------------------------------------------------------------------------- language

# The commonest function words of each language: a passage's language is the
# one whose words make up most of it. Good enough for bids, which are long
# and plain, and the words of chats and texts in small letters ("u", "pero", "hay");
# short passages (a heading, a table cell) inherit their
# neighbours' language.
_STOP_WORDS = {
    "en": "the and of to a in for is are will be with on as by that this or not their our "
    "from at an it all have has who each any they we you your i my me us so but just if do "
    "can was get got u ur im dont there what about",
    "es": "el la los las de del y en que para por con una un se su sus es son no al lo "
    "como más o cada será ser personal nuestra nuestro les está están hay muy pero "
    "también nosotros aquí hoy eso esto esta este yo porque cuando nada todo todos tiene tienen",
    "fr": "le la les des et en un une est pour que qui dans du au sur pas avec ne nous vous "
    "sont être par",
    "pt": "o os as de do da dos das e em um uma que para com não por é são ao seu sua nos "
    "pelo pela",
    "de": "der die das und in zu den mit von ist nicht ein eine für auf sich dem des im sind "
    "werden wird",
}
FUNCTION_WORDS = {lang: frozenset(words.split()) for lang, words in _STOP_WORDS.items()}
# Each function word's languages, so a text's words are looked up once, not once a language.
_LANGUAGES_OF: dict[str, tuple[str, ...]] = {}
for _lang, _words in FUNCTION_WORDS.items():
    for _word in _words:
        _LANGUAGES_OF[_word] = (*_LANGUAGES_OF.get(_word, ()), _lang)
# Portuguese shares most of its function words with Spanish ("de", "que", "para", "por",
# and "dos", "e" with other meanings): a passage is read as Portuguese only with a letter
# or a word Spanish does not have.
_PORTUGUESE = re.compile(r"[ãõç]|\b(?:não|são|é|às|pelo|pela|pelos|pelas|ao|aos)\b", re.IGNORECASE)
# A hyphenated word is one word: "de-escalation", "para-educator" hold no Spanish "de", "para".
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_LETTERS = re.compile(r"[^\W\d_]+")


def letter_words(text: str) -> list[str]:
    """The runs of letters of ``text``, in lower case ("Peer-run (CPS)" → peer, run, cps)."""
    return _LETTERS.findall(text.lower())


# Function words of one language that another writes often too count half for it:
# "no" was the one function word of "Attends daily nursing huddle; no separate peer
# meeting.", read as Spanish in an English list
_ALSO = {"en": frozenset(("no",))}
_SPANISH_LETTER = re.compile(r"[ñáíóú¿¡]", re.IGNORECASE)
MIN_WORDS_FOR_LANGUAGE = 4


def detect_language(text: str) -> str | None:
    """The language (``en``, ``es``, ``fr``, ``pt``, ``de``) of ``text``, or None if unsure."""
    return detect_language_near(text, None)


def detect_language_near(text: str, context: str | None) -> str | None:
    """The language of ``text``, read beside text in ``context`` (its neighbours' language).

    A short line has few function words, and languages share some ("que",
    "le", "en"): when the neighbours' language scores too and is only one
    word behind the best, the line is taken to be in the neighbours' language
    ("Realizar cualquier otra función afín que le sea asignada" in a Spanish
    list is Spanish, not French).
    """
    return language_near(language_scores(text), context)


Scores = tuple[dict[str, float], int]  # each language's function words, and the words


def language_scores(text: str) -> Scores | None:
    """How many of the words of ``text`` are each language's function words, and how many
    words it has; None if too few to tell. Worked out once, read beside any context."""
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < MIN_WORDS_FOR_LANGUAGE:
        return None
    scores: dict[str, float] = dict.fromkeys(FUNCTION_WORDS, 0)
    for word in words:
        for lang in _LANGUAGES_OF.get(word, ()):
            scores[lang] += 1
    for lang, also in _ALSO.items():
        scores[lang] += sum(w in also for w in words) / 2
    if scores["pt"] and not _PORTUGUESE.search(text):
        scores["pt"] = 0  # "dos especialistas", "español e inglés" are Spanish
    if _SPANISH_LETTER.search(text):  # "no requiere licencia clínica": the "no" is Spanish
        scores["es"] += 1
    return scores, len(words)


def language_near(scored: Scores | None, context: str | None) -> str | None:
    """The language :func:`language_scores` ``scored`` reads as, beside ``context``
    (see :func:`detect_language_near`)."""
    if scored is None:
        return None
    scores, count = scored
    best = max(scores, key=lambda lang: scores[lang])
    if scores[best] < max(1, count // 10):
        return None
    if (
        context in scores
        and context != best
        and scores[context] > 0
        and scores[best] - scores[context] <= 1
    ):
        return context
    ranked = sorted(scores.values(), reverse=True)
    return best if ranked[0] > ranked[1] else None
