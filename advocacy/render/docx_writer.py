"""Markdown → DOCX: map markdown-it tokens to real Word structures, styled by a reference document.

The Markdown (CommonMark plus tables, strikethrough, task lists and footnotes)
is parsed with markdown-it-py and every token becomes the Word structure a
person would have made by hand: heading styles, real bullet and numbered lists
(each numbered list restarts), tables with a repeating header row, clickable
hyperlinks, tickable checkboxes, real footnotes, a header and a page-numbered
footer, document properties and the document language.

What things *look* like is not decided here. As with pandoc's
``reference.docx``, the writer names styles ("Heading 2", "Source Code",
"Verbatim Char") and the reference document defines them: ours is
``templates/reference.docx`` (built by ``scripts/build_reference_docx.py``); a
user's letterhead can take its place, and any style it lacks is copied from
ours.

Output is deterministic: the same input gives the same bytes (no clock, no
random ids, fixed zip timestamps), so golden tests and diffs work.

Heavy imports live at the top of this module on purpose: nothing imports it
when the CLI starts.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import functools
import html
import io
import itertools
import re
import zipfile
from pathlib import Path
from typing import Any

import docx
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part, XmlPart
from docx.parts.numbering import NumberingPart
from lxml import etree
from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.tasklists import tasklists_plugin

from advocacy.errors import AdvocacyError
from advocacy.models.document import FrontMatter
from advocacy.resources import templates_dir

__all__ = ["default_reference_doc", "markdown_to_docx", "repack_deterministic", "warm_cache"]

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
W14_NS = "http://schemas.microsoft.com/office/word/2010/wordml"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
XML_NS = "http://www.w3.org/XML/1998/namespace"
_NSMAP = {"w": W_NS, "r": R_NS, "w14": W14_NS}
#: Deflate level: 1 is several times faster than the default 6, and a .docx
#: is small either way.
_ZIP_LEVEL = 1

STYLES_WITH_EFFECTS_RT = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"

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

#: Markdown larger than this is refused rather than ground through slowly.
MAX_MARKDOWN_CHARS = 2_000_000
#: A reference document may unpack to at most this many bytes (letterheads with
#: logos are a few megabytes; this stops a zip bomb, not a real letterhead).
MAX_REFERENCE_BYTES = 200_000_000

# Relationships of a reference's body that go with the body we clear.
_BODY_ONLY_RELTYPES = frozenset(
    {
        RT.COMMENTS,
        "http://schemas.microsoft.com/office/2011/relationships/commentsExtended",
        "http://schemas.microsoft.com/office/2016/09/relationships/commentsIds",
        "http://schemas.microsoft.com/office/2018/08/relationships/commentsExtensible",
        "http://schemas.microsoft.com/office/2011/relationships/people",
    }
)

# role -> (style type, style name as Word spells it). Names are matched
# case-insensitively, so "heading 1" in a letterhead made by Word matches.
_ROLES: dict[str, tuple[str, str]] = {
    "normal": ("paragraph", "Normal"),
    "title": ("paragraph", "Title"),
    "subtitle": ("paragraph", "Subtitle"),
    "heading1": ("paragraph", "heading 1"),
    "heading2": ("paragraph", "heading 2"),
    "heading3": ("paragraph", "heading 3"),
    "heading4": ("paragraph", "heading 4"),
    "quote": ("paragraph", "Quote"),
    "source_code": ("paragraph", "Source Code"),
    "list_paragraph": ("paragraph", "List Paragraph"),
    "footnote_text": ("paragraph", "footnote text"),
    "header": ("paragraph", "header"),
    "footer": ("paragraph", "footer"),
    "verbatim": ("character", "Verbatim Char"),
    "hyperlink": ("character", "Hyperlink"),
    "footnote_reference": ("character", "footnote reference"),
    "table": ("table", "Table Grid"),
}

_BULLET_NAME = "Advocacy Bullet"
_DECIMAL_NAME = "Advocacy Decimal"
_MAX_ILVL = 8  # Word lists have nine levels (0-8)
_LIST_INDENT = 720  # twips per list level, as in the reference numbering
_MIN_COLUMN = 900  # narrowest table column, in twips (0.625 inch)

_PAGE_WORD = {"en": "Page", "es": "Página", "fr": "Page", "de": "Seite", "it": "Pagina",
              "pt": "Página", "nl": "Pagina", "ca": "Pàgina"}  # fmt: skip

_PAGEBREAK_RE = re.compile(r"<!--\s*page\s*-?break\s*-->", re.IGNORECASE)
_ORIENTATION_RE = re.compile(r"<!--\s*(landscape|portrait)\s*-->", re.IGNORECASE)
_BR_RE = re.compile(r"<br\s*/?>", re.IGNORECASE)
_TAG_RE = re.compile(r"<[^>]*>")
# Characters XML 1.0 cannot carry; lxml refuses them.
_XML_INVALID_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ALIGN_RE = re.compile(r"text-align:\s*(left|center|right)")

_VISIBLE_XPATH = etree.XPath(
    ".//w:t[normalize-space(.)] | .//w:drawing | .//w:pict | .//w:fldSimple"
    " | .//w:fldChar | .//w:sdt | .//w:tbl | .//w:object",
    namespaces={"w": W_NS},
)
_PAGE_FIELD_XPATH = etree.XPath(
    ".//w:fldSimple[contains(@w:instr, 'PAGE')] | .//w:instrText[contains(., 'PAGE')]",
    namespaces={"w": W_NS},
)

_MD = (
    MarkdownIt("commonmark")
    .enable(["table", "strikethrough"])
    .use(tasklists_plugin)
    .use(footnote_plugin)
)


# --------------------------------------------------------------------------- helpers


_QN_CACHE: dict[str, str] = {}


def _q(name: str) -> str:
    """Clark name for ``prefix:local`` (``w:p`` -> ``{...main}p``)."""
    try:
        return _QN_CACHE[name]
    except KeyError:
        prefix, local = name.split(":")
        ns = {"w": W_NS, "r": R_NS, "w14": W14_NS, "mc": MC_NS, "xml": XML_NS}[prefix]
        _QN_CACHE[name] = value = f"{{{ns}}}{local}"
        return value


def _el(tag: str, attrs: dict[str, str] | None = None) -> etree._Element:
    """A detached element; its namespace declarations fold into the tree it joins."""
    if attrs:
        return etree.Element(_q(tag), {_q(k): v for k, v in attrs.items()}, nsmap=_NSMAP)
    return etree.Element(_q(tag), nsmap=_NSMAP)


def _sub(parent: etree._Element, tag: str, attrs: dict[str, str] | None = None) -> etree._Element:
    if attrs:  # one call with the qualified attributes: the writer's hottest path
        return etree.SubElement(parent, _q(tag), {_q(k): v for k, v in attrs.items()})
    return etree.SubElement(parent, _q(tag))


def _clean(text: str) -> str:
    return _XML_INVALID_RE.sub("", text)


def _add_text(run: etree._Element, text: str) -> None:
    """Append ``w:t`` (and ``w:tab``) children carrying ``text`` to a run."""
    for index, piece in enumerate(_clean(text).split("\t")):
        if index:
            _sub(run, "w:tab")
        if piece:
            t = _sub(run, "w:t")
            t.text = piece
            if piece[0] == " " or piece[-1] == " " or "  " in piece:
                t.set(_q("xml:space"), "preserve")


def _twips(value: str | None, default: int) -> int:
    try:
        return int(float(value)) if value is not None else default
    except ValueError:
        return default


def _plain_text(node: SyntaxTreeNode) -> str:
    """The visible text of an inline subtree (link URLs and markup excluded)."""
    if node.type in ("text", "code_inline"):
        return node.content
    if node.type in ("softbreak", "hardbreak"):
        return " "
    return "".join(_plain_text(child) for child in node.children)


#: A top-level heading line: a block boundary in any CommonMark document.
_SECTION_START = re.compile(r"(?m)^(?=#{1,2} )")
#: Constructs that reach across a heading (fences, HTML blocks, reference
#: definitions, footnotes): documents with them are parsed whole.
_CROSS_SECTION = re.compile(r"(?m)^ {0,3}(```|~~~|<|\[[^\]]+\]:)|\[\^")


def _parse_blocks(body: str) -> list[SyntaxTreeNode]:
    """The top-level block nodes of ``body``.

    Batches render hundreds of letters whose sections (sources, talking
    points) repeat word for word, so sections between top-level headings are
    parsed once and cached. A heading always starts a new block, so the split
    gives the same tree, except for the constructs :data:`_CROSS_SECTION`
    catches; those documents are parsed whole. The writer only reads nodes.
    """
    if _CROSS_SECTION.search(body):
        return list(SyntaxTreeNode(_MD.parse(body)).children)
    blocks: list[SyntaxTreeNode] = []
    for chunk in _SECTION_START.split(body):
        blocks.extend(_parse_section(chunk))
    return blocks


@functools.lru_cache(maxsize=256)
def _parse_section(chunk: str) -> tuple[SyntaxTreeNode, ...]:
    return tuple(SyntaxTreeNode(_MD.parse(chunk)).children)


def _text_width(sect_pr: etree._Element, landscape: bool = False) -> int:
    """Twips between the margins of a section, turned to landscape if asked."""
    page_size = sect_pr.find(_q("w:pgSz"))
    width = _twips(page_size.get(_q("w:w")) if page_size is not None else None, 12240)
    height = _twips(page_size.get(_q("w:h")) if page_size is not None else None, 15840)
    across = max(width, height) if landscape else width
    margins = sect_pr.find(_q("w:pgMar"))
    if margins is None:
        return max(across - 2880, 2 * _MIN_COLUMN)
    for side in ("w:left", "w:right", "w:gutter"):
        across -= _twips(margins.get(_q(side)), 0)
    return max(across, 2 * _MIN_COLUMN)


def _oriented(sect_pr: etree._Element, landscape: bool) -> etree._Element:
    """Set a section's page to landscape (wide) or portrait (tall)."""
    page_size = sect_pr.find(_q("w:pgSz"))
    if page_size is None:
        return sect_pr
    width = _twips(page_size.get(_q("w:w")), 12240)
    height = _twips(page_size.get(_q("w:h")), 15840)
    short, long = sorted((width, height))
    page_size.set(_q("w:w"), str(long if landscape else short))
    page_size.set(_q("w:h"), str(short if landscape else long))
    if landscape:
        page_size.set(_q("w:orient"), "landscape")
    elif _q("w:orient") in page_size.attrib:
        del page_size.attrib[_q("w:orient")]
    return sect_pr


