"""Benchmark: ``advocacy rfi batch --format pdf`` against LibreOffice alone on the same letters.

Run from the repository root:  python benchmarks/bench_pdf.py [--count 500] [--rounds 3]

Generates a CSV of N fictional advocates for the shipped example response,
writes their letters as DOCX once (not timed), then times, each round:
  1. LibreOffice alone: the N DOCX files split into one list per CPU, one
     ``soffice --headless --convert-to pdf`` per list, all at once, each with
     a fresh private profile (as the batch uses), tagged PDF;
  2. ``advocacy rfi batch --format pdf``, the whole command: reading the CSV,
     writing each DOCX, converting, the manifest and the similarity report.
Prints each round's times and the median ratio batch / LibreOffice alone
(target: at most 1.3). This is a measurement, not a test.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_batch import EXAMPLE, ROOT, timed, write_people

from advocacy.render.libreoffice import PDF_FILTER


def libreoffice_alone(docx: list[Path], work: Path, converters: int) -> float:
    soffice = shutil.which("soffice")
    if soffice is None:
        sys.exit("soffice is not on PATH")
    lists = [docx[i::converters] for i in range(converters)]

    def convert(index: int) -> None:
        folder = work / f"c{index}"
        command = [
            soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
            "--convert-to", PDF_FILTER, "--outdir", str(folder / "out"), *map(str, lists[index]),
        ]  # fmt: skip
        result = subprocess.run(command, check=True, capture_output=True, text=True)
        made = {p.stem for p in (folder / "out").glob("*.pdf")}
        missing = [p.name for p in lists[index] if p.stem not in made]
        if missing:
            said = [line for line in result.stdout.splitlines() if not line.startswith("convert")]
            print(f"  converter {index}: no PDF for {missing[:5]} …; it said: {said[-3:]}")

    start = time.perf_counter()
    with ThreadPoolExecutor(converters) as pool:
        list(pool.map(convert, range(converters)))
    elapsed = time.perf_counter() - start
    made = len(list(work.glob("c*/out/*.pdf")))
    if made != len(docx):
        print(f"  LibreOffice alone wrote {made} PDF files for {len(docx)} DOCX")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        people = work / "people.csv"
        write_people(people, args.count)
        base = [
            sys.executable, "-m", "advocacy", "rfi", "batch", str(EXAMPLE / "response.yaml"),
            "--people", str(people), "--now", "2017-05-25",
        ]  # fmt: skip
        timed([*base, "-o", str(work / "docx")])
        docx = sorted((work / "docx").glob("*.docx"))
        ratios = []
        print(f"CPUs: {cores}; letters: {len(docx)}; rounds: {args.rounds}")
        for round_ in range(1, args.rounds + 1):
            alone = libreoffice_alone(docx, work / f"alone{round_}", cores)
            batch, _ = timed([*base, "-o", str(work / f"pdf{round_}"), "--format", "pdf"])
            made = len(list((work / f"pdf{round_}").glob("*.pdf")))
            if made != len(docx):
                sys.exit(f"the batch wrote {made} PDF files for {len(docx)} letters")
            ratios.append(batch / alone)
            print(
                f"round {round_}: LibreOffice alone {alone:.2f}s, "
                f"advocacy rfi batch --format pdf {batch:.2f}s, ratio {batch / alone:.2f}"
            )
        print(f"median ratio batch / LibreOffice alone: {statistics.median(ratios):.2f}")


if __name__ == "__main__":
    os.chdir(ROOT)
    main()
