"""Check a response as the agency will read it: limits, ids, deadline, personal share."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from advocacy.errors import (
    Diagnostic,
    DiagnosticsReport,
    did_you_mean,
    error,
    warning,
)
from advocacy.i18n import relative_time, untranslated_message
from advocacy.library import Library
from advocacy.models.rfi import Question, Rfi
from advocacy.point_checks import source_warnings
from advocacy.render.templating import render_template
from advocacy.respond.context import Citations, answer_context
from advocacy.respond.kinds import KindCheck, kind_of
from advocacy.respond.loading import LoadedResponse, template_choice
from advocacy.respond.signers import Signer, response_signers
from advocacy.wordcount import count_words

#: Below this share of their own words, a response looks like a form letter.
MIN_PERSONAL_SHARE = 0.20
#: A deadline closer than this gets a warning.
DEADLINE_WARNING = dt.timedelta(hours=72)
ANSWER_TEMPLATE = "partials/answer.md.j2"


@dataclass(frozen=True)
class AnswerCheck:
    """What a reader will see of one answer, measured."""

    question: Question
    answered: bool
    words: int = 0
    own_words: int = 0
    library_words: int = 0
    points: tuple[str, ...] = ()
    markdown: str = ""  # the rendered answer, as checked and as built
    #: Words of the opening, list of asks and closing, when the RFI counts them here.
    letter_words: int = 0

    @property
    def over_limit(self) -> int:
        limit = self.question.word_limit
        return max(0, self.words + self.letter_words - limit) if limit else 0


@dataclass
class CheckReport(DiagnosticsReport):
    """Everything ``rfi check`` reports about a response."""

    answers: list[AnswerCheck]
    diagnostics: list[Diagnostic]
    due_at: dt.datetime
    now: dt.datetime
    own_words: int
    library_words: int
    parts: list[PartCheck] = field(default_factory=list)
    signers: list[Signer] = field(default_factory=list)
    appendix_counts: bool = False
    #: Figures the call's kind measures (characters, reading time), by name.
    measures: dict[str, Any] = field(default_factory=dict)

    @property
    def total_words(self) -> int:
        """The words counted against the overall limit."""
        return sum(a.words for a in self.answers) + sum(p.words for p in self.parts if p.counts)

    @property
    def personal_share(self) -> float:
        total = self.own_words + self.library_words
        return self.own_words / total if total else 1.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "due": self.due_at.isoformat(),
            "deadline_passed": self.now >= self.due_at,
            "hours_left": round((self.due_at - self.now).total_seconds() / 3600, 1),
            "personal_share": round(self.personal_share, 3),
            "own_words": self.own_words,
            "library_words": self.library_words,
            "questions": [
                {
                    "id": a.question.id,
                    "number": a.question.number,
                    "answered": a.answered,
                    "optional": a.question.optional,
                    "words": a.words,
                    "word_limit": a.question.word_limit,
                    "own_words": a.own_words,
                    "points": list(a.points),
                }
                for a in self.answers
            ],
            "parts": [
                {"name": p.name, "words": p.words, "own_words": p.own_words, "counts": p.counts}
                for p in self.parts
            ],
            "total_words": self.total_words,
            "appendix_counts": self.appendix_counts,
            "measures": self.measures,
            "signers": len(self.signers),
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "diagnostics": [d.to_dict() for d in self.diagnostics],
        }


def describe_deadline(due_at: dt.datetime, now: dt.datetime) -> str:
    """``"in 28 hours"`` or ``"passed 9 years ago"``, for the terminal."""
    text = relative_time(due_at, now)
    return f"passed {text}" if due_at <= now else text


def word_limit_scope(rfi: Rfi) -> str:
    """What the word limits cover, in one sentence for ``rfi show``."""
    appendix = "count" if rfi.submit.appendix_counts else "do not count"
    toward = rfi.submit.letter_counts_toward
    letter = (
        f"count toward the limit of question {rfi.question(toward).number} and the overall limit"  # type: ignore[union-attr]
        if toward
        else "count only toward the overall limit"
    )
    return (
        "Word limits: each question's limit covers that question's section (your words and "
        f"the recommendations, not the question itself); the opening, the list of asks and "
        f"the closing {letter}; footnotes and the signature are not counted; appendices "
        f"{appendix} (appendix_counts: {str(rfi.submit.appendix_counts).lower()})."
    )


@dataclass(frozen=True)
class PartCheck:
    """A part of the letter outside the answers, measured: the opening, the list of
    asks, the closing, or an appendix. ``counts``: it counts toward the overall limit."""

    name: str
    words: int
    own_words: int = 0
    counts: bool = True


def check_response(
    loaded: LoadedResponse,
    library: Library,
    now: dt.datetime | None = None,
    template_dir: Path | None = None,
    date: dt.date | None = None,
) -> CheckReport:
    """Check a response as the agency will read it; never raises for content problems.

    Each question's limit covers that question's section (the writer's words
    and the recommendations that answer it, not the agency's own question).
    The opening, the list of asks and the closing count only toward the
    overall limit, and the appendices only when the RFI says they count.
    ``date`` is the letter's date (default: the response's, else today).
    """
    now = now or dt.datetime.now(dt.timezone.utc)
    response, rfi = loaded.response, loaded.rfi.rfi
    file = loaded.path
    diagnostics, broken = id_problems(loaded, library)
    template_dir, _ = template_choice(loaded, template_dir)
    answers_by_question = {a.question: a for a in response.answers}
    checks: list[AnswerCheck] = []
    citations = Citations()
    kind = kind_of(rfi)
    asks: dict[str, tuple[str, str]] = {}
    for question in rfi.questions:
        answer = answers_by_question.get(question.id)
        if answer is None:
            checks.append(AnswerCheck(question, answered=False))
            if not question.optional:
                line, col = loaded.position("answers")
                diagnostics.append(
                    error(
                        f"question {question.number} ({question.id}) is required but not answered",
                        file,
                        line,
                        col,
                        hint=f"add an answer with question: {question.id}",
                        code="unanswered",
                    )
                )
            continue
        index = response.answers.index(answer)
        if index in broken:
            checks.append(AnswerCheck(question, answered=True))
            continue
        context = answer_context(
            answer, library, response.detail, response.language, citations, kind.audience
        )
        markdown = render_template(
            ANSWER_TEMPLATE, {"answer": context}, template_dir, response.language
        )
        diagnostics.extend(_untranslated(loaded, index, context))
        for point in context["points"]:
            asks.setdefault(point["id"], (point["title"], point["ask"]))
        words = count_words(markdown)
        check = AnswerCheck(
            question,
            answered=True,
            markdown=markdown,
            words=words,
            own_words=context["own_words"],
            library_words=context["library_words"],
            points=tuple(p.id for p in answer.points),
        )
        checks.append(check)
    signers = response_signers(loaded, diagnostics)
    parts = _letter_parts(loaded, asks, signers, response.appendix)
    checks = [_with_letter_words(c, parts, rfi) for c in checks]
    diagnostics.extend(_over_limits(loaded, checks))
    own_total = sum(c.own_words for c in checks) + sum(p.own_words for p in parts)
    library_total = sum(c.library_words for c in checks)
    overall = rfi.submit.word_limit
    total_words = sum(c.words for c in checks) + sum(p.words for p in parts if p.counts)
    if overall and total_words > overall:
        diagnostics.append(
            error(
                f"the response has {total_words} words; the RFI allows {overall}",
                file,
                1,
                1,
                hint=f"cut {total_words - overall} words",
                code="word-limit",
            )
        )
    report = CheckReport(
        checks,
        diagnostics,
        rfi.due_at,
        now,
        own_total,
        library_total,
        parts,
        signers,
        rfi.submit.appendix_counts,
    )
    letter_date = date or response.date or now.date()
    diagnostics.extend(_deadline_and_share(report, loaded))
    diagnostics.extend(_cited_source_problems(citations, library, letter_date))
    if not any(d.code == "unknown-id" for d in diagnostics):  # a kind renders the letter
        kind_check = KindCheck(loaded, library, report, date, template_dir)
        diagnostics.extend(kind_of(rfi).check(kind_check))
    report.diagnostics = sorted(diagnostics)
    return report


def _with_letter_words(check: AnswerCheck, parts: list[PartCheck], rfi: Rfi) -> AnswerCheck:
    """The check with the letter's own parts added where the RFI counts them."""
    if not check.answered or check.question.id != rfi.submit.letter_counts_toward:
        return check
    words = sum(p.words for p in parts if p.name in LETTER_PARTS)
    return replace(check, letter_words=words)


