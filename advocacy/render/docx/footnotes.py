"""The footnotes part: only the separator notes of a reference, and settings that name them."""

from __future__ import annotations

from typing import Any

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from lxml import etree

from advocacy.render.docx.ooxml import M_NS, R_NS, SL_NS, W_NS, el, q, sub
from advocacy.render.docx.parts import part_element, related_part, store_part_element

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
    root = part_element(part)
    special: list[str] = []
    for note in list(root):
        kind = note.get(q("w:type"))
        if kind in ("separator", "continuationSeparator", "continuationNotice"):
            if kind != "continuationNotice":
                special.append(note.get(q("w:id"), "0"))
        elif note.tag in (q("w:footnote"), q("w:endnote")):
            root.remove(note)
    store_part_element(part, root)
    return special


def ensure_footnotes(document: Any) -> None:
    """A footnotes part holding only the separator footnotes, and settings naming them."""
    main = document.part
    part = related_part(main, RT.FOOTNOTES)
    if part is None:
        package = main.package
        taken = {str(p.partname) for p in package.iter_parts()}
        partname = "/word/footnotes.xml"  # the name Word uses; some readers expect it
        if partname in taken:
            partname = package.next_partname("/word/footnotes%d.xml")
        part = Part(PackURI(partname), CT.WML_FOOTNOTES, FOOTNOTES_XML, package)
        main.relate_to(part, RT.FOOTNOTES)
    special = strip_notes(part)
    if not special:
        root = part_element(part)
        for note in etree.fromstring(FOOTNOTES_XML):
            root.append(note)
        store_part_element(part, root)
        special = ["-1", "0"]

    settings = document.settings.element
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
