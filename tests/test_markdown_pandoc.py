"""Our Markdown reads the same in pandoc: same headings, same words, no accidental TeX maths.

Every golden Markdown file is read twice: by our own parser (what the DOCX
writer sees) and by pandoc's default Markdown reader (what a person who runs
``pandoc letter.md -o letter.docx`` gets). A ``$`` pair read as maths, or a
heading swallowed into the list item above it, shows up as a difference.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from conftest import require_tool
from markdown_it.tree import SyntaxTreeNode

from advocacy.render.blocks import parse_blocks, plain_text
from advocacy.render.frontmatter import split_front_matter

GOLDEN = sorted((Path(__file__).parent / "golden").glob("*.md"))
_WORD = re.compile(r"\w+")
_MATH = "\u27e8maths\u27e9"  # never a word of ours


class Reading:
    """The headings (level, words) and the running words of a document."""

    def __init__(self) -> None:
        self.headings: list[tuple[int, str]] = []
        self.text: list[str] = []

    def words(self) -> list[str]:
        return _WORD.findall(" ".join(self.text).replace(_MATH, " MATHS "))


def our_reading(markdown: str) -> Reading:
    _, body = split_front_matter(markdown)
    reading = Reading()

    def walk(node: SyntaxTreeNode) -> None:
        kind = node.type
        if kind in ("html_inline", "html_block", "footnote_ref", "footnote_block"):
            return
        if kind in ("text", "code_inline", "fence", "code_block"):
            reading.text.append(node.content)
            return
        if kind in ("softbreak", "hardbreak"):
            reading.text.append(" ")
            return
        if kind == "heading":
            reading.headings.append((int(node.tag[1:]), " ".join(_WORD.findall(plain_text(node)))))
        for child in node.children:
            walk(child)
        reading.text.append(" ")

    for block in parse_blocks(body):
        walk(block)
    return reading


def pandoc_reading(path: Path) -> Reading:
    pandoc = require_tool("pandoc")
    result = subprocess.run(
        [pandoc, "-f", "markdown", "-t", "json", str(path)],
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    ast = json.loads(result.stdout)
    reading = Reading()

    def inline_text(items: list[Any]) -> str:
        sub = Reading()
        walk(items, sub)
        return " ".join(sub.text)

    def walk(value: Any, into: Reading) -> None:
        if isinstance(value, list):
            for item in value:
                walk(item, into)
            return
        if not isinstance(value, dict) or "t" not in value:
            return
        kind, content = value["t"], value.get("c")
        if kind == "Str":
            into.text.append(content.replace("\u2610", "").replace("\u2612", ""))  # task boxes
        elif kind in ("Space", "SoftBreak", "LineBreak"):
            into.text.append(" ")
        elif kind in ("Code", "CodeBlock"):
            into.text.append(content[1])
        elif kind == "Math":
            into.text.append(_MATH)
        elif kind in ("RawInline", "RawBlock", "Note"):
            return
        elif kind == "Header":
            level, _, inlines = content
            into.headings.append((level, " ".join(_WORD.findall(inline_text(inlines)))))
            walk(inlines, into)
            into.text.append(" ")
        else:
            walk(content, into)
            into.text.append(" ")

    walk(ast["blocks"], reading)
    return reading


@pytest.mark.parametrize("golden", GOLDEN, ids=lambda p: p.name)
def test_golden_markdown_reads_the_same_in_pandoc(golden: Path) -> None:
    theirs = pandoc_reading(golden)
    ours = our_reading(golden.read_text("utf-8"))
    assert _MATH not in " ".join(theirs.text), "pandoc reads part of the text as TeX maths"
    assert theirs.headings == ours.headings
    assert theirs.words() == ours.words()


def test_the_comparison_catches_maths_and_swallowed_headings(tmp_path: Path) -> None:
    """Without the escaping and the blank line, the readings differ."""
    path = tmp_path / "raw.md"
    path.write_text("Pay ($) here | and ($) there.\n\n- item\n## Heading\n", "utf-8")
    theirs = pandoc_reading(path)
    ours = our_reading(path.read_text("utf-8"))
    assert _MATH in " ".join(theirs.text)
    assert ours.headings == [(2, "Heading")] and theirs.headings == []
