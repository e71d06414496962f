"""The points commands as a user types them (CliRunner)."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from click.testing import CliRunner
from factories import write_library, write_point

from advocacy.cli import main


def run(*args: str, **kwargs):
    return CliRunner().invoke(main, list(args), **kwargs)


def test_version_and_help() -> None:
    assert run("--version").output.startswith("advocacy, version ")
    for command in (
        ["points"],
        ["points", "list"],
        ["points", "lint"],
        ["points", "new"],
        ["points", "show"],
        ["schema"],
    ):
        result = run(*command, "--help")
        assert result.exit_code == 0
        assert "Examples:" in result.output, command


def test_list_json_shows_source_of_each_point(tmp_path: Path) -> None:
    lib = write_library(tmp_path / "mine", ("my-point",))
    result = run("--library", str(lib), "points", "list", "--json", "--category", "ethics")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    mine = [r for r in rows if r["id"] == "my-point"]
    assert mine == [
        {
            "id": "my-point",
            "title": "Peer roles follow the CPS code of ethics",
            "category": "ethics",
            "status": "approved",
            "tags": ["ethics"],
            "source": str(lib),
            "path": str(lib / "my-point.yaml"),
        }
    ]
    assert all(r["category"] == "ethics" for r in rows)


def test_list_table_and_filters(tmp_path: Path) -> None:
    lib = write_library(tmp_path / "mine", ("my-point",))
    write_point(lib, "my-draft", status="draft", tags=["special"])
    result = run("--library", str(lib), "points", "list", "--tag", "special")
    assert result.exit_code == 0
    assert "my-draft" in result.output and "my-point" not in result.output
    result = run("--library", str(lib), "points", "list", "--category", "ethcs")
    assert result.exit_code == 1
    assert "did you mean 'ethics'?" in result.output


def test_list_refuses_a_broken_library_with_located_errors(tmp_path: Path) -> None:
    lib = write_library(tmp_path / "mine", ())
    (lib / "broken.yaml").write_text("id: broken\ntitle: [\n", "utf-8")
    result = run("--library", str(lib), "points", "list")
    assert result.exit_code == 1
    assert f"{lib / 'broken.yaml'}:3:1: error: invalid YAML" in result.output


def test_env_library_is_used(tmp_path: Path) -> None:
    lib = write_library(tmp_path / "env", ("from-env",))
    result = run("points", "list", "--json", env={"ADVOCACY_LIBRARY": str(lib)})
    assert "from-env" in [r["id"] for r in json.loads(result.stdout)]


def test_show_point_and_unknown_id(tmp_path: Path) -> None:
    lib = write_library(tmp_path / "mine", ("my-point",))
    result = run("--library", str(lib), "points", "show", "my-point")
    assert result.exit_code == 0, result.output
    for text in (
        "Peer roles follow the CPS code of ethics",
        "The ask",
        "Kiva Centers",
        "Names the CPS code",
        "Peers enforce rules",
        "mandatory",
    ):
        assert text in result.output
    data = json.loads(run("--library", str(lib), "points", "show", "my-point", "--json").stdout)
    assert data["evaluation"]["look_for"][1] == {"text": "Training on it", "match": ["ethics"]}
    result = run("--library", str(lib), "points", "show", "my-pont")
    assert result.exit_code == 1
    assert "no talking point with id 'my-pont'" in result.output
    assert "did you mean 'my-point'?" in result.output


def test_lint_json_and_github_formats(tmp_path: Path) -> None:
    lib = write_library(tmp_path / "mine", ())
    path = write_point(lib, "my-point", sources=[], rationale="Plain.")
    result = run("points", "lint", str(path), "--format", "json")
    assert result.exit_code == 0  # a warning alone does not fail
    report = json.loads(result.stdout)
    assert report["errors"] == 0 and report["warnings"] == 1
    assert report["diagnostics"][0]["code"] == "no-sources"
    assert run("points", "lint", str(path), "--strict").exit_code == 1
    github = run("points", "lint", str(path), "--format", "github").output
    assert github.startswith(f"::warning file={path},line=")
    assert "title=advocacy no-sources::approved point has no sources%0A" in github


def test_lint_today_option_controls_staleness(tmp_path: Path) -> None:
    path = write_point(write_library(tmp_path / "mine", ()), "my-point", reviewed="2026-01-01")
    assert "stale" not in run("points", "lint", str(path), "--today", "2026-06-01").output
    result = run("points", "lint", str(path), "--today", "2027-06-01", "--strict")
    assert result.exit_code == 1 and "[stale]" in result.output


def test_new_point_lints_clean_once_filled_in(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    result = run(
        "points",
        "new",
        "peer-mentoring",
        "--category",
        "ethics",
        "--title",
        'Peer "mentoring": a start',
        "--dir",
        str(folder),
    )
    assert result.exit_code == 0, result.output
    path = folder / "peer-mentoring.yaml"
    text = path.read_text("utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    assert text.splitlines()[0].endswith("schemas/talking-point.schema.json")
    # As written, the empty fields are errors that tell the volunteer what to fill in.
    unfilled = run("points", "lint", str(path))
    assert unfilled.exit_code == 1
    assert "'summary' is empty" in unfilled.output
    data = yaml.safe_load(text)
    assert data["title"] == 'Peer "mentoring": a start'
    data.update(summary="Mentoring helps.", body="Text.", ask="Describe mentoring.", owner="Me")
    data.update(recommendation="Require mentoring.", rationale="It helps.[^a-source]")
    data["sources"] = [
        {
            "id": "a-source",
            "title": "A source",
            "publisher": "Someone",
            "year": 2020,
            "url": "https://example.org/a-source",
        }
    ]
    data["evaluation"]["question"] = "Does the bid describe mentoring?"
    data["evaluation"]["look_for"] = [{"text": "A mentoring plan", "match": ["mentor"]}]
    path.write_text(yaml.safe_dump(data, sort_keys=False), "utf-8")
    filled = run("points", "lint", str(path), "--strict")
    assert filled.exit_code == 0, filled.output
    # Never overwrites.
    again = run(
        "points",
        "new",
        "peer-mentoring",
        "--category",
        "ethics",
        "--title",
        "X",
        "--dir",
        str(folder),
    )
    assert again.exit_code == 1 and "already exists" in again.output


def test_new_point_needs_category_and_title_off_a_terminal(tmp_path: Path) -> None:
    result = run("points", "new", "peer-mentoring", "--dir", str(tmp_path))
    assert result.exit_code == 2
    assert "--category is required" in result.output
    result = run(
        "points", "new", "Bad Id", "--category", "ethics", "--title", "t", "--dir", str(tmp_path)
    )
    assert result.exit_code == 1 and "not a valid id" in result.output


def test_internal_errors_are_one_line_unless_debug(monkeypatch) -> None:
    import advocacy.library

    def boom(*args, **kwargs):
        raise RuntimeError("kaput")

    monkeypatch.setattr(advocacy.library, "load_library", boom)
    result = run("points", "list")
    assert result.exit_code == 1
    assert "internal error: RuntimeError: kaput" in result.output
    assert "raise RuntimeError" not in result.output  # one line, not a traceback
    debug = run("--debug", "points", "list")
    assert isinstance(debug.exception, RuntimeError)


def test_new_point_asks_for_missing_values_when_interactive(tmp_path: Path) -> None:
    result = run(
        "points",
        "new",
        "peer-mentoring",
        "--dir",
        str(tmp_path),
        "--interactive",
        input="ethcs\nethics\nPeer mentoring\n",
    )
    assert result.exit_code == 0, result.output
    assert "Category" in result.output and "is not one of" in result.output  # re-asks
    data = yaml.safe_load((tmp_path / "peer-mentoring.yaml").read_text("utf-8"))
    assert data["category"] == "ethics" and data["title"] == "Peer mentoring"


def test_points_show_gives_the_letter_text_and_each_audience() -> None:
    """Volunteers see what a letter will say, not only what bids must explain."""
    from advocacy.library import load_library

    point = load_library().get("peer-supervisors").point
    result = CliRunner().invoke(main, ["points", "show", "peer-supervisors"])
    assert result.exit_code == 0, result.output
    shown = " ".join(result.output.split())
    assert "What a letter asks the agency" in shown
    assert point.recommendation is not None
    assert " ".join(point.recommendation.split()) in shown
    for audience, worded in point.recommendations.items():
        assert f"to a {audience}: {' '.join(worded.split())}" in shown
