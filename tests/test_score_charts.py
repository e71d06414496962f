"""The score report's charts: PNGs beside a Markdown report, linked with alt text,
the same bytes every time, and matplotlib loaded only when they are drawn."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner
from test_startup import imported_modules

from advocacy.cli import main

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "ma-dmh-cbfs"
SHEETS = sorted(str(p) for p in (EXAMPLE / "scores").glob("*.yaml"))
PNG = b"\x89PNG\r\n\x1a\n"


def test_markdown_report_links_its_charts(tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    result = CliRunner().invoke(main, ["score", "report", *SHEETS, "-o", str(out)])
    assert result.exit_code == 0, result.output
    markdown = out.read_text("utf-8")
    links = re.findall(r"!\[([^\]]+)\]\(([^)]+)\)", markdown)
    assert [target for _, target in links] == ["report-totals.png", "report-heatmap.png"]
    assert all(len(alt) > 40 for alt, _ in links)  # alt text that says what the chart shows
    # The totals chart sits on page 1, before the per-bid pages.
    assert markdown.index("report-totals.png") < markdown.index("<!-- landscape -->")
    for _, target in links:
        assert (tmp_path / target).read_bytes().startswith(PNG)
    # Drawn again: the same bytes (no timestamps), and nothing overwritten without --force.
    first = (tmp_path / "report-totals.png").read_bytes()
    refused = CliRunner().invoke(main, ["score", "report", *SHEETS, "-o", str(out)])
    assert refused.exit_code == 1 and "already exists" in refused.output
    again = CliRunner().invoke(main, ["score", "report", *SHEETS, "-o", str(out), "--force"])
    assert again.exit_code == 0 and (tmp_path / "report-totals.png").read_bytes() == first


def test_existing_chart_file_is_not_overwritten(tmp_path: Path) -> None:
    (tmp_path / "report-heatmap.png").write_bytes(b"mine")
    out = tmp_path / "report.md"
    result = CliRunner().invoke(main, ["score", "report", *SHEETS, "-o", str(out)])
    assert result.exit_code == 1 and "report-heatmap.png" in result.output
    assert (tmp_path / "report-heatmap.png").read_bytes() == b"mine" and not out.exists()


def test_charts_in_spanish(tmp_path: Path) -> None:
    from advocacy.evaluate import collect_sheets, load_rubric, report_dict, score_report
    from advocacy.evaluate.charts import totals_chart
    from advocacy.library import load_library

    rubric = load_rubric(EXAMPLE / "rubric.yaml", load_library())
    sheets, agreed = collect_sheets([Path(s) for s in SHEETS])
    data = report_dict(score_report(sheets, rubric, agreed), "es")
    assert totals_chart(data, "es") != totals_chart(data, "en")  # the axis label is translated


def test_report_without_charts_does_not_load_matplotlib() -> None:
    argv = ["advocacy", "score", "report", *SHEETS, "--json"]
    code = f"import sys; sys.argv = {argv!r}\nfrom advocacy.cli import main\nmain()"
    names = imported_modules(code)
    assert "click" in names  # the measurement itself works
    assert "matplotlib" not in names and "numpy" not in names
