"""``advocacy rfi batch``: one personalised letter per row of a CSV of advocates."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from advocacy.cli import AppContext, pass_app
from advocacy.cli._options import (
    FILE,
    format_option,
    lang_option,
    reference_doc_option,
    template_dir_option,
)
from advocacy.cli._rfi_options import (
    LETTER_DATE_OPTION,
    NOW_OPTION,
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
CSV columns (first row; separated by comma, semicolon or tab):
  id, first_name, last_name, name, organization, role, email, city, anonymous
      identity (anonymous: yes/no, also sí)
  points, points:QUESTION
      the talking points this person uses, in order, e.g.
      "peer-supervisors;no-clinical-duties" (default: the response's)
  position, position:BILL
      testimony: this person's position (support, oppose or
      support-with-amendments), on every bill or on one (default: the
      response's)
  detail
      short (recommendations only, your words give the reasons), brief
      (with each point's reasons and sources) or full (default: the
      response's)
  intro:QUESTION, closing:QUESTION, note:QUESTION:POINT, opening, closing
      own words (a note on a point the row does not choose is kept, after
      the intro)
A column in the CSV replaces the response file's value for every row, even
when a cell is blank, so no one's story appears under another's name. Own
words of the response file with no column are left out of every letter
(the command lists them); --keep-shared repeats them in every letter.

\b
A malformed CSV (an unclosed quote, a row with too many or too few fields)
or two rows for one person stop the run before anything is written. Each
person is known by the id column, else by name and email, so adding or
moving rows never swaps letters. Anonymous rows need an id or an email; their
files and manifest rows carry a salted code, never the name.

\b
OUTDIR/manifest.csv maps each person's key to their file and status, and is
written as letters are done: run the same command again to resume. Existing
letters are kept unless --force. People no longer in the CSV are listed and
their letters left in place. OUTDIR/similarity.csv gives each letter's share
of text also found in another letter; letters above --similar-threshold are
named, since an agency may count them as one comment.
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
    help="File name pattern from CSV columns (and {row}), e.g. '{row}-{last_name}'; "
    "made safe for every OS. Default: last and first name.",
)
@click.option(
    "--similar-threshold",
    type=click.IntRange(0, 100),
    default=50,
    show_default=True,
    metavar="PERCENT",
    help="Name the letters with more than this share of text found in another letter.",
)
@click.option("--jobs", type=click.IntRange(min=1), help="Parallel workers (default: CPU count).")
@click.option("--force", is_flag=True, help="Overwrite letters that already exist.")
@click.option(
    "--keep-shared",
    is_flag=True,
    help="Repeat the response file's own words that no CSV column replaces in every "
    "letter (default: leave them out, so no one's words appear under another's name).",
)
@reference_doc_option
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
    name_pattern: str | None,
    similar_threshold: int,
    jobs: int | None,
    force: bool,
    keep_shared: bool,
    reference_doc: Path | None,
    letter_date: dt.datetime | None,
    now: dt.datetime | None,
    template_dir: Path | None,
    lang: str | None,
) -> None:
    """Write one personalised response per row of a CSV of advocates."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from advocacy.cli._output import err, print_diagnostics, untrusted
    from advocacy.respond import load_response, with_language
    from advocacy.respond.batch import RowResult, run_batch

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

    def on_result(result: RowResult) -> None:
        progress.advance(task)
        if result.status == "failed":
            reason = result.diagnostics[0].message if result.diagnostics else "not written"
            progress.console.print(f"[red]✗[/red] {untrusted(reason)}", soft_wrap=True)

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
            threshold=similar_threshold / 100,
            on_start=lambda total: progress.update(task, total=total),
            on_result=on_result,
            keep_shared=keep_shared,
        )
    print_diagnostics(summary.warnings)
    for result in summary.results:
        print_diagnostics(result.diagnostics)
    if summary.shared and summary.shared_kept:
        console.print(
            "[yellow]note:[/yellow] every letter repeats these own-words texts of "
            f"{untrusted(response_file.name)}: {', '.join(summary.shared)}; add CSV columns "
            "with these names to personalise them",
            soft_wrap=True,
        )
    elif summary.shared:
        console.print(
            "[yellow]note:[/yellow] these own-words texts of "
            f"{untrusted(response_file.name)} are left out of every letter, since no CSV "
            f"column gives them per person: {', '.join(summary.shared)}; add such columns, "
            "or pass --keep-shared if every letter should repeat them",
            soft_wrap=True,
        )
    if summary.absent:
        console.print(
            f"[yellow]note:[/yellow] {len(summary.absent)} letter(s) from an earlier run belong "
            "to people no longer in the CSV; they were left in place: "
            + ", ".join(untrusted(e.file) for e in summary.absent),
            soft_wrap=True,
        )
    report = summary.similarity
    if report is not None and report.shares:
        console.print(
            f"similarity: median {report.median:.0%}, max {report.maximum:.0%} of a letter's "
            "text is also in another letter",
            soft_wrap=True,
        )
        if report.over:
            console.print(
                f"[yellow]warning:[/yellow] {len(report.over)} letter(s) share more than "
                f"{similar_threshold}% of their text; an agency may count these as one comment: "
                + ", ".join(untrusted(f) for f in report.over[:10])
                + (" …" if len(report.over) > 10 else ""),
                soft_wrap=True,
            )
    console.print(
        f"{summary.count('written')} written, {summary.count('skipped')} skipped (already there), "
        f"{summary.count('failed')} failed; manifest: {untrusted(summary.manifest)}",
        soft_wrap=True,
    )
    if summary.failed:
        sys.exit(1)
