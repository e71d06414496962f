"""Provider evaluation: rubric, checklist, score sheets and the report.

The arithmetic tests use a small rubric whose totals are computed by hand in
the comments, so a reader can check them without running anything.
"""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import docx
import pytest
import yaml
from click.testing import CliRunner
from conftest import libreoffice_pages
from factories import write_library, write_point

from advocacy.cli import main
from advocacy.errors import AdvocacyError
from advocacy.evaluate import checklist_markdown, load_rubric, report_markdown, score_report
from advocacy.evaluate.sheets import collect_sheets
from advocacy.library import BUILTIN, LibrarySource, load_library
from advocacy.resources import builtin_library

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "ma-dmh-cbfs"
GOLDEN = Path(__file__).resolve().parent / "golden"


def run(*args: str, **kwargs):
    return CliRunner().invoke(main, list(args), **kwargs)


@pytest.fixture
def lib(tmp_path: Path):
    """Three points: alpha (weight 2), beta (weight 1), gamma (weight 3, mandatory)."""
    folder = write_library(tmp_path / "lib", ())
    for point_id, weight, mandatory in (
        ("alpha", 2, False),
        ("beta", 1, False),
        ("gamma", 3, True),
    ):
        write_point(
            folder,
            point_id,
            evaluation={
                "question": f"Does the bid cover {point_id}?",
                "look_for": [f"{point_id} item"],
                "red_flags": [{"text": f"{point_id} flag", "why": "Because."}],
                "weight": weight,
                "mandatory": mandatory,
            },
        )
    return load_library([LibrarySource("test", folder)])


def write_yaml(path: Path, data: dict) -> Path:
    path.write_text(yaml.safe_dump(data, sort_keys=False), "utf-8")
    return path


def rubric_file(tmp_path: Path, **extra) -> Path:
    criteria = [{"point": "alpha"}, {"point": "beta"}, {"point": "gamma"}]
    criteria += extra.pop("criteria", [])
    return write_yaml(
        tmp_path / "rubric.yaml",
        {"id": "test-rubric", "title": "Test", "criteria": criteria, **extra},
    )


def sheet(tmp_path: Path, name: str, scores: dict, bid: str = "Bid A", **extra) -> Path:
    """A reviewer's sheet; every score has a reason and the reviewer declares no conflict."""
    entries = [
        {"criterion": c, "score": s, **({"comment": f"Why {s}."} if s is not None else {})}
        for c, s in scores.items()
    ]
    data = {"rubric": "test-rubric", "bid": bid, "reviewer": name, "conflict": "none"}
    return write_yaml(tmp_path / f"{name}.yaml", {**data, "scores": entries, **extra})


def report_for(tmp_path, lib, sheets, consensus=(), **rubric_extra):
    rubric = load_rubric(rubric_file(tmp_path, **rubric_extra), lib)
    loaded, agreed = collect_sheets(sheets, consensus)
    return score_report(loaded, rubric, agreed)


# --------------------------------------------------------------------------- arithmetic


def test_weighted_totals_by_hand(tmp_path: Path, lib) -> None:
    one = sheet(tmp_path, "one", {"alpha": 3, "beta": 2, "gamma": 1})
    two = sheet(tmp_path, "two", {"alpha": 1, "beta": 2, "gamma": 2})
    (bid,) = report_for(tmp_path, lib, [one, two]).bids
    # means: alpha 2.0, beta 2.0, gamma 1.5; weighted: 2*2 + 1*2 + 3*1.5 = 10.5
    # maximum: (2 + 1 + 3) * 3 = 18; percent 10.5 / 18 = 58.33%
    assert bid.total == pytest.approx(10.5)
    assert bid.max_total == pytest.approx(18)
    assert bid.percent == pytest.approx(58.333, abs=0.001)
    alpha = bid.results[0]
    assert (alpha.mean, alpha.median, alpha.spread) == (2.0, 2.0, 2)
    assert [r.criterion.id for r in bid.disagreements] == ["alpha"]  # 3 vs 1
    assert bid.meets_mandatory


