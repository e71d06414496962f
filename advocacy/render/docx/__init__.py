"""Markdown → DOCX: map markdown-it tokens to real Word structures, styled by a reference document.

The Markdown (CommonMark plus tables, strikethrough, task lists and footnotes,
see :mod:`advocacy.render.blocks`) becomes the Word structure a person would
have made by hand: heading styles, real bullet and numbered lists (each
numbered list restarts), tables with a repeating header row, clickable
hyperlinks, tickable checkboxes, real footnotes, a header and a page-numbered
footer, document properties and the document language.

What things *look* like is not decided here: the reference document defines
the styles the writer names (:mod:`.reference`).

Output is deterministic: the same input gives the same bytes (no clock, no
random ids, fixed zip timestamps), so golden tests and diffs work.

The modules, each importing only those listed before it (a test checks):
``ooxml`` (namespaces and element helpers), ``package`` (deterministic zip),
``opc`` (the package's parts and relationships), ``layout`` (page geometry,
column widths), ``numbering``, ``footnotes``, ``reference`` (load, prepare,
cache), ``images``, ``context`` (state shared while writing), ``inline``,
``block`` and ``document``. The writer needs only lxml and markdown-it, not
python-docx; they are imported at module level on purpose: nothing imports
this package when the CLI starts.
"""

from __future__ import annotations

from pathlib import Path

from advocacy.errors import Diagnostic
from advocacy.models.document import FrontMatter
from advocacy.render.blocks import check_size
from advocacy.render.docx.document import DocumentWriter
from advocacy.render.docx.layout import column_widths
from advocacy.render.docx.reference import default_reference_doc, load_template, warm_cache

__all__ = ["column_widths", "default_reference_doc", "markdown_to_docx", "warm_cache"]


def markdown_to_docx(
    meta: FrontMatter,
    body: str,
    reference_doc: Path | None = None,
    source: str = "<markdown>",
    first_line: int = 1,
    *,
    base_dir: Path | None = None,
    warnings: list[Diagnostic] | None = None,
) -> bytes:
    """Render Markdown body + front matter to the bytes of a .docx file.

    ``meta`` supplies the title block, document properties, language, header
    and footer; ``body`` is the Markdown after its front matter.
    ``reference_doc`` is a .docx whose styles, fonts, margins and header/footer
    are used instead of ours (a letterhead); styles it lacks are copied from
    ours. ``source`` names the Markdown in error messages, and ``first_line``
    is the line of ``source`` the body starts on (after the front matter).
    Images are read relative to ``base_dir`` (PNG and JPEG below it only);
    those not embedded are shown as their alt text and reported in
    ``warnings``.

    The same arguments always give the same bytes. Raises
    :class:`~advocacy.errors.AdvocacyError` for a reference document that
    cannot be used or for Markdown too large to convert.
    """
    check_size(body, source)
    template = load_template(reference_doc)
    writer = DocumentWriter(template.package.copy(), template, meta, source, base_dir, warnings)
    return writer.render(body, first_line)