def _write_entries(entries: dict[str, bytes]) -> bytes:
    """Zip ``entries`` with fixed timestamps and a stable order.

    ``[Content_Types].xml`` comes first, as Office writes it; the other entries
    follow in name order. Same parts in, same bytes out.
    """
    out = io.BytesIO()
    ordered = sorted(entries, key=lambda n: (n != "[Content_Types].xml", n))
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=_ZIP_LEVEL) as dst:
        for name in ordered:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            dst.writestr(info, entries[name], compresslevel=_ZIP_LEVEL)
    return out.getvalue()


def _package_bytes(document: Any) -> bytes:
    """Serialise a python-docx document straight to deterministic zip bytes.

    Does what ``Document.save`` does (content types, package rels, each part
    and its rels) in one pass, without a second zip round trip.
    """
    from docx.opc.pkgwriter import _ContentTypesItem

    package = document.part.package
    parts = list(package.iter_parts())
    entries = {
        "[Content_Types].xml": _ContentTypesItem.from_parts(parts).blob,
        "_rels/.rels": package.rels.xml,
    }
    for part in parts:
        entries[part.partname.membername] = part.blob
        if len(part.rels):
            entries[part.partname.rels_uri.membername] = part.rels.xml
    return _write_entries(entries)


def repack_deterministic(data: bytes) -> bytes:
    """Rewrite a zip (a .docx) with fixed timestamps and a stable entry order.

    ``[Content_Types].xml`` comes first, as Office writes it; the other entries
    follow in name order. Same parts in, same bytes out.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        return _write_entries({name: src.read(name) for name in src.namelist()})


def default_reference_doc() -> Path:
    """Our ``reference.docx``, whether installed from a wheel or run from a checkout."""
    path = templates_dir() / "reference.docx"
    if not path.is_file():
        raise AdvocacyError(
            "the built-in reference document (templates/reference.docx) is missing",
            path,
            hint="reinstall advocacy, or regenerate it with scripts/build_reference_docx.py",
        )
    return path


def warm_cache(reference_doc: Path | None = None) -> None:
    """Parse the reference document now, so forked batch workers inherit it."""
    _load_template(reference_doc).document  # noqa: B018 - loads the cached property


# --------------------------------------------------------------------------- templates


@dataclasses.dataclass(frozen=True)
class _Template:
    """A reference document made ready to write into, loaded once per path."""

    data: bytes  # the prepared .docx: empty body, every style and definition we need
    style_ids: dict[str, str]  # role -> styleId in this document
    bullet_num: int  # w:num for all bullet lists
    decimal_abstract: int  # abstractNumId that numbered lists instantiate
    text_width: int  # twips between the margins
    footer_tabs: tuple[int, ...]  # tab stops of the Footer style, cleared in our footer

    @functools.cached_property
    def document(self) -> Any:
        """``data`` opened once; each render writes into a deep copy (twice as fast as re-opening)."""
        return docx.Document(io.BytesIO(self.data))


@dataclasses.dataclass(frozen=True)
class _OurStyles:
    """Style and numbering definitions of our reference, to fill gaps in a user's."""

    styles: dict[str, etree._Element]  # styleId -> w:style
    ids_by_name: dict[tuple[str, str], str]  # (type, lower name) -> styleId
    abstract_nums: dict[str, etree._Element]  # name -> w:abstractNum


_TEMPLATES: dict[tuple[str, int, int], _Template] = {}
_OURS: dict[tuple[str, int, int], _OurStyles] = {}


def _cache_key(path: Path) -> tuple[str, int, int]:
    try:
        stat = path.stat()
    except OSError as exc:
        raise AdvocacyError(
            f"cannot read the reference document: {exc.strerror or exc}",
            str(path),
            hint="check the path given as the reference document",
        ) from exc
    if not path.is_file():
        raise AdvocacyError(
            "the reference document is not a file",
            str(path),
            hint="give the path of a Word .docx file",
        )
    return (str(path.resolve()), stat.st_mtime_ns, stat.st_size)


def _load_template(reference_doc: Path | None) -> _Template:
    path = Path(reference_doc) if reference_doc is not None else default_reference_doc()
    key = _cache_key(path)
    template = _TEMPLATES.get(key)
    if template is None:
        ours = _our_styles()
        data = path.read_bytes()
        if reference_doc is None:
            template = _prepare_template(data, str(path), ours)
        else:
            template = _prepare_user_template(data, str(path), ours)
        if len(_TEMPLATES) >= 16:  # a batch uses one or two; don't grow without bound
            _TEMPLATES.clear()
        _TEMPLATES[key] = template
    return template