def test_mandatory_failure_flags_the_bid(tmp_path: Path, lib) -> None:
    one = sheet(tmp_path, "one", {"alpha": 3, "beta": 3, "gamma": 0})
    two = sheet(tmp_path, "two", {"alpha": 3, "beta": 3, "gamma": 0})
    (bid,) = report_for(tmp_path, lib, [one, two]).bids
    assert bid.mandatory_failed == ["gamma"] and not bid.meets_mandatory
    # A mean of 0.5 is still below the default minimum of 1.
    three = sheet(tmp_path, "three", {"alpha": 3, "beta": 3, "gamma": 1})
    (bid,) = report_for(tmp_path, lib, [one, three]).bids
    assert bid.mandatory_failed == ["gamma"]
    # Raising mandatory_min moves the line.
    (bid,) = report_for(tmp_path, lib, [three], scale={"mandatory_min": 2}).bids
    assert bid.mandatory_failed == ["gamma"]


def test_unscored_criteria_are_listed_not_zero(tmp_path: Path, lib) -> None:
    one = sheet(tmp_path, "one", {"alpha": 3, "beta": None, "gamma": None})
    (bid,) = report_for(tmp_path, lib, [one]).bids
    assert bid.unscored == ["beta", "gamma"]
    assert bid.total == pytest.approx(6)  # 2 * 3, nothing counted for the others
    assert bid.meets_mandatory is None  # unscored is not failed, nor met: not known yet
    assert not bid.complete and bid.uncovered == ["beta", "gamma"]


def test_consensus_overrides_the_mean(tmp_path: Path, lib) -> None:
    one = sheet(tmp_path, "one", {"alpha": 3, "beta": 2, "gamma": 1})
    two = sheet(tmp_path, "two", {"alpha": 1, "beta": 2, "gamma": 2})
    agreed = sheet(tmp_path, "agreed", {"alpha": 2, "beta": 3, "gamma": None})
    (bid,) = report_for(tmp_path, lib, [one, two], consensus=[agreed]).bids
    # alpha 2 (consensus), beta 3 (consensus), gamma 1.5 (no consensus score: mean)
    assert [r.final for r in bid.results] == [2.0, 3.0, 1.5]
    assert bid.total == pytest.approx(2 * 2 + 1 * 3 + 3 * 1.5)
    assert bid.reviewers == ["one", "two"]


def test_sheet_marked_consensus_counts_as_one(tmp_path: Path, lib) -> None:
    one = sheet(tmp_path, "one", {"alpha": 0, "beta": 0, "gamma": 1})
    agreed = sheet(tmp_path, "agreed", {"alpha": 3, "beta": 3, "gamma": 3}, consensus=True)
    (bid,) = report_for(tmp_path, lib, [one, agreed]).bids
    assert bid.total == pytest.approx(18) and bid.reviewers == ["one"]


# --------------------------------------------------------------------------- computed checks


def computed(tmp_path, lib, kind, inputs, threshold=None):
    extra = {"point": "delta", "computed": kind}
    if threshold is not None:
        extra["threshold"] = threshold
    write_point(lib.sources[0].path, "delta", evaluation={"question": "Delta?", "look_for": ["d"]})
    library = load_library(lib.sources)
    s = sheet(tmp_path, "one", {"alpha": 3, "beta": 3, "gamma": 3, "delta": 1}, inputs=inputs)
    (bid,) = report_for(tmp_path, library, [s], criteria=[extra]).bids
    (check,) = bid.checks
    return bid, check


@pytest.mark.parametrize(("fte", "small"), [(5, False), (4.9, True), (4, True), (6, False)])
def test_small_team_boundary_at_five_fte(tmp_path: Path, lib, fte: float, small: bool) -> None:
    bid, check = computed(tmp_path, lib, "small-team", {"peer_fte": fte})
    assert check.passed is (not small)
    delta = bid.results[-1]
    assert delta.mandatory is small


def test_small_team_makes_a_zero_score_fail_mandatory(tmp_path: Path, lib) -> None:
    write_point(lib.sources[0].path, "delta", evaluation={"question": "Delta?", "look_for": ["d"]})
    library = load_library(lib.sources)
    s = sheet(
        tmp_path, "one", {"alpha": 3, "beta": 3, "gamma": 3, "delta": 0}, inputs={"peer_fte": 3}
    )
    (bid,) = report_for(
        tmp_path, library, [s], criteria=[{"point": "delta", "computed": "small-team"}]
    ).bids
    assert bid.mandatory_failed == ["delta"]


