"""``advocacy rfi``: read an RFI, check and build responses, batch and package them."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from advocacy.cli import AppContext, pass_app
from advocacy.cli._options import (
    FILE,
    OutputOptions,
    emit,
    lang_option,
    output_options,
    reference_doc_option,
    resolve_output,
    template_dir_option,
)
from advocacy.cli._rfi_options import (
    LETTER_DATE_OPTION,
    NOW_OPTION,
    now_utc,
)

if TYPE_CHECKING:
    from advocacy.respond import CheckReport


@click.group(
    epilog="""\b
Examples:
  advocacy rfi show examples/ma-dmh-cbfs/rfi.yaml
  advocacy rfi check examples/ma-dmh-cbfs/response.yaml
  advocacy rfi build examples/ma-dmh-cbfs/response.yaml -o response.docx
"""
)
def rfi() -> None:
    """Answer a Request for Information in your own words, backed by talking points.

    An RFI file describes the request (questions, limits, deadline, where to
    submit); a response file says who you are and, per question, which
    talking points you use and what you add in your own words.
    """


@rfi.command(
    "show",
    epilog="""\b
Example:
  advocacy rfi show examples/ma-dmh-cbfs/rfi.yaml
""",
)
@click.argument("rfi_file", metavar="RFI.yaml", type=FILE)
@NOW_OPTION
def show(rfi_file: Path, now: dt.datetime | None) -> None:
    """Show an RFI: its questions and limits, where to submit, and time left."""
    from rich import box
    from rich.table import Table

    from advocacy.cli._output import out, untrusted
    from advocacy.i18n import long_datetime
    from advocacy.respond import load_rfi
    from advocacy.respond.checking import describe_deadline

    rfi = load_rfi(rfi_file).rfi
    console = out()
    console.print(f"[bold]{untrusted(rfi.title)}[/bold]")
    console.print(untrusted(rfi.agency + (f" · {rfi.reference}" if rfi.reference else "")))
    when = now_utc(now)
    status = describe_deadline(rfi.due_at, when)
    colour = "red" if when >= rfi.due_at else "yellow" if (rfi.due_at - when).days < 3 else "green"
    console.print(f"Due {untrusted(long_datetime(rfi.due_at))}: [{colour}]{status}[/{colour}]")
    submit = rfi.submit
    where = " or ".join(x for x in (submit.email, submit.url) if x)
    console.print(f"Submit to {untrusted(where)} as {', '.join(submit.formats)}")
    if submit.subject:
        from advocacy.respond.email_package import subject_preview

        console.print(f"Subject: {untrusted(subject_preview(rfi))}")
    limits = [
        f"{submit.word_limit} words" if submit.word_limit else "",
        f"{submit.page_limit} pages" if submit.page_limit else "",
    ]
    if any(limits):
        console.print("Limits: " + ", ".join(x for x in limits if x))
    from advocacy.respond.checking import word_limit_scope

    console.print(f"[dim]{untrusted(word_limit_scope(rfi))}[/dim]")
    if submit.public_record:
        console.print("[dim]Responses are public records.[/dim]")
    if rfi.instructions:
        from rich.markdown import Markdown

        console.print("\n[bold]Instructions[/bold]")
        console.print(Markdown(untrusted(rfi.instructions, markup=False)))
    table = Table(box=box.SIMPLE_HEAD, title_justify="left")
    table.add_column("#", no_wrap=True)
    table.add_column("question", ratio=1)
    table.add_column("limit", justify="right", no_wrap=True)
    table.add_column("", no_wrap=True)
    for q in rfi.questions:
        table.add_row(
            untrusted(q.number),
            f"{untrusted(q.text)}\n[dim]id: {q.id}[/dim]",
            f"{q.word_limit} words" if q.word_limit else "—",
            "optional" if q.optional else "[bold]required[/bold]",
        )
    console.print(table)


@rfi.command(
    "check",
    epilog="""\b
Examples:
  advocacy rfi check examples/ma-dmh-cbfs/response.yaml
  advocacy rfi check response.yaml --json
