"""The document level: body assembly, header and footer, sections, language, properties."""

from __future__ import annotations

import copy
import datetime as dt
import itertools
import re
from pathlib import Path
from typing import Any

from lxml import etree

from advocacy.errors import Diagnostic
from advocacy.i18n import gettext_for
from advocacy.models.document import FrontMatter
from advocacy.render.blocks import parse_blocks
from advocacy.render.docx.block import BlockWriter
from advocacy.render.docx.context import Where, WriterState
from advocacy.render.docx.layout import oriented
from advocacy.render.docx.ooxml import (
    PPR_AFTER_SPACING,
    W_NS,
    add_text,
    clean,
    el,
    is_blank,
    q,
    sub,
)
from advocacy.render.docx.package import package_bytes
from advocacy.render.docx.parts import store_part_element
from advocacy.render.docx.reference import Template

_PAGE_FIELD_XPATH = etree.XPath(
    ".//w:fldSimple[contains(@w:instr, 'PAGE')] | .//w:instrText[contains(., 'PAGE')]",
    namespaces={"w": W_NS},
)


class DocumentWriter:
    """Writes one document: the body through a BlockWriter, then everything around it."""

    def __init__(
        self,
        document: Any,
        template: Template,
        meta: FrontMatter,
        source: str = "<markdown>",
        base_dir: Path | None = None,
        warnings: list[Diagnostic] | None = None,
    ) -> None:
        self.state = WriterState(document, template, meta, source, base_dir, warnings)
        self.block = BlockWriter(self.state)
        self.document = document
        self.meta = meta
        self.styles = template.style_ids

    def render(self, body: str, first_line: int = 1) -> bytes:
        state, block = self.state, self.block
        nodes = parse_blocks(body, state.source, first_line)
        for node in nodes:
            if node.type == "footnote_block":
                for note in node.children:
                    state.footnote_defs[note.meta["id"]] = note
        out: list[etree._Element] = []
        if self.meta.title:
            out.append(block.text_paragraph(self.styles["title"], self.meta.title))
        if self.meta.subtitle:
            out.append(block.text_paragraph(self.styles["subtitle"], self.meta.subtitle))
        block.blocks(nodes, Where(part=state.main, para_style=self.styles["normal"]), out)
        block.flush_page_break(out)
        if out and out[-1].tag == q("w:tbl"):  # Word ends a body with a paragraph
            out.append(el("w:p"))
        self._space_after_tables(out)
        sect_pr = state.final_section()
        for element in out:
            sect_pr.addprevious(element)
        self._header_footer()
        self._sections(sect_pr)
        self._language()
        self._core_properties()
        store_part_element(state.footnotes_part, state.footnotes)
        return package_bytes(self.document)

    def _space_after_tables(self, out: list[etree._Element]) -> None:
        """Give a body paragraph that follows a table some room (a table has no space after)."""
        headings = {self.styles[f"heading{n}"] for n in range(1, 5)}
        for previous, element in itertools.pairwise(out):
            if previous.tag != q("w:tbl") or element.tag != q("w:p"):
                continue
            ppr = element.find(q("w:pPr"))
            if ppr is None:
                ppr = el("w:pPr")
                element.insert(0, ppr)
            style = ppr.find(q("w:pStyle"))
            if (style is not None and style.get(q("w:val")) in headings) or ppr.find(
                q("w:spacing")
            ) is not None:
                continue
            spacing = el("w:spacing", {"w:before": "200"})
            later = [c for c in ppr if c.tag in PPR_AFTER_SPACING]
            if later:
                later[0].addprevious(spacing)
            else:
                ppr.append(spacing)

    def _language(self) -> None:
        styles = self.document.styles.element
        defaults = styles.find(q("w:docDefaults"))
        if defaults is None:
            defaults = el("w:docDefaults")
            styles.insert(0, defaults)
        rpr_default = defaults.find(q("w:rPrDefault"))
        if rpr_default is None:
            rpr_default = el("w:rPrDefault")
            defaults.insert(0, rpr_default)
        rpr = rpr_default.find(q("w:rPr"))
        if rpr is None:
            rpr = sub(rpr_default, "w:rPr")
        if rpr.find(q("w:lang")) is None:
            lang = el("w:lang")
            later = [rpr.find(q(t)) for t in ("w:eastAsianLayout", "w:specVanish", "w:oMath")]
            later = [e for e in later if e is not None]
            if later:
                later[0].addprevious(lang)
            else:
                rpr.append(lang)
        # The document language wins over any language a letterhead's styles carry.
        for lang in styles.iter(q("w:lang")):
            lang.set(q("w:val"), self.meta.lang)

    def _core_properties(self) -> None:
        meta = self.meta
        props = self.document.core_properties
        for child in list(props._element):  # drop whatever the reference carried
            props._element.remove(child)
        if meta.title:
            props.title = clean(meta.title)
        if meta.subtitle:
            props.subject = clean(meta.subtitle)
        if meta.author:
            props.author = props.last_modified_by = clean(meta.author)
        if meta.keywords:
            props.keywords = clean(", ".join(meta.keywords))
        props.language = meta.lang
        props.revision = 1
        if meta.date is not None:
            midnight = dt.datetime(meta.date.year, meta.date.month, meta.date.day)  # read as UTC
            props.created = props.modified = midnight

    def _header_footer(self) -> None:
        section = self.document.sections[-1]
        if self.meta.header:
            header = section.header.part.element
            if is_blank(header):
                for child in list(header):
                    header.remove(child)
            header.append(self.block.text_paragraph(self.styles["header"], self.meta.header))

        footer = section.footer.part.element
        has_page = bool(_PAGE_FIELD_XPATH(footer))
        if has_page and not self.meta.footer:
            return
        if is_blank(footer):
            for child in list(footer):
                footer.remove(child)
        mixed = bool(self.state.section_breaks)  # portrait and landscape pages share this footer
        p = el("w:p")
        ppr = sub(p, "w:pPr")
        sub(ppr, "w:pStyle", {"w:val": self.styles["footer"]})
        if mixed and not has_page:
            # A tab stop sits at one width; a right-aligned paragraph fits every page.
            if self.meta.footer:
                add_text(sub(p, "w:r"), self.meta.footer)
                footer.append(p)
                p = el("w:p")
                ppr = sub(p, "w:pPr")
                sub(ppr, "w:pStyle", {"w:val": self.styles["footer"]})
            sub(ppr, "w:jc", {"w:val": "right"})
            self._page_number(p)
            footer.append(p)
            return
        if not has_page:
            tabs = sub(ppr, "w:tabs")
            template = self.state.template
            width = template.text_width
            stops = [(pos, "clear") for pos in template.footer_tabs if pos != width]
            for pos, kind in sorted([*stops, (width, "right")]):
                sub(tabs, "w:tab", {"w:val": kind, "w:pos": str(pos)})
        if self.meta.footer:
            add_text(sub(p, "w:r"), self.meta.footer)
        if not has_page:
            sub(sub(p, "w:r"), "w:tab")
            self._page_number(p)
        footer.append(p)

    def _page_number(self, p: etree._Element) -> None:
        """``Page N`` (or ``Page N of M``) in the document's language, N and M Word fields."""
        _ = gettext_for(self.meta.lang)
        if self.meta.page_total:
            _field_text(p, _("Page %(page)s of %(pages)s"), {"page": "PAGE", "pages": "NUMPAGES"})
        else:
            _field_text(p, _("Page %(page)s"), {"page": "PAGE"})

    def _sections(self, final: etree._Element) -> None:
        """Give each section break the page setup of the section it ends.

        Copies of the final section's properties keep the header and footer;
        only the page orientation differs. The final section takes the
        orientation the document ends in.
        """
        for paragraph, landscape in self.state.section_breaks:
            ppr = paragraph.find(q("w:pPr"))
            ppr.append(oriented(copy.deepcopy(final), landscape))
        oriented(final, self.state.landscape)


_PLACEHOLDER_RE = re.compile(r"%\((\w+)\)s")


def _field_text(p: etree._Element, message: str, fields: dict[str, str]) -> None:
    """Write a translated ``message`` whose ``%(name)s`` placeholders are Word fields.

    ``fields`` maps each placeholder to a field code (``PAGE``, ``NUMPAGES``);
    Word shows the field's value, and the text around it comes from the
    catalogue, so word order follows the language.
    """
    pieces = _PLACEHOLDER_RE.split(message)
    for index, piece in enumerate(pieces):
        if index % 2 == 0:
            if piece:
                add_text(sub(p, "w:r"), piece)
            continue
        sub(sub(p, "w:r"), "w:fldChar", {"w:fldCharType": "begin"})
        instr = sub(sub(p, "w:r"), "w:instrText")
        instr.text = f" {fields[piece]} "
        instr.set(q("xml:space"), "preserve")
        sub(sub(p, "w:r"), "w:fldChar", {"w:fldCharType": "separate"})
        add_text(sub(p, "w:r"), "1")
        sub(sub(p, "w:r"), "w:fldChar", {"w:fldCharType": "end"})
