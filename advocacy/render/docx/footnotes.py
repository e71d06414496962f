"""The footnotes part: only the separator notes of a reference, and settings that name them."""

from __future__ import annotations

from lxml import etree

from advocacy.render.docx.ooxml import M_NS, R_NS, SL_NS, W_NS, el, q, sub
from advocacy.render.docx.opc import CT, RT, Package, Part

#: The footnotes part of a new document: the separator (-1) and continuation
#: separator (0) footnotes the spec requires before any real footnote.
FOOTNOTES_XML = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    f'<w:footnotes xmlns:w="{W_NS}" xmlns:r="{R_NS}">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr>'
    '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    "<w:r><w:separator/></w:r></w:p></w:footnote>"
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr>'
    '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    "<w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
    "</w:footnotes>"
).encode()

# Children of w:settings that the schema puts after w:footnotePr.
_AFTER_FOOTNOTE_PR = frozenset(
    [f"{{{W_NS}}}{name}" for name in (
        "endnotePr", "compat", "docVars", "rsids", "attachedSchema", "themeFontLang",
        "clrSchemeMapping", "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures",
        "forceUpgrade", "captions", "readModeInkLockDown", "smartTagType", "shapeDefaults",
        "doNotEmbedSmartTags", "decimalSymbol", "listSeparator")]
    + [f"{{{M_NS}}}mathPr", f"{{{SL_NS}}}schemaLibrary"]
)  # fmt: skip


def strip_notes(part: Part) -> list[str]:
    """Remove the notes of the body we cleared; return the ids of the separator notes kept."""
    root = part.element
    special: list[str] = []
    for note in list(root):
        kind = note.get(q("w:type"))
        if kind in ("separator", "continuationSeparator", "continuationNotice"):
            if kind != "continuationNotice":
                special.append(note.get(q("w:id"), "0"))
        elif note.tag in (q("w:footnote"), q("w:endnote")):
            root.remove(note)
    return special


def ensure_footnotes(package: Package, settings: etree._Element) -> None:
    """A footnotes part holding only the separator footnotes, and ``settings`` naming them."""
    part = package.related_or_add(
        package.main, RT.FOOTNOTES, "/word/footnotes%s.xml", CT.FOOTNOTES, FOOTNOTES_XML
    )
    special = strip_notes(part)
    if not special:
        for note in etree.fromstring(FOOTNOTES_XML):
            part.element.append(note)
        special = ["-1", "0"]

    if settings.find(q("w:footnotePr")) is None:
        footnote_pr = el("w:footnotePr")
        for note_id in special:
            sub(footnote_pr, "w:footnote", {"w:id": note_id})
        for child in settings:
            if child.tag in _AFTER_FOOTNOTE_PR or not str(child.tag).startswith(f"{{{W_NS}}}"):
                child.addprevious(footnote_pr)
                break
        else:
            settings.append(footnote_pr)
