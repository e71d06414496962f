"""The package a .docx is: parts, their relationships and content types (Open Packaging).

Only what the writer needs, on lxml and zipfile alone: read a package, find a
part by relationship, add parts and relationships, and write the package back
as deterministic zip bytes. A part keeps its bytes until the writer asks for
its XML, so the parts nobody touches (theme, fonts) are never parsed.
Like Word, reading follows the relationships from the package root: a part no
relationship reaches is left out.
"""

from __future__ import annotations

import copy
import io
import itertools
import posixpath
import zipfile
from collections.abc import Iterator

from lxml import etree

from advocacy.render.docx.package import write_entries
from advocacy.safezip import parse_xml

_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_OFFICE_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_PACKAGE_RT = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/"


class RT:
    """Relationship types the writer uses."""

    OFFICE_DOCUMENT = _OFFICE_RT + "officeDocument"
    STYLES = _OFFICE_RT + "styles"
    SETTINGS = _OFFICE_RT + "settings"
    NUMBERING = _OFFICE_RT + "numbering"
    FOOTNOTES = _OFFICE_RT + "footnotes"
    ENDNOTES = _OFFICE_RT + "endnotes"
    COMMENTS = _OFFICE_RT + "comments"
    HEADER = _OFFICE_RT + "header"
    FOOTER = _OFFICE_RT + "footer"
    HYPERLINK = _OFFICE_RT + "hyperlink"
    IMAGE = _OFFICE_RT + "image"
    CUSTOM_PROPERTIES = _OFFICE_RT + "custom-properties"
    CORE_PROPERTIES = _PACKAGE_RT + "core-properties"
    #: The type LibreOffice writes for the same relationship.
    CORE_PROPERTIES_LEGACY = "http://schemas.openxmlformats.org/officedocument/2006/relationships/metadata/core-properties"
    THUMBNAIL = _PACKAGE_RT + "thumbnail"


_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml."


class CT:
    """Content types of the parts the writer reads or adds."""

    DOCUMENT_MAIN = _WML + "document.main+xml"
    STYLES = _WML + "styles+xml"
    SETTINGS = _WML + "settings+xml"
    NUMBERING = _WML + "numbering+xml"
    FOOTNOTES = _WML + "footnotes+xml"
    HEADER = _WML + "header+xml"
    FOOTER = _WML + "footer+xml"
    CORE_PROPERTIES = "application/vnd.openxmlformats-package.core-properties+xml"
    CUSTOM_PROPERTIES = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
    RELATIONSHIPS = "application/vnd.openxmlformats-package.relationships+xml"
    XML = "application/xml"
    PNG = "image/png"
    JPEG = "image/jpeg"


#: Extensions whose parts are declared once by a ``Default`` (as Word does for media).
_DEFAULTS = {
    "rels": CT.RELATIONSHIPS, "xml": CT.XML, "png": CT.PNG, "jpeg": CT.JPEG, "jpg": CT.JPEG,
    "jpe": CT.JPEG, "gif": "image/gif", "bmp": "image/bmp", "tif": "image/tiff",
    "tiff": "image/tiff", "emf": "image/x-emf", "wmf": "image/x-wmf",
    "wdp": "image/vnd.ms-photo", "bin": "application/vnd.openxmlformats-officedocument.oleObject",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}  # fmt: skip


class Relationship:
    """One relationship: to another part, or to an external address (a link)."""

    __slots__ = ("external", "reltype", "target")

    def __init__(self, reltype: str, target: Part | str, external: bool = False) -> None:
        self.reltype = reltype
        self.target = target
        self.external = external