def _over_limits(loaded: LoadedResponse, checks: list[AnswerCheck]) -> Iterator[Diagnostic]:
    for check in checks:
        if not check.over_limit:
            continue
        question = check.question
        index = next(i for i, a in enumerate(loaded.response.answers) if a.question == question.id)
        with_letter = " with the opening, list of asks and closing" if check.letter_words else ""
        yield error(
            f"the answer to question {question.number} has {check.words + check.letter_words} "
            f"words{with_letter}; the limit is {question.word_limit}",
            loaded.path,
            *loaded.position("answers", index),
            hint=f"cut {check.over_limit} words, or choose fewer talking points",
            code="word-limit",
        )


#: The parts of a letter outside its answers that an RFI may count toward one question.
LETTER_PARTS = ("opening", "what I ask", "closing")


def _letter_parts(
    loaded: LoadedResponse,
    asks: dict[str, tuple[str, str]],
    signers: list[Signer],
    appendix: bool,
) -> list[PartCheck]:
    """The letter's parts outside the answers, with their words."""
    response, counts = loaded.response, loaded.rfi.rfi.submit.appendix_counts
    parts = [
        PartCheck(
            "opening", count_words(response.opening or ""), count_words(response.opening or "")
        ),
        PartCheck("what I ask", sum(count_words(title) for title, _ in asks.values())),
        PartCheck(
            "closing", count_words(response.closing or ""), count_words(response.closing or "")
        ),
    ]
    if appendix:
        words = sum(count_words(title) + count_words(ask) for title, ask in asks.values())
        parts.append(PartCheck("appendix: requirement language", words, counts=counts))
    if signers:
        words = sum(count_words(" ".join(s.as_dict().values())) for s in signers)
        parts.append(PartCheck("appendix: signers", words, counts=counts))
    return [p for p in parts if p.words]


