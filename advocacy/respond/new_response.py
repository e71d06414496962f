"""Start a response file: suggestions per question and a commented YAML draft.

``rfi init`` asks the questions (or takes flags); this module holds what it
needs that is not about a terminal: which talking points suit a question, and
the text of a response file that validates and builds as written.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from advocacy.errors import AdvocacyError, did_you_mean, error
from advocacy.filenames import relative_to_file
from advocacy.i18n import long_datetime
from advocacy.library import Library, LoadedPoint
from advocacy.models.rfi import Question
from advocacy.respond.loading import LoadedRfi
from advocacy.schemas import schema_reference


@dataclass
class DraftAnswer:
    question: str
    points: list[str] = field(default_factory=list)
    intro: str = ""
    notes: dict[str, str] = field(default_factory=dict)
    closing: str = ""


@dataclass
class DraftRespondent:
    name: str = ""
    organization: str = ""
    role: str = ""
    email: str = ""
    anonymous: bool = False


def suggestions(question: Question, library: Library) -> list[LoadedPoint]:
    """Approved points the RFI suggests for ``question`` (ids or tags), in order."""
    chosen: dict[str, LoadedPoint] = {}
    for key in question.suggested_points:
        if key in library.points:
            chosen.setdefault(key, library.points[key])
        for lp in library.select(tag=key):
            chosen.setdefault(lp.point.id, lp)
    return [lp for lp in chosen.values() if lp.point.status == "approved"]


def new_response_text(
    loaded_rfi: LoadedRfi,
    target: Path,
    respondent: DraftRespondent,
    answers: Sequence[DraftAnswer],
    library: Library,
    closing: str = "",
    position: str | None = None,
) -> str:
    """The text of a commented response file for ``target``.

    ``position`` is the speaker's position on every bill of a hearing
    (testimony); the file then checks clean of a missing position.

    Unknown question or point ids raise :class:`AdvocacyError` with a
    did-you-mean, so the file written always checks clean of id errors.
    """
    rfi = loaded_rfi.rfi
    # An answer with nothing in it would not validate; leave it out.
    answers = [a for a in answers if a.points or a.intro.strip() or a.closing.strip()]
    for answer in answers:
        if rfi.question(answer.question) is None:
            ids = [q.id for q in rfi.questions]
            raise AdvocacyError(
                f"the RFI has no question {answer.question!r}",
                hint=did_you_mean(answer.question, ids) or "questions: " + ", ".join(ids),
            )
        for point_id in answer.points:
            library.get(point_id)
    schema = schema_reference("response", target)
    lines = [
        f"# yaml-language-server: $schema={schema}",
        f"# A response to: {rfi.title} ({rfi.agency}).",
        f"# Due {long_datetime(rfi.due_at)}.",
        "#",
        f"# Check it:  advocacy respond check {target.name}",
        f"# Build it:  advocacy respond build {target.name} -o response.docx",
        "#",
        "# Your own words go in 'opening', 'intro', 'note' and 'closing'. Agencies count identical",
        "# form letters once: say what this means to you, from your own experience.",
        "",
        f"rfi: {_scalar(relative_to_file(loaded_rfi.path, target))}",
        "respondent:",
    ]
    if respondent.anonymous:
        lines.append("  anonymous: true  # your name, organization and email stay out of it")
        if respondent.role:
            lines.append(f"  role: {_scalar(respondent.role)}")
    else:
        for key in ("name", "organization", "role", "email"):
            value = getattr(respondent, key)
            lines.append(f"  {key}: {_scalar(value)}" if value else f"  # {key}:")
        lines.append("  anonymous: false")
    lines += [
        "language: en",
        "detail: brief  # short: recommendations only; brief: with reasons; full: whole text too",
        "appendix: false  # true: add the points' requirement language for the agency",
    ]
    if rfi.testimony is not None:
        lines += [
            f"position: {position}" if position else "# position: support",
            "# support, oppose or support-with-amendments; with several bills, give",
            "# positions: {bill-id: support, other-bill-id: oppose} instead",
        ]
    lines += [
        "# opening: your own words: who you are and why you are writing",
        "answers:" if answers else "answers: []  # add answers: see the RFI's questions",
    ]
    for answer in answers:
        question = rfi.question(answer.question)
        assert question is not None
        limit = f" (limit {question.word_limit} words)" if question.word_limit else ""
        lines.append(f"  # Question {question.number}: {_one_line(question.text)}{limit}")
        lines.append(f"  - question: {answer.question}")
        lines += _text_field("intro", answer.intro, "    ")
        if answer.points:
            lines.append("    points:")
            for point_id in answer.points:
                title = library.points[point_id].point.title
                lines.append(f"      - id: {point_id}  # {_one_line(title)}")
                lines += _text_field("note", answer.notes.get(point_id, ""), "        ")
        lines += _text_field("closing", answer.closing, "    ")
    lines += _text_field("closing", closing, "")
    text = "\n".join(lines) + "\n"
    _check_valid(text, target)
    return text


def _check_valid(text: str, target: Path) -> None:
    """The file must validate as written; say which option to change if not."""
    from advocacy.models import Response, validate_document
    from advocacy.yamlio import load_yaml

    _, problems = validate_document(Response, load_yaml(text, str(target)))
    if problems:
        raise AdvocacyError.from_diagnostics(
            error(
                d.message,
                hint="give --name, --organization or --anonymous"
                if "name or organization" in d.message
                else "check the value you gave for this field",
            )
            for d in problems
        )


def _text_field(key: str, text: str, indent: str) -> list[str]:
    text = text.strip()
    if not text:
        return [f"{indent}# {key}: your own words"]
    if "\n" not in text:
        return [f"{indent}{key}: {_scalar(text)}"]
    body = [f"{indent}  {line}" if line.strip() else "" for line in text.split("\n")]
    return [f"{indent}{key}: |", *body]


def _scalar(value: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def _one_line(text: str, width: int = 70) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"
