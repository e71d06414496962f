"""The shared concept vocabulary: synonyms a talking point names with ``@concept``.

``templates/evidence/concepts.yaml`` is shipped with the package. Each
concept has a short description, phrases per language, and optionally
``weak_only`` (it counts only where a weak qualifier such as "preferred"
softens it). See the file's header for the rules.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from advocacy.errors import AdvocacyError
from advocacy.resources import templates_dir

CONCEPTS_FILE = "concepts.yaml"


@dataclass(frozen=True)
class Concept:
    name: str
    about: str
    phrases: dict[str, tuple[str, ...]] = field(default_factory=dict)  # language → phrases
    weak_only: bool = False


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
    concepts: dict[str, Concept] = {}
    for name, body in data.items():
        if not isinstance(body, dict) or not isinstance(body.get("about"), str):
            raise AdvocacyError(
                f"concept {name!r} needs an 'about' text and phrase lists",
                path,
                hint="see the file's header for the layout",
            )
        phrases: dict[str, tuple[str, ...]] = {}
        for lang, items in body.items():
            if lang in ("about", "weak_only"):
                continue
            if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
                raise AdvocacyError(f"concept {name!r}: {lang} must be a list of phrases", path)
            phrases[str(lang)] = tuple(items)
        concepts[str(name)] = Concept(
            str(name), body["about"], phrases, bool(body.get("weak_only", False))
        )
    return concepts
