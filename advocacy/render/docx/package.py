"""Deterministic zip packaging: the same parts always give the same bytes."""

from __future__ import annotations

import io
import zipfile

#: Deflate level: 1 is several times faster than the default 6, and a .docx
#: is small either way.
_ZIP_LEVEL = 1


def write_entries(entries: dict[str, bytes]) -> bytes:
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


def repack_deterministic(data: bytes) -> bytes:
    """Rewrite a zip (a .docx) with fixed timestamps and a stable entry order."""
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        return write_entries({name: src.read(name) for name in src.namelist()})
