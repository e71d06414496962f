"""Benchmark: time ``advocacy points lint`` on 10,000 generated talking points.

Run:  python benchmarks/bench_lint.py [--count N] [--repeat R]
Measures the package of this checkout (not an installed copy), and prints the
wall time of each run of the whole command (start-up included) and the median,
the median CPU time (user + system of the command and its worker processes),
which a busy machine disturbs less, and the load average before and after, which
tells whether other work shared the machine. The issue's target: under 2 seconds
for 10,000 points on a 2-core machine. This is a measurement, not a test:
nothing asserts on time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

BODY = (
    "Peer support rests on **mutual** connection. A provider that hires people in peer roles "
    "should say how those roles stay distinct from clinical work, who supervises them, and how "
    "their training continues.\n\n- hope and self-determination\n- honest boundaries\n"
    "- using one's own story for the other person's benefit\n\n"
    "See [the handbook](https://example.org/handbook) for more.\n"
) * 2


def point(i: int, today: dt.date) -> dict[str, object]:
    return {
        "id": f"point-{i:05d}",
        "title": f"Benchmark point {i}",
        "category": "ethics",
        "status": "approved",
        "reviewed": today,
        "owner": "Benchmark",
        "summary": "Every peer role should follow the Certified Peer Specialist code of ethics.",
        "body": BODY,
        "ask": "Describe how the provider keeps every peer role consistent with the CPS code.",
        "recommendation": "Require every bidder to keep its peer roles consistent with the code.",
        "rationale": "The code protects peer roles from coercion.[^kiva-networks]",
        "sources": [
            {
                "id": "kiva-networks",
                "title": "Peer Support Networks",
                "publisher": "Kiva Centers",
                "year": 2020,
                "url": "https://kivacenters.org/resources/peer-support-networks/",
            }
        ],
        "tags": ["ethics", "workforce"],
        "related": [f"point-{(i + 1) % 10000:05d}"],
        "evaluation": {
            "question": "Does the bid commit to the CPS code of ethics for every peer role?",
            "look_for": [
                {"text": "Names the CPS code", "match": ["code of ethics", "cps code"]},
                {"text": "Ethics training for peer staff", "match": ["ethics training"]},
                "Supervisors know the code",
            ],
            "red_flags": [
                {
                    "text": "Peers enforce rules",
                    "why": "Coercion breaks the role.",
                    "match": ["enforce compliance"],
                }
            ],
            "weight": 2,
            "mandatory": True,
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    today = dt.date.today()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "points"
        folder.mkdir()
        (folder / "categories.yaml").write_text(
            "categories:\n  ethics: {title: Ethics, description: The CPS code.}\n", "utf-8"
        )
        for i in range(args.count):
            data = point(i, today)
            data["related"] = [f"point-{(i + 1) % args.count:05d}"]
            (folder / f"point-{i:05d}.yaml").write_text(
                yaml.safe_dump(data, sort_keys=False), "utf-8"
            )
        # The checkout's package first on the path, wherever this is run from.
        root = str(Path(__file__).resolve().parent.parent)
        path = os.pathsep.join(p for p in (root, os.environ.get("PYTHONPATH")) if p)
        env = {**os.environ, "PYTHONPATH": path}
        times, cpu_times = [], []
        load_before = os.getloadavg()[0]
        for _ in range(args.repeat):
            usage = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = usage.ru_utime + usage.ru_stime
            start = time.perf_counter()
            result = subprocess.run(
                [sys.executable, "-m", "advocacy", "points", "lint", str(folder)],
                capture_output=True,
                text=True,
                env=env,
            )
            times.append(time.perf_counter() - start)
            usage = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu_times.append(usage.ru_utime + usage.ru_stime - cpu)
            if result.returncode != 0:
                sys.exit(f"lint failed:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")
        print(
            f"advocacy points lint on {args.count:,} points: "
            + ", ".join(f"{t:.2f}s" for t in times)
            + f" (median {statistics.median(times):.2f}s; "
            f"CPU median {statistics.median(cpu_times):.2f}s; "
            f"load average {load_before:.2f} before, {os.getloadavg()[0]:.2f} after, "
            f"{os.cpu_count()} CPUs)"
        )


if __name__ == "__main__":
    main()
