"""Deep nesting never loses text: it is kept, or refused with the line (issue 12, item 10).

markdown-it drops a block nested past its limit *and everything after it*;
twenty nested ``>`` used to give an empty document.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it.tree import SyntaxTreeNode

from advocacy.cli import main
from advocacy.errors import AdvocacyError
from advocacy.render import render
from advocacy.render.blocks import MAX_NESTING, parse_blocks


def words_of(nodes: list[SyntaxTreeNode]) -> list[str]:
    def walk(node: SyntaxTreeNode) -> str:
        own = node.content if node.type == "text" else ""
        return own + " " + " ".join(walk(child) for child in node.children)

    return re.findall(r"\w+", " ".join(walk(n) for n in nodes))


def nested_list(depth: int) -> str:
    return "".join("  " * i + f"- item{i}\n" for i in range(depth))


def docx_text(markdown: str) -> list[str]:
    document = docx.Document(io.BytesIO(render(markdown, "docx")))
    return [p.text for p in document.paragraphs]


def test_twenty_nested_quotes_keep_their_text_and_what_follows() -> None:
    assert docx_text(">" * 20 + " deep\n\nafter\n") == ["deep", "after"]


def test_fifteen_list_levels_keep_every_item_and_what_follows() -> None:
    text = docx_text(nested_list(15) + "\nafter\n")
    assert text == [f"item{i}" for i in range(15)] + ["after"]


def test_the_deepest_allowed_list_is_whole() -> None:
    depth = MAX_NESTING // 2 - 2
    assert words_of(parse_blocks(nested_list(depth) + "\nafter\n")) == [
        *(f"item{i}" for i in range(depth)),
        "after",
    ]


def test_too_deep_nesting_is_refused_with_its_line(tmp_path: Path) -> None:
    source = tmp_path / "deep.md"
    source.write_text("---\ntitle: Deep\n---\nIntro.\n\n" + ">" * 200 + " deep\n", "utf-8")
    out = tmp_path / "deep.docx"
    result = CliRunner().invoke(main, ["render", str(source), "-o", str(out)])
    assert result.exit_code == 1
    assert f"{source}:6: error: lists and block quotes nest too deeply" in result.output
    assert not out.exists()


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(["quote", "list"]), min_size=1, max_size=120),
    st.integers(min_value=0, max_value=2),
)
def test_nesting_either_keeps_every_word_or_is_refused(kinds: list[str], headings: int) -> None:
    lines = ["# Top\n"] * headings
    prefix = ""
    expected = ["Top"] * headings
    for index, kind in enumerate(kinds):
        if kind == "quote":
            prefix += "> "
            lines.append(f"{prefix}quote{index}\n{prefix.rstrip()}\n")
        else:
            lines.append(f"{prefix}- item{index}\n")
            prefix += "  "
        expected.append(f"quote{index}" if kind == "quote" else f"item{index}")
    markdown = "".join(lines) + "\nafter\n"
    try:
        blocks = parse_blocks(markdown, "x.md")
    except AdvocacyError as exc:
        assert exc.diagnostics[0].line is not None
        return
    assert words_of(blocks) == [*expected, "after"]


@pytest.mark.parametrize("depth", [30, 100])
def test_deep_inline_nesting_keeps_the_text(depth: int) -> None:
    text = docx_text("*" * depth + "x" + "*" * depth + " tail\n")
    assert "x" in text[0] and text[0].endswith("tail")
