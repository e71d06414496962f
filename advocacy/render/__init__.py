"""Rendering: templates to Markdown, Markdown to a file (Markdown or DOCX).

:func:`render` is the single entry point every command uses. Markdown with
YAML front matter is the intermediate form; the DOCX writer reads the same
Markdown, so both outputs say the same thing. Importing this package is
cheap: python-docx and markdown-it load only when a DOCX is written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from advocacy.atomic import write_atomic
from advocacy.errors import AdvocacyError

Format = Literal["md", "docx"]
FORMATS: dict[str, Format] = {".md": "md", ".markdown": "md", ".docx": "docx"}


def format_for(out_path: Path | None, fmt: str | None = None) -> Format:
    """The output format: ``fmt`` if given, else from the file suffix."""
    if fmt is not None:
        if fmt not in ("md", "docx"):
            raise AdvocacyError(f"unknown format {fmt!r}", hint="use md or docx")
        return fmt  # type: ignore[return-value]
    if out_path is None or str(out_path) == "-":
        return "md"
    try:
        return FORMATS[out_path.suffix.lower()]
    except KeyError:
        raise AdvocacyError(
            f"cannot tell the output format from {out_path.name!r}",
            hint="name the file .docx or .md, or pass --format",
        ) from None


def render(
    markdown: str,
    fmt: Format,
    out_path: Path | None = None,
    reference_doc: Path | None = None,
    force: bool = False,
    source: str = "<markdown>",
) -> bytes:
    """Turn Markdown with front matter into ``fmt`` and return the bytes.

    With ``out_path`` the bytes are also written there atomically (an existing
    file is kept unless ``force``). Front matter is validated for both formats,
    so a mistake is reported the same way whichever you ask for.
    """
    from advocacy.render.frontmatter import split_front_matter

    if out_path is not None and str(out_path) != "-":
        from advocacy.atomic import check_writable

        check_writable(out_path, force)  # fail before the work, not after
    meta, body = split_front_matter(markdown, source)
    if fmt == "md":
        if reference_doc is not None:
            raise AdvocacyError(
                "--reference-doc applies to DOCX output only", hint="write a .docx, or drop it"
            )
        data = markdown.encode("utf-8")
    else:
        from advocacy.render.docx import markdown_to_docx

        data = markdown_to_docx(meta, body, reference_doc=reference_doc, source=source)
    if out_path is not None and str(out_path) != "-":
        write_atomic(out_path, data, force=force)
    return data
