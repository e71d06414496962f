"""Zip limits are enforced on the bytes produced, not on what the headers claim."""

from __future__ import annotations

import io
import struct
import zipfile

import pytest

from advocacy.safezip import ZipLimitError, ZipLimits, read_members


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _lie_about_sizes(data: bytes, claimed: int) -> bytes:
    """Rewrite every local and central header to claim ``claimed`` uncompressed bytes."""
    raw = bytearray(data)
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (found := raw.find(signature, start)) != -1:
            struct.pack_into("<I", raw, found + offset, claimed)
            start = found + 4
    return bytes(raw)


def test_reads_named_members_and_skips_missing_ones() -> None:
    data = _zip({"a.xml": b"<a/>", "b.xml": b"<b/>"})
    assert read_members(data, ["a.xml", "missing.xml"]) == {"a.xml": b"<a/>"}
    assert read_members(data) == {"a.xml": b"<a/>", "b.xml": b"<b/>"}


def test_a_header_that_understates_the_size_does_not_get_past_the_limit() -> None:
    bomb = _lie_about_sizes(_zip({"word/document.xml": b"\0" * (8 * 2**20)}), claimed=100)
    limits = ZipLimits(max_total_bytes=2 * 2**20, ratio_floor_bytes=0)
    with pytest.raises((ZipLimitError, zipfile.BadZipFile)):
        read_members(bomb, limits=limits)


def test_total_is_counted_while_streaming() -> None:
    data = _zip({f"part{i}.xml": bytes(600_000) for i in range(4)})
    with pytest.raises(ZipLimitError, match="expands to more than"):
        read_members(data, limits=ZipLimits(max_total_bytes=2 * 2**20, max_ratio=10_000))


def test_ratio_is_counted_while_streaming() -> None:
    data = _zip({"word/document.xml": bytes(4 * 2**20)})
    with pytest.raises(ZipLimitError, match="expands more than 100:1"):
        read_members(data, limits=ZipLimits(ratio_floor_bytes=0))


def test_too_many_entries() -> None:
    data = _zip({f"{i}.xml": b"x" for i in range(30)})
    with pytest.raises(ZipLimitError, match="30 entries"):
        read_members(data, limits=ZipLimits(max_entries=20))
