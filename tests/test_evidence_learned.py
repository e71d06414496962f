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
    ("On weekends you will also mind the UA closet and watch the cups.", "no-clinical-duties"),
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
    assert load_model().red_flag.flag_at <= flag["chance"] <= 1  # type: ignore[union-attr]
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

    readers = load_model()
    assert readers is not None
    ids = set(load_library().points)
    for model in (readers.red_flag, readers.evidence):
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
            str(ROOT / "scripts" / "train_learned_model.py"),
            *leave,
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    readers = read_model(out)
    assert 0 < readers.red_flag.lines < 2_000  # the two parts kept, not the whole corpus
    duty = features(tokenize("Peer staff will pass medications at 8 pm."))
    judged = readers.red_flag.judge(duty)
    assert judged.chance > 0.5 and judged.criterion == "no-clinical-duties"
    kept_out = features(tokenize("Peer staff never give out or hold medication."))
    assert readers.evidence.chance(kept_out) > readers.evidence.chance(duty)
    assert json.loads(gzip.decompress(out.read_bytes()))["trained_on"]["parts"] == sorted(keep)


# --- what an outside review found (each case failed before its fix) ---


@pytest.mark.parametrize("line", ["The.", "N/A.", "See attached.", "Same as above."])
def test_a_few_words_are_too_little_to_flag(tmp_path: Path, line: str) -> None:
    # "The." was a no-clinical-duties flag at 72%: "the" had learned to weigh like a duty
    assert not scan_evidence(tmp_path, line + "\n", learned=True)["red_flags"]


@pytest.mark.parametrize(
    "line",
    [
        "Is it true that peer mentors keep the sign-in binder for the court-ordered folks and "
        "fax it to their PO?",
        "¿Los mentores llevan la lista de asistencia de los que vienen por orden de la corte?",
    ],
)
def test_a_question_is_shown_as_not_counted(tmp_path: Path, line: str) -> None:
    data = scan_evidence(tmp_path, line + "\n", learned=True)
    assert not learned(data)
    [shown] = [n for n in data["not_counted"] if n["learned"]]
    assert shown["reason"] == "asked as a question" and shown["phrase"] == LEARNED


def test_the_words_shown_are_those_of_the_criterion_flagged(tmp_path: Path) -> None:
    line = (
        "Peer mentors keep the sign-in binder for the court-ordered folks and fax it to their "
        "PO every week, with no raise this year."
    )
    flags = learned(scan_evidence(tmp_path, line + "\n", learned=True))
    [flag] = [f for f in flags if f["criterion"] == "voluntary-peer-support"]
    shown = flag["why"].split("the words that weighed most: ")[1]
    assert ("court" in shown or "PO" in shown) and "raise" not in shown and "year" not in shown


def test_a_negated_word_is_quoted_with_its_own_negation_and_case(tmp_path: Path) -> None:
    line = "No hay tiempo pagado para que los pares se reúnan con pares de otras organizaciones."
    [flag] = learned(scan_evidence(tmp_path, line + "\n", learned=True))
    assert "“No … " in flag["why"] and "not …" not in flag["why"]
    line = UNKNOWN_WORDING[1][0]
    [flag] = learned(scan_evidence(tmp_path, line + "\n", learned=True))
    shown = flag["why"].split("the words that weighed most: ")[1].split(". Read it")[0]
    assert all(w.strip("“”") in line for w in shown.split(", "))  # as written: "Fridays"


def test_the_chance_shown_stops_short_of_certainty(tmp_path: Path) -> None:
    line = (  # read as "100% likely" before
        "Peer mentors keep the sign-in binder for the court-ordered folks and fax it to their "
        "PO every week, with no raise this year."
    )
    for flag in learned(scan_evidence(tmp_path, line + "\n", learned=True)):
        assert flag["chance"] <= 0.99 and "100%" not in flag["why"]


def test_a_spanish_half_of_an_english_paragraph_is_read_in_spanish(tmp_path: Path) -> None:
    text = (
        "Peer mentors welcome new members to the center and run the Tuesday art group. "
        "They help people find housing and work in the community. / " + UNKNOWN_WORDING[2][0] + "\n"
    )
    data = scan_evidence(tmp_path, text, learned=True)
    [flag] = learned(data)
    assert flag["matched"] == [UNKNOWN_WORDING[2][0].rstrip(".")]
    shown = flag["why"].split("the words that weighed most: ")[1]
    assert not {"“al”", "“los”", "“la”", "“que”"} & set(shown.split(", "))