def _our_styles() -> _OurStyles:
    path = default_reference_doc()
    key = _cache_key(path)
    ours = _OURS.get(key)
    if ours is None:
        with zipfile.ZipFile(path) as archive:
            styles = etree.fromstring(archive.read("word/styles.xml"))
            numbering = etree.fromstring(archive.read("word/numbering.xml"))
        by_id = {s.get(_q("w:styleId")): s for s in styles.iter(_q("w:style"))}
        by_name = {_style_key(s): sid for sid, s in by_id.items()}
        abstract = {}
        for element in numbering.iter(_q("w:abstractNum")):
            name = element.find(_q("w:name"))
            if name is not None:
                abstract[name.get(_q("w:val"))] = element
        ours = _OurStyles(by_id, by_name, abstract)
        _OURS.clear()
        _OURS[key] = ours
    return ours


def _style_key(style: etree._Element) -> tuple[str, str]:
    name = style.find(_q("w:name"))
    label = name.get(_q("w:val"), "") if name is not None else style.get(_q("w:styleId"), "")
    return (style.get(_q("w:type"), "paragraph"), label.lower())


def _part_element(part: Part) -> etree._Element:
    if isinstance(part, XmlPart):
        return part.element
    return etree.fromstring(part.blob)


def _store_part_element(part: Part, element: etree._Element) -> None:
    if not isinstance(part, XmlPart):
        part._blob = etree.tostring(element, encoding="UTF-8", standalone=True)


def _related_part(part: Part, reltype: str) -> Part | None:
    for rel in part.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            return rel.target_part
    return None


def _prepare_user_template(data: bytes, file: str, ours: _OurStyles) -> _Template:
    """:func:`_prepare_template` for a user's file: any failure is a problem with that file."""
    from advocacy.safezip import ZipLimits, read_members

    try:
        read_members(data, limits=ZipLimits(max_total_bytes=MAX_REFERENCE_BYTES), file=file)
    except (zipfile.BadZipFile, ValueError) as exc:
        raise AdvocacyError(
            f"cannot use the reference document: it is not a Word .docx file ({exc})",
            file,
            hint="pass a .docx saved by Word or LibreOffice (save a .dotx template as .docx first)",
        ) from exc
    try:
        return _prepare_template(data, file, ours)
    except AdvocacyError:
        raise
    except Exception as exc:  # a damaged part deep inside a user's file
        raise AdvocacyError(
            f"cannot use the reference document: {type(exc).__name__}: {exc}",
            file,
            hint="open it in Word or LibreOffice and save it again as .docx",
        ) from exc


def _prepare_template(data: bytes, file: str, ours: _OurStyles) -> _Template:
    """Turn a reference document into an empty document holding all we need.

    Runs once per reference file: clears the body (keeping the page setup),
    drops ``stylesWithEffects.xml``, declares the w14 namespace the checkboxes
    need, copies missing styles and list definitions from our reference, and
    makes sure a footnotes part exists.
    """
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises a different type for each kind of bad file
        raise AdvocacyError(
            f"cannot use the reference document: it is not a Word .docx file ({exc})",
            file,
            hint="pass a .docx saved by Word or LibreOffice (save a .dotx template as .docx first)",
        ) from exc
    main = document.part
    for rId, rel in list(main.rels.items()):
        # stylesWithEffects goes stale once we add styles; comments belong to
        # the body we clear.
        if rel.reltype == STYLES_WITH_EFFECTS_RT or rel.reltype in _BODY_ONLY_RELTYPES:
            del main.rels[rId]
    package_rels = main.package.rels
    for rId, rel in list(package_rels.items()):
        if rel.reltype == RT.THUMBNAIL:  # a picture of the letterhead, not of our document
            del package_rels[rId]

    root = _with_w14(main._element)
    main._element = root
    body = root.find(_q("w:body"))
    if body is None:
        raise AdvocacyError(
            "the reference document has no body",
            file,
            hint="pass a .docx saved by Word or LibreOffice",
        )
    sect_pr = body[-1] if len(body) and body[-1].tag == _q("w:sectPr") else None
    for child in list(body):
        if child is not sect_pr:
            body.remove(child)
    if sect_pr is None:
        sect_pr = _sub(body, "w:sectPr")
        _sub(sect_pr, "w:pgSz", {"w:w": "12240", "w:h": "15840"})
        _sub(sect_pr, "w:pgMar", {"w:top": "1440", "w:right": "1440", "w:bottom": "1440",
                                  "w:left": "1440", "w:header": "720", "w:footer": "720",
                                  "w:gutter": "0"})  # fmt: skip

    styles = document.styles.element
    style_ids = {
        role: _ensure_style(styles, ours, kind, name) for role, (kind, name) in _ROLES.items()
    }

    numbering_part = _numbering_part(document)
    numbering = numbering_part.element
    bullet_abstract = _ensure_abstract_num(numbering, ours, _BULLET_NAME)
    decimal_abstract = _ensure_abstract_num(numbering, ours, _DECIMAL_NAME)
    bullet_num = _find_or_add_num(numbering, bullet_abstract)

    _ensure_footnotes(document)
    endnotes = _related_part(main, RT.ENDNOTES)
    if endnotes is not None:
        _strip_notes(endnotes)

    text_width = _text_width(sect_pr)

    buffer = io.BytesIO()
    document.save(buffer)
    return _Template(
        data=buffer.getvalue(),
        style_ids=style_ids,
        bullet_num=bullet_num,
        decimal_abstract=decimal_abstract,
        text_width=text_width,
        footer_tabs=_style_tabs(styles, style_ids["footer"]),
    )


def _with_w14(root: etree._Element) -> etree._Element:
    """The document root, rebuilt if needed so it declares w14 and lists it in mc:Ignorable.

    Checkbox content controls are w14 elements; consumers that predate Word
    2010 may ignore them only if the root says so.
    """
    ignorable = root.get(_q("mc:Ignorable"), "").split()
    if root.nsmap.get("w14") == W14_NS and root.nsmap.get("mc") == MC_NS and "w14" in ignorable:
        return root
    nsmap = {k: v for k, v in root.nsmap.items() if k not in ("w14", "mc")}
    nsmap.update({"w14": W14_NS, "mc": MC_NS})
    new_root = etree.Element(root.tag, nsmap=nsmap)
    for key, value in root.attrib.items():
        new_root.set(key, value)
    prefixes = [p for p in ignorable if p in nsmap and p != "w14"] + ["w14"]
    new_root.set(_q("mc:Ignorable"), " ".join(prefixes))
    new_root.extend(list(root))
    return new_root


