"""``advocacy rfi batch``: one personalised letter per row of a CSV of advocates."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from advocacy.cli import AppContext, pass_app
from advocacy.cli._options import FILE, lang_option, template_dir_option
from advocacy.cli._rfi_options import (
    LETTER_DATE_OPTION,
    NOW_OPTION,
    REFERENCE_DOC_OPTION,
    now_utc,
)


@click.command(
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
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["docx", "md"]),
    default="docx",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--name",
    "name_pattern",
    default="{last_name}-{first_name}",
    show_default=True,
    help="File name pattern from CSV columns (and {row}); made safe for every OS.",
)
@click.option("--jobs", type=click.IntRange(min=1), help="Parallel workers (default: CPU count).")
@click.option("--force", is_flag=True, help="Overwrite letters that already exist.")
@REFERENCE_DOC_OPTION
@LETTER_DATE_OPTION
@NOW_OPTION
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
            now=now_utc(now),
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
