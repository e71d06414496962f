"""Reference documents: ours is current and clean; a user's letterhead gives its look, never its body."""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from conftest import openxml_audit, paragraph, w, xpath
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.shared import Inches
from lxml import etree

from advocacy.errors import AdvocacyError
from advocacy.models.document import FrontMatter
from advocacy.render.docx import markdown_to_docx

ROOT = Path(__file__).resolve().parents[1]


def test_reference_doc_has_no_styles_with_effects_part() -> None:
    with zipfile.ZipFile(ROOT / "templates" / "reference.docx") as archive:
        names = archive.namelist()
    assert "word/stylesWithEffects.xml" not in names
    assert "word/footnotes.xml" in names


def test_reference_doc_is_up_to_date() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import build_reference_docx
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    assert build_reference_docx.build() == (ROOT / "templates" / "reference.docx").read_bytes(), (
        "templates/reference.docx is stale: run python scripts/build_reference_docx.py"
    )


@pytest.fixture
def letterhead(tmp_path: Path) -> Path:
    """Our reference with another body font and narrower margins, as a user might make."""
    document = docx.Document(str(ROOT / "templates" / "reference.docx"))
    document.styles["Normal"].font.name = "Georgia"
    section = document.sections[0]
    section.left_margin = section.right_margin = Inches(0.75)
    path = tmp_path / "letterhead.docx"
    document.save(str(path))
    return path


def test_custom_reference_doc_sets_fonts_and_margins(sample, letterhead: Path) -> None:
    meta, body = sample
    document = docx.Document(io.BytesIO(markdown_to_docx(meta, body, reference_doc=letterhead)))
    assert document.styles["Normal"].font.name == "Georgia"
    assert document.sections[0].left_margin == Inches(0.75)
    (table,) = document.tables
    widths = [int(v) for v in xpath(table._tbl, "w:tblGrid/w:gridCol/@w:w")]
    assert sum(widths) == 12240 - 2 * 1080  # the table fills the wider text block
    default = docx.Document(io.BytesIO(markdown_to_docx(meta, body)))
    assert default.styles["Normal"].font.name == "Arial"
    assert default.sections[0].left_margin == Inches(1)


def test_letterhead_header_is_kept(sample, tmp_path: Path) -> None:
    document = docx.Document(str(ROOT / "templates" / "reference.docx"))
    document.sections[0].header.paragraphs[0].text = "Riverbend letterhead"
    document.add_paragraph("body text of the letterhead, to be cleared")
    path = tmp_path / "letterhead.docx"
    document.save(str(path))
    meta, body = sample
    out = docx.Document(io.BytesIO(markdown_to_docx(meta, body, reference_doc=path)))
    texts = [p.text for p in out.sections[0].header.paragraphs]
    assert texts == ["Riverbend letterhead", "Riverbend Peer Network — RFI 2025-07"]
    assert all("letterhead" not in p.text for p in out.paragraphs)


def test_reference_lacking_our_styles_gets_them_copied(sample, tmp_path: Path) -> None:
    plain = tmp_path / "plain.docx"
    docx.Document().save(str(plain))  # python-docx's template: no Source Code, no footnotes
    meta, body = sample
    out_path = tmp_path / "out.docx"
    out_path.write_bytes(markdown_to_docx(meta, body, reference_doc=plain))
    document = docx.Document(str(out_path))
    names = {s.name.lower() for s in document.styles}
    assert {"source code", "verbatim char", "hyperlink", "footnote text"} <= names
    assert paragraph(document, "role,hours").style.name == "Source Code"
    with zipfile.ZipFile(out_path) as archive:
        assert "word/stylesWithEffects.xml" not in archive.namelist()
    openxml_audit(out_path)


def test_a_filled_document_as_reference_keeps_only_its_frame(
    sample, sample_docx: Path, tmp_path: Path
) -> None:
    """Body, footnotes and page number of the reference are not carried over twice."""
    meta, body = sample
    out_path = tmp_path / "again.docx"
    out_path.write_bytes(markdown_to_docx(meta, body, reference_doc=sample_docx))
    document = docx.Document(str(out_path))
    assert [p.text for p in document.paragraphs].count("Summary") == 1
    part = next(r.target_part for r in document.part.rels.values() if r.reltype == RT.FOOTNOTES)
    notes = xpath(etree.fromstring(part.blob), "w:footnote[not(@w:type)]")
    assert len(notes) == 1
    footer = document.sections[0].footer._element
    assert [t.text.strip() for t in footer.iter(w("instrText"))] == ["PAGE"]
    openxml_audit(out_path)


