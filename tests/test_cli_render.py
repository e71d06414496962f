"""``advocacy render`` and the render() entry point: formats, safety, located errors."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from advocacy.cli import main
from advocacy.errors import AdvocacyError
from advocacy.render import format_for, render

DOC = """---
title: Notes on peer roles
author: A. Advocate
date: 2017-06-02
---
# Peer roles

Peer supervisors **matter**.
"""


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "notes.md"
    path.write_text(DOC, "utf-8")
    return path


def test_render_to_docx_next_to_the_source_by_default(source: Path) -> None:
    result = run("render", str(source))
    assert result.exit_code == 0, result.output
    out = source.with_suffix(".docx")
    assert zipfile.is_zipfile(out)
    assert "wrote" in result.output


def test_existing_output_is_kept_without_force(source: Path) -> None:
    out = source.with_suffix(".docx")
    out.write_bytes(b"precious")
    result = run("render", str(source), "-o", str(out))
    assert result.exit_code == 1
    assert "already exists" in result.output and "--force" in result.output
    assert out.read_bytes() == b"precious"
    assert run("render", str(source), "-o", str(out), "--force").exit_code == 0
    assert zipfile.is_zipfile(out)


def test_markdown_to_stdout_is_the_input_unchanged(source: Path) -> None:
    result = run("render", str(source), "-o", "-")
    assert result.exit_code == 0
    assert result.stdout == DOC


def test_docx_to_stdout_is_refused(source: Path) -> None:
    result = run("render", str(source), "-o", "-", "--format", "docx")
    assert result.exit_code == 1 and "cannot go to the terminal" in result.output


def test_unknown_suffix_and_missing_folder(source: Path, tmp_path: Path) -> None:
    result = run("render", str(source), "-o", str(tmp_path / "x.pdf"))
    assert result.exit_code == 1 and "cannot tell the output format" in result.output
    result = run("render", str(source), "-o", str(tmp_path / "no" / "x.docx"))
    assert result.exit_code == 1 and "output folder does not exist" in result.output


def test_bad_front_matter_is_located(tmp_path: Path) -> None:
    path = tmp_path / "bad.md"
    path.write_text("---\ntitle: x\ndate: someday\nlang: english!\n---\nbody\n", "utf-8")
    result = run("render", str(path), "-o", str(tmp_path / "bad.docx"))
    assert result.exit_code == 1
    assert f"{path}:3:1: error:" in result.output and "'date'" in result.output
    assert f"{path}:4:1: error:" in result.output and "'lang'" in result.output
    assert not (tmp_path / "bad.docx").exists()


def test_unclosed_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "bad.md"
    path.write_text("---\ntitle: x\n# body\n", "utf-8")
    result = run("render", str(path), "-o", str(tmp_path / "bad.docx"))
    assert (
        result.exit_code == 1 and "front matter starting on line 1 is not closed" in result.output
    )


def test_missing_source_and_binary_source(tmp_path: Path) -> None:
    result = run("render", str(tmp_path / "none.md"))
    assert result.exit_code == 1 and "Markdown file not found" in result.output
    binary = tmp_path / "x.md"
    binary.write_bytes(b"\x00\x01")
    result = run("render", str(binary), "-o", str(tmp_path / "x.docx"))
    assert result.exit_code == 1 and "binary file" in result.output


def test_render_api_is_deterministic_and_atomic(tmp_path: Path) -> None:
    first = render(DOC, "docx")
    assert render(DOC, "docx") == first
    out = tmp_path / "r.docx"
    assert render(DOC, "docx", out) == first == out.read_bytes()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_reference_doc_only_for_docx(tmp_path: Path) -> None:
    with pytest.raises(AdvocacyError, match="DOCX output only"):
        render(DOC, "md", reference_doc=tmp_path / "x.docx")


def test_format_for() -> None:
    assert format_for(Path("a.DOCX")) == "docx"
    assert format_for(Path("a.md")) == "md"
    assert format_for(None) == "md"
    assert format_for(Path("a.txt"), "docx") == "docx"
