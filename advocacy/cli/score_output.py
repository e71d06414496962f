"""How ``advocacy score report`` writes its report to a file or prints it on the terminal."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from advocacy.evaluate import ScoreReport
    from advocacy.render import OutputFormat


def write_report(
    result: ScoreReport, out: Path, force: bool, reference_doc: Path | None, lang: str
) -> None:
    import json

    from advocacy.atomic import write_atomic
    from advocacy.cli._output import success
    from advocacy.csvout import csv_text
    from advocacy.errors import AdvocacyError
    from advocacy.evaluate import report_dict, report_rows
    from advocacy.render import format_for
    from advocacy.render.formats import registry, suffixes

    suffix = out.suffix.lower()
    if suffix not in (*suffixes(), ".csv", ".json"):
        names = ", ".join(s for f in registry().values() for s in f.suffixes[:1])
        raise AdvocacyError(
            f"cannot tell the report format from {out.name!r}",
            hint=f"name the file {names}, .csv or .json",
        )
    if suffix == ".csv":
        write_atomic(out, csv_text(report_rows(result)), force=force)
    elif suffix == ".json":
        text = json.dumps(report_dict(result, lang), indent=2, ensure_ascii=False) + "\n"
        write_atomic(out, text, force=force)
    else:
        _render_with_charts(result, out, force, reference_doc, lang, format_for(out))
    success(f"wrote {out}")


def _render_with_charts(
    result: ScoreReport,
    out: Path,
    force: bool,
    reference_doc: Path | None,
    lang: str,
    fmt: OutputFormat,
) -> None:
    """The report with its charts: PNG files beside a Markdown report, embedded in
    any other format (drawn in a temporary folder the writer reads them from)."""
    import tempfile

    from advocacy.atomic import check_writable
    from advocacy.evaluate import report_markdown
    from advocacy.evaluate.charts import write_charts
    from advocacy.render import render

    check_writable(out, force)
    if fmt.name == "md":
        charts = write_charts(result, out, force, lang)
        render(report_markdown(result, lang=lang, charts=charts), fmt, out, reference_doc, force)
        return
    with tempfile.TemporaryDirectory(prefix="advocacy-charts-") as folder:
        charts = write_charts(result, Path(folder) / out.name, False, lang)
        markdown = report_markdown(result, lang=lang, charts=charts)
        render(markdown, fmt, out, reference_doc, force, "score report", base_dir=Path(folder))


def print_report(result: ScoreReport) -> None:
    from rich import box
    from rich.table import Table

    from advocacy.cli._output import out, untrusted
    from advocacy.evaluate.documents import criterion_titles

    console = out()
    titles = {k: untrusted(v) for k, v in criterion_titles(result.rubric, "en").items()}
    ranking = result.ranking()
    table = Table(
        title=untrusted(result.rubric.rubric.title), box=box.SIMPLE_HEAD, title_justify="left"
    )
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("bid", ratio=1)
    table.add_column("points", justify="right", no_wrap=True)
    table.add_column("%", justify="right", no_wrap=True)
    table.add_column("mandatory", no_wrap=True)
    for rank, b in enumerate(ranking, start=1):
        table.add_row(
            str(rank),
            untrusted(b.bid),
            f"{b.total:.2f}/{b.max_total:.2f}",
            f"{b.percent:.0f}",
            {True: "met", False: "[red]NOT MET[/red]", None: "not known"}[b.meets_mandatory],
        )
    console.print(table)
    if result.allow_incomplete and any(not b.complete for b in ranking):
        console.print("[yellow]Incomplete bids are ranked (--allow-incomplete).[/yellow]")
    for b in result.unranked():
        console.print(f"[yellow]not ranked, incomplete:[/yellow] {untrusted(b.bid)}")
    for s in result.undeclared:
        console.print(
            f"[yellow]left out, no conflict-of-interest declaration:[/yellow] "
            f"{untrusted(s.path)} ({untrusted(s.sheet.reviewer)}, {untrusted(s.sheet.bid)})"
        )
    for declarer, bid, what in result.conflicts:
        console.print(
            f"conflict declared by {untrusted(declarer)} for {untrusted(bid)}: {untrusted(what)}"
        )
    for b in [*ranking, *result.unranked()]:
        console.print(
            f"\n[bold]{untrusted(b.bid)}[/bold] [dim]({untrusted('; '.join(b.reviewers))})[/dim]"
        )
        details = Table(box=None, show_header=False, padding=(0, 1, 0, 2))
        details.add_column(no_wrap=True)
        details.add_column(ratio=1)
        if b.meets_mandatory is False:
            details.add_row(
                "[red]✗[/red]",
                "[red]does not meet mandatory requirements:[/red] "
                + "; ".join(titles[c] for c in b.mandatory_failed),
            )
        if b.unscored:
            details.add_row("?", "not yet scored: " + "; ".join(titles[c] for c in b.unscored))
        for reviewer, gaps in b.gaps.items():
            missing = "; ".join(f"{titles[c]} ({what})" for c, what in gaps)
            details.add_row("?", f"{untrusted(reviewer)}'s sheet is incomplete: {missing}")
        for check in b.checks:
            mark = {True: "[green]✓[/green]", False: "[red]✗[/red]", None: "?"}[check.passed]
            details.add_row(mark, f"{titles[check.criterion]}: {untrusted(check.message)}")
        for criterion, flag, who, _computed in b.grouped_flags:
            details.add_row(
                "[red]⚑[/red]",
                f"{titles[criterion]}: {untrusted(flag)} [dim]({untrusted('; '.join(who))})[/dim]",
            )
        for r in b.disagreements:
            scores = ", ".join(f"{untrusted(x.reviewer)} {x.score}" for x in r.reviews)
            settled = f" → consensus {r.consensus}" if r.consensus is not None else ""
            details.add_row(
                "[yellow]≠[/yellow]", f"discuss {titles[r.criterion.id]}: {scores}{settled}"
            )
        console.print(details)
    if len(ranking) > 1:
        matrix = Table(
            title="Criterion by bid (final scores)", box=box.SIMPLE_HEAD, title_justify="left"
        )
        matrix.add_column("criterion", ratio=1)
        for b in ranking:
            matrix.add_column(untrusted(b.bid), justify="right")
        for row in result.rubric.criteria:
            cells = []
            for b in ranking:
                r = next(x for x in b.results if x.criterion.id == row.id)
                cells.append("–" if r.final is None else f"{r.final:.2f}")
            matrix.add_row(titles[row.id], *cells)
        console.print()
        console.print(matrix)
    _print_analysis(result, titles)


def _print_analysis(result: ScoreReport, titles: dict[str, str]) -> None:
    """The agreement and sensitivity lines of the report's first page."""
    from advocacy.cli._output import out, untrusted
    from advocacy.evaluate.export import analysis_dict

    console = out()
    data = analysis_dict(result)
    overall = data["agreement"]["overall"]
    alpha = (
        overall["verdict"]
        if overall["alpha"] is None
        else (f"{overall['alpha']:.2f} ({overall['verdict']})")
    )
    low = data["agreement"]["low"]
    console.print(
        f"\nAgreement (Krippendorff's alpha, ordinal; reliable >= 0.800, tentative >= 0.667): "
        f"{alpha}" + (f"; low on {'; '.join(titles[c] for c in low)}: discuss" if low else "")
    )
    held = data["sensitivity"]
    if held["winner"] is None:
        return
    smallest = next((c for c in held["weight_changes"] if c["criterion"] == held["smallest"]), None)
    if smallest is None:
        console.print("No change of a single criterion's weight changes first place.")
    else:
        console.print(
            f"First place changes at {smallest['change']:+.0%} on the weight of "
            f"{titles[smallest['criterion']]} ({untrusted(smallest['rival'])} draws level)."
        )
    stability = "; ".join(
        f"{untrusted(bid)} {share:.0%}" for bid, share in held["stability"].items()
    )
    console.print(f"Rank kept with weights varied ±25% ({held['runs']:,} runs): {stability}")
