"""``advocacy checklist``: a reviewer's checklist built from the talking points."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from advocacy.cli import AppContext, pass_app
from advocacy.cli._options import (
    OutputOptions,
    emit,
    lang_option,
    output_options,
    resolve_output,
    template_dir_option,
    warn_untranslated,
)


@click.group(
    epilog="""\b
Example:
  advocacy checklist build examples/ma-dmh-cbfs/rubric.yaml -o checklist.docx
"""
)
def checklist() -> None:
    """Printable, fillable checklists for reviewers of providers' bids."""


@checklist.command(
    "build",
    epilog="""\b
Examples:
  advocacy checklist build examples/ma-dmh-cbfs/rubric.yaml -o checklist.docx
  advocacy checklist build -o checklist.docx     # every approved point
  advocacy checklist build rubric.yaml -o - | less
  advocacy checklist build rubric.yaml --lang es -o lista.docx
""",
)
@click.argument(
    "rubric_file",
    metavar="[RUBRIC]",
    required=False,
    type=click.Path(dir_okay=False, path_type=Path),
)
@output_options("checklist{suffix}")
@click.option(
    "--date",
    "on_date",
    type=click.DateTime(["%Y-%m-%d"]),
    help="Date printed on the checklist (default: none).",
)
@template_dir_option
@lang_option("Language of the checklist, e.g. es (default: en).")
@pass_app
def build(
    app: AppContext,
    rubric_file: Path | None,
    out: Path | None,
    fmt: str | None,
    reference_doc: Path | None,
    force: bool,
    on_date: dt.datetime | None,
    template_dir: Path | None,
    lang: str | None,
) -> None:
    """Build a reviewer's checklist from a rubric (or from every approved point).

    RUBRIC is a rubric file or a shipped rubric's name (job-description).

    For each criterion: its question, the look-for items and red flags as
    checkboxes you can tick in Word, the score levels, blanks for the figures
    computed checks need, and room for comments. Prints well from the DOCX.
    """
    from advocacy.evaluate import checklist_markdown, lookup_rubric
    from advocacy.evaluate.documents import untranslated_criteria
    from advocacy.render import render

    target, kind = resolve_output(
        OutputOptions(out, fmt, reference_doc, force), default=Path("checklist")
    )
    rubric = lookup_rubric(app.load_library(), rubric_file)
    language = lang or "en"
    markdown = checklist_markdown(
        rubric, on_date.date() if on_date else None, template_dir, language
    )
    warn_untranslated(untranslated_criteria(rubric, language), language)
    emit(
        render(markdown, kind, target, reference_doc, force, str(rubric_file or "checklist")),
        target,
    )
