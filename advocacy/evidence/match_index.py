"""Every phrase of a rubric, compiled once per language and indexed by its first word.

A 100-page bid has thousands of passages and a rubric hundreds of phrases
(more once concepts are expanded), so each passage is scanned word by word
against only the phrases that can start at that word.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property

from advocacy.evaluate.rubric import LoadedRubric
from advocacy.evidence.concepts import load_concepts
from advocacy.evidence.cue_words import TRIGGERS
from advocacy.evidence.matching import (
    Pattern,
    Tokens,
    Word,
    compile_phrase,
    match_at,
    sentence_starts,
    starts_in,
    tokenize,
)
from advocacy.evidence.out_of_role import not_the_peers_after
from advocacy.evidence.positions import another_position
from advocacy.evidence.questions import bidder_ask, question
from advocacy.evidence.scope import (
    ANOTHER_MEANING,
    THE_OPPOSITE,
    listed_after,
    negation,
    qualifier_word,
    self_negating,
    weak_qualifier,
)
from advocacy.evidence.staffing import figure_at
from advocacy.evidence.withheld import put_off_after, withheld_after

BASE_LANGUAGE = "en"  # the language of literal phrases in the talking points
PREFIX_KEY = 3  # prefix phrases are indexed by their first letters
_SHORTER = (1, 2)  # prefixes shorter than PREFIX_KEY are looked up by their own length


@dataclass(frozen=True)
class Entry:
    """One phrase of one look-for item or red flag, for one language."""

    criterion: str
    kind: str  # look_for | red_flag
    item: str  # the item's or flag's text
    why: str
    source: str  # the phrase as written, or "@concept: phrase"
    pattern: Pattern
    weak_only: bool = False
    rules_out: bool = True  # a negated red flag is evidence the bid rules it out
    duty_line_only: bool = False  # counts only on a line of a duties list
    unless: tuple[Pattern, ...] = ()  # in the same sentence, these make a match not count
    unless_in_passage: bool = False  # … or anywhere in the passage
    home: str | None = None  # the criterion a shared concept's words credit (concept ``home``)
    negated_only: bool = False  # counts only where a negation reaches it: a missing protection
    unless_same_words: tuple[Pattern, ...] = ()  # where they share its words, another meaning
    another_title: bool = False  # names what another title does ("the LCSW supervises")
    people_per_peer_over: int = 0  # counts only where its sentence gives more people per peer
    only_with: tuple[Pattern, ...] = ()  # look-for: one must be in the sentence or heading
    rules_out_home: str | None = None  # the only criterion a negated match rules a flag out for
    opposite_same_words: tuple[Pattern, ...] = ()  # where they share its words, the opposite

    @cached_property
    def own_negations(self) -> frozenset[str]:
        """The stems of negation words the phrase names itself after its first word
        ("{learning} ~ sin pago", a red flag): in a match, they are its wording, not a
        negation of it. (A first word is the absence itself already: "no cap".)"""
        later = self.pattern[1:]
        named = {
            form for word in later if isinstance(word, Word) for form in word.stems + word.exact
        }
        return frozenset(named & (TRIGGERS["en"] | TRIGGERS["es"]))

    @cached_property
    def checked(self) -> int:
        """How many leading words of the pattern the index matches before trying it:
        the first, and the second when it must follow at once (:func:`_starts`)."""
        return 2 if len(self.pattern) > 1 and isinstance(self.pattern[1], Word) else 1

    @cached_property
    def needs(self) -> tuple[frozenset[str], ...]:
        """For each later word of the pattern that takes no prefix, its stems and exact
        forms: a passage holding none of one set's stems or words cannot match."""
        return tuple(
            frozenset(part.stems + part.exact)
            for part in self.pattern[self.checked :]
            if isinstance(part, Word) and not part.prefixes
        )


@dataclass(frozen=True)
class PhraseMatch:
    entry: Entry
    span: tuple[int, int]  # characters in the passage
    excluded: str | None  # why it is not counted, or None