""",
)
@click.argument("response_file", metavar="RESPONSE.yaml", type=FILE)
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@NOW_OPTION
@template_dir_option
@lang_option("Check the response as written in this language (default: its 'language').")
@pass_app
def check(
    app: AppContext,
    response_file: Path,
    as_json: bool,
    now: dt.datetime | None,
    template_dir: Path | None,
    lang: str | None,
) -> None:
    """Check a response before you submit it.

    Reports words per question against the limits (counted as a reader
    would), required questions left out, unknown ids, draft or retired
    points, the deadline, and your personal share: the part of the words you
    wrote yourself. Agencies group identical form letters and count them
    once, so a warning appears under 20%.

    Exit status: 0 fine (warnings allowed), 1 errors.
    """
    from advocacy.respond import check_response, load_response, with_language

    loaded = with_language(load_response(response_file), lang)
    report = check_response(loaded, app.load_library(), now_utc(now), template_dir)
    if as_json:
        from advocacy.cli._output import print_json

        print_json(report.to_dict())
    else:
        _print_check(report)
    if report.errors:
        sys.exit(1)


def _print_check(report: CheckReport) -> None:
    from rich import box
    from rich.table import Table

    from advocacy.cli._output import err, out, print_diagnostics, untrusted

    table = Table(box=box.SIMPLE_HEAD)
    table.add_column("#", no_wrap=True)
    table.add_column("question", no_wrap=True)
    table.add_column("words", justify="right", no_wrap=True)
    table.add_column("own", justify="right", no_wrap=True)
    table.add_column("points", ratio=1)
    for a in report.answers:
        if not a.answered:
            status = "—" if a.question.optional else "[red]missing[/red]"
            table.add_row(untrusted(a.question.number), a.question.id, status, "", "")
            continue
        limit = a.question.word_limit
        words = f"{a.words}" + (f"/{limit}" if limit else "")
        if a.over_limit:
            words = f"[red]{words}[/red]"
        own = f"{round(100 * a.own_words / a.words)}%" if a.words else ""
        table.add_row(untrusted(a.question.number), a.question.id, words, own, ", ".join(a.points))
    for part in report.parts:  # the letter's other parts, so the rows add up to the totals
        own = f"{round(100 * part.own_words / part.words)}%" if part.words else ""
        table.add_row(
            "", part.name + ("" if part.counts else " (not counted)"), str(part.words), own, ""
        )
    console = out()
    console.print(table)
    share = round(report.personal_share * 100)
    colour = "green" if share >= 20 else "yellow"
    console.print(
        f"Personal share: [{colour}]{share}%[/{colour}] of the words are your own "
        f"({report.own_words} of {report.own_words + report.library_words})"
    )
    console.print(
        f"Words counted against the overall limit: {report.total_words} (appendices "
        f"{'count' if report.appendix_counts else 'do not count'}: appendix_counts is "
        f"{str(report.appendix_counts).lower()})"
    )
    print_diagnostics(report.diagnostics)
    n_err, n_warn = len(report.errors), len(report.warnings)
    if n_err:
        err().print(f"[red]{n_err} error(s)[/red], {n_warn} warning(s): fix the errors to build")
    elif n_warn:
        err().print(f"{n_warn} warning(s); ready to build")
    else:
        err().print("[green]✓[/green] ready to build")


@rfi.command(
    "build",
    epilog="""\b
Examples:
  advocacy rfi build examples/ma-dmh-cbfs/response.yaml -o response.docx
  advocacy rfi build response.yaml -o response.md
  advocacy rfi build response.yaml -o response.docx --reference-doc letterhead.docx
