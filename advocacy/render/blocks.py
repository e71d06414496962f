"""Markdown → block tree, shared by every writer that reads our Markdown.

The Markdown dialect is CommonMark plus tables, strikethrough, task lists and
footnotes, parsed with markdown-it-py. Two HTML comments are directives any
writer honours: ``<!-- pagebreak -->`` and ``<!-- landscape -->`` /
``<!-- portrait -->``. Input is bounded (:data:`MAX_MARKDOWN_CHARS`).

markdown-it is imported here at module level: nothing imports this module
when the CLI starts.
"""

from __future__ import annotations

import functools
import re

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.tasklists import tasklists_plugin

from advocacy.errors import AdvocacyError

__all__ = [
    "MAX_MARKDOWN_CHARS",
    "check_size",
    "is_page_break",
    "orientation",
    "parse_blocks",
    "plain_text",
]

#: Markdown larger than this is refused rather than ground through slowly.
MAX_MARKDOWN_CHARS = 2_000_000

_PAGEBREAK_RE = re.compile(r"<!--\s*page\s*-?break\s*-->", re.IGNORECASE)
_ORIENTATION_RE = re.compile(r"<!--\s*(landscape|portrait)\s*-->", re.IGNORECASE)

_MD = (
    MarkdownIt("commonmark")
    .enable(["table", "strikethrough"])
    .use(tasklists_plugin)
    .use(footnote_plugin)
)

#: A top-level heading line: a block boundary in any CommonMark document.
_SECTION_START = re.compile(r"(?m)^(?=#{1,2} )")
#: Constructs that reach across a heading (fences, HTML blocks, reference
#: definitions, footnotes): documents with them are parsed whole.
_CROSS_SECTION = re.compile(r"(?m)^ {0,3}(```|~~~|<|\[[^\]]+\]:)|\[\^")


def check_size(body: str, source: str) -> None:
    """Refuse Markdown over :data:`MAX_MARKDOWN_CHARS` with a message naming ``source``."""
    if len(body) > MAX_MARKDOWN_CHARS:
        raise AdvocacyError(
            f"the Markdown is too long to convert ({len(body)} characters, limit {MAX_MARKDOWN_CHARS})",
            source,
            hint="split the document into smaller ones",
        )


def parse_blocks(body: str) -> list[SyntaxTreeNode]:
    """The top-level block nodes of ``body``.

    Batches render hundreds of letters whose sections (sources, talking
    points) repeat word for word, so sections between top-level headings are
    parsed once and cached. A heading always starts a new block, so the split
    gives the same tree, except for the constructs :data:`_CROSS_SECTION`
    catches; those documents are parsed whole. Writers only read the nodes.
    """
    if _CROSS_SECTION.search(body):
        return list(SyntaxTreeNode(_MD.parse(body)).children)
    blocks: list[SyntaxTreeNode] = []
    for chunk in _SECTION_START.split(body):
        blocks.extend(_parse_section(chunk))
    return blocks


@functools.lru_cache(maxsize=256)
def _parse_section(chunk: str) -> tuple[SyntaxTreeNode, ...]:
    return tuple(SyntaxTreeNode(_MD.parse(chunk)).children)


def plain_text(node: SyntaxTreeNode) -> str:
    """The visible text of an inline subtree (link URLs and markup excluded)."""
    if node.type in ("text", "code_inline"):
        return node.content
    if node.type in ("softbreak", "hardbreak"):
        return " "
    return "".join(plain_text(child) for child in node.children)


def is_page_break(html: str) -> bool:
    """True if an HTML block holds a ``<!-- pagebreak -->`` marker."""
    return _PAGEBREAK_RE.search(html) is not None


def orientation(html: str) -> bool | None:
    """``True`` for a ``<!-- landscape -->`` marker, ``False`` for portrait, else ``None``."""
    found = _ORIENTATION_RE.search(html)
    return None if found is None else found.group(1).lower() == "landscape"
