"""``advocacy score``: score sheets per reviewer and bid, and the report across them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

import click

from advocacy.cli import AppContext, pass_app
from advocacy.cli._options import FILE, lang_option
from advocacy.cli.checklist import rubric_for
from advocacy.cli.score_evidence import evidence as evidence_command

if TYPE_CHECKING:
    from advocacy.evaluate import ScoreReport


@click.group(
    epilog="""\b
Examples:
  advocacy score init examples/ma-dmh-cbfs/rubric.yaml --bid "Riverbend" --reviewer "Dana" -o dana.yaml
  advocacy score report examples/ma-dmh-cbfs/scores/*.yaml
"""
)
def score() -> None:
    """Score providers' bids: one sheet per reviewer per bid, then one report."""


@score.command(
    "init",
    epilog="""\b
Example:
  advocacy score init examples/ma-dmh-cbfs/rubric.yaml --bid "Riverbend Community Services" \\
      --reviewer "Dana Whitfield" -o riverbend-dana.yaml
""",
)
@click.argument("rubric_file", metavar="[RUBRIC.yaml]", required=False, type=FILE)
@click.option("--bid", required=True, help="The bid (provider) being scored.")
@click.option("--reviewer", required=True, help="Your name.")
@click.option(
    "-o",
    "--output",
    "out",
    required=True,
    type=FILE,
    metavar="SHEET.yaml",
    help="The score sheet to write (never overwritten).",
)
@pass_app
def init(app: AppContext, rubric_file: Path | None, bid: str, reviewer: str, out: Path) -> None:
    """Write a score sheet listing every criterion, with guiding comments.

    Scores start empty; fill them in as you read the bid. Without RUBRIC,
    the sheet follows the default rubric of every approved point.
    """
    from advocacy.atomic import check_writable, write_atomic
    from advocacy.cli._output import success
    from advocacy.evaluate import new_sheet_text

    check_writable(out)
    rubric = rubric_for(app, rubric_file)
    write_atomic(out, new_sheet_text(rubric, bid, reviewer, out, dt.date.today()))
    success(f"wrote {out} ({len(rubric.criteria)} criteria); next: advocacy score report {out}")


@score.command(
    "report",
    epilog="""\b
Examples:
  advocacy score report examples/ma-dmh-cbfs/scores/*.yaml
  advocacy score report scores/*.yaml --rubric rubric.yaml -o report.docx
  advocacy score report scores/*.yaml --consensus agreed-summit.yaml -o report.csv
  advocacy score report scores/*.yaml --json | jq '.ranking'
  advocacy score report scores/*.yaml --lang es -o informe.docx
""",
)
@click.argument("sheets", nargs=-1, required=True, type=FILE, metavar="SHEET.yaml...")
@click.option(
    "--rubric",
    "rubric_file",
    type=FILE,
    metavar="RUBRIC.yaml",
    help="The rubric (default: found by the id the sheets name, beside them).",
)
@click.option(
    "--consensus",
    "consensus_files",
    multiple=True,
    type=FILE,
    metavar="SHEET.yaml",
    help="A consensus sheet for one bid; its scores replace the reviewers' mean.",
)
@click.option(
    "-o",
    "--output",
    "out",
    type=FILE,
    metavar="FILE",
    help="Write the report: .md, .docx, .csv or .json.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--force", is_flag=True, help="Overwrite an existing output file.")
@click.option(
    "--reference-doc",
    type=FILE,
    metavar="DOCX",
    help="Styles for .docx output from this Word file.",
)
@lang_option("Language of a .md or .docx report (and JSON messages), e.g. es.")
@pass_app
def report(
    app: AppContext,
    sheets: tuple[Path, ...],
    rubric_file: Path | None,
    consensus_files: tuple[Path, ...],
    out: Path | None,
    as_json: bool,
    force: bool,
    reference_doc: Path | None,
    lang: str | None,
) -> None:
    """Total, compare and flag bids across reviewers.

    Validates every sheet against the rubric (missing or unknown criteria,
    scores out of range, a sheet for another rubric), then per bid: the
    weighted total, mandatory criteria failed, computed checks, recorded red
    flags, and criteria where reviewers differ by 2 or more levels. With
    several bids: a ranking and a criterion-by-bid matrix.

    Exit status: 0 fine, 1 invalid sheets.
    """
    from advocacy.cli._output import print_diagnostics, print_json
    from advocacy.evaluate import find_rubric, report_dict, score_report
    from advocacy.evaluate.scoring import collect_sheets

    if as_json and out is not None:
        raise click.UsageError("--json prints to the terminal; for a file use -o report.json")
    loaded, consensus = collect_sheets(sheets, consensus_files)
    if rubric_file is not None:
        rubric = rubric_for(app, rubric_file)
    else:
        rubric = find_rubric(
            [*loaded, *consensus][0].sheet.rubric, [p.parent for p in sheets], app.load_library()
        )
    result = score_report(loaded, rubric, consensus)
    print_diagnostics(result.warnings)
    if as_json:
        print_json(report_dict(result, lang or "en"))
    elif out is not None:
        _write_report(result, out, force, reference_doc, lang or "en")
    else:
        _print_report(result)


def _write_report(
    result: ScoreReport, out: Path, force: bool, reference_doc: Path | None, lang: str
) -> None:
    import json

    from advocacy.atomic import write_atomic
    from advocacy.cli._output import success
    from advocacy.csvout import csv_text
    from advocacy.errors import AdvocacyError
    from advocacy.evaluate import report_dict, report_markdown, report_rows
    from advocacy.render import format_for, render

    suffix = out.suffix.lower()
    if suffix not in (".md", ".docx", ".csv", ".json"):
        raise AdvocacyError(
            f"cannot tell the report format from {out.name!r}",
            hint="name the file .md, .docx, .csv or .json",
        )
    if suffix == ".csv":
        write_atomic(out, csv_text(report_rows(result)), force=force)
    elif suffix == ".json":
        text = json.dumps(report_dict(result, lang), indent=2, ensure_ascii=False) + "\n"
        write_atomic(out, text, force=force)
    else:
        markdown = report_markdown(result, lang=lang)
        render(markdown, format_for(out), out, reference_doc, force, "score report")
    success(f"wrote {out}")


def _print_report(result: ScoreReport) -> None:
    from rich import box
    from rich.markup import escape
    from rich.table import Table

    from advocacy.cli._output import out

    console = out()
    ranking = result.ranking()
    table = Table(
        title=escape(result.rubric.rubric.title), box=box.SIMPLE_HEAD, title_justify="left"
    )
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("bid", ratio=1)
    table.add_column("points", justify="right", no_wrap=True)
    table.add_column("%", justify="right", no_wrap=True)
    table.add_column("mandatory", no_wrap=True)
    for rank, b in enumerate(ranking, start=1):
        table.add_row(
            str(rank),
            escape(b.bid),
            f"{b.total:.1f}/{b.max_total:g}",
            f"{b.percent:.0f}",
            "met" if b.meets_mandatory else "[red]NOT MET[/red]",
        )
    console.print(table)
    for b in ranking:
        console.print(
            f"\n[bold]{escape(b.bid)}[/bold] [dim]({escape('; '.join(b.reviewers))})[/dim]"
        )
        details = Table(box=None, show_header=False, padding=(0, 1, 0, 2))
        details.add_column(no_wrap=True)
        details.add_column(ratio=1)
        if not b.meets_mandatory:
            details.add_row(
                "[red]✗[/red]",
                "[red]does not meet mandatory requirements:[/red] " + ", ".join(b.mandatory_failed),
            )
        if b.unscored:
            details.add_row("?", "not yet scored: " + ", ".join(b.unscored))
        for check in b.checks:
            mark = {True: "[green]✓[/green]", False: "[red]✗[/red]", None: "?"}[check.passed]
            details.add_row(mark, f"{check.criterion}: {escape(check.message)}")
        for criterion, flag, who, _computed in b.grouped_flags:
            details.add_row(
                "[red]⚑[/red]", f"{criterion}: {escape(flag)} [dim]({escape('; '.join(who))})[/dim]"
            )
        for r in b.disagreements:
            scores = ", ".join(f"{escape(x.reviewer)} {x.score}" for x in r.reviews)
            settled = f" → consensus {r.consensus}" if r.consensus is not None else ""
            details.add_row("[yellow]≠[/yellow]", f"discuss {r.criterion.id}: {scores}{settled}")
        console.print(details)
    if len(ranking) > 1:
        matrix = Table(
            title="Criterion by bid (final scores)", box=box.SIMPLE_HEAD, title_justify="left"
        )
        matrix.add_column("criterion", no_wrap=True)
        for b in ranking:
            matrix.add_column(escape(b.bid), justify="right")
        for row in result.rubric.criteria:
            cells = []
            for b in ranking:
                r = next(x for x in b.results if x.criterion.id == row.id)
                cells.append("–" if r.final is None else f"{r.final:.1f}")
            matrix.add_row(row.id, *cells)
        console.print()
        console.print(matrix)


score.add_command(evidence_command)
