"""WordprocessingML namespaces and the small element helpers every DOCX module uses.

Elements are built with lxml directly (one call with the qualified
attributes), which is several times faster than python-docx's proxies on the
writer's hot path. Text is cleaned of characters XML 1.0 cannot carry.
"""

from __future__ import annotations

import re

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
W14_NS = "http://schemas.microsoft.com/office/word/2010/wordml"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
XML_NS = "http://www.w3.org/XML/1998/namespace"
M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
SL_NS = "http://schemas.openxmlformats.org/schemaLibrary/2006/main"
_NSMAP = {"w": W_NS, "r": R_NS, "w14": W14_NS}
_PREFIXES = {"w": W_NS, "r": R_NS, "w14": W14_NS, "mc": MC_NS, "xml": XML_NS}

# Characters XML 1.0 cannot carry; lxml refuses them.
_XML_INVALID_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

#: Children of w:pPr that the schema puts after w:spacing.
PPR_AFTER_SPACING = frozenset(
    f"{{{W_NS}}}{name}"
    for name in ("ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
                 "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId",
                 "cnfStyle", "rPr", "sectPr", "pPrChange")
)  # fmt: skip

_VISIBLE_XPATH = etree.XPath(
    ".//w:t[normalize-space(.)] | .//w:drawing | .//w:pict | .//w:fldSimple"
    " | .//w:fldChar | .//w:sdt | .//w:tbl | .//w:object",
    namespaces={"w": W_NS},
)

_QN_CACHE: dict[str, str] = {}


def q(name: str) -> str:
    """Clark name for ``prefix:local`` (``w:p`` -> ``{...main}p``)."""
    try:
        return _QN_CACHE[name]
    except KeyError:
        prefix, local = name.split(":")
        _QN_CACHE[name] = value = f"{{{_PREFIXES[prefix]}}}{local}"
        return value


def el(tag: str, attrs: dict[str, str] | None = None) -> etree._Element:
    """A detached element; its namespace declarations fold into the tree it joins."""
    if attrs:
        return etree.Element(q(tag), {q(k): v for k, v in attrs.items()}, nsmap=_NSMAP)
    return etree.Element(q(tag), nsmap=_NSMAP)


def sub(parent: etree._Element, tag: str, attrs: dict[str, str] | None = None) -> etree._Element:
    """A new last child of ``parent``."""
    if attrs:  # one call with the qualified attributes: the writer's hottest path
        return etree.SubElement(parent, q(tag), {q(k): v for k, v in attrs.items()})
    return etree.SubElement(parent, q(tag))


def clean(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot carry."""
    return _XML_INVALID_RE.sub("", text)


def preserve_space(t: etree._Element) -> None:
    """Mark a ``w:t`` whose text has leading, trailing or double spaces."""
    text = t.text or ""
    if text[:1] == " " or text[-1:] == " " or "  " in text:
        t.set(q("xml:space"), "preserve")


def add_text(run: etree._Element, text: str) -> None:
    """Append ``w:t`` (and ``w:tab``) children carrying ``text`` to a run."""
    for index, piece in enumerate(clean(text).split("\t")):
        if index:
            sub(run, "w:tab")
        if piece:
            t = sub(run, "w:t")
            t.text = piece
            preserve_space(t)


def twips(value: str | None, default: int) -> int:
    """A measurement attribute as an int, ``default`` when absent or malformed."""
    try:
        return int(float(value)) if value is not None else default
    except ValueError:
        return default


def is_blank(part_root: etree._Element) -> bool:
    """True if a header/footer shows nothing (only empty paragraphs)."""
    return not _VISIBLE_XPATH(part_root)


def paragraph(
    style: str | None,
    *,
    numbering: tuple[int, int] | None = None,
    indent: tuple[int, int] | None = None,  # (left, hanging)
    jc: str | None = None,
    page_break: bool = False,
) -> etree._Element:
    """A ``w:p`` whose ``w:pPr`` children are in schema order."""
    p = el("w:p")
    if style or numbering or indent or jc or page_break:
        ppr = sub(p, "w:pPr")
        if style:
            sub(ppr, "w:pStyle", {"w:val": style})
        if page_break:
            sub(ppr, "w:pageBreakBefore")
        if numbering:
            num_pr = sub(ppr, "w:numPr")
            sub(num_pr, "w:ilvl", {"w:val": str(numbering[1])})
            sub(num_pr, "w:numId", {"w:val": str(numbering[0])})
        if indent:
            attrs = {"w:left": str(indent[0])}
            if indent[1]:
                attrs["w:hanging"] = str(indent[1])
            sub(ppr, "w:ind", attrs)
        if jc:
            sub(ppr, "w:jc", {"w:val": jc})
    return p
