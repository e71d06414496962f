"""The part of a call for input that only a public comment on a proposed regulation has."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from advocacy.models.base import NONBLANK_PATTERN, StrictModel

Text = Annotated[str, Field(pattern=NONBLANK_PATTERN)]


class Regulation(StrictModel):
    """The proposed regulation the comment is on."""

    title: Text = Field(description="The regulation's title, as the notice prints it.")
    citation: Text = Field(description="Its citation, e.g. '130 CMR 429.000'.")


class AttachmentLimits(StrictModel):
    """What the portal accepts as attachments."""

    max_files: int | None = Field(default=None, gt=0, description="How many files at most.")
    max_megabytes: float | None = Field(
        default=None, gt=0, description="The size limit of each file, in megabytes."
    )
    formats: list[Literal["docx", "pdf", "txt"]] = Field(
        default_factory=list, description="File formats the portal accepts (empty: any)."
    )


class PublicCommentPart(StrictModel):
    """A comment period on a proposed regulation: docket, regulation, comment box, attachments.

    The call's ``due`` is when the comment period closes (in its ``timezone``),
    its ``questions`` are the sections open for comment (each with its
    ``reference``), and ``submit.char_limit`` is the size of the portal's
    comment box.
    """

    docket: Text = Field(description="The docket id, e.g. 'EOHHS-2026-0014'.")
    regulation: Regulation = Field(description="The regulation's title and citation.")
    attachments: AttachmentLimits = Field(
        default_factory=AttachmentLimits, description="What the portal accepts as attachments."
    )