def _ensure_style(styles: etree._Element, ours: _OurStyles, kind: str, name: str) -> str:
    """The styleId of style ``name`` in ``styles``, copying ours in if it is missing."""
    existing = {_style_key(s): s.get(_q("w:styleId")) for s in styles.iter(_q("w:style"))}
    found = existing.get((kind, name.lower()))
    if found:
        return found
    our_id = ours.ids_by_name.get((kind, name.lower()))
    if our_id is None:  # our own reference lacks it: a build problem, not user input
        raise AdvocacyError(
            f"the built-in reference document has no {kind} style {name!r}",
            hint="regenerate templates/reference.docx with scripts/build_reference_docx.py",
        )
    style = copy.deepcopy(ours.styles[our_id])
    taken = {s.get(_q("w:styleId")) for s in styles.iter(_q("w:style"))}
    new_id = our_id
    counter = 1
    while new_id in taken:
        counter += 1
        new_id = f"{our_id}{counter}"
    style.set(_q("w:styleId"), new_id)
    if style.get(_q("w:default")):
        del style.attrib[_q("w:default")]
    # Point basedOn/next at the user's equivalents (by name); copy what is missing.
    for ref_tag in ("w:basedOn", "w:next", "w:link"):
        ref = style.find(_q(ref_tag))
        if ref is None:
            continue
        target = ours.styles.get(ref.get(_q("w:val")))
        if target is None or ref_tag == "w:link":
            style.remove(ref)
            continue
        target_kind, target_name = _style_key(target)
        if (target_kind, target_name) == (kind, name.lower()):
            ref.set(_q("w:val"), new_id)
            continue
        name_el = target.find(_q("w:name"))
        label = name_el.get(_q("w:val")) if name_el is not None else target_name
        ref.set(_q("w:val"), _ensure_style(styles, ours, target_kind, label))
    styles.append(style)
    return new_id


def _style_tabs(styles: etree._Element, style_id: str) -> tuple[int, ...]:
    """Tab stops a paragraph in ``style_id`` inherits (through basedOn)."""
    by_id = {s.get(_q("w:styleId")): s for s in styles.iter(_q("w:style"))}
    positions: set[int] = set()
    seen: set[str] = set()
    current = by_id.get(style_id)
    while current is not None and current.get(_q("w:styleId")) not in seen:
        seen.add(current.get(_q("w:styleId")))
        for tab in current.iterfind(f"{_q('w:pPr')}/{_q('w:tabs')}/{_q('w:tab')}"):
            if tab.get(_q("w:val")) != "clear":
                positions.add(_twips(tab.get(_q("w:pos")), 0))
        based = current.find(_q("w:basedOn"))
        current = by_id.get(based.get(_q("w:val"))) if based is not None else None
    return tuple(sorted(positions))


def _numbering_part(document: Any) -> NumberingPart:
    part = _related_part(document.part, RT.NUMBERING)
    if isinstance(part, NumberingPart):
        return part
    if part is not None:  # present but not loaded as XML: replace it
        for rId, rel in list(document.part.rels.items()):
            if rel.reltype == RT.NUMBERING:
                del document.part.rels[rId]
    element = etree.fromstring(f'<w:numbering xmlns:w="{W_NS}"/>'.encode())
    package = document.part.package
    partname = package.next_partname("/word/numbering%d.xml")
    new_part = NumberingPart(partname, CT.WML_NUMBERING, element, package)
    document.part.relate_to(new_part, RT.NUMBERING)
    return new_part


def _ensure_abstract_num(numbering: etree._Element, ours: _OurStyles, name: str) -> int:
    """abstractNumId of the list definition called ``name``, copied from ours if missing."""
    abstracts = numbering.findall(_q("w:abstractNum"))
    for abstract in abstracts:
        name_el = abstract.find(_q("w:name"))
        if name_el is not None and name_el.get(_q("w:val")) == name:
            return int(abstract.get(_q("w:abstractNumId")))
    new = copy.deepcopy(ours.abstract_nums[name])
    new_id = max((int(a.get(_q("w:abstractNumId"), "0")) for a in abstracts), default=-1) + 1
    new.set(_q("w:abstractNumId"), str(new_id))
    before = numbering.findall(_q("w:numPicBullet"))
    anchor = (abstracts or before or [None])[-1]
    if anchor is not None:
        anchor.addnext(new)
    else:
        numbering.insert(0, new)
    return new_id


def _max_num_id(numbering: etree._Element) -> int:
    return max((int(n.get(_q("w:numId"), "0")) for n in numbering.iter(_q("w:num"))), default=0)


def _add_num(numbering: etree._Element, abstract_id: int, num_id: int) -> etree._Element:
    num = _el("w:num", {"w:numId": str(num_id)})
    _sub(num, "w:abstractNumId", {"w:val": str(abstract_id)})
    cleanup = numbering.find(_q("w:numIdMacAtCleanup"))
    if cleanup is not None:
        cleanup.addprevious(num)
    else:
        numbering.append(num)
    return num


def _find_or_add_num(numbering: etree._Element, abstract_id: int) -> int:
    for num in numbering.iter(_q("w:num")):
        ref = num.find(_q("w:abstractNumId"))
        if (
            ref is not None
            and ref.get(_q("w:val")) == str(abstract_id)
            and num.find(_q("w:lvlOverride")) is None
        ):
            return int(num.get(_q("w:numId")))
    num_id = _max_num_id(numbering) + 1
    _add_num(numbering, abstract_id, num_id)
    return num_id


# Children of w:pPr that the schema puts after w:spacing.
_PPR_AFTER_SPACING = frozenset(
    f"{{{W_NS}}}{name}"
    for name in ("ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
                 "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId",
                 "cnfStyle", "rPr", "sectPr", "pPrChange")
)  # fmt: skip

_M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
_SL_NS = "http://schemas.openxmlformats.org/schemaLibrary/2006/main"
# Children of w:settings that the schema puts after w:footnotePr.
_AFTER_FOOTNOTE_PR = frozenset(
    [f"{{{W_NS}}}{name}" for name in (
        "endnotePr", "compat", "docVars", "rsids", "attachedSchema", "themeFontLang",
        "clrSchemeMapping", "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures",
        "forceUpgrade", "captions", "readModeInkLockDown", "smartTagType", "shapeDefaults",
        "doNotEmbedSmartTags", "decimalSymbol", "listSeparator")]
    + [f"{{{_M_NS}}}mathPr", f"{{{_SL_NS}}}schemaLibrary"]
)  # fmt: skip


def _strip_notes(part: Part) -> list[str]:
    """Remove the notes of the body we cleared; return the ids of the separator notes kept."""
    root = _part_element(part)
    special: list[str] = []
    for note in list(root):
        kind = note.get(_q("w:type"))
        if kind in ("separator", "continuationSeparator", "continuationNotice"):
            if kind != "continuationNotice":
                special.append(note.get(_q("w:id"), "0"))
        elif note.tag in (_q("w:footnote"), _q("w:endnote")):
            root.remove(note)
    _store_part_element(part, root)
    return special


def _ensure_footnotes(document: Any) -> None:
    """A footnotes part holding only the separator footnotes, and settings naming them."""
    main = document.part
    part = _related_part(main, RT.FOOTNOTES)
    if part is None:
        package = main.package
        taken = {str(p.partname) for p in package.iter_parts()}
        partname = "/word/footnotes.xml"  # the name Word uses; some readers expect it
        if partname in taken:
            partname = package.next_partname("/word/footnotes%d.xml")
        part = Part(PackURI(partname), CT.WML_FOOTNOTES, FOOTNOTES_XML, package)
        main.relate_to(part, RT.FOOTNOTES)
    special = _strip_notes(part)
    if not special:
        root = _part_element(part)
        for note in etree.fromstring(FOOTNOTES_XML):
            root.append(note)
        _store_part_element(part, root)
        special = ["-1", "0"]

    settings = document.settings.element
    if settings.find(_q("w:footnotePr")) is None:
        footnote_pr = _el("w:footnotePr")
        for note_id in special:
            _sub(footnote_pr, "w:footnote", {"w:id": note_id})
        for child in settings:
            if child.tag in _AFTER_FOOTNOTE_PR or not str(child.tag).startswith(f"{{{W_NS}}}"):
                child.addprevious(footnote_pr)
                break
        else:
            settings.append(footnote_pr)


# --------------------------------------------------------------------------- rendering


