"""Hostile or odd inputs to ``score evidence``: escapes, special files, sheets with comments."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from advocacy.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "ma-dmh-cbfs"
RUBRIC = str(EXAMPLE / "rubric.yaml")
BID = (
    "# 4.1 Ethics\n\nEvery peer role follows the Massachusetts CPS Code of Ethics, "
    "which is part of each peer job description.\n\n# 4.2 Supervision\n\n"
    "A peer supervisor who has worked in a peer role supervises all peer staff.\n"
)


def run(*args: str) -> object:
    return CliRunner().invoke(main, ["score", "evidence", *args])


def test_escape_sequences_in_a_bid_never_reach_the_terminal(tmp_path: Path) -> None:
    bid = tmp_path / "bid.md"
    bid.write_text(
        "# Duties \x1b[2J\n\nPeer staff administer medication \x1b[8m(hidden)\x1b[0m "
        "\x1b]8;;http://evil.example\x1b\\\\link\x1b]8;;\x1b\\\\ [bold]fake[/bold].\n",
        "utf-8",
    )
    result = run(str(bid), "--rubric", RUBRIC)
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output
    assert "administer medication" in result.output and "[bold]fake[/bold]" in result.output
    data = json.loads(run(str(bid), "--rubric", RUBRIC, "--json").stdout)
    # JSON keeps the raw text (escaped the JSON way) for tools downstream.
    assert any("\x1b[8m" in f["excerpt"] for f in data["red_flags"])


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_as_a_bid_is_refused_without_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "bid.md"
    os.mkfifo(fifo)
    # A child process, so a regression that blocks on the FIFO fails on the timeout.
    result = subprocess.run(
        [sys.executable, "-m", "advocacy", "score", "evidence", str(fifo)],
        capture_output=True,
        text=True,
        timeout=20,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 1
    assert "named pipe (FIFO)" in result.stderr and "Traceback" not in result.stderr


def test_a_symlink_loop_as_a_bid_is_refused(tmp_path: Path) -> None:
    loop = tmp_path / "bid.md"
    loop.symlink_to(tmp_path / "other.md")
    (tmp_path / "other.md").symlink_to(loop)
    result = run(str(loop))
    assert result.exit_code == 1
    assert "loops back on itself" in result.output and "internal error" not in result.output


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="no /dev/null")
def test_a_device_as_a_bid_is_refused() -> None:
    result = run("/dev/null")
    assert result.exit_code == 1 and "device" in result.output


def _sheet(tmp_path: Path) -> Path:
    text = (EXAMPLE / "scores" / "riverbend-whitfield.yaml").read_text("utf-8")
    text = text.replace(
        '      - "p. 12, §4.2 Peer roles"\n',
        '      - "p. 12, §4.2 Peer roles"\n      # checked against the original PDF - Dana\n',
    )
    assert "# checked against the original PDF" in text
    sheet = tmp_path / "sheet.yaml"
    sheet.write_text(text, "utf-8")
    return sheet


def test_sheet_keeps_reviewer_comments_under_evidence(tmp_path: Path) -> None:
    sheet = _sheet(tmp_path)
    bid = tmp_path / "bid.md"
    bid.write_text(BID, "utf-8")
    result = run(str(bid), "--rubric", RUBRIC, "--sheet", str(sheet))
    assert result.exit_code == 0, result.output
    updated = sheet.read_text("utf-8")
    assert "      # checked against the original PDF - Dana\n" in updated
    assert "line 3 (4.1 Ethics)" in updated


def test_sheet_is_written_through_a_symlink(tmp_path: Path) -> None:
    shared = _sheet(tmp_path)
    link = tmp_path / "my-sheet.yaml"
    link.symlink_to(shared)
    bid = tmp_path / "bid.md"
    bid.write_text(BID, "utf-8")
    result = run(str(bid), "--rubric", RUBRIC, "--sheet", str(link))
    assert result.exit_code == 0, result.output
    assert link.is_symlink()
    assert "line 3 (4.1 Ethics)" in shared.read_text("utf-8")


def test_flow_style_sheet_gets_evidence_too(tmp_path: Path) -> None:
    sheet = tmp_path / "sheet.yaml"
    sheet.write_text(
        "rubric: ma-dmh-cbfs-peer-roles\nbid: X\nreviewer: Y  # me\n"
        "scores:\n- {criterion: cps-code-of-ethics, score: 2}\n",
        "utf-8",
    )
    bid = tmp_path / "bid.md"
    bid.write_text(BID, "utf-8")
    result = run(str(bid), "--rubric", RUBRIC, "--sheet", str(sheet))
    assert result.exit_code == 0, result.output
    text = sheet.read_text("utf-8")
    assert "reviewer: Y  # me" in text and "4.1 Ethics" in text


LONG_PARAGRAPH = (
    "Peer staff will not hand out medication, but they complete progress notes when "
    "no nurse is on shift, and the fiscal clerk handles client funds; other duties as "
    "assigned are written by the program manager. "
)
RUN_ON = (
    "coaches do not hand out medication and staff manage client funds while others "
    "complete progress notes unless the nurse is away "
)
#: Words that several points look for, about 10,000 matches in one passage: comparing
#: every match with every other took 12 s of CPU; sorted, about 1 s.
SHARED = "A peer supervisor on the peer team links each recovery learning community to peer staff. "


@pytest.mark.slow
@pytest.mark.parametrize(
    ("piece", "size"),
    [(LONG_PARAGRAPH, 200_000), (RUN_ON, 100_000), (SHARED, 2_000 * len(SHARED))],
    ids=["one-200KB-paragraph", "100KB-without-a-full-stop", "2000-sentences-of-shared-words"],
)
def test_a_huge_paragraph_scans_in_near_linear_time(tmp_path: Path, piece: str, size: int) -> None:
    """A hostile bid: one paragraph of negations, clauses and other positions' duties,
    with or without full stops (text pasted out of a table). The scope rules look
    only at the match's sentence and clause and the triggers there, 'unless' phrases
    near the match (rules that walked the whole paragraph took minutes). A guard
    against a hang, with room to spare; speed itself is measured in benchmarks/."""
    import time

    bid = tmp_path / "long.txt"
    bid.write_text(piece * (size // len(piece)), "utf-8")
    started = time.process_time()
    result = run(str(bid), "--json")
    took = time.process_time() - started
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["criteria"]
    assert took < 8, f"{took:.1f} s of CPU for {size // 1000} KB in one paragraph"


def _shared_by_pairs(spans: list[tuple[str, tuple[int, int]]]) -> list[bool]:
    """The rule of ``shared_words`` as written first: every pair of matches."""

    def inside(inner: tuple[int, int], outer: tuple[int, int]) -> bool:
        return outer[0] <= inner[0] and inner[1] <= outer[1] and inner != outer

    return [
        any(o != cid and n[0] < m[1] and m[0] < n[1] and not inside(n, m) for o, n in spans)
        for cid, m in spans
    ]


def test_shared_words_gives_what_comparing_every_pair_gives() -> None:
    import random

    from advocacy.evidence.crediting import shared_words

    rng = random.Random(15)
    for _ in range(3000):
        spans = []
        for _ in range(rng.randint(0, 9)):
            start = rng.randint(0, 12)
            spans.append(
                (rng.choice("ABCD"[: rng.randint(1, 4)]), (start, start + rng.randint(1, 6)))
            )
        assert shared_words(spans) == _shared_by_pairs(spans), spans
