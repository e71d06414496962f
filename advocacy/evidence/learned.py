"""A second reader for red flags: a model learned from the labelled corpus.

The phrase rules (:mod:`.matching`, :mod:`.scope`) explain every flag they
raise, but each new writer words a duty in a way no list foresaw ("youd be
helping the guys with there meds in the mornings"). Measured on text by
authors the rules never saw, they find about three red-flag lines in four.
This module reads each sentence a second way: a logistic regression over its
stemmed words, word pairs and negated words, trained on the lines of
``benchmarks/evidence_corpus/`` that a reviewer labelled (red flag for which
criterion, evidence, or neither). ``scripts/train_learned_model.py`` writes
the weights to ``templates/evidence/learned-model.json.gz``; nothing here
needs a machine-learning library.

A sentence is flagged when the model's chance that it is a red-flag line
reaches ``flag_at`` and its chance for one criterion reaches
``criterion_at`` (both chosen on corpus parts kept out of training, and
stored with the weights). The finder adds such a flag where the rules did
not flag that criterion; in a list under an excluding lead-in ("does not
include:") or in a question, it shows the reading as not counted. Each flag
says it came from the model, how sure it is, and the words that weighed
most, so the reviewer can judge it.
"""

from __future__ import annotations

import base64
import gzip
import json
import math
import sys
import zlib
from array import array
from bisect import bisect_left
from collections.abc import Callable, Container, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from advocacy.errors import AdvocacyError
from advocacy.evidence.clauses import memo
from advocacy.evidence.cue_words import TRIGGERS
from advocacy.evidence.matching import Tokens
from advocacy.evidence.normalise import FUNCTION_WORDS
from advocacy.resources import templates_dir

MODEL_FILE = "learned-model.json.gz"
LEARNED = "the learned model"  # what a learned flag "matched", as the report shows it
LEARNED_FLAG = "reads like a red flag, in words no phrase of the talking points knows"
LEARNED_EVIDENCE = "reads like evidence, in words no phrase of the talking points knows"
SHOWN_WORDS = 4  # words that weighed most, shown with a learned flag
MOST_LIKELY = 0.99  # a chance is shown at most this high: a model is never certain
WEIGHT_UNITS = 1000  # the model file stores each weight in thousandths, as an integer


def features(tokens: Tokens, first: int = 0, last: int | None = None) -> list[str]:
    """The features of the words ``first`` to ``last`` of ``tokens``: the stem of
    each word that says something (``u:``, not "the" or "cada"), each pair of
    neighbouring stems with such a word in it (``b:``), and each such stem after a
    negation word (``n:``). The trainer and the finder both call this.

    Function words are left out so that no flag can rest on them: a red-flag line
    is usually a sentence and a neutral one often a heading, so "the" alone had
    learned to weigh like a duty."""
    stems = tokens.stems[first:last]
    words = tokens.words[first:last]
    triggers = TRIGGERS.get(tokens.lang, TRIGGERS["en"])
    function_words = FUNCTION_WORDS.get(tokens.lang, FUNCTION_WORDS["en"])
    found: dict[str, None] = {}
    negated = False
    previous, previous_tells = "", False
    for word, stem_ in zip(words, stems, strict=True):
        negated = negated or word in triggers
        tells = word in triggers or word not in function_words
        if tells:
            found["u:" + stem_] = None
            if negated:
                found["n:" + stem_] = None
        if previous and (tells or previous_tells):
            found[f"b:{previous}_{stem_}"] = None
        previous, previous_tells = stem_, tells
    return list(found)


@dataclass(frozen=True)
class Judgement:
    """What the model makes of one sentence."""

    chance: float  # that it is a red-flag line
    criterion: str  # the criterion it most likely breaks (of those asked for)
    criterion_chance: float
    # the features that weighed most towards a red flag of that criterion, strongest first
    weighed: tuple[str, ...]


