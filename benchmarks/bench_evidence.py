"""Benchmark: time ``advocacy score evidence`` on a 100-page bid.

Run from the repository root:  python benchmarks/bench_evidence.py [--pages 100]

Builds a fictional bid of about 500 words a page (as Markdown, then DOCX with
our writer, then PDF with LibreOffice when ``soffice`` is on PATH), and times
the whole command on each: reading, matching every criterion of the default
rubric, and printing. The issue's target: under 2 seconds for 100 pages.
This is a measurement, not a test.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PARAGRAPHS = [
    "Peer specialists are supervised by a peer supervisor who has worked in a peer role and "
    "completed approved training in supervising peer roles. Supervision follows the National "
    "Practice Guidelines and meets every week.",
    "All peer roles follow the Massachusetts CPS Code of Ethics, which is written into each "
    "peer job description and discussed in supervision and performance reviews.",
    "The program serves adults in their own homes and in group residences, with a clinician "
    "assigned to each person and a team available around the clock.",
    "Peer staff keep primary membership in the agency's peer support team even when assigned "
    "to residential programs, and the team meets twice a month.",
    "Staff receive paid time each month to attend regional peer networks and trainings "
    "offered by the recovery learning community.",
    "The budget narrative explains how positions are funded, how vacancies are covered, and "
    "how the program will report outcomes to the department each quarter.",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=100)
    args = parser.parse_args()
    words_needed = args.pages * 500
    lines = ["---", "title: Benchmark bid", "---", ""]
    words = section = 0
    while words < words_needed:
        section += 1
        lines += [f"## {section}. Section {section}", ""]
        for paragraph in PARAGRAPHS:
            lines += [paragraph, ""]
            words += len(paragraph.split())
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        md = work / "bid.md"
        md.write_text("\n".join(lines), "utf-8")
        docx = work / "bid.docx"
        subprocess.run(
            [sys.executable, "-m", "advocacy", "render", str(md), "-o", str(docx)],
            check=True,
            capture_output=True,
        )
        files = [md, docx]
        soffice = shutil.which("soffice")
        if soffice:
            subprocess.run(
                [
                    soffice,
                    f"-env:UserInstallation={(work / 'lo').as_uri()}",
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(work),
                    str(docx),
                ],
                check=True,
                capture_output=True,
                timeout=600,
            )
            pdf = work / "bid.pdf"
            pages = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
            print(next((line for line in pages.splitlines() if line.startswith("Pages")), ""))
            files.append(pdf)
        print(f"{words:,} words in {section} sections")
        for path in files:
            start = time.perf_counter()
            cpu = _child_cpu()
            subprocess.run(
                [sys.executable, "-m", "advocacy", "score", "evidence", str(path)],
                check=True,
                capture_output=True,
            )
            print(
                f"advocacy score evidence {path.suffix}: {time.perf_counter() - start:.2f}s "
                f"(CPU {_child_cpu() - cpu:.2f}s: on a busy machine the wall time grows, "
                "the CPU time does not)"
            )


def _child_cpu() -> float:
    """User and system CPU seconds used so far by finished child processes."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


if __name__ == "__main__":
    main()
