"""Kinds of call for input: the model, located errors, the registry, the `respond` group."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from advocacy.cli import main
from advocacy.cli.respond import respond
from advocacy.cli.rfi import rfi
from advocacy.models.rfi import CALL_KINDS
from advocacy.respond.kinds import get_kind, registry

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
COMMENT = EXAMPLES / "peer-billing-comment"
TESTIMONY = EXAMPLES / "peer-workforce-testimony"
RFI = EXAMPLES / "ma-dmh-cbfs"
COMMENT_NOW = "2027-01-20"
HEARING_NOW = "2027-03-01"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def copy(folder: Path, tmp_path: Path) -> Path:
    target = tmp_path / folder.name
    shutil.copytree(folder, target)
    return target


def edit(path: Path, change) -> Path:
    data = yaml.safe_load(path.read_text("utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")
    return path


# --------------------------------------------------------------------------- registry


def test_every_kind_of_the_model_has_a_module_and_templates() -> None:
    assert sorted(registry()) == sorted(CALL_KINDS)
    templates = Path(__file__).resolve().parent.parent / "templates"
    for kind in registry().values():
        assert (templates / kind.template).is_file()


def test_an_unknown_kind_in_the_registry_suggests_one() -> None:
    from advocacy.errors import AdvocacyError

    with pytest.raises(AdvocacyError, match="testimoney") as caught:
        get_kind("testimoney")
    assert caught.value.diagnostics[0].hint == "did you mean 'testimony'?"


def test_respond_and_rfi_share_the_same_command_objects() -> None:
    assert set(respond.commands) == {"show", "init", "check", "build", "batch", "package", "lint"}
    for name, command in respond.commands.items():
        assert rfi.commands[name] is command


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: d.update(kind="testimoney"),
            "unknown kind 'testimoney'; did you mean 'testimony'?",
        ),
        (lambda d: d.pop("testimony"), "kind: testimony needs a 'testimony' block"),
        (lambda d: d["testimony"].pop("committee"), "missing required field 'committee'"),
        (lambda d: d["testimony"].update(speaking_minutes=0), "must be greater than 0"),
        (lambda d: d["testimony"].update(speaking_minutes=-2), "must be greater than 0"),
        (lambda d: d["testimony"].update(words_per_minute=0), "must be greater than 0"),
        (lambda d: d["submit"].update(char_limit=-1), "must be greater than 0"),
    ],
)
def test_bad_call_files_get_a_located_error(tmp_path: Path, change, message: str) -> None:
    folder = copy(TESTIMONY, tmp_path)
    call = edit(folder / "hearing.yaml", change)
    result = run("respond", "show", str(call))
    assert result.exit_code == 1, result.output
    assert message in result.output
    assert f"{call}:" in result.output and "Traceback" not in result.output


def test_the_unknown_kind_is_placed_on_its_line(tmp_path: Path) -> None:
    folder = copy(TESTIMONY, tmp_path)
    call = edit(folder / "hearing.yaml", lambda d: d.update(kind="testimoney"))
    line = next(
        n for n, text in enumerate(call.read_text().splitlines(), 1) if text.startswith("kind:")
    )
    assert f"{call}:{line}:" in run("respond", "show", str(call)).output


def test_a_public_comment_needs_references_and_its_block(tmp_path: Path) -> None:
    folder = copy(COMMENT, tmp_path)
    call = edit(folder / "call.yaml", lambda d: d["questions"][1].pop("reference"))
    result = run("respond", "show", str(call))
    assert result.exit_code == 1 and "needs its 'reference'" in result.output
    call = edit(folder / "call.yaml", lambda d: d.pop("public_comment"))
    assert "needs a 'public_comment' block" in run("respond", "show", str(call)).output
    call = edit(
        folder / "call.yaml",
        lambda d: d.update(
            kind="rfi",
            public_comment={"docket": "D", "regulation": {"title": "T", "citation": "C"}},
        ),
    )
    assert (
        "belongs to kind: public-comment, not kind: rfi" in run("respond", "show", str(call)).output
    )


def test_a_position_outside_the_allowed_values_is_located(tmp_path: Path) -> None:
    folder = copy(TESTIMONY, tmp_path)
    response = edit(folder / "testimony.yaml", lambda d: d.update(position="favour"))
    result = run("respond", "check", str(response), "--now", HEARING_NOW)
    assert result.exit_code == 1
    assert (
        "'position' must be one of 'support', 'oppose' or 'support-with-amendments'"
        in result.output
    )
    assert f"{response}:" in result.output


def test_a_file_without_kind_is_an_rfi() -> None:
    result = run("respond", "show", str(RFI / "rfi.yaml"), "--now", "2017-05-25")
    assert result.exit_code == 0 and "(RFI)" in result.output


# --------------------------------------------------------------------------- show and check


def test_show_describes_each_kind() -> None:
    comment = run("respond", "show", str(COMMENT / "call.yaml"), "--now", COMMENT_NOW).output
    assert "Docket EOHHS-2027-0042" in comment and "Comment box: 5,000 characters" in comment
    assert "130 CMR 499.404" in comment and "10 MB each" in comment
    hearing = run("rfi", "show", str(TESTIMONY / "hearing.yaml"), "--now", HEARING_NOW).output
    assert "H.4321: An Act to strengthen the peer support workforce" in hearing
    assert "Speaking time: 3:00 (about 390 words at 130 words a minute)" in hearing


def test_check_reports_characters_for_a_public_comment() -> None:
    result = run("respond", "check", str(COMMENT / "comment.yaml"), "--now", COMMENT_NOW, "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["measures"]["char_limit"] == 5000
    assert 0 < report["measures"]["characters"] <= 5000
    assert report["diagnostics"] == []


def test_check_warns_when_the_comment_period_closes_soon_or_has_closed() -> None:
    soon = run("respond", "check", str(COMMENT / "comment.yaml"), "--now", "2027-01-28")
    assert "warning: the end of the comment period (2027-01-29 17:00 EST) is in" in soon.output
    closed = run("respond", "check", str(COMMENT / "comment.yaml"), "--now", "2027-02-01")
    assert "warning: the end of the comment period (2027-01-29 17:00 EST) passed" in closed.output


def test_a_required_section_left_out_is_an_error(tmp_path: Path) -> None:
    folder = copy(COMMENT, tmp_path)
    edit(folder / "call.yaml", lambda d: d["questions"][0].update(optional=False))
    edit(folder / "comment.yaml", lambda d: d["answers"].pop(0))
    result = run("respond", "check", str(folder / "comment.yaml"), "--now", COMMENT_NOW)
    assert result.exit_code == 1 and "is required but not answered" in result.output


def test_testimony_needs_a_position_on_every_bill(tmp_path: Path) -> None:
    folder = copy(TESTIMONY, tmp_path)

    def two_bills(d: dict) -> None:
        d["testimony"]["bills"].append(
            {"id": "s2100", "number": "S.2100", "title": "An Act on peer pay"}
        )

    edit(folder / "hearing.yaml", two_bills)
    result = run("respond", "check", str(folder / "testimony.yaml"), "--now", HEARING_NOW)
    assert result.exit_code == 0, result.output  # 'position' covers both bills
    response = edit(
        folder / "testimony.yaml",
        lambda d: (d.pop("position"), d.update(positions={"h4321": "support"})),
    )
    result = run("respond", "check", str(response), "--now", HEARING_NOW)
    assert result.exit_code == 1 and "no position stated on S.2100" in result.output
    response = edit(response, lambda d: d["positions"].update(s2010="oppose"))
    result = run("respond", "check", str(response), "--now", HEARING_NOW)
    assert (
        "the hearing has no bill 's2010'" in result.output
        and "did you mean 's2100'?" in result.output
    )


def test_the_bill_number_belongs_in_the_subject(tmp_path: Path) -> None:
    folder = copy(TESTIMONY, tmp_path)
    edit(folder / "hearing.yaml", lambda d: d["submit"].update(subject="Testimony - {name}"))
    result = run("respond", "check", str(folder / "testimony.yaml"), "--now", HEARING_NOW)
    assert "the subject line does not name H.4321" in result.output
    assert "put {bills} in the subject" in result.output


def test_speaking_time_warns_when_over_the_limit(tmp_path: Path) -> None:
    ok = run("respond", "check", str(TESTIMONY / "testimony.yaml"), "--now", HEARING_NOW, "--json")
    measures = json.loads(ok.stdout)["measures"]
    assert measures["words_per_minute"] == 130 and measures["speaking_limit_seconds"] == 180
    assert measures["reading_seconds"] == -(-measures["spoken_words"] * 60 // 130)
    assert "speaking-time" not in ok.stdout
    folder = copy(TESTIMONY, tmp_path)
    edit(folder / "hearing.yaml", lambda d: d["testimony"].update(speaking_minutes=1))
    result = run("respond", "check", str(folder / "testimony.yaml"), "--now", HEARING_NOW)
    assert result.exit_code == 0  # a warning: the written testimony can still be built
    assert "warning: the spoken testimony takes about" in result.output
    assert "the committee allows 1:00" in result.output
    slower = edit(
        folder / "hearing.yaml",
        lambda d: d["testimony"].update(speaking_minutes=3, words_per_minute=60),
    )
    assert (
        "the committee allows 3:00"
        in run("respond", "check", str(folder / "testimony.yaml"), "--now", HEARING_NOW).output
    )
    assert slower.exists()


# --------------------------------------------------------------------------- shipped examples


@pytest.mark.parametrize(
    ("path", "schema"),
    [
        (COMMENT / "call.yaml", "rfi"),
        (COMMENT / "comment.yaml", "response"),
        (TESTIMONY / "hearing.yaml", "rfi"),
        (TESTIMONY / "testimony.yaml", "response"),
    ],
)
def test_shipped_examples_follow_their_schema(path: Path, schema: str) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    from advocacy.schemas import json_schema

    data = json.loads(json.dumps(yaml.safe_load(path.read_text("utf-8")), default=str))
    jsonschema.validate(data, json_schema(schema))


def test_lint_accepts_the_new_examples() -> None:
    files = [
        COMMENT / "call.yaml",
        COMMENT / "comment.yaml",
        TESTIMONY / "hearing.yaml",
        TESTIMONY / "testimony.yaml",
    ]
    result = run("respond", "lint", "--strict", *map(str, files))
    assert result.exit_code == 0, result.output
    assert "4 file(s) checked: no problems" in result.output


@pytest.mark.parametrize(
    ("folder", "response", "now"),
    [(COMMENT, "comment.yaml", COMMENT_NOW), (TESTIMONY, "testimony.yaml", HEARING_NOW)],
)
def test_shipped_examples_check_clean(folder: Path, response: str, now: str) -> None:
    result = run("respond", "check", str(folder / response), "--now", now)
    assert result.exit_code == 0, result.output
    assert "ready to build" in result.output and "warning" not in result.output


# --------------------------------------------------------------------------- init


def test_init_for_testimony_asks_for_a_position_and_writes_a_file_that_checks(
    tmp_path: Path,
) -> None:
    from advocacy.cli.rfi_init import POSITIONS
    from advocacy.models.testimony import POSITIONS as MODEL_POSITIONS

    assert POSITIONS == MODEL_POSITIONS
    out = tmp_path / "mine.yaml"
    base = [
        "respond",
        "init",
        "--call",
        str(TESTIMONY / "hearing.yaml"),
        "-o",
        str(out),
        "--no-interactive",
        "--name",
        "Sam Lee",
    ]
    missing = run(*base)
    assert missing.exit_code == 2 and "--position is required for testimony" in missing.output
    intro = "h4321=I have worked in a peer role for six years, and I have seen what good supervision does."
    result = run(
        *base, "--position", "oppose", "--answer", "h4321=peer-supervisors", "--intro", intro
    )
    assert result.exit_code == 0, result.output
    assert "position: oppose" in out.read_text("utf-8")
    check = run("respond", "check", str(out), "--now", HEARING_NOW)
    assert check.exit_code == 0, check.output


def test_init_for_a_public_comment_writes_a_file_that_builds(tmp_path: Path) -> None:
    out = tmp_path / "mine.yaml"
    result = run(
        "respond", "init", "--call", str(COMMENT / "call.yaml"), "-o", str(out), "--no-interactive",
        "--name", "Sam Lee", "--answer", "rates=peer-retention-and-pay",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    built = run("respond", "build", str(out), "-o", "-", "--now", COMMENT_NOW)
    assert built.exit_code == 0 and "## Comment on 130 CMR 499.410: Payment rates" in built.stdout


def test_package_refuses_a_suffix_that_does_not_match_the_kind(tmp_path: Path) -> None:
    """Paste text must not land in a .eml file, nor an email draft in a .txt file."""
    from click.testing import CliRunner

    from advocacy.cli import main

    root = Path(__file__).resolve().parent.parent / "examples"
    comment = root / "peer-billing-comment" / "comment.yaml"
    result = CliRunner().invoke(
        main, ["respond", "package", str(comment), "-o", str(tmp_path / "c.eml")]
    )
    assert result.exit_code == 2
    assert "must end in .txt" in result.output and "c.txt" in result.output
    letter = root / "ma-dmh-cbfs" / "response.yaml"
    result = CliRunner().invoke(
        main, ["rfi", "package", str(letter), "-o", str(tmp_path / "r.txt")]
    )
    assert result.exit_code == 2 and "must end in .eml" in result.output
    assert not list(tmp_path.iterdir())