@dataclass(frozen=True)
class Model:
    """One learned reader: whether a sentence is a red-flag line (or evidence), and
    for which criterion."""

    bias: float
    weights: dict[str, float]
    criteria: tuple[str, ...]
    criterion_bias: tuple[float, ...]
    # a feature's weights for each criterion: criterion_weights[row + at] / WEIGHT_UNITS,
    # where ``row`` is criterion_rows[feature] (features of weight 0 throughout have none)
    criterion_rows: dict[str, int]
    criterion_weights: Sequence[int]
    flag_at: float
    criterion_at: float
    lines: int  # labelled lines it was trained on
    # a sentence with fewer known features is scaled as if it had this many: few words
    # are little evidence ("Same as above." is not a pay flag)
    feature_floor: int

    def known(self, found: Sequence[str]) -> int:
        """How many of ``found`` the model has weights for."""
        return sum(f in self.weights for f in found)

    def chance(self, found: Sequence[str]) -> float:
        """The chance that a sentence with ``found`` features (:func:`features`) is a red-flag line."""
        weights = [w for w in map(self.weights.get, found) if w is not None]
        # the trainer scales each line's vector to length 1 (so length is no evidence)
        scale = math.sqrt(max(len(weights), self.feature_floor))
        return _sigmoid(self.bias + sum(weights) / scale)

    def judge(
        self,
        found: Sequence[str],
        criteria: Container[str] | None = None,
        worked_out: tuple[float, tuple[int, float]] | None = None,
    ) -> Judgement:
        """The model's reading of a sentence's ``found`` features: its chance, its
        criterion (the likeliest of ``criteria``, when given) and the features that
        weighed most towards a red flag of that criterion. ``worked_out``: the chance
        and :meth:`likeliest`, where the caller has them."""
        known = [f for f in found if f in self.weights]
        chance, (best, share) = worked_out or (self.chance(found), self._likeliest(known, criteria))
        # the words behind the flag *and* its criterion ("court", "PO"), not those of another
        # criterion in the same sentence ("no raise this year")
        both = [f for f in known if self.weights[f] > 0 and self._towards(f, best) > 0]
        ranked = both or [f for f in known if self.weights[f] > 0]
        return Judgement(
            chance,
            self.criteria[best],
            share,
            tuple(sorted(ranked, key=self.weights.__getitem__, reverse=True)),
        )

    def likeliest(
        self, found: Sequence[str], criteria: Container[str] | None = None
    ) -> tuple[int, float]:
        """:meth:`judge`'s criterion (its index) and its chance, without the rest of its work."""
        return self._likeliest([f for f in found if f in self.weights], criteria)

    def _likeliest(self, known: list[str], criteria: Container[str] | None) -> tuple[int, float]:
        """The likeliest criterion of ``criteria`` (its index) and its chance."""
        scale = 1 / math.sqrt(max(len(known), self.feature_floor, 1)) / WEIGHT_UNITS
        weights, count = self.criterion_weights, len(self.criterion_bias)
        rows = [
            weights[r : r + count] for r in map(self.criterion_rows.get, known) if r is not None
        ]
        totals = list(self.criterion_bias)
        if rows:  # each criterion's weights summed over the features, column by column
            sums = map(sum, zip(*rows, strict=True))
            totals = [b + scale * s for b, s in zip(totals, sums, strict=True)]
        top = max(totals)
        exps = [math.exp(t - top) for t in totals]
        allowed = [at for at, c in enumerate(self.criteria) if criteria is None or c in criteria]
        best = max(allowed, key=totals.__getitem__, default=0)
        return best, (exps[best] / sum(exps) if allowed else 0.0)

    def _towards(self, feature: str, criterion: int) -> float:
        row = self.criterion_rows.get(feature)
        return 0.0 if row is None else self.criterion_weights[row + criterion] / WEIGHT_UNITS


def _sigmoid(x: float) -> float:
    return 1 / (1 + math.exp(-x)) if x >= 0 else math.exp(x) / (1 + math.exp(x))


@dataclass(frozen=True)
class Readers:
    """The shipped readers: of red flags, and of evidence."""

    red_flag: Model
    evidence: Model


@cache
def load_model() -> Readers | None:
    """The shipped readers, or None when their file is not there (the rules still run,
    with a warning). A damaged file is an error that says so, not a traceback."""
    path = templates_dir() / "evidence" / MODEL_FILE
    if not path.is_file():
        return None
    try:
        return read_model(path)
    except (
        OSError,
        EOFError,
        zlib.error,
        ValueError,
        KeyError,
        TypeError,
        IndexError,
        AttributeError,
        OverflowError,
        RecursionError,
    ) as error:
        raise AdvocacyError(
            f"the learned model cannot be read ({type(error).__name__}: {error})",
            file=path,
            hint="reinstall advocacy, or run with --no-learned for the phrase rules alone",
        ) from None


