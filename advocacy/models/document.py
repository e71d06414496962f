"""The front matter of a rendered document: the metadata both writers use."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from advocacy.models.base import LANGUAGE_PATTERN, StrictModel


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
    page_total: bool = Field(
        default=False, description="Number pages 'Page 2 of 5' instead of 'Page 2' (DOCX)."
    )