def test_reference_doc_is_read_once_per_path(sample, letterhead: Path, monkeypatch) -> None:
    from advocacy.render.docx import reference

    monkeypatch.setattr(reference, "_TEMPLATES", {})  # not prepared by an earlier test
    reads: list[Path] = []
    original = Path.read_bytes

    def counting(self: Path) -> bytes:
        reads.append(self)
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", counting)
    meta, body = sample
    for _ in range(3):
        markdown_to_docx(meta, body, reference_doc=letterhead)
    assert reads.count(letterhead) == 1


@pytest.mark.parametrize(
    ("content", "name"),
    [(b"not a zip file", "text.docx"), (None, "missing.docx"), (b"", "empty.docx")],
)
def test_unusable_reference_doc_is_an_advocacy_error(tmp_path: Path, content, name) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(AdvocacyError) as info:
        markdown_to_docx(FrontMatter(), "text", reference_doc=path)
    diagnostic = info.value.diagnostics[0]
    assert diagnostic.file == str(path)
    assert diagnostic.hint


def test_zip_that_is_not_a_word_document_is_an_advocacy_error(tmp_path: Path) -> None:
    path = tmp_path / "archive.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(AdvocacyError, match="not a Word"):
        markdown_to_docx(FrontMatter(), "text", reference_doc=path)


def _rewrite(source: Path, target: Path, changes: dict[str, bytes]) -> Path:
    """A copy of the .docx ``source`` with some members replaced."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w") as dst:
        for name in src.namelist():
            dst.writestr(name, changes.get(name, src.read(name)))
    return target


def test_a_reference_whose_xml_declares_entities_is_refused(tmp_path: Path) -> None:
    """No entity of a stranger's letterhead is expanded (a local file read into our output)."""
    from advocacy.render.docx import default_reference_doc

    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", "utf-8")
    original = zipfile.ZipFile(default_reference_doc()).read("word/styles.xml").decode()
    hostile = original.replace(
        "?>", f'?><!DOCTYPE w:styles [<!ENTITY x SYSTEM "file://{secret}">]>', 1
    ).replace("</w:styles>", "<!-- &x; --></w:styles>")
    path = _rewrite(default_reference_doc(), tmp_path / "hostile.docx",
                    {"word/styles.xml": hostile.encode()})  # fmt: skip
    with pytest.raises(AdvocacyError, match="declares entities") as info:
        markdown_to_docx(FrontMatter(), "text", reference_doc=path)
    assert info.value.diagnostics[0].file == str(path)


def test_a_letterhead_from_libreoffice_keeps_one_set_of_core_properties(tmp_path: Path) -> None:
    """LibreOffice names the core-properties relationship by the older 'officeDocument'
    type: ours replaces its part instead of standing beside it."""
    from advocacy.render.docx import default_reference_doc

    legacy = "http://schemas.openxmlformats.org/officedocument/2006/relationships/metadata/core-properties"
    rels = zipfile.ZipFile(default_reference_doc()).read("_rels/.rels").decode()
    rels = rels.replace(RT.CORE_PROPERTIES, legacy)
    assert legacy in rels
    path = _rewrite(default_reference_doc(), tmp_path / "lo.docx", {"_rels/.rels": rels.encode()})
    data = markdown_to_docx(FrontMatter(title="Mine"), "text", reference_doc=path)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        cores = [n for n in archive.namelist() if n.startswith("docProps/core")]
        assert cores == ["docProps/core.xml"]
        assert b"<dc:title>Mine</dc:title>" in archive.read("docProps/core.xml")
        assert archive.read("_rels/.rels").count(b"core-properties") == 1


def test_a_header_reference_to_a_part_that_is_no_header_is_replaced(tmp_path: Path) -> None:
    """An odd letterhead whose header reference points at a picture gets a header of ours."""
    from advocacy.render.docx import default_reference_doc

    source = default_reference_doc()
    document = zipfile.ZipFile(source).read("word/document.xml").decode()
    rels = zipfile.ZipFile(source).read("word/_rels/document.xml.rels").decode()
    rels = rels.replace(
        "</Relationships>",
        f'<Relationship Id="rIdPic" Type="{RT.HEADER}" Target="media/logo.png"/></Relationships>',
    )
    document = document.replace(
        "<w:sectPr>", '<w:sectPr><w:headerReference w:type="default" r:id="rIdPic"/>', 1
    )
    assert "rIdPic" in document
    path = _rewrite(source, tmp_path / "odd.docx", {"word/document.xml": document.encode(),
                                                    "word/_rels/document.xml.rels": rels.encode()})  # fmt: skip
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("word/media/logo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 30)
    data = markdown_to_docx(FrontMatter(header="Our header"), "text", reference_doc=path)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        headers = [n for n in archive.namelist() if n.startswith("word/header")]
        assert headers and b"Our header" in archive.read(headers[0])
