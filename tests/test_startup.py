"""``advocacy --help`` must not import the heavy libraries (measured with -X importtime)."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("docx", "pydantic", "markdown_it", "lxml", "jinja2", "rich", "babel", "pypdfium2", "yaml")


def imported_modules(code: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code], capture_output=True, text=True, check=True
    )
    names = set()
    for line in result.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            names.add(line.rsplit("|", 1)[1].strip().split(".")[0])
    return names


def test_help_imports_nothing_heavy() -> None:
    code = "import sys; sys.argv = ['advocacy', '--help']\nfrom advocacy.cli import main\nmain()"
    names = imported_modules(code)
    assert "click" in names  # the measurement itself works
    assert not names & set(HEAVY), names & set(HEAVY)


@pytest.mark.parametrize(
    "command", [["points", "lint"], ["rfi", "build"], ["rfi", "batch"], ["render"]]
)
def test_subcommand_help_imports_nothing_heavy(command: list[str]) -> None:
    argv = ["advocacy", *command, "--help"]
    code = f"import sys; sys.argv = {argv!r}\nfrom advocacy.cli import main\nmain()"
    assert not imported_modules(code) & set(HEAVY)
