"""The rubric RLC staff score bids with, and the score sheet one reviewer fills in per bid."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import Field, StrictInt, field_validator, model_validator

from advocacy.models.base import LANGUAGE_PATTERN, NONBLANK_PATTERN, SLUG_PATTERN, StrictModel

Slug = Annotated[str, Field(pattern=SLUG_PATTERN)]
Text = Annotated[str, Field(pattern=NONBLANK_PATTERN)]


#: A figure from a bid: finite, not negative, and at most ``le`` (larger is a typing slip).
def _figure(description: str, le: float) -> float | None:
    return Field(default=None, ge=0, le=le, allow_inf_nan=False, description=description)


class Criterion(StrictModel):
    """One criterion: a talking point's evaluation block, with rubric overrides."""

    point: Slug = Field(description="The talking point whose evaluation block this uses.")
    weight: float | None = Field(
        default=None, gt=0, le=100, description="Overrides the point's weight."
    )
    mandatory: bool | None = Field(
        default=None, description="Overrides whether the point is mandatory."
    )
    computed: Slug | None = Field(
        default=None,
        description="A check computed from the sheet's inputs: staffing-ratio (people "
        "served per peer FTE against 'threshold'), small-team (fewer than 'threshold' peer "
        "FTEs makes this criterion mandatory), pay-parity (peer pay at or below entry-level "
        "direct-support pay is a red flag).",
    )
    threshold: float | None = Field(
        default=None,
        gt=0,
        le=1_000_000,
        allow_inf_nan=False,
        description="For staffing-ratio: the most people served per peer FTE that is enough "
        "(no published standard exists: set your own). For small-team: the FTE count below "
        "which a peer team is small (default 5).",
    )

    @model_validator(mode="after")
    def _threshold_needed(self) -> Criterion:
        if self.threshold is not None and self.computed is None:
            raise ValueError("threshold only applies to a computed criterion")
        return self


class Scale(StrictModel):
    """The score levels, lowest first. Default: 0-3."""

    levels: dict[int, Text] | None = Field(
        default=None,
        description="Score levels and their meaning; default: each point's own levels, "
        "else 0 Not addressed .. 3 Fully explained.",
    )
    mandatory_min: int = Field(
        default=1,
        ge=0,
        description="A mandatory criterion scoring below this fails the bid's mandatory requirements.",
    )


class RubricTranslation(StrictModel):
    """The rubric's title and description in another language."""

    title: Text = Field(description="The title in this language.")
    description: Text | None = Field(default=None, description="The description in this language.")


class Rubric(StrictModel):
    """Which criteria bids are scored on, with weights and thresholds."""

    id: Slug = Field(description="A slug naming this rubric; score sheets refer to it.")
    title: Text = Field(description="Title shown on checklists and reports.")
    description: Text | None = Field(default=None, description="What the rubric is for.")
    scale: Scale = Field(default_factory=Scale, description="Score levels.")
    translations: dict[Annotated[str, Field(pattern=LANGUAGE_PATTERN)], RubricTranslation] = Field(
        default_factory=dict,
        description="Title and description in other languages, by language tag (es); "
        "checklists and reports in that language use them.",
    )
    require_reason: bool = Field(
        default=True,
        description="Every score needs a reason in its 'comment'; a score without one leaves "
        "the sheet incomplete (the written record a debrief or an audit needs).",
    )
    criteria: list[Criterion] = Field(min_length=1, description="The criteria, in order.")

    @model_validator(mode="after")
    def _unique(self) -> Rubric:
        seen: set[str] = set()
        for criterion in self.criteria:
            if criterion.point in seen:
                raise ValueError(f"criterion {criterion.point!r} appears twice")
            seen.add(criterion.point)
        return self


class Inputs(StrictModel):
    """Figures from the bid that computed checks use. Leave out what the bid does not say."""

    peer_fte: float | None = _figure("Full-time equivalents in peer roles.", 100_000)
    people_served: float | None = _figure("People the program expects to serve.", 10_000_000)
    peer_hourly: float | None = _figure("Peer staff hourly pay.", 10_000)
    entry_level_hourly: float | None = _figure(
        "Hourly pay of entry-level direct-support staff in the bid.", 10_000
    )


class SheetScore(StrictModel):
    """One reviewer's score for one criterion."""

    criterion: Slug = Field(description="The criterion's talking-point id.")
    score: StrictInt | None = Field(
        default=None, description="The level, a whole number; leave empty until scored."
    )
    comment: str | None = Field(default=None, description="Why this score.")
    evidence: list[str] = Field(
        default_factory=list, description="Where in the bid: page, section, short quote."
    )
    red_flags: list[Text] = Field(
        default_factory=list, description="Red flags you found (from the checklist)."
    )
    look_for: list[Text] = Field(
        default_factory=list,
        description="Look-for items the bid contains (ticked on the checklist; optional).",
    )


class ScoreSheet(StrictModel):
    """One reviewer's scores for one bid."""

    rubric: Slug = Field(description="The id of the rubric this sheet follows.")
    rubric_file: str | None = Field(
        default=None,
        description="Where the rubric file is, relative to this sheet ('score init' writes "
        "it); 'score report' reads the rubric from there unless --rubric is given.",
    )
    bid: Text = Field(description="The bid (provider) being scored, or its blind code.")
    reviewer: Text = Field(description="Who scored it.")
    conflict: Text | None = Field(
        default=None,
        description="Conflict-of-interest declaration, made before scoring: 'none', or what "
        "the conflict is (a tie to the bidder, a former employer, ...).",
    )
    date: dt.date | None = Field(default=None, description="When it was scored.")
    consensus: bool = Field(
        default=False, description="True for a consensus sheet agreed after discussion."
    )
    inputs: Inputs = Field(default_factory=Inputs, description="Figures for computed checks.")
    scores: list[SheetScore] = Field(default_factory=list, description="One entry per criterion.")

    @field_validator("bid", "reviewer", "conflict")
    @classmethod
    def _trimmed(cls, value: str | None) -> str | None:
        """Names are compared without the spaces around them (and ignoring case)."""
        return None if value is None else " ".join(value.split())


#: A blind-scoring code, as ``score blind`` writes them: BID- and letters or digits.
BLIND_CODE_PATTERN = r"^BID-[A-Z0-9]+$"


class BlindKey(StrictModel):
    """The chair's key for blind scoring: which bid each code stands for."""

    codes: dict[Annotated[str, Field(pattern=BLIND_CODE_PATTERN)], Text] = Field(
        min_length=1, description="Code -> the bid's name."
    )
