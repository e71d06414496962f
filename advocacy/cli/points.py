"""``advocacy points``: list, show, lint and start talking points."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from advocacy.cli import AppContext, pass_app
from advocacy.cli._options import lang_option

if TYPE_CHECKING:
    from advocacy.errors import Diagnostic
    from advocacy.library import LintReport, LoadedPoint


@click.group(
    epilog="""\b
Examples:
  advocacy points list
  advocacy points show cps-code-of-ethics
  advocacy points new peer-mentoring --category training --dir my_points/
  advocacy --library my_points points lint
"""
)
def points() -> None:
    """Browse, check and write talking points.

    The active library is the built-in one plus folders given with
    --library or ADVOCACY_LIBRARY.
    """


@points.command(
    "list",
    epilog="""\b
Examples:
  advocacy points list
  advocacy points list --category retention --status approved
  advocacy points list --json | jq '.[].id'
""",
)
@click.option("--category", metavar="SLUG", help="Only points in this category.")
@click.option("--tag", metavar="TAG", help="Only points with this tag.")
@click.option(
    "--status", type=click.Choice(["draft", "approved", "retired"]), help="Only this status."
)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array instead of a table.")
@pass_app
def list_points(
    app: AppContext, category: str | None, tag: str | None, status: str | None, as_json: bool
) -> None:
    """List the talking points of the active library."""
    from advocacy.cli._output import err, out, print_json, untrusted
    from advocacy.library import BUILTIN

    library = app.load_library()
    if category is not None and category not in library.categories:
        from advocacy.errors import AdvocacyError, did_you_mean

        raise AdvocacyError(
            f"unknown category {category!r}",
            hint=did_you_mean(category, library.categories)
            or "categories: " + ", ".join(sorted(library.categories)),
        )
    chosen = library.select(category=category, tag=tag, status=status)
    if as_json:
        print_json([_summary(lp) for lp in chosen])
        return
    if not chosen:
        err().print("No talking points match.")
        return
    from rich import box
    from rich.table import Table

    show_source = any(lp.source != BUILTIN for lp in chosen)
    table = Table(title=f"{len(chosen)} talking points", title_justify="left", box=box.SIMPLE_HEAD)
    table.add_column("id", style="bold", no_wrap=True)
    table.add_column("title", ratio=1, min_width=16)
    table.add_column("category", no_wrap=True)
    table.add_column("status")
    if show_source:
        table.add_column("source", overflow="fold")
    for lp in chosen:
        row = [lp.point.id, untrusted(lp.point.title), lp.point.category, lp.point.status]
        table.add_row(*row, *([untrusted(lp.source)] if show_source else []))
    out().print(table)


def _summary(lp: LoadedPoint) -> dict[str, object]:
    return {
        "id": lp.point.id,
        "title": lp.point.title,
        "category": lp.point.category,
        "status": lp.point.status,
        "tags": list(lp.point.tags),
        "source": lp.source,
        "path": str(lp.path),
    }


@points.command(
    "show",
    epilog="""\b
Examples:
  advocacy points show peer-supervisors
  advocacy points show peer-supervisors --json
  advocacy points show peer-supervisors --lang es
