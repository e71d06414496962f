"""The reference document: load it, prepare it to write into, and cache it.

As with pandoc's ``reference.docx``, the writer names styles and the
reference document defines them: ours is ``templates/reference.docx`` (built
by ``scripts/build_reference_docx.py``); a user's letterhead can take its
place, and any style or list definition it lacks is copied from ours.
Preparing a reference runs once per file (keyed by path, mtime and size).
"""

from __future__ import annotations

import copy
import dataclasses
import functools
import zipfile
from pathlib import Path

from lxml import etree

from advocacy.errors import AdvocacyError
from advocacy.render.docx.footnotes import ensure_footnotes, strip_notes
from advocacy.render.docx.layout import text_width
from advocacy.render.docx.numbering import (
    BULLET_NAME,
    DECIMAL_NAME,
    ensure_abstract_num,
    find_or_add_num,
    numbering_part,
)
from advocacy.render.docx.ooxml import MC_NS, W14_NS, W_NS, q, sub, twips
from advocacy.render.docx.opc import CT, RT, Package
from advocacy.resources import templates_dir

STYLES_WITH_EFFECTS_RT = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"

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


@dataclasses.dataclass(frozen=True)
class Template:
    """A reference document made ready to write into, loaded once per path."""

    data: bytes  # the prepared .docx: empty body, every style and definition we need
    style_ids: dict[str, str]  # role -> styleId in this document
    bullet_num: int  # w:num for all bullet lists
    decimal_abstract: int  # abstractNumId that numbered lists instantiate
    text_width: int  # twips between the margins
    footer_tabs: tuple[int, ...]  # tab stops of the Footer style, cleared in our footer
    font_size: int  # of body text (and tables), half-points

    @functools.cached_property
    def package(self) -> Package:
        """``data`` opened once; each render writes into a :meth:`~Package.copy`.

        The parts every render changes are parsed here, once: a copy of a
        parsed part is cheaper than parsing it again for each letter of a batch.
        """
        package = Package.from_bytes(self.data)
        for part in package.iter_parts():
            if part.content_type in _WRITTEN_PARTS:
                part.element  # noqa: B018 - parses the part
        return package


@dataclasses.dataclass(frozen=True)
class _OurStyles:
    """Style and numbering definitions of our reference, to fill gaps in a user's."""

    styles: dict[str, etree._Element]  # styleId -> w:style
    ids_by_name: dict[tuple[str, str], str]  # (type, lower name) -> styleId
    abstract_nums: dict[str, etree._Element]  # name -> w:abstractNum


#: Content types of the parts a render writes into.
_WRITTEN_PARTS = frozenset(
    {CT.DOCUMENT_MAIN, CT.STYLES, CT.NUMBERING, CT.FOOTNOTES, CT.HEADER, CT.FOOTER}
)

_TEMPLATES: dict[tuple[str, int, int], Template] = {}
_OURS: dict[tuple[str, int, int], _OurStyles] = {}


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
    load_template(reference_doc).package  # noqa: B018 - loads the cached property


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


def load_template(reference_doc: Path | None) -> Template:
    """The prepared reference document (``None``: ours), from the cache when unchanged."""
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
        by_id = {s.get(q("w:styleId")): s for s in styles.iter(q("w:style"))}
        by_name = {_style_key(s): sid for sid, s in by_id.items()}
        abstract = {}
        for element in numbering.iter(q("w:abstractNum")):
            name = element.find(q("w:name"))
            if name is not None:
                abstract[name.get(q("w:val"))] = element
        ours = _OurStyles(by_id, by_name, abstract)
        _OURS.clear()
        _OURS[key] = ours
    return ours


def _style_key(style: etree._Element) -> tuple[str, str]:
    name = style.find(q("w:name"))
    label = name.get(q("w:val"), "") if name is not None else style.get(q("w:styleId"), "")
    return (style.get(q("w:type"), "paragraph"), label.lower())


def _prepare_user_template(data: bytes, file: str, ours: _OurStyles) -> Template:
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


def _prepare_template(data: bytes, file: str, ours: _OurStyles) -> Template:
    """Turn a reference document into an empty document holding all we need.

    Runs once per reference file: clears the body (keeping the page setup),
    drops ``stylesWithEffects.xml``, declares the w14 namespace the checkboxes
    need, copies missing styles and list definitions from our reference, and
    makes sure a footnotes part exists.
    """
    not_docx = "pass a .docx saved by Word or LibreOffice (save a .dotx template as .docx first)"
    try:
        package = Package.from_bytes(data)
        main = package.main
    except (zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError) as exc:
        raise AdvocacyError(
            f"cannot use the reference document: it is not a Word .docx file ({exc})",
            file,
            hint=not_docx,
        ) from exc
    if main.content_type != CT.DOCUMENT_MAIN:
        raise AdvocacyError(
            "cannot use the reference document: it is not a Word .docx file"
            f" (its main part is {main.content_type or 'of no known type'})",
            file,
            hint=not_docx,
        )
    # stylesWithEffects goes stale once we add styles; comments belong to the
    # body we clear; a thumbnail is a picture of the letterhead, not of our document.
    main.drop_rels({STYLES_WITH_EFFECTS_RT, *_BODY_ONLY_RELTYPES})
    package.root.drop_rels({RT.THUMBNAIL})

    root = _with_w14(main.element)
    main.element = root
    body = root.find(q("w:body"))
    if body is None:
        raise AdvocacyError(
            "the reference document has no body",
            file,
            hint="pass a .docx saved by Word or LibreOffice",
        )
    sect_pr = body[-1] if len(body) and body[-1].tag == q("w:sectPr") else None
    for child in list(body):
        if child is not sect_pr:
            body.remove(child)
    if sect_pr is None:
        sect_pr = sub(body, "w:sectPr")
        sub(sect_pr, "w:pgSz", {"w:w": "12240", "w:h": "15840"})
        sub(sect_pr, "w:pgMar", {"w:top": "1440", "w:right": "1440", "w:bottom": "1440",
                                 "w:left": "1440", "w:header": "720", "w:footer": "720",
                                 "w:gutter": "0"})  # fmt: skip

    styles = package.related_or_add(
        main, RT.STYLES, "/word/styles%s.xml", CT.STYLES, _empty("styles")
    ).element
    style_ids = {
        role: _ensure_style(styles, ours, kind, name) for role, (kind, name) in _ROLES.items()
    }

    numbering = numbering_part(package).element
    bullet_abstract = ensure_abstract_num(numbering, ours.abstract_nums, BULLET_NAME)
    decimal_abstract = ensure_abstract_num(numbering, ours.abstract_nums, DECIMAL_NAME)
    bullet_num = find_or_add_num(numbering, bullet_abstract)

    settings = package.related_or_add(
        main, RT.SETTINGS, "/word/settings%s.xml", CT.SETTINGS, _empty("settings")
    ).element
    ensure_footnotes(package, settings)
    endnotes = main.related(RT.ENDNOTES)
    if endnotes is not None:
        strip_notes(endnotes)

    return Template(
        data=package.to_bytes(),
        style_ids=style_ids,
        bullet_num=bullet_num,
        decimal_abstract=decimal_abstract,
        text_width=text_width(sect_pr),
        footer_tabs=_style_tabs(styles, style_ids["footer"]),
        font_size=_font_size(styles, style_ids["normal"]),
    )


