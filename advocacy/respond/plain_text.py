"""Plain text from our Markdown, and characters counted as a web form counts them.

A portal's comment box takes plain text, and its limit counts what the
browser counts: ``maxlength`` and ``value.length`` measure UTF-16 code units,
after the text is normalised the way a form submits it (NFC). So an accented
letter typed as one character counts 1, the same letter built from a base
and a combining mark counts 1 once composed, and an emoji outside the Basic
Multilingual Plane counts 2. :func:`form_length` counts exactly that.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it.tree import SyntaxTreeNode

_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[\"“¿¡A-ZÁÉÍÓÚÑ0-9])")


def form_length(text: str) -> int:
    """The length a browser form gives ``text``: UTF-16 code units of its NFC form."""
    return len(unicodedata.normalize("NFC", text).encode("utf-16-le")) // 2


def markdown_to_plain(markdown: str, footnotes: bool = True, source: str = "<markdown>") -> str:
    """The visible text of ``markdown`` (front matter dropped), as plain paragraphs.

    Lists keep their bullets and numbers, links show their address after the
    text, footnote marks become ``[1]`` with the notes listed at the end
    under "Sources"; with ``footnotes=False`` marks and notes are left out
    (a spoken version reads no footnotes).
    """
    from advocacy.render.blocks import parse_blocks
    from advocacy.render.frontmatter import split_front_matter

    _, body = split_front_matter(markdown, source)
    paragraphs: list[str] = []
    notes: list[str] = []
    for node in parse_blocks(body, source):
        if node.type == "footnote_block":
            if footnotes:
                for n, note in enumerate(node.children, start=1):
                    notes.append(f"[{n}] " + " ".join(_blocks(note.children, footnotes)))
            continue
        paragraphs.extend(_blocks([node], footnotes))
    if notes:
        paragraphs += ["Sources:" if notes else "", *notes]
    text = "\n\n".join(p for p in paragraphs if p.strip())
    return unicodedata.normalize("NFC", text) + "\n"


def short_paragraphs(text: str, max_words: int = 60) -> str:
    """``text`` with paragraphs over ``max_words`` words split at sentence ends."""
    out: list[str] = []
    for paragraph in text.split("\n\n"):
        sentences = _SENTENCE_END.split(paragraph.strip())
        chunk: list[str] = []
        for sentence in sentences:
            if chunk and len(" ".join([*chunk, sentence]).split()) > max_words:
                out.append(" ".join(chunk))
                chunk = []
            chunk.append(sentence)
        if chunk:
            out.append(" ".join(chunk))
    return "\n\n".join(p for p in out if p) + "\n"


def _blocks(nodes: list[SyntaxTreeNode], footnotes: bool, prefix: str = "") -> list[str]:
    out: list[str] = []
    for node in nodes:
        kind = node.type
        if kind in ("paragraph", "heading"):
            out.append(prefix + _inline(node, footnotes).strip())
        elif kind in ("bullet_list", "ordered_list"):
            start = int(node.attrs.get("start", 1) or 1)
            for n, item in enumerate(node.children, start=start):
                mark = f"{n}. " if kind == "ordered_list" else "- "
                lines = _blocks(item.children, footnotes)
                out.append(prefix + mark + "\n   ".join(lines))
        elif kind == "blockquote":
            out.extend(_blocks(node.children, footnotes, prefix))
        elif kind in ("fence", "code_block"):
            out.append(node.content.rstrip("\n"))
        elif kind == "table":
            rows = [r for section in node.children for r in section.children]
            out.append(
                "\n".join(" | ".join(_inline(c, footnotes) for c in r.children) for r in rows)
            )
        # html blocks (page breaks) and rules show nothing
    return out


def _inline(node: SyntaxTreeNode, footnotes: bool) -> str:
    kind = node.type
    if kind in ("text", "code_inline"):
        return node.content
    if kind == "softbreak":
        return " "
    if kind == "hardbreak":
        return "\n"
    if kind == "footnote_ref":
        return f"[{node.meta['id'] + 1}]" if footnotes else ""
    if kind == "link":
        text = "".join(_inline(c, footnotes) for c in node.children)
        href = str(node.attrs.get("href", ""))
        target = href.removeprefix("mailto:")
        return text if not href or target == text else f"{text} ({target})"
    if kind == "image":
        return str(node.attrs.get("alt", "") or node.content)
    return "".join(_inline(c, footnotes) for c in node.children)
