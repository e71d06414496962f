"""``advocacy render`` and the render() entry point: formats, safety, located errors."""

from __future__ import annotations

import zipfile
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from advocacy.cli import main
from advocacy.errors import AdvocacyError
from advocacy.render import format_for, render
from advocacy.render.formats import OutputFormat, RenderJob, registry, suffixes

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
    result = run("render", str(source), "-o", str(tmp_path / "x.odt"))
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
    with pytest.raises(AdvocacyError, match="docx and pdf output only"):
        render(DOC, "md", reference_doc=tmp_path / "x.docx")


def test_format_for() -> None:
    assert format_for(Path("a.DOCX")).name == "docx"
    assert format_for(Path("a.md")).name == "md"
    assert format_for(Path("a.markdown")).name == "md"
    assert format_for(None).name == "md"
    assert format_for(Path("-")).name == "md"
    assert format_for(Path("a.txt"), "docx").name == "docx"  # named explicitly: allowed
    with pytest.raises(AdvocacyError, match="does not match"):
        format_for(Path("a.docx"), "md")
    assert format_for(Path("a.pdf")).name == "pdf"
    with pytest.raises(AdvocacyError, match="unknown format 'html'") as info:
        format_for(Path("a.html"), "html")
    assert "docx, md, pdf" in (info.value.diagnostics[0].hint or "")


# --------------------------------------------------------------------------- the format registry


def test_registry_lists_markdown_docx_and_pdf_with_distinct_suffixes() -> None:
    table = registry()
    assert list(table) == ["docx", "md", "pdf"]
    assert table["md"].to_stdout and not table["docx"].to_stdout
    assert table["docx"].uses_reference_doc and not table["md"].uses_reference_doc
    all_suffixes = suffixes()
    assert len(all_suffixes) == len(set(all_suffixes))
    assert all(s.startswith(".") and s == s.lower() for s in all_suffixes)


def _format_choices(command: click.Command) -> list[str] | None:
    for param in command.params:
        if param.name == "fmt" and isinstance(param.type, click.Choice):
            return list(param.type.choices)
    return None


@pytest.mark.parametrize(
    "path", [("render",), ("rfi", "build"), ("rfi", "batch"), ("checklist", "build")]
)
def test_every_document_command_takes_its_format_choices_from_the_registry(
    path: tuple[str, ...],
) -> None:
    command: click.Command = main
    for name in path:
        assert isinstance(command, click.Group)
        command = command.commands[name]
    assert _format_choices(command) == list(registry())


def test_a_registered_format_is_usable_everywhere(
    monkeypatch: pytest.MonkeyPatch, source: Path, tmp_path: Path
) -> None:
    """Adding a format is one registration: render(), -o suffixes and --format follow it."""

    def write(job: RenderJob) -> bytes:
        return f"{job.meta.title}\n".encode()

    text = OutputFormat("txt", (".txt",), "plain text", write, to_stdout=True)
    monkeypatch.setitem(registry(), "txt", text)
    assert render(DOC, "txt") == b"Notes on peer roles\n"
    assert format_for(Path("notes.TXT")) is text
    out = tmp_path / "notes.txt"
    result = run("render", str(source), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert out.read_text("utf-8") == "Notes on peer roles\n"


def test_format_that_contradicts_the_output_suffix_is_a_usage_error(
    source: Path, tmp_path: Path
) -> None:
    out = tmp_path / "x.docx"
    result = run("render", str(source), "--format", "md", "-o", str(out))
    assert result.exit_code == 2
    assert "--format md does not match the output file 'x.docx'" in result.output
    assert not out.exists()
    result = run("render", str(source), "--format", "docx", "-o", str(tmp_path / "x.md"))
    assert result.exit_code == 2 and "does not match" in result.output


def test_rfi_build_refuses_markdown_into_a_docx(tmp_path: Path) -> None:
    """Issue 12 item 10: ``rfi build --format md -o x.docx`` wrote Markdown into a .docx."""
    response = Path(__file__).resolve().parent.parent / "examples" / "ma-dmh-cbfs" / "response.yaml"
    out = tmp_path / "x.docx"
    result = run("rfi", "build", str(response), "--format", "md", "-o", str(out))
    assert result.exit_code == 2, result.output
    assert "does not match" in result.output and not out.exists()


def test_format_without_output_picks_the_default_name_with_its_suffix(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("checklist", "build", "--format", "md")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "checklist.md").read_text("utf-8").startswith("---\n")
    assert not (tmp_path / "checklist.docx").exists()


def test_docx_prepares_its_reference_document_before_a_batch_forks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from advocacy.render.docx import reference

    monkeypatch.setattr(reference, "_TEMPLATES", {})
    registry()["md"].prepare(None)  # nothing to load
    assert reference._TEMPLATES == {}
    registry()["docx"].prepare(None)
    assert len(reference._TEMPLATES) == 1