@dataclasses.dataclass(frozen=True)
class _Ctx:
    """Where blocks are being written: which part, which paragraph style, how deep in lists."""

    part: Part
    para_style: str
    list_depth: int = -1
    indent: int = 0  # left indent of continuation paragraphs, twips
    in_footnote: bool = False


@dataclasses.dataclass(frozen=True)
class _Fmt:
    """Inline formatting in force for the text being written."""

    bold: bool = False
    italic: bool = False
    strike: bool = False
    code: bool = False
    link: bool = False


class _Writer:
    def __init__(self, document: Any, template: _Template, meta: FrontMatter) -> None:
        self.document = document
        self.template = template
        self.meta = meta
        self.styles = template.style_ids
        self.main = document.part
        self.numbering = document.part.numbering_part.element
        self.next_num_id = _max_num_id(self.numbering) + 1
        footnotes_part = _related_part(self.main, RT.FOOTNOTES)
        assert footnotes_part is not None, "_prepare_template adds a footnotes part"
        self.footnotes_part: Part = footnotes_part
        self.footnotes = _part_element(footnotes_part)
        self.next_footnote_id = 1 + max(
            (_twips(n.get(_q("w:id")), 0) for n in self.footnotes), default=0
        )
        self.next_sdt_id = 1
        self.footnote_defs: dict[int, SyntaxTreeNode] = {}
        self.pending_marker: tuple[str, int, int] | None = None
        self.page_break_pending = False
        self.link_rids: dict[int, dict[str, str]] = {}  # part -> URL -> relationship id
        self.next_rid: dict[int, int] = {}
        self.landscape = False  # the orientation of the section being written
        # Paragraphs that end a section, with that section's orientation; their
        # section properties are filled in once headers and footers exist.
        self.section_breaks: list[tuple[etree._Element, bool]] = []
        final = self.main.element.find(_q("w:body"))[-1]
        self.landscape_width = _text_width(final, landscape=True)
        self.last_run: tuple[etree._Element, _Fmt, etree._Element] | None = None

    # ----------------------------------------------------------------- document

    def render(self, body: str) -> bytes:
        blocks = _parse_blocks(body)
        for node in blocks:
            if node.type == "footnote_block":
                for note in node.children:
                    self.footnote_defs[note.meta["id"]] = note
        out: list[etree._Element] = []
        if self.meta.title:
            out.append(self._text_paragraph(self.styles["title"], self.meta.title))
        if self.meta.subtitle:
            out.append(self._text_paragraph(self.styles["subtitle"], self.meta.subtitle))
        ctx = _Ctx(part=self.main, para_style=self.styles["normal"])
        self._blocks(blocks, ctx, out)
        self._flush_page_break(out)
        if out and out[-1].tag == _q("w:tbl"):  # Word ends a body with a paragraph
            out.append(_el("w:p"))
        self._space_after_tables(out)
        sect_pr = self.main.element.find(_q("w:body"))[-1]
        for element in out:
            sect_pr.addprevious(element)
        self._header_footer()
        self._sections(sect_pr)
        self._language()
        self._core_properties()
        _store_part_element(self.footnotes_part, self.footnotes)
        return _package_bytes(self.document)

    def _space_after_tables(self, out: list[etree._Element]) -> None:
        """Give a body paragraph that follows a table some room (a table has no space after)."""
        headings = {self.styles[f"heading{n}"] for n in range(1, 5)}
        for previous, element in itertools.pairwise(out):
            if previous.tag != _q("w:tbl") or element.tag != _q("w:p"):
                continue
            ppr = element.find(_q("w:pPr"))
            if ppr is None:
                ppr = _el("w:pPr")
                element.insert(0, ppr)
            style = ppr.find(_q("w:pStyle"))
            if (style is not None and style.get(_q("w:val")) in headings) or ppr.find(
                _q("w:spacing")
            ) is not None:
                continue
            spacing = _el("w:spacing", {"w:before": "200"})
            later = [c for c in ppr if c.tag in _PPR_AFTER_SPACING]
            if later:
                later[0].addprevious(spacing)
            else:
                ppr.append(spacing)

    def _language(self) -> None:
        styles = self.document.styles.element
        defaults = styles.find(_q("w:docDefaults"))
        if defaults is None:
            defaults = _el("w:docDefaults")
            styles.insert(0, defaults)
        rpr_default = defaults.find(_q("w:rPrDefault"))
        if rpr_default is None:
            rpr_default = _el("w:rPrDefault")
            defaults.insert(0, rpr_default)
        rpr = rpr_default.find(_q("w:rPr"))
        if rpr is None:
            rpr = _sub(rpr_default, "w:rPr")
        if rpr.find(_q("w:lang")) is None:
            lang = _el("w:lang")
            later = [rpr.find(_q(t)) for t in ("w:eastAsianLayout", "w:specVanish", "w:oMath")]
            later = [e for e in later if e is not None]
            if later:
                later[0].addprevious(lang)
            else:
                rpr.append(lang)
        # The document language wins over any language a letterhead's styles carry.
        for lang in styles.iter(_q("w:lang")):
            lang.set(_q("w:val"), self.meta.lang)

    def _core_properties(self) -> None:
        meta = self.meta
        props = self.document.core_properties
        for child in list(props._element):  # drop whatever the reference carried
            props._element.remove(child)
        if meta.title:
            props.title = _clean(meta.title)
        if meta.subtitle:
            props.subject = _clean(meta.subtitle)
        if meta.author:
            props.author = props.last_modified_by = _clean(meta.author)
        if meta.keywords:
            props.keywords = _clean(", ".join(meta.keywords))
        props.language = meta.lang
        props.revision = 1
        if meta.date is not None:
            midnight = dt.datetime(meta.date.year, meta.date.month, meta.date.day)  # read as UTC
            props.created = props.modified = midnight

    def _header_footer(self) -> None:
        section = self.document.sections[-1]
        if self.meta.header:
            header = section.header.part.element
            if _is_blank(header):
                for child in list(header):
                    header.remove(child)
            header.append(self._text_paragraph(self.styles["header"], self.meta.header))

        footer = section.footer.part.element
        has_page = bool(_PAGE_FIELD_XPATH(footer))
        if has_page and not self.meta.footer:
            return
        if _is_blank(footer):
            for child in list(footer):
                footer.remove(child)
        mixed = bool(self.section_breaks)  # portrait and landscape pages share this footer
        p = _el("w:p")
        ppr = _sub(p, "w:pPr")
        _sub(ppr, "w:pStyle", {"w:val": self.styles["footer"]})
        if mixed and not has_page:
            # A tab stop sits at one width; a right-aligned paragraph fits every page.
            if self.meta.footer:
                _add_text(_sub(p, "w:r"), self.meta.footer)
                footer.append(p)
                p = _el("w:p")
                ppr = _sub(p, "w:pPr")
                _sub(ppr, "w:pStyle", {"w:val": self.styles["footer"]})
            _sub(ppr, "w:jc", {"w:val": "right"})
            self._page_number(p)
            footer.append(p)
            return
        if not has_page:
            tabs = _sub(ppr, "w:tabs")
            width = self.template.text_width
            stops = [(pos, "clear") for pos in self.template.footer_tabs if pos != width]
            for pos, kind in sorted([*stops, (width, "right")]):
                _sub(tabs, "w:tab", {"w:val": kind, "w:pos": str(pos)})
        if self.meta.footer:
            _add_text(_sub(p, "w:r"), self.meta.footer)
        if not has_page:
            _sub(_sub(p, "w:r"), "w:tab")
            self._page_number(p)
        footer.append(p)

    def _page_number(self, p: etree._Element) -> None:
        """``Page N`` (in the document's language) with a PAGE field."""
        word = _PAGE_WORD.get(self.meta.lang.split("-")[0].lower(), "Page")
        _add_text(_sub(p, "w:r"), f"{word} ")
        _sub(_sub(p, "w:r"), "w:fldChar", {"w:fldCharType": "begin"})
        instr = _sub(_sub(p, "w:r"), "w:instrText")
        instr.text = " PAGE "
        instr.set(_q("xml:space"), "preserve")
        _sub(_sub(p, "w:r"), "w:fldChar", {"w:fldCharType": "separate"})
        _add_text(_sub(p, "w:r"), "1")
        _sub(_sub(p, "w:r"), "w:fldChar", {"w:fldCharType": "end"})

    # ----------------------------------------------------------------- blocks

    def _blocks(self, nodes: list[SyntaxTreeNode], ctx: _Ctx, out: list[etree._Element]) -> None:
        for node in nodes:
            kind = node.type
            if kind == "paragraph":
                out.append(self._paragraph(node, ctx))
            elif kind == "heading":
                level = min(int(node.tag[1:]), 4)
                out.append(self._paragraph(node, ctx, style=self.styles[f"heading{level}"]))
            elif kind in ("bullet_list", "ordered_list"):
                self._list(node, ctx, out)
            elif kind == "blockquote":
                quote_ctx = dataclasses.replace(ctx, para_style=self.styles["quote"])
                self._blocks(node.children, quote_ctx, out)
            elif kind in ("code_block", "fence"):
                out.append(self._code_block(node.content, ctx))
            elif kind == "hr":
                out.append(self._rule())
            elif kind == "html_block":
                self._html_block(node.content, ctx, out)
            elif kind == "table":
                self._flush_page_break(out)
                if out and out[-1].tag == _q("w:tbl"):  # keep two tables from merging
                    out.append(_el("w:p"))
                out.append(self._table(node, ctx))
            elif kind == "footnote_block":
                continue  # rendered where each footnote is referenced
            elif node.children:
                self._blocks(node.children, ctx, out)

    def _new_paragraph(
        self,
        style: str | None,
        *,
        numbering: tuple[int, int] | None = None,
        indent: tuple[int, int] | None = None,  # (left, hanging)
        jc: str | None = None,
    ) -> etree._Element:
        """A ``w:p`` whose ``w:pPr`` children are in schema order.

        The first paragraph after a ``<!-- pagebreak -->`` marker starts a new
        page (``w:pageBreakBefore``), so no empty paragraph tops the page.
        """
        self.last_run = None
        p = _el("w:p")
        page_break, self.page_break_pending = self.page_break_pending, False
        if style or numbering or indent or jc or page_break:
            ppr = _sub(p, "w:pPr")
            if style:
                _sub(ppr, "w:pStyle", {"w:val": style})
            if page_break:
                _sub(ppr, "w:pageBreakBefore")
            if numbering:
                num_pr = _sub(ppr, "w:numPr")
                _sub(num_pr, "w:ilvl", {"w:val": str(numbering[1])})
                _sub(num_pr, "w:numId", {"w:val": str(numbering[0])})
            if indent:
                attrs = {"w:left": str(indent[0])}
                if indent[1]:
                    attrs["w:hanging"] = str(indent[1])
                _sub(ppr, "w:ind", attrs)
            if jc:
                _sub(ppr, "w:jc", {"w:val": jc})
        return p

    def _text_paragraph(self, style: str, text: str) -> etree._Element:
        p = self._new_paragraph(style)
        _add_text(_sub(p, "w:r"), text)
        return p

    def _paragraph(
        self, node: SyntaxTreeNode, ctx: _Ctx, style: str | None = None
    ) -> etree._Element:
        inline = next((c for c in node.children if c.type == "inline"), None)
        children = inline.children if inline is not None else []
        marker, self.pending_marker = self.pending_marker, None
        if style is not None:  # headings never carry list markers
            if marker is not None:
                self.pending_marker = marker
            p = self._new_paragraph(style)
        elif marker is None:
            indent = (ctx.indent, 0) if ctx.indent else None
            p = self._new_paragraph(ctx.para_style, indent=indent)
        elif marker[0] == "task":
            checked, ilvl = bool(marker[1]), marker[2]
            left = _LIST_INDENT * (ilvl + 1)
            p = self._new_paragraph(ctx.para_style, indent=(left, 360))
            if children and _is_task_checkbox(children[0]):
                checked = 'checked="' in children[0].content
                children = children[1:]
            self._checkbox(p, checked, ctx)
            _sub(_sub(p, "w:r"), "w:tab")
            if children and children[0].type == "text":  # the space after "[x]"
                self._text(p, children[0].content.lstrip(), _Fmt())
                children = children[1:]
        else:
            p = self._new_paragraph(ctx.para_style, numbering=(marker[1], marker[2]))
        self._inline(p, children, ctx, _Fmt())
        return p

    def _list(self, node: SyntaxTreeNode, ctx: _Ctx, out: list[etree._Element]) -> None:
        depth = ctx.list_depth + 1
        ilvl = min(depth, _MAX_ILVL)
        if node.type == "ordered_list":
            start = int(node.attrs.get("start", 1) or 1)
            num_id = self._new_numbered_list(ilvl, start)
        else:
            num_id = self.template.bullet_num
        item_ctx = dataclasses.replace(
            ctx,
            list_depth=depth,
            indent=_LIST_INDENT * (ilvl + 1),
            para_style=self.styles["list_paragraph"],
        )
        for item in node.children:
            if "task-list-item" in str(item.attrs.get("class", "")):
                self.pending_marker = ("task", 0, ilvl)
            else:
                self.pending_marker = ("num", num_id, ilvl)
            if not item.children or item.children[0].type != "paragraph":
                out.append(self._paragraph(SyntaxTreeNode(), item_ctx))
            self._blocks(item.children, item_ctx, out)
            self.pending_marker = None

    def _new_numbered_list(self, ilvl: int, start: int) -> int:
        """A fresh ``w:num`` so this list counts from ``start`` whatever came before."""
        num_id = self.next_num_id
        self.next_num_id += 1
        num = _add_num(self.numbering, self.template.decimal_abstract, num_id)
        override = _sub(num, "w:lvlOverride", {"w:ilvl": str(ilvl)})
        _sub(override, "w:startOverride", {"w:val": str(max(start, 0))})
        return num_id

    def _code_block(self, text: str, ctx: _Ctx) -> etree._Element:
        indent = (ctx.indent, 0) if ctx.indent else None
        p = self._new_paragraph(self.styles["source_code"], indent=indent)
        run = _sub(p, "w:r")
        for index, line in enumerate(text.rstrip("\n").split("\n")):
            if index:
                _sub(run, "w:br")
            _add_text(run, line)
        return p

    def _flush_page_break(self, out: list[etree._Element]) -> None:
        """Emit a pending page break as its own paragraph (before a table, or at the end)."""
        if self.page_break_pending:
            self.page_break_pending = False
            p = self._new_paragraph(None)
            _sub(_sub(p, "w:r"), "w:br", {"w:type": "page"})
            out.append(p)

    def _rule(self) -> etree._Element:
        p = self._new_paragraph(None)
        ppr = p.find(_q("w:pPr"))
        if ppr is None:
            ppr = _sub(p, "w:pPr")
        borders = _sub(ppr, "w:pBdr")
        _sub(
            borders,
            "w:bottom",
            {"w:val": "single", "w:sz": "6", "w:space": "1", "w:color": "A6A6A6"},
        )
        return p

    def _sections(self, final: etree._Element) -> None:
        """Give each section break the page setup of the section it ends.

        Copies of the final section's properties keep the header and footer;
        only the page orientation differs. The final section takes the
        orientation the document ends in.
        """
        for paragraph, landscape in self.section_breaks:
            ppr = paragraph.find(_q("w:pPr"))
            ppr.append(_oriented(copy.deepcopy(final), landscape))
        _oriented(final, self.landscape)

    def _html_block(self, content: str, ctx: _Ctx, out: list[etree._Element]) -> None:
        orientation = _ORIENTATION_RE.search(content)
        if orientation:
            landscape = orientation.group(1).lower() == "landscape"
            if landscape != self.landscape:
                self._flush_page_break(out)  # a new section starts a new page anyway
                self.page_break_pending = False
                paragraph = _el("w:p")
                _sub(paragraph, "w:pPr")
                out.append(paragraph)
                self.section_breaks.append((paragraph, self.landscape))
                self.landscape = landscape
            return
        if _PAGEBREAK_RE.search(content):
            self._flush_page_break(out)  # two markers in a row: an empty page
            self.page_break_pending = True
            return
        # Other raw HTML is not rendered; any text inside it is kept as plain text.
        text = re.sub(r"<!--.*?-->", "", content, flags=re.DOTALL)
        text = html.unescape(_TAG_RE.sub("", _BR_RE.sub("\n", text)))
        for chunk in re.split(r"\n\s*\n", text):
            if chunk.strip():
                out.append(self._text_paragraph(ctx.para_style, " ".join(chunk.split())))

    # ----------------------------------------------------------------- tables

    def _table(self, node: SyntaxTreeNode, ctx: _Ctx) -> etree._Element:
        rows: list[tuple[bool, list[tuple[str | None, SyntaxTreeNode | None]]]] = []
        for section in node.children:
            header = section.type == "thead"
            for tr in section.children:
                cells = []
                for cell in tr.children:
                    match = _ALIGN_RE.search(str(cell.attrs.get("style", "")))
                    inline = next((c for c in cell.children if c.type == "inline"), None)
                    cells.append((match.group(1) if match else None, inline))
                rows.append((header, cells))
        columns = max((len(cells) for _, cells in rows), default=1)
        lengths = [0] * columns
        for _, cells in rows:
            for index, (_, inline) in enumerate(cells):
                text = _plain_text(inline) if inline is not None else ""
                longest_word = max((len(w) for w in text.split()), default=0)
                lengths[index] = max(lengths[index], len(text), longest_word)
        width = self.landscape_width if self.landscape else self.template.text_width
        available = width - ctx.indent
        widths = column_widths(lengths, available)

        tbl = _el("w:tbl")
        tbl_pr = _sub(tbl, "w:tblPr")
        _sub(tbl_pr, "w:tblStyle", {"w:val": self.styles["table"]})
        _sub(tbl_pr, "w:tblW", {"w:w": str(sum(widths)), "w:type": "dxa"})
        if ctx.indent:
            _sub(tbl_pr, "w:tblInd", {"w:w": str(ctx.indent), "w:type": "dxa"})
        _sub(tbl_pr, "w:tblLayout", {"w:type": "fixed"})
        _sub(tbl_pr, "w:tblLook", {"w:val": "04A0", "w:firstRow": "1", "w:lastRow": "0",
                                   "w:firstColumn": "0", "w:lastColumn": "0",
                                   "w:noHBand": "1", "w:noVBand": "1"})  # fmt: skip
        grid = _sub(tbl, "w:tblGrid")
        for width in widths:
            _sub(grid, "w:gridCol", {"w:w": str(width)})
        for header, cells in rows:
            tr = _sub(tbl, "w:tr")
            if header:
                tr_pr = _sub(tr, "w:trPr")
                _sub(tr_pr, "w:tblHeader")
            for index in range(columns):
                align, inline = cells[index] if index < len(cells) else (None, None)
                tc = _sub(tr, "w:tc")
                tc_pr = _sub(tc, "w:tcPr")
                _sub(tc_pr, "w:tcW", {"w:w": str(widths[index]), "w:type": "dxa"})
                p = self._new_paragraph(None, jc=align)
                tc.append(p)
                children = inline.children if inline is not None else []
                self._inline(p, children, ctx, _Fmt(bold=header))
        return tbl

    # ----------------------------------------------------------------- inline

    def _inline(
        self, parent: etree._Element, nodes: list[SyntaxTreeNode], ctx: _Ctx, fmt: _Fmt
    ) -> None:
        for node in nodes:
            kind = node.type
            if kind == "text":
                self._text(parent, node.content, fmt)
            elif kind == "softbreak":
                self._text(parent, " ", fmt)
            elif kind == "hardbreak":
                _sub(self._run(parent, fmt), "w:br")
                self.last_run = None
            elif kind == "strong":
                self._inline(parent, node.children, ctx, dataclasses.replace(fmt, bold=True))
            elif kind == "em":
                self._inline(parent, node.children, ctx, dataclasses.replace(fmt, italic=True))
            elif kind == "s":
                self._inline(parent, node.children, ctx, dataclasses.replace(fmt, strike=True))
            elif kind == "code_inline":
                self._text(parent, node.content, dataclasses.replace(fmt, code=True))
            elif kind == "link":
                self._link(parent, node, ctx, fmt)
            elif kind == "image":
                alt = _plain_text(node) or str(node.attrs.get("src", ""))
                self._text(parent, alt, dataclasses.replace(fmt, italic=True))
            elif kind == "html_inline":
                if _BR_RE.fullmatch(node.content.strip()):
                    _sub(self._run(parent, fmt), "w:br")
                    self.last_run = None
                # other inline HTML tags are dropped; the text between them stays
            elif kind == "footnote_ref":
                self._footnote_ref(parent, node, ctx, fmt)
            elif node.children:
                self._inline(parent, node.children, ctx, fmt)
            elif node.content:
                self._text(parent, node.content, fmt)

    def _run(
        self, parent: etree._Element, fmt: _Fmt, char_style: str | None = None
    ) -> etree._Element:
        """A ``w:r`` whose ``w:rPr`` children are in schema order."""
        run = _sub(parent, "w:r")
        if char_style is None:
            if fmt.link:
                char_style = self.styles["hyperlink"]
            elif fmt.code:
                char_style = self.styles["verbatim"]
        if char_style or fmt.bold or fmt.italic or fmt.strike:
            rpr = _sub(run, "w:rPr")
            if char_style:
                _sub(rpr, "w:rStyle", {"w:val": char_style})
            if fmt.link and fmt.code:
                mono = "Courier New"
                _sub(rpr, "w:rFonts", {"w:ascii": mono, "w:hAnsi": mono, "w:cs": mono})
            if fmt.bold:
                _sub(rpr, "w:b")
                _sub(rpr, "w:bCs")
            if fmt.italic:
                _sub(rpr, "w:i")
                _sub(rpr, "w:iCs")
            if fmt.strike:
                _sub(rpr, "w:strike")
        return run

    def _text(self, parent: etree._Element, text: str, fmt: _Fmt) -> None:
        """Write text, extending the previous run when its formatting is the same."""
        if not text:
            return
        last = self.last_run
        if last is not None and last[0] is parent and last[1] == fmt and "\t" not in text:
            t = last[2]
            t.text = (t.text or "") + _clean(text)
            if t.text[:1] == " " or t.text[-1:] == " " or "  " in t.text:
                t.set(_q("xml:space"), "preserve")
            return
        run = self._run(parent, fmt)
        _add_text(run, text)
        tail = run[-1] if len(run) else None
        self.last_run = (parent, fmt, tail) if tail is not None and tail.tag == _q("w:t") else None

    def _hyperlink_rid(self, part: Part, href: str) -> str:
        """The relationship id of an external link from ``part``, one per URL.

        ``Part.relate_to`` scans every relationship for each link, and a letter
        with a long source list has dozens, so ids come from a counter here
        (skipping any id already taken).
        """
        known = self.link_rids.setdefault(id(part), {})
        rid = known.get(href)
        if rid is None:
            number = self.next_rid.get(id(part), 1)
            while f"rId{number}" in part.rels:
                number += 1
            rid = f"rId{number}"
            self.next_rid[id(part)] = number + 1
            part.rels.add_relationship(RT.HYPERLINK, href, rid, is_external=True)
            known[href] = rid
        return rid

    def _link(self, parent: etree._Element, node: SyntaxTreeNode, ctx: _Ctx, fmt: _Fmt) -> None:
        href = _clean(str(node.attrs.get("href", "")))
        children = node.children or []
        if not href or href.startswith("#"):  # no bookmarks to point at: keep the text
            self._inline(parent, children, ctx, fmt)
            return
        rid = self._hyperlink_rid(ctx.part, href)
        link = _sub(parent, "w:hyperlink", {"r:id": rid, "w:history": "1"})
        title = node.attrs.get("title")
        if title:
            link.set(_q("w:tooltip"), _clean(str(title)))
        self.last_run = None
        if _plain_text(node).strip():
            self._inline(link, children, ctx, dataclasses.replace(fmt, link=True))
        else:
            self._text(link, href, dataclasses.replace(fmt, link=True))
        self.last_run = None

    def _checkbox(self, p: etree._Element, checked: bool, ctx: _Ctx) -> None:
        """A content control Word shows as a box one can tick (w14:checkbox)."""
        glyph = "\u2612" if checked else "\u2610"
        if ctx.part is not self.main:  # w14 is only declared on the main document
            _add_text(_sub(p, "w:r"), glyph)
            return
        sdt = _sub(p, "w:sdt")
        sdt_pr = _sub(sdt, "w:sdtPr")
        _sub(sdt_pr, "w:id", {"w:val": str(self.next_sdt_id)})
        self.next_sdt_id += 1
        box = _sub(sdt_pr, "w14:checkbox")
        _sub(box, "w14:checked", {"w14:val": "1" if checked else "0"})
        _sub(box, "w14:checkedState", {"w14:val": "2612", "w14:font": "MS Gothic"})
        _sub(box, "w14:uncheckedState", {"w14:val": "2610", "w14:font": "MS Gothic"})
        content = _sub(sdt, "w:sdtContent")
        run = _sub(content, "w:r")
        rpr = _sub(run, "w:rPr")
        _sub(rpr, "w:rFonts", {"w:ascii": "MS Gothic", "w:eastAsia": "MS Gothic",
                               "w:hAnsi": "MS Gothic", "w:hint": "eastAsia"})  # fmt: skip
        _add_text(run, glyph)
        self.last_run = None

    def _footnote_ref(
        self, parent: etree._Element, node: SyntaxTreeNode, ctx: _Ctx, fmt: _Fmt
    ) -> None:
        definition = self.footnote_defs.get(int(node.meta.get("id", -1)))
        if ctx.in_footnote or ctx.part is not self.main or definition is None:
            self._text(parent, f"[{node.meta.get('label', '')}]", fmt)
            return
        note_id = self.next_footnote_id
        self.next_footnote_id += 1
        run = self._run(parent, _Fmt(), char_style=self.styles["footnote_reference"])
        _sub(run, "w:footnoteReference", {"w:id": str(note_id)})
        self.last_run = None

        note = _sub(self.footnotes, "w:footnote", {"w:id": str(note_id)})
        saved_marker, self.pending_marker = self.pending_marker, None
        saved_break, self.page_break_pending = self.page_break_pending, False
        note_ctx = _Ctx(
            part=self.footnotes_part, para_style=self.styles["footnote_text"], in_footnote=True
        )
        blocks: list[etree._Element] = []
        self._blocks(definition.children, note_ctx, blocks)
        self.pending_marker, self.page_break_pending = saved_marker, saved_break
        if not blocks or blocks[0].tag != _q("w:p"):
            blocks.insert(0, self._new_paragraph(self.styles["footnote_text"]))
        first = blocks[0]
        ppr = first.find(_q("w:pPr"))
        position = 1 if ppr is not None else 0
        ref_run = self._run(first, _Fmt(), char_style=self.styles["footnote_reference"])
        _sub(ref_run, "w:footnoteRef")
        space = _sub(first, "w:r")
        _add_text(space, " ")
        first.insert(position, ref_run)
        first.insert(position + 1, space)
        for block in blocks:
            note.append(block)
        self.last_run = None


