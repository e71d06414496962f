"""Lint rules for match phrases, the concept vocabulary and garbled text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from factories import write_library, write_point

from advocacy.cli import main
from advocacy.evidence.concepts import load_concepts
from advocacy.evidence.matching import trivial
from advocacy.evidence.pattern_lint import BROAD_SHARE, broad_share


def lint(path: Path) -> list[dict]:
    result = CliRunner().invoke(main, ["points", "lint", str(path), "--format", "json"])
    return json.loads(result.stdout)["diagnostics"]


def evaluation(*phrases: str) -> dict:
    return {
        "question": "Does the bid commit to the CPS code of ethics?",
        "look_for": [{"text": "Names the code", "match": list(phrases)}],
        "red_flags": [],
    }


@pytest.mark.parametrize("phrase", ["*", "...", "|", "the ... of", "a|the *", "* ... *"])
def test_phrases_without_a_word_of_their_own_are_errors(tmp_path: Path, phrase: str) -> None:
    library = write_library(tmp_path / "lib", ())
    path = write_point(library, "peer-ethics", evaluation=evaluation("code of ethics", phrase))
    found = [d for d in lint(path) if d["code"] == "match-pattern"]
    assert len(found) == 1 and found[0]["severity"] == "error"
    assert "has no word of its own" in found[0]["message"]


def test_a_hyphen_inside_an_alternative_is_an_error(tmp_path: Path) -> None:
    library = write_library(tmp_path / "lib", ())
    path = write_point(library, "peer-ethics", evaluation=evaluation("link ~ peer-run|mutual"))
    (found,) = [d for d in lint(path) if d["code"] == "match-pattern"]
    assert found["severity"] == "error" and "'peer-run|mutual'" in found["message"]
    fine = write_point(library, "peer-code", evaluation=evaluation("peer-run ~ mutual|shared"))
    assert not [d for d in lint(fine) if d["code"] == "match-pattern"]


def test_unknown_concept_is_an_error_with_a_suggestion(tmp_path: Path) -> None:
    library = write_library(tmp_path / "lib", ())
    path = write_point(library, "peer-ethics", evaluation=evaluation("@medication-duty"))
    (found,) = [d for d in lint(path) if d["code"] == "match-pattern"]
    assert "unknown concept '@medication-duty'" in found["message"]
    assert "medication-duties" in found["hint"]


def test_a_phrase_matching_unrelated_text_is_too_broad(tmp_path: Path) -> None:
    assert broad_share("water") > BROAD_SHARE  # the reference text is about public works
    library = write_library(tmp_path / "lib", ())
    path = write_point(library, "peer-ethics", evaluation=evaluation("water", "code of ethics"))
    (found,) = [d for d in lint(path) if d["code"] == "match-too-broad"]
    assert found["severity"] == "warning" and "'water'" in found["message"]


def test_shipped_concepts_are_specific() -> None:
    concepts = load_concepts()
    assert {"medication-duties", "money-duties", "documentation-duties"} <= set(concepts)
    for concept in concepts.values():
        assert concept.phrases.get("en") and concept.phrases.get("es"), concept.name
        # the phrases as matched: word classes replaced by their words
        for phrases in concept.expanded.values():
            for phrase in phrases:
                assert not trivial(phrase), (concept.name, phrase)
                # A concept counted from staffing figures names only where a figure
                # starts (a number, "all"); the figures decide, so its words are broad.
                if not concept.people_per_peer_over:
                    assert broad_share(phrase) <= BROAD_SHARE, (concept.name, phrase)


def test_lossy_mojibake_is_caught_and_classic_mojibake_shows_the_repair(tmp_path: Path) -> None:
    library = write_library(tmp_path / "lib", ())
    path = write_point(library, "peer-ethics", title="InformaciÃn para pares")
    (lossy,) = [d for d in lint(path) if d["code"] == "mojibake"]
    assert "retype" in lossy["hint"]
    path = write_point(library, "peer-ethics", title="CafÃ© meetings")
    (classic,) = [d for d in lint(path) if d["code"] == "mojibake"]
    assert "Café meetings" in classic["hint"]