@dataclass
class MatchIndex:
    # lang → first stem → second stem (or "" when the second word is not a plain word) → …
    by_stem: dict[str, dict[str, dict[str, list[Entry]]]] = field(default_factory=dict)
    # lang → the first three letters of a prefix → entries starting with that prefix
    by_prefix: dict[str, dict[str, list[Entry]]] = field(default_factory=dict)
    languages: set[str] = field(default_factory=set)
    # (lang, word, its stem, the next word and stem) → the entries that may start there,
    # worked out once per run: in a long bid the same words meet again and again
    _starting: dict[tuple[str, str, str, str, str], list[Entry]] = field(
        default_factory=dict, init=False, repr=False
    )

    def add(self, lang: str, entry: Entry) -> None:
        first = entry.pattern[0]
        if not isinstance(first, Word):
            return
        self._starting.clear()  # what may start where is worked out again
        self.languages.add(lang)
        prefixes = self.by_prefix.setdefault(lang, {})
        for option in first.prefixes:
            prefixes.setdefault(option[:PREFIX_KEY], []).append(entry)
        second = entry.pattern[1] if len(entry.pattern) > 1 else None
        plain = isinstance(second, Word) and not second.prefixes and not second.exact
        keys = second.stems if plain else ("",)  # type: ignore[union-attr]
        stems = self.by_stem.setdefault(lang, {})
        for option in first.stems + first.exact_stems:
            bucket = stems.setdefault(option, {})
            for key in keys:
                bucket.setdefault(key, []).append(entry)

    def language_of(self, lang: str) -> str:
        """The language a passage in ``lang`` is matched in: its own when the library
        has phrases in it, else the language of the literal phrases."""
        return lang if lang in self.languages else BASE_LANGUAGE

    def scan(
        self,
        text: str,
        lang: str,
        list_scope: str | None = None,
        duty_line: bool = False,
        weak_heading: str | None = None,
        heading: str | None = None,
        tokens: Tokens | None = None,
    ) -> list[PhraseMatch]:
        """Every phrase of the index found in ``text``, each judged by the scope rules.

        ``list_scope`` says why an excluding lead-in covers the passage;
        ``duty_line`` whether it is a line of a duties list; ``weak_heading``
        the weak qualifier of its heading ("Qualifications: Preferred");
        ``heading`` the passage's heading, where a concept's ``unless`` phrases
        are also looked for when they cover the whole passage; ``tokens``
        the text already tokenized in :meth:`language_of` ``lang``.
        """
        lang = self.language_of(lang)
        if tokens is None:
            tokens = tokenize(text, lang)
        found: list[PhraseMatch] = []
        # where in ``found`` the match of an item starting at a word is
        seen: dict[tuple[int, str, str, str], int] = {}
        stems, words = tokens.stems, tokens.words
        last = len(stems) - 1
        starting = self._starting
        present = {*stems, *words}
        for start, stem_ in enumerate(stems):
            word = words[start]
            here = (lang, word, stem_) + (
                (words[start + 1], stems[start + 1]) if start < last else ("", "")
            )
            candidates = starting.get(here)
            if candidates is None:
                candidates = starting[here] = self._may_start(*here)
            for entry in candidates:  # (their first words, and second if next, matched)
                needs = entry.needs
                if needs and any(forms.isdisjoint(present) for forms in needs):
                    continue
                end = match_at(entry.pattern, tokens, start, entry.checked)
                if end is None:
                    continue
                key = (start, entry.criterion, entry.kind, entry.item)
                earlier = seen.get(key)
                if earlier is not None and found[earlier].excluded is None:
                    continue
                if entry.duty_line_only and not duty_line:
                    continue
                if entry.people_per_peer_over:  # the whole figure: "1,800 personas"
                    figure = figure_at(tokens, start, entry.people_per_peer_over)
                    if figure is None:
                        continue
                    end = figure[1]
                judged = _judge(entry, tokens, start, end, list_scope, weak_heading, heading)
                if judged is _DROP or (earlier is not None and judged is not None):
                    continue
                span = (tokens.spans[start][0], tokens.spans[end][1])
                match = PhraseMatch(entry, span, judged)  # type: ignore[arg-type]
                if earlier is not None:  # another phrase of the item, not counted, gives way
                    found[earlier] = match
                else:
                    seen[key] = len(found)
                    found.append(match)
        return found

    def _may_start(
        self, lang: str, word: str, stem_: str, next_word: str, next_stem: str
    ) -> list[Entry]:
        """The entries (in index order) whose first word matches ``word`` and whose
        second, when it must follow at once, matches the next word."""
        bucket = self.by_stem.get(lang, {}).get(stem_)
        candidates: list[Entry] = []
        if bucket is not None:
            candidates = bucket.get("", []) + (bucket.get(next_stem, []) if next_stem else [])
        prefixed = self.by_prefix.get(lang, {})
        if prefixed:
            candidates = candidates + prefixed.get(word[:PREFIX_KEY], [])
            if any(len(key) < PREFIX_KEY for key in prefixed):
                candidates = candidates + [
                    e for short in _SHORTER[: len(word)] for e in prefixed.get(word[:short], ())
                ]
        return [e for e in candidates if _starts(e.pattern, word, stem_, next_word, next_stem)]