class Part:
    """One part: its name, content type, bytes or parsed XML, and its relationships."""

    def __init__(self, partname: str, content_type: str, blob: bytes = b"") -> None:
        self.partname = partname
        self.content_type = content_type
        self._blob = blob
        self._element: etree._Element | None = None
        self.rels: dict[str, Relationship] = {}

    @property
    def element(self) -> etree._Element:
        """The part's XML root, parsed on first use; changes to it are saved."""
        if self._element is None:
            self._element = parse_xml(self._blob, remove_blank_text=True)
        return self._element

    @element.setter
    def element(self, element: etree._Element) -> None:
        self._element = element

    @property
    def blob(self) -> bytes:
        if self._element is not None:
            return etree.tostring(self._element, encoding="UTF-8", standalone=True)
        return self._blob

    def related(self, reltype: str) -> Part | None:
        """The first part this part relates to with ``reltype``."""
        for rel in self.rels.values():
            if rel.reltype == reltype and not rel.external:
                assert isinstance(rel.target, Part)
                return rel.target
        return None

    def next_rid(self) -> str:
        number = len(self.rels) + 1
        while f"rId{number}" in self.rels:
            number += 1
        return f"rId{number}"

    def relate_to(self, target: Part, reltype: str) -> str:
        """The id of a relationship to ``target``, added unless one exists."""
        for rid, rel in self.rels.items():
            if rel.target is target and rel.reltype == reltype:
                return rid
        rid = self.next_rid()
        self.rels[rid] = Relationship(reltype, target)
        return rid

    def drop_rels(self, reltypes: set[str] | frozenset[str]) -> None:
        """Remove every relationship of these types (the parts go unless reached otherwise)."""
        for rid in [r for r, rel in self.rels.items() if rel.reltype in reltypes]:
            del self.rels[rid]


class Package:
    """A whole .docx: the package's own relationships and, through them, every part."""

    def __init__(self) -> None:
        self.root = Part("/", "")  # holds the package-level relationships

    @classmethod
    def from_bytes(cls, data: bytes) -> Package:
        """Read a package from the bytes of a .docx (``zipfile.BadZipFile``, ``KeyError``,
        ``ValueError`` or ``etree.XMLSyntaxError`` when it is not one). Its XML is
        parsed without entities or DTDs (:func:`~advocacy.safezip.parse_xml`). The
        zip's sizes are not checked here: a caller reading a stranger's file runs
        :func:`~advocacy.safezip.read_members` on it first."""
        package = cls()
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            defaults, overrides = _content_types(archive.read("[Content_Types].xml"))
            parts: dict[str, Part] = {}

            def load(source: Part) -> None:
                rels_name = _rels_name(source.partname)
                if rels_name not in names:
                    return
                for rel in parse_xml(archive.read(rels_name)):
                    rid, reltype = rel.get("Id"), rel.get("Type")
                    target = rel.get("Target", "")
                    if not rid or not reltype:
                        continue  # not a relationship anyone can follow
                    if rel.get("TargetMode") == "External":
                        source.rels[rid] = Relationship(reltype, target, external=True)
                        continue
                    partname = _resolve(source.partname, target)
                    if partname == "/[Content_Types].xml" or partname.endswith(".rels"):
                        continue  # the package's own bookkeeping, written afresh
                    part = parts.get(partname)
                    if part is None:
                        member = partname[1:]
                        if member not in names:
                            continue  # a dangling relationship: Word drops it too
                        extension = partname.rsplit(".", 1)[-1].lower()
                        kind = overrides.get(partname.lower()) or defaults.get(extension, "")
                        part = parts[partname] = Part(partname, kind, archive.read(member))
                        load(part)
                    source.rels[rid] = Relationship(reltype, part)

            load(package.root)
        return package

    @property
    def main(self) -> Part:
        """The main document part."""
        main = self.root.related(RT.OFFICE_DOCUMENT)
        if main is None:
            raise KeyError("the package has no main document")
        return main

    def iter_parts(self) -> Iterator[Part]:
        """Every part reached from the package root, each once, in a stable order."""
        seen: set[int] = set()
        stack = [self.root]
        while stack:
            part = stack.pop()
            for rel in part.rels.values():
                target = rel.target
                if isinstance(target, Part) and id(target) not in seen:
                    seen.add(id(target))
                    yield target
                    stack.append(target)

    def add_part(
        self, owner: Part, reltype: str, pattern: str, content_type: str, blob: bytes
    ) -> Part:
        """A new part related from ``owner``, named by ``pattern``: ``%d`` counts from 1
        (``image%d.png``); ``%s`` is tried empty first (``footnotes%s.xml``)."""
        taken = {part.partname for part in self.iter_parts()}
        first = [pattern % ""] if "%s" in pattern else []
        counted = (pattern.replace("%s", "%d") % n for n in itertools.count(1))
        partname = next(name for name in itertools.chain(first, counted) if name not in taken)
        part = Part(partname, content_type, blob)
        owner.relate_to(part, reltype)
        return part

    def related_or_add(
        self, owner: Part, reltype: str, pattern: str, content_type: str, blob: bytes
    ) -> Part:
        """The part ``owner`` relates to with ``reltype``, added (see :meth:`add_part`) if none."""
        part = owner.related(reltype)
        if part is None:
            part = self.add_part(owner, reltype, pattern, content_type, blob)
        return part

    def copy(self) -> Package:
        """A copy to write into: parts share their bytes, parsed XML is copied."""
        clones: dict[int, Part] = {}

        def clone(part: Part) -> Part:
            done = clones.get(id(part))
            if done is not None:
                return done
            new = Part(part.partname, part.content_type, part._blob)
            if part._element is not None:
                new._element = copy.deepcopy(part._element)
            clones[id(part)] = new
            for rid, rel in part.rels.items():
                target = rel.target if isinstance(rel.target, str) else clone(rel.target)
                new.rels[rid] = Relationship(rel.reltype, target, rel.external)
            return new

        package = Package()
        package.root = clone(self.root)
        return package

    def to_bytes(self) -> bytes:
        """The package as deterministic zip bytes (see :func:`write_entries`)."""
        parts = list(self.iter_parts())
        types = etree.Element(f"{{{_CT_NS}}}Types", nsmap={None: _CT_NS})
        overrides = []
        used_defaults = {"rels": CT.RELATIONSHIPS, "xml": CT.XML}
        for part in parts:
            extension = part.partname.rsplit(".", 1)[-1].lower()
            if _DEFAULTS.get(extension) == part.content_type:
                used_defaults[extension] = part.content_type
            else:
                overrides.append((part.partname, part.content_type))
        for extension in sorted(used_defaults):
            etree.SubElement(types, f"{{{_CT_NS}}}Default",
                             Extension=extension, ContentType=used_defaults[extension])  # fmt: skip
        for partname, kind in sorted(overrides):
            etree.SubElement(types, f"{{{_CT_NS}}}Override", PartName=partname, ContentType=kind)
        entries = {"[Content_Types].xml": _xml_bytes(types), "_rels/.rels": _rels_xml(self.root)}
        for part in parts:
            entries[part.partname[1:]] = part.blob
            if part.rels:
                entries[_rels_name(part.partname)] = _rels_xml(part)
        return write_entries(entries)


