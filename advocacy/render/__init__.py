"""Rendering: templates to Markdown, Markdown to a file in any registered output format.

:func:`render` is the single entry point every command uses. Markdown with
YAML front matter is the intermediate form; each output format
(:mod:`advocacy.render.formats`: Markdown, DOCX, PDF) writes from it, so every
output says the same thing. Importing this package is cheap: lxml and
markdown-it load only when a DOCX is written.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from advocacy.render.formats import OutputFormat, RenderJob, format_for, get_format, registry

if TYPE_CHECKING:
    from advocacy.errors import Diagnostic

__all__ = ["OutputFormat", "format_for", "get_format", "render"]


def render(
    markdown: str,
    fmt: str | OutputFormat,
    out_path: Path | None = None,
    reference_doc: Path | None = None,
    force: bool = False,
    source: str = "<markdown>",
    *,
    base_dir: Path | None = None,
    warnings: list[Diagnostic] | None = None,
) -> bytes:
    """Turn Markdown with front matter into ``fmt`` and return the bytes.

    ``fmt`` is a registered format or its name (``"md"``, ``"docx"``). With
    ``out_path`` the bytes are also written there atomically (an existing
    file is kept unless ``force``). Front matter is validated for every
    format, so a mistake is reported the same way whichever you ask for.
    Images are read relative to ``base_dir``; problems that do not stop the
    document (an image not embedded) are appended to ``warnings``.
    """
    from advocacy.atomic import write_atomic
    from advocacy.errors import AdvocacyError
    from advocacy.render.frontmatter import split_front_matter

    output = get_format(fmt) if isinstance(fmt, str) else fmt
    if out_path is not None and str(out_path) != "-":
        from advocacy.atomic import check_writable

        check_writable(out_path, force)  # fail before the work, not after
    meta, body = split_front_matter(markdown, source)
    if reference_doc is not None and not output.uses_reference_doc:
        takers = [f.name for f in registry().values() if f.uses_reference_doc]
        raise AdvocacyError(
            f"--reference-doc applies to {' and '.join(takers)} output only",
            hint="write such a file, or drop --reference-doc",
        )
    job = RenderJob(markdown, meta, body, reference_doc, source, base_dir)
    data = output.write(job)
    if warnings is not None:
        warnings.extend(job.warnings)
    if out_path is not None and str(out_path) != "-":
        write_atomic(out_path, data, force=force)
    return data
