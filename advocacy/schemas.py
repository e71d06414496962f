"""JSON Schemas of the files users write, generated from the models.

Editors that know JSON Schema (VS Code with the YAML extension, for one)
complete and check fields as volunteers type. Copies are committed under
``schemas/``; a test keeps them equal to what this module generates.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from advocacy.errors import AdvocacyError, did_you_mean

if TYPE_CHECKING:
    from pydantic import BaseModel

_DRAFT = "https://json-schema.org/draft/2020-12/schema"


#: The kinds of file with a schema, in the order ``schema --list`` shows them.
SCHEMA_KINDS = ("talking-point", "categories", "rfi", "response", "rubric", "score-sheet")


def schema_reference(kind: str, target: Path) -> str:
    """The shipped schema of ``kind`` as a file at ``target`` should name it
    (for a ``# yaml-language-server: $schema=...`` first line)."""
    from advocacy.filenames import relative_to_file
    from advocacy.resources import data_path

    return relative_to_file(data_path("schemas") / f"{kind}.schema.json", target)


def _model(kind: str) -> type[BaseModel]:
    """The model of a file kind. Imports the models (and pydantic) when called."""
    from advocacy import models

    kinds: dict[str, type[BaseModel]] = {
        "talking-point": models.TalkingPoint,
        "categories": models.CategoryFile,
        "rfi": models.Rfi,
        "response": models.Response,
        "rubric": models.Rubric,
        "score-sheet": models.ScoreSheet,
    }
    return kinds[kind]


def json_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of one file kind, e.g. ``"talking-point"``."""
    if kind not in SCHEMA_KINDS:
        hint = did_you_mean(kind, SCHEMA_KINDS) or "kinds: " + ", ".join(SCHEMA_KINDS)
        raise AdvocacyError(f"no schema for {kind!r}", hint=hint)
    schema = _model(kind).model_json_schema()
    _allow_plain_items(schema, "Evaluation", "look_for")
    _allow_plain_items(schema, "Answer", "points")
    return {"$schema": _DRAFT, "$id": f"{kind}.schema.json", **schema}


def _allow_plain_items(schema: dict[str, Any], model: str, field: str) -> None:
    """Items of ``model.field`` may be written as plain text; the model converts them."""
    definition = schema.get("$defs", {}).get(model)
    if definition:
        prop = definition["properties"][field]
        prop["items"] = {"anyOf": [{"type": "string", "pattern": r"\S"}, prop["items"]]}
