"""The Markdown → DOCX writer, checked by reading its output back.

Most tests open the rendered sample (``tests/fixtures/sample.md``) with
python-docx and look at the Word structures it should contain.
"""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import mammoth
import pytest
from conftest import NS, openxml_audit, paragraph, w, xpath
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.shared import Pt
from lxml import etree

from advocacy.errors import AdvocacyError
from advocacy.models.document import FrontMatter
from advocacy.render import blocks
from advocacy.render.docx import column_widths, markdown_to_docx
from advocacy.render.frontmatter import split_front_matter

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
W_NS = NS["w"]
W14_NS = NS["w14"]
R_NS = NS["r"]
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"


@pytest.fixture(scope="module")
def doc(sample_docx: Path) -> docx.document.Document:
    return docx.Document(str(sample_docx))


def render(markdown: str, **meta: object) -> docx.document.Document:
    data = markdown_to_docx(FrontMatter(**meta), markdown)
    return docx.Document(io.BytesIO(data))


def num_pr(p) -> tuple[int, int]:
    """(numId, ilvl) of a list paragraph."""
    ilvl = p._p.find(f"{w('pPr')}/{w('numPr')}/{w('ilvl')}")
    num_id = p._p.find(f"{w('pPr')}/{w('numPr')}/{w('numId')}")
    assert ilvl is not None and num_id is not None, f"{p.text!r} is not a list paragraph"
    return int(num_id.get(w("val"))), int(ilvl.get(w("val")))


def num_definition(document, num_id: int):
    numbering = document.part.numbering_part.element
    (num,) = xpath(numbering, f"w:num[@w:numId='{num_id}']")
    abstract_id = num.find(w("abstractNumId")).get(w("val"))
    (abstract,) = xpath(numbering, f"w:abstractNum[@w:abstractNumId='{abstract_id}']")
    return num, abstract


def level_format(abstract, ilvl: int) -> str:
    (fmt,) = xpath(abstract, f"w:lvl[@w:ilvl='{ilvl}']/w:numFmt/@w:val")
    return fmt


def start_override(num, ilvl: int) -> int | None:
    values = xpath(num, f"w:lvlOverride[@w:ilvl='{ilvl}']/w:startOverride/@w:val")
    return int(values[0]) if values else None


def text_of(element) -> str:
    """The text of ``w:t`` elements under ``element``, in document order."""
    return "".join(xpath(element, ".//w:t/text()"))


def part_xml(path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read(name))


# --------------------------------------------------------------------------- structure


def test_title_and_subtitle_come_first(doc) -> None:
    first, second = doc.paragraphs[0], doc.paragraphs[1]
    assert (first.style.name, first.text) == ("Title", "Response to RFI 2025-07")
    assert (second.style.name, second.text) == ("Subtitle", "Peer Support Roles in Crisis Services")


