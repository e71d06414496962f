"""The state the document, block and inline writers share while one document is written."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from lxml import etree
from markdown_it.tree import SyntaxTreeNode

from advocacy.errors import Diagnostic, warning
from advocacy.models.document import FrontMatter
from advocacy.render.docx.images import max_shape_id
from advocacy.render.docx.layout import text_width
from advocacy.render.docx.numbering import max_num_id, numbering_part
from advocacy.render.docx.ooxml import q, twips
from advocacy.render.docx.opc import RT, Package, Part
from advocacy.render.docx.reference import Template


@dataclasses.dataclass(frozen=True)
class Where:
    """Where blocks are being written: which part, which paragraph style, how deep in lists."""

    part: Part
    para_style: str
    list_depth: int = -1
    indent: int = 0  # left indent of continuation paragraphs, twips
    in_footnote: bool = False
    max_width: int | None = None  # twips inside a table cell; else the text width


@dataclasses.dataclass(frozen=True)
class Fmt:
    """Inline formatting in force for the text being written."""

    bold: bool = False
    italic: bool = False
    strike: bool = False
    code: bool = False
    link: bool = False


class WriterState:
    """One document being written: its parts, counters and the markers pending."""

    def __init__(
        self,
        package: Package,
        template: Template,
        meta: FrontMatter,
        source: str = "<markdown>",
        base_dir: Path | None = None,
        warnings: list[Diagnostic] | None = None,
    ) -> None:
        self.package = package
        self.source = source
        self.base_dir = base_dir  # where relative image paths start
        self.warnings: list[Diagnostic] = [] if warnings is None else warnings
        self.next_shape_id: int | None = None  # drawing ids, counted from the first image
        self.template = template
        self.meta = meta
        self.styles = template.style_ids
        self.main = package.main
        self.numbering: etree._Element = numbering_part(package).element
        self.next_num_id = max_num_id(self.numbering) + 1
        footnotes_part = self.main.related(RT.FOOTNOTES)
        assert footnotes_part is not None, "preparing the reference adds a footnotes part"
        self.footnotes_part: Part = footnotes_part
        self.footnotes = footnotes_part.element
        self.next_footnote_id = 1 + max(
            (twips(n.get(q("w:id")), 0) for n in self.footnotes), default=0
        )
        self.next_sdt_id = 1
        self.footnote_defs: dict[int, SyntaxTreeNode] = {}
        # The list marker the next paragraph carries: ("num", numId, ilvl) or ("task", 0, ilvl).
        self.pending_marker: tuple[str, int, int] | None = None
        self.page_break_pending = False
        # Keep-together and writing-space markers: (blocks, index, keep, lines).
        self.marks: list[tuple[list[etree._Element], int, bool | None, int | None]] = []
        self.images: dict[str, Part] = {}  # image parts by the SHA-1 of their bytes
        self.link_rids: dict[int, dict[str, str]] = {}  # part -> URL -> relationship id
        self.next_rid: dict[int, int] = {}
        self.landscape = False  # the orientation of the section being written
        # Paragraphs that end a section, with that section's orientation; their
        # section properties are filled in once headers and footers exist.
        self.section_breaks: list[tuple[etree._Element, bool]] = []
        self.landscape_width = text_width(self.final_section(), landscape=True)
        # The run the next text may extend: (parent, formatting, its last w:t).
        self.last_run: tuple[etree._Element, Fmt, etree._Element] | None = None

    def final_section(self) -> etree._Element:
        """The body's closing ``w:sectPr``."""
        return self.main.element.find(q("w:body"))[-1]

    def width(self) -> int:
        """Twips between the margins of the section being written."""
        return self.landscape_width if self.landscape else self.template.text_width

    def warn(self, message: str, hint: str | None = None) -> None:
        """Report a problem that does not stop the document (once per message)."""
        if all(w.message != message for w in self.warnings):
            self.warnings.append(warning(message, self.source, hint=hint))

    def shape_id(self) -> int:
        """A drawing id no other drawing in the package has."""
        if self.next_shape_id is None:
            self.next_shape_id = max_shape_id(self.package.iter_parts()) + 1
        self.next_shape_id += 1
        return self.next_shape_id - 1