def _cited_source_problems(
    citations: Citations, library: Library, letter_date: dt.date
) -> Iterator[Diagnostic]:
    """Cited sources a reader can't follow, or that did not exist on the letter's date."""
    for cited in citations.cited:
        loaded = library.get(cited.point_id)
        yield from source_warnings(loaded, cited.index)
        year = cited.source.year
        if year is not None and year > letter_date.year:
            yield warning(
                f"the letter is dated {letter_date.isoformat()} but cites "
                f"{cited.source.id or cited.source.title!r}, dated {year}",
                loaded.path,
                *loaded.position("sources", cited.index, "year"),
                hint="a letter can't cite work published after it: change the letter's date, "
                "or choose points whose rationale cites earlier sources",
                code="source-date",
            )


def _deadline_and_share(report: CheckReport, loaded: LoadedResponse) -> Iterator[Diagnostic]:
    deadline = kind_of(loaded.rfi.rfi).deadline
    rfi_file = loaded.rfi.path
    due_line, due_col = loaded.rfi.doc.position(("due",))
    left = report.due_at - report.now
    when = report.due_at.strftime("%Y-%m-%d %H:%M %Z")
    if left.total_seconds() <= 0:
        yield warning(
            f"the {deadline} ({when}) {describe_deadline(report.due_at, report.now)}",
            rfi_file,
            due_line,
            due_col,
            hint="late responses may not be read; ask the contact person whether they still accept input",
            code="deadline",
        )
    elif left <= DEADLINE_WARNING:
        yield warning(
            f"the {deadline} ({when}) is {describe_deadline(report.due_at, report.now)}",
            rfi_file,
            due_line,
            due_col,
            hint="submit soon: allow time for email problems",
            code="deadline",
        )
    if report.own_words + report.library_words and report.personal_share < MIN_PERSONAL_SHARE:
        share = round(report.personal_share * 100)
        yield warning(
            f"only {share}% of the words are your own ({report.own_words} of "
            f"{report.own_words + report.library_words})",
            loaded.path,
            *loaded.position("answers"),
            hint="agencies count identical form letters once: add your own experience in "
            "'intro', 'note' or 'closing' (aim for at least 20%)",
            code="personal-share",
        )


