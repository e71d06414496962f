"""Lint places each finding where it is, though places are looked up only for findings.

Positions are found in the composed YAML only when a rule reports something,
and some counts are skipped when a cheap bound shows they can't cross a
limit; these tests pin the places and the limits, in the worker processes too.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from factories import write_library, write_point
from hypothesis import given
from hypothesis import strategies as st

import advocacy.library
from advocacy.cli import main
from advocacy.library import LibrarySource, lint_library
from advocacy.point_checks import MAX_BODY_WORDS
from advocacy.wordcount import count_words

TODAY = dt.date(2026, 11, 23)


def lint_json(path: Path) -> list[dict]:
    result = CliRunner().invoke(main, ["points", "lint", str(path), "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)["diagnostics"]


def place_of(path: Path, text: str, nth: int = 0) -> tuple[int, int]:
    """The line and column of the ``nth`` line that holds ``text``, where it starts."""
    found = [
        (number, line.index(text) + 1)
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if text in line
    ]
    return found[nth]


EVALUATION = {
    "question": "Does the bid commit to the CPS code of ethics?",
    "look_for": [
        "Names the code",
        {"text": "Training on it", "match": ["ethics training", "the ... of"]},
        {"text": "Concepts", "match": ["@medication-duty"]},
    ],
    "red_flags": [{"text": "Unrelated", "why": "Too broad.", "match": ["code", "water"]}],
}


def test_match_phrase_findings_are_placed_at_their_phrase(tmp_path: Path) -> None:
    library = write_library(tmp_path / "lib", ())
    path = write_point(library, "peer-ethics", evaluation=EVALUATION)
    found = {
        d["message"].split("'")[1]: (d["line"], d["column"])
        for d in lint_json(path)
        if d["code"] in ("match-pattern", "match-too-broad")
    }
    assert found == {
        "the ... of": place_of(path, "the ... of"),
        "@medication-duty": place_of(path, "'@medication-duty'"),
        "water": place_of(path, "water"),
    }


def test_a_source_link_finding_is_placed_at_its_url(tmp_path: Path) -> None:
    library = write_library(tmp_path / "lib", ())
    source = {"id": "kiva-networks", "title": "Peer Support", "publisher": "Kiva", "year": 2020}
    sources = [
        {**source, "url": "https://kivacenters.org/a/"},
        {**source, "id": "home", "url": "http://example.org/"},
    ]
    path = write_point(
        library,
        "peer-ethics",
        sources=sources,
        rationale="Cited.[^kiva-networks][^home]",
    )
    found = [(d["message"], d["line"], d["column"]) for d in lint_json(path)]
    line, column = place_of(path, "url: http://example.org/")
    assert found == [
        ("source 'home' links with http:", line, column),
        ("source 'home' links only to a site's home page (example.org)", line, column),
    ]


@pytest.mark.parametrize(
    ("body", "warned"),
    [
        ("a " * MAX_BODY_WORDS, False),  # 2 x limit characters: not counted, and fine
        ("a " * MAX_BODY_WORDS + "a", True),  # one character more holds one word too many
        ("a-b " * (MAX_BODY_WORDS // 2) + "c", False),  # hyphenated words count once
    ],
)
def test_long_body_at_the_bound(tmp_path: Path, body: str, warned: bool) -> None:
    lib = write_library(tmp_path, ())
    write_point(lib, "peer-ethics", body=body)
    report = lint_library([LibrarySource("mine", lib)], TODAY)
    assert [d.code for d in report.diagnostics] == (["long-body"] if warned else [])


@given(st.text(alphabet="ab1é_ -.'’/[]()!^<>:#*\nhtps", max_size=60))
def test_words_are_at_least_one_character_apart(text: str) -> None:
    """What the long-body shortcut rests on: n characters hold at most (n + 1) // 2 words."""
    assert count_words(text) <= (len(text) + 1) // 2


def test_places_from_worker_processes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lib = write_library(tmp_path, tuple(f"point-{i:02d}" for i in range(6)))
    write_point(lib, "phrases", evaluation=EVALUATION)
    write_point(lib, "bad-related", related=["point-00"], category="nope")
    (lib / "duplicate.yaml").write_text("id: duplicate\nid: again\n", "utf-8")
    sequential = lint_json(lib)
    monkeypatch.setattr(advocacy.library, "PARALLEL_FROM", 2)
    assert lint_json(lib) == sequential
    assert {d["code"] for d in sequential} >= {"match-pattern", "category", "match-too-broad"}
    (duplicate,) = [d for d in sequential if d["file"].endswith("duplicate.yaml")]
    assert (duplicate["line"], duplicate["column"]) == (2, 1)


def test_the_files_lint_finds(tmp_path: Path) -> None:
    """Both suffixes, in subfolders, sorted by folder then name; hidden ones,
    categories.yaml and folders reached through a link are left out."""
    lib = write_library(tmp_path / "lib", ("b-point",))
    write_point(lib / "sub", "a-point")
    (lib / "sub" / "c-point.yml").write_text((lib / "b-point.yaml").read_text())
    write_point(lib / ".drafts", "hidden-folder")
    write_point(lib, ".hidden-file")
    (lib / "notes.txt").write_text("not a point")
    elsewhere = write_library(tmp_path / "elsewhere", ("linked",))
    (lib / "link").symlink_to(elsewhere, target_is_directory=True)
    found = [p.relative_to(lib).as_posix() for p in advocacy.library._point_files(lib)]
    assert found == ["b-point.yaml", "sub/a-point.yaml", "sub/c-point.yml"]
