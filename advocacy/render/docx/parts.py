"""Package parts and relationships: reading and storing the XML of a part."""

from __future__ import annotations

from docx.opc.part import Part, XmlPart
from lxml import etree


def part_element(part: Part) -> etree._Element:
    """The root element of ``part`` (parsed from its blob if python-docx keeps it as bytes)."""
    if isinstance(part, XmlPart):
        return part.element
    return etree.fromstring(part.blob)


def store_part_element(part: Part, element: etree._Element) -> None:
    """Write ``element`` back into a blob part (an XML part holds its element already)."""
    if not isinstance(part, XmlPart):
        part._blob = etree.tostring(element, encoding="UTF-8", standalone=True)


def related_part(part: Part, reltype: str) -> Part | None:
    """The first internal part ``part`` relates to with ``reltype``."""
    for rel in part.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            return rel.target_part
    return None
