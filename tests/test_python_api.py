"""The documented Python API: the examples of docs/python-api.md run, and the
package's public names load lazily."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import advocacy

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "python-api.md"


def test_the_guide_runs(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("ADVOCACY_LIBRARY", raising=False)
    blocks = re.findall(r"```python\n(.*?)```", GUIDE.read_text("utf-8"), re.S)
    assert len(blocks) >= 5
    namespace: dict[str, object] = {}
    for number, block in enumerate(blocks, start=1):
        exec(compile(block, f"{GUIDE.name} example {number}", "exec"), namespace)
    assert "Supervisors who know peer work" in capsys.readouterr().out


def test_every_public_name_resolves() -> None:
    assert set(advocacy.__all__) == {"__version__", *advocacy._API}
    for name in advocacy.__all__:
        assert getattr(advocacy, name) is not None, name
    assert set(dir(advocacy)) >= set(advocacy.__all__)
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        _ = advocacy.nope  # type: ignore[attr-defined]


def test_import_advocacy_loads_nothing_heavy() -> None:
    code = (
        "import sys, advocacy; heavy = {'docx', 'pydantic', 'jinja2', 'yaml', 'markdown_it',"
        " 'babel', 'lxml', 'rich'}; print(sorted(heavy & set(sys.modules)))"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    assert result.stdout.strip() == "[]"
