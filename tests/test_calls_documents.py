"""Documents per kind: golden Markdown (English and Spanish), the spoken version, DOCX,
character limits at their boundary, and package per kind."""

from __future__ import annotations

import email
import os
import shutil
from email import policy
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import libreoffice_pages, openxml_audit

from advocacy.cli import main
from advocacy.library import load_library
from advocacy.respond import load_response, response_markdown, with_language
from advocacy.respond.plain_text import form_length, markdown_to_plain, short_paragraphs

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
GOLDEN = Path(__file__).resolve().parent / "golden"
COMMENT = EXAMPLES / "peer-billing-comment"
TESTIMONY = EXAMPLES / "peer-workforce-testimony"
CASES = {
    "public-comment": (COMMENT / "comment.yaml", "2027-01-20"),
    "testimony": (TESTIMONY / "testimony.yaml", "2027-03-01"),
}


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def edit(path: Path, change) -> Path:
    data = yaml.safe_load(path.read_text("utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")
    return path


# --------------------------------------------------------------------------- characters


def test_form_length_counts_utf16_code_units_of_the_nfc_text() -> None:
    assert form_length("peer") == 4
    assert form_length("año") == 3 == form_length("an\u0303o")  # composed by NFC
    assert form_length("🙂") == 2  # outside the BMP: two UTF-16 code units


def _comment_of_length(folder: Path, length: int) -> Path:
    """The example comment with one answer padded so the pasted text is ``length`` long."""

    def without_padding(d: dict) -> None:
        d.update(language="es", detail="short", closing="Gracias por leer.")
        d["answers"] = [{"question": "rates", "intro": "Pido que se pague más."}]
        d.pop("opening", None)

    response = edit(folder / "comment.yaml", without_padding)
    library = load_library()
    base = markdown_to_plain(response_markdown(load_response(response), library))
    # Accented Spanish words: "ó" and "ñ" one character each once composed.
    word = "compañía según decisión "
    pad = length - form_length(base) - 1  # the space before the padding
    text = (word * (pad // len(word) + 1))[:pad]
    edit(response, lambda d: d["answers"][0].update(intro="Pido que se pague más. " + text))
    return response


@pytest.mark.parametrize(("length", "fits"), [(5000, True), (5001, False)])
def test_the_comment_box_limit_at_its_boundary(tmp_path: Path, length: int, fits: bool) -> None:
    folder = tmp_path / "comment"
    shutil.copytree(COMMENT, folder)
    response = _comment_of_length(folder, length)
    text = markdown_to_plain(response_markdown(load_response(response), load_library()))
    assert form_length(text) == length and "compañía" in text and len(text.encode("utf-8")) > length
    check = run("respond", "check", str(response), "--now", "2027-01-20")
    assert check.exit_code == 0, check.output
    assert ("characters; the comment box takes 5,000" in check.output) is not fits
    out = tmp_path / "paste.txt"
    result = run("respond", "package", str(response), "-o", str(out), "--now", "2027-01-20")
    assert result.exit_code == 0, result.output
    pasted = out.read_text("utf-8")
    if fits:
        assert pasted == text and "of 5,000 characters" in result.output
    else:
        assert "over the box's 5,000" in result.output
        assert form_length(pasted) < 5000 and "paste.docx" in pasted
    assert (tmp_path / "paste.docx").stat().st_size > 0


def test_short_paragraphs_split_long_ones_at_sentence_ends() -> None:
    long = " ".join(["One two three four five six seven eight nine ten."] * 8)
    paragraphs = short_paragraphs(long, max_words=30).strip().split("\n\n")
    assert len(paragraphs) == 3 and all(len(p.split()) <= 30 for p in paragraphs)


# --------------------------------------------------------------------------- golden Markdown


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("kind", sorted(CASES))
def test_markdown_matches_golden(kind: str, lang: str) -> None:
    path, _ = CASES[kind]
    loaded = with_language(load_response(path), lang)
    markdown = response_markdown(loaded, load_library())
    golden = GOLDEN / f"{kind}{'' if lang == 'en' else '-' + lang}.md"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(markdown, "utf-8")
    assert markdown == golden.read_text("utf-8"), "run with UPDATE_GOLDEN=1 to accept the change"


def test_public_comment_names_the_docket_and_each_section() -> None:
    markdown = (GOLDEN / "public-comment.md").read_text("utf-8")
    assert "**Docket:** EOHHS-2027-0042" in markdown
    for reference in ("130 CMR 499.404", "130 CMR 499.405", "130 CMR 499.410"):
        assert f"## Comment on {reference}:" in markdown


def test_testimony_has_the_committee_heading() -> None:
    markdown = (GOLDEN / "testimony.md").read_text("utf-8")
    assert (
        "**To:** Senator Alex Moreno and Representative Jordan Pike, Chairs, and members of the Joint Committee"
        in markdown
    )
    assert "**Re:** H.4321, An Act to strengthen the peer support workforce" in markdown
    assert "**Position:** Support with amendments" in markdown
    spanish = (GOLDEN / "testimony-es.md").read_text("utf-8")
    assert "**Posición:** A favor con enmiendas" in spanish


# --------------------------------------------------------------------------- spoken


def test_spoken_version_is_plain_text_with_its_reading_time(tmp_path: Path) -> None:
    path, now = CASES["testimony"]
    out = tmp_path / "spoken.txt"
    result = run("respond", "build", str(path), "--spoken", "-o", str(out), "--now", now)
    assert result.exit_code == 0, result.output
    text = out.read_text("utf-8")
    first, _, body = text.partition("\n\n")
    assert (
        first.startswith("[Reading time about 1:")
        and "at 130 words a minute); limit 3:00]" in first
    )
    assert (
        "I support H.4321, An Act to strengthen the peer support workforce, with amendments."
        in body
    )
    assert "**" not in body and "[^" not in body and ">" not in body and "#" not in body
    assert all(len(p.split()) <= 60 for p in body.split("\n\n"))
    spanish = run("respond", "build", str(path), "--spoken", "--lang", "es", "--now", now).stdout
    assert "Apoyo el proyecto H.4321" in spanish


def test_spoken_is_for_testimony_only() -> None:
    path, now = CASES["public-comment"]
    result = run("respond", "build", str(path), "--spoken", "--now", now)
    assert result.exit_code == 1 and "a spoken version is for testimony" in result.output


# --------------------------------------------------------------------------- DOCX


@pytest.mark.parametrize("kind", sorted(CASES))
def test_docx_passes_the_audit_and_survives_libreoffice(kind: str, tmp_path: Path) -> None:
    path, now = CASES[kind]
    out = tmp_path / f"{kind}.docx"
    result = run("respond", "build", str(path), "-o", str(out), "--now", now)
    assert result.exit_code == 0, result.output
    openxml_audit(out)
    pages = " ".join(" ".join(p.split()) for p in libreoffice_pages(out, tmp_path))
    expected = (
        "Docket: EOHHS-2027-0042"
        if kind == "public-comment"
        else "Position: Support with amendments"
    )
    assert expected in pages


# --------------------------------------------------------------------------- package


def test_testimony_package_is_an_email_to_the_committee(tmp_path: Path) -> None:
    path, now = CASES["testimony"]
    out = tmp_path / "testimony.eml"
    result = run("respond", "package", str(path), "-o", str(out), "--now", now, "--attach", "docx")
    assert result.exit_code == 0, result.output
    message = email.message_from_bytes(out.read_bytes(), policy=policy.default)
    assert message["To"] == "testimony-mhsur@example.org"
    assert message["Subject"] == "Testimony on H.4321 - Luis Ortega"
    body = message.get_body(("plain",)).get_content()
    assert (
        "Dear Chairs and members of the Joint Committee" in body
        and "support with amendments" in body
    )
    (attachment,) = list(message.iter_attachments())
    assert attachment.get_filename() == "response-Luis-Ortega.docx"
    assert "Next:" in result.output and "Deadline: March 16, 2027, 5:00 PM EDT." in result.output


def test_public_comment_package_pastes_text_and_attaches_the_comment(tmp_path: Path) -> None:
    path, now = CASES["public-comment"]
    out = tmp_path / "comment.txt"
    result = run("respond", "package", str(path), "-o", str(out), "--now", now)
    assert result.exit_code == 0, result.output
    text = out.read_text("utf-8")
    assert "Docket: EOHHS-2027-0042" in text and "**" not in text
    assert (tmp_path / "comment.docx").read_bytes()[:2] == b"PK"
    assert "Submit through https://comments.example.org/EOHHS-2027-0042." in result.output
    assert "Deadline: January 29, 2027, 5:00 PM EST." in result.output
    again = run("respond", "package", str(path), "-o", str(out), "--now", now)
    assert again.exit_code == 1 and "already exists" in again.output


def test_attach_offers_the_registered_binary_formats() -> None:
    from advocacy.render.formats import binary_names

    result = run("respond", "package", "--help")
    assert all(name in result.output for name in binary_names()) and "md" not in binary_names()
    bad = run("respond", "package", str(CASES["testimony"][0]), "--attach", "md")
    assert bad.exit_code == 2


def test_a_section_char_limit_is_an_error_when_over(tmp_path: Path) -> None:
    folder = tmp_path / "comment"
    shutil.copytree(COMMENT, folder)
    edit(folder / "call.yaml", lambda d: d["questions"][2].update(char_limit=200))
    result = run("respond", "check", str(folder / "comment.yaml"), "--now", "2027-01-20")
    assert result.exit_code == 1
    assert "error: the answer to 3 has" in result.output and "the limit is 200" in result.output


def test_batch_writes_one_testimony_per_person(tmp_path: Path) -> None:
    people = tmp_path / "people.csv"
    people.write_text(
        "id,name,email,intro:h4321\n"
        "1,Ana Ruiz,ana@example.org,I have seen peers leave for retail jobs.\n"
        "2,Bo Chen,bo@example.org,My supervisor never did peer work.\n",
        "utf-8",
    )
    path, now = CASES["testimony"]
    out = tmp_path / "letters"
    result = run(
        "respond",
        "batch",
        str(path),
        "--people",
        str(people),
        "-o",
        str(out),
        "--format",
        "md",
        "--now",
        now,
    )
    assert result.exit_code == 0, result.output
    ana = (out / "Ana-Ruiz.md").read_text("utf-8")
    assert "**Position:** Support with amendments" in ana and "leave for retail jobs" in ana
    assert "leave for retail jobs" not in (out / "Bo-Chen.md").read_text("utf-8")


def test_spoken_refuses_a_document_suffix(tmp_path: Path) -> None:
    path, now = CASES["testimony"]
    result = run(
        "respond", "build", str(path), "--spoken", "-o", str(tmp_path / "s.docx"), "--now", now
    )
    assert result.exit_code == 2 and "name the file .txt" in result.output
    assert not (tmp_path / "s.docx").exists()


def test_package_attaches_any_registered_binary_format(tmp_path: Path, monkeypatch) -> None:
    """A format registered later (PDF) is attached without a change here: a stand-in writer."""
    from advocacy.render.formats import OutputFormat, registry
    from advocacy.respond.kinds import PackageRequest, kind_of

    fake = OutputFormat("pdf", (".pdf",), "stand-in", write=lambda job: b"%PDF-1.7 stand-in")
    monkeypatch.setitem(registry(), "pdf", fake)
    loaded = load_response(CASES["testimony"][0])
    out = tmp_path / "t.eml"
    request = PackageRequest(loaded, load_library(), out, attach="pdf")
    result = kind_of(loaded.rfi.rfi).package(request)
    message = email.message_from_bytes(out.read_bytes(), policy=policy.default)
    (attachment,) = list(message.iter_attachments())
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_filename() == "response-Luis-Ortega.pdf"
    assert attachment.get_content() == b"%PDF-1.7 stand-in"
    assert any("Deadline:" in step for step in result.next_steps)
    comment = load_response(CASES["public-comment"][0])
    paste = tmp_path / "c.txt"
    kind_of(comment.rfi.rfi).package(PackageRequest(comment, load_library(), paste, attach="pdf"))
    assert (tmp_path / "c.pdf").read_bytes() == b"%PDF-1.7 stand-in"


def test_batch_takes_each_persons_position(tmp_path: Path) -> None:
    people = tmp_path / "people.csv"
    people.write_text(
        "id,name,email,position\n1,Ana Ruiz,ana@example.org,oppose\n2,Bo Chen,bo@example.org,\n",
        "utf-8",
    )
    path, now = CASES["testimony"]
    out = tmp_path / "letters"
    args = ["--people", str(people), "-o", str(out), "--format", "md", "--now", now]
    result = run("respond", "batch", str(path), *args)
    assert result.exit_code == 0, result.output
    assert "**Position:** Oppose" in (out / "Ana-Ruiz.md").read_text("utf-8")
    assert "**Position:** Support with amendments" in (out / "Bo-Chen.md").read_text("utf-8")
    people.write_text("id,name,email,position\n1,Ana Ruiz,ana@example.org,against\n", "utf-8")
    bad = run("respond", "batch", str(path), *args[:2], "-o", str(tmp_path / "bad"), *args[4:])
    assert bad.exit_code == 1
    assert "row 2 (column 'position'):" in bad.output and "not 'against'" in bad.output
