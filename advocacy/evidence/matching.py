"""Find the phrases of a criterion in a passage, forgiving case, endings and line breaks.

The ``match`` phrases in a talking point's evaluation block use this syntax
(also described in the talking-point schema):

* words match ignoring case and endings, with the Snowball stemmer of the
  passage's language (English or Spanish): ``supervisor`` finds
  "Supervisors", ``peer role`` finds "all peer roles", ``administer
  medication`` finds "administering medications";
* ``word*`` matches any word that starts with ``word`` (``supervis*``);
* ``a|b`` accepts either word in that place (``peer|peers team``);
* ``=word`` matches that word form only, not its other endings
  (``=document`` finds "document" but not "documentation");
* ``...`` allows up to five other words in between (``peer ... supervisor``);
* ``~`` allows up to ten other words in between, within the sentence
  (``administer ~ medication``): the verb and the object of one duty,
  however many words describe the object;
* a hyphen counts as a space, as in the text (``self-determination``);
* ``@name`` stands for every phrase of a concept in ``concepts.yaml`` (the
  shared vocabulary), in the passage's language.

Text and phrases are normalised the same way first (curly quotes and
apostrophes, dashes, non-breaking spaces), so "won’t" is "won't".
Whether a match counts (negation, excluding lists, weak qualifiers) is
decided by :mod:`advocacy.evidence.scope`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache

from advocacy.evidence.normalise import normalise

# A clause number ("2.4.2", "A.3.1", or "3.1" opening a line) is one word, not numbers:
# "9.3.3 Peer staff …" and "3.1 The bidder assigns peer specialists" must not read as
# "3 peer staff".
_TOKEN = re.compile(
    r"(?:\b[A-Za-z]|\d+)(?:\.\d+){2,}\b|(?m:^)(?!0\.)\d+\.\d+(?=[ \t]+(?!FTEs?\b|ETCs?\b)[A-ZÁÉÍÓÚÑ(])"
    r"|[^\W_]+(?:'[^\W_]+)*"
)
# A full stop before a small letter ends an abbreviation ("Lived exp. a plus"), not a sentence;
# nor does one after a single capital before a name ("Supervisor: R. Fennimore, LICSW"),
# nor one after a title before a name ("Evaluadora: Lcda. Marisol Pagán, Trabajadora Social").
# Honorifics and ranks are titles too: "Sgt. Daugherty 7:51 AM: …", "Mr. Howard said …",
# "Coord. Marisela: …" in minutes and chats.
_TITLES = (
    "Dr", "Dra", "Lcda", "Lcdo", "Lic", "Enf", "enf", "Prof",
    "Mr", "Mrs", "Ms", "Mx", "Sr", "Sra", "Srta", "Sgt", "Lt", "Capt", "Det", "Ofc", "Dep",
    "Rev", "Hon", "Comm", "Commr", "Coord", "Supt", "Atty",
)  # fmt: skip
#: A title's full stop before a word ("Dr. Fenn", "Elm Dr. Peer staff …").
_TITLE_STOP = re.compile(r"\b(?:" + "|".join(_TITLES) + r")\.(?=\s+\w)")
#: Words before a title that make it a noun ending its sentence before a capital: "… by
#: the Coord. Urine …" (not "to the Dr. on call", "our Dr. Patel", "la Dra. Portillo").
_DETERMINERS = frozenset("the a an".split())
#: Words that open a sentence, never a name after a title: "… on Elm Dr. They will …".
_SENTENCE_OPENERS = frozenset(
    "the they we our peer peers staff all each this these it he she you i "
    "los las el la nuestro nuestra nuestros todos cada este esta ellos ellas".split()
)
_SENTENCE_END = re.compile(  # each branch opens with its mark, so only marks are tried
    r"[!?;](?=\s|$)|\.(?<!\b[A-ZÁÉÍÓÚÑ]\.)"
    + "".join(rf"(?<!\b{title}\.)" for title in _TITLES)
    + r"(?=\s*$|\s+(?![a-záéíóúüñ]))"
    r"|\.(?<=\b[A-ZÁÉÍÓÚÑ]\.)(?=\s*$|\s+(?![A-ZÁÉÍÓÚÑ][a-záéíóúüñ]|[a-záéíóúüñ]))"
)
# Where a sentence to cite ends: the space after ".", "!", "?" or ";" before a capital,
# digit, opening quote or bullet (see sentence_starts).
_CITED_SENTENCE_END = re.compile(r"[.!?;]\s+(?=[\"“¿¡(•\-]?[A-ZÁÉÍÓÚÑ0-9])")
# ends a clause ("Duties: …", "Raises: not applicable — merit increases frozen"), not a sentence
_COLON = re.compile(r":(?=\s|$)|(?<=\s)-(?=\s)")  # normalise() makes every dash "-"
# A number sign after a word ("Amendment No. 3", "CONTRATO Nº 12", "Núm. 4", "(no. 2)",
# "CONTRACT NO. QD-2231"),
# read in the text as written (normalising makes "Nº" "No"): neither a negation nor the
# end of a sentence. "no 1:1 observation" without a stop, and an answer "No. 3 nurses …"
# at the start of a sentence, are negations.
_NUMBER_SIGN = re.compile(
    r"(?:(?<=\w )|(?<=\w, )|(?<=\())n(?:o\.|o?[º°]\.?|\.[º°]|[uú]m\.|ro\.)(?=\s*(?:[a-z]{1,10}-){0,3}[a-z]{0,10}\d)",
    re.IGNORECASE,
)
GAP = 5
CLAUSE_GAP = 10
LANGUAGES = {"en": "english", "es": "spanish"}


@cache
def _stemmer(lang: str):  # -> snowballstemmer stemmer
    import snowballstemmer

    return snowballstemmer.stemmer(LANGUAGES.get(lang, "english"))


@lru_cache(maxsize=65536)
def stem(word: str, lang: str = "en") -> str:
    """The Snowball stem of ``word`` in ``lang`` (English if the language has no stemmer)."""
    word = normalise(word).lower()
    if word.endswith("'s"):
        word = word[:-2]
    if word in _UNSTEMMED.get(lang, ()):
        return word
    return _stemmer(lang).stemWord(word)


# Words whose Snowball stem is another word's: Spanish "para" (for) and "paro", "parar"
# (strike, stop) stem to "par", the stem of "pares" (peers).
_UNSTEMMED = {"es": frozenset("para paro parar paras".split())}


@dataclass(frozen=True)
class Tokens:
    """A passage as words and stems, with each word's span and sentence number."""

    stems: tuple[str, ...]
    words: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]
    sentences: tuple[int, ...]
    lang: str = "en"
    colons: tuple[int, ...] = ()  # indices of words that follow a colon
    commas: tuple[int, ...] = ()  # indices of words that follow a comma
    questions: frozenset[int] = frozenset()  # numbers of the sentences that end in "?"
    text: str = field(default="", compare=False, repr=False)  # the normalised text of the spans
    # Per-passage results of later stages (the scope rules), computed once.
    memo: dict[str, object] = field(default_factory=dict, compare=False, hash=False, repr=False)

    @cached_property
    def word_positions(self) -> dict[str, list[int]]:
        """Where each (unstemmed, lowercased) word occurs."""
        index: dict[str, list[int]] = {}
        for at, word in enumerate(self.words):
            index.setdefault(word, []).append(at)
        return index

    @cached_property
    def stem_positions(self) -> dict[str, list[int]]:
        """Where each stem occurs."""
        index: dict[str, list[int]] = {}
        for at, stem_ in enumerate(self.stems):
            index.setdefault(stem_, []).append(at)
        return index

    def sentence_range(self, at: int) -> tuple[int, int]:
        """The first word of word ``at``'s sentence and the word after its last."""
        sentence = self.sentences[at]
        return bisect_left(self.sentences, sentence), bisect_right(self.sentences, sentence)

    @cached_property
    def starts(self) -> list[int]:
        """Where each word starts in the text, in order (to find the words of a span)."""
        return [span[0] for span in self.spans]

    def words_in(self, start: int, end: int) -> tuple[str, ...]:
        """The words that start at characters ``start`` to ``end`` (excluded)."""
        return self.words[bisect_left(self.starts, start) : bisect_left(self.starts, end)]

    @cached_property
    def parted(self) -> frozenset[int]:
        """The words with a dash, semicolon or bar between them and the word before."""
        if not _PARTED.search(self.text):
            return frozenset()
        return frozenset(_after([m.start() for m in _PARTED.finditer(self.text)], self.starts))

    @cached_property
    def positions(self) -> dict[str, list[int]]:
        """Where each stem occurs, so a phrase is only tried where it can start."""
        index: dict[str, list[int]] = {}
        for at, stem_ in enumerate(self.stems):
            index.setdefault(stem_, []).append(at)
        return index


