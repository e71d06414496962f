"""Every kind of bad input the issue lists gets a located error and exit 1, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from factories import point_data, write_library, write_point

from advocacy.cli import main

VALID = """\
id: peer-ethics
title: Peer ethics
category: ethics
summary: One sentence.
body: Some text.
ask: Describe it.
"""


def lint(path: Path, *args: str):
    result = CliRunner().invoke(main, ["points", "lint", str(path), *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "internal error" not in result.output
    return result


def write(tmp_path: Path, text: str | bytes, name: str = "peer-ethics.yaml") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, "utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "where", "expected"),
    [
        (VALID.replace("title: Peer ethics", "title:\n\t- Peer ethics"), ":3:1:", "tab"),
        (
            VALID.replace("summary: One sentence.", "summary One sentence."),
            ":5:1:",
            "missing its ':'",
        ),
        (VALID + "title: Again\n", ":7:1:", "duplicate key 'title'"),
        (VALID + "tags: peer\n", ":7:1:", "'tags' must be a list"),
        (VALID + "titel: Typo\n", ":7:1:", "did you mean 'title'?"),
        ("", ":1:1:", "the file is empty"),
    ],
    ids=["tab-indent", "missing-colon", "duplicate-key", "wrong-type", "unknown-field", "empty"],
)
def test_yaml_mistakes_are_located(tmp_path: Path, text: str, where: str, expected: str) -> None:
    path = write(tmp_path, text)
    result = lint(path)
    assert result.exit_code == 1
    assert f"{path}{where} error:" in result.output
    assert expected in result.output


def test_latin1_file_names_the_bad_byte(tmp_path: Path) -> None:
    path = write(tmp_path, VALID.replace("One sentence.", "Un caf\u00e9.").encode("latin-1"))
    result = lint(path)
    assert result.exit_code == 1
    assert f"{path}:4:16: error: the file is not valid UTF-8 (byte 0xe9)" in result.output
    assert "hint: re-save the file with UTF-8 encoding" in result.output


def test_binary_file(tmp_path: Path) -> None:
    path = write(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    result = lint(path)
    assert result.exit_code == 1
    assert "binary file" in result.output


def test_twenty_megabyte_file_is_refused_without_parsing(tmp_path: Path) -> None:
    path = write(tmp_path, VALID + "# " + "x" * (20 * 1024 * 1024) + "\n")
    result = lint(path)
    assert result.exit_code == 1
    assert "20.0 MB, more than the 2.0 MB limit" in result.output


def test_alias_bomb_is_refused(tmp_path: Path) -> None:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    path = write(tmp_path, "\n".join(lines) + "\n")
    result = lint(path)
    assert result.exit_code == 1
    assert "expands to more than 200,000 values" in result.output


def test_id_must_match_file_name(tmp_path: Path) -> None:
    path = write_point(tmp_path, "peer-ethics")
    renamed = path.rename(tmp_path / "ethics.yaml")
    result = lint(renamed)
    assert result.exit_code == 1
    assert f"{renamed}:1:1: error: id 'peer-ethics' does not match the file name 'ethics.yaml'" in (
        result.output
    )


def test_two_files_with_the_same_id(tmp_path: Path) -> None:
    write_library(tmp_path / "lib")
    write_point(tmp_path / "lib" / "sub", "peer-ethics")
    result = lint(tmp_path / "lib")
    assert result.exit_code == 1
    assert "duplicate id 'peer-ethics'" in result.output
    assert "sub/peer-ethics.yaml:1:1:" in result.output


def test_directory_that_does_not_exist(tmp_path: Path) -> None:
    missing = tmp_path / "nope"
    result = lint(missing)
    assert result.exit_code == 1
    assert f"{missing}: error: no such file or folder" in result.output


def test_library_option_with_missing_directory(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["--library", str(tmp_path / "nope"), "points", "list"])
    assert result.exit_code == 1
    assert "talking-point folder does not exist" in result.output


def test_every_error_in_a_file_is_reported_not_just_the_first(tmp_path: Path) -> None:
    data = point_data(title="", summary=None, tags="peer")
    import yaml

    path = write(tmp_path, yaml.safe_dump(data, sort_keys=False))
    result = lint(path)
    assert result.exit_code == 1
    assert "'title' is empty" in result.output
    assert "missing required field 'summary'" in result.output
    assert "'tags' must be a list" in result.output
