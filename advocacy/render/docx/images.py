"""Markdown images → pictures in ``word/media``, sized to the page, with their alt text.

Only local PNG and JPEG files in the Markdown file's folder (or below it) are
embedded. Remote URLs are never fetched, and a path that leaves the folder is
not followed, so rendering someone else's Markdown cannot pull in other files
from your disk. Anything not embedded is reported as a warning and its alt
text is shown instead.
"""

from __future__ import annotations

import dataclasses
import re
import struct
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote

from lxml import etree

from advocacy.render.docx.opc import CT, Part

#: An image file larger than this is not embedded.
MAX_IMAGE_BYTES = 20_000_000

_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")  # PNG, JPEG
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:|^//")
_WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_PIC_NS = "http://schemas.openxmlformats.org/drawingml/2006/picture"
_SHAPE_IDS = etree.XPath("//wp:docPr/@id", namespaces={"wp": _WP_NS})


class ImageRefused(Exception):
    """An image that is not embedded: the reason, and what the author can do."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.hint = hint


def read_image(src: str, base_dir: Path | None) -> tuple[bytes, str]:
    """The bytes and file name of local image ``src``, or :class:`ImageRefused`."""
    if _SCHEME.match(src) and not re.match(r"^[A-Za-z]:[\\/]", src):
        raise ImageRefused(
            f"image {src!r} is not embedded: images given by a URL are not fetched",
            "save the image beside the Markdown file and link it by its file name",
        )
    if base_dir is None:
        raise ImageRefused(
            f"image {src!r} is not embedded: there is no Markdown file to find it from",
            "render the Markdown from a file with 'advocacy render'",
        )
    folder = base_dir.resolve()
    path = (folder / unquote(src)).resolve()
    if not path.is_relative_to(folder):
        raise ImageRefused(
            f"image {src!r} is not embedded: it is outside the Markdown file's folder",
            "copy the image into the Markdown file's folder (or a folder below it)",
        )
    if not path.is_file():
        raise ImageRefused(
            f"image {src!r} is not embedded: there is no such file",
            "check the path; it is relative to the Markdown file",
        )
    try:
        size = path.stat().st_size
        if size > MAX_IMAGE_BYTES:
            raise ImageRefused(
                f"image {src!r} is not embedded: it is {size:,} bytes (limit {MAX_IMAGE_BYTES:,})",
                "save it smaller (a page-wide picture needs about 2,000 pixels)",
            )
        data = path.read_bytes()
    except OSError as exc:
        raise ImageRefused(
            f"image {src!r} is not embedded: {exc.strerror or exc}",
            "check the path; it is relative to the Markdown file",
        ) from None
    if not any(data.startswith(magic) for magic in _MAGIC):
        raise ImageRefused(
            f"image {src!r} is not embedded: only PNG and JPEG images are",
            "save the image as PNG (drawings, charts) or JPEG (photographs)",
        )
    return data, path.name


@dataclasses.dataclass(frozen=True)
class Image:
    """What a picture needs of an image file: its type, pixels and resolution."""

    content_type: str
    extension: str
    px_width: int
    px_height: int
    dpi_x: int
    dpi_y: int

    @property
    def width(self) -> int:
        """Width at the image's own resolution, EMU."""
        return int(self.px_width / self.dpi_x * _EMU_PER_INCH)

    @property
    def height(self) -> int:
        return int(self.px_height / self.dpi_y * _EMU_PER_INCH)


_EMU_PER_INCH = 914400
#: The resolution assumed when a file gives none (as Word does).
_DEFAULT_DPI = 72


def open_image(data: bytes, name: str) -> Image:
    """``data`` read as an image (size and resolution), or :class:`ImageRefused`."""
    try:
        image = _png(data) if data.startswith(_MAGIC[0]) else _jpeg(data)
    except (ValueError, struct.error) as exc:
        raise ImageRefused(
            f"image {name!r} is not embedded: it cannot be read ({exc})",
            "open it in an image editor and save it again as PNG or JPEG",
        ) from None
    return image


def _dpi(value: float) -> int:
    dpi = round(value)
    return dpi if dpi > 0 else _DEFAULT_DPI


