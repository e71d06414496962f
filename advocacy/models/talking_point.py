"""The talking-point file: one vetted argument, its sources and how bids are judged on it.

A talking point feeds two outputs from one source: the text advocates weave
into letters to an agency (``recommendation`` and ``rationale``, citing
``sources``; the bidder-facing ``ask`` only in an optional appendix) and the
criterion RLC staff score bids against (the ``evaluation`` block).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, model_validator

from advocacy.models.base import LANGUAGE_PATTERN, NONBLANK_PATTERN, SLUG_PATTERN, StrictModel

Slug = Annotated[str, Field(pattern=SLUG_PATTERN)]
Text = Annotated[str, Field(pattern=NONBLANK_PATTERN)]

#: Score levels used when an evaluation block gives none.
DEFAULT_LEVELS: dict[int, str] = {
    0: "Not addressed",
    1: "Mentioned, without a plan",
    2: "Partly explained",
    3: "Fully explained, with specifics",
}

Status = Literal["draft", "approved", "retired"]

#: Who a letter speaks to, beyond the agency buying services that ``recommendation``
#: addresses: a legislature (testimony on a bill) or a regulator (a public comment on a
#: regulation). Each kind of call says which (:mod:`advocacy.respond.kinds`).
Audience = Literal["legislature", "regulator"]


#: A citation mark in Markdown footnote style: ``[^pacs-2021]``.
CITATION_PATTERN = r"\[\^([a-z0-9][a-z0-9-]*)\]"


class Source(StrictModel):
    """Where a fact comes from, so reviewers and agencies can check it."""

    id: Slug | None = Field(
        default=None,
        description="A short id that the rationale and body cite as [^id], e.g. 'daniels-2016'.",
    )
    title: Text = Field(description="Title of the article, report, page or book.")
    publisher: Text = Field(description="Who published it: journal, agency or organization.")
    year: int | None = Field(
        default=None, ge=1900, le=2100, description="Year of publication, if known."
    )
    url: str | None = Field(
        default=None,
        pattern=r"^https?://\S+$",
        description="A link to it (use https://doi.org/... for a DOI).",
    )
    doi: str | None = Field(
        default=None,
        pattern=r"^10\.\d{4,9}/\S+$",
        description="Its DOI, e.g. '10.1037/prj0000633' (the link can then be left out).",
    )

    @property
    def link(self) -> str | None:
        """Where a reader follows it: the URL, else the DOI's resolver link."""
        return self.url or (f"https://doi.org/{self.doi}" if self.doi else None)

    @property
    def key(self) -> str:
        """What makes two sources the same work: the DOI, the URL, else the title."""
        if self.doi:
            return "doi:" + self.doi.lower()
        if self.url and self.url.startswith("https://doi.org/"):
            return "doi:" + self.url.removeprefix("https://doi.org/").lower()
        return self.url.rstrip("/") if self.url else "title:" + self.title


class LookFor(StrictModel):
    """Something a strong bid states. Written as plain text, or as a mapping
    with ``text`` and ``match`` (phrases the evidence finder searches for)."""

    text: Text = Field(description="What the reviewer should look for, as a checklist item.")
    match: list[Text] = Field(
        default_factory=list,
        description="Phrases that count as evidence of this item in a bid. Words match ignoring case and endings ('supervisor' finds 'Supervisors'); 'word*' matches any word starting with 'word'; 'a|b' accepts either word; '...' allows up to five words in between, '~' up to ten within the sentence; '=word' matches that exact form only; '@name' names a concept of the shared vocabulary (templates/evidence/concepts.yaml); a hyphen counts as a space.",
    )

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, data: object) -> object:
        return {"text": data} if isinstance(data, str) else data


class RedFlag(StrictModel):
    """A duty or phrase in a bid that breaks the integrity of the peer role."""

    text: Text = Field(description="The warning sign, as a reviewer would read it.")
    why: Text = Field(description="Why it is a problem for peer roles.")
    match: list[Text] = Field(
        default_factory=list,
        description="Phrases that show this red flag in a bid (same syntax as look_for "
        "match; shown as 'not counted', with the reason, when negated in its clause "
        "('will not'), listed under an excluding lead-in, or otherwise ruled out).",
    )


class Evaluation(StrictModel):
    """How a bid is judged on this point: checklists and scoring are built from it."""

    question: Text = Field(description="The guiding question a reviewer answers about a bid.")
    look_for: list[LookFor] = Field(
        default_factory=list, description="What a strong answer contains (checklist items)."
    )
    red_flags: list[RedFlag] = Field(
        default_factory=list, description="Duties or phrases that are warning signs."
    )
    levels: dict[int, Text] = Field(
        default_factory=lambda: dict(DEFAULT_LEVELS),
        description="Score levels and what each means (default 0-3).",
    )
    weight: float = Field(default=1, gt=0, le=100, description="Relative weight in a total.")
    mandatory: bool = Field(
        default=False, description="A bid that scores 0 here fails the mandatory requirements."
    )

    @model_validator(mode="after")
    def _levels_start_at_zero(self) -> Evaluation:
        if self.levels and min(self.levels) != 0:
            raise ValueError("score levels must start at 0")
        return self


