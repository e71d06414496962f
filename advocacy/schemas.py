"""JSON Schemas of the files users write, generated from the models.

Editors that know JSON Schema (VS Code with the YAML extension, for one)
complete and check fields as volunteers type. Copies are committed under
``schemas/``; a test keeps them equal to what this module generates.
"""

from __future__ import annotations

from typing import Any

from advocacy.errors import AdvocacyError, did_you_mean

_DRAFT = "https://json-schema.org/draft/2020-12/schema"


def schema_kinds() -> dict[str, type]:
    """File kind → model. Imports the models (and pydantic) when called."""
    from advocacy.models import CategoryFile, Response, Rfi, Rubric, ScoreSheet, TalkingPoint

    return {
        "talking-point": TalkingPoint,
        "categories": CategoryFile,
        "rfi": Rfi,
        "response": Response,
        "rubric": Rubric,
        "score-sheet": ScoreSheet,
    }


def json_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of one file kind, e.g. ``"talking-point"``."""
    kinds = schema_kinds()
    if kind not in kinds:
        hint = did_you_mean(kind, kinds) or "kinds: " + ", ".join(kinds)
        raise AdvocacyError(f"no schema for {kind!r}", hint=hint)
    schema = kinds[kind].model_json_schema()
    _allow_plain_items(schema, "Evaluation", "look_for")
    _allow_plain_items(schema, "Answer", "points")
    return {"$schema": _DRAFT, "$id": f"{kind}.schema.json", **schema}


def _allow_plain_items(schema: dict[str, Any], model: str, field: str) -> None:
    """Items of ``model.field`` may be written as plain text; the model converts them."""
    definition = schema.get("$defs", {}).get(model)
    if definition:
        prop = definition["properties"][field]
        prop["items"] = {"anyOf": [{"type": "string", "pattern": r"\S"}, prop["items"]]}
