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
MAX_STEM_BYTES = 200  # file systems allow 255 bytes per name; leave room for suffixes


def safe_stem(text: str, fallback: str) -> str:
    """``text`` as a file-name stem that is safe on Windows, macOS and Linux.

    Latin letters lose their accents ("Núñez" → "Nunez", what most people
    type); other scripts are kept whole ("张伟", "محمد", "Ёлка") rather than dropped, so a
    name never turns into ``fallback`` only because it is not Latin. Path and
    reserved characters, controls and invisible format characters (such as
    bidi overrides, which can disguise a name) are removed, spaces become
    hyphens, and the stem is at most 100 characters and 200 UTF-8 bytes.
    ``fallback`` is used if nothing is left or the name is reserved on
    Windows (``CON``, ``NUL`` …).
    """
    kept, latin = [], False
    for char in unicodedata.normalize("NFKD", text):
        category = unicodedata.category(char)
        if (category.startswith("M") and latin) or category.startswith("C"):
            continue
        if not category.startswith("M"):
            latin = unicodedata.name(char, "").startswith("LATIN")
        kept.append(char)
    name = unicodedata.normalize("NFC", "".join(kept))
    name = _UNSAFE.sub("-", name)
    name = re.sub(r"\s+", "-", name.strip())
    name = re.sub(r"-{2,}", "-", name).strip(" .-")[:MAX_STEM]
    while len(name.encode("utf-8")) > MAX_STEM_BYTES:
        name = name[:-1]
    name = name.rstrip(" .-")
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
