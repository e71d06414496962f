"""``advocacy render``: any Markdown file to Word (or tidy Markdown) in the house style."""

from __future__ import annotations

from pathlib import Path

import click

from advocacy.cli._options import OutputOptions, emit, output_options, resolve_output


@click.command(
    epilog="""\b
Examples:
  advocacy render notes.md -o notes.docx
  advocacy render notes.md -o notes.docx --reference-doc letterhead.docx
  advocacy render notes.md            # writes notes.docx beside it

\b
Front matter (optional, at the top of the file):
  ---
  title: Meeting notes
  author: Jane Doe
  date: 2017-06-02
  lang: en
  header: Western Mass RLC
  footer: Draft
  page_total: true        # footer says "Page 2 of 5", not "Page 2"
  properties:             # custom document properties (File > Properties)
    case-number: 2017-114
  ---
Write <!-- pagebreak --> on a line of its own for a page break, and
<!-- landscape --> / <!-- portrait --> to put what follows on wide or tall
pages (for wide tables). <!-- keep-together --> ... <!-- end-keep-together -->
keeps what is between on one page; <!-- writing-space --> (or
<!-- writing-space: 5 lines -->) makes the next table's rows boxes to write in. Images (![alt text](chart.png)) are embedded when
they are PNG or JPEG files in the Markdown file's folder; web images are
never fetched.
"""
)
@click.argument("source", type=click.Path(dir_okay=False, path_type=Path))
@output_options("SOURCE with the format's suffix ({suffix})")
def render(
    source: Path, out: Path | None, fmt: str | None, reference_doc: Path | None, force: bool
) -> None:
    """Render a Markdown file (with optional YAML front matter) to DOCX.

    Headings, lists, tables, links, task lists (as Word checkboxes),
    footnotes and block quotes map to real Word styles, so the document can
    be restyled and is read well by screen readers.
    """
    from advocacy.cli._output import print_diagnostics
    from advocacy.errors import Diagnostic
    from advocacy.render import render as render_markdown
    from advocacy.yamlio import read_text

    target, kind = resolve_output(OutputOptions(out, fmt, reference_doc, force), default=source)
    if target is not None and target.resolve() == source.resolve():
        raise click.UsageError("pass -o: the output would overwrite the input")
    text = read_text(source, what="Markdown file")
    warnings: list[Diagnostic] = []
    data = render_markdown(
        text, kind, target, reference_doc, force, str(source), base_dir=source.parent,
        warnings=warnings,
    )  # fmt: skip
    print_diagnostics(warnings)
    emit(data, target)