def _is_task_checkbox(node: SyntaxTreeNode) -> bool:
    return node.type == "html_inline" and "task-list-item-checkbox" in node.content


def _is_blank(part_root: etree._Element) -> bool:
    """True if a header/footer shows nothing (only empty paragraphs)."""
    return not _VISIBLE_XPATH(part_root)


def column_widths(lengths: list[int], total: int, minimum: int = _MIN_COLUMN) -> list[int]:
    """Share ``total`` twips between columns by content length, none narrower than ``minimum``.

    Lengths are clamped (very short columns still get room for a word, very
    long ones do not squeeze the rest), then the shares are scaled so they sum
    to ``total`` exactly.
    """
    count = len(lengths)
    if count == 0:
        return []
    if count * minimum >= total:
        base = total // count
        return [base + (1 if i < total - base * count else 0) for i in range(count)]
    weights = [float(min(max(length, 4), 60)) for length in lengths]
    widths = [0.0] * count
    fixed: set[int] = set()
    while True:
        free = [i for i in range(count) if i not in fixed]
        room = total - minimum * len(fixed)
        weight_sum = sum(weights[i] for i in free)
        for i in free:
            widths[i] = room * weights[i] / weight_sum
        narrow = [i for i in free if widths[i] < minimum]
        if not narrow:
            break
        for i in narrow:
            widths[i] = minimum
            fixed.add(i)
    result = [int(w) for w in widths]
    widest = max(range(count), key=lambda i: result[i])
    result[widest] += total - sum(result)
    return result


# --------------------------------------------------------------------------- API


def markdown_to_docx(
    meta: FrontMatter,
    body: str,
    reference_doc: Path | None = None,
    source: str = "<markdown>",
) -> bytes:
    """Render Markdown body + front matter to the bytes of a .docx file.

    ``meta`` supplies the title block, document properties, language, header
    and footer; ``body`` is the Markdown after its front matter.
    ``reference_doc`` is a .docx whose styles, fonts, margins and header/footer
    are used instead of ours (a letterhead); styles it lacks are copied from
    ours. ``source`` names the Markdown in error messages.

    The same arguments always give the same bytes. Raises
    :class:`~advocacy.errors.AdvocacyError` for a reference document that
    cannot be used or for Markdown too large to convert.
    """
    if len(body) > MAX_MARKDOWN_CHARS:
        raise AdvocacyError(
            f"the Markdown is too long to convert ({len(body)} characters, limit {MAX_MARKDOWN_CHARS})",
            source,
            hint="split the document into smaller ones",
        )
    template = _load_template(reference_doc)
    document = copy.deepcopy(template.document)
    return _Writer(document, template, meta).render(body)