def sentence_starts(text: str) -> list[int]:
    """Where each sentence of ``text`` starts (the first at 0), for citing and reading.

    Coarser than the sentences :func:`tokenize` gives the scope rules: a
    sentence here ends at ".", "!", "?" or ";" only before a capital, a digit,
    an opening quote or a bullet, so "…; the team" stays one sentence to cite,
    while for a negation's reach the ";" ends it. (One splitter for both was
    measured: it changes which lines are cited and listed.)
    """
    return [0] + [m.end() for m in _CITED_SENTENCE_END.finditer(text)]


def _ends_at_title(text: str, stop: re.Match[str]) -> bool:
    """Whether a title's full stop ends a sentence after all: a street's "Dr." ("12 Oak
    Dr.", "Elm Dr."), whose word before is a name or a number, or one followed by a word
    that opens sentences ("… del Lic. Los pares …")."""
    words = text[: stop.start()].split()
    before = words[-1] if words else ""  # "Elm", "12"; not "Supervisor:" or "by"
    after = text[stop.end() :].split(maxsplit=1)[0].strip("\"'“‘(").lower()
    street = before.isdigit() or (before.isalpha() and before[:1].isupper())
    # "supervised by the Coord. Urine screens are …": a title after "the" is a noun
    noun = before.lower() in _DETERMINERS and text[stop.end() :].lstrip()[:1].isupper()
    return street or after in _SENTENCE_OPENERS or noun


