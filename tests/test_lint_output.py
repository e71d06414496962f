"""Diagnostics print many lines per call, exactly as one call per line printed them."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from advocacy.cli._output import print_diagnostics, untrusted
from advocacy.errors import Diagnostic, error, warning

#: Texts that Rich could read as markup, emoji codes, escapes or wide characters.
TEXTS = [
    "plain",
    "with [bold]markup[/bold] and [link=x]y[/link]",
    "a backslash at the end \\",
    "emoji codes :smile: and :warning:",
    "an escape \x1b[31mred\x1b[0m",
    "ñ 漢字 👍",
    "long " * 40,
    "a cite [^kiva] and \\[x]",
    "[/]",
]


def diagnostics(count: int) -> list[Diagnostic]:
    found = []
    for i in range(count):
        text = TEXTS[i % len(TEXTS)]
        make = warning if i % 2 else error
        found.append(
            make(
                text,
                f"points/[{i}].yaml" if i % 3 else None,
                i or None,
                2 if i % 4 else None,
                hint=text if i % 5 else None,
                code="stale" if i % 2 else None,
            )
        )
    return found


def one_call_per_line(found: list[Diagnostic], console: Console) -> None:
    """How the lines were printed before: the reference output."""
    for diag in found:
        colour = "red" if diag.severity.value == "error" else "yellow"
        code = f" [dim]\\[{untrusted(diag.code)}][/dim]" if diag.code else ""
        where = f"[bold]{untrusted(diag.location)}[/bold]: " if diag.file else ""
        console.print(
            f"{where}[{colour}]{diag.severity.value}[/{colour}]: {untrusted(diag.message)}{code}",
            soft_wrap=True,
        )
        if diag.hint:
            console.print(f"  [dim]hint:[/dim] {untrusted(diag.hint)}", soft_wrap=True)


@pytest.mark.parametrize("terminal", [False, True], ids=["file", "terminal"])
def test_printed_in_batches_as_line_by_line(terminal: bool) -> None:
    found = diagnostics(700)  # more than one batch

    def render(printer) -> str:
        buffer = io.StringIO()
        options = {"force_terminal": True, "color_system": "truecolor"} if terminal else {}
        printer(found, Console(file=buffer, highlight=False, width=60, **options))
        return buffer.getvalue()

    expected = render(one_call_per_line)
    assert render(print_diagnostics) == expected
    assert expected.count("\n") > 1000 and ("\x1b[" in expected) is terminal