@pytest.mark.parametrize(
    ("peer", "entry", "flag"), [(16.0, 16.0, True), (15.5, 16.0, True), (16.01, 16.0, False)]
)
def test_pay_parity_boundary_at_equal_pay(tmp_path: Path, lib, peer, entry, flag) -> None:
    bid, check = computed(
        tmp_path, lib, "pay-parity", {"peer_hourly": peer, "entry_level_hourly": entry}
    )
    assert check.passed is (not flag)
    assert any(f.reviewer == "computed" for f in bid.flags) is flag


@pytest.mark.parametrize(
    ("fte", "served", "passed"), [(4, 160, True), (4, 161, False), (0, 10, False)]
)
def test_staffing_ratio_against_threshold(tmp_path, lib, fte, served, passed) -> None:
    _, check = computed(
        tmp_path, lib, "staffing-ratio", {"peer_fte": fte, "people_served": served}, threshold=40
    )
    assert check.passed is passed


def test_missing_figures_are_reported_not_guessed(tmp_path: Path, lib) -> None:
    _, check = computed(tmp_path, lib, "pay-parity", {"peer_hourly": 20})
    assert check.passed is None and "entry_level_hourly not given" in check.message


def test_reviewers_with_different_figures_get_a_warning(tmp_path: Path, lib) -> None:
    write_point(lib.sources[0].path, "delta", evaluation={"question": "Delta?", "look_for": ["d"]})
    library = load_library(lib.sources)
    scores = {"alpha": 3, "beta": 3, "gamma": 3, "delta": 1}
    one = sheet(tmp_path, "one", scores, inputs={"peer_fte": 4})
    two = sheet(tmp_path, "two", scores, inputs={"peer_fte": 6})
    report = report_for(
        tmp_path, library, [one, two], criteria=[{"point": "delta", "computed": "small-team"}]
    )
    assert "different peer_fte: 4, 6; using the median 5" in report.warnings[0].message
    assert report.bids[0].checks[0].passed is True  # 5 is not fewer than 5


# --------------------------------------------------------------------------- validation


def test_every_sheet_problem_is_located(tmp_path: Path, lib) -> None:
    bad = sheet(tmp_path, "bad", {"alpha": 4, "betta": 1})
    other = sheet(tmp_path, "other", {"alpha": 1, "beta": 1, "gamma": 1}, rubric="another-rubric")
    with pytest.raises(AdvocacyError) as info:
        report_for(tmp_path, lib, [bad, other])
    found = {(d.file, d.line, d.message) for d in info.value.diagnostics}
    assert (str(bad), 7, "score 4 for 'alpha' is out of range 0-3") in found
    assert (str(bad), 9, "the rubric has no criterion 'betta'") in found
    assert any(m == "missing criteria: beta, gamma" for _, _, m in found)
    assert (str(other), 1, "this sheet is for rubric 'another-rubric', not 'test-rubric'") in found
    hint = next(d.hint for d in info.value.diagnostics if "betta" in d.message)
    assert hint == "did you mean 'beta'?"


def test_report_cli_exits_1_with_locations(tmp_path: Path, lib) -> None:
    folder = lib.sources[0].path
    rubric = rubric_file(tmp_path)
    bad = sheet(tmp_path, "bad", {"alpha": 9, "beta": 1, "gamma": 1})
    result = run("--library", str(folder), "score", "report", str(bad), "--rubric", str(rubric))
    assert result.exit_code == 1
    assert f"{bad}:7:3: error: score 9 for 'alpha' is out of range 0-3" in result.output


def test_rubric_with_unknown_point_is_located(tmp_path: Path, lib) -> None:
    path = write_yaml(
        tmp_path / "r.yaml", {"id": "r", "title": "R", "criteria": [{"point": "alpah"}]}
    )
    with pytest.raises(AdvocacyError, match="no talking point with id 'alpah'") as info:
        load_rubric(path, lib)
    assert info.value.diagnostics[0].line == 4
    assert info.value.diagnostics[0].hint == "did you mean 'alpha'?"


