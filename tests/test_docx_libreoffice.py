"""The sample DOCX survives a real word processor: LibreOffice lays it out as a PDF.

Skipped where LibreOffice (``soffice``) or poppler's ``pdftotext`` is missing,
except on CI (``CI=true``), where a missing tool is a failure: CI must run it.
Select these tests alone with ``pytest -m libreoffice``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import libreoffice_pages

pytestmark = pytest.mark.libreoffice


@pytest.fixture(scope="module")
def pdf_pages(sample_docx: Path, tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The text of each page of the sample, converted to PDF by LibreOffice."""
    return libreoffice_pages(sample_docx, tmp_path_factory.mktemp("libreoffice"))


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_title_and_headings_are_laid_out(pdf_pages: list[str]) -> None:
    first = _squash(pdf_pages[0])
    for text in ("Response to RFI 2025-07", "Summary", "What peers do",
                 "How to commission peer roles", "Numbering that starts later"):  # fmt: skip
        assert text in first


def test_list_items_and_restarting_numbers(pdf_pages: list[str]) -> None:
    first = _squash(pdf_pages[0])
    assert "Reflect back what they hear" in first
    assert "1. Write peer roles into the contract" in first
    assert "3. Fund supervision by experienced peers" in first
    assert "1. Recruit from the communities served" in first  # the second list restarts
    assert "3. Review the contract after one year" in first  # the third starts at 3


def test_table_cells_and_footnote(pdf_pages: list[str]) -> None:
    first = _squash(pdf_pages[0])
    assert re.search(r"Role Hours per week Ratio", first)
    assert re.search(r"Peer specialist 40 1:12", first)
    assert "Fictional guide prepared for this sample response." in first


def test_page_break_header_and_page_numbers(pdf_pages: list[str]) -> None:
    assert len(pdf_pages) == 2
    assert "Checklist for providers" not in pdf_pages[0]
    assert "Checklist for providers" in pdf_pages[1]
    for number, page in enumerate(pdf_pages, start=1):
        assert "Riverbend Peer Network — RFI 2025-07" in page
        last_line = [line for line in page.splitlines() if line.strip()][-1]
        assert "Fictional sample for testing" in last_line
        assert re.search(rf"Page {number}\s*$", last_line)


def test_checkboxes_show_their_state(pdf_pages: list[str]) -> None:
    second = _squash(pdf_pages[1])
    assert "\u2612 Peer roles defined in job descriptions" in second
    assert "\u2610 Peer supervision budgeted" in second