def _content_types(data: bytes) -> tuple[dict[str, str], dict[str, str]]:
    defaults: dict[str, str] = {}
    overrides: dict[str, str] = {}
    for item in parse_xml(data):
        if item.tag == f"{{{_CT_NS}}}Default":
            defaults[item.get("Extension", "").lower()] = item.get("ContentType", "")
        elif item.tag == f"{{{_CT_NS}}}Override":
            overrides[item.get("PartName", "").lower()] = item.get("ContentType", "")
    return defaults, overrides


def _rels_name(partname: str) -> str:
    """The zip member holding the relationships of ``partname`` (``/`` is the package)."""
    folder, name = posixpath.split(partname)
    return posixpath.join(folder, "_rels", f"{name}.rels")[1:]


def _resolve(source: str, target: str) -> str:
    if target.startswith("/"):
        return posixpath.normpath(target)
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target))


def _rels_xml(part: Part) -> bytes:
    root = etree.Element(f"{{{_RELS_NS}}}Relationships", nsmap={None: _RELS_NS})
    base = posixpath.dirname(part.partname)
    for rid, rel in part.rels.items():
        if isinstance(rel.target, Part):
            target = posixpath.relpath(rel.target.partname, base)
        else:
            target = rel.target
        item = etree.SubElement(root, f"{{{_RELS_NS}}}Relationship",
                                Id=rid, Type=rel.reltype, Target=target)  # fmt: skip
        if rel.external:
            item.set("TargetMode", "External")
    return _xml_bytes(root)


def _xml_bytes(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
