"""List numbering definitions: our bullet and decimal lists in any document's numbering part."""

from __future__ import annotations

import copy

from lxml import etree

from advocacy.render.docx.ooxml import W_NS, el, q, sub
from advocacy.render.docx.opc import CT, RT, Package, Part

#: The names of our list definitions (w:abstractNum/w:name) in the reference document.
BULLET_NAME = "Advocacy Bullet"
DECIMAL_NAME = "Advocacy Decimal"


def numbering_part(package: Package) -> Part:
    """The main document's numbering part, added when it has none."""
    blob = f'<w:numbering xmlns:w="{W_NS}"/>'.encode()
    return package.related_or_add(
        package.main, RT.NUMBERING, "/word/numbering%s.xml", CT.NUMBERING, blob
    )


def ensure_abstract_num(
    numbering: etree._Element, ours: dict[str, etree._Element], name: str
) -> int:
    """abstractNumId of the list definition called ``name``, copied from ``ours`` if missing."""
    abstracts = numbering.findall(q("w:abstractNum"))
    for abstract in abstracts:
        name_el = abstract.find(q("w:name"))
        if name_el is not None and name_el.get(q("w:val")) == name:
            return int(abstract.get(q("w:abstractNumId")))
    new = copy.deepcopy(ours[name])
    new_id = max((int(a.get(q("w:abstractNumId"), "0")) for a in abstracts), default=-1) + 1
    new.set(q("w:abstractNumId"), str(new_id))
    before = numbering.findall(q("w:numPicBullet"))
    anchor = (abstracts or before or [None])[-1]
    if anchor is not None:
        anchor.addnext(new)
    else:
        numbering.insert(0, new)
    return new_id


def max_num_id(numbering: etree._Element) -> int:
    """The highest ``w:numId`` in use (0 if none)."""
    return max((int(n.get(q("w:numId"), "0")) for n in numbering.iter(q("w:num"))), default=0)


def add_num(numbering: etree._Element, abstract_id: int, num_id: int) -> etree._Element:
    """A new ``w:num`` instantiating ``abstract_id``, placed where the schema wants it."""
    num = el("w:num", {"w:numId": str(num_id)})
    sub(num, "w:abstractNumId", {"w:val": str(abstract_id)})
    cleanup = numbering.find(q("w:numIdMacAtCleanup"))
    if cleanup is not None:
        cleanup.addprevious(num)
    else:
        numbering.append(num)
    return num


def find_or_add_num(numbering: etree._Element, abstract_id: int) -> int:
    """A ``w:num`` of ``abstract_id`` without overrides, reused if one exists."""
    for num in numbering.iter(q("w:num")):
        ref = num.find(q("w:abstractNumId"))
        if (
            ref is not None
            and ref.get(q("w:val")) == str(abstract_id)
            and num.find(q("w:lvlOverride")) is None
        ):
            return int(num.get(q("w:numId")))
    num_id = max_num_id(numbering) + 1
    add_num(numbering, abstract_id, num_id)
    return num_id


def restarted_num(numbering: etree._Element, abstract_id: int, num_id: int, ilvl: int,
                  start: int) -> None:  # fmt: skip
    """A ``w:num`` that counts level ``ilvl`` from ``start`` whatever came before."""
    num = add_num(numbering, abstract_id, num_id)
    override = sub(num, "w:lvlOverride", {"w:ilvl": str(ilvl)})
    sub(override, "w:startOverride", {"w:val": str(max(start, 0))})
