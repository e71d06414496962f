"""Build ``templates/reference.docx``, the document every DOCX we write takes its styles from.

Like pandoc's ``reference.docx``: the writer only names styles ("Heading 2",
"Source Code", "Verbatim Char"); this file says what they look like. Users can
pass their own letterhead instead (``--reference-doc``); any style it lacks is
copied from this one.

The build starts from python-docx's default template and then

* drops the parts a new document should not inherit: the stale
  ``stylesWithEffects.xml`` (schema checkers flag it and Word may "repair" the
  file), the thumbnail of an empty page and the bibliography custom XML;
* replaces the style sheet with the styles the writer uses (keeping the latent
  style list, so Word still offers its built-in styles);
* defines the list numbering (a bullet and a decimal definition, nine levels);
* adds a footnotes part with the separator footnotes the spec requires;
* sets Letter paper with one-inch margins and neutral document properties.

The output is deterministic: running the script twice gives identical bytes.

    python scripts/build_reference_docx.py           # regenerate
    python scripts/build_reference_docx.py --check   # exit 1 if the file is stale
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
from pathlib import Path

import docx
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn
from docx.shared import Inches
from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from advocacy.atomic import write_atomic  # noqa: E402
from advocacy.render.docx.footnotes import FOOTNOTES_XML  # noqa: E402
from advocacy.render.docx.package import repack_deterministic  # noqa: E402
from advocacy.render.docx.reference import STYLES_WITH_EFFECTS_RT  # noqa: E402

OUTPUT = ROOT / "templates" / "reference.docx"

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

BODY_FONT = "Arial"
MONO_FONT = "Courier New"
ACCENT = "1F3864"  # dark blue for titles and headings
ACCENT_2 = "2E5395"
GREY = "595959"

_FONTS = f'<w:rFonts w:ascii="{BODY_FONT}" w:hAnsi="{BODY_FONT}" w:cs="{BODY_FONT}"/>'
_MONO = f'<w:rFonts w:ascii="{MONO_FONT}" w:hAnsi="{MONO_FONT}" w:cs="{MONO_FONT}"/>'

DOC_DEFAULTS = f"""
<w:docDefaults xmlns:w="{W_NS}">
  <w:rPrDefault><w:rPr>
    <w:rFonts w:ascii="{BODY_FONT}" w:eastAsiaTheme="minorEastAsia" w:hAnsi="{BODY_FONT}" w:cs="{BODY_FONT}"/>
    <w:sz w:val="22"/><w:szCs w:val="22"/>
    <w:lang w:val="en-US" w:eastAsia="en-US" w:bidi="ar-SA"/>
  </w:rPr></w:rPrDefault>
  <w:pPrDefault><w:pPr>
    <w:spacing w:after="160" w:line="276" w:lineRule="auto"/>
  </w:pPr></w:pPrDefault>
</w:docDefaults>
"""


def _heading(level: int, before: int, after: int, size: int, color: str, italic: bool) -> str:
    return f"""
<w:style w:type="paragraph" w:styleId="Heading{level}">
  <w:name w:val="heading {level}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>
  <w:uiPriority w:val="9"/><w:qFormat/>
  <w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="{before}" w:after="{after}"/>
    <w:outlineLvl w:val="{level - 1}"/></w:pPr>
  <w:rPr><w:b/><w:bCs/>{"<w:i/><w:iCs/>" if italic else ""}<w:color w:val="{color}"/>
    <w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>
</w:style>"""


# Style names follow Word's own spelling (lower case for built-in styles such
# as "heading 1"), so Word treats them as its built-in styles.
STYLES = f"""
<w:style w:type="paragraph" w:default="1" w:styleId="Normal">
  <w:name w:val="Normal"/><w:qFormat/>
  <w:rPr>{_FONTS}<w:sz w:val="22"/><w:szCs w:val="22"/></w:rPr>
</w:style>
<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">
  <w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/>
</w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal">
  <w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>
  <w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>
    <w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>
  </w:tblCellMar></w:tblPr>
</w:style>
<w:style w:type="numbering" w:default="1" w:styleId="NoList">
  <w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>
</w:style>
<w:style w:type="paragraph" w:styleId="Title">
  <w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>
  <w:uiPriority w:val="10"/><w:qFormat/>
  <w:pPr><w:spacing w:after="60" w:line="240" w:lineRule="auto"/><w:contextualSpacing/></w:pPr>
  <w:rPr><w:color w:val="{ACCENT}"/><w:kern w:val="28"/><w:sz w:val="52"/><w:szCs w:val="52"/></w:rPr>
</w:style>
<w:style w:type="paragraph" w:styleId="Subtitle">
  <w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>
  <w:uiPriority w:val="11"/><w:qFormat/>
  <w:pPr>
    <w:pBdr><w:bottom w:val="single" w:sz="6" w:space="6" w:color="{ACCENT_2}"/></w:pBdr>
    <w:spacing w:after="360"/>
  </w:pPr>
  <w:rPr><w:color w:val="{GREY}"/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr>