def read_model(path: Path) -> Readers:
    """The readers as ``scripts/train_learned_model.py`` writes them: JSON, with the
    feature names as one string and the weights as packed integers (thousandths), which
    load several times faster than JSON numbers."""
    data = json.loads(gzip.decompress(path.read_bytes()))
    if "features" not in data:
        raise ValueError("no feature list: a model file of an older format? train it again")
    names = data["features"].split("\n")
    if len(set(names)) != len(names):
        raise ValueError("a feature is listed twice")

    def reader(part: dict[str, Any]) -> Model:
        count = len(part["classes"])
        rows = unpack(part["class_rows"])
        weights = [w / WEIGHT_UNITS for w in unpack(part["weights"])]
        by_criterion = unpack(part["class_weights"])
        if (
            len(weights) != len(names)
            or len(part["class_bias"]) != count
            or len(by_criterion) != count * len(rows)
            or (len(rows) and (min(rows) < 0 or max(rows) >= len(names)))
            or list(rows) != sorted(set(rows))
        ):
            raise ValueError("the weights do not fit the features")
        return Model(
            float(part["bias"]),
            dict(zip(names, weights, strict=True)),
            tuple(part["classes"]),
            tuple(part["class_bias"]),
            {names[r]: at * count for at, r in enumerate(rows)},
            by_criterion,
            float(part["flag_at"]),
            float(part["criterion_at"]),
            int(data["trained_on"]["lines"]),
            int(data["feature_floor"]),
        )

    return Readers(reader(data["red_flag"]), reader(data["evidence"]))


def pack(numbers: Sequence[int]) -> str:
    """Integers as the model file stores them: 32-bit little-endian, in base64."""
    packed = array("i", numbers)
    if sys.byteorder == "big":
        packed.byteswap()
    return base64.b64encode(packed.tobytes()).decode("ascii")


def unpack(text: str) -> array:
    """The integers :func:`pack` stored."""
    numbers = array("i")
    if numbers.itemsize != 4:  # the file's integers are 32-bit, whatever a C int is here
        raise ValueError("this platform has no 32-bit array type 'i'")
    numbers.frombytes(base64.b64decode(text, validate=True))
    if sys.byteorder == "big":
        numbers.byteswap()
    return numbers


class Reading:
    """A sentence the model reads as a red flag (or as evidence). What it takes
    more work to say about it (its words, whether it asks or is negated) is worked
    out when asked for: most readings are dropped first, where the rules already
    found something in the sentence."""

    def __init__(
        self, judgement: Judgement, tokens: Tokens, first: int, last: int, known: int
    ) -> None:
        self.criterion = judgement.criterion
        self.chance = judgement.chance
        # characters of the sentence in the passage
        self.span = (tokens.spans[first][0], tokens.spans[last - 1][1])
        self.known = known  # how many of its features the model knows
        self._weighed = judgement.weighed
        self._where = (tokens, first, last)

    @cached_property
    def words(self) -> tuple[str, ...]:
        """The words that weighed most, as written ("PO", "no … training")."""
        return _words(self._weighed, *self._where)

    @cached_property
    def asked(self) -> str | None:
        """Why the sentence states no duty (a question to answer), or None."""
        from advocacy.evidence.questions import bidder_ask, question

        tokens, first, _ = self._where
        return question(tokens, first) or bidder_ask(tokens, first)

    @cached_property
    def negated(self) -> str | None:
        """Why the scope rules read most of those words as negated, or None."""
        return _negated(self._weighed[:SHOWN_WORDS], *self._where)


def readings(
    model: Model,
    tokens: Tokens,
    criteria: Container[str],
    skip: Callable[[int, int], bool] | None = None,
) -> list[Reading]:
    """The sentences of a passage (``tokens``) the model reads as red flags (or
    evidence) of one of ``criteria``, leaving out those whose characters ``skip``
    says to (where the rules have already spoken).

    Negations are left to the model's ``n:`` features, not to the scope rules:
    on the corpus, a red-flag line is often negative ("no raise this year",
    "lived experience not required"), and ruling out a reading whose words
    were negated dropped only true flags. A question the rules say states no
    duty ("May peer staff hand out medication?", "Describe your retention
    plan") is said so (``asked``)."""
    read = []
    for first, last, found, chance in _sentences(model, tokens):
        # most sentences stop here: their criterion and words are not needed
        if chance >= model.flag_at:
            if skip and skip(tokens.spans[first][0], tokens.spans[last - 1][1]):
                continue
            likeliest = model.likeliest(found, criteria)
            if likeliest[1] >= model.criterion_at:
                judgement = model.judge(found, criteria, (chance, likeliest))
                read.append(Reading(judgement, tokens, first, last, model.known(found)))
    return read


