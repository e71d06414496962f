"""Find the phrases of a criterion in a passage, forgiving case, endings and line breaks.

The ``match`` phrases in a talking point's evaluation block use this syntax
(also described in the talking-point schema):

* words match ignoring case and common endings: ``supervisor`` finds
  "Supervisors"; ``administer medication`` finds "administering medications";
* ``word*`` matches any word that starts with ``word`` (``supervis*``);
* ``a|b`` accepts either word in that place (``peer|peers team``);
* ``...`` allows up to five other words in between (``peer ... supervisor``);
* a hyphen counts as a space, as in the text (``self-determination``).

Red flags are not counted when a negation ("not", "no", "non-", "never",
"without", …) comes shortly before them in the same sentence, so a bid
saying "peer staff will not administer medication" is not flagged for it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_SENTENCE_END = re.compile(r"[.!?;:]")
_GAP = 5
_NEGATION_WINDOW = 6
_NEGATIONS = frozenset(
    "not no non never without nor neither cannot can't won't don't doesn't isn't aren't "
    "shouldn't mustn't prohibit prohibits prohibited exclude excludes excluded "
    "avoid avoids rather instead free".split()
)
_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ied", "ed", "es", "s", "ly")


def stem(word: str) -> str:
    """A light English stemmer: enough to match plurals and verb forms."""
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)]
            return base + "y" if suffix in ("ies", "ied") else base
    return word


@dataclass(frozen=True)
class Tokens:
    """A passage as stemmed words, with each word's span and sentence number."""

    stems: tuple[str, ...]
    words: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]
    sentences: tuple[int, ...]

    @cached_property
    def positions(self) -> dict[str, list[int]]:
        """Where each stem occurs, so a phrase is only tried where it can start."""
        index: dict[str, list[int]] = {}
        for at, stem_ in enumerate(self.stems):
            index.setdefault(stem_, []).append(at)
        return index


def tokenize(text: str) -> Tokens:
    stems, words, spans, sentences = [], [], [], []
    sentence = 0
    last = 0
    for match in _TOKEN.finditer(text):
        sentence += len(_SENTENCE_END.findall(text, last, match.start()))
        last = match.end()
        words.append(match.group().lower())
        stems.append(stem(match.group()))
        spans.append(match.span())
        sentences.append(sentence)
    return Tokens(tuple(stems), tuple(words), tuple(spans), tuple(sentences))


@dataclass(frozen=True)
class _Word:
    options: tuple[str, ...]  # stems, or prefixes when ``prefix``
    prefix: bool = False

    def matches(self, stem_: str, word: str) -> bool:
        if self.prefix:
            return any(word.startswith(o) for o in self.options)
        return stem_ in self.options


@lru_cache(maxsize=4096)
def compile_phrase(phrase: str) -> tuple[_Word | None, ...]:
    """A phrase as word matchers; ``None`` stands for a ``...`` gap."""
    parts: list[_Word | None] = []
    # Text splits "self-determination" into two words; the phrase must too.
    words = phrase.lower().replace("...", " ... ").replace("-", " ").split()
    for raw in words:
        if raw == "...":
            parts.append(None)
            continue
        prefix = raw.endswith("*")
        options = tuple(o for o in raw.rstrip("*").split("|") if o)
        if not options:
            continue
        if prefix:
            parts.append(_Word(tuple(o.rstrip("*") for o in options), True))
        else:
            parts.append(_Word(tuple(stem(o) for o in options)))
    return tuple(parts)


def find(phrase: str, tokens: Tokens) -> list[tuple[int, int]]:
    """Every place ``phrase`` occurs: (first word index, last word index)."""
    pattern = compile_phrase(phrase)
    words = [p for p in pattern if p is not None]
    if not words:
        return []
    first = words[0]
    if first.prefix:
        starts: Iterable[int] = range(len(tokens.stems))
    else:
        starts = sorted({at for option in first.options for at in tokens.positions.get(option, ())})
    hits = []
    for start in starts:
        end = _match_at(pattern, tokens, start)
        if end is not None:
            hits.append((start, end))
    return hits


def _match_at(pattern: Sequence[_Word | None], tokens: Tokens, start: int) -> int | None:
    position = start
    gap = 0
    for index, part in enumerate(pattern):
        if part is None:
            gap = _GAP
            continue
        for offset in range(gap + 1):
            at = position + offset
            if at < len(tokens.stems) and part.matches(tokens.stems[at], tokens.words[at]):
                position = at + 1
                break
        else:
            return None
        if index == 0 and position - 1 != start:
            return None
        gap = 0
    return position - 1


def negated(tokens: Tokens, first: int) -> bool:
    """Whether a negation comes shortly before word ``first`` in its sentence."""
    sentence = tokens.sentences[first]
    for at in range(max(0, first - _NEGATION_WINDOW), first):
        if tokens.sentences[at] == sentence and tokens.words[at] in _NEGATIONS:
            return True
    return False
