"""A second reader for red flags: a model learned from the labelled corpus.

The phrase rules (:mod:`.matching`, :mod:`.scope`) explain every flag they
raise, but each new writer words a duty in a way no list foresaw ("youd be
helping the guys with there meds in the mornings"). Measured on text by
authors the rules never saw, they find about three red-flag lines in four.
This module reads each sentence a second way: a logistic regression over its
stemmed words, word pairs and negated words, trained on the lines of
``benchmarks/evidence_corpus/`` that a reviewer labelled (red flag for which
criterion, evidence, or neither). ``scripts/train_red_flag_model.py`` writes
the weights to ``templates/evidence/red-flag-model.json.gz``; nothing here
needs a machine-learning library.

A sentence is flagged when the model's chance that it is a red-flag line
reaches ``flag_at`` and its chance for one criterion reaches
``criterion_at`` (both chosen on corpus parts kept out of training, and
stored with the weights). The finder adds such a flag where the rules did
not flag that criterion, except in a list under an excluding lead-in ("does
not include:"). Each flag says it came from the model, how sure it is, and
the words that weighed most, so the reviewer can judge it.
"""

from __future__ import annotations

import gzip
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from advocacy.evidence.cue_words import TRIGGERS
from advocacy.evidence.matching import Tokens
from advocacy.evidence.normalise import FUNCTION_WORDS
from advocacy.resources import templates_dir

MODEL_FILE = "red-flag-model.json.gz"
LEARNED = "the learned model"  # what a learned flag "matched", as the report shows it
LEARNED_FLAG = "reads like a red flag, in words no phrase of the talking points knows"
SHOWN_WORDS = 4  # words that weighed most, shown with a learned flag


def features(tokens: Tokens, first: int = 0, last: int | None = None) -> list[str]:
    """The features of the words ``first`` to ``last`` of ``tokens``: each stem
    (``u:``), each pair of neighbouring stems (``b:``) and each stem after a
    negation word (``n:``). The trainer and the finder both call this."""
    stems = tokens.stems[first:last]
    words = tokens.words[first:last]
    triggers = TRIGGERS.get(tokens.lang, TRIGGERS["en"])
    found: dict[str, None] = {}
    negated = False
    previous = ""
    for word, stem_ in zip(words, stems, strict=True):
        negated = negated or word in triggers
        found["u:" + stem_] = None
        if negated:
            found["n:" + stem_] = None
        if previous:
            found[f"b:{previous}_{stem_}"] = None
        previous = stem_
    return list(found)


@dataclass(frozen=True)
class Judgement:
    """What the model makes of one sentence."""

    chance: float  # that it is a red-flag line
    criterion: str  # the criterion it most likely breaks
    criterion_chance: float
    words: tuple[str, ...]  # the features that weighed most towards "red flag", strongest first


@dataclass(frozen=True)
class Model:
    bias: float
    weights: dict[str, float]
    criteria: tuple[str, ...]
    criterion_bias: tuple[float, ...]
    criterion_weights: dict[str, tuple[float, ...]]
    flag_at: float
    criterion_at: float
    lines: int  # labelled lines it was trained on

    def chance(self, found: Sequence[str]) -> float:
        """The chance that a sentence with ``found`` features (:func:`features`) is a red-flag line."""
        weights = [self.weights[f] for f in found if f in self.weights]
        # the trainer scales each line's vector to length 1 (so length is no evidence)
        return _sigmoid(
            self.bias + sum(weights) / math.sqrt(len(weights)) if weights else self.bias
        )

    def judge(self, found: Sequence[str], lang: str = "en") -> Judgement:
        """The model's reading of a sentence's ``found`` features: its chance, its
        criterion and the words that weighed most (``lang``: to leave out "the")."""
        weighed = [(self.weights[f], f) for f in found if f in self.weights]
        scale = 1 / math.sqrt(len(weighed)) if weighed else 0.0
        totals = list(self.criterion_bias)
        for f in found:
            for at, w in enumerate(self.criterion_weights.get(f, ())):
                totals[at] += scale * w
        top = max(totals)
        exps = [math.exp(t - top) for t in totals]
        best = max(range(len(totals)), key=totals.__getitem__)
        function_words = FUNCTION_WORDS.get(lang, FUNCTION_WORDS["en"])
        strongest = sorted(
            (pair for pair in weighed if pair[0] > 0 and _telling(pair[1], function_words)),
            reverse=True,
        )
        return Judgement(
            self.chance(found),
            self.criteria[best],
            exps[best] / sum(exps),
            tuple(f for _, f in strongest[:SHOWN_WORDS]),
        )


def _telling(feature: str, function_words: frozenset[str]) -> bool:
    """Whether a feature says something to a reader: not "the", "on", "the_on"."""
    return any(s not in function_words for s in feature.partition(":")[2].split("_"))


def _sigmoid(x: float) -> float:
    return 1 / (1 + math.exp(-x)) if x >= 0 else math.exp(x) / (1 + math.exp(x))


@cache
def load_model() -> Model | None:
    """The shipped model, or None when it is not there (the rules still run)."""
    path = templates_dir() / "evidence" / MODEL_FILE
    return read_model(path) if path.is_file() else None


def read_model(path: Path) -> Model:
    """A model as ``scripts/train_red_flag_model.py`` writes it."""
    data = json.loads(gzip.decompress(path.read_bytes()))
    red, criterion = data["red"], data["criterion"]
    return Model(
        red["bias"],
        red["weights"],
        tuple(criterion["classes"]),
        tuple(criterion["bias"]),
        {f: tuple(w) for f, w in criterion["weights"].items()},
        data["flag_at"],
        data["criterion_at"],
        data["trained_on"]["lines"],
    )


@dataclass(frozen=True)
class Reading:
    """A sentence the model reads as a red flag."""

    criterion: str
    chance: float
    span: tuple[int, int]  # characters of the sentence in the passage
    words: tuple[str, ...]  # the words that weighed most, as written ("meds", "not … pills")


def readings(model: Model, tokens: Tokens) -> list[Reading]:
    """The sentences of a passage (``tokens``) the model reads as red flags.

    Negations are left to the model's ``n:`` features, not to the scope rules:
    on the corpus, a red-flag line is often negative ("no raise this year",
    "lived experience not required"), and ruling out a reading whose words
    were negated dropped only true flags."""
    read = []
    first = 0
    for last in range(1, len(tokens.stems) + 1):
        if last < len(tokens.stems) and tokens.sentences[last] == tokens.sentences[first]:
            continue
        found = features(tokens, first, last)
        # most sentences stop here: their criterion and words are not needed
        judgement = (
            model.judge(found, tokens.lang) if model.chance(found) >= model.flag_at else None
        )
        if judgement is not None and judgement.criterion_chance >= model.criterion_at:
            read.append(
                Reading(
                    judgement.criterion,
                    judgement.chance,
                    (tokens.spans[first][0], tokens.spans[last - 1][1]),
                    tuple(_shown(f, tokens, first, last) for f in judgement.words),
                )
            )
        first = last
    return read


def _shown(feature: str, tokens: Tokens, first: int, last: int) -> str:
    """A feature as the words of its sentence (``first``..``last``) read: "meds",
    "pick up", "not … pills"."""
    kind, _, body = feature.partition(":")
    stems = body.split("_")
    for at in range(first, last - len(stems) + 1):
        if list(tokens.stems[at : at + len(stems)]) == stems:
            words = " ".join(tokens.words[at : at + len(stems)])
            return f"not … {words}" if kind == "n" else words
    return body  # not reached: every feature comes from its sentence