def _sentence_ends(text: str, signs: Iterable[int]) -> list[int]:
    """Where the sentences of ``text`` end, for a negation's reach.

    A ";" between a pair of brackets parts the items of a list ("will not take on
    (passing medications; holding cash)"), not two sentences; the pair's closing
    bracket ends the sentence instead, so a negation inside the brackets ("(they do not
    give medication; see policy 4.2)") reaches no further than it. An emoticon's
    bracket (":(", ";)") pairs with nothing.
    """
    ends = [m.start() for m in _SENTENCE_END.finditer(text) if m.start() not in signs]
    ends += [m.end() - 1 for m in _TITLE_STOP.finditer(text) if _ends_at_title(text, m)]
    ends.sort()
    if ";" not in text or ("(" not in text and "[" not in text):
        return ends
    candidates = {at for at in ends if text[at] == ";"}
    dropped: set[int] = set()
    closing: set[int] = set()
    opened: list[tuple[int, list[int]]] = []  # each open bracket and the ";" inside it
    for at, char in enumerate(text):
        if at and text[at - 1] in ":;=":
            continue  # an emoticon
        if char in "([":
            opened.append((at, []))
        elif char in ")]" and opened:
            _, items = opened.pop()
            if items:  # the innermost pair around a ";" closes the sentence
                dropped.update(items)
                closing.add(at)
        elif at in candidates and opened:
            opened[-1][1].append(at)
    return sorted({at for at in ends if at not in dropped} | closing)


def _after(marks: list[int], starts: list[int]) -> list[int]:
    """The indices of the words (starting at ``starts``) with one of ``marks`` between
    them and the word before (or the start of the text)."""
    if not marks:
        return []
    before = [bisect_left(marks, at) for at in starts]  # the marks before each word
    return [at for at, count in enumerate(before) if count > (before[at - 1] if at else 0)]


