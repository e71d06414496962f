"""Markdown → block tree, shared by every writer that reads our Markdown.

The Markdown dialect is CommonMark plus tables, strikethrough, task lists and
footnotes, parsed with markdown-it-py. Some HTML comments are directives any
writer that paginates honours: ``<!-- pagebreak -->``, ``<!-- landscape -->`` /
``<!-- portrait -->``, ``<!-- keep-together -->`` … ``<!-- end-keep-together -->``
(the blocks between stay on one page when they fit) and
``<!-- writing-space -->`` (the next table's body rows are boxes to write in by
hand; ``<!-- writing-space: 5 lines -->`` sets their height). Input is bounded
(:data:`MAX_MARKDOWN_CHARS`).

markdown-it is imported here at module level: nothing imports this module
when the CLI starts.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.tree import SyntaxTreeNode
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.tasklists import tasklists_plugin

from advocacy.errors import AdvocacyError

__all__ = [
    "MAX_MARKDOWN_CHARS",
    "check_size",
    "is_page_break",
    "keep_together",
    "orientation",
    "parse_blocks",
    "plain_text",
    "writing_space",
]

#: Markdown larger than this is refused rather than ground through slowly.
MAX_MARKDOWN_CHARS = 2_000_000
#: How deep blocks may nest. Each block quote counts one level, each list two
#: (the list and its item). markdown-it silently drops everything after a
#: block nested deeper than its limit, so :func:`parse_blocks` refuses such
#: a document instead, naming the line.
MAX_NESTING = 100

_PAGEBREAK_RE = re.compile(r"<!--\s*page\s*-?break\s*-->", re.IGNORECASE)
_ORIENTATION_RE = re.compile(r"<!--\s*(landscape|portrait)\s*-->", re.IGNORECASE)
_KEEP_RE = re.compile(r"<!--\s*(end-)?keep-together\s*-->", re.IGNORECASE)
_WRITING_RE = re.compile(
    r"<!--\s*writing-space(?:\s*:\s*([1-9][0-9]?)\s*lines?)?\s*-->", re.IGNORECASE
)
#: Handwritten lines a ``<!-- writing-space -->`` row holds unless it says otherwise.
WRITING_LINES = 3


class _TooDeep(Exception):
    def __init__(self, line: int) -> None:
        self.line = line  # 0-based, in the text that was parsed


def _nesting_guard(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """Stop before markdown-it starts dropping text (the first block rule of every level).

    A list opens two levels at once (list, item), so the guard stops two short.
    """
    if state.level >= MAX_NESTING - 2:
        raise _TooDeep(start_line)
    return False


def _markdown(footnote_tail: bool = True) -> MarkdownIt:
    md = (
        MarkdownIt("commonmark", {"maxNesting": MAX_NESTING})
        .enable(["table", "strikethrough"])
        .use(tasklists_plugin)
        .use(footnote_plugin)
    )
    md.block.ruler.before("table", "nesting_guard", _nesting_guard)
    if not footnote_tail:
        md.core.ruler.disable("footnote_tail")
    return md


_MD = _markdown()
#: Parses one section of a document whose footnote definitions are parsed
#: apart: the notes are gathered once, after the last section.
_MD_SECTION = _markdown(footnote_tail=False)

#: Where a new top-level block starts in any document :data:`_CROSS_SECTION`
#: lets through: a heading line, or after a blank line, a line that starts
#: with a letter, ``**`` or a link or image (never a list item, quote or
#: indented line, which could continue the block before the blank line).
_SECTION_START = re.compile(r"(?m)^(?=#{1,2} )|(?<=\n\n)(?=\*\*|[^\W\d_]|!?\[)")
#: Constructs that reach across a heading (fences, HTML blocks other than a
#: one-line comment such as a page-break marker, reference and footnote
#: definitions, inline footnotes): documents with them are parsed whole. The
#: trailing block of one-line footnote definitions is split off before this check.
_CROSS_SECTION = re.compile(r"(?m)^ {0,3}(```|~~~|<(?!!--[^\n]*-->[ \t]*$)|\[[^\]]+\]:)|\^\[")
#: The footnote definitions that end a letter: one-line ``[^label]: text``
#: entries after a blank line, up to the end.
_TRAILING_NOTES = re.compile(r"(?:\A|\n[ \t]*\n)((?:\[\^[^\]\s]+\]:[^\n]*(?:\n|\Z))+)\s*\Z")
_NOTE_LABEL = re.compile(r"(?m)^\[\^([^\]\s]+)\]:")

#: Footnotes referenced so far, in order: (label, times referenced).
_Notes = tuple[tuple[str, int], ...]


def check_size(body: str, source: str) -> None:
    """Refuse Markdown over :data:`MAX_MARKDOWN_CHARS` with a message naming ``source``."""
    if len(body) > MAX_MARKDOWN_CHARS:
        raise AdvocacyError(
            f"the Markdown is too long to convert ({len(body)} characters, limit {MAX_MARKDOWN_CHARS})",
            source,
            hint="split the document into smaller ones",
        )


def parse_blocks(
    body: str, source: str = "<markdown>", first_line: int = 1
) -> list[SyntaxTreeNode]:
    """The top-level block nodes of ``body``.

    Batches render hundreds of letters whose sections (sources, talking
    points) repeat word for word, so pieces between top-level block starts
    (:data:`_SECTION_START`) are parsed once and cached. Such a line always
    starts a new block, so the split gives the same tree, except for the constructs :data:`_CROSS_SECTION`
    catches; those documents are parsed whole. Footnote definitions at the
    end (:data:`_TRAILING_NOTES`) are split off: each section is parsed with
    the footnotes referenced before it, so ids and reference counts are those
    of a whole parse, and the notes block is parsed last. Writers only read
    the nodes.

    Blocks nested deeper than :data:`MAX_NESTING` raise
    :class:`~advocacy.errors.AdvocacyError` naming ``source`` and the line
    (``first_line`` is the file's line number of the body's first line).
    """
    offset = first_line
    try:
        notes = _TRAILING_NOTES.search(body)
        if notes and notes.group(1).count("[^") != notes.group(1).count("\n[^") + 1:
            notes = None  # a note that cites a note: parsed whole
        main = body[: notes.start(1)] if notes else body
        if _CROSS_SECTION.search(main):
            return list(SyntaxTreeNode(_MD.parse(body)).children)
        labels = frozenset(_NOTE_LABEL.findall(notes.group(1))) if notes else frozenset()
        blocks: list[SyntaxTreeNode] = []
        used: _Notes = ()
        for chunk in _SECTION_START.split(main):
            if labels and "[^" in chunk:
                nodes, used = _parse_section_with_notes(chunk, labels, used)
            else:
                nodes = _parse_section(chunk)
            blocks.extend(nodes)
            offset += chunk.count("\n")
        if notes:
            blocks.extend(_parse_notes(notes.group(1), labels, used))
        return blocks
    except _TooDeep as exc:
        raise AdvocacyError(
            "lists and block quotes nest too deeply here (at most "
            f"{MAX_NESTING // 2 - 2} levels of lists, or {MAX_NESTING - 3} of quotes)",
            source,
            offset + exc.line,
            hint="flatten the nesting: Word shows at most nine list levels anyway",
        ) from None


@functools.lru_cache(maxsize=256)
def _parse_section(chunk: str) -> tuple[SyntaxTreeNode, ...]:
    return tuple(SyntaxTreeNode(_MD_SECTION.parse(chunk)).children)


def _notes_env(labels: frozenset[str], used: _Notes) -> dict[str, Any]:
    """The footnote state a whole parse has when it reaches this point.

    markdown-it numbers footnotes in order of first reference and counts the
    references to each; a section parsed apart starts from this state, so its
    ids are those of a whole parse.
    """
    refs = {f":{label}": -1 for label in labels}
    refs.update({f":{label}": index for index, (label, _) in enumerate(used)})
    listed = {index: {"label": label, "count": count} for index, (label, count) in enumerate(used)}
    return {"footnotes": {"refs": refs, "list": listed}}


def _used_notes(env: dict[str, Any]) -> _Notes:
    return tuple((note["label"], note["count"]) for note in env["footnotes"]["list"].values())


@functools.lru_cache(maxsize=256)
def _parse_section_with_notes(
    chunk: str, labels: frozenset[str], used: _Notes
) -> tuple[tuple[SyntaxTreeNode, ...], _Notes]:
    env = _notes_env(labels, used)
    nodes = tuple(SyntaxTreeNode(_MD_SECTION.parse(chunk, env)).children)
    return nodes, _used_notes(env)


@functools.lru_cache(maxsize=64)
def _parse_notes(text: str, labels: frozenset[str], used: _Notes) -> tuple[SyntaxTreeNode, ...]:
    """The footnote block a whole parse ends with: the notes referenced, in order."""
    return tuple(SyntaxTreeNode(_MD.parse(text, _notes_env(labels, used))).children)


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


def keep_together(html: str) -> bool | None:
    """``True`` for ``<!-- keep-together -->``, ``False`` for its end marker, else ``None``."""
    found = _KEEP_RE.search(html)
    return None if found is None else found.group(1) is None


def writing_space(html: str) -> int | None:
    """The handwritten lines a ``<!-- writing-space -->`` marker asks for, else ``None``."""
    found = _WRITING_RE.search(html)
    if found is None:
        return None
    return int(found.group(1)) if found.group(1) else WRITING_LINES
