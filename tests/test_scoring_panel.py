# ruff: noqa: F401, F811  (the lib fixture is imported from test_evaluate and used as an argument)
"""Scoring beyond the arithmetic: one rubric lookup, the computed-check registry,
the blank sheet, faults in sheets, and what a panel needs to defend a ranking
(complete sheets, reasons, conflicts of interest, translated titles)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from factories import write_library, write_point
from test_evaluate import (
    EXAMPLE,
    GOLDEN,
    lib,
    report_for,
    rubric_file,
    run,
    sheet,
    write_yaml,
)

from advocacy.errors import AdvocacyError
from advocacy.evaluate import (
    checklist_markdown,
    collect_sheets,
    load_rubric,
    report_markdown,
    score_report,
)
from advocacy.library import load_library

# --------------------------------------------------------------------------- one rubric lookup


@pytest.mark.parametrize("command", ["checklist", "init", "evidence", "report"])
def test_every_command_finds_a_shipped_rubric_by_name(tmp_path: Path, command: str) -> None:
    sheet_path = tmp_path / "sheet.yaml"
    init = ["score", "init", "job-description", "--bid", "B", "--reviewer", "R", "-o"]
    args = {
        "checklist": ["checklist", "build", "job-description", "-o", "-"],
        "init": [*init, str(sheet_path)],
        "evidence": ["score", "evidence", "--rubric", "job-description", "--json"],
        "report": ["score", "report", str(sheet_path), "--json", "--allow-undeclared"],
    }[command]
    if command == "evidence":
        bid = tmp_path / "bid.md"
        bid.write_text("Peer staff follow the CPS Code of Ethics.\n", "utf-8")
        args.append(str(bid))
    if command == "report":
        assert run(*init, str(sheet_path)).exit_code == 0
    result = run(*args)
    assert result.exit_code == 0, result.output
    if command == "checklist":
        assert "Reviewer checklist: Peer job descriptions" in result.output
    if command == "report":
        assert json.loads(result.stdout)["rubric"]["id"] == "job-description"


def test_report_after_init_finds_the_rubric_the_sheet_recorded(tmp_path: Path) -> None:
    out = tmp_path / "elsewhere" / "dana.yaml"
    out.parent.mkdir()
    rubric = EXAMPLE / "rubric.yaml"
    assert (
        run("score", "init", str(rubric), "--bid", "B", "--reviewer", "D", "-o", str(out)).exit_code
        == 0
    )
    result = run("score", "report", str(out), "--json", "--allow-undeclared")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["rubric"]["id"] == "ma-dmh-cbfs-peer-roles"


def test_unknown_rubric_name_is_a_clear_error() -> None:
    result = run("checklist", "build", "job-descripton", "-o", "-")
    assert result.exit_code == 1
    assert "no rubric file or shipped rubric by that name" in result.output
    assert "did you mean 'job-description'?" in result.output


# --------------------------------------------------------------------------- computed-check registry


def test_unknown_computed_check_is_an_error_not_a_default(tmp_path: Path, lib) -> None:
    from advocacy.evaluate.checks import CHECKS, check_for, run_check

    with pytest.raises(AdvocacyError, match="unknown computed check 'pay-parrity'") as info:
        check_for("pay-parrity")
    assert info.value.diagnostics[0].hint == "did you mean 'pay-parity'?"
    with pytest.raises(AdvocacyError, match="unknown computed check"):
        run_check("x", "wage-gap", None, {"peer_hourly": 1.0, "entry_level_hourly": 2.0})
    assert set(CHECKS) == {"staffing-ratio", "small-team", "pay-parity"}
    path = rubric_file(tmp_path, criteria=[{"point": "delta", "computed": "pay-parrity"}])
    write_point(lib.sources[0].path, "delta", evaluation={"question": "Delta?", "look_for": ["d"]})
    with pytest.raises(AdvocacyError) as located:
        load_rubric(path, load_library(lib.sources))
    (problem,) = located.value.diagnostics
    assert (problem.line, problem.message) == (8, "unknown computed check 'pay-parrity'")


def test_staffing_ratio_without_threshold_is_located(tmp_path: Path, lib) -> None:
    write_point(lib.sources[0].path, "delta", evaluation={"question": "Delta?", "look_for": ["d"]})
    path = rubric_file(tmp_path, criteria=[{"point": "delta", "computed": "staffing-ratio"}])
    with pytest.raises(AdvocacyError, match="a staffing-ratio criterion needs a threshold"):
        load_rubric(path, load_library(lib.sources))


# --------------------------------------------------------------------------- the blank sheet


def test_init_sheet_with_multiline_texts_is_valid(tmp_path: Path) -> None:
    folder = write_library(tmp_path / "lib", ())
    write_point(
        folder,
        "alpha",
        title="Alpha",
        evaluation={
            "question": "Does the bid cover alpha?\nscore: 3\n- and this line too?",
            "look_for": ["a"],
            "red_flags": [{"text": "Two\nlines: here", "why": "Because."}],
        },
    )
    rubric = write_yaml(
        tmp_path / "r.yaml",
        {"id": "r", "title": "Multi\nline: title", "criteria": [{"point": "alpha"}]},
    )
    out = tmp_path / "sheet.yaml"
    lib_args = ("--library", str(folder))
    init = run(
        *lib_args, "score", "init", str(rubric), "--bid", "B\nC", "--reviewer", "R", "-o", str(out)
    )
    assert init.exit_code == 0, init.output
    report = run(*lib_args, "score", "report", str(out), "--json", "--allow-undeclared")
    assert report.exit_code == 0, report.output
    assert json.loads(report.stdout)["bids"][0]["bid"] == "B C"


# --------------------------------------------------------------------------- faults (#12)


@pytest.mark.parametrize(
    ("field", "value"),
    [("peer_fte", 1e308), ("peer_fte", float("inf")), ("people_served", float("nan"))],
)
def test_absurd_or_non_finite_figures_are_refused_at_their_line(
    tmp_path: Path, lib, field: str, value: float
) -> None:
    one = sheet(tmp_path, "one", {"alpha": 1, "beta": 1, "gamma": 1}, inputs={field: value})
    folder = lib.sources[0].path
    result = run(
        "--library",
        str(folder),
        "score",
        "report",
        str(one),
        "--rubric",
        str(rubric_file(tmp_path)),
    )
    assert result.exit_code == 1, result.output
    line = one.read_text("utf-8").splitlines().index(f"  {field}: {yaml.safe_dump(value)[:-5]}")
    assert f"{one}:{line + 1}:" in result.output and "internal error" not in result.output


def test_report_markdown_to_stdout(tmp_path: Path) -> None:
    sheets = sorted(str(p) for p in (EXAMPLE / "scores").glob("*.yaml"))
    result = run("score", "report", *sheets, "-o", "-")
    assert result.exit_code == 0, result.output
    assert result.stdout == (GOLDEN / "score-report.md").read_text("utf-8")


def test_init_force_overwrites_and_says_so_when_missing(tmp_path: Path) -> None:
    out = tmp_path / "sheet.yaml"
    out.write_text("old", "utf-8")
    args = ["score", "init", "job-description", "--bid", "B", "--reviewer", "R", "-o", str(out)]
    refused = run(*args)
    assert refused.exit_code == 1 and "pass --force" in refused.output
    assert out.read_text("utf-8") == "old"
    assert run(*args, "--force").exit_code == 0
    assert "rubric: job-description" in out.read_text("utf-8")


# --------------------------------------------------------------------------- completeness (#16)


def test_incomplete_bid_is_never_ranked_first(tmp_path: Path, lib) -> None:
    empty = sheet(tmp_path, "one", {"alpha": None, "beta": None, "gamma": None}, bid="Empty Bid")
    scored = sheet(tmp_path, "two", {"alpha": 1, "beta": 1, "gamma": 1}, bid="Scored Bid")
    report = report_for(tmp_path, lib, [empty, scored])
    assert [b.bid for b in report.ranking()] == ["Scored Bid"]
    assert [b.bid for b in report.unranked()] == ["Empty Bid"]
    from advocacy.evaluate import report_dict

    data = report_dict(report)
    assert data["ranking"] == ["Scored Bid"] and data["incomplete"] == ["Empty Bid"]
    empty_bid = next(b for b in data["bids"] if b["bid"] == "Empty Bid")
    assert empty_bid["meets_mandatory"] is None and empty_bid["complete"] is False
    assert empty_bid["missing"]["one"][0] == {"criterion": "alpha", "missing": "no score"}
    markdown = report_markdown(report)
    ranking = markdown[markdown.index("## Ranking") : markdown.index("<!-- landscape -->")]
    assert "| 1 | Scored Bid |" in ranking and "| 2 |" not in ranking
    assert "**Not ranked: incomplete**" in ranking and "Empty Bid (missing: " in ranking
    # Asked to, the report ranks it, below the scored bid, and says it did.
    rubric = load_rubric(rubric_file(tmp_path), lib)
    loaded, _ = collect_sheets([empty, scored])
    allowed = score_report(loaded, rubric, allow_incomplete=True)
    assert [b.bid for b in allowed.ranking()] == ["Scored Bid", "Empty Bid"]
    assert allowed.ranking()[1].meets_mandatory is None  # ranked, still not said to meet
    allowed_markdown = report_markdown(allowed)
    assert "ranked although" in allowed_markdown
    assert "| 2 | Empty Bid (incomplete) | 0.00 of 18.00 | 0 | not known: incomplete |" in (
        allowed_markdown
    )


def test_one_scored_criterion_still_counts_but_leaves_the_bid_incomplete(tmp_path, lib) -> None:
    one = sheet(tmp_path, "one", {"alpha": 3, "beta": None, "gamma": 2})
    two = sheet(tmp_path, "two", {"alpha": 1, "beta": 2, "gamma": 2})
    (bid,) = report_for(tmp_path, lib, [one, two]).bids
    assert bid.complete  # every criterion has at least one score
    assert bid.gaps == {"one": [("beta", "no score")]}
    assert bid.results[0].mean == 2.0  # one's alpha still counts


def test_score_must_be_a_whole_number(tmp_path: Path, lib) -> None:
    for bad in ("yes", "2.5", '"2"'):
        path = tmp_path / "s.yaml"
        path.write_text(
            "rubric: test-rubric\nbid: B\nreviewer: R\nconflict: none\nscores:\n"
            f"  - criterion: alpha\n    score: {bad}\n    comment: ok\n",
            "utf-8",
        )
        with pytest.raises(AdvocacyError) as info:
            report_for(tmp_path, lib, [path])
        assert info.value.diagnostics[0].line == 7, bad


def test_names_are_trimmed_and_compared_ignoring_case(tmp_path: Path, lib) -> None:
    one = sheet(tmp_path, "one", {"alpha": 3, "beta": 3, "gamma": 3}, bid="Bid A ")
    two = sheet(tmp_path, "two", {"alpha": 1, "beta": 1, "gamma": 1}, bid="bid a")
    report = report_for(tmp_path, lib, [one, two])
    assert [(b.bid, b.reviewers) for b in report.bids] == [("Bid A", ["one", "two"])]
    twice = write_yaml(
        tmp_path / "twice.yaml", {**yaml.safe_load(one.read_text("utf-8")), "reviewer": " ONE"}
    )
    with pytest.raises(AdvocacyError, match="'ONE' has two sheets for bid 'Bid A'"):
        report_for(tmp_path, lib, [one, twice])


def test_near_duplicate_names_are_warned_about(tmp_path: Path, lib) -> None:
    scores = {"alpha": 2, "beta": 2, "gamma": 2}
    one = sheet(tmp_path, "one", scores, bid="Riverbend Community Services")
    two = sheet(tmp_path, "two", scores, bid="Riverbend Comunity Services")
    report = report_for(tmp_path, lib, [one, two])
    assert len(report.bids) == 2
    (warned,) = [w for w in report.warnings if "nearly the same" in w.message]
    assert "Riverbend Comunity Services" in warned.message and warned.file == str(two)
    # Blind codes look alike on purpose: no warning for them.
    coded = [sheet(tmp_path, f"c{i}", scores, bid=f"BID-7QX{c}") for i, c in enumerate("AC")]
    assert not [w for w in report_for(tmp_path, lib, coded).warnings if "nearly" in w.message]


def test_mandatory_minimum_outside_the_scale_is_located(tmp_path: Path, lib) -> None:
    path = rubric_file(tmp_path, scale={"mandatory_min": 99})
    with pytest.raises(AdvocacyError, match="mandatory_min 99 is outside the scale") as info:
        load_rubric(path, lib)
    assert info.value.diagnostics[0].line == 8
    assert info.value.diagnostics[0].hint == "use a level between 0 and 3"


# --------------------------------------------------------------------------- reasons (#16)


def test_a_score_without_a_reason_leaves_the_sheet_incomplete(tmp_path: Path, lib) -> None:
    one = sheet(tmp_path, "one", {"alpha": 3, "beta": 3, "gamma": 3})
    data = yaml.safe_load(one.read_text("utf-8"))
    del data["scores"][1]["comment"]
    write_yaml(one, data)
    (bid,) = report_for(tmp_path, lib, [one]).bids
    assert bid.gaps == {"one": [("beta", "no reason")]} and not bid.ranked
    assert bid.total == pytest.approx(18)  # the score still counts
    (bid,) = report_for(tmp_path, lib, [one], require_reason=False).bids
    assert bid.ranked and not bid.gaps


def test_reasons_appear_in_the_report_appendix(tmp_path: Path, lib) -> None:
    one = sheet(tmp_path, "one", {"alpha": 3, "beta": 2, "gamma": 1})
    markdown = report_markdown(report_for(tmp_path, lib, [one]))
    appendix = markdown[markdown.index("## Reasons for the scores") :]
    assert "Why 3." in appendix and "Why 1." in appendix


# --------------------------------------------------------------------------- conflicts (#16)


def test_undeclared_sheets_are_left_out_unless_allowed(tmp_path: Path, lib) -> None:
    scores = {"alpha": 3, "beta": 3, "gamma": 3}
    declared = sheet(tmp_path, "one", scores)
    empty = sheet(tmp_path, "two", {"alpha": 0, "beta": 0, "gamma": 0}, conflict=None)
    legacy = tmp_path / "three.yaml"
    data = yaml.safe_load(sheet(tmp_path, "three", scores).read_text("utf-8"))
    del data["conflict"]
    write_yaml(legacy, data)
    report = report_for(tmp_path, lib, [declared, empty, legacy])
    assert report.bids[0].reviewers == ["one", "three"]
    assert [s.path for s in report.undeclared] == [empty]
    assert any("no conflict-of-interest declaration" in w.message for w in report.warnings)
    markdown = report_markdown(report)
    assert "Left out" in markdown and "two" in markdown
    rubric = load_rubric(rubric_file(tmp_path), lib)
    loaded, _ = collect_sheets([declared, empty, legacy])
    allowed = score_report(loaded, rubric, allow_undeclared=True)
    assert allowed.bids[0].reviewers == ["one", "two", "three"] and not allowed.undeclared


def test_declared_conflicts_are_listed(tmp_path: Path, lib) -> None:
    scores = {"alpha": 3, "beta": 3, "gamma": 3}
    one = sheet(tmp_path, "one", scores, conflict="Former employee of Bid A (left 2015)")
    two = sheet(tmp_path, "two", scores, conflict="None")
    report = report_for(tmp_path, lib, [one, two])
    assert report.conflicts == [("one", "Bid A", "Former employee of Bid A (left 2015)")]
    assert "Former employee of Bid A (left 2015)" in report_markdown(report)


def test_spanish_checklist_and_report_use_translated_titles() -> None:
    rubric = load_rubric(EXAMPLE / "rubric.yaml", load_library())
    sheets, agreed = collect_sheets(sorted((EXAMPLE / "scores").glob("*.yaml")))
    report = report_markdown(score_report(sheets, rubric, agreed), lang="es")
    checklist = checklist_markdown(rubric, lang="es")
    for markdown in (report, checklist):
        assert "Roles de pares en las propuestas" in markdown.split("---")[1]  # the title
    # Criterion titles, never ids, where a title belongs; red flags in Spanish too.
    body = report.split("---", 2)[2]
    assert all(f"| {c.id}" not in body and f"**{c.id}**" not in body for c in rubric.criteria)
    assert "Supervisores que conocen el trabajo de pares desde adentro" in body
    assert "El compromiso ético abarca solo al personal" in body


def test_checklist_has_a_tally_and_signature_page_and_bid_reviewer_header() -> None:
    rubric = load_rubric(EXAMPLE / "rubric.yaml", load_library())
    markdown = checklist_markdown(rubric)
    assert 'header: "Bid: ____________________   Reviewer: ____________________"' in markdown
    tally = markdown[markdown.index("<!-- pagebreak -->") :]
    assert "## Tally and signature" in tally and "Signature:" in tally
    assert all(c.title in tally for c in rubric.criteria)


@pytest.mark.parametrize("allow_incomplete", [False, True])
@pytest.mark.parametrize("allow_undeclared", [False, True])
def test_every_report_shape_renders(
    tmp_path: Path, lib, allow_incomplete: bool, allow_undeclared: bool
) -> None:
    """Incomplete, undeclared, conflicted, single-reviewer and tied bids in one report."""
    from advocacy.evaluate import report_dict, report_rows

    sheets = [
        sheet(tmp_path, "one", {"alpha": 3, "beta": 2, "gamma": 1}, bid="Tied A"),
        sheet(tmp_path, "two", {"alpha": 3, "beta": 2, "gamma": 1}, bid="Tied B"),
        sheet(tmp_path, "three", {"alpha": None, "beta": 2, "gamma": 1}, bid="Half"),
        sheet(tmp_path, "four", {"alpha": 1, "beta": 1, "gamma": 1}, bid="Tied A", conflict=None),
        sheet(
            tmp_path, "five", {"alpha": 2, "beta": 2, "gamma": 2}, bid="Tied B", conflict="Board"
        ),
    ]
    rubric = load_rubric(rubric_file(tmp_path), lib)
    loaded, agreed = collect_sheets(sheets)
    report = score_report(
        loaded,
        rubric,
        agreed,
        allow_incomplete=allow_incomplete,
        allow_undeclared=allow_undeclared,
        what_if={"beta": 2},
    )
    markdown = report_markdown(report, lang="es")
    assert "Board" in markdown and ("Half" in markdown)
    assert "four" in markdown  # listed as left out, or counted
    assert json.dumps(report_dict(report)) and list(report_rows(report))
    assert ("Half" in [b.bid for b in report.ranking()]) is allow_incomplete
