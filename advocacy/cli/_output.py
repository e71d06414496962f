"""Printing for the CLI: data to stdout, messages to stderr, one error format.

Rich is imported lazily so that ``advocacy --help`` stays fast. Rich already
honours ``NO_COLOR`` and drops colour and animation when output is not a
terminal, so ``advocacy … --json | jq`` always gets plain data.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

    from advocacy.errors import Diagnostic


@cache
def _consoles() -> tuple[Console, Console]:
    from rich.console import Console

    return Console(highlight=False), Console(stderr=True, highlight=False)


def out() -> Console:
    """The console for data and reports (stdout)."""
    console = _consoles()[0]
    console.file = sys.stdout  # follow redirection (CliRunner swaps sys.stdout)
    return console


def err() -> Console:
    """The console for messages, warnings and progress (stderr)."""
    console = _consoles()[1]
    console.file = sys.stderr
    return console


def print_json(data: Any) -> None:
    """Machine-readable output: plain JSON on stdout, stable key order."""
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")


def print_diagnostics(diagnostics: Iterable[Diagnostic], console: Console | None = None) -> None:
    """``file:line:col: error: message`` lines (and hints), on stderr by default."""
    from rich.markup import escape

    console = console or err()
    for diag in diagnostics:
        colour = "red" if diag.severity.value == "error" else "yellow"
        code = f" [dim]\\[{escape(diag.code)}][/dim]" if diag.code else ""
        where = f"[bold]{escape(diag.location)}[/bold]: " if diag.file else ""
        console.print(
            f"{where}[{colour}]{diag.severity.value}[/{colour}]: {escape(diag.message)}{code}",
            soft_wrap=True,
        )
        if diag.hint:
            console.print(f"  [dim]hint:[/dim] {escape(diag.hint)}", soft_wrap=True)


def success(message: str) -> None:
    from rich.markup import escape

    err().print(f"[green]✓[/green] {escape(message)}", soft_wrap=True)