def _empty(name: str) -> bytes:
    """An empty ``w:name`` part, for a reference document that lacks one."""
    return f'<w:{name} xmlns:w="{W_NS}"/>'.encode()


def _with_w14(root: etree._Element) -> etree._Element:
    """The document root, rebuilt if needed so it declares w14 and lists it in mc:Ignorable.

    Checkbox content controls are w14 elements; consumers that predate Word
    2010 may ignore them only if the root says so.
    """
    ignorable = root.get(q("mc:Ignorable"), "").split()
    if root.nsmap.get("w14") == W14_NS and root.nsmap.get("mc") == MC_NS and "w14" in ignorable:
        return root
    nsmap = {k: v for k, v in root.nsmap.items() if k not in ("w14", "mc")}
    nsmap.update({"w14": W14_NS, "mc": MC_NS})
    new_root = etree.Element(root.tag, nsmap=nsmap)
    for key, value in root.attrib.items():
        new_root.set(key, value)
    prefixes = [p for p in ignorable if p in nsmap and p != "w14"] + ["w14"]
    new_root.set(q("mc:Ignorable"), " ".join(prefixes))
    new_root.extend(list(root))
    return new_root


def _ensure_style(styles: etree._Element, ours: _OurStyles, kind: str, name: str) -> str:
    """The styleId of style ``name`` in ``styles``, copying ours in if it is missing."""
    existing = {_style_key(s): s.get(q("w:styleId")) for s in styles.iter(q("w:style"))}
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
    taken = {s.get(q("w:styleId")) for s in styles.iter(q("w:style"))}
    new_id = our_id
    counter = 1
    while new_id in taken:
        counter += 1
        new_id = f"{our_id}{counter}"
    style.set(q("w:styleId"), new_id)
    if style.get(q("w:default")):
        del style.attrib[q("w:default")]
    # Point basedOn/next at the user's equivalents (by name); copy what is missing.
    for ref_tag in ("w:basedOn", "w:next", "w:link"):
        ref = style.find(q(ref_tag))
        if ref is None:
            continue
        target = ours.styles.get(ref.get(q("w:val")))
        if target is None or ref_tag == "w:link":
            style.remove(ref)
            continue
        target_kind, target_name = _style_key(target)
        if (target_kind, target_name) == (kind, name.lower()):
            ref.set(q("w:val"), new_id)
            continue
        name_el = target.find(q("w:name"))
        label = name_el.get(q("w:val")) if name_el is not None else target_name
        ref.set(q("w:val"), _ensure_style(styles, ours, target_kind, label))
    styles.append(style)
    return new_id


def _style_tabs(styles: etree._Element, style_id: str) -> tuple[int, ...]:
    """Tab stops a paragraph in ``style_id`` inherits (through basedOn)."""
    by_id = {s.get(q("w:styleId")): s for s in styles.iter(q("w:style"))}
    positions: set[int] = set()
    seen: set[str] = set()
    current = by_id.get(style_id)
    while current is not None and current.get(q("w:styleId")) not in seen:
        seen.add(current.get(q("w:styleId")))
        for tab in current.iterfind(f"{q('w:pPr')}/{q('w:tabs')}/{q('w:tab')}"):
            if tab.get(q("w:val")) != "clear":
                positions.add(twips(tab.get(q("w:pos")), 0))
        based = current.find(q("w:basedOn"))
        current = by_id.get(based.get(q("w:val"))) if based is not None else None
    return tuple(sorted(positions))


def _font_size(styles: etree._Element, normal_id: str) -> int:
    """The size of body text in half-points: the Normal style's, else the document default."""
    size_path = f"{q('w:rPr')}/{q('w:sz')}"
    for style in styles.iter(q("w:style")):
        if style.get(q("w:styleId")) == normal_id:
            size = style.find(size_path)
            if size is not None:
                return twips(size.get(q("w:val")), 20)
    default = styles.find(f"{q('w:docDefaults')}/{q('w:rPrDefault')}/{size_path}")
    return twips(default.get(q("w:val")), 20) if default is not None else 20  # Word's 10 pt