def tokenize(text: str, lang: str = "en") -> Tokens:
    """Words of ``text`` (normalised, lowercased), their stems, spans and sentences."""
    signs = {m.start(): m.end() - 1 for m in _NUMBER_SIGN.finditer(text)}  # same length
    text = normalise(text)
    ends = _sentence_ends(text, set(signs.values()))
    found = list(_TOKEN.finditer(text))
    starts = [m.start() for m in found]
    words = [m.group().lower() for m in found]
    if signs:
        words = [w + "." if at in signs else w for w, at in zip(words, starts, strict=True)]
    stems = [stem(word, lang) for word in words]
    spans = [m.span() for m in found]
    sentences = [bisect_left(ends, at) for at in starts]  # the ends before each word
    after_colon = _after([m.start() for m in _COLON.finditer(text)], starts)
    after_comma = _after([at for at, char in enumerate(text) if char == ","], starts)
    return Tokens(
        tuple(stems),
        tuple(words),
        tuple(spans),
        tuple(sentences),
        lang,
        tuple(after_colon),
        tuple(after_comma),
        frozenset(at for at, end in enumerate(ends) if text[end] == "?"),
        text=text,
    )


@dataclass(frozen=True)
class Word:
    """One place in a phrase: stems, prefixes (``word*``) and exact forms (``=word``)."""

    stems: tuple[str, ...] = ()
    prefixes: tuple[str, ...] = ()
    exact: tuple[str, ...] = ()
    exact_stems: tuple[str, ...] = ()  # the stems of ``exact``, to index the phrase by

    def matches(self, stem_: str, word: str) -> bool:
        # str.startswith takes the tuple of prefixes at once (an empty tuple matches nothing)
        return stem_ in self.stems or word in self.exact or word.startswith(self.prefixes)


Pattern = tuple[Word | int, ...]  # an int is a gap: how many other words may come between


def starts_in(pattern: Pattern, tokens: Tokens, where: Container[int]) -> Iterable[int]:
    """The places in ``where`` (in order) where ``pattern`` may start: those of its first
    word's stems and exact forms, looked up, not tried one by one; all of ``where``
    (if it is a range) when that word takes prefixes."""
    first = pattern[0] if pattern else None
    if not isinstance(first, Word) or first.prefixes:
        return where if isinstance(where, range) else sorted(where)  # type: ignore[call-overload]
    found = {at for places in _places(first, tokens) for at in places}
    return sorted(at for at in found if at in where)


def _places(word: Word, tokens: Tokens) -> Sequence[Sequence[int]]:
    """Where in ``tokens`` each stem and exact form of ``word`` occurs (its prefixes aside)."""
    stems, words = tokens.stem_positions, tokens.word_positions
    return [stems.get(s, ()) for s in word.stems] + [words.get(w, ()) for w in word.exact]


@lru_cache(maxsize=8192)
def compile_phrase(phrase: str, lang: str = "en") -> Pattern:
    """A phrase as word matchers for text in ``lang``."""
    parts: list[Word | int] = []
    # Text splits "self-determination" into two words; the phrase must too.
    spaced = normalise(phrase).lower().replace("...", " ... ").replace("~", " ~ ")
    for raw in spaced.replace("-", " ").split():
        if raw in ("...", "~"):
            width = GAP if raw == "..." else CLAUSE_GAP
            if parts and isinstance(parts[-1], int):
                parts[-1] = max(parts[-1], width)
            elif parts:
                parts.append(width)
            continue
        if "|" not in raw and not raw.startswith("="):  # "1:1" is several words, in order
            prefix = raw.endswith("*")
            pieces = _TOKEN.findall(raw.rstrip("*"))
            for at, piece in enumerate(pieces):
                if prefix and at == len(pieces) - 1:
                    parts.append(Word(prefixes=(piece,)))
                else:
                    parts.append(Word(stems=(stem(piece, lang),)))
            continue
        stems: list[str] = []
        prefixes: list[str] = []
        exact: list[str] = []
        for option in raw.split("|"):
            found = _TOKEN.findall(option.rstrip("*"))[:1]
            if found and option.endswith("*"):
                prefixes.append(found[0])
            elif found and option.startswith("="):
                exact.append(found[0])
            elif found:
                stems.append(stem(found[0], lang))
        if stems or prefixes or exact:
            parts.append(
                Word(
                    tuple(dict.fromkeys(stems)),
                    tuple(dict.fromkeys(prefixes)),
                    tuple(dict.fromkeys(exact)),
                    tuple(dict.fromkeys(stem(e, lang) for e in exact)),
                )
            )
    while parts and isinstance(parts[-1], int):
        parts.pop()
    return tuple(parts)


