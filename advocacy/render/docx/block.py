"""Block Markdown → Word: paragraphs, headings, lists, tables, quotes, code, rules, markers."""

from __future__ import annotations

import dataclasses
import html
import re

from lxml import etree
from markdown_it.tree import SyntaxTreeNode

from advocacy.render.blocks import (
    is_page_break,
    keep_together,
    orientation,
    plain_text,
    writing_space,
)
from advocacy.render.docx.context import Fmt, Where, WriterState
from advocacy.render.docx.inline import BR_RE, InlineWriter
from advocacy.render.docx.layout import CELL_MARGINS, column_widths, word_width
from advocacy.render.docx.numbering import restarted_num
from advocacy.render.docx.ooxml import add_text, el, paragraph, q, sub

_MAX_ILVL = 8  # Word lists have nine levels (0-8)
_LIST_INDENT = 720  # twips per list level, as in the reference numbering

_TAG_RE = re.compile(r"<[^>]*>")
_ALIGN_RE = re.compile(r"text-align:\s*(left|center|right)")


class BlockWriter:
    """Writes block nodes as ``w:p`` and ``w:tbl`` elements, inline content through an InlineWriter."""

    def __init__(self, state: WriterState) -> None:
        self.state = state
        self.styles = state.styles
        self.inline = InlineWriter(state, self.blocks)

    def blocks(self, nodes: list[SyntaxTreeNode], where: Where, out: list[etree._Element]) -> None:
        for node in nodes:
            kind = node.type
            if kind == "paragraph":
                out.append(self._paragraph(node, where))
            elif kind == "heading":
                level = min(int(node.tag[1:]), 4)
                out.append(self._paragraph(node, where, style=self.styles[f"heading{level}"]))
            elif kind in ("bullet_list", "ordered_list"):
                self._list(node, where, out)
            elif kind == "blockquote":
                quote_where = dataclasses.replace(where, para_style=self.styles["quote"])
                self.blocks(node.children, quote_where, out)
            elif kind in ("code_block", "fence"):
                out.append(self._code_block(node.content, where))
            elif kind == "hr":
                out.append(self._rule())
            elif kind == "html_block":
                self._html_block(node.content, where, out)
            elif kind == "table":
                self.flush_page_break(out)
                if out and out[-1].tag == q("w:tbl"):  # keep two tables from merging
                    out.append(el("w:p"))
                out.append(self._table(node, where))
            elif kind == "footnote_block":
                continue  # rendered where each footnote is referenced
            elif node.children:
                self.blocks(node.children, where, out)

    def new_paragraph(
        self,
        style: str | None,
        *,
        numbering: tuple[int, int] | None = None,
        indent: tuple[int, int] | None = None,  # (left, hanging)
        jc: str | None = None,
    ) -> etree._Element:
        """A new ``w:p``; the first after a ``<!-- pagebreak -->`` starts a new page.

        The break is ``w:pageBreakBefore``, so no empty paragraph tops the page.
        """
        state = self.state
        state.last_run = None
        page_break, state.page_break_pending = state.page_break_pending, False
        return paragraph(style, numbering=numbering, indent=indent, jc=jc, page_break=page_break)

    def text_paragraph(self, style: str, text: str) -> etree._Element:
        p = self.new_paragraph(style)
        add_text(sub(p, "w:r"), text)
        return p

    def _paragraph(
        self, node: SyntaxTreeNode, where: Where, style: str | None = None
    ) -> etree._Element:
        state = self.state
        inline = next((c for c in node.children if c.type == "inline"), None)
        children = inline.children if inline is not None else []
        marker, state.pending_marker = state.pending_marker, None
        if style is not None:  # headings never carry list markers
            if marker is not None:
                state.pending_marker = marker
            p = self.new_paragraph(style)
        elif marker is None:
            indent = (where.indent, 0) if where.indent else None
            p = self.new_paragraph(where.para_style, indent=indent)
        elif marker[0] == "task":
            checked, ilvl = bool(marker[1]), marker[2]
            left = _LIST_INDENT * (ilvl + 1)
            p = self.new_paragraph(where.para_style, indent=(left, 360))
            if children and _is_task_checkbox(children[0]):
                checked = 'checked="' in children[0].content
                children = children[1:]
            self.inline.checkbox(p, checked, where)
            sub(sub(p, "w:r"), "w:tab")
            if children and children[0].type == "text":  # the space after "[x]"
                self.inline.text(p, children[0].content.lstrip(), Fmt())
                children = children[1:]
        else:
            p = self.new_paragraph(where.para_style, numbering=(marker[1], marker[2]))
        self.inline.inline(p, children, where, Fmt())
        return p

    def _list(self, node: SyntaxTreeNode, where: Where, out: list[etree._Element]) -> None:
        state = self.state
        depth = where.list_depth + 1
        ilvl = min(depth, _MAX_ILVL)
        if node.type == "ordered_list":
            start = int(node.attrs.get("start", 1) or 1)
            num_id = state.next_num_id
            state.next_num_id += 1
            restarted_num(state.numbering, state.template.decimal_abstract, num_id, ilvl, start)
        else:
            num_id = state.template.bullet_num
        item_where = dataclasses.replace(
            where,
            list_depth=depth,
            indent=_LIST_INDENT * (ilvl + 1),
            para_style=self.styles["list_paragraph"],
        )
        for item in node.children:
            if "task-list-item" in str(item.attrs.get("class", "")):
                state.pending_marker = ("task", 0, ilvl)
            else:
                state.pending_marker = ("num", num_id, ilvl)
            if not item.children or item.children[0].type != "paragraph":
                out.append(self._paragraph(SyntaxTreeNode(), item_where))
            self.blocks(item.children, item_where, out)
            state.pending_marker = None

    def _code_block(self, text: str, where: Where) -> etree._Element:
        indent = (where.indent, 0) if where.indent else None
        p = self.new_paragraph(self.styles["source_code"], indent=indent)
        run = sub(p, "w:r")
        for index, line in enumerate(text.rstrip("\n").split("\n")):
            if index:
                sub(run, "w:br")
            add_text(run, line)
        return p

    def flush_page_break(self, out: list[etree._Element]) -> None:
        """Emit a pending page break as its own paragraph (before a table, or at the end)."""
        if self.state.page_break_pending:
            self.state.page_break_pending = False
            p = self.new_paragraph(None)
            sub(sub(p, "w:r"), "w:br", {"w:type": "page"})
            out.append(p)

    def _rule(self) -> etree._Element:
        p = self.new_paragraph(None)
        ppr = p.find(q("w:pPr"))
        if ppr is None:
            ppr = sub(p, "w:pPr")
        borders = sub(ppr, "w:pBdr")
        sub(
            borders,
            "w:bottom",
            {"w:val": "single", "w:sz": "6", "w:space": "1", "w:color": "A6A6A6"},
        )
        return p

    def _html_block(self, content: str, where: Where, out: list[etree._Element]) -> None:
        state = self.state
        landscape = orientation(content)
        if landscape is not None:
            if landscape != state.landscape:
                self.flush_page_break(out)  # a new section starts a new page anyway
                state.page_break_pending = False
                section_end = el("w:p")
                sub(section_end, "w:pPr")
                out.append(section_end)
                state.section_breaks.append((section_end, state.landscape))
                state.landscape = landscape
            return
        keep, lines = keep_together(content), writing_space(content)
        if keep is not None or lines is not None:  # applied once the body is written
            state.marks.append((out, len(out), keep, lines))
            return
        if is_page_break(content):
            self.flush_page_break(out)  # two markers in a row: an empty page
            state.page_break_pending = True
            return
        # Other raw HTML is not rendered; any text inside it is kept as plain text.
        text = re.sub(r"<!--.*?-->", "", content, flags=re.DOTALL)
        text = html.unescape(_TAG_RE.sub("", BR_RE.sub("\n", text)))
        for chunk in re.split(r"\n\s*\n", text):
            if chunk.strip():
                out.append(self.text_paragraph(where.para_style, " ".join(chunk.split())))

    def _table(self, node: SyntaxTreeNode, where: Where) -> etree._Element:
        rows: list[tuple[bool, list[tuple[str | None, SyntaxTreeNode | None]]]] = []
        for section in node.children:
            header = section.type == "thead"
            for tr in section.children:
                cells = []
                for cell in tr.children:
                    match = _ALIGN_RE.search(str(cell.attrs.get("style", "")))
                    inline = next((c for c in cell.children if c.type == "inline"), None)
                    cells.append((match.group(1) if match else None, inline))
                rows.append((header, cells))
        columns = max((len(cells) for _, cells in rows), default=1)
        lengths = [0] * columns
        floors = [0] * columns
        size = self.state.template.font_size
        for _, cells in rows:
            for index, (_, inline) in enumerate(cells):
                text = plain_text(inline) if inline is not None else ""
                lengths[index] = max(lengths[index], len(text))
                for word in set(text.split()):
                    floors[index] = max(floors[index], word_width(word, size))
        widths = column_widths(lengths, self.state.width() - where.indent, floors=floors)

        tbl = el("w:tbl")
        tbl_pr = sub(tbl, "w:tblPr")
        sub(tbl_pr, "w:tblStyle", {"w:val": self.styles["table"]})
        sub(tbl_pr, "w:tblW", {"w:w": str(sum(widths)), "w:type": "dxa"})
        if where.indent:
            sub(tbl_pr, "w:tblInd", {"w:w": str(where.indent), "w:type": "dxa"})
        sub(tbl_pr, "w:tblLayout", {"w:type": "fixed"})
        sub(tbl_pr, "w:tblLook", {"w:val": "04A0", "w:firstRow": "1", "w:lastRow": "0",
                                  "w:firstColumn": "0", "w:lastColumn": "0",
                                  "w:noHBand": "1", "w:noVBand": "1"})  # fmt: skip
        grid = sub(tbl, "w:tblGrid")
        for width in widths:
            sub(grid, "w:gridCol", {"w:w": str(width)})
        cell_wheres = [dataclasses.replace(where, max_width=w - CELL_MARGINS) for w in widths]
        for header, cells in rows:
            tr = sub(tbl, "w:tr")
            if header:
                tr_pr = sub(tr, "w:trPr")
                sub(tr_pr, "w:tblHeader")
            for index in range(columns):
                align, inline = cells[index] if index < len(cells) else (None, None)
                tc = sub(tr, "w:tc")
                tc_pr = sub(tc, "w:tcPr")
                sub(tc_pr, "w:tcW", {"w:w": str(widths[index]), "w:type": "dxa"})
                p = self.new_paragraph(None, jc=align)
                tc.append(p)
                children = inline.children if inline is not None else []
                self.inline.inline(p, children, cell_wheres[index], Fmt(bold=header))
        return tbl


def _is_task_checkbox(node: SyntaxTreeNode) -> bool:
    return node.type == "html_inline" and "task-list-item-checkbox" in node.content
