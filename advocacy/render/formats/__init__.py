"""The output-format registry: one table of the document formats we can write.

Each module in this package registers one format by defining ``FORMAT``, an
:class:`OutputFormat`: its name (what ``--format`` takes), its file suffixes,
whether it can go to stdout, whether it takes a reference document, and the
function that writes it. Every command reads its ``--format`` choices and its
``-o`` checks from here, so a new format (PDF, HTML) is one new module in this
package, its tests and its docs. Modules are found by listing the package;
each must stay cheap to import (heavy libraries inside ``write``).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from advocacy.modules import discover

if TYPE_CHECKING:
    from advocacy.errors import Diagnostic
    from advocacy.models.document import FrontMatter

#: The format of a file named without a suffix or with none given.
DEFAULT_FORMAT = "docx"
#: The format of ``-o -`` (stdout) when none is given.
DEFAULT_STDOUT_FORMAT = "md"


@dataclass(frozen=True)
class RenderJob:
    """What a writer gets: the whole Markdown, its parsed front matter and body, and options."""

    markdown: str
    meta: FrontMatter
    body: str
    reference_doc: Path | None = None
    source: str = "<markdown>"  # names the Markdown in error messages
    base_dir: Path | None = None  # where relative links to images start
    warnings: list[Diagnostic] = field(default_factory=list)  # problems that did not stop it

    @property
    def first_line(self) -> int:
        """The line of ``markdown`` that ``body`` starts on (after the front matter)."""
        return self.markdown.count("\n") - self.body.count("\n") + 1


@dataclass(frozen=True)
class OutputFormat:
    """One output format and the function that writes it."""

    name: str  # the --format value
    suffixes: tuple[str, ...]  # lower case with the dot; the first is the default
    description: str
    write: Callable[[RenderJob], bytes]
    to_stdout: bool = False  # text that may be printed to a terminal or a pipe
    uses_reference_doc: bool = False  # takes styles from --reference-doc
    #: Loads what writing needs (the reference document) once, so a batch's
    #: forked workers inherit it instead of each loading it again.
    prepare: Callable[[Path | None], None] = lambda reference_doc: None

    @property
    def suffix(self) -> str:
        return self.suffixes[0]


@functools.cache
def registry() -> dict[str, OutputFormat]:
    """Every registered format by name, in name order."""
    return discover(__name__, __path__, "FORMAT", OutputFormat)


def names() -> list[str]:
    """The ``--format`` choices."""
    return list(registry())


def suffixes() -> list[str]:
    """Every suffix a registered format writes, e.g. ``[".docx", ".md", ".markdown"]``."""
    return [suffix for fmt in registry().values() for suffix in fmt.suffixes]


def binary_names() -> list[str]:
    """The formats that never go to a terminal: the ones a package can attach."""
    return [f.name for f in registry().values() if not f.to_stdout]


def get_format(name: str) -> OutputFormat:
    """The format called ``name``; an unknown name is an error naming the known ones."""
    try:
        return registry()[name]
    except KeyError:
        from advocacy.errors import AdvocacyError

        raise AdvocacyError(
            f"unknown format {name!r}", hint="use one of: " + ", ".join(registry())
        ) from None


def by_suffix(path: Path) -> OutputFormat | None:
    """The format a file's suffix names, or ``None``."""
    suffix = path.suffix.lower()
    return next((f for f in registry().values() if suffix in f.suffixes), None)


def mismatch(path: Path, name: str) -> str | None:
    """Why format ``name`` cannot be written to ``path``, or ``None`` if it can.

    A suffix that belongs to another format is a mismatch (``--format md -o
    x.docx`` would put Markdown in a file Word cannot open); an unknown suffix
    is not, since the format was named explicitly.
    """
    named = by_suffix(path)
    if named is None or named.name == name:
        return None
    return (
        f"--format {name} does not match the output file {path.name!r} "
        f"(a {path.suffix} file is {named.name})"
    )


def format_for(out_path: Path | None, name: str | None = None) -> OutputFormat:
    """The output format: ``name`` if given, else from the file suffix (stdout: Markdown)."""
    from advocacy.errors import AdvocacyError

    path = None if out_path is None or str(out_path) == "-" else out_path
    if name is not None:
        fmt = get_format(name)
        problem = mismatch(path, name) if path is not None else None
        if problem:
            raise AdvocacyError(problem, hint=f"name the file {fmt.suffix}, or drop --format")
        return fmt
    if path is None:
        return get_format(DEFAULT_STDOUT_FORMAT)
    found = by_suffix(path)
    if found is None:
        raise AdvocacyError(
            f"cannot tell the output format from {path.name!r}",
            hint=f"name the file {', '.join(suffixes())}, or pass --format",
        )
    return found
