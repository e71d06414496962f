"""Word output: the Markdown converted by :mod:`advocacy.render.docx`, styled by a reference document."""

from __future__ import annotations

from pathlib import Path

from advocacy.render.formats import OutputFormat, RenderJob


def _write(job: RenderJob) -> bytes:
    from advocacy.render.docx import markdown_to_docx

    return markdown_to_docx(
        job.meta,
        job.body,
        job.reference_doc,
        job.source,
        job.first_line,
        base_dir=job.base_dir,
        warnings=job.warnings,
    )


def _prepare(reference_doc: Path | None) -> None:
    from advocacy.render.docx import warm_cache

    warm_cache(reference_doc)


FORMAT = OutputFormat(
    name="docx",
    suffixes=(".docx",),
    description="Word document",
    write=_write,
    uses_reference_doc=True,
    prepare=_prepare,
)
