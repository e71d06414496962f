"""Inline Markdown → runs: text, emphasis, code, links, checkboxes, footnote references."""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Callable

from lxml import etree
from markdown_it.tree import SyntaxTreeNode

from advocacy.render.blocks import plain_text
from advocacy.render.docx.context import Fmt, Where, WriterState
from advocacy.render.docx.images import Image, ImageRefused, open_image, picture, read_image
from advocacy.render.docx.ooxml import add_text, clean, paragraph, preserve_space, q, sub
from advocacy.render.docx.opc import RT, Part, Relationship

BR_RE = re.compile(r"<br\s*/?>", re.IGNORECASE)
EMU_PER_TWIP = 635

#: Writes block nodes into a list of elements (the block writer's entry point).
BlockWriterFn = Callable[[list[SyntaxTreeNode], Where, list[etree._Element]], None]


class InlineWriter:
    """Writes inline nodes into a paragraph (or hyperlink) element.

    Footnote bodies are blocks, so the block writer hands in its entry point
    as ``write_blocks``.
    """

    def __init__(self, state: WriterState, write_blocks: BlockWriterFn) -> None:
        self.state = state
        self.styles = state.styles
        self.write_blocks = write_blocks

    def inline(
        self, parent: etree._Element, nodes: list[SyntaxTreeNode], where: Where, fmt: Fmt
    ) -> None:
        for node in nodes:
            kind = node.type
            if kind == "text":
                self.text(parent, node.content, fmt)
            elif kind == "softbreak":
                self.text(parent, " ", fmt)
            elif kind == "hardbreak":
                self.line_break(parent, fmt)
            elif kind == "strong":
                self.inline(parent, node.children, where, dataclasses.replace(fmt, bold=True))
            elif kind == "em":
                self.inline(parent, node.children, where, dataclasses.replace(fmt, italic=True))
            elif kind == "s":
                self.inline(parent, node.children, where, dataclasses.replace(fmt, strike=True))
            elif kind == "code_inline":
                self.text(parent, node.content, dataclasses.replace(fmt, code=True))
            elif kind == "link":
                self._link(parent, node, where, fmt)
            elif kind == "image":
                self._image(parent, node, where, fmt)
            elif kind == "html_inline":
                if BR_RE.fullmatch(node.content.strip()):
                    self.line_break(parent, fmt)
                # other inline HTML tags are dropped; the text between them stays
            elif kind == "footnote_ref":
                self._footnote_ref(parent, node, where, fmt)
            elif node.children:
                self.inline(parent, node.children, where, fmt)
            elif node.content:
                self.text(parent, node.content, fmt)

    def line_break(self, parent: etree._Element, fmt: Fmt) -> None:
        sub(self.run(parent, fmt), "w:br")
        self.state.last_run = None

    def run(
        self, parent: etree._Element, fmt: Fmt, char_style: str | None = None
    ) -> etree._Element:
        """A ``w:r`` whose ``w:rPr`` children are in schema order."""
        run = sub(parent, "w:r")
        if char_style is None:
            if fmt.link:
                char_style = self.styles["hyperlink"]
            elif fmt.code:
                char_style = self.styles["verbatim"]
        if char_style or fmt.bold or fmt.italic or fmt.strike:
            rpr = sub(run, "w:rPr")
            if char_style:
                sub(rpr, "w:rStyle", {"w:val": char_style})
            if fmt.link and fmt.code:
                mono = "Courier New"
                sub(rpr, "w:rFonts", {"w:ascii": mono, "w:hAnsi": mono, "w:cs": mono})
            if fmt.bold:
                sub(rpr, "w:b")
                sub(rpr, "w:bCs")
            if fmt.italic:
                sub(rpr, "w:i")
                sub(rpr, "w:iCs")
            if fmt.strike:
                sub(rpr, "w:strike")
        return run

    def text(self, parent: etree._Element, text: str, fmt: Fmt) -> None:
        """Write text, extending the previous run when its formatting is the same."""
        if not text:
            return
        state = self.state
        last = state.last_run
        if last is not None and last[0] is parent and last[1] == fmt and "\t" not in text:
            t = last[2]
            t.text = (t.text or "") + clean(text)
            preserve_space(t)
            return
        run = self.run(parent, fmt)
        add_text(run, text)
        tail = run[-1] if len(run) else None
        state.last_run = (parent, fmt, tail) if tail is not None and tail.tag == q("w:t") else None

    def _image(self, parent: etree._Element, node: SyntaxTreeNode, where: Where, fmt: Fmt) -> None:
        """A picture, or its alt text in italics (with a warning) if it is not embedded."""
        state = self.state
        src = str(node.attrs.get("src", ""))
        alt = clean(plain_text(node))
        try:
            if where.part is state.footnotes_part:
                raise ImageRefused(
                    f"image {src!r} in a footnote is not embedded", "move it into the body text"
                )
            data, name = read_image(src, state.base_dir)
            image = open_image(data, name)
            rid = self._image_rid(where.part, data, image)
        except ImageRefused as exc:
            state.warn(str(exc), exc.hint)
            self.text(parent, alt or src, dataclasses.replace(fmt, italic=True))
            return
        width = (where.max_width or state.width() - where.indent) * EMU_PER_TWIP
        drawing = sub(sub(parent, "w:r"), "w:drawing")
        drawing.append(picture(image, rid, state.shape_id(), clean(name), alt, width))
        state.last_run = None

    def _image_rid(self, part: Part, data: bytes, image: Image) -> str:
        """The relationship id from ``part`` to the image part holding ``data`` (stored once)."""
        state = self.state
        digest = hashlib.sha1(data).hexdigest()
        image_part = state.images.get(digest)
        if image_part is None:
            pattern = f"/word/media/image%d.{image.extension}"
            image_part = state.package.add_part(part, RT.IMAGE, pattern, image.content_type, data)
            state.images[digest] = image_part
        return part.relate_to(image_part, RT.IMAGE)

    def _hyperlink_rid(self, part: Part, href: str) -> str:
        """The relationship id of an external link from ``part``, one per URL.

        ``Part.relate_to`` scans every relationship for each link, and a letter
        with a long source list has dozens, so ids come from a counter here
        (skipping any id already taken).
        """
        state = self.state
        known = state.link_rids.setdefault(id(part), {})
        rid = known.get(href)
        if rid is None:
            number = state.next_rid.get(id(part), 1)
            while f"rId{number}" in part.rels:
                number += 1
            rid = f"rId{number}"
            state.next_rid[id(part)] = number + 1
            part.rels[rid] = Relationship(RT.HYPERLINK, href, external=True)
            known[href] = rid
        return rid

    def _link(self, parent: etree._Element, node: SyntaxTreeNode, where: Where, fmt: Fmt) -> None:
        href = clean(str(node.attrs.get("href", "")))
        children = node.children or []
        if not href or href.startswith("#"):  # no bookmarks to point at: keep the text
            self.inline(parent, children, where, fmt)
            return
        rid = self._hyperlink_rid(where.part, href)
        link = sub(parent, "w:hyperlink", {"r:id": rid, "w:history": "1"})
        title = node.attrs.get("title")
        if title:
            link.set(q("w:tooltip"), clean(str(title)))
        self.state.last_run = None
        if plain_text(node).strip():
            self.inline(link, children, where, dataclasses.replace(fmt, link=True))
        else:
            self.text(link, href, dataclasses.replace(fmt, link=True))
        self.state.last_run = None

    def checkbox(self, p: etree._Element, checked: bool, where: Where) -> None:
        """A content control Word shows as a box one can tick (w14:checkbox)."""
        glyph = "\u2612" if checked else "\u2610"
        state = self.state
        if where.part is not state.main:  # w14 is only declared on the main document
            add_text(sub(p, "w:r"), glyph)
            return
        sdt = sub(p, "w:sdt")
        sdt_pr = sub(sdt, "w:sdtPr")
        sub(sdt_pr, "w:id", {"w:val": str(state.next_sdt_id)})
        state.next_sdt_id += 1
        box = sub(sdt_pr, "w14:checkbox")
        sub(box, "w14:checked", {"w14:val": "1" if checked else "0"})
        sub(box, "w14:checkedState", {"w14:val": "2612", "w14:font": "MS Gothic"})
        sub(box, "w14:uncheckedState", {"w14:val": "2610", "w14:font": "MS Gothic"})
        content = sub(sdt, "w:sdtContent")
        run = sub(content, "w:r")
        rpr = sub(run, "w:rPr")
        sub(rpr, "w:rFonts", {"w:ascii": "MS Gothic", "w:eastAsia": "MS Gothic",
                              "w:hAnsi": "MS Gothic", "w:hint": "eastAsia"})  # fmt: skip
        add_text(run, glyph)
        state.last_run = None

    def _footnote_ref(
        self, parent: etree._Element, node: SyntaxTreeNode, where: Where, fmt: Fmt
    ) -> None:
        state = self.state
        definition = state.footnote_defs.get(int(node.meta.get("id", -1)))
        if where.in_footnote or where.part is not state.main or definition is None:
            self.text(parent, f"[{node.meta.get('label', '')}]", fmt)
            return
        note_id = state.next_footnote_id
        state.next_footnote_id += 1
        run = self.run(parent, Fmt(), char_style=self.styles["footnote_reference"])
        sub(run, "w:footnoteReference", {"w:id": str(note_id)})
        state.last_run = None

        note = sub(state.footnotes, "w:footnote", {"w:id": str(note_id)})
        saved_marker, state.pending_marker = state.pending_marker, None
        saved_break, state.page_break_pending = state.page_break_pending, False
        note_where = Where(
            part=state.footnotes_part, para_style=self.styles["footnote_text"], in_footnote=True
        )
        blocks: list[etree._Element] = []
        self.write_blocks(definition.children, note_where, blocks)
        state.pending_marker, state.page_break_pending = saved_marker, saved_break
        if not blocks or blocks[0].tag != q("w:p"):
            blocks.insert(0, paragraph(self.styles["footnote_text"]))
        first = blocks[0]
        ppr = first.find(q("w:pPr"))
        position = 1 if ppr is not None else 0
        ref_run = self.run(first, Fmt(), char_style=self.styles["footnote_reference"])
        sub(ref_run, "w:footnoteRef")
        space = sub(first, "w:r")
        add_text(space, " ")
        first.insert(position, ref_run)
        first.insert(position + 1, space)
        for block in blocks:
            note.append(block)
        state.last_run = None
