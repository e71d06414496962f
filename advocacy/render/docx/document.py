"""The document level: body assembly, header and footer, sections, language, properties."""

from __future__ import annotations

import copy
import itertools
import re
from pathlib import Path

from lxml import etree

from advocacy.errors import Diagnostic
from advocacy.i18n import gettext_for
from advocacy.models.document import MAX_PROPERTY_TEXT, FrontMatter
from advocacy.render.blocks import parse_blocks
from advocacy.render.docx.block import BlockWriter
from advocacy.render.docx.context import Where, WriterState
from advocacy.render.docx.layout import oriented
from advocacy.render.docx.ooxml import (
    PPR_AFTER_SPACING,
    R_NS,
    W_NS,
    add_text,
    clean,
    el,
    is_blank,
    q,
    sub,
)
from advocacy.render.docx.opc import CT, RT, Package, Part
from advocacy.render.docx.reference import Template

_PAGE_FIELD_XPATH = etree.XPath(
    ".//w:fldSimple[contains(@w:instr, 'PAGE')] | .//w:instrText[contains(., 'PAGE')]",
    namespaces={"w": W_NS},
)


class DocumentWriter:
    """Writes one document: the body through a BlockWriter, then everything around it."""

    def __init__(
        self,
        package: Package,
        template: Template,
        meta: FrontMatter,
        source: str = "<markdown>",
        base_dir: Path | None = None,
        warnings: list[Diagnostic] | None = None,
    ) -> None:
        self.state = WriterState(package, template, meta, source, base_dir, warnings)
        self.block = BlockWriter(self.state)
        self.package = package
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
        _apply_marks(out, state.marks)
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
        self._custom_properties()
        return self.package.to_bytes()

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
        styles_part = self.package.main.related(RT.STYLES)
        assert styles_part is not None, "preparing the reference adds a styles part"
        styles = styles_part.element
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
        """``docProps/core.xml`` from the front matter (whatever the reference carried goes)."""
        meta = self.meta
        root = etree.Element(_cp("coreProperties"), nsmap=_CORE_NSMAP)
        values: list[tuple[str, str | None]] = [
            ("dc:title", meta.title and _core_text(meta.title)),
            ("dc:subject", meta.subtitle and _core_text(meta.subtitle)),
            ("dc:creator", meta.author and _core_text(meta.author)),
            ("cp:lastModifiedBy", meta.author and _core_text(meta.author)),
            ("cp:keywords", _core_text(", ".join(meta.keywords)) if meta.keywords else None),
            ("dc:language", meta.lang),
            ("cp:revision", "1"),
        ]
        if meta.date is not None:  # midnight, read as UTC
            stamp = f"{meta.date.isoformat()}T00:00:00Z"
            values += [("dcterms:created", stamp), ("dcterms:modified", stamp)]
        for name, text in values:
            if text:
                element = etree.SubElement(root, _cp(name))
                element.text = text
                if name.startswith("dcterms:"):
                    element.set(f"{{{_XSI_NS}}}type", "dcterms:W3CDTF")
        package = self.package
        package.root.drop_rels({RT.CORE_PROPERTIES, RT.CORE_PROPERTIES_LEGACY})
        part = package.add_part(
            package.root, RT.CORE_PROPERTIES, "/docProps/core%s.xml", CT.CORE_PROPERTIES, b""
        )
        part.element = root

    def _custom_properties(self) -> None:
        """``docProps/custom.xml`` from the front matter's ``properties``.

        A letterhead's own custom properties describe the letterhead, not this
        document: like its core properties, they are replaced.
        """
        package = self.package
        package.root.drop_rels({RT.CUSTOM_PROPERTIES})
        if not self.meta.properties:
            return
        root = etree.Element(f"{{{_CUSTOM_NS}}}Properties", nsmap={None: _CUSTOM_NS, "vt": _VT_NS})
        for pid, (name, value) in enumerate(self.meta.properties.items(), start=2):
            prop = etree.SubElement(
                root,
                f"{{{_CUSTOM_NS}}}property",
                {"fmtid": _CUSTOM_FMTID, "pid": str(pid), "name": clean(name)},
            )
            kind, text = _variant(value)
            etree.SubElement(prop, f"{{{_VT_NS}}}{kind}").text = text
        part = package.add_part(package.root, RT.CUSTOM_PROPERTIES, "/docProps/custom%s.xml",
                                CT.CUSTOM_PROPERTIES, b"")  # fmt: skip
        part.element = root

    def _header_footer(self) -> None:
        final = self.state.final_section()
        if self.meta.header:
            header = self._story(final, "header").element
            if is_blank(header):
                for child in list(header):
                    header.remove(child)
            header.append(self.block.text_paragraph(self.styles["header"], self.meta.header))

        footer = self._story(final, "footer").element
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

    def _story(self, sect_pr: etree._Element, kind: str) -> Part:
        """The section's default header or footer part, added (empty) if it has none."""
        for ref in sect_pr.iterfind(q(f"w:{kind}Reference")):
            if ref.get(q("w:type")) == "default":
                rel = self.package.main.rels.get(ref.get(q("r:id"), ""))
                target = rel.target if rel is not None else None
                if isinstance(target, Part) and target.content_type in (CT.HEADER, CT.FOOTER):
                    return target
                sect_pr.remove(ref)  # points at nothing, or not at a header: replaced below
        root = "hdr" if kind == "header" else "ftr"
        blob = f'<w:{root} xmlns:w="{W_NS}" xmlns:r="{R_NS}"/>'.encode()
        main = self.package.main
        kind_rt, kind_ct = (RT.HEADER, CT.HEADER) if kind == "header" else (RT.FOOTER, CT.FOOTER)
        part = self.package.add_part(main, kind_rt, f"/word/{kind}%d.xml", kind_ct, blob)
        rid = main.relate_to(part, kind_rt)
        # Header and footer references come first in w:sectPr (in any order).
        refs = {q("w:headerReference"), q("w:footerReference")}
        position = sum(1 for child in sect_pr if child.tag in refs)
        sect_pr.insert(position, el(f"w:{kind}Reference", {"w:type": "default", "r:id": rid}))
        return part

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


