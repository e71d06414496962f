"""A talking point's recommendation worded for each audience: the kind of call picks it
(testimony → legislature, public comment → regulator, RFI → the agency's own), Spanish
included, and lint checks the new field's translations and citations."""

from __future__ import annotations

import shutil
import typing
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from advocacy.cli import main
from advocacy.i18n import localized_point
from advocacy.library import load_library
from advocacy.models.talking_point import Audience
from advocacy.respond import load_response, response_markdown, with_language
from advocacy.respond.kinds import registry

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
COMMENT = EXAMPLES / "peer-billing-comment" / "comment.yaml"
TESTIMONY = EXAMPLES / "peer-workforce-testimony" / "testimony.yaml"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_each_kind_names_a_known_audience_or_none() -> None:
    audiences = {name: kind.audience for name, kind in registry().items()}
    assert audiences == {"rfi": None, "public-comment": "regulator", "testimony": "legislature"}
    assert set(typing.get_args(Audience)) == {"legislature", "regulator"}


def test_every_shipped_point_has_both_audiences_in_english_and_spanish() -> None:
    library = load_library()
    assert len(library.points) >= 16
    for pid, loaded in library.points.items():
        point = loaded.point
        assert set(point.recommendations) == {"legislature", "regulator"}, pid
        assert point.recommendations["legislature"].startswith(
            ("Write into the bill", "Amend the bill")
        ), pid
        spanish = point.translations["es"].recommendations
        assert set(spanish) == {"legislature", "regulator"}, pid
        assert "proyecto de ley" in spanish["legislature"], pid
        assert "reglamento" in spanish["regulator"], pid


def test_localized_recommendation_falls_back_to_the_agency_one_and_to_english() -> None:
    point = load_library().get("peer-supervisors").point
    english = localized_point(point, "en")
    assert english.recommendation_for(None) == point.recommendation
    assert english.recommendation_for("legislature") == point.recommendations["legislature"]
    bare = point.model_copy(update={"recommendations": {}})
    assert localized_point(bare, "en").recommendation_for("regulator") == point.recommendation
    es = point.translations["es"]
    partial = point.model_copy(
        update={
            "translations": {
                "es": es.model_copy(
                    update={"recommendations": {"regulator": "Exija en el reglamento X."}}
                )
            }
        }
    )
    text = localized_point(partial, "es")
    assert text.recommendation_for("regulator") == "Exija en el reglamento X."
    assert text.recommendation_for("legislature") == point.recommendations["legislature"]
    assert "recommendations.legislature" in text.fallback


@pytest.mark.parametrize(
    ("path", "lang", "wanted", "unwanted"),
    [
        (TESTIMONY, "en", "Write into the bill", "Require every bidder"),
        (TESTIMONY, "es", "Incluya en el proyecto de ley", "Exija a cada proponente"),
        (COMMENT, "en", "Require in the regulation", "Require every bidder"),
        (COMMENT, "es", "Exija en el reglamento", "Exija a cada proponente"),
    ],
)
def test_the_calls_kind_picks_the_recommendation(path, lang, wanted, unwanted) -> None:
    library = load_library()
    loaded = with_language(load_response(path), lang)
    markdown = response_markdown(loaded, library)
    assert wanted in markdown
    assert unwanted not in markdown


def test_an_rfi_letter_keeps_the_agency_recommendation() -> None:
    golden = (ROOT / "tests" / "golden" / "response.md").read_text("utf-8")
    assert "Require every bidder" in golden
    assert "Write into the bill" not in golden and "in the regulation" not in golden


def test_spoken_testimony_through_the_cli_speaks_to_the_legislature() -> None:
    result = run("respond", "build", str(TESTIMONY), "--spoken", "-o", "-", "--now", "2027-03-01")
    assert result.exit_code == 0, result.output
    assert "Write into the bill that peer staff funded under it" in result.output
    assert "bidder" not in result.output


def _lint_copy(tmp_path: Path, change) -> CliRunner:
    folder = tmp_path / "points"
    shutil.copytree(ROOT / "talking_points", folder)
    path = folder / "peer-supervisors.yaml"
    data = yaml.safe_load(path.read_text("utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")
    return run("points", "lint", "--strict", "--today", "2026-12-01", str(path))


def test_lint_lists_a_missing_translation_of_an_audience(tmp_path: Path) -> None:
    result = _lint_copy(
        tmp_path, lambda d: d["translations"]["es"]["recommendations"].pop("legislature")
    )
    assert result.exit_code == 1
    assert "lacks: recommendations.legislature" in result.output


def test_lint_flags_a_translated_audience_the_source_lacks(tmp_path: Path) -> None:
    result = _lint_copy(tmp_path, lambda d: d["recommendations"].pop("regulator"))
    assert result.exit_code == 1
    assert "recommendation for 'regulator', which the source text lacks" in result.output


def test_lint_checks_citations_in_audience_recommendations(tmp_path: Path) -> None:
    def cite_unknown(d: dict) -> None:
        d["recommendations"]["legislature"] += " [^no-such-source]"

    result = _lint_copy(tmp_path, cite_unknown)
    assert result.exit_code == 1
    assert "recommendations.legislature cites [^no-such-source]" in result.output


def test_schema_rejects_an_unknown_audience(tmp_path: Path) -> None:
    result = _lint_copy(tmp_path, lambda d: d["recommendations"].update(senate="Pass it."))
    assert result.exit_code == 1
    assert "senate" in result.output
