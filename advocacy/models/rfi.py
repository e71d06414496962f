"""A call for input (an RFI, a comment period on a regulation, a hearing on bills) and the
response file an advocate writes to answer it.

Every kind shares one model, :class:`Rfi`; what only one kind has lives in its
own part (:mod:`advocacy.models.public_comment`, :mod:`advocacy.models.testimony`),
given in the block named after the kind. A file without ``kind`` is an RFI.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from typing import Annotated, Literal

from pydantic import Field, ValidationInfo, field_validator, model_validator

from advocacy.errors import did_you_mean
from advocacy.languages import known_language
from advocacy.models.base import LANGUAGE_PATTERN, NONBLANK_PATTERN, SLUG_PATTERN, StrictModel
from advocacy.models.public_comment import PublicCommentPart
from advocacy.models.testimony import Position, TestimonyPart

Slug = Annotated[str, Field(pattern=SLUG_PATTERN)]
Text = Annotated[str, Field(pattern=NONBLANK_PATTERN)]
Email = Annotated[str, Field(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
Url = Annotated[str, Field(pattern=r"^https?://\S+$")]


FileFormat = Literal["docx", "pdf", "md", "txt"]

#: The kinds of call for input; each has a module in :mod:`advocacy.respond.kinds`.
CallKind = Literal["rfi", "public-comment", "testimony"]
CALL_KINDS: tuple[str, ...] = ("rfi", "public-comment", "testimony")
#: The block that holds a kind's own part, by kind.
KIND_PARTS = {"public-comment": "public_comment", "testimony": "testimony"}


class Submission(StrictModel):
    """Where and how responses go."""

    email: Email | None = Field(default=None, description="Address responses are emailed to.")
    url: Url | None = Field(default=None, description="Portal or page to submit through.")
    mail: Text | None = Field(default=None, description="Postal address, if mail is accepted.")
    subject: Text | None = Field(
        default=None,
        description="Subject-line convention; may use {rfi_title}, {rfi_id}, {reference}, "
        "{bills} (testimony: the bill numbers), {name}, {organization} "
        "(e.g. 'RFI response: {rfi_title} - {organization}').",
    )
    formats: list[FileFormat] = Field(
        default_factory=lambda: list[FileFormat](["docx"]),
        description="File formats the agency accepts.",
    )
    page_limit: int | None = Field(default=None, gt=0, description="Page limit, if any.")
    char_limit: int | None = Field(
        default=None,
        gt=0,
        description="Character limit of the comment box, if any (regulations.gov: 5000), "
        "counted as a browser form counts them.",
    )
    word_limit: int | None = Field(
        default=None,
        gt=0,
        description="Overall word limit, if any: it covers the whole letter (opening, "
        "list of asks, every answer and the closing).",
    )
    letter_counts_toward: Slug | None = Field(
        default=None,
        description="The id of a question whose word limit also covers the letter's opening, "
        "list of asks and closing (e.g. a call with one comment box). Default: they count only "
        "toward the overall limit.",
    )
    appendix_counts: bool = Field(
        default=False,
        description="Appendices (suggested requirement language, the list of signers) count "
        "against the word limits.",
    )
    public_record: bool = Field(
        default=True, description="Responses become public records (usually true)."
    )

    @model_validator(mode="after")
    def _somewhere(self) -> Submission:
        if self.email is None and self.url is None and self.mail is None:
            raise ValueError("give an email address, a url or a postal address to submit to")
        return self


class Question(StrictModel):
    """One numbered question of the RFI."""

    id: Slug = Field(description="A slug used by response files, e.g. 'peer-roles'.")
    number: Text = Field(description="The number as the RFI prints it, e.g. '5' or '3b'.")
    topic: Text | None = Field(
        default=None,
        max_length=80,
        description="A few words naming what the question is about, for the letter's heading "
        "(e.g. 'Peer roles in the new contracts').",
    )
    topic_translations: dict[Annotated[str, Field(pattern=LANGUAGE_PATTERN)], Text] = Field(
        default_factory=dict,
        description="The topic in other languages, keyed by language tag (e.g. es: 'Roles de "
        "pares en los nuevos contratos'). The question itself is quoted as the agency wrote it.",
    )
    text: Text = Field(description="The question as the agency asks it.")
    reference: Text | None = Field(
        default=None,
        description="Public comment: the section's reference, e.g. '130 CMR 429.441(C)'. "
        "Agencies sort comments by section.",
    )
    word_limit: int | None = Field(default=None, gt=0, description="Word limit for the answer.")
    char_limit: int | None = Field(
        default=None, gt=0, description="Character limit for the answer, if any."
    )
    optional: bool = Field(default=True, description="Respondents may skip this question.")
    suggested_points: list[Slug] = Field(
        default_factory=list, description="Talking-point ids or tags that fit this question."
    )


class Rfi(StrictModel):
    """A call for input: who asks, what, by when, and how to answer.

    ``kind`` says which: a Request for Information (the default), a public
    comment on a proposed regulation, or testimony on bills.
    """

    public_comment: PublicCommentPart | None = Field(
        default=None, description="kind: public-comment: the docket, regulation and limits."
    )
    testimony: TestimonyPart | None = Field(
        default=None, description="kind: testimony: the committee, bills and hearing."
    )
    # After the parts, so that its check sees them (and names the kind's line).
    kind: CallKind = Field(
        default="rfi",
        validate_default=True,
        description="rfi (a Request for Information), public-comment (a comment period on a "
        "proposed regulation) or testimony (a committee hearing on bills).",
    )
    id: Slug = Field(description="A slug for this call for input.")
    agency: Text = Field(description="The issuing agency.")
    title: Text = Field(description="The RFI's title.")
    program: Text | None = Field(default=None, description="The program it concerns.")
    reference: Text | None = Field(
        default=None, description="Procurement or document number (e.g. a COMMBUYS number)."
    )
    issued: dt.date | None = Field(default=None, description="Date issued (YYYY-MM-DD).")
    due: dt.datetime = Field(
        description="Deadline, e.g. 2017-06-02 12:00 (in 'timezone'); for a public comment "
        "when the comment period closes, for testimony the written-testimony deadline."
    )
    timezone: Text = Field(
        default="America/New_York", description="The agency's time zone (IANA name)."
    )
    contact: Text | None = Field(default=None, description="Contact person or office.")
    submit: Submission = Field(description="Where and how to submit.")
    instructions: Text | None = Field(default=None, description="Response instructions (Markdown).")
    questions: list[Question] = Field(
        default_factory=list,
        description="The numbered questions; for a public comment, the sections open for "
        "comment; testimony may leave them out (one section per bill).",
    )

    @model_validator(mode="before")
    @classmethod
    def _bills_as_questions(cls, data: object) -> object:
        """Testimony without questions has one section per bill."""
        if not isinstance(data, dict) or data.get("kind") != "testimony" or "questions" in data:
            return data
        part = data.get("testimony")
        bills = part.get("bills") if isinstance(part, dict) else None
        if not isinstance(bills, list):
            return data
        fields = ("id", "number", "title")
        sections = [
            {"id": b["id"], "number": b["number"], "text": b["title"]}
            for b in bills
            if isinstance(b, dict) and all(isinstance(b.get(f), str) for f in fields)
        ]
        return {**data, "questions": sections}

    @field_validator("kind", mode="before")
    @classmethod
    def _known_kind(cls, value: object) -> object:
        if isinstance(value, str) and value not in CALL_KINDS:
            hint = did_you_mean(value, CALL_KINDS) or "use one of: " + ", ".join(CALL_KINDS)
            raise ValueError(f"unknown kind {value!r}; {hint}")
        return value

    @field_validator("kind", mode="after")
    @classmethod
    def _parts_of_its_kind(cls, kind: str, info: ValidationInfo) -> str:
        """The kind's own block is given (unless it failed already); no other kind's is."""
        for owner, block in KIND_PARTS.items():
            if block not in info.data:
                continue  # invalid: its own errors say why
            given = info.data[block] is not None
            if owner == kind and not given:
                raise ValueError(f"kind: {kind} needs a {block!r} block")
            if owner != kind and given:
                raise ValueError(f"the {block!r} block belongs to kind: {owner}, not kind: {kind}")
        return kind

    @field_validator("questions")
    @classmethod
    def _some_questions(cls, value: list[Question], info: ValidationInfo) -> list[Question]:
        kind = info.data.get("kind")
        if not value and kind != "testimony":
            raise ValueError("give at least one question (for a public comment: a section)")
        if kind == "public-comment":
            for question in value:
                if question.reference is None:
                    raise ValueError(
                        f"section {question.number} ({question.id}) needs its 'reference', "
                        "e.g. '130 CMR 429.441(C)': agencies sort comments by section"
                    )
        return value

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            zoneinfo.ZoneInfo(value)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise ValueError(
                f"unknown time zone {value!r}; use a name like 'America/New_York'"
            ) from None
        return value

    @model_validator(mode="after")
    def _unique_questions(self) -> Rfi:
        seen: set[str] = set()
        for question in self.questions:
            if question.id in seen:
                raise ValueError(f"question id {question.id!r} is used twice")
            seen.add(question.id)
        toward = self.submit.letter_counts_toward
        if toward is not None and toward not in seen:
            raise ValueError(f"submit.letter_counts_toward names no question: {toward!r}")
        return self

    @property
    def due_at(self) -> dt.datetime:
        """The deadline as an aware datetime in the agency's time zone."""
        zone = zoneinfo.ZoneInfo(self.timezone)
        if self.due.tzinfo is None:
            return self.due.replace(tzinfo=zone)
        return self.due.astimezone(zone)

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)