# --------------------------------------------------------------------------- outputs


def test_csv_neutralises_formulas_from_reviewers(tmp_path: Path, lib) -> None:
    folder = lib.sources[0].path
    rubric = rubric_file(tmp_path)
    data = {
        "rubric": "test-rubric",
        "bid": "=cmd|' /C calc'!A0",
        "reviewer": "+evil",
        "scores": [
            {"criterion": "alpha", "score": 1, "comment": "@SUM(1+1)"},
            {"criterion": "beta", "score": 1, "comment": "-2+3"},
            {"criterion": "gamma", "score": 1, "comment": "\tTab"},
        ],
    }
    path = write_yaml(tmp_path / "evil.yaml", data)
    out = tmp_path / "report.csv"
    result = run(
        "--library",
        str(folder),
        "score",
        "report",
        str(path),
        "--rubric",
        str(rubric),
        "-o",
        str(out),
    )
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(out.open(encoding="utf-8")))
    cells = [cell for row in rows[1:] for cell in row]
    assert all(not c.startswith(("=", "+", "-", "@", "\t", "\r")) for c in cells)
    assert rows[1][0] == "'=cmd|' /C calc'!A0"
    assert "+evil: @SUM(1+1)" in rows[1][-1]


def test_report_formats(tmp_path: Path) -> None:
    sheets = sorted(str(p) for p in (EXAMPLE / "scores").glob("*.yaml"))
    for suffix in ("md", "docx", "csv", "json"):
        out = tmp_path / f"report.{suffix}"
        result = run("score", "report", *sheets, "-o", str(out))
        assert result.exit_code == 0, result.output
    data = json.loads((tmp_path / "report.json").read_text("utf-8"))
    bids = [b["bid"] for b in data["bids"]]
    assert data["ranking"] == bids
    assert bids == ["Riverbend Community Services", "Summit Behavioral Partners"]
    # Each format carries the same ranking and totals, not just some bytes.
    markdown = (tmp_path / "report.md").read_text("utf-8")
    assert markdown.index("| 1 | Riverbend") < markdown.index("| 2 | Summit")
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "report.docx")).paragraphs)
    assert all(f"{bid}" in text for bid in bids)
    rows = list(csv.reader((tmp_path / "report.csv").open(encoding="utf-8")))
    totals = {row[0]: row[10] for row in rows if row[1] == "TOTAL"}
    assert totals == {b["bid"]: f"{b['total']:.2f}" for b in data["bids"]}
    criteria = len(data["bids"][0]["criteria"])
    assert len(rows) == 1 + len(bids) * (criteria + 1)
    again = run("score", "report", *sheets, "-o", str(tmp_path / "report.md"))
    assert again.exit_code == 1 and "already exists" in again.output


