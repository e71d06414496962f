"""Options shared by every command that writes a document, and the one way to write it."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:
    from advocacy.render import Format

F = TypeVar("F", bound=Callable[..., Any])

#: A file argument or option (not a folder), as a Path.
FILE = click.Path(dir_okay=False, path_type=Path)

template_dir_option = click.option(
    "--template-dir",
    type=click.Path(file_okay=False, path_type=Path),
    metavar="DIR",
    help="Folder of your own templates; they override the shipped ones by name.",
)


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


def resolve_output(
    options: OutputOptions, default: Path | None = None
) -> tuple[Path | None, Format]:
    """Where to write (``None``: Markdown on stdout) and in which format."""
    from advocacy.errors import AdvocacyError
    from advocacy.render import format_for

    out = options.out or default
    to_stdout = out is None or str(out) == "-"
    fmt = format_for(None if to_stdout else out, options.fmt)
    if to_stdout and fmt == "docx":
        raise AdvocacyError("a DOCX file cannot go to the terminal", hint="pass -o FILE.docx")
    return (None if to_stdout else out), fmt


def emit(data: bytes, out: Path | None) -> None:
    """Markdown to stdout, or say what was written."""
    from advocacy.cli._output import success, untrusted

    if out is None:
        text = data.decode("utf-8")  # on a terminal, no escape sequence from a file gets through
        sys.stdout.write(untrusted(text, markup=False) if sys.stdout.isatty() else text)
    else:
        success(f"wrote {out} ({len(data):,} bytes)")


def _check_language(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    import re

    if value is None:
        return None
    from advocacy.i18n import known_language
    from advocacy.models.base import LANGUAGE_PATTERN

    if not re.match(LANGUAGE_PATTERN, value) or not known_language(value):
        raise click.BadParameter(f"{value!r} is not a known language tag such as 'es' or 'en'")
    return value


def lang_option(help_text: str) -> Callable[[F], F]:
    """``--lang``: the language of a document (BCP 47 tag)."""
    return click.option("--lang", metavar="LANG", callback=_check_language, help=help_text)


def warn_untranslated(items: list[tuple[str, list[str]]], lang: str) -> None:
    """Say on the terminal which points fell back to English (never silently)."""
    from advocacy.cli._output import err

    for point_id, missing in items:
        what = "no translation" if missing == ["all"] else "no translation of " + ", ".join(missing)
        err().print(
            f"[yellow]warning:[/yellow] {point_id} has {what} in {lang!r}; English is shown "
            "(marked in the document)",
            soft_wrap=True,
        )
