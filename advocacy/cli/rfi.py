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
    format_option,
    lang_option,
    output_options,
    reference_doc_option,
    resolve_output,
    template_dir_option,
)

if TYPE_CHECKING:
    from advocacy.respond import CheckReport

_NOW = click.option(
    "--now",
    type=click.DateTime(["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d"]),
    help="Pretend it is this time (UTC) when judging the deadline, e.g. 2017-06-01T09:00.",
)


_LETTER_DATE = click.option(
    "--date",
    "letter_date",
    type=click.DateTime(["%Y-%m-%d"]),
    help="Date on the letter (default: the response's 'date', else today).",
)


def _now(value: dt.datetime | None) -> dt.datetime:
    if value is None:
        return dt.datetime.now(dt.timezone.utc)
    return value.replace(tzinfo=dt.timezone.utc)


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
@_NOW
def show(rfi_file: Path, now: dt.datetime | None) -> None:
    """Show an RFI: its questions and limits, where to submit, and time left."""
    from rich import box
    from rich.markup import escape
    from rich.table import Table

    from advocacy.cli._output import out
    from advocacy.i18n import long_datetime
    from advocacy.respond import load_rfi
    from advocacy.respond.checking import describe_deadline

    rfi = load_rfi(rfi_file).rfi
    console = out()
    console.print(f"[bold]{escape(rfi.title)}[/bold]")
    console.print(escape(rfi.agency + (f" · {rfi.reference}" if rfi.reference else "")))
    when = _now(now)
    status = describe_deadline(rfi.due_at, when)
    colour = "red" if when >= rfi.due_at else "yellow" if (rfi.due_at - when).days < 3 else "green"
    console.print(f"Due {escape(long_datetime(rfi.due_at))}: [{colour}]{status}[/{colour}]")
    submit = rfi.submit
    where = " or ".join(x for x in (submit.email, submit.url) if x)
    console.print(f"Submit to {escape(where)} as {', '.join(submit.formats)}")
    if submit.subject:
        from advocacy.respond.email_package import subject_preview

        console.print(f"Subject: {escape(subject_preview(rfi))}")
    limits = [
        f"{submit.word_limit} words" if submit.word_limit else "",
        f"{submit.page_limit} pages" if submit.page_limit else "",
    ]
    if any(limits):
        console.print("Limits: " + ", ".join(x for x in limits if x))
    from advocacy.respond.checking import word_limit_scope

    console.print(f"[dim]{escape(word_limit_scope(rfi))}[/dim]")
    if submit.public_record:
        console.print("[dim]Responses are public records.[/dim]")
    if rfi.instructions:
        from rich.markdown import Markdown

        console.print("\n[bold]Instructions[/bold]")
        console.print(Markdown(rfi.instructions))
    table = Table(box=box.SIMPLE_HEAD, title_justify="left")
    table.add_column("#", no_wrap=True)
    table.add_column("question", ratio=1)
    table.add_column("limit", justify="right", no_wrap=True)
    table.add_column("", no_wrap=True)
    for q in rfi.questions:
        table.add_row(
            escape(q.number),
            f"{escape(q.text)}\n[dim]id: {q.id}[/dim]",
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
@_NOW
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
    report = check_response(loaded, app.load_library(), _now(now), template_dir)
    if as_json:
        from advocacy.cli._output import print_json

        print_json(report.to_dict())
    else:
        _print_check(report)
    if report.errors:
        sys.exit(1)


def _print_check(report: CheckReport) -> None:
    from rich import box
    from rich.markup import escape
    from rich.table import Table

    from advocacy.cli._output import err, out, print_diagnostics

    table = Table(box=box.SIMPLE_HEAD)
    table.add_column("#", no_wrap=True)
    table.add_column("question", no_wrap=True)
    table.add_column("words", justify="right", no_wrap=True)
    table.add_column("own", justify="right", no_wrap=True)
    table.add_column("points", ratio=1)
    for a in report.answers:
        if not a.answered:
            status = "—" if a.question.optional else "[red]missing[/red]"
            table.add_row(escape(a.question.number), a.question.id, status, "", "")
            continue
        limit = a.question.word_limit
        words = f"{a.words}" + (f"/{limit}" if limit else "")
        if a.over_limit:
            words = f"[red]{words}[/red]"
        own = f"{round(100 * a.own_words / a.words)}%" if a.words else ""
        table.add_row(escape(a.question.number), a.question.id, words, own, ", ".join(a.points))
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
@_LETTER_DATE
@_NOW
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
        now=_now(now),
        date=letter_date.date() if letter_date else None,
        template_dir=template_dir,
    )
    print_diagnostics(report.warnings)
    emit(data, target)
    if target is not None:
        err().print(f"  personal share {round(report.personal_share * 100)}%")


