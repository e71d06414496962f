"""Atomic writes: no half files, no overwrite without force, normal permissions."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from advocacy.atomic import write_atomic
from advocacy.errors import AdvocacyError


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_new_files_follow_the_umask_and_replaced_files_keep_their_mode(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        path = tmp_path / "out.md"
        write_atomic(path, "one")
        assert mode(path) == 0o644  # not mkstemp's private 0600
        path.chmod(0o640)
        write_atomic(path, "two", force=True)
        assert mode(path) == 0o640 and path.read_text() == "two"
    finally:
        os.umask(old)


def test_refuses_to_overwrite_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    path = tmp_path / "out.md"
    write_atomic(path, "keep")
    with pytest.raises(AdvocacyError, match="already exists"):
        write_atomic(path, "lose")
    assert path.read_text() == "keep"
    assert [p.name for p in tmp_path.iterdir()] == ["out.md"]
