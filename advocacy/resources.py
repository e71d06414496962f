"""Find the data shipped with advocacy, installed or in a checkout.

In a wheel the top-level ``talking_points/`` and ``templates/`` folders are
packaged as ``advocacy/_data/…``; in a source checkout (or an editable
install) they sit beside the package. Everything else asks this module.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_path(name: str) -> Path:
    """The shipped folder or file ``name`` (e.g. ``"talking_points"``)."""
    installed = _PACKAGE / "_data" / name
    if installed.exists():
        return installed
    return _PACKAGE.parent / name


def builtin_library() -> Path:
    return data_path("talking_points")


def templates_dir() -> Path:
    return data_path("templates")
