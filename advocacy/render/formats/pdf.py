"""PDF output: the DOCX we write, laid out and exported by a real LibreOffice (headless).

The PDF is tagged, so screen readers and agency portals that check
accessibility can read its structure, and it keeps the document's language.
LibreOffice must be installed; without it the error says how to get it. See
:mod:`advocacy.render.libreoffice`.
"""

from __future__ import annotations

from advocacy.render.formats import OutputFormat, RenderJob
from advocacy.render.formats.docx import FORMAT as DOCX


def _write(job: RenderJob) -> bytes:
    from advocacy.render.libreoffice import docx_to_pdf, find_soffice

    find_soffice()  # before the work: a missing LibreOffice is the first thing said
    return docx_to_pdf(DOCX.write(job), job.source)


FORMAT = OutputFormat(
    name="pdf",
    suffixes=(".pdf",),
    description="tagged PDF, laid out by LibreOffice",
    write=_write,
    uses_reference_doc=True,
    prepare=DOCX.prepare,
)
