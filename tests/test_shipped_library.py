"""The shipped talking points: clean, complete, and covering the ten asks."""

from __future__ import annotations

import json

from click.testing import CliRunner

from advocacy.cli import main
from advocacy.library import BUILTIN, lint_library, load_library

TEN_ASKS = {
    "ethics",
    "supervision",
    "role-integrity",
    "training",
    "peer-team",
    "networking",
    "small-organizations",
    "job-descriptions",
    "staffing-ratio",
    "retention",
}


#: The shipped points were last reviewed on this date. From a year after it,
#: lint warns that they are stale, as it should: re-review them and move this date.
REVIEWED = "2026-11-23"


def test_shipped_library_lints_clean_with_no_warnings() -> None:
    import datetime as dt

    report = lint_library(today=dt.date.fromisoformat(REVIEWED))
    assert report.diagnostics == []
    result = CliRunner().invoke(main, ["points", "lint", "--strict", "--today", REVIEWED])
    assert result.exit_code == 0, result.output


def test_list_json_covers_the_ten_asks_with_approved_points() -> None:
    rows = json.loads(CliRunner().invoke(main, ["points", "list", "--json"]).stdout)
    approved = {r["category"] for r in rows if r["status"] == "approved"}
    assert approved >= TEN_ASKS
    assert {"values", "crisis-services"} <= approved
    assert all(r["source"] == BUILTIN for r in rows)


def test_every_shipped_point_is_sourced_and_evaluable() -> None:
    library = load_library()
    for lp in library.points.values():
        point = lp.point
        assert point.sources, point.id
        assert point.evaluation and point.evaluation.look_for, point.id
        assert lp.path.read_text("utf-8").startswith("# yaml-language-server: $schema="), point.id
    mandatory = {
        lp.point.category for lp in library.points.values() if lp.point.evaluation.mandatory
    }
    assert mandatory == {"ethics", "role-integrity"}
