"""Start-up cost: ``advocacy --help`` imports nothing heavy, a plain letter only what it needs.

Measured with ``python -X importtime``."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import pytest
from factories import write_library

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


EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "ma-dmh-cbfs"


def imported_names(code: str) -> set[str]:
    """Every module (dotted name) that ``code`` imports."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return {
        line.rsplit("|", 1)[1].strip()
        for line in result.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }


def build_code(tmp_path: Path, suffix: str, response: str = "response.yaml") -> str:
    argv = ["advocacy", "rfi", "build", str(EXAMPLE / response), "-o", str(tmp_path / f"x{suffix}")]
    return f"import sys; sys.argv = {argv!r}\nfrom advocacy.cli import main\nmain()"


#: What a plain letter never needs: scoring, the evidence finder, rubric models,
#: Babel's locale data for an English letter, PDF or chart libraries,
#: python-docx (the Word writer works on lxml alone), and Rich (its warnings and
#: "wrote" line are plain lines; the shipped example prints a warning).
NOT_FOR_A_LETTER = (
    "docx",
    "rich",
    "advocacy.evaluate",
    "advocacy.evidence",
    "advocacy.models.rubric",
    "babel",
    "snowballstemmer",
    "matplotlib",
    "pypdfium2",
)


@pytest.mark.parametrize("suffix", [".md", ".docx"])
def test_a_plain_build_imports_only_what_a_letter_needs(tmp_path: Path, suffix: str) -> None:
    names = imported_names(build_code(tmp_path, suffix))
    assert "advocacy.respond" in names and (tmp_path / f"x{suffix}").is_file()
    unwanted = {n for n in names if n.startswith(NOT_FOR_A_LETTER)}
    assert not unwanted, sorted(unwanted)
    if suffix == ".md":  # no Word writer, no Markdown parser for a Markdown letter
        assert not {n.split(".")[0] for n in names} & {"docx", "lxml", "markdown_it"}


def test_a_spanish_letter_uses_babel(tmp_path: Path) -> None:
    """The other side of the test above: Babel formats the dates of other languages."""
    names = imported_names(build_code(tmp_path, ".md", "response-es.yaml"))
    assert "babel.dates" in names


def test_every_model_name_loads_from_its_module() -> None:
    """``advocacy.models`` loads names lazily: its table, ``__all__`` and the modules agree."""
    import advocacy.models as models

    assert sorted(models._MODELS) == sorted(models.__all__)
    for name in models.__all__:
        module = importlib.import_module(f"advocacy.models.{models._MODELS[name]}")
        assert getattr(models, name) is getattr(module, name), name


def test_lint_imports_no_evidence_finder(tmp_path: Path) -> None:
    """``points lint`` needs the match-phrase rules of the evidence package, not its finder."""
    argv = ["advocacy", "points", "lint", str(write_library(tmp_path / "points"))]
    names = imported_names(
        f"import sys; sys.argv = {argv!r}\nfrom advocacy.cli import main\nmain()"
    )
    assert "advocacy.evidence.pattern_lint" in names
    unwanted = {"advocacy.evidence.finder", "advocacy.evidence.reading", "advocacy.evaluate"}
    assert not names & unwanted, sorted(names & unwanted)


@pytest.mark.parametrize("package", ["advocacy.evidence", "advocacy.evaluate"])
def test_every_lazy_name_loads_from_its_module(package: str) -> None:
    lazy = importlib.import_module(package)
    assert sorted(lazy._NAMES) == sorted(lazy.__all__)
    for name in lazy.__all__:
        module = importlib.import_module(f"{package}.{lazy._NAMES[name]}")
        assert getattr(lazy, name) is getattr(module, name), name


def test_score_evidence_imports_no_report_templates() -> None:
    """The evidence finder needs the rubric, not the score report's Markdown and Jinja."""
    bid = EXAMPLE / "bids" / "strong-bid.md"
    argv = ["advocacy", "score", "evidence", str(bid)]
    names = imported_names(
        f"import sys; sys.argv = {argv!r}\nfrom advocacy.cli import main\nmain()"
    )
    assert "advocacy.evidence.finder" in names and "advocacy.evaluate.rubric" in names
    unwanted = {"jinja2", "advocacy.evaluate.documents", "advocacy.render.templating"}
    assert not names & unwanted, sorted(names & unwanted)
