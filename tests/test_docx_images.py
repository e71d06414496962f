"""Markdown images in DOCX: embedded in word/media, sized to the page, alt text kept.

Only local PNG and JPEG files in the Markdown file's folder are embedded;
anything else is shown as its alt text, with a warning naming the image.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from conftest import openxml_audit, xpath
from lxml import etree

from advocacy.cli import main
from advocacy.errors import Diagnostic
from advocacy.render import render

TEXT_WIDTH_EMU = 9360 * 635  # Letter, 1-inch margins


def png(width: int, height: int, dpi: int | None = None) -> bytes:
    """A grey PNG of the given size (and resolution, if given)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\x80" * (3 * width) for _ in range(height))
    phys = b""
    if dpi:
        per_metre = round(dpi / 0.0254)
        phys = chunk(b"pHYs", struct.pack(">IIB", per_metre, per_metre, 1))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + phys
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def jpeg(width: int, height: int) -> bytes:
    """The headers of a baseline JPEG (JFIF at 96 dpi, SOF0 with the size)."""
    app0 = b"JFIF\x00\x01\x01\x01" + struct.pack(">HH", 96, 96) + b"\x00\x00"
    sof0 = struct.pack(">BHHB", 8, height, width, 1) + b"\x01\x11\x00"
    return (
        b"\xff\xd8"
        + b"\xff\xe0" + struct.pack(">H", len(app0) + 2) + app0
        + b"\xff\xc0" + struct.pack(">H", len(sof0) + 2) + sof0
        + b"\xff\xd9"
    )  # fmt: skip


def write(folder: Path, markdown: str) -> Path:
    source = folder / "notes.md"
    source.write_text(markdown, "utf-8")
    return source


def build(source: Path) -> tuple[bytes, list[Diagnostic]]:
    warnings: list[Diagnostic] = []
    text = source.read_text("utf-8")
    data = render(text, "docx", source=str(source), base_dir=source.parent, warnings=warnings)
    return data, warnings


def drawings(data: bytes) -> list[etree._Element]:
    return xpath(docx.Document(io.BytesIO(data)).element.body, ".//w:drawing/wp:inline")


def extent(inline: etree._Element) -> tuple[int, int]:
    (ext,) = xpath(inline, "wp:extent")
    return int(ext.get("cx")), int(ext.get("cy"))


def test_png_beside_the_markdown_is_embedded_with_its_alt_text(tmp_path: Path) -> None:
    (tmp_path / "chart.png").write_bytes(png(100, 50, dpi=96))
    source = write(tmp_path, "# Chart\n\n![Peer staff by region](chart.png)\n")
    out = tmp_path / "notes.docx"
    result = CliRunner().invoke(main, ["render", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "warning" not in result.output
    with zipfile.ZipFile(out) as archive:
        assert archive.read("word/media/image1.png") == (tmp_path / "chart.png").read_bytes()
        assert (
            'Extension="png" ContentType="image/png"'
            in archive.read("[Content_Types].xml").decode()
        )
    (inline,) = drawings(out.read_bytes())
    assert xpath(inline, "wp:docPr/@descr") == ["Peer staff by region"]
    assert extent(inline) == (952500, 476250)  # 100 x 50 px at 96 dpi: its own size
    openxml_audit(out)


def test_a_wide_image_is_scaled_to_the_text_width_keeping_its_shape(tmp_path: Path) -> None:
    (tmp_path / "wide.png").write_bytes(png(3000, 1000))
    data, warnings = build(write(tmp_path, "![Wide](wide.png)\n"))
    assert warnings == []
    cx, cy = extent(drawings(data)[0])
    assert cx == TEXT_WIDTH_EMU
    assert abs(cy * 3 - cx) <= 3


def test_an_image_in_a_table_fits_its_column(tmp_path: Path) -> None:
    (tmp_path / "wide.png").write_bytes(png(3000, 1000))
    markdown = "| Region | Chart |\n|---|---|\n| West | ![Chart](wide.png) |\n"
    data, _ = build(write(tmp_path, markdown))
    body = docx.Document(io.BytesIO(data)).element.body
    columns = [int(v) for v in xpath(body, ".//w:gridCol/@w:w")]
    cx, _ = extent(drawings(data)[0])
    assert cx <= (columns[1] - 216) * 635


def test_jpeg_is_embedded_and_the_same_image_twice_is_stored_once(tmp_path: Path) -> None:
    (tmp_path / "photo.jpg").write_bytes(jpeg(200, 100))
    data, warnings = build(write(tmp_path, "![One](photo.jpg)\n\n![Two](photo.jpg)\n"))
    assert warnings == []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert [n for n in archive.namelist() if n.startswith("word/media/")] == [
            "word/media/image1.jpg"
        ]
    ids = [xpath(i, "wp:docPr/@id")[0] for i in drawings(data)]
    assert len(set(ids)) == 2  # every drawing has its own id


@pytest.mark.parametrize(
    ("src", "message"),
    [
        ("https://example.org/chart.png", "images given by a URL are not fetched"),
        ("//example.org/chart.png", "images given by a URL are not fetched"),
        ("data:image/png;base64,iVBORw0KGgo=", "images given by a URL are not fetched"),
        ("../outside.png", "outside the Markdown file's folder"),
        ("missing.png", "there is no such file"),
        ("", "there is no such file"),
        ("drawing.gif", "only PNG and JPEG images are"),
    ],
)
def test_images_not_embedded_show_their_alt_text_and_warn(
    tmp_path: Path, src: str, message: str
) -> None:
    folder = tmp_path / "doc"
    folder.mkdir()
    (tmp_path / "outside.png").write_bytes(png(10, 10))
    (folder / "drawing.gif").write_bytes(b"GIF89a" + b"\x00" * 20)
    source = write(folder, f"Before ![A chart]({src}) after.\n")
    out = folder / "notes.docx"
    result = CliRunner().invoke(main, ["render", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert f"{source}: warning: image" in result.output and message in result.output
    document = docx.Document(str(out))
    assert document.paragraphs[0].text == "Before A chart after."
    assert any(run.italic and run.text == "A chart" for run in document.paragraphs[0].runs)
    assert not drawings(out.read_bytes())


def test_without_a_markdown_file_images_are_not_looked_for() -> None:
    warnings: list[Diagnostic] = []
    render("![Alt](chart.png)\n", "docx", warnings=warnings)
    assert len(warnings) == 1 and "no Markdown file" in warnings[0].message


def test_oversized_and_damaged_images_are_not_embedded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from advocacy.render.docx import images

    monkeypatch.setattr(images, "MAX_IMAGE_BYTES", 50)
    (tmp_path / "big.png").write_bytes(png(200, 200))
    (tmp_path / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 10)
    data, warnings = build(write(tmp_path, "![Big](big.png) ![Broken](broken.png)\n"))
    messages = [w.message for w in warnings]
    assert any("'big.png'" in m and "limit 50)" in m for m in messages)
    assert any("'broken.png'" in m and "cannot be read" in m for m in messages)
    assert not drawings(data)
