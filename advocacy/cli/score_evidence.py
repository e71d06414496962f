"""``advocacy score evidence``: where a bid meets or misses each criterion, explained."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from advocacy.cli import AppContext, pass_app
from advocacy.cli._options import FILE

if TYPE_CHECKING:
    from advocacy.evidence.finder import EvidenceReport
    from advocacy.evidence.findings import NotCounted
    from advocacy.evidence.reading import Passage

READ_THESE_SHOWN = 15


@click.command(
    "evidence",
    epilog="""\b
Examples:
  advocacy score evidence examples/ma-dmh-cbfs/bids/weak-bid.pdf
  advocacy score evidence bid.docx --rubric examples/ma-dmh-cbfs/rubric.yaml --sheet my-sheet.yaml
  advocacy score evidence --rubric job-description job-posting.docx
  advocacy score evidence bid.pdf --json | jq '.not_addressed'

\b
Matching: look-for and red-flag phrases come from the talking points'
evaluation blocks ('match'), and '@name' there stands for a concept of the
shared vocabulary (templates/evidence/concepts.yaml), in English and Spanish.
Words match ignoring case and endings (Snowball stemmers); word* matches a
prefix; =word that form only; a|b either word; '...' up to five words
between, '~' up to ten in the same sentence. Concepts pair word classes (a
handling verb near a medication noun); on a line of a duties list a bare
object ("Medication packs") is enough. A match after a negation in the same
clause ("will not administer medication"), in a list under an excluding
lead-in ("does not include:"), softened by "preferred" (also in a heading
such as "Qualifications: Preferred"), or next to words that change its
meaning ("decisions about medication") is shown as not counted, with the
reason.
""",
)
@click.argument("bid_file", metavar="BIDFILE", type=FILE)
@click.option(
    "--rubric",
    "rubric_name",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="RUBRIC",
    help="A rubric file, or a shipped rubric's name (job-description). "
    "Default: every approved point.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the findings as JSON.")
@click.option(
    "--sheet",
    type=FILE,
    metavar="SHEET.yaml",
    help="Add the passages' locations to this score sheet's evidence fields "
    "(scores, comments and layout are left exactly as they are).",
)
@click.option(
    "--top",
    type=click.IntRange(1, 20),
    default=3,
    show_default=True,
    help="Passages to show per criterion.",
)
@click.option(
    "--learned/--no-learned",
    default=True,
    show_default=True,
    help="Also read each sentence with the readers learned from the labelled corpus: "
    "likely red flags and likely evidence in words no phrase knows (marked, with their "
    "chance; the flags listed apart, with the words that weighed most). They never "
    "overrule a phrase. --no-learned: only what a phrase explains.",
)
@pass_app
def evidence(
    app: AppContext,
    bid_file: Path,
    rubric_name: Path | None,
    as_json: bool,
    sheet: Path | None,
    top: int,
    learned: bool,
) -> None:
    """Show where a bid meets or misses each criterion, red flags first.

    Reads DOCX, PDF, Markdown or text. For each criterion: the passages that
    look like evidence (location, nearest heading, matched words
    highlighted, the phrase or concept that matched); red-flag duties with
    why they matter; matches not counted and why; a summary of each
    mandatory criterion; and the duty, pay and staffing lines it could not
    judge, to read yourself. An aid that cites excerpts, not a verdict: you still score.
    """
    from advocacy.cli._output import err, print_json, success, untrusted
    from advocacy.evaluate.sheets import load_sheet, sheets_rubric
    from advocacy.evidence import add_evidence, find_evidence, read_bid, report_dict

    # Without --rubric, a sheet's own rubric is the one to search with.
    sheets = [load_sheet(sheet)] if sheet is not None and rubric_name is None else []
    rubric = sheets_rubric(app.load_library(), rubric_name, sheets)
    report = find_evidence(read_bid(bid_file), rubric, top=top, learned=learned)
    for message in report.warnings:
        err().print(f"[yellow]warning:[/yellow] {untrusted(message)}", soft_wrap=True)
    if as_json:
        print_json(report_dict(report))
    else:
        _print_evidence(report)
    if sheet is not None:
        added = add_evidence(sheet, report)
        success(f"added {added} evidence entr{'y' if added == 1 else 'ies'} to {sheet}")


def _highlight(text: str, spans: list[tuple[int, int]]) -> str:  # -> Rich markup
    from advocacy.cli._output import untrusted

    out, last = [], 0
    for start, end in sorted(spans):
        if start < last:
            continue
        out += [untrusted(text[last:start]), f"[bold yellow]{untrusted(text[start:end])}[/]"]
        last = end
    return "".join(out) + untrusted(text[last:])


def _label(phrase: str) -> str:
    """A phrase as the reviewer reads it: a concept by its name, a phrase in quotes,
    the learned model as itself."""
    from advocacy.evidence.learned import LEARNED

    if phrase == LEARNED:
        return phrase
    return phrase.split(":", 1)[0] if phrase.startswith("@") else f"“{phrase}”"


def _shown(passage: Passage, spans: tuple[tuple[int, int], ...]) -> str:
    from advocacy.evidence.report import EXCERPT_CHARS, excerpt_window

    start, end = excerpt_window(passage.text, spans, EXCERPT_CHARS)
    local = [(a - start, b - start) for a, b in spans if a >= start and b <= end]
    return (
        ("…" if start else "")
        + _highlight(passage.text[start:end], local)
        + ("…" if end < len(passage.text) else "")
    )


#: Other places of a repeated match not counted, named in its row before "and N more".
PLACES_NAMED = 5


def _elsewhere(more: list[NotCounted]) -> str:
    """The other places where the same sentence was not counted, for the same reason."""
    if not more:
        return ""
    from advocacy.cli._output import untrusted

    named = ", ".join(untrusted(n.passage.location) for n in more[:PLACES_NAMED])
    rest = f" and {len(more) - PLACES_NAMED} more" if len(more) > PLACES_NAMED else ""
    return f"\n[dim]the same at {named}{rest}[/dim]"


def _print_evidence(report: EvidenceReport) -> None:
    from rich import box
    from rich.table import Table

    from advocacy.cli._output import out, untrusted

    console = out()
    bid = report.bid
    pages = f", {bid.pages} pages" if bid.pages else ""
    console.print(
        f"[bold]{untrusted(bid.path.name)}[/bold] ({bid.kind}{pages}, "
        f"{len(bid.passages)} passages) against {untrusted(report.rubric.rubric.title)}"
    )
    _print_summary(report)
    for title, learned in (("Red flags", False), ("Likely red flags (learned model)", True)):
        found = [f for f in report.red_flags if f.learned is learned]
        if not found:
            continue
        flags = Table(
            title=title, title_justify="left", box=box.SIMPLE_HEAD, title_style="bold red"
        )
        flags.add_column("where", no_wrap=False, max_width=22)
        flags.add_column("red flag and passage", ratio=1)
        for f in found:
            how = f"{f.chance:.0%} likely" if f.learned else f"matched {_label(f.phrase)}"
            flags.add_row(
                untrusted(f.passage.where),
                f"[red]⚑ {untrusted(f.flag)}[/red] [dim]({untrusted(f.criterion)}; "
                f"{untrusted(how)})[/dim]\n{_shown(f.passage, f.spans)}\n"
                f"[dim]{untrusted(f.why)}[/dim]",
            )
        console.print(flags)
    if report.not_counted:
        table = Table(title="Matches not counted", title_justify="left", box=box.SIMPLE_HEAD)
        table.add_column("where", max_width=22)
        table.add_column("why not counted, and the passage", ratio=1)
        # the same sentence, not counted for the same reason in many places (a boilerplate
        # paragraph in every section): one row, with the other places (the JSON lists each)
        alike: dict[tuple[str, str, str, str, str], list[NotCounted]] = {}
        for n in report.not_counted:
            alike.setdefault((n.criterion, n.kind, n.item, n.reason, n.passage.text), []).append(n)
        for n, *more in alike.values():
            kind = "red flag" if n.kind == "red_flag" else "evidence"
            table.add_row(
                untrusted(n.passage.where),
                f"[dim]not counted ({untrusted(n.reason)}): {kind} "
                f"“{untrusted(n.item)}”, matched {untrusted(_label(n.phrase))}[/dim]\n"
                f"{_shown(n.passage, n.spans)}{_elsewhere(more)}",
            )
        console.print(table)
    for c in report.criteria:
        if not c.hits:
            continue
        table = Table(
            title=f"{untrusted(c.criterion.title)} [dim]({untrusted(c.criterion.id)})[/dim]",
            title_justify="left",
            box=box.SIMPLE_HEAD,
        )
        table.add_column("where", max_width=22)
        table.add_column("passage", ratio=1)
        for h in c.hits:
            why = ", ".join(dict.fromkeys(_label(p) for p in h.phrases))
            if h.chance is not None:
                why += f", {h.chance:.0%} likely evidence: read it and judge"
            table.add_row(
                untrusted(h.passage.where),
                f"{_shown(h.passage, h.spans)}\n[dim]matched {untrusted(why)}[/dim]",
            )
        console.print(table)
        if c.missing:
            console.print("  [dim]not found: " + untrusted("; ".join(c.missing)) + "[/dim]")
    if report.unaddressed:
        console.print("\n[bold]The bid does not appear to address:[/bold]")
        for c in report.unaddressed:
            console.print(
                f"  • {untrusted(c.criterion.title)} [dim]({untrusted(c.criterion.id)})[/dim]"
            )
    if report.unmatched:
        console.print(
            "\n[bold]Read these:[/bold] duty, pay, staffing and supervision lines that raised "
            "no red flag and are not cited (the finder may not know their wording)"
        )
        for p, spans in list(zip(report.unmatched, report.read_spans, strict=True))[
            :READ_THESE_SHOWN
        ]:
            text = " … ".join(p.text[a:b].strip() for a, b in spans)
            console.print(f"  • {untrusted(p.where)}: {untrusted(text[:140])}")
        if len(report.unmatched) > READ_THESE_SHOWN:
            console.print(f"  … and {len(report.unmatched) - READ_THESE_SHOWN} more (--json)")


def _print_summary(report: EvidenceReport) -> None:
    """One line per mandatory criterion, instead of a bare "no red flags found"."""
    from advocacy.cli._output import out, untrusted

    console = out()
    rows = report.summary()
    if not rows:
        return
    console.print("\n[bold]Mandatory criteria[/bold]")
    for criterion, flags, learned, hits, learned_hits, excluded in rows:
        if flags:
            state = f"[red]{flags} red flag{'s' if flags != 1 else ''}[/red]"
            if learned:
                state += f" [dim]({learned} from the learned model)[/dim]"
        elif hits:
            state = "[green]no red flag matched[/green], evidence found"
        else:
            state = "[yellow]no red flag matched, but no evidence either: read the bid[/yellow]"
        more = f" ({learned_hits} from the learned model)" if learned_hits else ""
        more += f"; {excluded} match{'es' if excluded != 1 else ''} not counted" if excluded else ""
        console.print(
            f"  • {untrusted(criterion.title)} [dim]({untrusted(criterion.id)})[/dim]: "
            f"{state}, {hits} passage{'s' if hits != 1 else ''} of evidence{more}"
        )
