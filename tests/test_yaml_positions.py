"""Positions found in the composed nodes on demand equal a full walk of the file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from advocacy.yamlio import load_yaml

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted(
    p for folder in ("examples", "talking_points") for p in (ROOT / folder).rglob("*.y*ml")
)


def every_position(node: Any, path: tuple = (), out: dict | None = None) -> dict:
    """Each mapping key's and sequence item's 1-based (line, column), by path."""
    out = {(): (node.start_mark.line + 1, node.start_mark.column + 1)} if out is None else out
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            child = (*path, yaml.safe_load(yaml.serialize(key)))
            out[child] = (key.start_mark.line + 1, key.start_mark.column + 1)
            every_position(value, child, out)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            child = (*path, index)
            out[child] = (item.start_mark.line + 1, item.start_mark.column + 1)
            every_position(item, child, out)
    return out


def test_there_are_files_to_check() -> None:
    assert len(FILES) > 20


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_path_has_the_place_a_full_walk_gives(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    doc = load_yaml(text, str(path))
    expected = every_position(yaml.compose(text, Loader=yaml.SafeLoader))
    for where, place in expected.items():
        assert doc.position(where) == place, where
        # a path below a leaf, or a missing key, falls back to the nearest ancestor
        assert doc.position((*where, "no-such-key", 0)) == place, where
    assert doc.position(("no-such-key",)) == expected[()]
