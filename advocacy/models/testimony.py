"""The part of a call for input that only testimony to a legislative committee has, and the
speaker's position on each bill."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, model_validator

from advocacy.models.base import NONBLANK_PATTERN, SLUG_PATTERN, StrictModel

Slug = Annotated[str, Field(pattern=SLUG_PATTERN)]
Text = Annotated[str, Field(pattern=NONBLANK_PATTERN)]

#: What a speaker may say of a bill.
Position = Literal["support", "oppose", "support-with-amendments"]
POSITIONS: tuple[str, ...] = ("support", "oppose", "support-with-amendments")

#: A common planning figure for spoken testimony.
DEFAULT_WORDS_PER_MINUTE = 130


class Bill(StrictModel):
    """One bill the hearing covers."""

    id: Slug = Field(description="A slug the response uses, e.g. 'h1234'.")
    number: Text = Field(description="The bill number as the legislature writes it, e.g. 'H.1234'.")
    title: Text = Field(description="The bill's title, e.g. 'An Act relative to ...'.")


class Hearing(StrictModel):
    """When and where the committee hears testimony."""

    date: dt.datetime = Field(description="Date and time, e.g. 2026-03-10 10:00 (in 'timezone').")
    place: Text = Field(description="Room and building, or 'virtual' with how to join.")


class TestimonyPart(StrictModel):
    """A committee hearing on one or more bills.

    The call's ``due`` is the deadline for written testimony; its questions
    are the bills (one section of testimony per bill) unless it lists
    questions of its own.
    """

    legislature: Text = Field(description="The legislature, e.g. 'Massachusetts General Court'.")
    committee: Text = Field(description="The committee's name.")
    chairs: list[Text] = Field(
        default_factory=list, description="The committee's chairs, by name, for the heading."
    )
    bills: list[Bill] = Field(min_length=1, description="The bills the hearing covers.")
    hearing: Hearing = Field(description="When and where the hearing is.")
    speaking_minutes: float = Field(
        gt=0, description="How long each speaker may talk, in minutes (e.g. 3)."
    )
    words_per_minute: int = Field(
        default=DEFAULT_WORDS_PER_MINUTE,
        gt=0,
        description="Speaking pace used to estimate reading time (130 is a common figure).",
    )

    @model_validator(mode="after")
    def _unique_bills(self) -> TestimonyPart:
        ids = [b.id for b in self.bills]
        for bill_id in ids:
            if ids.count(bill_id) > 1:
                raise ValueError(f"bill id {bill_id!r} is used twice")
        return self

    def bill(self, bill_id: str) -> Bill | None:
        return next((b for b in self.bills if b.id == bill_id), None)