def test_headings_use_heading_styles_by_level(doc) -> None:
    headings = [
        (p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith("Heading")
    ]
    assert headings[:4] == [
        ("Heading 1", "Summary"),
        ("Heading 2", "What peers do"),
        ("Heading 3", "How to commission peer roles"),
        ("Heading 4", "Numbering that starts later"),
    ]


def test_headings_deeper_than_four_use_heading_4() -> None:
    document = render("##### Five\n\n###### Six\n")
    assert [p.style.name for p in document.paragraphs] == ["Heading 4", "Heading 4"]


def test_inline_formatting(doc) -> None:
    p = paragraph(doc, "The Riverbend")
    runs = {r.text: r for r in p.runs}
    assert runs["Riverbend Peer Network"].bold
    assert runs["Department of Community Care"].italic
    assert runs["lived experience"].style.name == "Verbatim Char"
    assert not runs["The "].bold and not runs["The "].italic


def test_inline_code_style_is_monospace(doc) -> None:
    assert doc.styles["Verbatim Char"].font.name == "Courier New"
    assert doc.styles["Source Code"].font.name == "Courier New"


def test_hard_break_is_a_line_break_and_soft_break_a_space(doc) -> None:
    p = paragraph(doc, "The Riverbend")
    assert len(p._p.findall(f".//{w('br')}")) == 1
    assert "hard break" in p.text
    assert "\nand continues after a hard break." in p.text
    assert "request for information" in p.text  # the soft break became a space


def test_hyperlink_is_clickable(doc) -> None:
    p = paragraph(doc, "The Riverbend")
    (link,) = p._p.findall(w("hyperlink"))
    rel = doc.part.rels[link.get(f"{{{R_NS}}}id")]
    assert rel.reltype == RT.HYPERLINK
    assert rel.is_external
    assert rel.target_ref == "https://example.org/peer-guide"
    assert text_of(link) == "peer workforce guide"
    assert xpath(link, "w:r/w:rPr/w:rStyle/@w:val") == ["Hyperlink"]


def test_bullets_nest_three_levels(doc) -> None:
    levels = {
        text: num_pr(paragraph(doc, text))
        for text in (
            "Build trust",
            "Listen without judgement",
            "Reflect back",
            "Share their own story",
            "Connect people",
        )
    }
    assert [ilvl for _, ilvl in levels.values()] == [0, 1, 2, 1, 0]
    assert len({num_id for num_id, _ in levels.values()}) == 1
    num_id = levels["Build trust"][0]
    _, abstract = num_definition(doc, num_id)
    assert [level_format(abstract, i) for i in range(3)] == ["bullet"] * 3
    assert paragraph(doc, "Build trust").style.name == "List Paragraph"


def test_each_numbered_list_restarts(doc) -> None:
    first = [
        num_pr(paragraph(doc, t)) for t in ("Write peer roles", "Pay peers", "Fund supervision")
    ]
    second = [num_pr(paragraph(doc, t)) for t in ("Recruit from", "Train before")]
    third = [num_pr(paragraph(doc, t)) for t in ("Review the contract", "Publish the results")]
    ids = [{n for n, _ in group} for group in (first, second, third)]
    assert all(len(group) == 1 for group in ids)
    first_id, second_id, third_id = (group.pop() for group in ids)
    assert len({first_id, second_id, third_id}) == 3

    for num_id, start in ((first_id, 1), (second_id, 1), (third_id, 3)):
        num, abstract = num_definition(doc, num_id)
        assert level_format(abstract, 0) == "decimal"
        assert start_override(num, 0) == start


def test_nested_numbered_list_gets_its_own_level_and_restart() -> None:
    document = render("1. one\n   1. inner a\n   2. inner b\n2. two\n   1. inner c\n")
    outer = num_pr(paragraph(document, "one"))
    inner_1 = num_pr(paragraph(document, "inner a"))
    inner_2 = num_pr(paragraph(document, "inner c"))
    assert outer[1] == 0 and inner_1[1] == 1 and inner_2[1] == 1
    assert inner_1[0] != inner_2[0]  # the second inner list starts again
    num, _ = num_definition(document, inner_2[0])
    assert start_override(num, 1) == 1


def test_block_quote_rule_and_code(doc) -> None:
    assert paragraph(doc, "Nothing about us").style.name == "Quote"
    rules = [p for p in doc.paragraphs if xpath(p._p, "w:pPr/w:pBdr/w:bottom")]
    assert len(rules) == 1 and rules[0].text == ""
    code = paragraph(doc, "role,hours")
    assert code.style.name == "Source Code"
    assert code.text == "role,hours\npeer specialist,40"


def test_pagebreak_marker_starts_a_new_page(doc) -> None:
    p = paragraph(doc, "Checklist for providers")
    assert p._p.find(f"{w('pPr')}/{w('pageBreakBefore')}") is not None
    assert "pagebreak" not in "\n".join(p.text for p in doc.paragraphs)


def test_pagebreak_before_a_table_is_a_break_paragraph() -> None:
    document = render("text\n\n<!-- pagebreak -->\n\n| a |\n|---|\n| b |\n")
    breaks = document.element.body.findall(f".//{w('br')}")
    assert [b.get(w("type")) for b in breaks] == ["page"]


def test_table_header_alignment_and_widths(doc) -> None:
    (table,) = doc.tables
    assert table.style.name == "Table Grid"
    rows = table._tbl.findall(w("tr"))
    assert rows[0].find(f"{w('trPr')}/{w('tblHeader')}") is not None
    assert all(r.find(f"{w('trPr')}/{w('tblHeader')}") is None for r in rows[1:])
    assert [c.text for c in table.rows[0].cells] == ["Role", "Hours per week", "Ratio"]
    assert all(run.bold for c in table.rows[0].cells for run in c.paragraphs[0].runs)
    assert [c.text for c in table.rows[1].cells] == ["Peer specialist", "40", "1:12"]
    aligns = [xpath(c._tc, "w:p/w:pPr/w:jc/@w:val") for c in table.rows[1].cells]
    assert aligns == [["left"], ["center"], ["right"]]

    widths = [int(v) for v in xpath(table._tbl, "w:tblGrid/w:gridCol/@w:w")]
    section = doc.sections[0]
    text_width = (section.page_width - section.left_margin - section.right_margin) // 635
    assert sum(widths) == text_width
    assert min(widths) >= 900
    assert widths[1] > widths[2]  # "Hours per week" needs more room than "1:12"


def test_paragraph_after_a_table_gets_room_but_a_heading_keeps_its_own() -> None:
    document = render("| a |\n|---|\n| b |\n\nAfter.\n\n| c |\n|---|\n| d |\n\n## Next\n")
    assert paragraph(document, "After.").paragraph_format.space_before == Pt(10)
    assert paragraph(document, "Next").paragraph_format.space_before is None


def test_column_widths_share_by_content_with_minimum() -> None:
    assert column_widths([10, 10], 9000) == [4500, 4500]
    widths = column_widths([1, 80, 2], 9000)
    assert sum(widths) == 9000 and min(widths) >= 900 and widths[1] == max(widths)
    assert column_widths([5] * 20, 9000) == [450] * 20  # too many columns: equal shares


def test_task_list_items_are_checkbox_controls(doc, sample_docx: Path) -> None:
    boxes = doc.element.body.findall(f".//{{{W14_NS}}}checkbox")
    assert len(boxes) == 2
    states = {}
    for box in boxes:
        sdt = box.getparent().getparent()
        p = sdt.getparent()
        glyph = text_of(sdt)
        states[text_of(p)[len(glyph) :]] = (
            box.find(f"{{{W14_NS}}}checked").get(f"{{{W14_NS}}}val"),
            glyph,
        )
        assert xpath(box, "w14:checkedState/@w14:val") == ["2612"]
        assert xpath(box, "w14:uncheckedState/@w14:val") == ["2610"]
        assert p.find(f"{w('pPr')}/{w('numPr')}") is None  # the box replaces the bullet
    assert states == {
        "Peer roles defined in job descriptions": ("1", "\u2612"),
        "Peer supervision budgeted": ("0", "\u2610"),
    }
    root = part_xml(sample_docx, "word/document.xml")
    assert root.nsmap["w14"] == W14_NS
    assert "w14" in root.get(f"{{{MC_NS}}}Ignorable").split()


def test_footnote_is_a_real_word_footnote(doc, sample_docx: Path) -> None:
    refs = doc.element.body.findall(f".//{w('footnoteReference')}")
    assert len(refs) == 1
    run = refs[0].getparent()
    assert xpath(run, "w:rPr/w:rStyle/@w:val") == ["FootnoteReference"]
    note_id = refs[0].get(w("id"))

    part = next(r.target_part for r in doc.part.rels.values() if r.reltype == RT.FOOTNOTES)
    notes = etree.fromstring(part.blob)
    ids = [n.get(w("id")) for n in notes.findall(w("footnote"))]
    assert ids[:2] == ["-1", "0"] and note_id in ids[2:]
    assert [n.get(w("type")) for n in notes.findall(w("footnote"))][:2] == [
        "separator",
        "continuationSeparator",
    ]
    (note,) = xpath(notes, f"w:footnote[@w:id='{note_id}']")
    assert text_of(note).strip() == "Fictional guide prepared for this sample response."
    assert xpath(note, "w:p/w:pPr/w:pStyle/@w:val") == ["FootnoteText"]
    assert note.find(f".//{w('footnoteRef')}") is not None


def test_links_in_footnotes_relate_from_the_footnotes_part(tmp_path: Path) -> None:
    data = markdown_to_docx(FrontMatter(), "See[^a].\n\n[^a]: [Source](https://example.org/src)\n")
    document = docx.Document(io.BytesIO(data))
    part = next(r.target_part for r in document.part.rels.values() if r.reltype == RT.FOOTNOTES)
    (link,) = etree.fromstring(part.blob).iter(w("hyperlink"))
    assert part.rels[link.get(f"{{{R_NS}}}id")].target_ref == "https://example.org/src"


def test_header_and_footer(doc) -> None:
    section = doc.sections[0]
    assert section.header.paragraphs[-1].text == "Riverbend Peer Network — RFI 2025-07"
    footer = section.footer._element
    instructions = [t.text.strip() for t in footer.iter(w("instrText"))]
    assert instructions == ["PAGE"]
    footer_text = text_of(footer)
    assert "Fictional sample for testing" in footer_text
    assert "Page " in footer_text


def test_no_header_without_header_text() -> None:
    document = render("Hello\n")
    assert document.sections[0].header.is_linked_to_previous
    assert not document.sections[0].footer.is_linked_to_previous  # page numbers always


def test_core_properties_come_from_front_matter(doc) -> None:
    props = doc.core_properties
    assert props.title == "Response to RFI 2025-07"
    assert props.author == "Riverbend Peer Network"
    assert props.language == "en-US"
    assert props.keywords == "peer support, RFI, crisis services"
    midnight = dt.datetime(2025, 3, 14, tzinfo=dt.timezone.utc)
    assert props.created == midnight and props.modified == midnight


def test_document_language(doc) -> None:
    defaults = doc.styles.element.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}")
    assert defaults.find(w("lang")).get(w("val")) == "en-US"
    other = render("Hola\n", lang="es")
    langs = {el.get(w("val")) for el in other.styles.element.iter(w("lang"))}
    assert langs == {"es"}


