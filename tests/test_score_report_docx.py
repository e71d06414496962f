# ruff: noqa: F401, F811  (the lib fixture is imported from test_evaluate and used as an argument)
"""The score report as Word: charts embedded with alt text beside their tables,
"Page X of Y", and a first page that answers "why this ranking, and would it
hold?" as LibreOffice lays it out."""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from conftest import libreoffice_pages, require_tool, xpath
from test_evaluate import lib, report_for, sheet

from advocacy.cli import main
from advocacy.cli.score_output import write_report

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "ma-dmh-cbfs"
SHEETS = sorted(str(p) for p in (EXAMPLE / "scores").glob("*.yaml"))
PNG = b"\x89PNG\r\n\x1a\n"


def test_docx_report_embeds_its_charts_with_alt_text_beside_their_figures(
    tmp_path: Path,
) -> None:
    out = tmp_path / "report.docx"
    result = CliRunner().invoke(main, ["score", "report", *SHEETS, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.docx"]  # no PNG left about
    with zipfile.ZipFile(out) as archive:
        media = sorted(n for n in archive.namelist() if n.startswith("word/media/"))
        assert len(media) == 2 and all(archive.read(n).startswith(PNG) for n in media)
    body = docx.Document(str(out)).element.body
    alts = xpath(body, "//wp:docPr/@descr")
    assert alts[0].startswith("Bar chart of weighted totals") and alts[1].startswith("Heat map")
    # The totals chart sits right above the ranking table it draws, and stays with it.
    chart = xpath(body, "//w:p[.//wp:docPr]")[0]
    following = chart.getnext()
    assert following.tag.endswith("}tbl")
    assert "Riverbend Community Services" in "".join(xpath(following, ".//w:t/text()"))
    assert xpath(chart, "./w:pPr/w:keepNext")
    # So does the heat map, above the criterion-by-bid table.
    heat_map = xpath(body, "//w:p[.//wp:docPr]")[1]
    cells = xpath(heat_map.getnext(), ".//w:tr[1]//w:t/text()")
    assert heat_map.getnext().tag.endswith("}tbl") and "Criterion" in cells
    # Page X of Y in the footer.
    footer = docx.Document(str(out)).sections[-1].footer._element
    assert " NUMPAGES " in xpath(footer, "string(.)") or xpath(
        footer, "//w:instrText[contains(., 'NUMPAGES')]"
    )


def close_race(tmp_path: Path) -> list[Path]:
    """Strong leads Close by one point; Failing misses a mandatory criterion; Half is incomplete.

    Weights: alpha 2, beta 1, gamma 3 (mandatory). Strong 2*3 + 1*2 + 3*3 = 17,
    Close 2*2 + 1*3 + 3*3 = 16: alpha's weight 50% lower (or beta's 100% higher)
    makes them level.
    """
    sheets = []
    for reviewer in ("Ana Ruiz", "Ben Cole"):
        slug = reviewer.split()[0].lower()
        for bid, scores in (
            ("Strong", {"alpha": 3, "beta": 2, "gamma": 3}),
            ("Close", {"alpha": 2, "beta": 3, "gamma": 3}),
            ("Failing", {"alpha": 3, "beta": 3, "gamma": 0}),
            ("Half", {"alpha": None, "beta": 1, "gamma": 1}),
        ):
            name = f"{bid.lower()}-{slug}"
            path = sheet(tmp_path, name, scores, bid=bid)
            path.write_text(
                path.read_text("utf-8").replace(f"reviewer: {name}", f"reviewer: {reviewer}")
            )
            sheets.append(path)
    return sheets


@pytest.mark.libreoffice
def test_page_one_answers_why_this_ranking_and_would_it_hold(tmp_path: Path, lib) -> None:
    report = report_for(tmp_path, lib, close_race(tmp_path))
    out = tmp_path / "report.docx"
    write_report(report, out, False, None, "en")
    pages = libreoffice_pages(out, tmp_path)
    first = " ".join(pages[0].split())
    # The ranking, the bid failing a mandatory criterion, the incomplete bid apart.
    assert re.search(r"1 Strong .* 2 Close .* 3 Failing", first), first
    assert "not met" in first
    alpha = lib.points["alpha"].point.title  # titles, never ids
    assert "Not ranked: incomplete" in first and f"Half (missing: {alpha})" in first
    # The agreement figure and the smallest weight change that changes the winner.
    assert "Agreement between reviewers" in first and "α = " in first
    assert f"The smallest change of one weight that changes first place: {alpha} −50%" in first
    assert "then Close draws level" in first
    assert f"Page 1 of {len(pages)}" in first
    # The totals chart is drawn on page 1 (the heat map may follow on page 2).
    listed = subprocess.run(
        [require_tool("pdfimages"), "-list", "-f", "1", "-l", "1", str(tmp_path / "report.pdf")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert len(listed.strip().splitlines()) >= 3  # two header lines, then one line per image


def test_terminal_report_names_criteria_by_title() -> None:
    result = CliRunner().invoke(main, ["score", "report", *SHEETS])
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert "discuss Supervisors who know peer work from the inside:" in text
    assert "Keep medication, money and charting duties out of peer roles" in text
    for criterion_id in ("peer-supervisors", "no-clinical-duties", "small-peer-teams"):
        assert criterion_id not in text


@pytest.mark.libreoffice
def test_libreoffice_breaks_no_word_of_the_spanish_report(tmp_path: Path) -> None:
    """As for the English report (test_docx_layout): Spanish headers are longer."""
    from advocacy.render import render

    markdown = (Path(__file__).parent / "golden" / "score-report-es.md").read_text("utf-8")
    path = tmp_path / "informe.docx"
    render(markdown, "docx", path)
    pages = " ".join(libreoffice_pages(path, tmp_path))
    pages = re.sub(r"(?m)^\s*o(?=\s|[A-Z])", " ", pages)  # the nested-list bullet glyph
    laid_out = set(re.findall(r"[^\W\d_]+", pages))
    fragments = laid_out - set(re.findall(r"[^\W\d_]+", markdown)) - {"Página", "de"}
    assert not fragments, sorted(fragments)


@pytest.mark.libreoffice
def test_report_survives_a_libreoffice_round_trip(tmp_path: Path) -> None:
    """Opened and saved again by LibreOffice: the charts and their alt text are kept."""
    out = tmp_path / "report.docx"
    assert CliRunner().invoke(main, ["score", "report", *SHEETS, "-o", str(out)]).exit_code == 0
    saved = tmp_path / "saved"
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        [require_tool("soffice"), f"-env:UserInstallation={profile}", "--headless",
         "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(saved), str(out)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    again = docx.Document(str(saved / "report.docx"))
    alts = xpath(again.element.body, "//wp:docPr/@descr")
    assert [a[:9] for a in alts] == ["Bar chart", "Heat map "]
    with zipfile.ZipFile(saved / "report.docx") as archive:
        media = [n for n in archive.namelist() if n.startswith("word/media/")]
        assert len(media) == 2 and all(archive.read(n).startswith(PNG) for n in media)
    text = " ".join(p.text for p in again.paragraphs)
    assert "Would the ranking hold?" in text
