"""File names that are safe on Windows, macOS and Linux."""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')
_RESERVED = {
    "con",
    "prn",
    "aux",
    "nul",
    *(f"com{i}" for i in range(10)),
    *(f"lpt{i}" for i in range(10)),
}
MAX_STEM = 100


def safe_stem(text: str, fallback: str) -> str:
    """``text`` as a file-name stem: ASCII, no path or reserved characters,
    spaces as hyphens, at most 100 characters; ``fallback`` if nothing is left
    or the name is reserved on Windows (``CON``, ``NUL`` …)."""
    name = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    name = _UNSAFE.sub("-", name)
    name = re.sub(r"\s+", "-", name.strip())
    name = re.sub(r"-{2,}", "-", name).strip(" .-")[:MAX_STEM].rstrip(" .-")
    if not name:
        return fallback
    if name.lower().split(".")[0] in _RESERVED:
        return f"{fallback}-{name}"
    return name


def relative_to_file(path: Path, target: Path) -> str:
    """``path`` as written in a file at ``target``: relative to its folder,
    with forward slashes (absolute across Windows drives)."""
    try:
        return Path(os.path.relpath(path.resolve(), target.parent.resolve())).as_posix()
    except ValueError:  # another drive on Windows
        return path.resolve().as_posix()
