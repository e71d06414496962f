"""Options shared by every command that writes a document, and the one way to write it.

Format choices and ``-o`` checks come from the output-format registry
(:mod:`advocacy.render.formats`).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])

#: A file argument or option (not a folder), as a Path.
FILE = click.Path(dir_okay=False, path_type=Path)

template_dir_option = click.option(
    "--template-dir",
    type=click.Path(file_okay=False, path_type=Path),
    metavar="DIR",
    help="Folder of your own templates; they override the shipped ones by name.",
)


reference_doc_option = click.option(
    "--reference-doc",
    type=FILE,
    metavar="DOCX",
    help="Take styles, fonts, margins, header and footer from this Word file "
    "(your letterhead) instead of the built-in look.",
)


def format_option(with_default: bool = False) -> Callable[[F], F]:
    """``--format``: one of the registered output formats (the default format if asked)."""
    from advocacy.render.formats import DEFAULT_FORMAT, names, registry

    default = DEFAULT_FORMAT if with_default else None
    kinds = "; ".join(f"{f.name}: {f.description}" for f in registry().values())
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(names()),
        default=default,
        show_default=default is not None,
        help=f"Output format ({kinds})." + ("" if default else " Default: from the -o suffix."),
    )


@dataclass(frozen=True)
class OutputOptions:
    out: Path | None
    fmt: str | None
    reference_doc: Path | None
    force: bool


def output_options(default: str = "") -> Callable[[F], F]:
    """``-o/--output``, ``--format``, ``--reference-doc``, ``--force``.

    ``default`` says in the help where the output goes without ``-o``; its
    ``{suffix}`` becomes the default format's suffix.
    """
    from advocacy.render.formats import DEFAULT_FORMAT, get_format, registry, suffixes

    stdout = " or ".join(f.name for f in registry().values() if f.to_stdout)
    help_text = f"Output file ({', '.join(suffixes())}); '-' for {stdout} on stdout."
    if default:
        help_text += " Default: " + default.format(suffix=get_format(DEFAULT_FORMAT).suffix) + "."

    def decorate(func: F) -> F:
        options = [
            click.option(
                "-o",
                "--output",
                "out",
                type=click.Path(dir_okay=False, path_type=Path),
                metavar="FILE",
                help=help_text,
            ),
            format_option(),
            reference_doc_option,
            click.option("--force", is_flag=True, help="Overwrite an existing output file."),
        ]
        for option in reversed(options):
            func = option(func)
        return func

    return decorate


def resolve_output(options: OutputOptions, default: Path | None = None) -> tuple[Path | None, str]:
    """Where to write (``None``: stdout) and the name of the format.

    Without ``-o`` the output is ``default`` with the format's suffix (stdout
    if there is no default). A ``--format`` that contradicts the ``-o``
    suffix is a usage error.
    """
    from advocacy.errors import AdvocacyError
    from advocacy.render.formats import DEFAULT_FORMAT, format_for, get_format, mismatch

    out = options.out
    if out is None and default is not None:
        out = default.with_suffix(get_format(options.fmt or DEFAULT_FORMAT).suffix)
    to_stdout = out is None or str(out) == "-"
    if out is not None and not to_stdout and options.fmt is not None:
        problem = mismatch(out, options.fmt)
        if problem:
            raise click.UsageError(f"{problem}; name the file to match, or drop --format")
    fmt = format_for(None if to_stdout else out, options.fmt)
    if to_stdout and not fmt.to_stdout:
        raise AdvocacyError(
            f"a {fmt.name} file cannot go to the terminal", hint=f"pass -o FILE{fmt.suffix}"
        )
    return (None if to_stdout else out), fmt.name


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
    from advocacy.languages import known_language
    from advocacy.models.base import LANGUAGE_PATTERN

    if not re.match(LANGUAGE_PATTERN, value) or not known_language(value):
        raise click.BadParameter(f"{value!r} is not a known language tag such as 'es' or 'en'")
    return value


def lang_option(help_text: str) -> Callable[[F], F]:
    """``--lang``: the language of a document (BCP 47 tag)."""
    return click.option("--lang", metavar="LANG", callback=_check_language, help=help_text)


def warn_untranslated(items: list[tuple[str, list[str]]], lang: str) -> None:
    """Say on the terminal which points fell back to English (never silently)."""
    from rich.markup import escape

    from advocacy.cli._output import err
    from advocacy.i18n import untranslated_message

    for point_id, missing in items:
        message = escape(untranslated_message(point_id, missing, lang))
        err().print(f"[yellow]warning:[/yellow] {message}", soft_wrap=True)
