"""Charts for the score report's first page: weighted totals, and criteria by bids.

Drawn with matplotlib's Agg backend (no display needed) to PNG, imported only
when a report with charts is written, so other commands start fast. The
images carry no timestamp, so the same report gives the same bytes.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from advocacy.evaluate.scoring import ScoreReport
from advocacy.i18n import DEFAULT_LANGUAGE, gettext_for

#: Width of the charts in inches at 150 dpi: a portrait page's text width.
WIDTH = 6.3
DPI = 150


def totals_chart(data: Mapping[str, Any], lang: str = DEFAULT_LANGUAGE) -> bytes:
    """Horizontal bars of each ranked bid's percent of the maximum, first at the top;
    bids that fail a mandatory criterion are hatched and labelled."""
    plt = _pyplot()
    _ = gettext_for(lang)
    bids = [b for b in data["bids"] if b["ranked"]]
    height = 0.8 + 0.45 * max(len(bids), 1)
    fig, ax = plt.subplots(figsize=(WIDTH, height), dpi=DPI)
    names = [_short(b["bid"]) for b in bids]
    values = [b["percent"] or 0 for b in bids]
    failed = [b["meets_mandatory"] is False for b in bids]
    bars = ax.barh(
        range(len(bids)),
        values,
        color=["#b8b8b8" if f else "#2b6a9e" for f in failed],
        hatch=None,
    )
    for bar, fail, value in zip(bars, failed, values, strict=True):
        if fail:
            bar.set_hatch("//")
        label = f"{value:.0f}%" + (" — " + _("mandatory not met") if fail else "")
        ax.text(value + 1, bar.get_y() + bar.get_height() / 2, label, va="center", fontsize=8)
    ax.set_yticks(range(len(bids)), names, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, 125)
    ax.set_xticks([0, 25, 50, 75, 100])
    ax.set_xlabel(_("Weighted total, % of the maximum"), fontsize=8)
    ax.tick_params(axis="x", labelsize=8)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return _png(fig)


def heatmap_chart(
    data: Mapping[str, Any], titles: Mapping[str, str], lang: str = DEFAULT_LANGUAGE
) -> bytes:
    """Final scores, criteria down and bids across, each cell labelled; blank when unscored."""
    plt = _pyplot()
    _ = gettext_for(lang)
    bids = data["bids"]
    criteria = [c["id"] for c in bids[0]["criteria"]] if bids else []
    grid = [
        [next(c["final"] for c in b["criteria"] if c["id"] == cid) for b in bids]
        for cid in criteria
    ]
    top = max((c["max_level"] for b in bids for c in b["criteria"]), default=3)
    fig, ax = plt.subplots(figsize=(WIDTH, 0.9 + 0.32 * len(criteria)), dpi=DPI)
    values = [[float("nan") if v is None else v for v in row] for row in grid]
    ax.imshow(values, cmap="Blues", vmin=0, vmax=top, aspect="auto")
    for i, row in enumerate(grid):
        for j, value in enumerate(row):
            if value is not None:
                colour = "white" if value > top * 0.6 else "black"
                ax.text(j, i, f"{value:.1f}", ha="center", va="center", fontsize=7, color=colour)
    ax.set_xticks(range(len(bids)), [_short(b["bid"], 26) for b in bids], fontsize=7)
    ax.set_yticks(
        range(len(criteria)), [_short(titles.get(c, c), 48) for c in criteria], fontsize=7
    )
    ax.xaxis.tick_top()
    ax.set_title(_("Final scores by criterion"), fontsize=8, pad=18)
    return _png(fig)


def write_charts(
    report: ScoreReport, target: Path, force: bool = False, lang: str = DEFAULT_LANGUAGE
) -> dict[str, str]:
    """Write ``<target>-totals.png`` and ``<target>-heatmap.png`` beside the report
    file ``target``; returns the links (relative to it) for ``report_markdown``."""
    from advocacy.atomic import check_writable, write_atomic
    from advocacy.evaluate.documents import criterion_titles
    from advocacy.evaluate.export import report_dict

    data = report_dict(report, lang)
    titles = criterion_titles(report.rubric, lang)
    report_path = target

    files = {
        "totals": report_path.with_name(f"{report_path.stem}-totals.png"),
        "heatmap": report_path.with_name(f"{report_path.stem}-heatmap.png"),
    }
    for path in files.values():
        check_writable(path, force)
    write_atomic(files["totals"], totals_chart(data, lang), force=force)
    write_atomic(files["heatmap"], heatmap_chart(data, titles, lang), force=force)
    return {name: path.name for name, path in files.items()}


def _short(text: str, width: int = 28) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _png(fig: Any) -> bytes:
    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    fig.tight_layout()
    fig.savefig(buffer, format="png", metadata={"Software": None})
    plt.close(fig)
    return buffer.getvalue()