def test_body_text_is_at_least_11_points(doc) -> None:
    assert doc.styles["Normal"].font.size >= Pt(11)


def test_every_style_the_writer_uses_exists(doc) -> None:
    names = {s.name.lower() for s in doc.styles}
    for needed in ("Title", "Subtitle", "Heading 1", "Heading 4", "Quote", "Source Code",
                   "Verbatim Char", "Hyperlink", "List Paragraph", "Footnote Text",
                   "Footnote Reference", "Table Grid", "Header", "Footer"):  # fmt: skip
        assert needed.lower() in names


# --------------------------------------------------------------------------- output file


def test_output_is_deterministic(sample) -> None:
    meta, body = sample
    first = markdown_to_docx(meta, body)
    second = markdown_to_docx(meta, body)
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        infos = archive.infolist()
    assert infos[0].filename == "[Content_Types].xml"
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}


def test_output_is_deterministic_across_processes(sample, sample_docx: Path) -> None:
    code = (
        "import sys; from pathlib import Path;"
        "from advocacy.render.frontmatter import split_front_matter;"
        "from advocacy.render.docx import markdown_to_docx;"
        "p = Path(sys.argv[1]); m, b = split_front_matter(p.read_text(encoding='utf-8'), str(p));"
        "sys.stdout.buffer.write(markdown_to_docx(m, b, source=str(p)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(FIXTURES / "sample.md")],
        capture_output=True,
        check=True,
        cwd=ROOT,
    )
    assert result.stdout == sample_docx.read_bytes()


