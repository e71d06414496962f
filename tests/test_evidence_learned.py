"""The learned second reader of red flags (advocacy/evidence/learned.py).

Its quality is measured on the labelled corpus (benchmarks/bench_evidence_quality.py);
these tests pin how its findings reach the reviewer: apart from the rules' flags,
with a chance and the words that weighed most, never where the rules gave a reason
or an excluding list covers the line, and off with --no-learned.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import scan_evidence

from advocacy.cli import main
from advocacy.evidence.learned import LEARNED, features, load_model, read_model
from advocacy.evidence.matching import tokenize
from advocacy.evidence.normalise import FUNCTION_WORDS

ROOT = Path(__file__).resolve().parent.parent

# Duties in words no phrase of the talking points knows (the rules raise nothing on them).
UNKNOWN_WORDING = [
    ("On weekends you will also run the UA closet and watch the cups.", "no-clinical-duties"),
    (
        "Peer mentors keep the sign-in binder for the court-ordered folks and fax it to "
        "their PO on Fridays.",
        "voluntary-peer-support",
    ),
    (
        "Los mentores llevan la lista de asistencia de los que vienen por orden de la corte "
        "y se la mandan al oficial los viernes.",
        "voluntary-peer-support",
    ),
]


def learned(data: dict) -> list[dict]:
    return [f for f in data["red_flags"] if f["learned"]]


@pytest.mark.parametrize(("line", "criterion"), UNKNOWN_WORDING)
def test_a_duty_in_unknown_words_is_a_likely_red_flag(
    tmp_path: Path, line: str, criterion: str
) -> None:
    assert not scan_evidence(tmp_path, line + "\n")["red_flags"]  # the rules alone: nothing
    data = scan_evidence(tmp_path, line + "\n", learned=True)
    [flag] = learned(data)
    assert flag["criterion"] == criterion
    assert flag["phrase"] == LEARNED
    assert load_model().flag_at <= flag["chance"] <= 1  # type: ignore[union-attr]
    assert "the words that weighed most" in flag["why"] and "Read it and judge" in flag["why"]
    assert flag["matched"] == [line.rstrip(".")]  # the whole sentence is highlighted
    for row in data["summary"]:  # mandatory criteria only
        flags = int(row["criterion"] == criterion)
        assert row["red_flags"] == row["learned_red_flags"] == flags


def test_the_words_shown_are_the_sentences_own_and_say_something(tmp_path: Path) -> None:
    line, _ = UNKNOWN_WORDING[1]
    [flag] = learned(scan_evidence(tmp_path, line + "\n", learned=True))
    shown = flag["why"].split("the words that weighed most: ")[1].split(". Read it")[0]
    words = [w.strip("“”") for w in shown.split(", ")]
    assert words and all(w.lower() in line.lower() for w in words)
    assert not any(set(w.split()) <= FUNCTION_WORDS["en"] for w in words)


def test_rule_flags_say_they_are_not_learned(tmp_path: Path) -> None:
    data = scan_evidence(tmp_path, "Peer staff will pass medications at 8 pm.\n", learned=True)
    rules = [f for f in data["red_flags"] if not f["learned"]]
    assert rules and all(f["chance"] is None for f in rules)
    # the rules flagged the sentence for its criterion: the model adds nothing there
    assert not [f for f in learned(data) if f["criterion"] == rules[0]["criterion"]]


@pytest.mark.parametrize(
    "text",
    [
        "The following are outside the peer role:\n"
        "- Keeping the sign-in binder for the court-ordered folks and faxing it to their PO\n",
        "Estas tareas no le tocan al mentor:\n"
        "- Llevar la lista de asistencia de los que vienen por orden de la corte y "
        "mandársela al oficial los viernes\n",
    ],
)
def test_a_line_under_an_excluding_lead_in_is_not_counted_with_the_reason(
    tmp_path: Path, text: str
) -> None:
    data = scan_evidence(tmp_path, text, learned=True)
    assert not learned(data)
    [shown] = [n for n in data["not_counted"] if n["phrase"] == LEARNED]
    assert shown["kind"] == "red_flag" and shown["reason"]


@pytest.mark.parametrize(
    "line",
    [
        "Peers will not keep the sign-in binder for court-ordered participants or report "
        "their attendance to probation.",
        "Los mentores no llevan ninguna lista de asistencia para la corte ni le informan "
        "nada al oficial de probatoria.",
    ],
)
def test_a_duty_the_rules_see_negated_is_no_likely_flag(tmp_path: Path, line: str) -> None:
    data = scan_evidence(tmp_path, line + "\n", learned=True)
    assert not data["red_flags"]


def test_no_learned_gives_the_rules_alone_and_the_text_report_lists_them_apart(
    tmp_path: Path,
) -> None:
    bid = tmp_path / "bid.txt"
    bid.write_text(
        "Peer staff will pass medications at 8 pm.\n\n" + UNKNOWN_WORDING[0][0] + "\n",
        encoding="utf-8",
    )
    shown = CliRunner().invoke(main, ["score", "evidence", str(bid)], env={"COLUMNS": "300"})
    assert shown.exit_code == 0, shown.output
    rules_at = shown.output.index("Red flags")
    learned_at = shown.output.index("Likely red flags (learned model)")
    assert rules_at < learned_at
    assert "likely)" in shown.output[learned_at:]
    assert "(no-clinical-duties): 2 red flags (1 from the learned model)" in shown.output
    alone = CliRunner().invoke(main, ["score", "evidence", str(bid), "--no-learned"])
    assert alone.exit_code == 0, alone.output
    assert "Red flags" in alone.output and "learned" not in alone.output


def test_features_are_stems_pairs_and_negated_stems() -> None:
    found = features(tokenize("Peers do not pass meds"))
    assert {"u:peer", "u:pass", "b:not_pass", "n:pass", "n:med"} <= set(found)
    assert "n:peer" not in found  # before the negation
    assert features(tokenize("Peers do not pass meds")) == found  # the same every time


def test_the_shipped_model_names_shipped_points_and_its_thresholds() -> None:
    from advocacy.library import load_library

    model = load_model()
    assert model is not None
    ids = set(load_library().points)
    assert set(model.criteria) <= ids
    assert 0 < model.flag_at < 1 and 0 < model.criterion_at < 1
    assert model.lines > 10_000


def test_the_trainer_writes_a_model_the_finder_reads(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    corpus = ROOT / "benchmarks" / "evidence_corpus"
    keep = {"tuning", "heldout"}
    leave = [f"--leave-out={p.name}" for p in corpus.iterdir() if p.is_dir() and p.name not in keep]
    out = tmp_path / "model.json.gz"
    run = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "train_red_flag_model.py"),
            *leave,
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    model = read_model(out)
    assert 0 < model.lines < 2_000  # the two parts kept, not the whole corpus
    judged = model.judge(features(tokenize("Peer staff will pass medications at 8 pm.")))
    assert judged.chance > 0.5 and judged.criterion == "no-clinical-duties"
    assert json.loads(gzip.decompress(out.read_bytes()))["trained_on"]["parts"] == sorted(keep)