@rfi.command(
    "batch",
    epilog="""\b
Examples:
  advocacy rfi batch examples/ma-dmh-cbfs/response.yaml \\
      --people examples/ma-dmh-cbfs/advocates.csv -o letters/
  advocacy rfi batch response.yaml --people people.csv -o letters/ --format md \\
      --name "{row}-{last_name}"

\b
CSV columns (first row):
  first_name, last_name, name, organization, role, email, city, anonymous
      identity
  intro:QUESTION, closing:QUESTION, note:QUESTION:POINT, closing
      own words
A column in the CSV replaces the response file's value for every row, even
when a cell is blank, so no one's story appears under another's name. Own
words with no column are shared by all letters (the command lists them).
Anonymous rows are written as anonymous-LINE files.

Rows with problems are reported by line number and skipped; the others are
written. Existing files are skipped unless --force, so a stopped run can be
resumed. OUTDIR/manifest.csv lists every row with its personal share.
""",
)
@click.argument("response_file", metavar="RESPONSE.yaml", type=FILE)
@click.option(
    "--people",
    "people_csv",
    required=True,
    type=FILE,
    metavar="CSV",
    help="CSV of advocates, one letter per row.",
)
@click.option(
    "-o",
    "--output",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    metavar="OUTDIR",
    help="Folder for the letters (created if missing).",
)
@format_option(with_default=True)
@click.option(
    "--name",
    "name_pattern",
    default="{last_name}-{first_name}",
    show_default=True,
    help="File name pattern from CSV columns (and {row}); made safe for every OS.",
)
@click.option("--jobs", type=click.IntRange(min=1), help="Parallel workers (default: CPU count).")
@click.option("--force", is_flag=True, help="Overwrite letters that already exist.")
@reference_doc_option
@_LETTER_DATE
@_NOW
@template_dir_option
@lang_option("Language of the letters (default: the response's 'language'), e.g. es.")
@pass_app
def batch(
    app: AppContext,
    response_file: Path,
    people_csv: Path,
    out_dir: Path,
    fmt: str,
    name_pattern: str,
    jobs: int | None,
    force: bool,
    reference_doc: Path | None,
    letter_date: dt.datetime | None,
    now: dt.datetime | None,
    template_dir: Path | None,
    lang: str | None,
) -> None:
    """Write one personalised response per row of a CSV of advocates."""
    from rich.markup import escape
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from advocacy.cli._output import err, print_diagnostics
    from advocacy.respond import load_response, with_language
    from advocacy.respond.batch import run_batch

    console = err()
    progress = Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    )
    task = progress.add_task("letters", total=None)

    def on_result(result) -> None:
        progress.advance(task)
        if result.status == "failed":
            progress.console.print(f"[red]✗[/red] row {result.person.line}: not written")

    with progress:
        summary = run_batch(
            with_language(load_response(response_file), lang),
            app.load_library(),
            people_csv,
            out_dir,
            fmt=fmt,
            name_pattern=name_pattern,
            jobs=jobs,
            force=force,
            reference_doc=reference_doc,
            now=_now(now),
            date=letter_date.date() if letter_date else None,
            template_dir=template_dir,
            on_start=lambda total: progress.update(task, total=total),
            on_result=on_result,
        )
    for result in summary.results:
        print_diagnostics(result.diagnostics)
    if summary.shared:
        console.print(
            "[yellow]note:[/yellow] every letter repeats these own-words texts of "
            f"{response_file.name}: {', '.join(summary.shared)}; add CSV columns with these "
            "names to personalise them",
            soft_wrap=True,
        )
    console.print(
        f"{summary.count('written')} written, {summary.count('skipped')} skipped (already there), "
        f"{summary.count('failed')} failed; manifest: {escape(str(summary.manifest))}",
        soft_wrap=True,
    )
    if summary.failed:
        sys.exit(1)


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
@_LETTER_DATE
@_NOW
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
        now=_now(now),
        date=letter_date.date() if letter_date else None,
        template_dir=template_dir,
    )
    print_diagnostics(report.warnings)
    success(f'wrote {out}: to {message["To"]}, subject "{message["Subject"]}"')