def test_openxml_audit_finds_nothing(sample_docx: Path) -> None:
    openxml_audit(sample_docx)


def test_mammoth_reads_it_as_structured_html(sample_docx: Path) -> None:
    with sample_docx.open("rb") as handle:
        html = mammoth.convert_to_html(handle).value
    assert "<h1>Summary</h1>" in html
    assert "<h2>What peers do</h2>" in html
    assert (
        "<ul><li>Build trust through shared experience<ul><li>Listen without judgement<ul><li>"
        in html
    )
    assert html.count("<ol>") >= 3
    assert "<table>" in html and "<th><p><strong>Role</strong></p></th>" in html
    assert 'href="https://example.org/peer-guide"' in html


# --------------------------------------------------------------------------- odd input


def test_raw_html_is_reduced_to_text_and_never_crashes() -> None:
    document = render(
        "<div>Hello <b>there</b></div>\n\nInline <span>span</span> and a<br>break.\n\n"
        "<!-- a comment -->\n\n<script>x</script>\n"
    )
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "Hello there"
    assert texts[1] == "Inline span and a\nbreak."
    assert "comment" not in "".join(texts)


def test_control_characters_do_not_break_the_xml() -> None:
    document = render("Bell \x07 and \x0b tab\tinside `co\tde`\n", title="T\x01itle")
    assert document.paragraphs[0].text == "Title"
    assert "Bell  and  tab\tinside" in document.paragraphs[1].text