def find(phrase: str, tokens: Tokens) -> list[tuple[int, int]]:
    """Every place ``phrase`` occurs: (first word index, last word index)."""
    pattern = compile_phrase(phrase, tokens.lang)
    if not pattern or not isinstance(pattern[0], Word):
        return []
    first = pattern[0]
    if first.prefixes:
        starts: Iterable[int] = range(len(tokens.stems))
    else:
        options = first.stems + first.exact_stems
        starts = sorted({at for option in options for at in tokens.positions.get(option, ())})
    hits = []
    for start in starts:
        end = match_at(pattern, tokens, start)
        if end is not None:
            hits.append((start, end))
    return hits


# Marks between two words that part them: a phrase's neighbouring words do not stand so.
_PARTED = re.compile(r"[;|–—]|\s-\s")


def match_at(
    pattern: Sequence[Word | int], tokens: Tokens, start: int, checked: int = 0
) -> int | None:
    """The index of the last word of ``pattern`` matched from word ``start``, or None.

    ``checked`` leading words of ``pattern`` are already known to match the words
    from ``start`` on, one after the other (the index looked them up). A gap stays
    inside the sentence: words of the next sentence are not "between" two words of
    a phrase; and neighbouring words of a phrase have no dash, semicolon or bar
    between them ("Nursing only – peers never …" is no "only peer").
    """
    stems, words, sentences = tokens.stems, tokens.words, tokens.sentences
    if not checked:
        first = pattern[0]
        if not isinstance(first, Word) or not first.matches(stems[start], words[start]):
            return None
        checked = 1
    elif tokens.parted and any(at in tokens.parted for at in range(start + 1, start + checked)):
        return None  # the index matched them as neighbours, marks or not
    sentence = sentences[start]
    parted = tokens.parted
    position = start + checked
    count = len(stems)
    gap = 0
    for at in range(checked, len(pattern)):
        part = pattern[at]
        if isinstance(part, int):
            gap = part
            continue
        if not gap:  # the next word, with no dash, semicolon or colon between
            if position >= count or not part.matches(stems[position], words[position]):
                return None
            if parted and position in parted:
                return None  # "Nursing only – peers never …" says no "only peer"
            position += 1
            continue
        if not part.prefixes:  # look the word up, not each place of the gap in turn
            found = _next_of(part, tokens, position)
            if found is None or found > position + gap or sentences[found] != sentence:
                return None  # (sentence numbers only grow: the words between are in it too)
            position = found + 1
        else:
            for offset in range(gap + 1):
                found = position + offset
                if found >= count or sentences[found] != sentence:
                    return None
                if part.matches(stems[found], words[found]):
                    position = found + 1
                    break
            else:
                return None
        gap = 0
    return position - 1


def _next_of(part: Word, tokens: Tokens, position: int) -> int | None:
    """The first place at or after ``position`` where ``part`` (stems and exact forms, no
    prefixes) matches, or None."""
    found = None
    for forms, where in ((part.stems, tokens.stem_positions), (part.exact, tokens.word_positions)):
        for form in forms:
            places = where.get(form)
            if places:
                at = bisect_left(places, position)
                if at < len(places) and (found is None or places[at] < found):
                    found = places[at]
    return found


STOP_WORDS = frozenset(
    "a an the of to in on at for by with and or but is are be as that this it its from "
    "el la los las de del y o en por para con un una que se".split()
)


def split_alternative(phrase: str) -> str | None:
    """An alternative that a hyphen splits ("peer-run|mutual" reads as "peer",
    then "run|mutual"), or None: each option of ``a|b`` is one word."""
    spaced = normalise(phrase).lower().replace("...", " ").replace("~", " ")
    return next((raw for raw in spaced.split() if "|" in raw and "-" in raw), None)


def trivial(phrase: str) -> bool:
    """Whether a phrase has no word of its own: only wildcards, gaps, bars or stop words."""
    words = [
        w
        for part in normalise(phrase).lower().replace("...", " ").replace("-", " ").split()
        for option in part.split("|")
        for w in _TOKEN.findall(option.rstrip("*"))
    ]
    return not any(w not in STOP_WORDS for w in words)
