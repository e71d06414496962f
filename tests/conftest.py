"""Shared test set-up: the rendered sample document and LibreOffice conversion."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


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


def libreoffice_pages(docx: Path, work: Path) -> list[str]:
    """The text of each page of ``docx`` as LibreOffice lays it out (via PDF and pdftotext)."""
    soffice = require_tool("soffice")
    pdftotext = require_tool("pdftotext")
    profile = (work / "lo-profile").as_uri()  # private profile: parallel runs don't clash
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless",
         "--convert-to", "pdf", "--outdir", str(work), str(docx)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    pdf = work / (docx.stem + ".pdf")
    assert pdf.exists(), "LibreOffice wrote no PDF"
    text = subprocess.run(
        [pdftotext, "-layout", str(pdf), "-"],
        check=True, capture_output=True, text=True, timeout=60,
    ).stdout  # fmt: skip
    return [page for page in text.split("\f") if page.strip()]
