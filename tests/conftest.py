"""Shared test set-up: the rendered sample document and LibreOffice conversion."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

FIXTURES = Path(__file__).parent / "fixtures"

# Compiled templates go to a cache folder of this test run, not the user's;
# the folder goes when the run ends, so runs leave nothing behind.
if "XDG_CACHE_HOME" not in os.environ:
    import atexit
    import tempfile

    os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="advocacy-test-cache-")
    atexit.register(shutil.rmtree, os.environ["XDG_CACHE_HOME"], ignore_errors=True)

#: Namespaces of the DOCX parts the tests read back.
NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "w14": "http://schemas.microsoft.com/office/word/2010/wordml",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
}


def w(name: str) -> str:
    """Clark name of a WordprocessingML element (``w("p")``)."""
    return f"{{{NS['w']}}}{name}"


def xpath(element: Any, path: str) -> list:
    """Run ``path`` with the :data:`NS` prefixes (python-docx elements take no namespaces)."""
    from lxml import etree

    return etree.XPath(path, namespaces=NS)(element)


def paragraph(document: Any, startswith: str) -> Any:
    """The first paragraph of a python-docx document whose text starts with ``startswith``."""
    for p in document.paragraphs:
        if p.text.startswith(startswith):
            return p
    raise AssertionError(f"no paragraph starting with {startswith!r}")


@pytest.fixture(scope="module")
def sample() -> tuple[Any, str]:
    """``tests/fixtures/sample.md`` split into front matter and body."""
    from advocacy.render.frontmatter import split_front_matter

    path = FIXTURES / "sample.md"
    return split_front_matter(path.read_text(encoding="utf-8"), str(path))


@pytest.fixture(scope="session")
def sample_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``tests/fixtures/sample.md`` rendered to a .docx file with our reference document."""
    from advocacy.render.docx import markdown_to_docx
    from advocacy.render.frontmatter import split_front_matter

    source = FIXTURES / "sample.md"
    meta, body = split_front_matter(source.read_text(encoding="utf-8"), str(source))
    path = tmp_path_factory.mktemp("docx") / "sample.docx"
    path.write_bytes(markdown_to_docx(meta, body, source=str(source)))
    return path


def require_tool(tool: str) -> str:
    """The tool's path; skip without it, except on CI (CI=true), where it must be there."""
    found = shutil.which(tool)
    if found is None:
        message = f"{tool} is not installed"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{message}, and CI must run the tests that need it")
        pytest.skip(message)
    return found


def openxml_audit(docx: Path) -> None:
    """Assert openxml-audit finds nothing in ``docx`` (its strict default: exit 0)."""
    audit = require_tool("openxml-audit")
    result = subprocess.run([audit, str(docx)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def pdf_of(source: Path, work: Path) -> Path:
    """``source`` (DOCX) converted to PDF by LibreOffice, in ``work``, with a private profile."""
    soffice = require_tool("soffice")
    subprocess.run(
        [soffice, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(work), str(source)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    pdf = work / (source.stem + ".pdf")
    assert pdf.exists(), "LibreOffice wrote no PDF"
    return pdf


def libreoffice_pages(docx: Path, work: Path) -> list[str]:
    """The text of each page of ``docx`` as LibreOffice lays it out (via PDF and pdftotext)."""
    pdftotext = require_tool("pdftotext")
    pdf = pdf_of(docx, work)
    text = subprocess.run(
        [pdftotext, "-layout", str(pdf), "-"],
        check=True, capture_output=True, text=True, timeout=60,
    ).stdout  # fmt: skip
    return [page for page in text.split("\f") if page.strip()]


def scan_evidence(
    tmp_path: Path, text: str, name: str = "posting.txt", learned: bool = False
) -> dict:
    """``advocacy score evidence --json`` on ``text`` written to ``tmp_path/name``.

    The rules alone unless ``learned``: these tests pin what the phrase rules
    decide, sentence by sentence. The learned model has its own tests
    (test_evidence_learned.py) and is measured on the labelled corpus."""
    import json

    from click.testing import CliRunner

    from advocacy.cli import main

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    learning = [] if learned else ["--no-learned"]
    result = CliRunner().invoke(main, ["score", "evidence", str(path), "--json", *learning])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def cited_passages(data: dict, criterion: str) -> list[str]:
    """The excerpts ``score evidence --json`` (``data``) cites as evidence of ``criterion``."""
    found = next(c for c in data["criteria"] if c["id"] == criterion)
    return [p["excerpt"] for p in found["passages"]]


def kept_out(tmp_path: Path, text: str, criterion: str, name: str = "posting.txt") -> bool:
    """Whether ``text`` (a duty kept out of the role) raises no red flag and is cited as
    evidence of ``criterion``."""
    data = scan_evidence(tmp_path, text if text.endswith("\n") else text + "\n", name)
    return not data["red_flags"] and bool(cited_passages(data, criterion))


def flagged(tmp_path: Path, text: str, name: str = "posting.txt") -> set[str]:
    """The criteria ``score evidence`` raises red flags for on ``text`` (a line or more)."""
    text = text if text.endswith("\n") else text + "\n"
    return {f["criterion"] for f in scan_evidence(tmp_path, text, name)["red_flags"]}
