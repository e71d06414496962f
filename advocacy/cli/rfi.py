"""``advocacy respond`` (and its alias ``advocacy rfi``): read a call for input of any kind,
check and build responses, batch and package them.

The commands are defined once here; :mod:`advocacy.cli.respond` adds the same
command objects to the ``respond`` group, so the alias can never drift.
"""

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
    """The same commands as 'advocacy respond', kept so existing scripts work.

    Takes every kind of call for input (RFI, public comment, testimony), not
    only RFIs.
    """


@click.command(
    "show",
    epilog="""\b
Example:
  advocacy respond show examples/ma-dmh-cbfs/rfi.yaml
  advocacy respond show examples/peer-billing-comment/call.yaml
  advocacy respond show examples/peer-workforce-testimony/hearing.yaml
""",
)
@click.argument("rfi_file", metavar="CALL.yaml", type=FILE)
@NOW_OPTION
def show(rfi_file: Path, now: dt.datetime | None) -> None:
    """Show a call for input: its questions (or sections, or bills) and limits, where to
    submit, and time left."""
    from rich import box
    from rich.table import Table

    from advocacy.cli._output import out, untrusted
    from advocacy.i18n import long_datetime
    from advocacy.respond import load_rfi
    from advocacy.respond.checking import describe_deadline
    from advocacy.respond.kinds import kind_of

    rfi = load_rfi(rfi_file).rfi
    kind = kind_of(rfi)
    console = out()
    console.print(f"[bold]{untrusted(rfi.title)}[/bold] [dim]({kind.label})[/dim]")
    console.print(untrusted(rfi.agency + (f" · {rfi.reference}" if rfi.reference else "")))
    for line in kind.describe(rfi):
        console.print(untrusted(line))
    when = now_utc(now)
    status = describe_deadline(rfi.due_at, when)
    colour = "red" if when >= rfi.due_at else "yellow" if (rfi.due_at - when).days < 3 else "green"
    console.print(f"Due {untrusted(long_datetime(rfi.due_at))}: [{colour}]{status}[/{colour}]")
    submit = rfi.submit
    where = " or ".join(x for x in (submit.email, submit.url, submit.mail) if x)
    console.print(f"Submit to {untrusted(where)} as {', '.join(submit.formats)}")
    if submit.subject:
        from advocacy.respond.email_package import subject_preview

        console.print(f"Subject: {untrusted(subject_preview(rfi))}")
    limits = [
        f"{submit.word_limit} words" if submit.word_limit else "",
        f"{submit.page_limit} pages" if submit.page_limit else "",
        f"{submit.char_limit:,} characters" if submit.char_limit else "",
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
    table.add_column("section" if rfi.kind == "public-comment" else "question", ratio=1)
    table.add_column("limit", justify="right", no_wrap=True)
    table.add_column("", no_wrap=True)
    for q in rfi.questions:
        limits = [f"{q.word_limit} words" if q.word_limit else ""]
        limits.append(f"{q.char_limit:,} characters" if q.char_limit else "")
        reference = f"{untrusted(q.reference)}: " if q.reference else ""
        table.add_row(
            untrusted(q.number),
            f"{reference}{untrusted(q.text)}\n[dim]id: {q.id}[/dim]",
            ", ".join(x for x in limits if x) or "—",
            "optional" if q.optional else "[bold]required[/bold]",
        )
    console.print(table)


@click.command(
    "check",
    epilog="""\b
Examples:
  advocacy respond check examples/ma-dmh-cbfs/response.yaml
  advocacy respond check response.yaml --json
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
    measures = report.measures
    if "characters" in measures:
        colour = "red" if measures["characters"] > measures["char_limit"] else "green"
        console.print(
            f"Characters (as the comment box counts them): [{colour}]{measures['characters']:,}"
            f"[/{colour}] of {measures['char_limit']:,}"
        )
    if "reading_seconds" in measures:
        from advocacy.respond.kinds.testimony import minutes_and_seconds

        over = measures["reading_seconds"] > measures["speaking_limit_seconds"]
        colour = "yellow" if over else "green"
        console.print(
            f"Spoken version: {measures['spoken_words']} words, about [{colour}]"
            f"{minutes_and_seconds(measures['reading_seconds'])}[/{colour}] at "
            f"{measures['words_per_minute']} words a minute (limit "
            f"{minutes_and_seconds(measures['speaking_limit_seconds'])})"
        )
    print_diagnostics(report.diagnostics)
    n_err, n_warn = len(report.errors), len(report.warnings)
    if n_err:
        err().print(f"[red]{n_err} error(s)[/red], {n_warn} warning(s): fix the errors to build")
    elif n_warn:
        err().print(f"{n_warn} warning(s); ready to build")
    else:
        err().print("[green]✓[/green] ready to build")


@click.command(
    "build",
    epilog="""\b
Examples:
  advocacy respond build examples/ma-dmh-cbfs/response.yaml -o response.docx
  advocacy respond build response.yaml -o response.md
  advocacy respond build response.yaml -o response.docx --reference-doc letterhead.docx
  advocacy respond build examples/peer-workforce-testimony/testimony.yaml --spoken -o spoken.txt
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
@click.option(
    "--spoken",
    is_flag=True,
    help="Testimony: write what you will say aloud instead, as plain text in short "
    "paragraphs headed by its estimated reading time (-o FILE.txt, or stdout).",
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
    spoken: bool,
) -> None:
    """Check a response, then render it to Word, PDF or Markdown.

    Errors from the checks stop the build; warnings are printed. The
    letter greets the RFI's contact, opens in your words, lists what you ask,
    then answers each question with your words set apart and the
    recommendations after them; cited sources become footnotes.
    """
    from advocacy.cli._output import note, print_diagnostics
    from advocacy.respond import build_response, load_response, with_appendix, with_language

    if spoken:
        _build_spoken(app, response_file, out, fmt, force, letter_date, now, template_dir, lang)
        return
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
        note(f"  personal share {round(report.personal_share * 100)}%")


def _build_spoken(
    app: AppContext,
    response_file: Path,
    out: Path | None,
    fmt: str | None,
    force: bool,
    letter_date: dt.datetime | None,
    now: dt.datetime | None,
    template_dir: Path | None,
    lang: str | None,
) -> None:
    from advocacy.atomic import write_atomic
    from advocacy.cli._output import print_diagnostics
    from advocacy.render.formats import by_suffix
    from advocacy.respond import load_response, with_language
    from advocacy.respond.response import build_spoken

    if fmt is not None:
        raise click.UsageError("--spoken writes plain text: drop --format")
    if out is not None and by_suffix(out) is not None:
        raise click.UsageError(f"--spoken writes plain text, not {out.suffix}: name the file .txt")
    report, text = build_spoken(
        with_language(load_response(response_file), lang),
        app.load_library(),
        now=now_utc(now),
        date=letter_date.date() if letter_date else None,
        template_dir=template_dir,
    )
    print_diagnostics(report.warnings)
    target = None if out is None or str(out) == "-" else out
    if target is not None:
        write_atomic(target, text.encode("utf-8"), force=force)
    emit(text.encode("utf-8"), target)


@click.command(
    "lint",
    epilog="""\b
Examples:
  advocacy respond lint examples/ma-dmh-cbfs/rfi.yaml examples/ma-dmh-cbfs/response.yaml
  advocacy respond lint my-response.yaml --strict
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
    from advocacy.cli._output import err, print_diagnostics
    from advocacy.errors import Severity
    from advocacy.respond.lint import lint_rfi_files

    diagnostics = lint_rfi_files(list(files), app.load_library())
    print_diagnostics(diagnostics, stdout=True)
    errors = sum(d.severity is Severity.ERROR for d in diagnostics)
    warnings = len(diagnostics) - errors
    if diagnostics:
        err().print(f"{len(files)} file(s) checked: {errors} error(s), {warnings} warning(s)")
    else:
        err().print(f"[green]✓[/green] {len(files)} file(s) checked: no problems")
    if errors or (strict and warnings):
        sys.exit(1)


def commands() -> list[click.Command]:
    """Every command of the group, for ``respond`` and its alias ``rfi``."""
    from advocacy.cli.rfi_batch import batch
    from advocacy.cli.rfi_init import init
    from advocacy.cli.rfi_package import package

    return [show, init, check, build, batch, package, lint]


def _register() -> None:
    for command in commands():
        rfi.add_command(command)


_register()