def test_empty_body_still_makes_a_valid_document() -> None:
    document = render("", title="Only a title")
    assert [p.text for p in document.paragraphs] == ["Only a title"]


def test_too_long_markdown_is_refused() -> None:
    with pytest.raises(AdvocacyError, match="too long") as info:
        markdown_to_docx(FrontMatter(), "x" * (blocks.MAX_MARKDOWN_CHARS + 1), source="big.md")
    assert info.value.diagnostics[0].file == "big.md"


@pytest.mark.parametrize(
    "name", sorted(path.name for path in (Path(__file__).parent / "golden").glob("*.md"))
)
def test_section_cache_gives_the_same_document_as_a_whole_parse(monkeypatch, name: str) -> None:
    """Parsing sections separately (for batch speed) must not change the output.

    The letters end with footnote definitions: their sections are parsed apart
    too, with the footnotes numbered and counted as in a whole parse.
    """
    import re

    from advocacy.respond.plain_text import markdown_to_plain

    golden = Path(__file__).parent / "golden" / name
    meta, body = split_front_matter(golden.read_text(encoding="utf-8"))
    notes = blocks._TRAILING_NOTES.search(body)
    main = body[: notes.start(1)] if notes else body
    if name in ("checklist.md", "response.md", "response-es.md"):
        assert not blocks._CROSS_SECTION.search(main)  # the split path is taken
        assert (notes is not None) == (name != "checklist.md")
    cached = markdown_to_docx(meta, body)
    cached_text = markdown_to_plain(golden.read_text(encoding="utf-8"))
    cached_tree = _tree(blocks.parse_blocks(body))
    monkeypatch.setattr(blocks, "_CROSS_SECTION", re.compile(""))  # force a whole parse
    whole = markdown_to_docx(meta, body)
    assert whole == cached
    assert _tree(blocks.parse_blocks(body)) == cached_tree
    assert markdown_to_plain(golden.read_text(encoding="utf-8")) == cached_text
    if notes:
        assert b"footnoteReference" in zipfile.ZipFile(io.BytesIO(whole)).read("word/document.xml")


