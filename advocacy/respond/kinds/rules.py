"""Check rules several kinds share: character limits counted as a web form counts them."""

from __future__ import annotations

from collections.abc import Iterator

from advocacy.errors import Diagnostic, error, warning
from advocacy.respond.kinds import KindCheck
from advocacy.respond.plain_text import form_length, markdown_to_plain


def document_markdown(kc: KindCheck, template: str | None = None) -> str:
    """The response rendered as it will be built (``template``: another of the kind's)."""
    from advocacy.respond.response import response_markdown

    return response_markdown(
        kc.loaded, kc.library, kc.date, kc.template_dir, kc.report, template=template
    )


def character_limits(kc: KindCheck) -> Iterator[Diagnostic]:
    """The whole text against ``submit.char_limit``, each answer against its question's.

    The text measured is the plain text ``package`` pastes (footnotes listed
    as sources at the end). The figures go into the report's ``measures``.
    """
    loaded, report = kc.loaded, kc.report
    rfi = loaded.rfi.rfi
    limit = rfi.submit.char_limit
    if limit is not None:
        characters = form_length(markdown_to_plain(document_markdown(kc), source=str(loaded.path)))
        report.measures["characters"] = characters
        report.measures["char_limit"] = limit
        if characters > limit:  # the full text can still go as an attachment
            yield warning(
                f"the text has {characters:,} characters; the comment box takes {limit:,}",
                loaded.rfi.path,
                *loaded.rfi.doc.position(("submit", "char_limit")),
                hint=f"cut {characters - limit:,} characters (choose 'detail: short' or fewer "
                "points) to paste it whole; else 'package' pastes a short note and attaches "
                "the full text",
                code="char-limit",
            )
    for check in report.answers:
        question = check.question
        if not check.answered or question.char_limit is None or not check.markdown:
            continue
        characters = form_length(markdown_to_plain(check.markdown))
        if characters > question.char_limit:
            index = next(
                i for i, a in enumerate(loaded.response.answers) if a.question == question.id
            )
            yield error(
                f"the answer to {question.number} has {characters:,} characters; "
                f"the limit is {question.char_limit:,}",
                loaded.path,
                *loaded.position("answers", index),
                hint=f"cut {characters - question.char_limit:,} characters",
                code="char-limit",
            )
