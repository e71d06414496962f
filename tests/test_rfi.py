"""RFI responses through the CLI and the core: show, check, build, batch, package."""

from __future__ import annotations

import datetime as dt
import email
import io
import json
import os
import shutil
from email import policy
from pathlib import Path

import docx
import pytest
import yaml
from click.testing import CliRunner

from advocacy.cli import main
from advocacy.library import load_library
from advocacy.respond import check_response, load_response, response_markdown

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "ma-dmh-cbfs"
GOLDEN = Path(__file__).resolve().parent / "golden"
BEFORE = "2017-05-25"  # a week before the deadline: no deadline warning


def run(*args: str, **kwargs):
    return CliRunner().invoke(main, list(args), **kwargs)


@pytest.fixture
def example(tmp_path: Path) -> Path:
    """A private copy of the shipped example, safe to edit."""
    folder = tmp_path / "example"
    shutil.copytree(EXAMPLE, folder)
    return folder


def init_response(out: Path | str, *args: str, **kwargs):
    """``advocacy rfi init`` for the example RFI, writing ``out``."""
    return run("rfi", "init", "--rfi", str(EXAMPLE / "rfi.yaml"), "-o", str(out), *args, **kwargs)


def edit_response(folder: Path, change) -> Path:
    path = folder / "response.yaml"
    data = yaml.safe_load(path.read_text("utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")
    return path


def answer(data: dict, question: str) -> dict:
    return next(a for a in data["answers"] if a["question"] == question)


def docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for section in document.sections:
        parts += [p.text for p in section.header.paragraphs + section.footer.paragraphs]
    return "\n".join(parts)


# --------------------------------------------------------------------------- show


def test_show_lists_questions_limits_and_deadline() -> None:
    result = run("rfi", "show", str(EXAMPLE / "rfi.yaml"), "--now", "2017-06-01T12:00")
    assert result.exit_code == 0, result.output
    assert "New Model to replace Community Based Flexible Supports" in result.output
    assert "June 2, 2017, 12:00 PM EDT: in 28 hours" in result.output
    assert "600 words" in result.output and "peer-roles" in result.output
    late = run("rfi", "show", str(EXAMPLE / "rfi.yaml"), "--now", "2026-11-23")
    assert "passed 9 years ago" in late.output


# --------------------------------------------------------------------------- check


def test_shipped_example_checks_clean() -> None:
    result = run("rfi", "check", str(EXAMPLE / "response.yaml"), "--now", BEFORE, "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["errors"] == 0 and report["warnings"] == 0, report["diagnostics"]
    assert report["personal_share"] >= 0.2
    answered = [q for q in report["questions"] if q["answered"]]
    assert all(q["words"] <= (q["word_limit"] or 10**6) for q in answered)


def test_over_limit_is_an_error_with_the_count(example: Path) -> None:
    path = edit_response(
        example, lambda d: answer(d, "peer-roles").update(intro="This matters to me. " * 200)
    )
    result = run("rfi", "check", str(path), "--now", BEFORE)
    assert result.exit_code == 1
    assert "the answer to question 2 has" in result.output and "the limit is 600" in result.output
    report = check_response(load_response(path), load_library())
    (over,) = [d for d in report.errors if d.code == "word-limit"]
    words = next(a.words for a in report.answers if a.question.id == "peer-roles")
    assert f"has {words} words" in over.message and words > 600
    assert over.hint == f"cut {words - 600} words, or choose fewer talking points"


def test_late_and_close_deadlines_warn(example: Path) -> None:
    path = example / "response.yaml"
    late = run("rfi", "check", str(path), "--now", "2017-06-02T16:01")  # 12:01 EDT
    assert late.exit_code == 0
    assert "(2017-06-02 12:00 EDT) passed 1 minute ago [deadline]" in late.output
    soon = run("rfi", "check", str(path), "--now", "2017-05-31T12:00")
    assert "is in 2 days" in soon.output and "[deadline]" in soon.output
    calm = run("rfi", "check", str(path), "--now", "2017-05-29T12:00")
    assert "[deadline]" not in calm.output


def test_unknown_ids_get_a_suggestion_and_a_place(example: Path) -> None:
    def change(d: dict) -> None:
        answer(d, "peer-roles")["points"][0] = "peer-supervisor"
        answer(d, "workforce")["question"] = "work-force"

    path = edit_response(example, change)
    result = run("rfi", "check", str(path), "--now", BEFORE)
    assert result.exit_code == 1
    assert "no talking point with id 'peer-supervisor'" in result.output
    assert "did you mean 'peer-supervisors'?" in result.output
    assert "the RFI has no question 'work-force'" in result.output
    assert "did you mean 'workforce'?" in result.output
    assert f"{path}:" in result.output


def test_low_personal_share_warns(example: Path) -> None:
    def change(d: dict) -> None:
        d.pop("closing", None)
        d.pop("opening", None)
        for a in d["answers"]:
            a.pop("intro", None)
            a.pop("closing", None)
            a["points"] = [p["id"] if isinstance(p, dict) else p for p in a.get("points", [])]
        d["answers"] = [a for a in d["answers"] if a["points"]]

    path = edit_response(example, change)
    result = run("rfi", "check", str(path), "--now", BEFORE, "--json")
    report = json.loads(result.stdout)
    assert report["personal_share"] == 0.0
    assert [d["code"] for d in report["diagnostics"]] == ["personal-share"]
    assert result.exit_code == 0  # a warning, not an error


def test_required_question_left_out(example: Path) -> None:
    rfi = yaml.safe_load((example / "rfi.yaml").read_text("utf-8"))
    rfi["questions"][0]["optional"] = False
    (example / "rfi.yaml").write_text(yaml.safe_dump(rfi, sort_keys=False), "utf-8")
    result = run("rfi", "check", str(example / "response.yaml"), "--now", BEFORE)
    assert result.exit_code == 1
    assert "is required but not answered" in result.output


def test_draft_point_warns(example: Path, tmp_path: Path) -> None:
    library = tmp_path / "mine"
    library.mkdir()
    point = yaml.safe_load(
        (Path(__file__).parent.parent / "talking_points" / "paid-networking.yaml").read_text(
            "utf-8"
        )
    )
    point["status"] = "draft"
    (library / "paid-networking.yaml").write_text(yaml.safe_dump(point, sort_keys=False), "utf-8")
    path = edit_response(
        example,
        lambda d: (
            answer(d, "workforce")["points"].append("paid-networking")
            if "paid-networking" not in str(answer(d, "workforce")["points"])
            else None
        ),
    )
    result = run("--library", str(library), "rfi", "check", str(path), "--now", BEFORE)
    assert "talking point 'paid-networking' is draft, not approved" in result.output


def test_missing_rfi_file_is_located(example: Path) -> None:
    path = edit_response(example, lambda d: d.update(rfi="nope.yaml"))
    result = run("rfi", "check", str(path))
    assert result.exit_code == 1
    assert f"{path}:" in result.output and "no RFI file 'nope.yaml' found" in result.output


# --------------------------------------------------------------------------- build


def test_main_job_builds_the_example_to_docx(tmp_path: Path) -> None:
    out = tmp_path / "response.docx"
    result = run("rfi", "build", str(EXAMPLE / "response.yaml"), "-o", str(out), "--now", BEFORE)
    assert result.exit_code == 0, result.output
    document = docx.Document(str(out))
    styles = [p.style.name for p in document.paragraphs]
    assert styles[0] == "Title" and "Heading 2" in styles
    text = docx_text(out)
    assert "Question 2: Peer roles in the new contracts" in text and "What I ask" in text
    assert "Describe who will directly supervise" not in text  # bidder-facing asks: appendix only
    assert document.core_properties.author == "Morgan Ellery"


def test_build_refuses_on_errors_and_writes_nothing(example: Path) -> None:
    path = edit_response(example, lambda d: answer(d, "peer-roles")["points"].append("nope"))
    out = example / "out.docx"
    result = run("rfi", "build", str(path), "-o", str(out), "--now", BEFORE)
    assert result.exit_code == 1 and not out.exists()


def test_anonymous_removes_identity_from_text_and_properties(example: Path) -> None:
    path = edit_response(example, lambda d: d["respondent"].update(anonymous=True))
    base = yaml.safe_load((EXAMPLE / "response.yaml").read_text("utf-8"))["respondent"]
    out = example / "anon.docx"
    result = run("rfi", "build", str(path), "-o", str(out), "--now", BEFORE)
    assert result.exit_code == 0, result.output
    text = docx_text(out)
    for secret in (base["name"], base["email"], base["organization"], base["name"].split()[-1]):
        assert secret not in text
    props = docx.Document(str(out)).core_properties
    assert props.author == "" and props.last_modified_by == ""
    assert "anonymous" in text.lower()
    md = run("rfi", "build", str(path), "-o", "-", "--now", BEFORE).stdout
    assert base["name"] not in md and base["email"] not in md


def test_response_markdown_matches_golden_file() -> None:
    loaded = load_response(EXAMPLE / "response.yaml")
    markdown = response_markdown(loaded, load_library(), date=dt.date(2017, 5, 30))
    golden = GOLDEN / "response.md"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(markdown, "utf-8")
    assert markdown == golden.read_text("utf-8"), "run with UPDATE_GOLDEN=1 to accept the change"
    assert "\n\n\n" not in markdown


def test_respondent_markup_is_shown_literally(example: Path) -> None:
    path = edit_response(
        example,
        lambda d: answer(d, "peer-roles").update(intro="# Not a heading\n\n1. *not* [a](link)"),
    )
    md = run("rfi", "build", str(path), "-o", "-", "--now", BEFORE).stdout
    assert "\\# Not a heading" in md and "1\\. \\*not\\* \\[a\\](link)" in md


# --------------------------------------------------------------------------- package


def test_package_writes_an_email_draft_with_the_docx(tmp_path: Path) -> None:
    out = tmp_path / "submission.eml"
    result = run("rfi", "package", str(EXAMPLE / "response.yaml"), "-o", str(out), "--now", BEFORE)
    assert result.exit_code == 0, result.output
    message = email.message_from_bytes(out.read_bytes(), policy=policy.default)
    rfi = yaml.safe_load((EXAMPLE / "rfi.yaml").read_text("utf-8"))
    assert message["To"] == rfi["submit"]["email"]
    assert message["X-Unsent"] == "1"
    assert "New Model to replace Community Based Flexible Supports" in message["Subject"]
    (attachment,) = list(message.iter_attachments())
    assert attachment.get_filename().endswith(".docx")
    document = docx.Document(io.BytesIO(attachment.get_content()))
    assert document.paragraphs[0].style.name == "Title"
    again = run("rfi", "package", str(EXAMPLE / "response.yaml"), "-o", str(out), "--now", BEFORE)
    assert again.exit_code == 1 and "already exists" in again.output


# --------------------------------------------------------------------------- init


def test_init_with_flags_writes_a_file_that_builds(tmp_path: Path) -> None:
    out = tmp_path / "mine.yaml"
    result = init_response(
        str(out),
        "--no-interactive",
        "--name",
        'Sam "the peer" Lee',
        "--role",
        "CPS",
        "--answer",
        "peer-roles=cps-code-of-ethics,peer-supervisors",
        "--intro",
        "peer-roles=I have worked in a peer role for six years.",
    )
    assert result.exit_code == 0, result.output
    text = out.read_text("utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    assert "# Question 2:" in text and "(limit 600 words)" in text
    data = yaml.safe_load(text)
    assert data["respondent"]["name"] == 'Sam "the peer" Lee'
    assert [p["id"] for p in data["answers"][0]["points"]] == [
        "cps-code-of-ethics",
        "peer-supervisors",
    ]
    built = run("rfi", "build", str(out), "-o", str(tmp_path / "mine.docx"), "--now", BEFORE)
    assert built.exit_code == 0, built.output
    assert (
        run(
            "rfi", "init", "--rfi", str(EXAMPLE / "rfi.yaml"), "-o", str(out), "--no-interactive"
        ).exit_code
        == 1
    )  # never overwrites


def test_init_rejects_unknown_ids_with_suggestions(tmp_path: Path) -> None:
    result = init_response(
        str(tmp_path / "r.yaml"),
        "--no-interactive",
        "--name",
        "A",
        "--answer",
        "peer-role=cps-code-of-ethics",
    )
    assert result.exit_code == 1 and "did you mean 'peer-roles'?" in result.output
    result = init_response(
        str(tmp_path / "r.yaml"),
        "--no-interactive",
        "--name",
        "A",
        "--answer",
        "peer-roles=cps-code",
    )
    assert result.exit_code == 1 and "no talking point with id 'cps-code'" in result.output
    result = run("rfi", "init", "-o", str(tmp_path / "r.yaml"), "--no-interactive")
    assert result.exit_code == 2 and "--rfi is required" in result.output


def test_init_interactive_wizard(tmp_path: Path) -> None:
    out = tmp_path / "wizard.yaml"
    rfi = yaml.safe_load((EXAMPLE / "rfi.yaml").read_text("utf-8"))
    # Not anonymous; name, organization, role, email; then per question:
    # skip question 1 (Enter, then "n" to own-words-only); answer 2 with points 1 and 2;
    # skip the rest; then the closing.
    answers = [
        "n",
        "Pat Doe",
        "Hilltown RLC",
        "Peer supporter",
        "pat@example.org",
        "",
        "n",
        "1,2",
        "This is why I care.",
        "My note on the first point.",
        "",
        "My closing.",
        *(["", "n"] * (len(rfi["questions"]) - 2)),
        "Thank you.",
    ]
    result = init_response(str(out), "--interactive", input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    assert "Question 2 (limit 600 words)" in result.output
    data = yaml.safe_load(out.read_text("utf-8"))
    assert data["respondent"] == {
        "name": "Pat Doe",
        "organization": "Hilltown RLC",
        "role": "Peer supporter",
        "email": "pat@example.org",
        "anonymous": False,
    }
    (answer,) = data["answers"]
    assert answer["question"] == "peer-roles" and answer["intro"] == "This is why I care."
    assert answer["points"][0]["note"] == "My note on the first point."
    assert answer["closing"] == "My closing." and data["closing"] == "Thank you."
    assert run("rfi", "check", str(out), "--now", BEFORE).exit_code == 0


# --------------------------------------------------------------------------- lint


def test_lint_accepts_the_shipped_example() -> None:
    result = run(
        "rfi", "lint", str(EXAMPLE / "rfi.yaml"), str(EXAMPLE / "response.yaml"), "--strict"
    )
    assert result.exit_code == 0, result.output


def test_lint_reports_schema_errors_and_unknown_suggestions(example: Path) -> None:
    rfi = yaml.safe_load((example / "rfi.yaml").read_text("utf-8"))
    rfi["questions"][1]["suggested_points"].append("cps-code-of-ethic")
    rfi["questions"][0]["word_limit"] = "many"
    rfi["submit"]["emial"] = "x@example.org"
    (example / "rfi.yaml").write_text(yaml.safe_dump(rfi, sort_keys=False), "utf-8")
    result = run("rfi", "lint", str(example / "rfi.yaml"))
    assert result.exit_code == 1
    assert "unknown field 'emial'" in result.output and "did you mean 'email'?" in result.output
    assert "'questions[0].word_limit'" in result.output
    fixed = yaml.safe_load((example / "rfi.yaml").read_text("utf-8"))
    fixed["questions"][0]["word_limit"] = 100
    del fixed["submit"]["emial"]
    (example / "rfi.yaml").write_text(yaml.safe_dump(fixed, sort_keys=False), "utf-8")
    result = run("rfi", "lint", str(example / "rfi.yaml"), "--strict")
    assert result.exit_code == 1
    assert (
        "suggested point 'cps-code-of-ethic' is neither a talking-point id nor a tag"
        in result.output
    )
    assert "did you mean 'cps-code-of-ethics'?" in result.output


def test_lint_names_files_it_cannot_classify(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("title: what am I\n", "utf-8")
    result = run("rfi", "lint", str(path))
    assert result.exit_code == 1 and f"{path}:1:1: error: cannot tell whether" in result.output


def test_response_may_name_its_rfi_by_id(example: Path) -> None:
    path = edit_response(example, lambda d: d.update(rfi="ma-dmh-cbfs-2017"))
    assert run("rfi", "check", str(path), "--now", BEFORE).exit_code == 0