class Respondent(StrictModel):
    """Who is responding. ``anonymous: true`` keeps identity out of every output."""

    name: Text | None = Field(default=None, description="Full name.")
    organization: Text | None = Field(default=None, description="Organization, if any.")
    role: Text | None = Field(
        default=None, description="Role or standpoint, e.g. 'Certified Peer Specialist'."
    )
    email: Email | None = Field(default=None, description="Contact email.")
    city: Text | None = Field(default=None, description="City or town.")
    anonymous: bool = Field(
        default=False, description="Leave name, organization and email out of every output."
    )

    @model_validator(mode="after")
    def _named_unless_anonymous(self) -> Respondent:
        if not self.anonymous and not (self.name or self.organization):
            raise ValueError("give a name or organization, or set anonymous: true")
        return self

    @property
    def display_name(self) -> str:
        if self.anonymous:
            return "Anonymous respondent"
        return self.name or self.organization or ""


class ChosenPoint(StrictModel):
    """A talking point used in an answer, with the respondent's own note on it.
    Written as a plain id, or as a mapping with ``id`` and ``note``."""

    id: Slug = Field(description="The talking point's id.")
    note: Text | None = Field(
        default=None, description="Your own words on this point: why it matters to you."
    )

    @model_validator(mode="before")
    @classmethod
    def _from_id(cls, data: object) -> object:
        return {"id": data} if isinstance(data, str) else data