def test_a_missing_model_is_a_warning_not_a_silent_clean_bill(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from advocacy.evidence import learned as module

    monkeypatch.setattr(module, "load_model", lambda: None)
    bid = tmp_path / "bid.txt"
    bid.write_text(UNKNOWN_WORDING[1][0] + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["score", "evidence", str(bid), "--json"])
    assert result.exit_code == 0, result.output
    warnings = json.loads(result.stdout)["warnings"]
    assert any("learned red-flag model" in w and "not installed" in w for w in warnings)
    assert "not installed" in result.stderr  # and on the terminal
    assert not scan_evidence(tmp_path, "Hello.\n")["warnings"]  # --no-learned asks for none


def _edited_model(edit) -> bytes:
    from advocacy.evidence.learned import MODEL_FILE, pack
    from advocacy.resources import templates_dir

    data = json.loads(gzip.decompress((templates_dir() / "evidence" / MODEL_FILE).read_bytes()))
    edit(data, pack)
    return gzip.compress(json.dumps(data).encode("utf-8"))


def _truncated(data: dict, pack) -> None:
    data["red_flag"]["class_bias"].pop()


def _negative_row(data: dict, pack) -> None:
    data["red_flag"]["class_rows"] = pack([-5])
    data["red_flag"]["class_weights"] = pack([0] * len(data["red_flag"]["classes"]))


@pytest.mark.parametrize(
    "damaged",
    [
        pytest.param(lambda: b"\x1f\x8b\x08\x00" + b"\x00" * 6 + b"\xff" * 40, id="bad deflate"),
        pytest.param(lambda: _edited_model(lambda d, p: d.update(features=["u:peer"])), id="list"),
        pytest.param(lambda: _edited_model(lambda d, p: d.pop("features")), id="old format"),
        pytest.param(lambda: _edited_model(_truncated), id="short class bias"),
        pytest.param(lambda: _edited_model(_negative_row), id="negative row"),
    ],
)
def test_a_model_file_damaged_in_any_way_is_refused_with_its_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damaged
) -> None:
    from advocacy.errors import AdvocacyError
    from advocacy.evidence import learned as module

    broken = tmp_path / "evidence" / module.MODEL_FILE
    broken.parent.mkdir()
    broken.write_bytes(damaged())
    monkeypatch.setattr(module, "templates_dir", lambda: tmp_path)
    module.load_model.cache_clear()
    try:
        with pytest.raises(AdvocacyError) as raised:
            module.load_model()
        assert module.MODEL_FILE in raised.value.diagnostics[0].file
    finally:
        module.load_model.cache_clear()


def test_a_damaged_model_is_an_error_that_names_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from advocacy.evidence import learned as module

    broken = tmp_path / "evidence" / module.MODEL_FILE
    broken.parent.mkdir()
    broken.write_bytes(gzip.compress(b'{"red": {}}'))
    monkeypatch.setattr(module, "templates_dir", lambda: tmp_path)
    module.load_model.cache_clear()
    try:
        bid = tmp_path / "bid.txt"
        bid.write_text(UNKNOWN_WORDING[1][0] + "\n", encoding="utf-8")
        result = CliRunner().invoke(main, ["score", "evidence", str(bid)])
        assert result.exit_code == 1
        assert module.MODEL_FILE in result.output and "--no-learned" in result.output
        assert "Traceback" not in result.output and "bug" not in result.output
        alone = CliRunner().invoke(main, ["score", "evidence", str(bid), "--no-learned"])
        assert alone.exit_code == 0, alone.output
    finally:
        module.load_model.cache_clear()


# --- the evidence reader ---

QUALITY_PARAGRAPH = (  # the example weak bid's quality section: "leadership" is no workplace plan
    "Summit's quality management team tracks incidents, hospitalizations, medication errors "
    "and resident satisfaction at each residence. Results are reviewed monthly by the "
    "leadership team and shared with program managers, who are responsible for corrective "
    "action plans where needed.\n"
)


def test_the_evidence_reader_doubts_a_phrase_it_reads_as_about_nothing_of_the_kind(
    tmp_path: Path,
) -> None:
    # a phrase matched "leadership"; the reader reads the paragraph as no evidence (2%)
    # and all but rules the workplace out: shown as not counted, with the reason. The
    # rules alone still cite it.
    alone = scan_evidence(tmp_path, QUALITY_PARAGRAPH)
    data = scan_evidence(tmp_path, QUALITY_PARAGRAPH, learned=True)
    [cited] = [c for c in alone["criteria"] if c["id"] == "peer-supportive-workplace"]
    assert cited["passages"] and not cited["passages"][0]["learned"]
    [doubted] = [c for c in data["criteria"] if c["id"] == "peer-supportive-workplace"]
    assert doubted["passages"] == []
    [shown] = [n for n in data["not_counted"] if n["criterion"] == "peer-supportive-workplace"]
    assert shown["reason"].startswith("the evidence reader reads this sentence as about ")


