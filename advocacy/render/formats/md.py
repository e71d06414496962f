"""Markdown output: the rendered Markdown itself, front matter included."""

from __future__ import annotations

from advocacy.render.formats import OutputFormat, RenderJob


def _write(job: RenderJob) -> bytes:
    return job.markdown.encode("utf-8")


FORMAT = OutputFormat(
    name="md",
    suffixes=(".md", ".markdown"),
    description="Markdown with YAML front matter",
    write=_write,
    to_stdout=True,
)