""",
)
@click.argument("point_id", metavar="ID")
@click.option("--json", "as_json", is_flag=True, help="Print the point as JSON.")
@lang_option("Show the point's texts in this language, e.g. es.")
@pass_app
def show_point(app: AppContext, point_id: str, as_json: bool, lang: str | None) -> None:
    """Show one talking point: its text, ask, sources and evaluation."""
    from advocacy.cli._output import out, print_json, untrusted

    library = app.load_library()
    lp = library.get(point_id)
    if as_json:
        print_json({**lp.point.model_dump(mode="json"), "source": lp.source, "path": str(lp.path)})
        return
    from rich.markdown import Markdown
    from rich.panel import Panel

    from advocacy.cli._options import warn_untranslated
    from advocacy.i18n import localized_point

    p = lp.point
    text = localized_point(p, lang or "en")
    if text.fallback:
        warn_untranslated([(p.id, text.fallback)], lang or "en")
    category = library.categories.get(p.category)
    console = out()
    console.print(
        Panel(f"[bold]{untrusted(text.title)}[/bold]\n{untrusted(text.summary)}", expand=False)
    )
    console.print(
        f"[dim]id[/dim] {p.id}  [dim]category[/dim] {untrusted(category.title if category else p.category)}"
        f"  [dim]status[/dim] {p.status}"
        + (f"  [dim]reviewed[/dim] {p.reviewed.isoformat()}" if p.reviewed else "")
        + f"\n[dim]from[/dim] {untrusted(lp.source)}: {untrusted(str(lp.path))}",
        soft_wrap=True,
    )
    console.print()
    console.print(Markdown(untrusted(text.body, markup=False)))
    console.print()
    if text.recommendation or text.rationale:
        console.print("[bold]What a letter asks the agency[/bold]")
        letter = " ".join(t for t in (text.recommendation, text.rationale) if t)
        console.print(Markdown(untrusted(letter, markup=False)))
        for audience, worded in sorted(text.recommendations.items()):
            console.print(f"[dim]to a {audience}:[/dim] {untrusted(worded)}", soft_wrap=True)
        console.print()
    console.print("[bold]The ask[/bold] [dim](what every bid should explain)[/dim]")
    console.print(Markdown(untrusted(text.ask, markup=False)))
    if p.sources:
        console.print("\n[bold]Sources[/bold]")
        for src in p.sources:
            year = f" ({src.year})" if src.year else ""
            link = f" {src.url}" if src.url else ""
            console.print(
                f"• {untrusted(src.title)}, {untrusted(src.publisher)}{year}{untrusted(link)}"
            )
    if p.evaluation:
        ev = p.evaluation
        console.print(
            f"\n[bold]Evaluation[/bold] (weight {ev.weight:g}"
            + (", mandatory" if ev.mandatory else "")
            + f")\n{untrusted(text.question or ev.question)}"
        )
        for item in text.look_for:
            console.print(f"  ☐ {untrusted(item)}")
        for flag, why in text.red_flags:
            console.print(f"  [red]⚑[/red] {untrusted(flag)} [dim]— {untrusted(why)}[/dim]")


@points.command(
    "lint",
    epilog="""\b
Examples:
  advocacy points lint                      # the whole active library
  advocacy points lint my_points/ new.yaml  # just these
  advocacy points lint --strict --format github
  advocacy points lint --lang es            # and Spanish coverage
