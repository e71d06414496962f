"""``package`` for a public comment: an email draft when the agency takes comments only by
email, and the attachment limits (number of files, size) with clear messages."""

from __future__ import annotations

import email
import shutil
from email import policy
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from advocacy.errors import AdvocacyError
from advocacy.library import load_library
from advocacy.respond import load_response
from advocacy.respond.kinds import PackageRequest, kind_of

COMMENT = Path(__file__).resolve().parent.parent / "examples" / "peer-billing-comment"
NOW = "2027-01-20"


def run(*args: str):
    from advocacy.cli import main

    return CliRunner().invoke(main, list(args))


def copy(tmp_path: Path, change=None) -> Path:
    folder = tmp_path / "comment"
    shutil.copytree(COMMENT, folder)
    call = folder / "call.yaml"
    data = yaml.safe_load(call.read_text("utf-8"))
    if change:
        change(data)
    call.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")
    return folder / "comment.yaml"


def by_email_only(data: dict) -> None:
    data["submit"].pop("url")
    data["submit"]["email"] = "regulations@example.org"
    data["contact"] = "Office of the General Counsel"


def test_an_email_only_comment_gets_an_eml_draft_with_the_full_comment(tmp_path: Path) -> None:
    response = copy(tmp_path, by_email_only)
    result = run("respond", "package", str(response), "--now", NOW)
    assert result.exit_code == 0, result.output
    out = response.with_suffix(".eml")
    message = email.message_from_bytes(out.read_bytes(), policy=policy.default)
    assert message["To"] == "regulations@example.org"
    assert message["X-Unsent"] == "1"
    assert "EOHHS-2027-0042" in message["Subject"]
    body = message.get_body(("plain",)).get_content()
    assert body.startswith("Dear Office of the General Counsel,")
    assert "my comment on docket EOHHS-2027-0042" in body
    (attachment,) = list(message.iter_attachments())
    assert attachment.get_content()[:2] == b"PK"
    assert not response.with_suffix(".txt").exists()
    assert "send it as your comment on docket EOHHS-2027-0042" in result.output
    assert "Submit by email to regulations@example.org." in result.output


def test_an_email_only_comment_refuses_a_txt_output(tmp_path: Path) -> None:
    response = copy(tmp_path, by_email_only)
    result = run("respond", "package", str(response), "-o", str(tmp_path / "x.txt"), "--now", NOW)
    assert result.exit_code == 2
    assert "must end in .eml" in result.output


def test_a_comment_with_a_portal_still_gets_paste_text(tmp_path: Path) -> None:
    def portal_and_email(data: dict) -> None:
        data["submit"]["email"] = "regulations@example.org"

    response = copy(tmp_path, portal_and_email)
    result = run("respond", "package", str(response), "--now", NOW)
    assert result.exit_code == 0, result.output
    assert response.with_suffix(".txt").exists() and not response.with_suffix(".eml").exists()


def test_the_email_draft_keeps_the_size_limit(tmp_path: Path) -> None:
    def tiny(data: dict) -> None:
        by_email_only(data)
        data["public_comment"]["attachments"] = {"max_megabytes": 0.001}

    response = copy(tmp_path, tiny)
    loaded = load_response(response)
    request = PackageRequest(loaded, load_library(), response.with_suffix(".eml"))
    with pytest.raises(AdvocacyError, match=r"the agency takes 0.001 MB a file"):
        kind_of(loaded.rfi.rfi).package(request)
    assert not response.with_suffix(".eml").exists()


def with_attachments(response: Path, *names: str) -> None:
    data = yaml.safe_load(response.read_text("utf-8"))
    data["attachments"] = list(names)
    response.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")
    for name in names:
        (response.parent / name).write_bytes(b"%PDF-1.7 study\n")


def test_more_files_than_the_agency_takes_is_a_located_error(tmp_path: Path) -> None:
    response = copy(tmp_path, lambda d: d["public_comment"].update(attachments={"max_files": 2}))
    with_attachments(response, "study.pdf", "survey.pdf")
    result = run("respond", "package", str(response), "--now", NOW)
    assert result.exit_code == 1
    assert "the package has 3 files (the comment and 2 listed under attachments); " in result.output
    assert "the agency takes at most 2" in result.output
    assert "comment.yaml" in result.output and "keep at most 1 other file(s)" in result.output
    assert not response.with_suffix(".txt").exists()


def test_files_within_the_limit_are_listed_to_upload(tmp_path: Path) -> None:
    response = copy(tmp_path, lambda d: d["public_comment"].update(attachments={"max_files": 2}))
    with_attachments(response, "study.pdf")
    result = run("respond", "package", str(response), "--now", NOW)
    assert result.exit_code == 0, result.output
    assert "study.pdf as well." in result.output


def test_the_email_draft_attaches_the_other_files_and_counts_them(tmp_path: Path) -> None:
    def limited(data: dict) -> None:
        by_email_only(data)
        data["public_comment"]["attachments"] = {"max_files": 2}

    response = copy(tmp_path, limited)
    with_attachments(response, "study.pdf")
    result = run("respond", "package", str(response), "--now", NOW)
    assert result.exit_code == 0, result.output
    message = email.message_from_bytes(
        response.with_suffix(".eml").read_bytes(), policy=policy.default
    )
    names = [a.get_filename() for a in message.iter_attachments()]
    assert names[1:] == ["study.pdf"] and names[0].endswith(".docx")
    assert message.get_payload()[2].get_content_type() == "application/pdf"
    with_attachments(response, "study.pdf", "survey.pdf")
    again = run("respond", "package", str(response), "--now", NOW, "--force")
    assert again.exit_code == 1 and "the agency takes at most 2" in again.output


def test_an_attachment_that_cannot_be_read_is_a_located_error(tmp_path: Path) -> None:
    response = copy(tmp_path, by_email_only)
    with_attachments(response, "study.pdf")
    (response.parent / "study.pdf").unlink()
    result = run("respond", "package", str(response), "--now", NOW)
    assert result.exit_code == 1
    assert "cannot read the attachment 'study.pdf'" in result.output
    assert "Traceback" not in result.output