</w:style>
{_heading(1, 360, 120, 32, ACCENT, False)}
{_heading(2, 280, 100, 26, ACCENT_2, False)}
{_heading(3, 220, 80, 24, ACCENT, False)}
{_heading(4, 180, 60, 22, ACCENT_2, True)}
<w:style w:type="paragraph" w:styleId="Quote">
  <w:name w:val="Quote"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>
  <w:uiPriority w:val="29"/><w:qFormat/>
  <w:pPr>
    <w:pBdr><w:left w:val="single" w:sz="18" w:space="8" w:color="A6A6A6"/></w:pBdr>
    <w:ind w:left="567" w:right="567"/>
  </w:pPr>
  <w:rPr><w:i/><w:iCs/><w:color w:val="404040"/></w:rPr>
</w:style>
<w:style w:type="paragraph" w:styleId="ListParagraph">
  <w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="34"/><w:qFormat/>
  <w:pPr><w:ind w:left="720"/><w:contextualSpacing/></w:pPr>
</w:style>
<w:style w:type="paragraph" w:styleId="SourceCode">
  <w:name w:val="Source Code"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="39"/><w:qFormat/>
  <w:pPr>
    <w:shd w:val="clear" w:color="auto" w:fill="F2F2F2"/>
    <w:spacing w:before="60" w:after="220" w:line="240" w:lineRule="auto"/>
  </w:pPr>
  <w:rPr>{_MONO}<w:noProof/><w:sz w:val="19"/><w:szCs w:val="19"/></w:rPr>
</w:style>
<w:style w:type="character" w:styleId="VerbatimChar">
  <w:name w:val="Verbatim Char"/><w:uiPriority w:val="39"/><w:qFormat/>
  <w:rPr>{_MONO}<w:noProof/><w:sz w:val="20"/><w:szCs w:val="20"/>
    <w:shd w:val="clear" w:color="auto" w:fill="F2F2F2"/></w:rPr>
</w:style>
<w:style w:type="character" w:styleId="Hyperlink">
  <w:name w:val="Hyperlink"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>
  <w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr>
</w:style>
<w:style w:type="paragraph" w:styleId="FootnoteText">
  <w:name w:val="footnote text"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>
  <w:pPr><w:spacing w:after="40" w:line="240" w:lineRule="auto"/></w:pPr>
  <w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>
</w:style>
<w:style w:type="character" w:styleId="FootnoteReference">
  <w:name w:val="footnote reference"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>
  <w:rPr><w:vertAlign w:val="superscript"/></w:rPr>
</w:style>
<w:style w:type="paragraph" w:styleId="Header">
  <w:name w:val="header"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>
  <w:pPr>
    <w:pBdr><w:bottom w:val="single" w:sz="4" w:space="4" w:color="A6A6A6"/></w:pBdr>
    <w:spacing w:after="0" w:line="240" w:lineRule="auto"/>
  </w:pPr>
  <w:rPr><w:color w:val="{GREY}"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>
</w:style>
<w:style w:type="paragraph" w:styleId="Footer">
  <w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>
  <w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>
  <w:rPr><w:color w:val="{GREY}"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>
</w:style>
<w:style w:type="table" w:styleId="TableGrid">
  <w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/>
  <w:pPr><w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/></w:pPr>
  <w:tblPr>
    <w:tblInd w:w="0" w:type="dxa"/>
    <w:tblBorders>
      <w:top w:val="single" w:sz="4" w:space="0" w:color="808080"/>
      <w:left w:val="single" w:sz="4" w:space="0" w:color="808080"/>
      <w:bottom w:val="single" w:sz="4" w:space="0" w:color="808080"/>
      <w:right w:val="single" w:sz="4" w:space="0" w:color="808080"/>
      <w:insideH w:val="single" w:sz="4" w:space="0" w:color="808080"/>
      <w:insideV w:val="single" w:sz="4" w:space="0" w:color="808080"/>
    </w:tblBorders>
    <w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>
      <w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar>
  </w:tblPr>
  <w:tblStylePr w:type="firstRow">
    <w:rPr><w:b/><w:bCs/></w:rPr>
    <w:tblPr/>
    <w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="D9E2F3"/></w:tcPr>
  </w:tblStylePr>
</w:style>
"""


def _bullet_level(ilvl: int) -> str:
    # Word's own bullets: a Symbol dot, a Courier New "o", a Wingdings square.
    glyph, font = [("\uf0b7", "Symbol"), ("o", "Courier New"), ("\uf0a7", "Wingdings")][ilvl % 3]
    left = 720 * (ilvl + 1)
    return f"""