def id_problems(loaded: LoadedResponse, library: Library) -> tuple[list[Diagnostic], set[int]]:
    """Unknown or repeated ids; also the indices of answers too broken to measure."""
    rfi = loaded.rfi.rfi
    question_ids = [q.id for q in rfi.questions]
    diagnostics: list[Diagnostic] = []
    broken: set[int] = set()
    seen: set[str] = set()
    for i, answer in enumerate(loaded.response.answers):
        line, col = loaded.position("answers", i, "question")
        if answer.question not in question_ids:
            diagnostics.append(
                error(
                    f"the RFI has no question {answer.question!r}",
                    loaded.path,
                    line,
                    col,
                    hint=did_you_mean(answer.question, question_ids)
                    or "questions: " + ", ".join(question_ids),
                    code="unknown-id",
                )
            )
        elif answer.question in seen:
            diagnostics.append(
                error(
                    f"question {answer.question!r} is answered twice",
                    loaded.path,
                    line,
                    col,
                    hint="merge the two answers into one",
                    code="duplicate-answer",
                )
            )
        seen.add(answer.question)
        for j, chosen in enumerate(answer.points):
            line, col = loaded.position("answers", i, "points", j)
            point = library.points.get(chosen.id)
            if point is None:
                broken.add(i)
                diagnostics.append(
                    error(
                        f"no talking point with id {chosen.id!r}",
                        loaded.path,
                        line,
                        col,
                        hint=did_you_mean(chosen.id, library.points)
                        or "run 'advocacy points list' to see the ids",
                        code="unknown-id",
                    )
                )
            elif point.point.status != "approved":
                diagnostics.append(
                    warning(
                        f"talking point {chosen.id!r} is {point.point.status}, not approved",
                        loaded.path,
                        line,
                        col,
                        hint="draft and retired points have not been vetted for submissions",
                        code="unapproved-point",
                    )
                )
    return diagnostics, broken


def _untranslated(
    loaded: LoadedResponse, index: int, context: dict[str, Any]
) -> Iterator[Diagnostic]:
    """A warning for each chosen point the letter shows (partly) in English in another
    language; fields the letter does not print (the summary, the evaluation) are lint's."""
    response = loaded.response
    lang = response.language
    printed = {"all", "title", "recommendation"}
    printed |= set() if response.detail == "short" else {"rationale"}
    printed |= {"body"} if response.detail == "full" else set()
    printed |= {"ask"} if response.appendix else set()
    for j, point in enumerate(context["points"]):
        missing = [m for m in point["untranslated"] if m in printed]
        if not missing:
            continue
        yield warning(
            untranslated_message(point["id"], missing, lang),
            loaded.path,
            *loaded.position("answers", index, "points", j),
            hint="add a translation to the point to replace it (the letter itself does not say so)",
            code="untranslated",
        )