def test_example_report_reads_on_80_columns() -> None:
    sheets = sorted(str(p) for p in (EXAMPLE / "scores").glob("*.yaml"))
    result = run("score", "report", *sheets, env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    assert all(len(line) <= 80 for line in result.output.splitlines()), result.output
    assert "Criterion by bid" in result.output
    assert "NOT MET" in result.output  # the weak example bid fails a mandatory criterion


def test_example_report_matches_golden_markdown() -> None:
    library = load_library()
    rubric = load_rubric(EXAMPLE / "rubric.yaml", library)
    sheets, agreed = collect_sheets(sorted((EXAMPLE / "scores").glob("*.yaml")))
    markdown = report_markdown(score_report(sheets, rubric, agreed))
    golden = GOLDEN / "score-report.md"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(markdown, "utf-8")
    assert markdown == golden.read_text("utf-8"), "run with UPDATE_GOLDEN=1 to accept the change"


# --------------------------------------------------------------------------- checklist and init


def test_checklist_matches_golden_markdown() -> None:
    markdown = checklist_markdown(load_rubric(EXAMPLE / "rubric.yaml", load_library()))
    golden = GOLDEN / "checklist.md"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(markdown, "utf-8")
    assert markdown == golden.read_text("utf-8"), "run with UPDATE_GOLDEN=1 to accept the change"


def test_checklist_docx_has_content_control_checkboxes(tmp_path: Path) -> None:
    out = tmp_path / "checklist.docx"
    result = run("checklist", "build", str(EXAMPLE / "rubric.yaml"), "-o", str(out))
    assert result.exit_code == 0, result.output
    rubric = load_rubric(EXAMPLE / "rubric.yaml", load_library())
    expected = sum(len(c.look_for) + len(c.red_flags) + len(c.levels) for c in rubric.criteria)
    body = docx.Document(str(out)).element.body
    w14 = "{http://schemas.microsoft.com/office/word/2010/wordml}checkbox"
    assert len(body.findall(f".//{w14}")) == expected
    styles = [p.style.name for p in docx.Document(str(out)).paragraphs]
    assert styles.count("Heading 2") == len(rubric.criteria) + 1  # and the tally page


@pytest.mark.libreoffice
def test_checklist_prints_through_libreoffice(tmp_path: Path) -> None:
    out = tmp_path / "checklist.docx"
    assert run("checklist", "build", str(EXAMPLE / "rubric.yaml"), "-o", str(out)).exit_code == 0
    pages = libreoffice_pages(out, tmp_path)
    text = " ".join(" ".join(pages).split())
    rubric = load_rubric(EXAMPLE / "rubric.yaml", load_library())
    for criterion in rubric.criteria:
        assert " ".join(criterion.title.split()[:4]) in text
    assert "Page 2" in text and len(pages) >= 3


def test_default_checklist_uses_every_approved_point_and_only_those(tmp_path: Path) -> None:
    folder = write_library(tmp_path / "lib", ())
    evaluation = {"question": "Covered?", "look_for": ["it"]}
    for point_id, status in (("kept", "approved"), ("drafted", "draft"), ("gone", "retired")):
        write_point(folder, point_id, status=status, evaluation=evaluation)
    unscored = write_point(folder, "unscored", status="approved")
    data = yaml.safe_load(unscored.read_text("utf-8"))
    del data["evaluation"]
    write_yaml(unscored, data)  # approved, but nothing to score
    from advocacy.evaluate import default_rubric

    rubric = default_rubric(load_library([LibrarySource("test", folder)]))
    assert [c.id for c in rubric.criteria] == ["kept"]
    markdown = checklist_markdown(rubric)
    assert markdown.count("\n## ") == 1 + 1 and "Covered?" in markdown  # and the tally
    # The shipped library: one section per approved point with an evaluation block.
    library = load_library([LibrarySource(BUILTIN, builtin_library())])
    approved = [
        lp.point.id
        for lp in library.points.values()
        if lp.point.status == "approved" and lp.point.evaluation is not None
    ]
    assert sorted(c.id for c in default_rubric(library).criteria) == sorted(approved)
    assert checklist_markdown(default_rubric(library)).count("\n## ") == len(approved) + 1


def test_score_init_lists_every_criterion_and_round_trips(tmp_path: Path) -> None:
    out = tmp_path / "sheet.yaml"
    result = run(
        "score",
        "init",
        str(EXAMPLE / "rubric.yaml"),
        "--bid",
        'Bid "X"',
        "--reviewer",
        "Me",
        "-o",
        str(out),
    )
    assert result.exit_code == 0, result.output
    data = yaml.safe_load(out.read_text("utf-8"))
    rubric = load_rubric(EXAMPLE / "rubric.yaml", load_library())
    assert [s["criterion"] for s in data["scores"]] == [c.id for c in rubric.criteria]
    assert all(s["score"] is None for s in data["scores"])
    assert set(data["inputs"]) == {"peer_fte", "people_served", "peer_hourly", "entry_level_hourly"}
    assert data["bid"] == 'Bid "X"'
    report = run(
        "score",
        "report",
        str(out),
        "--rubric",
        str(EXAMPLE / "rubric.yaml"),
        "--json",
        "--allow-undeclared",
    )
    assert report.exit_code == 0, report.output
    assert len(json.loads(report.stdout)["bids"][0]["unscored"]) == len(rubric.criteria)
    again = run(
        "score",
        "init",
        str(EXAMPLE / "rubric.yaml"),
        "--bid",
        "B",
        "--reviewer",
        "Me",
        "-o",
        str(out),
    )
    assert again.exit_code == 1 and "already exists" in again.output


def test_consensus_for_a_bid_nobody_scored(tmp_path: Path, lib) -> None:
    one = sheet(tmp_path, "one", {"alpha": 1, "beta": 1, "gamma": 1})
    agreed = sheet(tmp_path, "agreed", {"alpha": 1, "beta": 1, "gamma": 1}, bid="Bid AA")
    with pytest.raises(AdvocacyError, match="consensus sheet for bid 'Bid AA'") as info:
        report_for(tmp_path, lib, [one], consensus=[agreed])
    assert info.value.diagnostics[0].hint == "did you mean 'Bid A'?"


def test_the_same_sheet_twice_counts_once_and_duplicates_are_errors(tmp_path: Path, lib) -> None:
    one = sheet(tmp_path, "one", {"alpha": 3, "beta": 2, "gamma": 1})
    same = tmp_path / "." / "one.yaml"
    (bid,) = report_for(tmp_path, lib, [one, same]).bids
    assert bid.reviewers == ["one"]
    copy = tmp_path / "copy.yaml"
    copy.write_text(one.read_text("utf-8"), "utf-8")
    with pytest.raises(AdvocacyError, match="'one' has two sheets for bid 'Bid A'"):
        report_for(tmp_path, lib, [one, copy])


def test_only_consensus_sheets_is_a_clear_error(tmp_path: Path, lib) -> None:
    agreed = sheet(tmp_path, "agreed", {"alpha": 3, "beta": 3, "gamma": 3}, consensus=True)
    folder = lib.sources[0].path
    result = run(
        "--library",
        str(folder),
        "score",
        "report",
        str(agreed),
        "--rubric",
        str(rubric_file(tmp_path)),
    )
    assert result.exit_code == 1 and "no reviewers' score sheets" in result.output
    with pytest.raises(AdvocacyError, match="two consensus sheets"):
        one = sheet(tmp_path, "one", {"alpha": 3, "beta": 3, "gamma": 3})
        other = sheet(tmp_path, "other", {"alpha": 1, "beta": 1, "gamma": 1}, consensus=True)
        report_for(tmp_path, lib, [one, agreed, other])


def test_a_reviewer_named_computed_is_just_a_reviewer(tmp_path: Path, lib) -> None:
    data = {
        "rubric": "test-rubric",
        "bid": "Bid A",
        "reviewer": "computed",
        "scores": [
            {"criterion": "alpha", "score": 1, "red_flags": ["alpha flag"]},
            {"criterion": "beta", "score": 1},
            {"criterion": "gamma", "score": 1},
        ],
    }
    path = write_yaml(tmp_path / "c.yaml", data)
    from advocacy.evaluate.export import report_dict

    (flag,) = report_dict(report_for(tmp_path, lib, [path]))["bids"][0]["red_flags"]
    assert flag == {"criterion": "alpha", "flag": "alpha flag", "recorded_by": ["computed"]}


@pytest.mark.libreoffice
def test_report_docx_puts_wide_tables_on_landscape_pages(tmp_path: Path) -> None:
    import subprocess

    from conftest import require_tool

    sheets = sorted(str(p) for p in (EXAMPLE / "scores").glob("*.yaml"))
    out = tmp_path / "report.docx"
    assert run("score", "report", *sheets, "-o", str(out)).exit_code == 0
    pages = libreoffice_pages(out, tmp_path)
    assert "Riverbend Community Services" in " ".join(pages)
    info = subprocess.run(
        [require_tool("pdfinfo"), "-f", "1", "-l", "99", str(tmp_path / "report.pdf")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    sizes = [
        tuple(float(x) for x in line.split("size:")[1].split("pts")[0].split(" x "))
        for line in info.splitlines()
        if line.startswith("Page") and "size:" in line
    ]
    assert sizes[0][0] < sizes[0][1]  # the ranking: portrait
    assert any(w > h for w, h in sizes[1:])  # the per-bid tables: landscape