def _png(data: bytes) -> Image:
    """Size from the IHDR chunk, resolution from pHYs (pixels per metre) if present."""
    offset, size, dpi = 8, None, (_DEFAULT_DPI, _DEFAULT_DPI)
    while offset + 8 <= len(data):
        length, kind = struct.unpack_from(">I4s", data, offset)
        body = offset + 8
        if kind == b"IHDR":
            size = struct.unpack_from(">II", data, body)
        elif kind == b"pHYs":
            per_x, per_y, unit = struct.unpack_from(">IIB", data, body)
            if unit == 1:  # per metre
                dpi = (_dpi(per_x * 0.0254), _dpi(per_y * 0.0254))
        elif kind in (b"IDAT", b"IEND"):
            break
        offset = body + length + 4  # data and CRC
    if not size or not all(size):
        raise ValueError("no image size in the PNG header")
    return Image(CT.PNG, "png", size[0], size[1], *dpi)


def _jpeg(data: bytes) -> Image:
    """Size from the start-of-frame marker, resolution from the JFIF header if present."""
    offset, size, dpi = 2, None, (_DEFAULT_DPI, _DEFAULT_DPI)
    while offset + 4 <= len(data) and size is None:
        if data[offset] != 0xFF:
            raise ValueError("a damaged JPEG marker")
        marker = data[offset + 1]
        if marker == 0xFF:  # fill byte
            offset += 1
            continue
        if marker in (0x01, *range(0xD0, 0xD8)):  # markers without a length
            offset += 2
            continue
        (length,) = struct.unpack_from(">H", data, offset + 2)
        body = data[offset + 4 : offset + 2 + length]
        if marker == 0xE0 and body.startswith(b"JFIF\x00") and len(body) >= 12:
            unit, density_x, density_y = struct.unpack_from(">BHH", body, 7)
            if unit in (1, 2):  # per inch, per centimetre
                factor = 1 if unit == 1 else 2.54
                dpi = (_dpi(density_x * factor), _dpi(density_y * factor))
        elif 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack_from(">HH", body, 1)
            size = (width, height)
        offset += 2 + length
    if not size or not all(size):
        raise ValueError("no image size in the JPEG header")
    return Image(CT.JPEG, "jpg", size[0], size[1], *dpi)


def picture(image: Image, rid: str, shape_id: int, name: str, alt: str,
            max_width: int) -> etree._Element:  # fmt: skip
    """A ``wp:inline`` showing ``image`` at its own size, or ``max_width`` EMU if narrower.

    ``rid`` relates the story part to the image part; ``alt`` becomes the
    description (``wp:docPr/@descr``) that screen readers announce.
    """
    cx = min(image.width, max_width)
    cy = round(image.height * cx / image.width)
    xml = _INLINE_XML.format(cx=cx, cy=cy, id=shape_id, rid=rid)
    inline = etree.fromstring(xml)
    for props in inline.iter(f"{{{_WP_NS}}}docPr", f"{{{_PIC_NS}}}cNvPr"):
        if props.tag == f"{{{_PIC_NS}}}cNvPr":
            props.set("name", name)
        if alt:
            props.set("descr", alt)
    return inline


_A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
_R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#: A picture as Word writes one in line with the text.
_INLINE_XML = (
    f'<wp:inline xmlns:wp="{_WP_NS}" xmlns:a="{_A_NS}" xmlns:pic="{_PIC_NS}" xmlns:r="{_R_NS}"'
    ' distT="0" distB="0" distL="0" distR="0">'
    '<wp:extent cx="{cx}" cy="{cy}"/><wp:docPr id="{id}" name="Picture {id}"/>'
    '<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>'
    f'<a:graphic><a:graphicData uri="{_PIC_NS}"><pic:pic>'
    '<pic:nvPicPr><pic:cNvPr id="0" name=""/><pic:cNvPicPr/></pic:nvPicPr>'
    '<pic:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
    '<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
    '<a:prstGeom prst="rect"/></pic:spPr>'
    "</pic:pic></a:graphicData></a:graphic></wp:inline>"
)

#: Parts whose text may hold drawings.
_STORY_TYPES = frozenset(
    {CT.DOCUMENT_MAIN, CT.HEADER, CT.FOOTER, CT.FOOTNOTES}
    | {f"application/vnd.openxmlformats-officedocument.wordprocessingml.{k}+xml"
       for k in ("endnotes", "comments")}
)  # fmt: skip


def max_shape_id(parts: Iterable[Part]) -> int:
    """The highest drawing id (``wp:docPr/@id``) in the story parts (a letterhead's logo, say)."""
    highest = 0
    for part in parts:
        if part.content_type in _STORY_TYPES:
            for value in _SHAPE_IDS(part.element):
                if str(value).isdigit():
                    highest = max(highest, int(value))
    return highest
