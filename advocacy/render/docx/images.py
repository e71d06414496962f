"""Markdown images → pictures in ``word/media``, sized to the page, with their alt text.

Only local PNG and JPEG files in the Markdown file's folder (or below it) are
embedded. Remote URLs are never fetched, and a path that leaves the folder is
not followed, so rendering someone else's Markdown cannot pull in other files
from your disk. Anything not embedded is reported as a warning and its alt
text is shown instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote

from docx.image.image import Image
from docx.opc.part import Part, XmlPart
from docx.oxml.shape import CT_Inline
from lxml import etree

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


def open_image(data: bytes, name: str) -> Image:
    """``data`` read as an image (size and resolution), or :class:`ImageRefused`."""
    try:
        return Image.from_blob(data)
    except Exception as exc:  # a damaged header: python-docx raises several types
        raise ImageRefused(
            f"image {name!r} is not embedded: it cannot be read ({exc or type(exc).__name__})",
            "open it in an image editor and save it again as PNG or JPEG",
        ) from None


def picture(image: Image, rid: str, shape_id: int, name: str, alt: str,
            max_width: int) -> etree._Element:  # fmt: skip
    """A ``wp:inline`` showing ``image`` at its own size, or ``max_width`` EMU if narrower.

    ``rid`` relates the story part to the image part; ``alt`` becomes the
    description (``wp:docPr/@descr``) that screen readers announce.
    """
    cx, cy = image.scaled_dimensions(min(image.width, max_width), None)
    inline = CT_Inline.new_pic_inline(shape_id, rid, name, cx, cy)
    if alt:
        for props in inline.iter(f"{{{_WP_NS}}}docPr", f"{{{_PIC_NS}}}cNvPr"):
            props.set("descr", alt)
    return inline


def max_shape_id(parts: Iterable[Part]) -> int:
    """The highest drawing id (``wp:docPr/@id``) in the XML parts (a letterhead's logo, say)."""
    highest = 0
    for part in parts:
        if isinstance(part, XmlPart):
            for value in _SHAPE_IDS(part.element):
                if str(value).isdigit():
                    highest = max(highest, int(value))
    return highest
