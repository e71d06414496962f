"""The printed checklist as LibreOffice lays it out: Bid and Reviewer on every
page, "Page X of Y", each criterion on one page (or starting a fresh page when
it is longer than one), and a tally and signature page; in English and Spanish."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from conftest import libreoffice_pages, openxml_audit, xpath

from advocacy.cli import main
from advocacy.evaluate import checklist_markdown, load_rubric
from advocacy.i18n import localized_point
from advocacy.library import load_library

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "ma-dmh-cbfs"

WORDS = {
    "en": {
        "bid": "Bid:",
        "reviewer": "Reviewer:",
        "box": "Comments and where in the bid",
        "tally": "Tally and signature",
        "sign": "Signature:",
        "page": "Page {n} of {total}",
    },
    "es": {
        "bid": "Propuesta:",
        "reviewer": "Revisor:",
        "box": "Comentarios y ubicación en la propuesta",
        "tally": "Recuento y firma",
        "sign": "Firma:",
        "page": "Página {n} de {total}",
    },
}


def build(tmp_path: Path, lang: str) -> Path:
    out = tmp_path / f"checklist-{lang}.docx"
    args = ["checklist", "build", str(EXAMPLE / "rubric.yaml"), "--lang", lang, "-o", str(out)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    return out


def test_comment_boxes_have_room_to_write_in(tmp_path: Path) -> None:
    body = docx.Document(str(build(tmp_path, "en"))).element.body
    rubric = load_rubric(EXAMPLE / "rubric.yaml", load_library())
    heights = [int(h) for h in xpath(body, "//w:trHeight[@w:hRule='atLeast']/@w:val")]
    # The conflict box (two lines) and one comments box per criterion (four lines).
    assert len(heights) == 1 + len(rubric.criteria)
    assert heights[0] >= 800 and all(h >= 1600 for h in heights[1:])  # twips; 1440 an inch


@pytest.mark.libreoffice
@pytest.mark.parametrize("lang", ["en", "es"])
def test_printed_checklist_pages(tmp_path: Path, lang: str) -> None:
    words = WORDS[lang]
    out = build(tmp_path, lang)
    openxml_audit(out)
    pages = libreoffice_pages(out, tmp_path)
    total = len(pages)
    for n, page in enumerate(pages, start=1):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        assert lines[0].startswith(words["bid"]) and words["reviewer"] in lines[0], lines[0]
        assert words["page"].format(n=n, total=total) in " ".join(page.split())
    rubric = load_rubric(EXAMPLE / "rubric.yaml", load_library())
    where: dict[int, tuple[int, int, bool]] = {}  # number -> (heading page, box page, tops page)
    for index, c in enumerate(rubric.criteria, start=1):
        title = localized_point(c.point, lang).title if c.point else c.title
        start = f"{index}. {' '.join(title.split()[:3])}"
        for n, page in enumerate(pages):
            lines = [" ".join(line.split()) for line in page.splitlines() if line.strip()]
            if any(line.startswith(start) for line in lines):
                tops = lines[1].startswith(start)
                box = next(m for m in range(n, total) if words["box"] in " ".join(pages[m].split()))
                where[index] = (n, box, tops)
    assert sorted(where) == list(range(1, len(rubric.criteria) + 1))
    for index, (heading, box, tops) in where.items():
        # Kept on one page, or (longer than a page) starting on a fresh one.
        assert box == heading or tops, f"criterion {index} splits across pages"
    assert sum(box == heading for heading, box, _ in where.values()) >= len(where) - 2
    # No word broken mid-way: every run of letters laid out is a word of the Markdown.
    markdown = checklist_markdown(rubric, lang=lang)
    laid_out = set(re.findall(r"[^\W\d_]+", " ".join(pages)))
    footer = set(re.findall(r"[^\W\d_]+", words["page"]))
    assert not laid_out - set(re.findall(r"[^\W\d_]+", markdown)) - footer
    last = " ".join(pages[-1].split())
    assert words["tally"] in last and words["sign"] in last
    for c in rubric.criteria:  # a tally row per criterion, by title
        title = localized_point(c.point, lang).title if c.point else c.title
        assert " ".join(title.split()[:2]) in last


def test_checklist_properties_name_the_rubric_in_every_language(tmp_path: Path) -> None:
    for lang in ("en", "es"):
        with zipfile.ZipFile(io.BytesIO(build(tmp_path, lang).read_bytes())) as archive:
            assert b"ma-dmh-cbfs-peer-roles" in archive.read("docProps/custom.xml")