def _starts(pattern: Pattern, word: str, stem_: str, next_word: str, next_stem: str) -> bool:
    """Whether ``pattern`` can start at ``word`` followed by ``next_word`` (the rest is
    left to :func:`match_at`)."""
    first = pattern[0]
    if not isinstance(first, Word) or not first.matches(stem_, word):
        return False
    second = pattern[1] if len(pattern) > 1 else None
    if isinstance(second, Word):  # no gap: the next word must be it
        return bool(next_word) and second.matches(next_stem, next_word)
    return True


_DROP = object()
# Words between a negation and a missing protection it names ("has no contact with
# other peer workers"); one further away negates a verb of its own ("will not be
# asked to skip peer team meetings").
ABSENCE_REACH = 3
# Words either side of a match where its concept's 'unless' phrases are looked for,
# within the sentence (a sentence is rarely longer; a run-on text without stops is).
UNLESS_REACH = 60


def _judge(
    entry: Entry,
    tokens: Tokens,
    start: int,
    end: int,
    list_scope: str | None,
    weak_heading: str | None = None,
    heading: str | None = None,
):
    """None if the match counts, a reason if not, ``_DROP`` if it is no match at all."""
    if entry.negated_only:  # "no peer network affiliation": the protection is missing
        if negation(tokens, start, end, reach=ABSENCE_REACH) is None and not withheld_after(
            tokens, end
        ):
            return _DROP
        return list_scope or question(tokens, start) or _unless(entry, tokens, start, heading)
    weak = weak_qualifier(tokens, start, end) or weak_heading
    if entry.weak_only:
        if weak is None:
            return _DROP
        return negation(tokens, start, end, weak=True)
    if entry.kind == "red_flag":
        return (
            qualifier_word(tokens, start, end)
            or negation(tokens, start, end, own=entry.own_negations)
            or not_the_peers_after(tokens, end)
            or list_scope
            or listed_after(tokens, start)
            or (None if entry.another_title else another_position(tokens, start, end))
            or question(tokens, start)
            or bidder_ask(tokens, start)
            or _same_words(entry, tokens, start, end)
            or _unless(entry, tokens, start, heading)
        )
    own_words = f" {' '.join(tokens.words[start : end + 1])} "
    if weak is not None and f" {weak.lower()} " not in own_words:
        # (a match that is the weak word itself, "optional", is what it says)
        return f"only '{weak}', not required"
    # words that mean something else here ("training in supervising peer roles" is the
    # supervisor's) are no evidence of this point at all, not evidence "not counted"
    if (entry.only_with and not _said_with(entry, tokens, start, heading)) or _unless(
        entry, tokens, start, heading
    ):
        return _DROP
    if self_negating(tokens, start, end):
        return question(tokens, start)
    return negation(tokens, start, end) or put_off_after(tokens, end) or question(tokens, start)


def _unless(entry: Entry, tokens: Tokens, start: int, heading: str | None = None) -> str | None:
    """Why a phrase of the concept's ``unless`` list, in the match's sentence (or
    passage and its heading), defuses it."""
    if entry.unless and entry.unless_in_passage and heading:
        titled = tokenize(heading, tokens.lang)
        for pattern in entry.unless:
            for at in range(len(titled.words)):
                end = match_at(pattern, titled, at)
                if end is not None:
                    said = " ".join(titled.words[at : end + 1])
                    return f"{ANOTHER_MEANING}: '{said}' in the heading"
    if not entry.unless:
        return None
    if entry.unless_in_passage:  # the same for every match of the entry in the passage
        key = f"unless {id(entry)}"
        if key not in tokens.memo:
            tokens.memo[key] = _unless_in(entry, tokens, range(len(tokens.words)), "passage")
        return tokens.memo[key]  # type: ignore[return-value]
    first, last = tokens.sentence_range(start)
    near = range(max(first, start - UNLESS_REACH), min(last, start + UNLESS_REACH))
    return _unless_in(entry, tokens, near, "sentence")


def _said_with(entry: Entry, tokens: Tokens, start: int, heading: str | None) -> bool:
    """Whether a phrase of the concept's ``only_with`` list is in the match's sentence (as
    cited: "…; it is required" is the same sentence) or the passage's heading ("Lived
    experience is required", under "Requirements")."""
    if "cited sentences" not in tokens.memo:
        tokens.memo["cited sentences"] = sentence_starts(tokens.text)
    starts: list[int] = tokens.memo["cited sentences"]  # type: ignore[assignment]
    at = tokens.spans[start][0]
    after = bisect_right(starts, at)
    begin, end = starts[after - 1], starts[after] if after < len(starts) else len(tokens.text)
    near = [
        i
        for i in range(max(0, start - UNLESS_REACH), min(len(tokens.words), start + UNLESS_REACH))
        if begin <= tokens.spans[i][0] < end
    ]
    places = set(near)
    if any(
        match_at(p, tokens, at) is not None
        for p in entry.only_with
        for at in starts_in(p, tokens, places)
    ):
        return True
    if not heading:
        return False
    titled = tokenize(heading, tokens.lang)
    return any(
        match_at(p, titled, at) is not None
        for p in entry.only_with
        for at in starts_in(p, titled, range(len(titled.words)))
    )


