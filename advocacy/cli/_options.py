"""Options shared by every command that writes a document, and the one way to write it."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True)
class OutputOptions:
    out: Path | None
    fmt: str | None
    reference_doc: Path | None
    force: bool


def output_options(
    default_help: str = "Output file: .docx or .md; '-' for Markdown on stdout.",
) -> Callable[[F], F]:
    """``-o/--output``, ``--format``, ``--reference-doc``, ``--force``."""

    def decorate(func: F) -> F:
        options = [
            click.option(
                "-o",
                "--output",
                "out",
                type=click.Path(dir_okay=False, path_type=Path),
                metavar="FILE",
                help=default_help,
            ),
            click.option(
                "--format",
                "fmt",
                type=click.Choice(["md", "docx"]),
                help="Output format (default: from the -o suffix).",
            ),
            click.option(
                "--reference-doc",
                type=click.Path(dir_okay=False, path_type=Path),
                metavar="DOCX",
                help="Take styles, fonts, margins, header and footer from this "
                "Word file (your letterhead) instead of the built-in look.",
            ),
            click.option("--force", is_flag=True, help="Overwrite an existing output file."),
        ]
        for option in reversed(options):
            func = option(func)
        return func

    return decorate


def write_document(markdown: str, options: OutputOptions, source: str) -> None:
    """Render ``markdown`` as the options ask: to a file, or Markdown to stdout."""
    from advocacy.cli._output import success
    from advocacy.errors import AdvocacyError
    from advocacy.render import format_for, render

    fmt = format_for(options.out, options.fmt)
    to_stdout = options.out is None or str(options.out) == "-"
    if to_stdout and fmt == "docx":
        raise AdvocacyError("a DOCX file cannot go to the terminal", hint="pass -o FILE.docx")
    data = render(
        markdown,
        fmt,
        None if to_stdout else options.out,
        options.reference_doc,
        options.force,
        source,
    )
    if to_stdout:
        sys.stdout.write(data.decode("utf-8"))
    else:
        success(f"wrote {options.out} ({len(data):,} bytes)")
