"""File names that are safe on Windows, macOS and Linux."""

from __future__ import annotations

import os
import re
import string
import unicodedata
from pathlib import Path

from advocacy.errors import AdvocacyError

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


def fill_pattern(pattern: str, values: dict[str, str], what: str) -> str:
    """``pattern`` with ``{field}`` replaced by ``values[field]``.

    Only plain field names are allowed: no ``{a.b}``, ``{a[0]}``, ``{a!r}`` or
    ``{a:>9}``, which would reach into Python objects or vary between runs.
    """
    out: list[str] = []
    try:
        parsed = list(string.Formatter().parse(pattern))
    except ValueError as exc:
        raise AdvocacyError(
            f"{what} pattern is not valid: {exc}", hint='e.g. "{last_name}-{first_name}"'
        ) from None
    for literal, field, spec, conversion in parsed:
        out.append(literal)
        if field is None:
            continue
        if spec or conversion or not re.fullmatch(r"[\w:-]+", field):
            raise AdvocacyError(
                f"{what} uses {{{field}}}: only plain names in braces are allowed",
                hint="fields: " + ", ".join("{" + k + "}" for k in sorted(values)),
            )
        if field not in values:
            raise AdvocacyError(
                f"{what} uses {{{field}}}, which is not a known field",
                hint="fields: " + ", ".join("{" + k + "}" for k in sorted(values)),
            )
        out.append(values[field])
    return "".join(out)