""",
)
@click.argument("response_file", metavar="RESPONSE.yaml", type=FILE)
@output_options("RESPONSE{suffix}")
@LETTER_DATE_OPTION
@NOW_OPTION
@template_dir_option
@lang_option("Language of the document (default: the response's 'language'), e.g. es.")
@click.option(
    "--appendix/--no-appendix",
    default=None,
    help="Add (or leave out) the appendix 'Suggested requirement language' "
    "(default: the response's 'appendix').",
)
@pass_app
def build(
    app: AppContext,
    response_file: Path,
    out: Path | None,
    fmt: str | None,
    reference_doc: Path | None,
    force: bool,
    letter_date: dt.datetime | None,
    now: dt.datetime | None,
    template_dir: Path | None,
    lang: str | None,
    appendix: bool | None,
) -> None:
    """Check a response, then render it to Word or Markdown.

    Errors from the checks stop the build; warnings are printed. The
    letter greets the RFI's contact, opens in your words, lists what you ask,
    then answers each question with your words set apart and the
    recommendations after them; cited sources become footnotes.
    """
    from advocacy.cli._output import err, print_diagnostics
    from advocacy.respond import build_response, load_response, with_appendix, with_language

    options = OutputOptions(out, fmt, reference_doc, force)
    target, kind = resolve_output(options, default=response_file)
    report, data = build_response(
        with_appendix(with_language(load_response(response_file), lang), appendix),
        app.load_library(),
        target,
        kind,
        reference_doc=reference_doc,
        force=force,
        now=now_utc(now),
        date=letter_date.date() if letter_date else None,
        template_dir=template_dir,
    )
    print_diagnostics(report.warnings)
    emit(data, target)
    if target is not None:
        err().print(f"  personal share {round(report.personal_share * 100)}%")


@rfi.command(
    "package",
    epilog="""\b
Example:
  advocacy rfi package examples/ma-dmh-cbfs/response.yaml -o submission.eml

Open the .eml file in your mail program, check it, and send it yourself.
""",
)
@click.argument("response_file", metavar="RESPONSE.yaml", type=FILE)
@click.option(
    "-o",
    "--output",
    "out",
    type=FILE,
    metavar="FILE.eml",
    help="The email draft to write. Default: RESPONSE.eml.",
)
@click.option("--force", is_flag=True, help="Overwrite an existing draft.")
@reference_doc_option
@LETTER_DATE_OPTION
@NOW_OPTION
@template_dir_option
@pass_app
def package(
    app: AppContext,
    response_file: Path,
    out: Path | None,
    force: bool,
    reference_doc: Path | None,
    letter_date: dt.datetime | None,
    now: dt.datetime | None,
    template_dir: Path | None,
) -> None:
    """Write an email draft to the RFI's address with the response attached.

    The subject follows the RFI's convention. Nothing is sent.
    """
    from advocacy.cli._output import print_diagnostics, success
    from advocacy.respond import load_response
    from advocacy.respond.email_package import package_response

    out = out or response_file.with_suffix(".eml")
    report, message = package_response(
        load_response(response_file),
        app.load_library(),
        out,
        force=force,
        reference_doc=reference_doc,
        now=now_utc(now),
        date=letter_date.date() if letter_date else None,
        template_dir=template_dir,
    )
    print_diagnostics(report.warnings)
    success(f'wrote {out}: to {message["To"]}, subject "{message["Subject"]}"')


@rfi.command(
    "lint",
    epilog="""\b
Examples:
  advocacy rfi lint examples/ma-dmh-cbfs/rfi.yaml examples/ma-dmh-cbfs/response.yaml
  advocacy rfi lint my-response.yaml --strict
""",
)
@click.argument("files", nargs=-1, required=True, type=FILE, metavar="FILE...")
@click.option("--strict", is_flag=True, help="Fail (exit 1) on warnings too.")
@pass_app
def lint(app: AppContext, files: tuple[Path, ...], strict: bool) -> None:
    """Check RFI and response files: their fields, and every id they name.

    For words, limits, deadline and personal share, use 'rfi check'.
    Exit status: 0 clean, 1 errors (or warnings with --strict).
    """
    from advocacy.cli._output import err, out, print_diagnostics
    from advocacy.errors import Severity
    from advocacy.respond.lint import lint_rfi_files

    diagnostics = lint_rfi_files(list(files), app.load_library())
    print_diagnostics(diagnostics, out())
    errors = sum(d.severity is Severity.ERROR for d in diagnostics)
    warnings = len(diagnostics) - errors
    if diagnostics:
        err().print(f"{len(files)} file(s) checked: {errors} error(s), {warnings} warning(s)")
    else:
        err().print(f"[green]✓[/green] {len(files)} file(s) checked: no problems")
    if errors or (strict and warnings):
        sys.exit(1)


def _register() -> None:
    from advocacy.cli.rfi_batch import batch
    from advocacy.cli.rfi_init import init

    rfi.add_command(batch)
    rfi.add_command(init)


_register()
