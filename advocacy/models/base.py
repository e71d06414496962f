"""Shared model settings and the translation of pydantic errors into diagnostics."""

from __future__ import annotations

import inspect
import types
import typing
from typing import Any, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, ConfigDict, ValidationError

from advocacy.errors import AdvocacyError, Diagnostic, did_you_mean, error
from advocacy.yamlio import YamlDocument

M = TypeVar("M", bound=BaseModel)

#: A slug: lower-case words joined by single hyphens, like a file name.
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
#: A BCP 47 language tag such as "en", "es" or "es-US".
LANGUAGE_PATTERN = r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$"
#: Text with at least one visible character.
NONBLANK_PATTERN = r"\S"


class StrictModel(BaseModel):
    """Base of every file model: unknown fields are errors, values are not coerced silently."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


def validate_document(model: type[M], doc: YamlDocument) -> tuple[M | None, list[Diagnostic]]:
    """Validate ``doc.data`` against ``model``.

    Returns the model (or ``None``) and every problem found, each placed at the
    line and column of the offending key or item, phrased for a volunteer.
    """
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        return None, [_diagnostic(model, doc, err) for err in exc.errors(include_url=False)]


def load_model(model: type[M], doc: YamlDocument) -> M:
    """``doc`` as a ``model``, or :class:`AdvocacyError` with every problem at once."""
    value, diagnostics = validate_document(model, doc)
    if value is None:
        raise AdvocacyError.from_diagnostics(diagnostics)
    return value


def _diagnostic(model: type[BaseModel], doc: YamlDocument, err: Any) -> Diagnostic:
    loc = tuple(err["loc"])
    kind = err["type"]
    line, column = doc.position(loc)
    name = _dotted(loc)
    hint = None
    if kind == "missing":
        parent = _annotation_at(model, loc[:-1])
        message = f"missing required field {loc[-1]!r}" + (
            f" in {_dotted(loc[:-1])!r}" if loc[:-1] else ""
        )
        hint = _field_description(parent, str(loc[-1]))
    elif kind == "extra_forbidden":
        parent = _annotation_at(model, loc[:-1])
        fields = list(parent.model_fields) if _is_model(parent) else []
        message = f"unknown field {loc[-1]!r}"
        hint = did_you_mean(str(loc[-1]), fields) or (
            "allowed fields here: " + ", ".join(fields) if fields else None
        )
    elif kind == "list_type":
        message = f"{name!r} must be a list"
        hint = "write each item on its own line starting with '- ', or as [a, b]"
    elif kind in ("string_type", "str_type"):
        message = f"{name!r} must be text, not {_describe(err.get('input'))}"
        hint = "put the value in quotes"
    elif kind in ("model_type", "model_attributes_type", "dict_type"):
        message = f"{name or 'the file'!r} must be a mapping of 'field: value' lines, not {_describe(err.get('input'))}"
    elif kind == "string_pattern_mismatch":
        pattern = err.get("ctx", {}).get("pattern", "")
        if pattern == SLUG_PATTERN:
            message = f"{name!r} must be a slug like 'peer-supervision', not {err.get('input')!r}"
            hint = "use lower-case letters, digits and single hyphens"
        elif pattern == NONBLANK_PATTERN:
            message = f"{name!r} is empty"
            hint = _field_description(_annotation_at(model, loc[:-1]), str(loc[-1]))
        elif "@" in pattern:
            message = f"{name!r} is not an email address: {err.get('input')!r}"
            hint = "write it like name@example.org"
        else:
            message = f"{name!r} has the wrong form: {err['msg']}"
    elif kind in ("greater_than", "greater_than_equal"):
        bound = err.get("ctx", {}).get("gt", err.get("ctx", {}).get("ge"))
        message = f"{name!r} must be greater than {bound}, not {err.get('input')!r}"
        hint = _field_description(_annotation_at(model, loc[:-1]), str(loc[-1]))
    elif kind == "literal_error":
        expected = err.get("ctx", {}).get("expected", "")
        message = f"{name!r} must be one of {expected}, not {err.get('input')!r}"
    else:
        text = err["msg"].removeprefix("Value error, ")  # our validators' own sentences
        message = f"{name!r}: {_lower_first(text)}" if name else _lower_first(text)
    return error(message, doc.file, line, column, hint=hint, code="schema")


def _dotted(loc: tuple[Any, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _describe(value: Any) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if value is None:
        return "empty"
    return type(value).__name__


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _is_model(annotation: Any) -> bool:
    return inspect.isclass(annotation) and issubclass(annotation, BaseModel)


def _field_description(model: Any, field: str) -> str | None:
    if _is_model(model) and field in model.model_fields:
        return model.model_fields[field].description
    return None


def _annotation_at(annotation: Any, loc: tuple[Any, ...]) -> Any:
    """The type expected at ``loc`` inside ``annotation``, or ``None``."""
    for part in loc:
        annotation = _unwrap(annotation)
        origin = get_origin(annotation)
        if _is_model(annotation):
            field = annotation.model_fields.get(part)
            if field is None:
                return None
            annotation = field.annotation
        elif origin in (list, tuple, set, frozenset):
            annotation = get_args(annotation)[0]
        elif origin is dict:
            annotation = get_args(annotation)[1]
        else:
            return None
    return _unwrap(annotation)


def _unwrap(annotation: Any) -> Any:
    """Strip ``Annotated`` and ``Optional`` to the one meaningful type."""
    while True:
        origin = get_origin(annotation)
        if origin is typing.Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            args = [a for a in get_args(annotation) if a is not type(None)]
            if len(args) != 1:
                return annotation
            annotation = args[0]
        else:
            return annotation