#: Core properties: the namespaces of their elements.
_XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
_CORE_NSMAP = {
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "dcmitype": "http://purl.org/dc/dcmitype/",
    "xsi": _XSI_NS,
}


def _cp(name: str) -> str:
    """Clark name of a core-properties element (``dc:title``; no prefix: ``cp``)."""
    prefix, _, local = name.rpartition(":")
    return f"{{{_CORE_NSMAP[prefix or 'cp']}}}{local}"


#: Custom properties: their namespace, the value types, and the property-set id Office uses.
_CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_CUSTOM_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"


#: The height of one handwritten line in a writing-space row, twips (about 8 mm).
_HANDWRITTEN_LINE = 460


def _apply_marks(
    out: list[etree._Element],
    marks: list[tuple[list[etree._Element], int, bool | None, int | None]],
) -> None:
    """Honour the keep-together and writing-space markers among the body's blocks."""
    start: int | None = None
    for blocks, index, keep, lines in marks:
        if blocks is not out:  # a marker inside a footnote has no page to keep to
            continue
        if keep is True:
            start = index
        elif keep is False and start is not None:
            _keep_together(out[start:index])
            start = None
        elif lines is not None:
            table = next((e for e in out[index:] if e.tag == q("w:tbl")), None)
            if table is not None:
                for row in table.iterfind(q("w:tr")):
                    tr_pr = row.find(q("w:trPr"))
                    if tr_pr is None or tr_pr.find(q("w:tblHeader")) is None:
                        _row_property(row, "w:trHeight").attrib.update(
                            {q("w:val"): str(lines * _HANDWRITTEN_LINE), q("w:hRule"): "atLeast"}
                        )


def _keep_together(blocks: list[etree._Element]) -> None:
    """Keep ``blocks`` on one page: every paragraph whole and with the next one
    (table cells included), every table row whole. Word and LibreOffice then
    break before the group instead of inside it (unless it is longer than a page)."""
    paragraphs = [p for block in blocks for p in block.iter(q("w:p"))]
    for p in paragraphs:
        if p is not paragraphs[-1]:
            _paragraph_property(p, "w:keepNext")
        _paragraph_property(p, "w:keepLines")
    for block in blocks:
        for row in block.iter(q("w:tr")):
            _row_property(row, "w:cantSplit")


#: The children of ``w:pPr`` that stand before keepNext and keepLines in the schema.
_BEFORE_KEEP = {q("w:pStyle"), q("w:keepNext")}
#: The children of ``w:trPr`` in schema order (those this writer may meet).
_TR_ORDER = [q(f"w:{n}") for n in ("cnfStyle", "divId", "gridBefore", "gridAfter", "wBefore",
                                   "wAfter", "cantSplit", "trHeight", "tblHeader")]  # fmt: skip


def _paragraph_property(p: etree._Element, name: str) -> None:
    """Switch on ``w:keepNext`` or ``w:keepLines`` in the paragraph's properties."""
    ppr = p.find(q("w:pPr"))
    if ppr is None:
        ppr = el("w:pPr")
        p.insert(0, ppr)
    if ppr.find(q(name)) is None:
        position = sum(1 for child in ppr if child.tag in _BEFORE_KEEP and child.tag != q(name))
        ppr.insert(position, el(name))


def _row_property(row: etree._Element, name: str) -> etree._Element:
    """The ``name`` child of the row's ``w:trPr``, added in schema order if missing."""
    tr_pr = row.find(q("w:trPr"))
    if tr_pr is None:
        tr_pr = el("w:trPr")
        row.insert(0, tr_pr)
    found = tr_pr.find(q(name))
    if found is not None:
        return found
    rank = _TR_ORDER.index(q(name))
    position = sum(1 for child in tr_pr if child.tag in _TR_ORDER[:rank])
    found = el(name)
    tr_pr.insert(position, found)
    return found


def _core_text(text: str) -> str:
    """``text`` cut to the 255 characters a core property holds (an ellipsis says so).

    The document itself keeps the full text; only the property is shortened.
    """
    text = clean(text)
    if len(text) <= MAX_PROPERTY_TEXT:
        return text
    return text[: MAX_PROPERTY_TEXT - 1].rstrip() + "…"


def _variant(value: str | bool | int | float) -> tuple[str, str]:
    """The ``vt:`` element name and text of a custom property's value."""
    if isinstance(value, bool):
        return "bool", "true" if value else "false"
    if isinstance(value, int):
        return "i4", str(value)
    if isinstance(value, float):
        return "r8", repr(value)
    return "lpwstr", clean(value)


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