@pytest.mark.parametrize(
    "line",
    [
        "Peers are held to no ethical code at all.",  # read as 75% evidence before
        "Peers are not held to the same ethical code as certified peer workers in the state.",
        "Meetings take place on Tuesdays in room 204.",  # too short to read (48% before)
    ],
)
def test_a_negated_or_short_sentence_is_no_learned_evidence(tmp_path: Path, line: str) -> None:
    data = scan_evidence(tmp_path, line + "\n", learned=True)
    assert not [p for c in data["criteria"] for p in c["passages"] if p["learned"]]


NETWORKING = (  # paid time with peers of other agencies, in words no phrase knows
    "Los mentores tienen una tarde pagada cada mes para juntarse con mentores de otras agencias."
)
CONFIDENCES = (  # the code's confidentiality, in words no phrase knows
    "Mentors keep what people tell them between themselves unless someone is about to get hurt."
)


def test_evidence_in_words_no_phrase_knows_is_a_learned_passage(tmp_path: Path) -> None:
    assert not any(c["passages"] for c in scan_evidence(tmp_path, NETWORKING + "\n")["criteria"])
    data = scan_evidence(tmp_path, NETWORKING + "\n", learned=True)
    [criterion] = [c for c in data["criteria"] if c["passages"]]
    [passage] = criterion["passages"]
    assert criterion["id"] == "paid-networking"
    assert passage["learned"] and passage["phrases"] == [LEARNED]
    assert passage["matched"] == [NETWORKING.rstrip(".")]
    assert load_model().evidence.flag_at <= passage["chance"] <= 0.99  # type: ignore[union-attr]
    bid = tmp_path / "bid.txt"
    bid.write_text(NETWORKING + "\n", encoding="utf-8")
    shown = CliRunner().invoke(main, ["score", "evidence", str(bid)], env={"COLUMNS": "300"})
    assert "likely evidence: read it and judge" in shown.output


def test_a_score_sheet_says_which_evidence_the_model_found(tmp_path: Path) -> None:
    from advocacy.evaluate.rubric import default_rubric
    from advocacy.evidence import find_evidence, read_bid
    from advocacy.evidence.sheet_update import evidence_lines
    from advocacy.library import load_library

    bid = tmp_path / "bid.txt"
    bid.write_text(NETWORKING + "\n", encoding="utf-8")
    report = find_evidence(read_bid(bid), default_rubric(load_library()))
    [line] = evidence_lines(report)["paid-networking"]
    assert line.startswith("line 1: “Los mentores tienen") and "(learned model, " in line


def test_learned_evidence_is_counted_apart_and_once_per_passage(tmp_path: Path) -> None:
    data = scan_evidence(tmp_path, CONFIDENCES + "\n", learned=True)
    [row] = [r for r in data["summary"] if r["criterion"] == "cps-code-of-ethics"]
    assert row["evidence"] == row["learned_evidence"] == 1
    bid = tmp_path / "bid.txt"
    bid.write_text(CONFIDENCES + "\n", encoding="utf-8")
    shown = CliRunner().invoke(main, ["score", "evidence", str(bid)], env={"COLUMNS": "300"})
    assert "1 passage of evidence (1 from the learned model)" in shown.output
    bilingual = (
        "Peer staff get paid time to attend statewide peer network meetings. / " + NETWORKING + "\n"
    )
    data = scan_evidence(tmp_path, bilingual, learned=True)
    [criterion] = [c for c in data["criteria"] if c["id"] == "paid-networking"]
    assert len(criterion["passages"]) == 1 and not criterion["passages"][0]["learned"]


def test_a_learned_passage_does_not_take_a_line_off_the_reading_list(tmp_path: Path) -> None:
    # shown or not (--top), a passage only the model found is still a line to read
    line = "Peer staff will only be assigned work that fits the peer job description.\n"
    alone = scan_evidence(tmp_path, line)
    data = scan_evidence(tmp_path, line, learned=True)
    assert [p["learned"] for c in data["criteria"] for p in c["passages"]] == [True]
    assert [r["text"] for r in data["read_these"]] == [r["text"] for r in alone["read_these"]]
    assert alone["read_these"]