@pytest.mark.parametrize(
    "body",
    [
        "# A\n\nOne[^a] and two[^b].\n\n# B\n\nAgain[^a], none[^x].\n\n[^a]: Note A.\n[^b]: Note B[^a].\n",
        "Text[^b].\n\n# B\n\nMore[^a][^b].\n\n[^a]: A.\n[^b]: B.\n[^c]: unused.\n\n",
        "# Only notes\n\n[^a]: A.\n",
        "Lazy[^a].\n[^a]: right after the paragraph.\n",
        "Inline^[a note] and[^a].\n\n[^a]: A.\n",
        "Continued[^a].\n\n[^a]: A\n    continued.\n",
        "- a\n\n- b[^a]\n\n  still b\nlazy\n\nAfter.\n\n> quote\n\n> two\n\nText\n---\n\n"
        "    code\n\n    more\n\n1. one\n2. two\n\n**Bold** start[^a].\n\n[link](x) and\n\n"
        "| a |\n|---|\n| 1 |\n\nÉcole[^a].\n\n[^a]: A.\n",
    ],
)
def test_footnotes_parsed_by_section_match_a_whole_parse(monkeypatch, body: str) -> None:
    import re

    cached = markdown_to_docx(FrontMatter(), body)
    cached_tree = _tree(blocks.parse_blocks(body))
    monkeypatch.setattr(blocks, "_CROSS_SECTION", re.compile(""))
    assert markdown_to_docx(FrontMatter(), body) == cached
    assert _tree(blocks.parse_blocks(body)) == cached_tree  # footnote ids and counts too


def _tree(nodes) -> list[tuple[object, ...]]:
    """Every node's type, meta and content, depth first (what writers read)."""
    out: list[tuple[object, ...]] = []
    for node in nodes:
        out.append((node.type, node.meta, node.content if not node.children else ""))
        out.extend(_tree(node.children))
    return out


def test_landscape_sections_for_wide_tables(tmp_path: Path) -> None:

    markdown = (
        "---\ntitle: Wide\nheader: Letterhead\n---\n# Portrait part\n\nText.\n\n<!-- landscape -->\n\n"
        "| A | B | C | D | E | F | G | H |\n|---|---|---|---|---|---|---|---|\n"
        "| 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 |\n\n<!-- portrait -->\n\nBack to portrait.\n"
    )
    meta, body = split_front_matter(markdown)
    out = tmp_path / "wide.docx"
    out.write_bytes(markdown_to_docx(meta, body))
    document = docx.Document(str(out))
    orientation = [(s.orientation, s.page_width > s.page_height) for s in document.sections]
    assert [wide for _, wide in orientation] == [False, True, False]
    assert all(s.header.paragraphs[0].text == "Letterhead" for s in document.sections)
    table = document.tables[0]._tbl
    width = int(table.tblPr.find(qn("w:tblW")).get(qn("w:w")))
    landscape = document.sections[1]
    assert width > document.sections[0].page_width.twips - 2 * 1440  # wider than portrait text
    assert (
        width
        <= landscape.page_width.twips - landscape.left_margin.twips - landscape.right_margin.twips
    )
    openxml_audit(out)


def test_writer_modules_import_only_downward() -> None:
    """The order the package docstring gives: a module imports only those before it."""
    import ast

    import advocacy.render.docx as package

    order = ["ooxml", "package", "opc", "layout", "numbering", "footnotes", "reference",
             "images", "context", "inline", "block", "document"]  # fmt: skip
    folder = Path(package.__file__).parent
    assert sorted(order) == sorted(p.stem for p in folder.glob("*.py") if p.stem != "__init__")
    for index, name in enumerate(order):
        tree = ast.parse((folder / f"{name}.py").read_text("utf-8"))
        imported = {
            node.module.rsplit(".", 1)[-1]
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom)
            and node.module
            and node.module.startswith("advocacy.render.docx.")
        }
        assert imported <= set(order[:index]), f"{name} imports {imported - set(order[:index])}"
