"""Reading zip packages (.docx) from strangers without trusting their headers.

A zip entry's header states its uncompressed size, and a hostile file can
state a small one and inflate to gigabytes. So every limit here is enforced
on the bytes actually produced while decompressing, counted as they stream:
the total, each entry's ratio to its compressed size, and the entry count.
"""

from __future__ import annotations

import functools
import io
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from advocacy.errors import AdvocacyError

_CHUNK = 64 * 1024


@dataclass(frozen=True)
class ZipLimits:
    """How much a package may hold once unpacked."""

    max_entries: int = 1_000
    max_total_bytes: int = 100 * 1024 * 1024
    max_ratio: int = 100  # uncompressed / compressed, per entry
    #: Entries this small may compress better than ``max_ratio`` (XML of
    #: repeated markup does); they still count towards the total.
    ratio_floor_bytes: int = 1024 * 1024


class ZipLimitError(AdvocacyError):
    """A package broke a :class:`ZipLimits` limit: refused as a possible zip bomb."""


def read_members(
    source: Path | bytes,
    names: Iterable[str] | None = None,
    *,
    limits: ZipLimits = ZipLimits(),
    file: str | None = None,
) -> dict[str, bytes]:
    """The named entries of a zip (all entries when ``names`` is None), decompressed.

    Raises :class:`ZipLimitError` when the package breaks ``limits`` and
    :class:`zipfile.BadZipFile` when it is not a zip or an entry is damaged
    (including a CRC or size mismatch), so callers word that error themselves.
    Entries of ``names`` that are missing are simply absent from the result.
    """
    where = file if file is not None else (str(source) if isinstance(source, Path) else None)
    handle = source if isinstance(source, Path) else io.BytesIO(source)
    with zipfile.ZipFile(handle) as archive:
        entries = archive.infolist()
        if len(entries) > limits.max_entries:
            raise ZipLimitError(
                f"the package has {len(entries):,} entries; a Word document has a few dozen",
                where,
                hint="refused as a possible zip bomb",
            )
        wanted = None if names is None else set(names)
        members: dict[str, bytes] = {}
        total = 0
        for entry in entries:
            if entry.is_dir() or (wanted is not None and entry.filename not in wanted):
                continue
            data, total = _read_entry(archive, entry, total, limits, where)
            members[entry.filename] = data
        return members


def _read_entry(
    archive: zipfile.ZipFile,
    entry: zipfile.ZipInfo,
    total: int,
    limits: ZipLimits,
    where: str | None,
) -> tuple[bytes, int]:
    allowed_by_ratio = max(limits.ratio_floor_bytes, max(entry.compress_size, 1) * limits.max_ratio)
    chunks: list[bytes] = []
    size = 0
    try:
        with archive.open(entry) as stream:
            while chunk := stream.read(_CHUNK):
                size += len(chunk)
                total += len(chunk)
                if total > limits.max_total_bytes:
                    raise ZipLimitError(
                        f"the package expands to more than {limits.max_total_bytes / 2**20:,.0f} MB",
                        where,
                        hint="refused as a possible zip bomb",
                    )
                if size > allowed_by_ratio:
                    raise ZipLimitError(
                        f"{entry.filename} expands more than {limits.max_ratio}:1",
                        where,
                        hint="refused as a possible zip bomb",
                    )
                chunks.append(chunk)
    except (zlib.error, EOFError, OSError) as exc:
        raise zipfile.BadZipFile(f"{entry.filename}: {exc}") from exc
    except (RuntimeError, NotImplementedError) as exc:  # encrypted or unusual compression
        raise zipfile.BadZipFile(f"{entry.filename} cannot be read: {exc}") from exc
    return b"".join(chunks), total


def parse_xml(data: bytes, *, remove_blank_text: bool = False) -> Any:
    """An XML part of a stranger's package, parsed without entities, DTDs or the network.

    Word never declares entities, so a part that does is refused (``ValueError``)
    rather than risk an entity bomb or a local file read into the output.
    Damaged XML raises ``lxml.etree.XMLSyntaxError``. ``remove_blank_text``
    drops whitespace between elements, as a part to write into wants.
    """
    from lxml import etree

    if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data:
        raise ValueError("XML that declares entities or a DTD, which Word never writes")
    return etree.fromstring(data, _parser(remove_blank_text))


def parse_part(data: bytes, path: Path | str) -> Any:
    """:func:`parse_xml` for a part of the Word file at ``path``, with a clear refusal."""
    from lxml import etree

    try:
        return parse_xml(data)
    except ValueError:
        raise AdvocacyError(
            "the document's XML declares entities or a DTD",
            path,
            hint="Word never writes these; refused as a possible entity bomb",
        ) from None
    except etree.XMLSyntaxError as exc:
        raise AdvocacyError(
            f"the document's XML is damaged: {exc}",
            path,
            hint="is the file damaged, or saved under the wrong extension?",
        ) from None


@functools.cache
def _parser(remove_blank_text: bool) -> Any:
    """One parser per setting: making a parser costs more than parsing a small part."""
    from lxml import etree

    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_blank_text=remove_blank_text,
    )
