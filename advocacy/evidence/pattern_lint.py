"""Lint rules for the ``match`` phrases of talking points (run by ``points lint``).

* A phrase made only of wildcards, gaps, bars or stop words (``"*"``,
  ``"..."``, ``"|"``, ``"the ... of"``) would make any sentence evidence:
  an error.
* ``@name`` must name a concept of the shared vocabulary: an error.
* An option of ``a|b`` with a hyphen (``peer-run|mutual``) reads as two
  words and splits the alternative: an error.
* A phrase that matches more than 5% of the passages of a shipped reference
  text that has nothing to do with peer work is too broad: a warning.

The library layer calls this lazily; it depends only on the matcher and the
concept vocabulary, never on the rest of the evidence finder.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from functools import cache

from advocacy.errors import Diagnostic, error, warning
from advocacy.evidence.concepts import load_concepts
from advocacy.evidence.matching import Tokens, find, split_alternative, tokenize, trivial
from advocacy.resources import templates_dir

BROAD_SHARE = 0.05
REFERENCE = "reference-unrelated.md"


@cache
def reference_passages() -> tuple[Tokens, ...]:
    """The unrelated reference text, one tokenised passage per paragraph."""
    from advocacy.evidence.segment import segment_text

    text = (templates_dir() / "evidence" / REFERENCE).read_text("utf-8")
    return tuple(tokenize(s.text) for s in segment_text(text, markdown=True) if not s.heading)


@functools.cache
def broad_share(phrase: str) -> float:
    """The share of reference passages ``phrase`` matches (once per phrase: a
    library of thousands of points repeats the same phrases)."""
    passages = reference_passages()
    hits = sum(bool(find(phrase, tokens)) for tokens in passages)
    return hits / len(passages) if passages else 0.0


#: :func:`trivial`, once per phrase (for the same reason as :func:`broad_share`).
_trivial = functools.cache(trivial)


def match_diagnostics(loaded) -> Iterator[Diagnostic]:  # loaded: LoadedPoint
    """Errors and warnings for every ``match`` phrase of a point's evaluation block."""
    evaluation = loaded.point.evaluation
    if evaluation is None:
        return
    groups = [("look_for", item.match) for item in evaluation.look_for] + [
        ("red_flags", flag.match) for flag in evaluation.red_flags
    ]
    counters = {"look_for": 0, "red_flags": 0}
    for kind, phrases in groups:
        index = counters[kind]
        counters[kind] += 1
        for number, phrase in enumerate(phrases):
            where = ("evaluation", kind, index, "match", number)  # placed only if reported
            if phrase.startswith("@"):
                concepts = load_concepts()
                if phrase[1:] not in concepts:
                    from advocacy.errors import did_you_mean

                    yield error(
                        f"unknown concept {phrase!r}",
                        loaded.path,
                        *loaded.doc.position(where),
                        hint=did_you_mean(phrase[1:], concepts)
                        or "concepts: " + ", ".join(sorted(concepts)),
                        code="match-pattern",
                    )
                continue
            if _trivial(phrase):
                yield error(
                    f"match phrase {phrase!r} has no word of its own: it would match any text",
                    loaded.path,
                    *loaded.doc.position(where),
                    hint="use words a bid would contain; '*', '...', '|' and words such as "
                    "'the' only join or widen them",
                    code="match-pattern",
                )
                continue
            split = split_alternative(phrase)
            if split is not None:
                yield error(
                    f"match phrase {phrase!r}: the alternative {split!r} has a hyphenated option, "
                    "which reads as two words and splits the alternative",
                    loaded.path,
                    *loaded.doc.position(where),
                    hint="each option of 'a|b' is one word; write a hyphenated option as its own "
                    "phrase",
                    code="match-pattern",
                )
                continue
            share = broad_share(phrase)
            if share > BROAD_SHARE:
                yield warning(
                    f"match phrase {phrase!r} matches {share:.0%} of the passages of an "
                    "unrelated reference text: too broad to be evidence",
                    loaded.path,
                    *loaded.doc.position(where),
                    hint="make it more specific (more words, fewer wildcards)",
                    code="match-too-broad",
                )