""",
)
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path), metavar="[PATH]...")
@click.option("--strict", is_flag=True, help="Fail (exit 1) on warnings too.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "github"]),
    default="text",
    show_default=True,
    help="github prints GitHub Actions annotations.",
)
@click.option(
    "--today",
    type=click.DateTime(["%Y-%m-%d"]),
    help="Judge staleness as of this date (YYYY-MM-DD) instead of today.",
)
@lang_option("Also report translation coverage for this language, e.g. es.")
@pass_app
def lint_points(
    app: AppContext,
    paths: tuple[Path, ...],
    strict: bool,
    fmt: str,
    today: dt.datetime | None,
    lang: str | None,
) -> None:
    """Check talking-point files and report every problem with its place.

    With no PATH, checks the whole active library. Errors: invalid YAML,
    schema violations, duplicate keys and ids, id not matching the file name,
    unknown related ids and categories. Warnings: approved points without
    sources, a review date over 12 months old, bodies over 400 words, garbled
    text, and approved points without an evaluation block.

    Exit status: 0 clean, 1 errors (or warnings with --strict).
    """
    from advocacy.library import lint_library, lint_paths

    day = today.date() if today else None
    sources = app.sources()
    report = lint_paths(list(paths), sources, day) if paths else lint_library(sources, day)
    coverage = report.coverage(lang) if lang else None
    if fmt == "json":
        from advocacy.cli._output import print_json

        data: dict[str, object] = {
            "files": report.files,
            "errors": len(report.errors),
            "warnings": len(report.warnings),
            "diagnostics": [d.to_dict() for d in report.diagnostics],
        }
        if coverage is not None:
            data["coverage"] = {"lang": lang, "complete": coverage[0], "missing": coverage[1]}
        print_json(data)
    elif fmt == "github":
        from advocacy.cli._output import untrusted

        for diag in report.diagnostics:
            click.echo(untrusted(_github_annotation(diag), markup=False))
    else:
        _print_text_report(report)
    if coverage is not None and fmt != "json":
        from advocacy.cli._output import err

        done, missing = coverage
        err().print(
            f"{lang}: {len(done)} of {len(done) + len(missing)} approved points have a complete "
            "translation" + (f"; missing: {', '.join(missing)}" if missing else ""),
            soft_wrap=True,
        )
    if report.failed(strict):
        sys.exit(1)


def _print_text_report(report: LintReport) -> None:
    from advocacy.cli._output import err, print_diagnostics

    print_diagnostics(report.diagnostics, stdout=True)
    n_err, n_warn = len(report.errors), len(report.warnings)
    files = f"{report.files} file{'s' if report.files != 1 else ''}"
    if not n_err and not n_warn:
        err().print(f"[green]✓[/green] {files} checked: no problems")
    else:
        err().print(f"{files} checked: {n_err} error(s), {n_warn} warning(s)")


def _github_annotation(diag: Diagnostic) -> str:
    def prop(value: str) -> str:
        return (
            value.replace("%", "%25")
            .replace("\r", "%0D")
            .replace("\n", "%0A")
            .replace(":", "%3A")
            .replace(",", "%2C")
        )

    def data(value: str) -> str:
        return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

    parts = [f"file={prop(diag.file)}"]
    if diag.line is not None:
        parts.append(f"line={diag.line}")
    if diag.column is not None:
        parts.append(f"col={diag.column}")
    parts.append(f"title={prop('advocacy ' + (diag.code or 'lint'))}")
    message = diag.message + (f"\n{diag.hint}" if diag.hint else "")
    return f"::{diag.severity.value} {','.join(parts)}::{data(message)}"


@points.command(
    "new",
    epilog="""\b
Examples:
  advocacy points new peer-mentoring --category training --title "Peer mentoring"
  advocacy points new peer-mentoring --dir my_points/   # asks for the rest
""",
)
@click.argument("point_id", metavar="ID")
@click.option("--category", metavar="SLUG", help="Category slug (asked for if missing).")
@click.option("--title", help="Title (asked for if missing).")
@click.option(
    "--dir",
    "folder",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="Folder to write ID.yaml in (created if missing).",
)
@click.option(
    "--interactive/--no-interactive",
    default=None,
    help="Ask for missing values (default: only on a terminal).",
)
@pass_app
def new_point(
    app: AppContext,
    point_id: str,
    category: str | None,
    title: str | None,
    folder: Path,
    interactive: bool | None,
) -> None:
    """Write a commented template for a new talking point to DIR/ID.yaml.

    Fill in the empty fields, then run 'advocacy points lint' on the file.
    Never overwrites an existing file.
    """
    from advocacy.cli._output import success, untrusted
    from advocacy.errors import AdvocacyError, did_you_mean
    from advocacy.scaffold import write_new_point

    if interactive is None:
        interactive = sys.stdin.isatty()
    for value, flag in ((category, "--category"), (title, "--title")):
        if value is None and not interactive:
            raise click.UsageError(f"{flag} is required when not run on a terminal")
    library = app.load_library()
    if category is None:
        category = click.prompt(
            "Category", type=click.Choice(sorted(library.categories)), show_choices=True
        )
    elif category not in library.categories:
        raise AdvocacyError(
            f"unknown category {category!r}",
            hint=did_you_mean(category, library.categories)
            or "categories: " + ", ".join(sorted(library.categories)),
        )
    if title is None:
        title = click.prompt("Title")
    if point_id in library.points:
        existing = library.points[point_id]
        click.echo(
            f"note: {point_id!r} exists in {untrusted(existing.source, markup=False)}; your file "
            "will override it "
            "when its folder is passed with --library.",
            err=True,
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise AdvocacyError(f"cannot create the folder: {exc.strerror or exc}", folder) from None
    path = write_new_point(folder, point_id, category, title, dt.date.today())
    success(f"wrote {path}; fill in the empty fields, then: advocacy points lint {path}")
