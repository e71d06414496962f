"""Document properties from the front matter, and the keep-together and
writing-space markers: custom properties in docProps/custom.xml, core
properties cut to what python-docx and Word hold, blocks kept on one page,
rows tall enough to write in."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from conftest import openxml_audit, xpath
from lxml import etree

from advocacy.errors import AdvocacyError
from advocacy.render import render
from advocacy.render.docx import markdown_to_docx
from advocacy.render.frontmatter import split_front_matter

CUSTOM = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}"


def docx_bytes(markdown: str, **kwargs) -> bytes:
    meta, body = split_front_matter(markdown)
    return markdown_to_docx(meta, body, **kwargs)


def custom_properties(data: bytes) -> dict[str, tuple[str, str]]:
    """name -> (value type, text) from docProps/custom.xml."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = etree.fromstring(archive.read("docProps/custom.xml"))
    return {
        p.get("name"): (etree.QName(p[0]).localname, p[0].text or "")
        for p in root.iter(f"{CUSTOM}property")
    }


PROPERTIES = """---
title: With properties
properties:
  advocacy-rubric: ma-dmh-cbfs-peer-roles
  copies: 3
  final: true
  share: 0.25
---

Body.
"""


def test_custom_properties_are_written_typed_and_valid(tmp_path: Path) -> None:
    data = docx_bytes(PROPERTIES)
    assert custom_properties(data) == {
        "advocacy-rubric": ("lpwstr", "ma-dmh-cbfs-peer-roles"),
        "copies": ("i4", "3"),
        "final": ("bool", "true"),
        "share": ("r8", "0.25"),
    }
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = etree.fromstring(archive.read("docProps/custom.xml"))
        types = archive.read("[Content_Types].xml").decode()
    assert [p.get("pid") for p in root] == ["2", "3", "4", "5"]  # Office numbers from 2
    assert "custom-properties+xml" in types
    assert docx_bytes(PROPERTIES) == data  # deterministic
    out = tmp_path / "props.docx"
    out.write_bytes(data)
    openxml_audit(out)


def test_a_document_without_properties_has_no_custom_part() -> None:
    with zipfile.ZipFile(io.BytesIO(docx_bytes("# Plain\n"))) as archive:
        assert "docProps/custom.xml" not in archive.namelist()


def test_a_letterheads_custom_properties_are_replaced(tmp_path: Path) -> None:
    letterhead = tmp_path / "letterhead.docx"
    letterhead.write_bytes(docx_bytes("---\nproperties: {owner: the letterhead}\n---\n\nx\n"))
    data = docx_bytes(PROPERTIES, reference_doc=letterhead)
    assert "owner" not in custom_properties(data)
    assert custom_properties(data)["copies"] == ("i4", "3")
    plain = docx_bytes("# Plain\n", reference_doc=letterhead)
    with zipfile.ZipFile(io.BytesIO(plain)) as archive:
        assert "docProps/custom.xml" not in archive.namelist()
        assert b"custom-properties" not in archive.read("_rels/.rels")


@pytest.mark.parametrize(
    ("properties", "says"),
    [
        ("{Rubric: a, rubric: b}", "differ only in case"),
        ("{note: " + "x" * 256 + "}", "at most 255"),
        ("{big: 99999999999}", "too large"),
        ("{odd: .nan}", "not a finite number"),
        ("{list: [1, 2]}", "must be text, a number or true/false"),
        ('{"tab\\there": 1}', "without line breaks or tabs"),
    ],
)
def test_bad_properties_are_refused_with_their_line(properties: str, says: str) -> None:
    with pytest.raises(AdvocacyError) as caught:
        split_front_matter(f"---\ntitle: T\nproperties: {properties}\n---\n\nx\n", "doc.md")
    text = str(caught.value) + " ".join(str(d) for d in caught.value.diagnostics)
    assert says in text and "doc.md" in text


def test_a_long_subtitle_is_cut_for_the_property_and_kept_whole_in_the_document(
    tmp_path: Path,
) -> None:
    """python-docx refuses a core property over 255 characters; the page keeps it all."""
    subtitle = " ".join(f"word{n}" for n in range(80))  # 549 characters
    out = tmp_path / "long.docx"
    render(f"---\ntitle: {'T' * 300}\nsubtitle: {subtitle}\n---\n\nBody.\n", "docx", out)
    document = docx.Document(str(out))
    props = document.core_properties
    assert len(props.subject) == 255 and props.subject.endswith("…")
    assert subtitle.startswith(props.subject[:-1])
    assert len(props.title) == 255
    assert subtitle in [p.text for p in document.paragraphs]
    openxml_audit(out)


KEPT = """Before.

<!-- keep-together -->

## Kept

First paragraph.

- [ ] an item

<!-- writing-space: 4 lines -->

| Notes |
|---|
| &nbsp; |

<!-- end-keep-together -->

After.

<!-- writing-space -->

| Free |
|---|
| &nbsp; |
| &nbsp; |
"""


def test_keep_together_keeps_each_paragraph_with_the_next_and_rows_whole() -> None:
    body = docx.Document(io.BytesIO(docx_bytes(KEPT))).element.body
    paragraphs = xpath(body, "./w:p | ./w:tbl//w:p")
    texts = ["".join(xpath(p, ".//w:t/text()")) for p in paragraphs]
    kept = {t: bool(xpath(p, "./w:pPr/w:keepNext")) for t, p in zip(texts, paragraphs, strict=True)}
    whole = {
        t: bool(xpath(p, "./w:pPr/w:keepLines")) for t, p in zip(texts, paragraphs, strict=True)
    }
    assert kept["Kept"] and kept["First paragraph."] and kept["☐an item"] and kept["Notes"]
    first_box = paragraphs[texts.index("\u00a0")]  # the group's last paragraph
    assert not xpath(first_box, "./w:pPr/w:keepNext") and xpath(first_box, "./w:pPr/w:keepLines")
    assert not kept["Before."] and not whole["Before."] and not kept["After."]
    kept_table, free_table = xpath(body, "./w:tbl")
    assert len(xpath(kept_table, ".//w:trPr/w:cantSplit")) == 2
    assert not xpath(free_table, ".//w:cantSplit")
    # Writing space: body rows only, at least the lines asked for (3 by default).
    assert xpath(kept_table, ".//w:trHeight/@w:val") == ["1840"]
    assert xpath(kept_table, ".//w:trHeight/@w:hRule") == ["atLeast"]
    assert xpath(free_table, ".//w:trHeight/@w:val") == ["1380", "1380"]
    # Schema order: pStyle, keepNext, keepLines; cantSplit, trHeight, tblHeader.
    heading = paragraphs[texts.index("Kept")]
    names = [etree.QName(c).localname for c in xpath(heading, "./w:pPr/*")]
    assert names[:3] == ["pStyle", "keepNext", "keepLines"]
    rows = [[etree.QName(c).localname for c in tr] for tr in xpath(kept_table, ".//w:trPr")]
    assert rows == [["cantSplit", "tblHeader"], ["cantSplit", "trHeight"]]


def test_markers_pass_openxml_audit(tmp_path: Path) -> None:
    out = tmp_path / "kept.docx"
    out.write_bytes(docx_bytes(KEPT))
    openxml_audit(out)