@rfi.command(
    "init",
    epilog="""\b
Examples:
  advocacy rfi init --rfi examples/ma-dmh-cbfs/rfi.yaml -o my-response.yaml
      (on a terminal: asks who you are, then per question which points to use
      and what you want to say)
  advocacy rfi init --rfi rfi.yaml -o r.yaml --no-interactive --name "Sam Lee" \\
      --answer peer-roles=cps-code-of-ethics,peer-supervisors \\
      --intro "peer-roles=I have worked in a peer role for six years."
""",
)
@click.option("--rfi", "rfi_file", type=FILE, metavar="RFI.yaml", help="The RFI to answer.")
@click.option(
    "-o",
    "--output",
    "out",
    type=FILE,
    required=True,
    metavar="FILE.yaml",
    help="The response file to write (never overwritten).",
)
@click.option("--name", default="", help="Your name.")
@click.option("--organization", default="", help="Your organization, if any.")
@click.option("--role", default="", help="Your role, e.g. 'Certified Peer Specialist'.")
@click.option("--email", default="", help="Your email address.")
@click.option("--anonymous", is_flag=True, help="Keep your identity out of the response.")
@click.option(
    "--answer",
    "answer_specs",
    multiple=True,
    metavar="QUESTION=ID,ID",
    help="Talking points for a question (repeatable).",
)
@click.option(
    "--intro",
    "intro_specs",
    multiple=True,
    metavar="QUESTION=TEXT",
    help="Your own opening words for a question (repeatable).",
)
@click.option(
    "--interactive/--no-interactive",
    default=None,
    help="Ask questions (default: only on a terminal).",
)
@pass_app
def init(
    app: AppContext,
    rfi_file: Path | None,
    out: Path,
    name: str,
    organization: str,
    role: str,
    email: str,
    anonymous: bool,
    answer_specs: tuple[str, ...],
    intro_specs: tuple[str, ...],
    interactive: bool | None,
) -> None:
    """Start a response file for an RFI, with comments that guide you.

    On a terminal it asks who you are and, question by question, which of the
    suggested talking points to use (with their summaries) and what you want
    to say in your own words. The file it writes checks and builds as is.
    """
    from advocacy.atomic import check_writable, write_atomic
    from advocacy.cli._output import success
    from advocacy.respond import load_rfi
    from advocacy.respond.new_response import DraftAnswer, DraftRespondent, new_response_text

    if interactive is None:
        interactive = sys.stdin.isatty()
    if rfi_file is None:
        if not interactive:
            raise click.UsageError("--rfi is required when not run on a terminal")
        rfi_file = click.prompt("RFI file", type=FILE)
    check_writable(out)
    loaded_rfi = load_rfi(rfi_file)
    library = app.load_library()
    respondent = DraftRespondent(name, organization, role, email, anonymous)
    answers: dict[str, DraftAnswer] = {}
    for spec in answer_specs:
        question, ids = _split_spec(spec, "--answer")
        answers.setdefault(question, DraftAnswer(question)).points += [
            i.strip() for i in ids.split(",") if i.strip()
        ]
    for spec in intro_specs:
        question, text = _split_spec(spec, "--intro")
        answers.setdefault(question, DraftAnswer(question)).intro = text
    closing = ""
    if interactive:
        respondent = _ask_respondent(respondent)
        answers = {a.question: a for a in _ask_answers(loaded_rfi, library)}
        closing = click.prompt(
            "Closing words for the whole letter (Enter to skip)", default="", show_default=False
        )
    text = new_response_text(loaded_rfi, out, respondent, list(answers.values()), library, closing)
    write_atomic(out, text)
    success(f"wrote {out}; next: advocacy rfi check {out}")


def _split_spec(spec: str, option: str) -> tuple[str, str]:
    question, sep, value = spec.partition("=")
    if not sep or not question.strip():
        raise click.BadParameter(f"expected QUESTION=VALUE, got {spec!r}", param_hint=option)
    return question.strip(), value.strip()


def _ask_respondent(given):  # -> DraftRespondent
    from advocacy.respond.new_response import DraftRespondent

    anonymous = click.confirm("Respond anonymously?", default=given.anonymous)
    if anonymous:
        role = click.prompt(
            "Your role (optional, e.g. 'person in a peer role')",
            default=given.role,
            show_default=False,
        )
        return DraftRespondent(role=role, anonymous=True)
    name = click.prompt("Your name", default=given.name or None)
    organization = click.prompt(
        "Organization (optional)", default=given.organization, show_default=False
    )
    role = click.prompt("Your role (optional)", default=given.role, show_default=False)
    email = click.prompt("Email (optional)", default=given.email, show_default=False)
    return DraftRespondent(name, organization, role, email, False)


def _ask_answers(loaded_rfi, library):  # -> list[DraftAnswer]
    from advocacy.respond.new_response import DraftAnswer, suggestions

    answers = []
    for question in loaded_rfi.rfi.questions:
        limit = f" (limit {question.word_limit} words)" if question.word_limit else ""
        click.echo(f"\nQuestion {question.number}{limit}: {question.text}")
        offered = suggestions(question, library) or library.select(status="approved")
        for number, lp in enumerate(offered, start=1):
            click.echo(f"  {number:>2}. {lp.point.id}: {lp.point.summary}")
        picked = click.prompt(
            "Points to use (numbers like 1,3; Enter to skip this question)",
            default="",
            show_default=False,
        )
        numbers = [p for p in picked.replace(" ", ",").split(",") if p]
        try:
            chosen = [offered[int(n) - 1].point.id for n in numbers]
        except (ValueError, IndexError):
            raise click.BadParameter(f"choose numbers from 1 to {len(offered)}") from None
        if not chosen and not click.confirm("Answer in your own words only?", default=False):
            continue
        answer = DraftAnswer(question.id, chosen)
        answer.intro = click.prompt("Your opening words", default="", show_default=False)
        for point_id in chosen:
            note = click.prompt(
                f"  Why {point_id} matters to you (optional)", default="", show_default=False
            )
            if note:
                answer.notes[point_id] = note
        answer.closing = click.prompt("Closing words (optional)", default="", show_default=False)
        if answer.points or answer.intro or answer.closing:
            answers.append(answer)
    return answers


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