_CLAUSE_MARK = re.compile(r"[,;:()\[\]]")
# An entry-level title in or just after an opposite's words makes it no parity: "the same as
# aides while case managers …", "the same as the nurse aides", "auxiliares de terapeuta"
_AIDES = frozenset(
    "aide aides assistant assistants tech techs technician technicians auxiliar auxiliares "
    "asistente asistentes ayudante ayudantes".split()
)


def _same_words(entry: Entry, tokens: Tokens, start: int, end: int) -> str | None:
    """Why a phrase of the concept's ``unless_same_words`` list that shares words with
    the match at ``start``..``end`` gives them another meaning ("reports to the program
    director": a reporting line), or one of its ``opposite_same_words`` says the
    opposite of the flag ("the same scale as bachelor's-level case managers"); the
    sentence's other matches are left alone."""
    if not (entry.unless_same_words or entry.opposite_same_words):
        return None
    first, _ = tokens.sentence_range(start)
    for patterns, reason in (
        (entry.opposite_same_words, THE_OPPOSITE),
        (entry.unless_same_words, ANOTHER_MEANING),
    ):
        for pattern in patterns:
            for at in starts_in(pattern, tokens, range(max(first, start - UNLESS_REACH), end + 1)):
                found = match_at(pattern, tokens, at)
                if found is None or found < start:
                    continue
                # the opposite is said in one clause, of a title above entry level: not "the
                # same as aides, while nurses …", nor "the same as the nurse aides"
                if reason is THE_OPPOSITE and (
                    _CLAUSE_MARK.search(tokens.text, tokens.spans[at][1], tokens.spans[found][0])
                    or any(w.removesuffix("'s") in _AIDES for w in tokens.words[at : found + 2])
                ):
                    continue
                said = " ".join(tokens.words[at : found + 1])
                return f"{reason}: '{said}'"
    return None


def _unless_in(entry: Entry, tokens: Tokens, where: range, name: str) -> str | None:
    for pattern in entry.unless:
        for at in starts_in(pattern, tokens, where):
            end = match_at(pattern, tokens, at)
            # "no peer supervisor", "sin convenio con ninguna organización de pares":
            # an answer the text says is missing answers nothing.
            if end is not None and negation(tokens, at, end) is None:
                said = " ".join(tokens.words[at : end + 1])
                return f"{ANOTHER_MEANING}: '{said}' in the same {name}"
    return None


def build_index(rubric: LoadedRubric) -> MatchIndex:
    """Compile every phrase of every criterion of ``rubric`` (concepts expanded)."""
    concepts = load_concepts()
    index = MatchIndex()
    for criterion in rubric.criteria:
        groups = [("look_for", item.text, "", item.match) for item in criterion.look_for] + [
            ("red_flag", flag.text, flag.why, flag.match) for flag in criterion.red_flags
        ]
        for kind, text, why, phrases in groups:
            for phrase in phrases:
                if phrase.startswith("@"):
                    concept = concepts.get(phrase[1:])
                    if concept is None:
                        continue  # reported by points lint
                    for lang, concept_phrases in concept.phrases.items():
                        expanded = concept.expanded[lang]
                        for written, p in zip(concept_phrases, expanded, strict=True):
                            entry = Entry(
                                criterion.id,
                                kind,
                                text,
                                why,
                                f"{phrase}: {written}",
                                compile_phrase(p, lang),
                                concept.weak_only,
                                not (
                                    concept.weak_only
                                    or concept.negated_only
                                    or concept.people_per_peer_over
                                ),
                                concept.duty_line_only,
                                tuple(
                                    compile_phrase(u, lang) for u in concept.unless.get(lang, ())
                                ),
                                concept.unless_in_passage,
                                concept.home,
                                concept.negated_only,
                                tuple(
                                    compile_phrase(u, lang)
                                    for u in concept.unless_same_words.get(lang, ())
                                ),
                                concept.another_title,
                                concept.people_per_peer_over,
                                tuple(
                                    compile_phrase(u, lang) for u in concept.only_with.get(lang, ())
                                ),
                                concept.rules_out_home,
                                tuple(
                                    compile_phrase(u, lang)
                                    for u in concept.opposite_same_words.get(lang, ())
                                ),
                            )
                            index.add(lang, entry)
                else:
                    pattern = compile_phrase(phrase, BASE_LANGUAGE)
                    if pattern:
                        index.add(
                            BASE_LANGUAGE,
                            Entry(criterion.id, kind, text, why, phrase, pattern),
                        )
    return index
