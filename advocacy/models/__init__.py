"""Typed models of every YAML file users write, and their validation.

Each file kind has a pydantic model (the single source of its JSON Schema) and
is validated through :func:`validate_document`, which turns pydantic's errors
into located :class:`~advocacy.errors.Diagnostic` objects. Importing this
package imports pydantic: the CLI imports it only inside commands.
"""

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