class Answer(StrictModel):
    """The answer to one question: your words, the points you chose, your close."""

    question: Slug = Field(description="The question's id in the RFI.")
    intro: Text | None = Field(default=None, description="Your own opening words.")
    points: list[ChosenPoint] = Field(
        default_factory=list, description="Talking points to include, in order."
    )
    closing: Text | None = Field(default=None, description="Your own closing words.")

    @model_validator(mode="after")
    def _not_empty(self) -> Answer:
        if not (self.intro or self.points or self.closing):
            raise ValueError("an answer needs an intro, points or a closing")
        return self


class Response(StrictModel):
    """An advocate's response to an RFI."""

    rfi: Text = Field(description="Path to the RFI file, relative to this file.")
    respondent: Respondent = Field(description="Who is responding.")
    language: Annotated[str, Field(pattern=LANGUAGE_PATTERN)] = Field(
        default="en",
        description="Language of the response (BCP 47 tag). Add a region for its number and "
        "date conventions, e.g. 'es-MX'; plain 'es' follows US Spanish (1,234.5; $21.50).",
    )
    date: dt.date | None = Field(
        default=None, description="Date on the letter (default: the day it is built)."
    )
    template: Text | None = Field(
        default=None,
        description="Template to render with (name or path); default: the one for the call's "
        "kind (response.md.j2 for an RFI).",
    )
    detail: Literal["short", "brief", "full"] = Field(
        default="brief",
        description="short: each point's recommendation only, your own words giving the "
        "reasons; brief: its recommendation and rationale; full: its whole text as well.",
    )
    opening: Text | None = Field(
        default=None,
        description="Your own opening words: who you are and why you are writing.",
    )
    answers: list[Answer] = Field(default_factory=list, description="Your answers, in order.")
    position: Position | None = Field(
        default=None,
        description="Testimony: your position on the bill (support, oppose or "
        "support-with-amendments); with several bills, on each one not in 'positions'.",
    )
    positions: dict[Slug, Position] = Field(
        default_factory=dict,
        description="Testimony on several bills: your position per bill id, e.g. h1234: oppose.",
    )
    closing: Text | None = Field(default=None, description="Closing words for the whole letter.")
    appendix: bool = Field(
        default=False,
        description="Add the appendix 'Suggested requirement language': each chosen point's "
        "text for bidders, which the agency can paste into its procurement.",
    )
    signers: Text | None = Field(
        default=None,
        description="A CSV of people who sign on to this letter (name, role, organization, "
        "town, agreed, withdrawn), as a path relative to this file.",
    )
    attachments: list[Text] = Field(
        default_factory=list,
        description="Other files to send with the response, e.g. a study it cites, as paths "
        "relative to this file: 'package' attaches them after the document (a public "
        "comment's portal: lists them to upload), within the call's attachment limits.",
    )

    @field_validator("language")
    @classmethod
    def _known_language(cls, value: str) -> str:
        if not known_language(value):
            raise ValueError(f"unknown language {value!r}; use a tag such as 'en' or 'es'")
        return value
