"""Typed models of every YAML file users write, and their validation.

Each file kind has a pydantic model (the single source of its JSON Schema) and
is validated through :func:`validate_document`, which turns pydantic's errors
into located :class:`~advocacy.errors.Diagnostic` objects. Importing this
package imports pydantic: the CLI imports it only inside commands.

The names load lazily, each from its module, so a command imports only the
models it uses (a letter needs no rubric models); each model also builds its
validator on first use (``defer_build`` in :mod:`advocacy.models.base`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from advocacy.modules import lazy_names

#: Public name -> the module that defines it.
_MODELS = {
    "load_model": "base",
    "validate_document": "base",
    **dict.fromkeys(
        ["Answer", "ChosenPoint", "Question", "Respondent", "Response", "Rfi", "Submission"],
        "rfi",
    ),
    **dict.fromkeys(
        ["Criterion", "Inputs", "Rubric", "Scale", "ScoreSheet", "SheetScore"], "rubric"
    ),
    **dict.fromkeys(
        [
            "DEFAULT_LEVELS",
            "Category",
            "CategoryFile",
            "Evaluation",
            "LookFor",
            "RedFlag",
            "Source",
            "TalkingPoint",
            "Translation",
        ],
        "talking_point",
    ),
}

__all__ = [
    "DEFAULT_LEVELS",
    "Answer",
    "Category",
    "CategoryFile",
    "ChosenPoint",
    "Criterion",
    "Evaluation",
    "Inputs",
    "LookFor",
    "Question",
    "RedFlag",
    "Respondent",
    "Response",
    "Rfi",
    "Rubric",
    "Scale",
    "ScoreSheet",
    "SheetScore",
    "Source",
    "Submission",
    "TalkingPoint",
    "Translation",
    "load_model",
    "validate_document",
]

if TYPE_CHECKING:
    from advocacy.models.base import load_model, validate_document
    from advocacy.models.rfi import (
        Answer,
        ChosenPoint,
        Question,
        Respondent,
        Response,
        Rfi,
        Submission,
    )
    from advocacy.models.rubric import (
        Criterion,
        Inputs,
        Rubric,
        Scale,
        ScoreSheet,
        SheetScore,
    )
    from advocacy.models.talking_point import (
        DEFAULT_LEVELS,
        Category,
        CategoryFile,
        Evaluation,
        LookFor,
        RedFlag,
        Source,
        TalkingPoint,
        Translation,
    )


__getattr__ = lazy_names(
    globals(), {name: f"{__name__}.{module}" for name, module in _MODELS.items()}, __name__
)


def __dir__() -> list[str]:
    return sorted(__all__)
