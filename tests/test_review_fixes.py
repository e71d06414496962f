"""Hostile and unusual input found in review: each gets a located error, never a crash."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from factories import write_library, write_point

from advocacy.atomic import write_atomic
from advocacy.cli import main
from advocacy.errors import AdvocacyError

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "ma-dmh-cbfs"


def run(*args: str, **kwargs):
    result = CliRunner().invoke(main, list(args), **kwargs)
    assert "internal error" not in result.output, result.output
    return result


def init_response(out: Path | str, *args: str, **kwargs):
    """``advocacy rfi init`` for the example RFI, writing ``out``."""
    return run("rfi", "init", "--rfi", str(EXAMPLE / "rfi.yaml"), "-o", str(out), *args, **kwargs)


def test_markup_like_text_is_shown_literally(tmp_path: Path) -> None:
    library = write_library(tmp_path / "mine", ())
    write_point(library, "odd-title", title="Peers [/bold] and [red]friends")
    result = run(
        "--library", str(library), "points", "list", "--category", "ethics", env={"COLUMNS": "200"}
    )
    assert result.exit_code == 0 and "Peers [/bold] and [red]friends" in result.output


def test_unknown_language_is_refused_up_front(tmp_path: Path) -> None:
    assert run("checklist", "build", "--lang", "zz", "-o", "-").exit_code == 2
    response = tmp_path / "r.yaml"
    data = yaml.safe_load((EXAMPLE / "response.yaml").read_text("utf-8"))
    data.update(language="qq", rfi=str(EXAMPLE / "rfi.yaml"))
    response.write_text(yaml.safe_dump(data), "utf-8")
    result = run("rfi", "check", str(response))
    assert result.exit_code == 1 and "unknown language 'qq'" in result.output


def test_damaged_and_protected_docx(tmp_path: Path) -> None:
    good = tmp_path / "good.docx"
    run("render", str(ROOT / "tests" / "fixtures" / "sample.md"), "-o", str(good))
    data = bytearray(good.read_bytes())
    with zipfile.ZipFile(good) as z:
        info = z.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    data[start + 10 : start + 40] = b"\xff" * 30  # corrupt the deflate stream
    broken = tmp_path / "broken.docx"
    broken.write_bytes(bytes(data))
    result = run("score", "evidence", str(broken))
    assert result.exit_code == 1 and "not a Word document" in result.output
    ole = tmp_path / "locked.docx"
    ole.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    result = run("score", "evidence", str(ole))
    assert result.exit_code == 1 and "password-protected, or an old .doc" in result.output


def test_name_patterns_only_take_plain_fields(tmp_path: Path) -> None:
    result = run(
        "rfi",
        "batch",
        str(EXAMPLE / "response.yaml"),
        "--people",
        str(EXAMPLE / "advocates.csv"),
        "-o",
        str(tmp_path / "out"),
        "--name",
        "{first_name.upper}",
    )
    assert result.exit_code == 1 and "only plain names in braces" in result.output


def test_a_huge_csv_cell_is_a_located_error(tmp_path: Path) -> None:
    people = tmp_path / "people.csv"
    people.write_text('first_name,last_name\nA,"' + "x" * 200_000 + '"\n', "utf-8")
    result = run(
        "rfi",
        "batch",
        str(EXAMPLE / "response.yaml"),
        "--people",
        str(people),
        "-o",
        str(tmp_path / "out"),
    )
    assert (
        result.exit_code == 1
        and f"{people}:" in result.output
        and "cannot be read" in result.output
    )


def test_broken_user_templates(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "checklist.md.j2").write_text('{% include "checklist.md.j2" %}\n', "utf-8")
    result = run("checklist", "build", "--template-dir", str(folder), "-o", "-")
    assert result.exit_code == 1 and "includes itself" in result.output
    (folder / "checklist.md.j2").write_bytes(b"caf\xe9 {{ rubric.title }}\n")
    result = run("checklist", "build", "--template-dir", str(folder), "-o", "-")
    assert result.exit_code == 1 and "not UTF-8" in result.output


def test_response_template_must_stay_in_its_folder(tmp_path: Path) -> None:
    response = tmp_path / "r.yaml"
    data = yaml.safe_load((EXAMPLE / "response.yaml").read_text("utf-8"))
    data.update(template="/etc/hostname", rfi=str(EXAMPLE / "rfi.yaml"))
    response.write_text(yaml.safe_dump(data, sort_keys=False), "utf-8")
    result = run("rfi", "build", str(response), "-o", "-", "--now", "2017-05-25")
    assert (
        result.exit_code == 1
        and "the template must be a file in the response's folder" in result.output
    )


def test_output_to_a_folder_or_an_unwritable_place(tmp_path: Path) -> None:
    source = ROOT / "tests" / "fixtures" / "sample.md"
    folder = tmp_path / "x.docx"
    folder.mkdir()
    with pytest.raises(AdvocacyError, match="the output path is a folder"):
        write_atomic(folder, b"data", force=True)
    if Path("/proc").is_dir():
        result = run("render", str(source), "-o", "/proc/x.docx")
        assert result.exit_code == 1 and "cannot write the file" in result.output


def test_rfi_init_never_writes_a_file_that_fails(tmp_path: Path) -> None:
    out = tmp_path / "r.yaml"
    result = run(
        "rfi", "init", "--rfi", str(EXAMPLE / "rfi.yaml"), "-o", str(out), "--no-interactive"
    )
    assert result.exit_code == 1 and "--name, --organization or --anonymous" in result.output
    assert not out.exists()
    result = init_response(
        str(out),
        "--no-interactive",
        "--name",
        "A",
        "--answer",
        "peer-roles=",
        "--intro",
        "workforce=   ",
    )
    assert result.exit_code == 0, result.output
    assert run("rfi", "check", str(out), "--now", "2017-05-25").exit_code == 0


def test_linting_categories_file_directly() -> None:
    result = run("points", "lint", str(ROOT / "talking_points" / "categories.yaml"))
    assert result.exit_code == 0 and "error" not in result.output


def test_json_and_output_file_together_is_a_usage_error(tmp_path: Path) -> None:
    sheets = sorted(str(p) for p in (EXAMPLE / "scores").glob("*.yaml"))
    result = run("score", "report", *sheets, "--json", "-o", str(tmp_path / "r.csv"))
    assert result.exit_code == 2 and not (tmp_path / "r.csv").exists()
    result = run("score", "report", *sheets, "-o", str(tmp_path / "r.txt"))
    assert (
        result.exit_code == 1 and "name the file .docx, .md, .pdf, .csv or .json" in result.output
    )


def test_a_closed_pipe_is_not_an_error(tmp_path: Path) -> None:
    big = tmp_path / "big.md"
    big.write_text("# Big\n\n" + "A line of text for the pipe.\n\n" * 20_000, "utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "advocacy", "render", str(big), "-o", "-"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.read(100)
    process.stdout.close()
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=60) == 0, stderr
    assert "internal error" not in stderr
