"""Table columns sized from their content, never narrower than their longest word where the page allows."""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
import pytest
from conftest import libreoffice_pages, xpath

from advocacy.models.document import FrontMatter
from advocacy.render import render
from advocacy.render.docx import markdown_to_docx
from advocacy.render.docx.layout import MIN_COLUMN, column_widths, word_width

#: A narrow first column beside two long ones: shared by length alone,
#: "Criterion" would get the 900-twip minimum and break as "Criteri-on".
WIDE_TABLE = (
    "| Criterion | Riverbend | Summit |\n|---|---|---|\n"
    + "| requirements | "
    + " ".join(["long words in a long cell"] * 6)
    + " | "
    + " ".join(["other words in another cell"] * 6)
    + " |\n"
)


def grid(markdown: str) -> list[int]:
    data = markdown_to_docx(FrontMatter(), markdown)
    body = docx.Document(io.BytesIO(data)).element.body
    return [int(v) for v in xpath(body, "//w:gridCol/@w:w")]


def test_word_width_grows_with_the_word_and_the_font_size() -> None:
    assert word_width("Criterion", 22) > MIN_COLUMN  # what breaks it today
    assert word_width("Criterion", 24) > word_width("Criterion", 22)
    assert word_width("WWW", 22) > word_width("iii", 22)
    assert word_width("Señales", 22) >= word_width("Senales", 22)


def test_columns_are_at_least_as_wide_as_their_longest_word() -> None:
    widths = grid(WIDE_TABLE)
    assert widths[0] >= max(word_width("Criterion", 22), word_width("requirements", 22))
    assert widths[1] > widths[0] and widths[2] > widths[0]  # the rest still goes by length
    assert sum(widths) == 9360  # Letter with 1-inch margins


def test_floors_are_kept_and_the_total_is_exact() -> None:
    widths = column_widths([9, 60, 60], 9000, floors=[1500, 0, 0])
    assert widths[0] == 1500 and sum(widths) == 9000
    assert column_widths([9, 60, 60], 9000)[0] == MIN_COLUMN  # without floors: the minimum


def test_when_the_page_cannot_hold_every_word_each_keeps_a_fair_share() -> None:
    widths = column_widths([10] * 6, 6000, floors=[2000, 2000, 1000, 1000, 1000, 1000])
    assert sum(widths) == 6000
    assert abs(widths[0] - widths[1]) <= 6 and widths[1] > widths[2] >= MIN_COLUMN
    assert min(widths) >= MIN_COLUMN


@pytest.mark.libreoffice
def test_libreoffice_keeps_header_words_whole(tmp_path: Path) -> None:
    path = tmp_path / "table.docx"
    path.write_bytes(markdown_to_docx(FrontMatter(), WIDE_TABLE))
    text = " ".join(libreoffice_pages(path, tmp_path))
    words = re.findall(r"\w+", text)
    assert "Criterion" in words and "requirements" in words


@pytest.mark.libreoffice
def test_libreoffice_breaks_no_word_of_the_score_report(tmp_path: Path) -> None:
    """The ranking's "Mandatory requirements" broke as "requirement/s" at the old widths.

    Every run of letters LibreOffice lays out must be a word of the Markdown
    (or "Page" from the footer): a word broken mid-way leaves a fragment.
    """
    golden = Path(__file__).parent / "golden" / "score-report.md"
    markdown = golden.read_text("utf-8")
    path = tmp_path / "report.docx"
    render(markdown, "docx", path)
    pages = " ".join(libreoffice_pages(path, tmp_path))
    pages = re.sub(r"(?m)^\s*o(?=\s|[A-Z])", " ", pages)  # the nested-list bullet glyph
    laid_out = set(re.findall(r"[A-Za-z]+", pages))
    fragments = laid_out - set(re.findall(r"[A-Za-z]+", markdown)) - {"Page"}
    assert not fragments, sorted(fragments)