<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="{glyph}"/>
  <w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{left}" w:hanging="360"/></w:pPr>
  <w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:hint="default"/></w:rPr></w:lvl>"""


def _decimal_level(ilvl: int) -> str:
    fmt = ["decimal", "lowerLetter", "lowerRoman"][ilvl % 3]
    left = 720 * (ilvl + 1)
    return f"""
<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="%{ilvl + 1}."/>
  <w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{left}" w:hanging="360"/></w:pPr></w:lvl>"""


# The writer finds these definitions by name ("Advocacy Bullet", "Advocacy
# Decimal") and gives every numbered list its own w:num instance, so each list
# restarts at its own start number.
NUMBERING = f"""
<w:numbering xmlns:w="{W_NS}">
<w:abstractNum w:abstractNumId="0"><w:nsid w:val="5A1D0B01"/><w:multiLevelType w:val="hybridMultilevel"/>
  <w:name w:val="Advocacy Bullet"/>{"".join(_bullet_level(i) for i in range(9))}
</w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:nsid w:val="5A1D0B02"/><w:multiLevelType w:val="hybridMultilevel"/>
  <w:name w:val="Advocacy Decimal"/>{"".join(_decimal_level(i) for i in range(9))}
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>
"""

APP_XML = (
    b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"'
    b' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    b"<Application>advocacy</Application><DocSecurity>0</DocSecurity></Properties>"
)

# Settings children that carry editing history or state of the machine that
# last saved the template; a fresh document should not inherit them.
_SETTINGS_DROP = ("w:proofState", "w:rsids", "w:savePreviewPicture")


def _parse(xml: str) -> etree._Element:
    return etree.fromstring(xml.encode("utf-8"), etree.XMLParser(remove_blank_text=True))


def _strip_rsids(element: etree._Element) -> None:
    for el in element.iter():
        for name in list(el.attrib):
            if name.startswith(qn("w:rsid")):
                del el.attrib[name]


def build() -> bytes:
    """Return the bytes of the reference document."""
    document = docx.Document()
    package = document.part.package

    for rId, rel in list(document.part.rels.items()):
        if rel.reltype in (STYLES_WITH_EFFECTS_RT, RT.CUSTOM_XML):
            del document.part.rels[rId]
    for rId, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package.rels[rId]

    # Styles: our definitions, python-docx's latent style list.
    styles = document.styles.element
    for child in list(styles):
        if child.tag in (qn("w:style"), qn("w:docDefaults")):
            styles.remove(child)
    styles.insert(0, _parse(DOC_DEFAULTS))
    wrapper = _parse(f'<w:styles xmlns:w="{W_NS}">{STYLES}</w:styles>')
    for style in list(wrapper):
        styles.append(style)

    # Numbering: replace the template's single-level definitions.
    numbering = document.part.numbering_part.element
    for child in list(numbering):
        numbering.remove(child)
    for child in list(_parse(NUMBERING)):
        numbering.append(child)

    # Footnotes: the separator and continuation separator the spec requires.
    footnotes = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, FOOTNOTES_XML, package)
    document.part.relate_to(footnotes, RT.FOOTNOTES)

    settings = document.settings.element
    for tag in _SETTINGS_DROP:
        for child in settings.findall(qn(tag)):
            settings.remove(child)
    footnote_pr = _parse(
        f'<w:footnotePr xmlns:w="{W_NS}"><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'
    )
    settings.find(qn("w:compat")).addprevious(footnote_pr)

    section = document.sections[0]
    section.page_width, section.page_height = Inches(8.5), Inches(11)
    section.left_margin = section.right_margin = Inches(1)
    section.top_margin = section.bottom_margin = Inches(1)
    section.header_distance = section.footer_distance = Inches(0.5)
    _strip_rsids(document.element)

    core = document.core_properties
    for child in list(core._element):
        core._element.remove(child)
    core.title = "Reference document"
    core.comments = (
        "Styles for documents written by advocacy; regenerate with scripts/build_reference_docx.py."
    )
    core.revision = 1
    core.created = core.modified = dt.datetime(2024, 1, 1)

    for part in package.iter_parts():
        if part.partname == "/docProps/app.xml":
            part._blob = APP_XML

    buffer = io.BytesIO()
    document.save(buffer)
    return repack_deterministic(buffer.getvalue())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the file is out of date")
    parser.add_argument("--output", type=Path, default=OUTPUT, help="where to write it")
    args = parser.parse_args(argv)
    data = build()
    if args.check:
        current = args.output.read_bytes() if args.output.exists() else b""
        if current != data:
            print(f"{args.output} is out of date; run {Path(__file__).name}", file=sys.stderr)
            return 1
        return 0
    write_atomic(args.output, data, force=True)
    print(f"wrote {args.output} ({len(data)} bytes)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