LanguageTag = Annotated[str, Field(pattern=LANGUAGE_PATTERN)]


class RedFlagTranslation(StrictModel):
    text: Text = Field(description="The red flag, translated.")
    why: Text = Field(description="Why it is a problem, translated.")


class EvaluationTranslation(StrictModel):
    """The evaluation texts in another language, in the same order as the source."""

    question: Text | None = Field(default=None, description="The guiding question.")
    look_for: list[Text] = Field(
        default_factory=list, description="Each look-for item's text, in the source's order."
    )
    red_flags: list[RedFlagTranslation] = Field(
        default_factory=list, description="Each red flag, in the source's order."
    )
    levels: dict[int, Text] = Field(
        default_factory=dict, description="Custom score levels (only if the point has its own)."
    )


class Translation(StrictModel):
    """A point's texts in another language. Missing fields fall back to English
    (with a visible note) and are listed by lint."""

    title: Text | None = Field(default=None, description="The title, translated.")
    summary: Text | None = Field(default=None, description="The summary, translated.")
    body: Text | None = Field(default=None, description="The body (Markdown), translated.")
    ask: Text | None = Field(default=None, description="The ask, translated.")
    recommendation: Text | None = Field(
        default=None, description="The recommendation to the agency, translated."
    )
    recommendations: dict[Audience, Text] = Field(
        default_factory=dict,
        description="The recommendation for each other audience, translated.",
    )
    rationale: Text | None = Field(
        default=None, description="The rationale, translated (same citation marks)."
    )
    evaluation: EvaluationTranslation | None = Field(
        default=None, description="The evaluation texts, translated."
    )
    reviewed: dt.date | None = Field(
        default=None,
        description="When the translation was last checked against the source text.",
    )
    reviewer: Text | None = Field(
        default=None,
        description="The fluent speaker who reviewed it; leave out while it still needs review.",
    )


class TalkingPoint(StrictModel):
    """One talking point: a file named ``<id>.yaml`` in a talking-point library."""

    id: Slug = Field(description="A slug equal to the file name, e.g. 'peer-supervision'.")
    title: Text = Field(max_length=120, description="A short title (up to 120 characters).")
    category: Slug = Field(description="One of the categories in categories.yaml.")
    summary: Text = Field(
        max_length=400,
        description="One sentence that states the point, for listings (not printed in letters).",
    )
    body: Text = Field(description="The argument, in Markdown (bold, lists and links survive).")
    ask: Text = Field(
        description="What every bid must be required to explain (bidder-facing; printed only "
        "in a letter's optional appendix of suggested requirement language)."
    )
    recommendation: Text | None = Field(
        default=None,
        description="What the writer asks the agency to do, in one or two sentences "
        "('Require every bidder to ...'). Printed in letters.",
    )
    recommendations: dict[Audience, Text] = Field(
        default_factory=dict,
        description="The recommendation worded for another audience, printed instead of "
        "'recommendation' when the call addresses it: 'legislature' (testimony on a bill: "
        "'Write into the bill that ...') or 'regulator' (a comment on a regulation: 'Require "
        "in the regulation that ...').",
    )
    rationale: Text | None = Field(
        default=None,
        description="Why, in two to four sentences addressed to the agency, citing sources "
        "as [^id]. Printed in letters.",
    )
    sources: list[Source] = Field(
        default_factory=list, description="Where the facts come from (needed when approved)."
    )
    tags: list[Slug] = Field(default_factory=list, description="Free slugs for finding points.")
    related: list[Slug] = Field(default_factory=list, description="Ids of related points.")
    status: Status = Field(default="draft", description="draft, approved or retired.")
    reviewed: dt.date | None = Field(
        default=None, description="When the text and sources were last checked (YYYY-MM-DD)."
    )
    owner: Text | None = Field(default=None, description="Who keeps this point up to date.")
    evaluation: Evaluation | None = Field(
        default=None, description="How bids are judged on this point."
    )
    translations: dict[LanguageTag, Translation] = Field(
        default_factory=dict,
        description="The texts in other languages, keyed by language tag (e.g. 'es').",
    )


class Category(StrictModel):
    """A category of talking points."""

    title: Text = Field(description="Title shown in lists and checklists.")
    description: Text = Field(description="What points in this category are about.")


class CategoryFile(StrictModel):
    """``categories.yaml``: the categories of a library, keyed by slug."""

    categories: dict[Slug, Category] = Field(description="Categories keyed by slug.")
