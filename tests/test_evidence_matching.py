"""The match-phrase syntax volunteers write, and the finder built on it."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from click.testing import CliRunner

from advocacy.cli import main
from advocacy.evidence.matching import find, stem, tokenize


def hits(phrase: str, text: str) -> list[str]:
    tokens = tokenize(text)
    return [text[tokens.spans[a][0] : tokens.spans[b][1]] for a, b in find(phrase, tokens)]


@pytest.mark.parametrize(
    ("phrase", "text", "expected"),
    [
        ("peer supervisor", "Our Peer Supervisors meet weekly.", ["Peer Supervisors"]),
        ("administer medication", "staff administering medications", ["administering medications"]),
        ("supervis*", "supervision and supervisors", ["supervision", "supervisors"]),
        ("peer|peers team", "a peers team and a peer team", ["peers team", "peer team"]),
        (
            "peer ... supervisor",
            "peer staff have a trained supervisor",
            ["peer staff have a trained supervisor"],
        ),
        ("peer ... supervisor", "peer a b c d e f supervisor", []),
        ("code of ethics", "the CPS code\nof ethics", ["code\nof ethics"]),
        ("representative payee", "the representative payee’s role", ["representative payee’s"]),
        ("lived experience", "experience lived", []),
    ],
)
def test_phrase_syntax(phrase: str, text: str, expected: list[str]) -> None:
    assert hits(phrase, text) == expected


def test_stemming_is_consistent() -> None:
    assert stem("Supervisors") == stem("supervisor")
    assert stem("studies") == stem("study")
    assert stem("bus") == "bus"  # too short to strip


def test_red_flags_ignore_negated_mentions(tmp_path: Path) -> None:
    bid = tmp_path / "bid.md"
    bid.write_text(
        "# Peer roles\n\nPeer staff will not administer medication. They are not MAP trained.\n\n"
        "# Residential\n\nPeer specialists administer medication on the evening shift.\n",
        "utf-8",
    )
    result = CliRunner().invoke(main, ["score", "evidence", str(bid), "--json"])
    import json

    flags = [
        (f["flag"], f["location"])
        for f in json.loads(result.stdout)["red_flags"]
        if f["criterion"] == "no-clinical-duties"
    ]
    assert flags == [("Peer staff administer or monitor medication", "line 7")]


def test_evidence_is_written_into_a_sheet_and_nothing_else_changes(tmp_path: Path) -> None:
    example = Path(__file__).resolve().parent.parent / "examples" / "ma-dmh-cbfs"
    sheet = tmp_path / "sheet.yaml"
    original = (example / "scores" / "riverbend-whitfield.yaml").read_text("utf-8")
    sheet.write_text(original, "utf-8")
    bid = tmp_path / "bid.md"
    bid.write_text(
        "# 4.1 Ethics\n\nEvery peer role follows the Massachusetts CPS Code of Ethics, "
        "which is part of each peer job description.\n\n# 4.2 Supervision\n\n"
        "A peer supervisor who has worked in a peer role supervises all peer staff.\n",
        "utf-8",
    )
    result = CliRunner().invoke(
        main,
        [
            "score",
            "evidence",
            str(bid),
            "--rubric",
            str(example / "rubric.yaml"),
            "--sheet",
            str(sheet),
        ],
    )
    assert result.exit_code == 0, result.output
    updated = sheet.read_text("utf-8")
    assert updated != original
    before, after = original.split("\n"), updated.split("\n")
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op == "equal":
            continue
        changed = before[a0:a1] + after[b0:b1]
        assert all(line.strip().startswith(("evidence:", "- ")) for line in changed), changed
    assert "line 3 (4.1 Ethics)" in updated
    # Running again adds nothing: locations already cited are not repeated.
    again = CliRunner().invoke(
        main,
        [
            "score",
            "evidence",
            str(bid),
            "--rubric",
            str(example / "rubric.yaml"),
            "--sheet",
            str(sheet),
        ],
    )
    assert "added 0 evidence entries" in again.output
    assert sheet.read_text("utf-8") == updated


def test_hyphenated_phrases_match_hyphenated_text() -> None:
    assert hits("self-determination", "respect for self-determination") == ["self-determination"]
    assert hits("peer-run organization", "a peer-run organizations network") == [
        "peer-run organizations"
    ]


def test_non_names_the_opposite_only_of_its_own_word() -> None:
    from advocacy.evidence.scope import negation

    tokens = tokenize("They receive non-clinical supervision from a peer.")
    ((start, end),) = find("clinical supervision", tokens)
    assert negation(tokens, start, end) == "'non-clinical' names the opposite"
    tokens = tokenize("Provide non-licensed medication support under MAP.")
    ((start, end),) = find("medication support", tokens)
    assert negation(tokens, start, end) is None


def test_sheet_for_another_rubric_is_refused(tmp_path: Path) -> None:
    example = Path(__file__).resolve().parent.parent / "examples" / "ma-dmh-cbfs"
    sheet = tmp_path / "sheet.yaml"
    original = (example / "scores" / "riverbend-whitfield.yaml").read_text("utf-8")
    sheet.write_text(original, "utf-8")
    bid = example / "bids" / "strong-bid.md"
    result = CliRunner().invoke(
        main, ["score", "evidence", str(bid), "--rubric", "job-description", "--sheet", str(sheet)]
    )
    assert result.exit_code == 1
    assert (
        "follows rubric 'ma-dmh-cbfs-peer-roles', but the evidence was found with "
        "'job-description'" in result.output
    )
    assert sheet.read_text("utf-8") == original


def test_sheet_names_its_own_rubric(tmp_path: Path) -> None:
    """Without --rubric, the evidence is found with the rubric the sheet follows."""
    example = Path(__file__).resolve().parent.parent / "examples" / "ma-dmh-cbfs"
    sheet = tmp_path / "sheet.yaml"
    original = (example / "scores" / "riverbend-whitfield.yaml").read_text("utf-8")
    sheet.write_text(original + f"rubric_file: {example / 'rubric.yaml'}\n", "utf-8")
    bid = example / "bids" / "strong-bid.md"
    result = CliRunner().invoke(main, ["score", "evidence", str(bid), "--sheet", str(sheet)])
    assert result.exit_code == 0, result.output
    assert "evidence entr" in result.output
    assert sheet.read_text("utf-8") != original


def test_one_place_may_mix_stems_and_prefixes() -> None:
    phrase = "administer*|pass|dispens* ... medication*|meds"
    assert hits(phrase, "passes out meds") == ["passes out meds"]
    assert hits(phrase, "dispensing all prescribed medications") == [
        "dispensing all prescribed medications"
    ]
    assert hits(phrase, "passengers take their medications") == []  # "pass" is a stem here


def test_snowball_stems_plurals_and_verb_forms() -> None:
    assert hits("peer role", "all peer roles") == ["peer roles"]
    assert hits("manage", "managing") == ["managing"]
    assert hits("progress note", "progress notes") == ["progress notes"]
    assert stem("notes") == stem("note") != stem("not")


def test_a_gap_stays_inside_its_sentence() -> None:
    assert hits("supervised by ... clinician", "Supervised by a peer. The clinician") == []


def test_an_initial_before_a_small_letter_does_not_end_the_sentence() -> None:
    tokens = tokenize("Probation called asking T. whether she attends. She does.")
    whether, does = tokens.words.index("whether"), tokens.words.index("does")
    assert tokens.sentences[whether] == tokens.sentences[0]
    assert tokens.sentences[does] != tokens.sentences[0]
