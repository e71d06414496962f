"""``advocacy score``: score sheets per reviewer and bid, and the report across them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from advocacy.cli import AppContext, pass_app
from advocacy.cli._options import FILE, lang_option, reference_doc_option
from advocacy.cli.score_evidence import evidence as evidence_command


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
@click.argument("rubric_file", metavar="[RUBRIC]", required=False, type=FILE)
@click.option("--bid", required=True, help="The bid (provider) being scored.")
@click.option("--reviewer", required=True, help="Your name.")
@click.option(
    "-o",
    "--output",
    "out",
    required=True,
    type=FILE,
    metavar="SHEET.yaml",
    help="The score sheet to write (kept if it exists, unless --force).",
)
@click.option("--force", is_flag=True, help="Overwrite an existing sheet (its scores are lost).")
@pass_app
def init(
    app: AppContext, rubric_file: Path | None, bid: str, reviewer: str, out: Path, force: bool
) -> None:
    """Write a score sheet listing every criterion, with guiding comments.

    Scores start empty; fill them in as you read the bid. RUBRIC is a rubric
    file or a shipped rubric's name (job-description); without it, the sheet
    follows the default rubric of every approved point.
    """
    from advocacy.atomic import check_writable, write_atomic
    from advocacy.cli._output import success
    from advocacy.evaluate import lookup_rubric, new_sheet_text

    check_writable(out, force)
    rubric = lookup_rubric(app.load_library(), rubric_file)
    write_atomic(out, new_sheet_text(rubric, bid, reviewer, out, dt.date.today()), force=force)
    success(
        f"wrote {out} ({len(rubric.criteria)} criteria); declare 'conflict:', score with a "
        f"reason each, then: advocacy score report {out}"
    )


@score.command(
    "blind",
    epilog="""\b
Example:
  advocacy score blind "Riverbend Community Services" "Summit Behavioral Partners" -o key.yaml
  advocacy score init rubric.yaml --bid BID-7QXA --reviewer "Dana" -o dana-7qxa.yaml
  advocacy score report scores/*.yaml --key key.yaml
""",
)
@click.argument("bids", nargs=-1, required=True, metavar="BID...")
@click.option(
    "-o",
    "--output",
    "out",
    required=True,
    type=FILE,
    metavar="KEY.yaml",
    help="The key file to write (kept if it exists, unless --force).",
)
@click.option("--force", is_flag=True, help="Overwrite an existing key (its codes are lost).")
def blind(bids: tuple[str, ...], out: Path, force: bool) -> None:
    """Give each bid a random code for blind scoring, once, for every reviewer.

    Reviewers score under the codes (score init --bid CODE); the key maps
    codes to names and stays with the chair. The report shows codes until it
    is given --key.
    """
    from advocacy.atomic import write_atomic
    from advocacy.cli._output import success
    from advocacy.evaluate.blind import blind_key_text

    write_atomic(out, blind_key_text(bids), force=force)
    success(f"wrote {out} ({len(bids)} codes); give reviewers the codes, keep the key")


@score.command(
    "import",
    epilog="""\b
Example:
  advocacy score import filled-checklist.docx -o riverbend-dana.yaml
""",
)
@click.argument("checklist_file", metavar="CHECKLIST.docx", type=FILE)
@click.option(
    "-o",
    "--output",
    "out",
    required=True,
    type=FILE,
    metavar="SHEET.yaml",
    help="The score sheet to write (kept if it exists, unless --force).",
)
@click.option(
    "--rubric",
    "rubric_name",
    type=FILE,
    metavar="RUBRIC",
    help="The rubric the checklist was built from (default: the one it names).",
)
@click.option("--force", is_flag=True, help="Overwrite an existing sheet.")
@pass_app
def import_(
    app: AppContext, checklist_file: Path, out: Path, rubric_name: Path | None, force: bool
) -> None:
    """Turn a checklist filled in Word or LibreOffice into a score sheet.

    Reads the ticked score level, look-for items and red flags of every
    criterion, the figures, the comments (the reasons for the scores), and
    Bid, Reviewer and the conflict-of-interest declaration from the top.
    Refuses a criterion with no level or two levels ticked.
    """
    from advocacy.atomic import check_writable, write_atomic
    from advocacy.cli._output import print_diagnostics, success
    from advocacy.evaluate.checklist_import import import_checklist

    check_writable(out, force)
    text, rubric, warnings = import_checklist(checklist_file, app.load_library(), rubric_name)
    print_diagnostics(warnings)
    write_atomic(out, text, force=force)
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
    help="A rubric file or a shipped rubric's name (default: the one the sheets name, "
    "found where 'score init' recorded it or beside the sheets).",
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
    help="Write the report: .md, .docx, .csv or .json; '-' for Markdown on stdout.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--force", is_flag=True, help="Overwrite an existing output file.")
@click.option(
    "--allow-incomplete",
    is_flag=True,
    help="Rank bids that lack a score (or a reason) for some criterion; the report says so.",
)
@click.option(
    "--key",
    "key_file",
    type=FILE,
    metavar="KEY.yaml",
    help="The blind-scoring key ('score blind'): show bids' names instead of their codes.",
)
@click.option(
    "--what-if",
    "what_if",
    multiple=True,
    metavar="CRITERION=WEIGHT",
    help="Score again with this criterion's weight replaced (repeat for more).",
)
@click.option(
    "--allow-undeclared",
    is_flag=True,
    help="Count sheets whose reviewer left the conflict-of-interest declaration empty.",
)
@reference_doc_option
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
    allow_incomplete: bool,
    key_file: Path | None,
    what_if: tuple[str, ...],
    allow_undeclared: bool,
    reference_doc: Path | None,
    lang: str | None,
) -> None:
    """Total, compare and flag bids across reviewers.

    Validates every sheet against the rubric (missing or unknown criteria,
    scores out of range, a sheet for another rubric), then per bid: the
    weighted total, mandatory criteria failed, computed checks, recorded red
    flags, and criteria where reviewers differ by 2 or more levels. With
    several bids: a ranking and a criterion-by-bid matrix.

    A bid is ranked only when every criterion has a score with its reason;
    incomplete bids are listed apart. Sheets with an empty conflict-of-interest
    declaration are left out (sheets from before the declaration existed only
    get a warning in this release).

    Exit status: 0 fine, 1 invalid sheets.
    """
    from advocacy.cli._output import print_diagnostics, print_json
    from advocacy.cli.score_output import print_report, write_report
    from advocacy.evaluate import collect_sheets, report_dict, score_report
    from advocacy.evaluate.blind import load_key
    from advocacy.evaluate.sensitivity import parse_what_if
    from advocacy.evaluate.sheets import sheets_rubric

    if as_json and out is not None:
        raise click.UsageError("--json prints to the terminal; for a file use -o report.json")
    loaded, consensus = collect_sheets(sheets, consensus_files)
    rubric = sheets_rubric(app.load_library(), rubric_file, [*loaded, *consensus])
    result = score_report(
        loaded,
        rubric,
        consensus,
        allow_incomplete=allow_incomplete,
        allow_undeclared=allow_undeclared,
        what_if=parse_what_if(what_if),
        key=load_key(key_file) if key_file is not None else None,
    )
    print_diagnostics(result.warnings)
    if as_json:
        print_json(report_dict(result, lang or "en"))
    elif out is not None and str(out) == "-":
        from advocacy.evaluate import report_markdown

        click.echo(report_markdown(result, lang=lang or "en"), nl=False)
    elif out is not None:
        write_report(result, out, force, reference_doc, lang or "en")
    else:
        print_report(result)


score.add_command(evidence_command)
