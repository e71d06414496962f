"""The shared concept vocabulary: synonyms a talking point names with ``@concept``.

``templates/evidence/concepts.yaml`` is shipped with the package. Each
concept has a short description, phrases per language, and optionally
``weak_only`` (it counts only where a weak qualifier such as "preferred"
softens it), ``negated_only`` (it counts only where a negation reaches it:
"no peer network affiliation", "sin reuniones de pares", a protection the
bid says is missing), ``duty_line_only`` (it counts only on a line of a duties
list), ``people_per_peer_over`` (it counts only where the sentence's figures
give more people per peer FTE, see :mod:`advocacy.evidence.staffing`) or
``unless`` (phrases per language that, in the same sentence, make a match not
count: "decisions about medication" is not a medication duty;
``unless_in_passage: true`` looks for them in the whole passage, for a red
flag that the next sentence can answer, such as a single peer position with
an outside peer affiliation); ``unless_same_words`` lists phrases that give a
match's own words another meaning ("reports to the program director" is a
reporting line, not a report on a person): only a match that shares a word
with one is not counted, not the other matches of its sentence;
``opposite_same_words`` does the same for phrases that say the opposite of a red
flag (pay on "the same scale as bachelor's-level case managers" is parity, not
entry-level pay), which also keeps the learned reader from flagging the words. ``home``
names the talking point a concept of evidence primarily belongs to (``peer-supervisor`` → ``peer-supervisors``):
where the same words match look-for items of several points, they credit
only that point (see :func:`advocacy.evidence.crediting.credited`).
``only_with`` lists phrases per language of which one must be in a look-for
match's sentence or its passage's heading (lived experience that is
*required*, not only mentioned); ``rules_out_home`` names the only point whose
red flag a negated match rules out, where that differs from ``home``.
``another_title`` marks a concept that names what another title does (a
clinician supervising peers), so a clause opening with that title does not make
it "a duty of another position". The reserved key ``word-classes`` names classes of words (handling
verbs, medication nouns, clinical titles) per language, which phrases use as
``{name}``: a duty is written once as a verb class near an object class, not
as a list of its wordings. See the file's header for the rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from advocacy.errors import AdvocacyError
from advocacy.resources import templates_dir

CONCEPTS_FILE = "concepts.yaml"
CLASSES_KEY = "word-classes"
_CLASS_REF = re.compile(r"\{([a-z0-9-]+)\}")
_OPTIONS = (
    "about",
    "weak_only",
    "negated_only",
    "duty_line_only",
    "unless",
    "unless_in_passage",
    "unless_same_words",
    "opposite_same_words",
    "home",
    "another_title",
    "people_per_peer_over",
    "only_with",
    "rules_out_home",
)


@dataclass(frozen=True)
class Concept:
    name: str
    about: str
    phrases: dict[str, tuple[str, ...]] = field(default_factory=dict)  # language → phrases
    weak_only: bool = False
    duty_line_only: bool = False
    # language → phrases that, in the same sentence, make a match not count
    unless: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # language → phrases with each {class} replaced by its words, as matched
    expanded: dict[str, tuple[str, ...]] = field(default_factory=dict)
    unless_in_passage: bool = False  # 'unless' looks at the whole passage, not the sentence
    home: str | None = None  # the talking point whose evidence this concept primarily is
    negated_only: bool = False  # counts only where a negation reaches it: a missing protection
    # language → phrases that give a match's own words another meaning ("reports to the
    # program director"): only a match sharing words with one does not count
    unless_same_words: dict[str, tuple[str, ...]] = field(default_factory=dict)
    another_title: bool = False  # names what another title does: "whose duty" is not asked
    # counts only where its sentence's figures give more people per peer FTE (or one peer
    # for everyone): see advocacy.evidence.staffing
    people_per_peer_over: int = 0
    # language → phrases of which one must be in the match's sentence or the passage's
    # heading for a look-for match to count (lived experience *required*, not mentioned)
    only_with: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # the only talking point whose red flag a negated match rules out, where it differs
    # from ``home`` ("peers do not do risk assessments" keeps a duty out; it says
    # nothing of the job description)
    rules_out_home: str | None = None
    # language → phrases that, sharing a match's words, say the opposite of its red flag
    # (pay matched to a title paid above entry level): not counted, and not read again
    opposite_same_words: dict[str, tuple[str, ...]] = field(default_factory=dict)


def concepts_path() -> Path:
    return templates_dir() / "evidence" / CONCEPTS_FILE


@cache
def load_concepts(path: Path | None = None) -> dict[str, Concept]:
    """Every concept of ``path`` (default: the shipped vocabulary), checked."""
    from advocacy.yamlio import load_yaml_file

    path = path or concepts_path()
    data = load_yaml_file(path).data or {}
    if not isinstance(data, dict):
        raise AdvocacyError("the concept vocabulary must be a mapping of names", path)
    classes = _word_classes(data.get(CLASSES_KEY, {}), path)
    concepts: dict[str, Concept] = {}
    for name, body in data.items():
        if name == CLASSES_KEY:
            continue
        if not isinstance(body, dict) or not isinstance(body.get("about"), str):
            raise AdvocacyError(
                f"concept {name!r} needs an 'about' text and phrase lists",
                path,
                hint="see the file's header for the layout",
            )
        phrases: dict[str, tuple[str, ...]] = {}
        expanded: dict[str, tuple[str, ...]] = {}
        for lang, items in body.items():
            if lang in _OPTIONS:
                continue
            if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
                raise AdvocacyError(f"concept {name!r}: {lang} must be a list of phrases", path)
            phrases[str(lang)] = tuple(items)
            expanded[str(lang)] = tuple(
                _expand(item, classes.get(str(lang), {}), f"concept {name!r} ({lang})", path)
                for item in items
            )
        unless, same_words, only_with, opposite = (
            _phrases_by_language(body, key, name, path)
            for key in ("unless", "unless_same_words", "only_with", "opposite_same_words")
        )
        home, rules_out_home = body.get("home"), body.get("rules_out_home")
        for key, value in (("home", home), ("rules_out_home", rules_out_home)):
            if value is not None and not isinstance(value, str):
                raise AdvocacyError(f"concept {name!r}: {key!r} must be a talking point id", path)
        over = body.get("people_per_peer_over", 0)
        if not isinstance(over, int) or isinstance(over, bool) or over < 0:
            raise AdvocacyError(
                f"concept {name!r}: 'people_per_peer_over' must be a whole number", path
            )
        concepts[str(name)] = Concept(
            str(name),
            body["about"],
            phrases,
            bool(body.get("weak_only", False)),
            bool(body.get("duty_line_only", False)),
            _expand_all(unless, classes, name, path),
            expanded,
            bool(body.get("unless_in_passage", False)),
            home,
            bool(body.get("negated_only", False)),
            _expand_all(same_words, classes, name, path),
            bool(body.get("another_title", False)),
            over,
            _expand_all(only_with, classes, name, path),
            rules_out_home,
            _expand_all(opposite, classes, name, path),
        )
    return concepts


def _phrases_by_language(body: dict, key: str, name: object, path: Path) -> dict:
    phrases = body.get(key, {})
    if not isinstance(phrases, dict) or not all(
        isinstance(items, list) and all(isinstance(i, str) for i in items)
        for items in phrases.values()
    ):
        raise AdvocacyError(f"concept {name!r}: {key!r} must map languages to phrases", path)
    return phrases


def _expand_all(
    phrases: dict, classes: dict[str, dict[str, str]], name: object, path: Path
) -> dict[str, tuple[str, ...]]:
    return {
        str(lang): tuple(
            _expand(i, classes.get(str(lang), {}), f"concept {name!r}", path) for i in items
        )
        for lang, items in phrases.items()
    }


#: Word classes of verbs that open a duty ("Administer …", "Manage …", "Registrar …").
DUTY_VERB_CLASSES = (
    "handle-med",
    "handle-money",
    "write-record",
    "watch",
    "search",
    "make-sure",
    "tell",
    "assess",
)


@cache
def duty_verbs() -> dict[str, tuple[frozenset[str], tuple[str, ...]]]:
    """language → (whole words, prefixes) of the verb classes that open a duty."""
    from advocacy.yamlio import load_yaml_file

    path = concepts_path()
    data = load_yaml_file(path).data or {}
    classes = _word_classes(data.get(CLASSES_KEY, {}), path)
    verbs: dict[str, tuple[frozenset[str], tuple[str, ...]]] = {}
    for lang, by_name in classes.items():
        words = [
            w.lstrip("=").lower()
            for name in DUTY_VERB_CLASSES
            for w in by_name.get(name, "").split("|")
            if w
        ]
        verbs[lang] = (
            frozenset(w for w in words if not w.endswith("*")),
            tuple(w[:-1] for w in words if w.endswith("*")),
        )
    return verbs


def _word_classes(data: object, path: Path) -> dict[str, dict[str, str]]:
    """language → class name → its words as one ``a|b*|c`` alternative."""
    if not isinstance(data, dict):
        raise AdvocacyError(f"{CLASSES_KEY!r} must map class names to word lists", path)
    classes: dict[str, dict[str, str]] = {}
    for name, langs in data.items():
        if not isinstance(langs, dict):
            raise AdvocacyError(f"word class {name!r} needs a word list per language", path)
        for lang, words in langs.items():
            if not isinstance(words, list) or not all(
                isinstance(w, str) and w.strip() and not {" ", "-"} & set(w.strip()) for w in words
            ):
                raise AdvocacyError(
                    f"word class {name!r}: {lang} must be a list of single words, without hyphens",
                    path,
                    hint="a class stands for one word of a phrase ('word*' is a prefix); "
                    "a hyphenated word reads as two and breaks the whole class",
                )
            classes.setdefault(str(lang), {})[str(name)] = "|".join(w.strip() for w in words)
    return classes


def _expand(phrase: str, classes: dict[str, str], where: str, path: Path) -> str:
    """``phrase`` with each ``{class}`` replaced by its words."""
    from advocacy.evidence.matching import split_alternative

    split = split_alternative(phrase)
    if split is not None:
        raise AdvocacyError(
            f"{where}: the alternative {split!r} has a hyphenated option, which reads as "
            "two words and splits the alternative",
            path,
            hint="each option of 'a|b' is one word; write a hyphenated option as its own phrase",
        )

    def one(match: re.Match[str]) -> str:
        if match.group(1) not in classes:
            raise AdvocacyError(
                f"{where}: unknown word class {match.group(0)}",
                path,
                hint="word classes: " + ", ".join(sorted(classes)),
            )
        return classes[match.group(1)]

    return _CLASS_REF.sub(one, phrase)
