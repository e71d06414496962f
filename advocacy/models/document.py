"""The front matter of a rendered document: the metadata both writers use."""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

from pydantic import Field, field_validator

from advocacy.models.base import LANGUAGE_PATTERN, StrictModel

#: Word shows and keeps at most this many characters of a text property.
MAX_PROPERTY_TEXT = 255
#: A custom property's name: up to 255 characters, no line breaks or tabs.
_PROPERTY_NAME = re.compile(r"[^\x00-\x1f]{1,255}")


class FrontMatter(StrictModel):
    """The YAML block at the top of every rendered Markdown document.

    The Markdown writer keeps it as is; the DOCX writer maps it to the Title
    style, core properties, the document language, header and footer.
    """

    title: str | None = Field(
        default=None, description="Document title (Title style, core property)."
    )
    subtitle: str | None = Field(default=None, description="A line under the title.")
    author: str | None = Field(
        default=None, description="Author (core property); omit for anonymous."
    )
    date: dt.date | None = Field(
        default=None,
        description="The document's date; also its created date, so output is reproducible.",
    )
    lang: str = Field(
        default="en",
        pattern=LANGUAGE_PATTERN,
        description="Language tag (BCP 47), e.g. 'en' or 'es'.",
    )
    header: str | None = Field(default=None, description="Text at the top of every page.")
    footer: str | None = Field(
        default=None, description="Text at the foot of every page, beside the page number."
    )
    keywords: list[str] = Field(default_factory=list, description="Keywords (core property).")
    properties: dict[str, str | bool | int | float] = Field(
        default_factory=dict,
        description=(
            "Custom document properties (DOCX docProps/custom.xml), name: value; "
            "other programs read them back, as 'score import' reads a checklist's rubric."
        ),
    )
    page_total: bool = Field(
        default=False, description="Number pages 'Page 2 of 5' instead of 'Page 2' (DOCX)."
    )

    @field_validator("properties", mode="before")
    @classmethod
    def _properties_fit(cls, value: Any) -> Any:
        """One plain sentence per problem, in the terms of Word's property dialog."""
        if not isinstance(value, dict):
            return value  # the type check says what is wrong
        seen: dict[str, str] = {}
        for name, item in value.items():
            if not isinstance(name, str) or not _PROPERTY_NAME.fullmatch(name):
                raise ValueError(
                    f"the property name {name!r} must be text of 1 to 255 characters, "
                    "without line breaks or tabs"
                )
            if name.casefold() in seen:
                raise ValueError(
                    f"the properties {seen[name.casefold()]!r} and {name!r} differ only in case; "
                    "Word treats them as one"
                )
            seen[name.casefold()] = name
            if not isinstance(item, str | bool | int | float):
                raise ValueError(
                    f"the property {name!r} must be text, a number or true/false, "
                    f"not {type(item).__name__}"
                )
            if isinstance(item, str) and len(item) > MAX_PROPERTY_TEXT:
                raise ValueError(
                    f"the property {name!r} is {len(item)} characters long; "
                    f"Word keeps at most {MAX_PROPERTY_TEXT}"
                )
            if (
                isinstance(item, int)
                and not isinstance(item, bool)
                and not -(2**31) <= item < 2**31
            ):
                raise ValueError(f"the property {name!r} is too large for a Word number property")
            if isinstance(item, float) and not math.isfinite(item):
                raise ValueError(f"the property {name!r} is not a finite number")
        return value
