"""Benchmark: ``advocacy rfi batch`` throughput against pandoc, in one run.

Run from the repository root:  python benchmarks/bench_batch.py [--count 500] [--runs 5]

Generates a CSV of N fictional advocates for the shipped example response,
then times, each as one whole command:
  1. ``advocacy rfi batch`` to DOCX,
  2. ``advocacy rfi batch`` to Markdown,
  3. pandoc converting the N Markdown files from step 2 to DOCX (one pandoc
     process per document, as many at a time as there are CPUs: the same
     parallelism the batch uses).
Each step runs ``--runs`` times (5 by default), the three in turn, so a change
in the machine's load hits each alike. Prints the median documents per second
of each and the ratio of the DOCX medians to pandoc's, and the median CPU time
(user + system of the processes each step starts), which other work on a
busy machine disturbs less than wall time. This is a measurement,
not a test. pandoc must be on PATH: without it the benchmark fails.
"""

from __future__ import annotations

import argparse
import csv
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "ma-dmh-cbfs"
FIRST = ["Ana", "Bo", "Cy", "Di", "Eli", "Fay", "Gus", "Hal", "Ivy", "Jo"]
LAST = ["Silva", "Chen", "Diaz", "Evans", "Ford", "Gray", "Hale", "Ito", "Jones", "Khan"]


def write_people(path: Path, count: int) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["first_name", "last_name", "email", "intro:peer-roles"])
        for i in range(count):
            first, last = FIRST[i % 10], f"{LAST[(i // 10) % 10]}{i}"
            writer.writerow(
                [
                    first,
                    last,
                    f"{first.lower()}.{last.lower()}@example.org",
                    f"I am advocate number {i}. Peer work changed my life, and the new "
                    "contracts should protect it so that peers can do peer work.",
                ]
            )


def children_cpu() -> float:
    """User + system CPU seconds of the finished child processes so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of one command."""
    cpu, start = children_cpu(), time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{result.stderr[-3000:]}")
    return elapsed, children_cpu() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--runs", type=int, default=5, help="runs of each step (default 5)")
    args = parser.parse_args()
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        sys.exit("pandoc not found on PATH: this benchmark compares against pandoc; install it")
    n = args.count
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        people = work / "people.csv"
        write_people(people, n)
        base = [
            sys.executable,
            "-m",
            "advocacy",
            "rfi",
            "batch",
            str(EXAMPLE / "response.yaml"),
            "--people",
            str(people),
            "--now",
            "2017-05-25",
        ]

        def convert(source: Path) -> None:
            subprocess.run(
                [pandoc, str(source), "-o", str(work / "pandoc" / (source.stem + ".docx"))],
                check=True,
            )

        def pandoc_batch() -> tuple[float, float]:
            shutil.rmtree(work / "pandoc", ignore_errors=True)
            (work / "pandoc").mkdir()
            cpu, start = children_cpu(), time.perf_counter()
            with ThreadPoolExecutor(os.cpu_count()) as pool:
                list(pool.map(convert, sources))
            return time.perf_counter() - start, children_cpu() - cpu

        runs: dict[str, list[tuple[float, float]]] = {"docx": [], "md": [], "pandoc": []}
        sources: list[Path] = []
        for _ in range(args.runs):
            for folder in ("docx", "md"):
                shutil.rmtree(work / folder, ignore_errors=True)
            runs["docx"].append(timed([*base, "-o", str(work / "docx")]))
            runs["md"].append(timed([*base, "-o", str(work / "md"), "--format", "md"]))
            sources = sorted((work / "md").glob("*.md"))
            runs["pandoc"].append(pandoc_batch())
        wall = {step: statistics.median(t[0] for t in times) for step, times in runs.items()}
        cpu = {step: statistics.median(t[1] for t in times) for step, times in runs.items()}
        docx_time, md_time, pandoc_time = wall["docx"], wall["md"], wall["pandoc"]
        version = subprocess.run(
            [pandoc, "--version"], capture_output=True, text=True
        ).stdout.split("\n")[0]
        print(f"CPUs: {os.cpu_count()}; medians of {args.runs} runs")
        print(
            f"advocacy rfi batch → DOCX:     {n} in {docx_time:.2f}s = {n / docx_time:.0f} docs/s"
        )
        print(f"advocacy rfi batch → Markdown: {n} in {md_time:.2f}s = {n / md_time:.0f} docs/s")
        print(
            f"{version} → DOCX:     {len(sources)} in {pandoc_time:.2f}s = {len(sources) / pandoc_time:.0f} docs/s"
        )
        print(
            f"advocacy DOCX throughput / pandoc: {pandoc_time / docx_time * len(sources) / n:.1f}x"
        )
        print(
            f"CPU seconds (median): DOCX {cpu['docx']:.2f}s, Markdown {cpu['md']:.2f}s, "
            f"pandoc {cpu['pandoc']:.2f}s; pandoc / advocacy DOCX: "
            f"{cpu['pandoc'] / cpu['docx'] * len(sources) / n:.1f}x"
        )


if __name__ == "__main__":
    main()
