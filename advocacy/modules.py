"""Finding things in modules: registries filled by discovery, and names loaded lazily.

Both keep imports light and additions local: a new output format or call
kind is a new module in its package, found here; a public name loads its
module only when first used, so ``advocacy --help`` imports nothing heavy.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

T = TypeVar("T")


def discover(package: str, path: Iterable[str], attribute: str, kind: type[T]) -> dict[str, T]:
    """Every module of ``package`` (in name order) that defines ``attribute`` as a
    ``kind`` instance, keyed by that instance's ``name``."""
    found: dict[str, T] = {}
    for info in sorted(pkgutil.iter_modules(path), key=lambda m: m.name):
        value = getattr(importlib.import_module(f"{package}.{info.name}"), attribute, None)
        if isinstance(value, kind):
            found[value.name] = value  # type: ignore[attr-defined]
    return found


def lazy_names(
    namespace: dict[str, Any], table: Mapping[str, str], package: str
) -> Callable[[str], Any]:
    """A module ``__getattr__`` that imports ``table[name]`` (a module path) on first
    use of ``name`` and keeps the value in ``namespace`` (the module's globals)."""

    def __getattr__(name: str) -> Any:
        module = table.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        namespace[name] = value  # later look-ups skip this function
        return value

    return __getattr__
