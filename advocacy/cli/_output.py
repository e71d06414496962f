"""Printing for the CLI: data to stdout, messages to stderr, one error format.

Rich is imported lazily so that ``advocacy --help`` stays fast, and only for
output that needs it (tables, coloured diagnostics, progress): a one-line
status such as "✓ wrote letter.docx" goes through Click, which costs nothing
to import, so a plain build does not load Rich at all. Both honour
``NO_COLOR`` and drop colour and animation when output is not a terminal, so
``advocacy … --json | jq`` always gets plain data.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from rich.console import Console

    from advocacy.errors import Diagnostic


#: What Rich reads from the environment when a console is made: a console is
#: made again when one of them changes (as a test's environment does).
_CONSOLE_ENV = ("COLUMNS", "LINES", "NO_COLOR", "FORCE_COLOR", "TERM", "TTY_COMPATIBLE")


@cache
def _consoles(environment: tuple[str | None, ...]) -> tuple[Console, Console]:
    from rich.console import Console

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            # Rich would exit with status 1; the CLI's one handler ends quietly with 0.
            raise BrokenPipeError

    return _Console(highlight=False), _Console(stderr=True, highlight=False)


def _environment() -> tuple[str | None, ...]:
    return tuple(os.environ.get(name) for name in _CONSOLE_ENV)


def out() -> Console:
    """The console for data and reports (stdout)."""
    console = _consoles(_environment())[0]
    console.file = sys.stdout  # follow redirection (CliRunner swaps sys.stdout)
    return console


def err() -> Console:
    """The console for messages, warnings and progress (stderr)."""
    console = _consoles(_environment())[1]
    console.file = sys.stderr
    return console


# ESC-introduced sequences (CSI, OSC such as OSC-8 links, and two-byte escapes),
# then any other C0/C1 control or Unicode bidi override left over.
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[PX^_][^\x1b]*(?:\x1b\\)?|[@-Z\\-_])"
    r"|\x9b[0-?]*[ -/]*[@-~]|\x9d[^\x07\x9c]*[\x07\x9c]?"
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def untrusted(text: object, markup: bool = True) -> str:
    """Text from a file, made safe to print: no escape sequences, no Rich markup.

    Bids, talking points and CSVs come from other people. An escape sequence
    in them could clear the screen, recolour or hide lines, or plant a link,
    so a hostile bid could fake or hide findings. Every piece of file text the
    CLI prints to a console goes through here; JSON output keeps the text.
    ``markup=False`` leaves square brackets alone, for text that is not read
    as Rich markup (``click.echo``, Rich's ``Markdown``).
    """
    cleaned = _CONTROL.sub("", _ESCAPE_SEQUENCE.sub("", str(text)))
    if not markup:
        return cleaned
    from rich.markup import escape

    return escape(cleaned)


def print_json(data: Any) -> None:
    """Machine-readable output: plain JSON on stdout, stable key order."""
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")


def print_diagnostics(diagnostics: Iterable[Diagnostic], stdout: bool = False) -> None:
    """``file:line:col: error: message`` lines (and hints), on stderr unless ``stdout``.

    Written through Click a few hundred lines at a time: a library with
    thousands of findings prints at once, and printing warnings does not load
    Rich. Colour only on a terminal, and never under ``NO_COLOR``.
    """
    lines: list[str] = []
    for diag in diagnostics:  # messages quote file text: names, cells, ids
        severity = click.style(
            diag.severity.value, fg="red" if diag.severity.value == "error" else "yellow"
        )
        code = click.style(f" [{_plain(diag.code)}]", dim=True) if diag.code else ""
        where = click.style(_plain(diag.location), bold=True) + ": " if diag.file else ""
        lines.append(f"{where}{severity}: {_plain(diag.message)}{code}")
        if diag.hint:
            lines.append(f"  {click.style('hint:', dim=True)} {_plain(diag.hint)}")
        if len(lines) >= 500:
            _echo("\n".join(lines), stdout)
            lines.clear()
    if lines:
        _echo("\n".join(lines), stdout)


def note(message: str, mark: str = "", colour: str | None = None) -> None:
    """One plain status line on stderr, ``mark`` in ``colour`` on a terminal; the
    message is made safe to print (it may quote a file's name or text)."""
    message = _plain(message)
    if mark:
        message = f"{click.style(mark, fg=colour)} {message}"
    _echo(message, stdout=False)


def _plain(text: object) -> str:
    return untrusted(text, markup=False)


def _echo(text: str, stdout: bool) -> None:
    """Click strips the colour when the stream is not a terminal; ``NO_COLOR`` always."""
    click.echo(text, err=not stdout, color=False if os.environ.get("NO_COLOR") else None)


def success(message: str) -> None:
    note(message, "✓", "green")
