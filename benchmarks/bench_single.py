"""Benchmark: one ``advocacy rfi build`` to DOCX against pandoc on the same letter.

Run from the repository root:  python benchmarks/bench_single.py [--runs N]

The README's main job, ``advocacy rfi build examples/ma-dmh-cbfs/response.yaml
-o response.docx``, as a whole command (start-up included), against pandoc
converting the same letter's Markdown (written once by ``advocacy rfi build
… -o letter.md``) to DOCX. The two commands alternate, so a change in the
machine's load hits both alike. Prints the median wall time and the median
CPU time (user + system of the child process, which a busy machine disturbs
less than wall time) of each, and the median of the per-pair ratios.

It also times the floor no Python tool of this design can go below: the
interpreter starting and importing click, PyYAML, Jinja2, markdown-it and
lxml, and nothing else. On a machine where Python itself starts slowly, the
ratio to pandoc says more about the interpreter than about this code; the
time above the floor is what this code costs. This is a measurement, not a
test. pandoc must be on PATH.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESPONSE = ROOT / "examples" / "ma-dmh-cbfs" / "response.yaml"
#: The interpreter with the libraries any Python tool of this design imports.
FLOOR = "import click, yaml, jinja2, markdown_it, lxml.etree"
#: A fixed letter date, so every run builds the same letter.
DATE = "2017-05-30"


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of one run of ``command``; exits if it fails."""
    cpu = children_cpu()
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{result.stderr[-3000:]}")
    return wall, children_cpu() - cpu


def advocacy(*args: str) -> list[str]:
    return [sys.executable, "-m", "advocacy", "rfi", "build", str(RESPONSE), *args]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="runs of each command (default 10)")
    args = parser.parse_args()
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        sys.exit("pandoc not found on PATH: this benchmark compares against pandoc; install it")
    os.environ["PYTHONPATH"] = str(ROOT)  # time this checkout, not an installed copy
    # An installed copy runs from byte-code: let the warm-up run write it.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        markdown = work / "letter.md"
        timed(advocacy("-o", str(markdown), "--date", DATE))
        ours_cmd = advocacy("-o", str(work / "letter.docx"), "--date", DATE, "--force")
        pandoc_cmd = [pandoc, str(markdown), "-o", str(work / "pandoc.docx")]
        floor_cmd = [sys.executable, "-c", FLOOR]
        timed(ours_cmd)  # warm the file cache and byte-code once, uncounted
        timed(pandoc_cmd)
        ours: list[tuple[float, float]] = []
        theirs: list[tuple[float, float]] = []
        floor: list[tuple[float, float]] = []
        for _ in range(args.runs):
            ours.append(timed(ours_cmd))
            theirs.append(timed(pandoc_cmd))
            floor.append(timed(floor_cmd))
    version = subprocess.run([pandoc, "--version"], capture_output=True, text=True).stdout
    print(f"{args.runs} alternating runs each; {version.splitlines()[0]}")
    for i, what in enumerate(("wall", "CPU")):
        mine = statistics.median(t[i] for t in ours)
        other = statistics.median(t[i] for t in theirs)
        ratio = statistics.median(a[i] / b[i] for a, b in zip(ours, theirs, strict=True))
        lowest = statistics.median(t[i] for t in floor)
        print(
            f"{what:>4}: advocacy rfi build → DOCX {mine * 1000:6.0f} ms, "
            f"pandoc {other * 1000:6.0f} ms, median ratio {ratio:.2f}x; "
            f"Python floor {lowest * 1000:.0f} ms ({lowest / other:.2f}x pandoc), "
            f"advocacy above it {(mine - lowest) * 1000:.0f} ms"
        )


if __name__ == "__main__":
    main()