def _sentences(model: Model, tokens: Tokens) -> list[tuple[int, int, list[str], float]]:
    """Each sentence of ``tokens`` (its first and after-last word), its features and
    the model's chance, worked out once for each reader (the finder asks twice)."""

    def chances(tokens: Tokens) -> list[tuple[int, int, list[str], float]]:
        sentences = memo(tokens, "learned_features", _sentence_features)
        return [(first, last, found, model.chance(found)) for first, last, found in sentences]

    return memo(tokens, f"chances {id(model)}", chances)  # type: ignore[no-any-return]


def sentence_at(model: Model, tokens: Tokens, at: int) -> tuple[list[str], float]:
    """The features and the model's chance of the sentence of ``tokens`` that holds
    character ``at`` (the first sentence, for a character before the first word)."""
    _, found, chance = sentence_around(model, tokens, at)
    return found, chance


def sentence_around(
    model: Model, tokens: Tokens, at: int
) -> tuple[tuple[int, int], list[str], float]:
    """:func:`sentence_at`, with the sentence's first and after-last character."""
    sentences = _sentences(model, tokens)
    if not sentences:
        return (0, 0), [], 0.0
    # the first sentence that ends at or after ``at`` (the last, if none does)
    at_sentence = min(
        bisect_left(memo(tokens, "learned_ends", _sentence_ends), at), len(sentences) - 1
    )
    first, last, found, chance = sentences[at_sentence]
    return (tokens.spans[first][0], tokens.spans[last - 1][1]), found, chance


def _sentence_ends(tokens: Tokens) -> list[int]:
    """The after-last character of each sentence of :func:`_sentence_features`, in order."""
    return [
        tokens.spans[last - 1][1]
        for _, last, _ in memo(tokens, "learned_features", _sentence_features)
    ]


def _sentence_features(tokens: Tokens) -> list[tuple[int, int, list[str]]]:
    """Each sentence's first and after-last word and its features, worked out once
    for both readers."""
    found = []
    first = 0
    for last in range(1, len(tokens.stems) + 1):
        if last < len(tokens.stems) and tokens.sentences[last] == tokens.sentences[first]:
            continue
        found.append((first, last, features(tokens, first, last)))
        first = last
    return found


def _place(feature: str, tokens: Tokens, first: int, last: int) -> tuple[int, int] | None:
    """The words ``start``..``end`` (end excluded) where a feature of the sentence
    ``first``..``last`` first occurs."""
    stems = feature.partition(":")[2].split("_")
    for at in range(first, last - len(stems) + 1):
        if list(tokens.stems[at : at + len(stems)]) == stems:
            return at, at + len(stems)
    return None


def _words(weighed: Sequence[str], tokens: Tokens, first: int, last: int) -> tuple[str, ...]:
    """The first :data:`SHOWN_WORDS` of ``weighed`` (features of the sentence
    ``first``..``last``) as the sentence writes them, leaving out any that are
    only function words ("cada", "any")."""
    function_words = FUNCTION_WORDS.get(tokens.lang, FUNCTION_WORDS["en"])
    shown: dict[str, None] = {}
    for feature in weighed:
        place = _place(feature, tokens, first, last)
        if place is None or all(w in function_words for w in tokens.words[slice(*place)]):
            continue
        start, end = place
        text = tokens.text[tokens.spans[start][0] : tokens.spans[end - 1][1]]
        if feature.startswith("n:"):  # the negation word used: "no … training", "nunca … lista"
            trigger = _trigger_before(tokens, first, start)
            text = f"{trigger} … {text}" if trigger else text
        shown[text] = None
        if len(shown) == SHOWN_WORDS:
            break
    return tuple(shown)


def _negated(weighed: Sequence[str], tokens: Tokens, first: int, last: int) -> str | None:
    """Why the scope rules read most of the words that weighed most as negated, or None."""
    from advocacy.evidence.scope import negation

    places = [p for p in (_place(f, tokens, first, last) for f in weighed) if p is not None]
    reasons = [negation(tokens, start, end - 1) for start, end in places]  # end: the last word
    negated = [r for r in reasons if r]
    return negated[0] if negated and 2 * len(negated) >= len(reasons) else None


def _trigger_before(tokens: Tokens, first: int, at: int) -> str | None:
    triggers = TRIGGERS.get(tokens.lang, TRIGGERS["en"])
    before = (i for i in range(at - 1, first - 1, -1) if tokens.words[i] in triggers)
    i = next(before, None)
    return None if i is None else tokens.text[tokens.spans[i][0] : tokens.spans[i][1]]
