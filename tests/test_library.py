"""The talking-point library through the core API: discovery, overrides, lint rules."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from factories import write_library, write_point

from advocacy.errors import AdvocacyError
from advocacy.library import (
    BUILTIN,
    LibrarySource,
    library_sources,
    lint_library,
    lint_paths,
    load_library,
)

TODAY = dt.date(2026, 11, 23)


def own(folder: Path) -> list[LibrarySource]:
    return [LibrarySource("mine", folder)]


def codes(report) -> list[tuple[str, str]]:
    return [(d.severity.value, d.code) for d in report.diagnostics]


def test_a_valid_library_lints_clean(tmp_path: Path) -> None:
    lib = write_library(tmp_path, ("peer-ethics", "peer-training"))
    report = lint_library(own(lib), TODAY)
    assert report.diagnostics == []
    assert report.files == 2
    assert sorted(load_library(own(lib)).points) == ["peer-ethics", "peer-training"]


def test_user_point_overrides_builtin_and_remembers_its_source(tmp_path: Path) -> None:
    user = write_library(tmp_path / "user", ())
    write_point(user, "override-me", title="Mine")
    base = write_library(tmp_path / "base", ())
    write_point(base, "override-me", title="Theirs")
    library = load_library([LibrarySource(BUILTIN, base), LibrarySource("user", user)])
    assert library.get("override-me").point.title == "Mine"
    assert library.get("override-me").source == "user"


def test_environment_and_option_folders_come_after_builtin(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    sources = library_sources([b], environ={"ADVOCACY_LIBRARY": str(a)})
    assert [s.label for s in sources] == [BUILTIN, str(a), str(b)]


def test_unknown_id_suggests_the_closest(tmp_path: Path) -> None:
    library = load_library(own(write_library(tmp_path)))
    with pytest.raises(AdvocacyError, match="no talking point with id 'peer-ethic'") as info:
        library.get("peer-ethic")
    assert info.value.diagnostics[0].hint == "did you mean 'peer-ethics'?"


def test_load_library_raises_with_every_error(tmp_path: Path) -> None:
    lib = write_library(tmp_path)
    write_point(lib, "bad-one", category="nope")
    write_point(lib, "bad-two", related=["peer-ethcs"])
    with pytest.raises(AdvocacyError) as info:
        load_library(own(lib))
    messages = [d.message for d in info.value.diagnostics]
    assert messages == ["unknown category 'nope'", "related point 'peer-ethcs' does not exist"]
    assert info.value.diagnostics[1].hint == "did you mean 'peer-ethics'?"


@pytest.mark.parametrize(
    ("overrides", "code", "message"),
    [
        ({"sources": [], "rationale": "Plain."}, "no-sources", "approved point has no sources"),
        ({"reviewed": dt.date(2025, 11, 1)}, "stale", "more than 12 months ago"),
        ({"reviewed": None}, "stale", "no 'reviewed' date"),
        ({"body": "word " * 401}, "long-body", "body has 401 words, more than 400"),
        ({"summary": "Peer roles donâ€™t vary."}, "mojibake", "text looks garbled"),
        ({"evaluation": None}, "empty-evaluation", "no evaluation"),
    ],
)
def test_warnings(tmp_path: Path, overrides: dict, code: str, message: str) -> None:
    lib = write_library(tmp_path, ())
    path = write_point(lib, "peer-ethics", **overrides)
    report = lint_library(own(lib), TODAY)
    assert codes(report) == [("warning", code)]
    diag = report.diagnostics[0]
    assert message in diag.message
    assert diag.file == str(path) and diag.line is not None
    assert not report.failed() and report.failed(strict=True)


def test_body_of_exactly_400_words_is_fine(tmp_path: Path) -> None:
    lib = write_library(tmp_path, ())
    write_point(lib, "peer-ethics", body="word " * 400)
    assert lint_library(own(lib), TODAY).diagnostics == []


def test_draft_without_sources_is_not_warned(tmp_path: Path) -> None:
    lib = write_library(tmp_path, ())
    write_point(lib, "peer-ethics", status="draft", sources=[], evaluation=None, rationale="Plain.")
    assert lint_library(own(lib), TODAY).diagnostics == []


def test_mojibake_is_located_at_its_field(tmp_path: Path) -> None:
    lib = write_library(tmp_path, ())
    write_point(lib, "peer-ethics", tags=["ok"], title="CafÃ© meetings")
    (diag,) = lint_library(own(lib), TODAY).diagnostics
    assert diag.line == 2  # title is the second key written


def test_lint_paths_resolves_related_against_the_library(tmp_path: Path) -> None:
    lib = write_library(tmp_path / "lib", ("peer-ethics",))
    new = write_point(tmp_path / "new", "peer-training", related=["peer-ethics"])
    report = lint_paths([new], own(lib), TODAY)
    assert report.diagnostics == []
    report = lint_paths(
        [write_point(tmp_path / "new", "other", related=["missing"])], own(lib), TODAY
    )
    assert codes(report) == [("error", "related")]


def test_categories_file_is_validated(tmp_path: Path) -> None:
    lib = write_library(tmp_path, ("peer-ethics",))
    (lib / "categories.yaml").write_text("categories:\n  Bad Slug: {title: x}\n", "utf-8")
    report = lint_library(own(lib), TODAY)
    assert any(d.file.endswith("categories.yaml") and d.line == 2 for d in report.errors)


def test_parallel_lint_finds_the_same_problems_as_sequential(tmp_path: Path, monkeypatch) -> None:
    import advocacy.library

    lib = write_library(tmp_path, tuple(f"point-{i:02d}" for i in range(12)))
    write_point(lib, "bad-cat", category="nope")
    write_point(lib, "stale-one", reviewed=dt.date(2020, 1, 1))
    (lib / "broken.yaml").write_text("id: [\n", "utf-8")
    sequential = lint_library(own(lib), TODAY)
    monkeypatch.setattr(advocacy.library, "PARALLEL_FROM", 2)
    parallel = lint_library(own(lib), TODAY)
    assert [d.format() for d in parallel.diagnostics] == [
        d.format() for d in sequential.diagnostics
    ]
    assert len(sequential.diagnostics) == 3 and parallel.files == 15
