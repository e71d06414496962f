"""Fault injection: ``rfi batch`` killed with SIGKILL at random points, then resumed.

After three kills and a final run, every person must have exactly one letter,
and it must be theirs; the manifest must list everyone; no temporary file and
no worker process may be left behind.
"""

from __future__ import annotations

import csv
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RESPONSE = ROOT / "examples" / "ma-dmh-cbfs" / "response.yaml"
PEOPLE = 240
NAMES = ["José", "Zoë", "张", "محمد", "Ólafur", "Mary-Kate", "O'Neil", "Ngô"]


def _people(path: Path) -> list[dict[str, str]]:
    rows = []
    for i in range(PEOPLE):
        first = f"{NAMES[i % len(NAMES)]}{i}"
        rows.append(
            {
                "first_name": first,
                "last_name": f"Family{i}",
                "email": f"person{i}@example.org",
                "anonymous": "yes" if i % 17 == 0 else "no",
                "intro:peer-roles": f"My story, number {i}, is mine alone: marker-{i}-end.",
            }
        )
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return rows


def _command(people: Path, out: Path, fmt: str = "md") -> list[str]:
    return [
        sys.executable, "-m", "advocacy", "rfi", "batch", str(RESPONSE), "--people", str(people),
        "-o", str(out), "--format", fmt, "--jobs", "2", "--now", "2017-05-25",
    ]  # fmt: skip


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat_fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(stat_fields[1]) == pid:
            found.add(int(entry.name))
    return found


def _letters(out: Path) -> int:
    return len(list(out.glob("*.md"))) if out.is_dir() else 0


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _kill_and_resume(
    people: Path, out: Path, env: dict[str, str], chooser: random.Random, seen: set[int], seed: int
) -> int:
    """Start the batch three times, killing each run at a random moment.

    The moment is drawn as a number of letters to let the run write first (a
    clock would let a fast machine finish before it), plus a few milliseconds,
    so the kill lands anywhere: mid-letter, mid-manifest line, between rows.
    """
    kills = 0
    for _ in range(3):
        done = _letters(out)
        target = done + chooser.randint(1, max(1, (PEOPLE - done) * 2 // 3))
        extra = chooser.uniform(0, 0.05)
        process = subprocess.Popen(
            _command(people, out), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        workers: set[int] = set()
        while process.poll() is None and _letters(out) < target:
            workers |= _children(process.pid)
            time.sleep(0.005)
        time.sleep(extra)
        workers |= _children(process.pid)
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            kills += 1
        process.wait(timeout=60)
        seen |= workers
        # Workers die with their parent.
        limit = time.monotonic() + 10
        while any(_alive(w) for w in workers) and time.monotonic() < limit:
            time.sleep(0.1)
        assert not [w for w in workers if _alive(w)], f"workers left running (seed {seed})"
    return kills


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_killed_batches_resume_to_one_letter_each(tmp_path: Path) -> None:
    seed = random.randrange(1_000_000)
    chooser = random.Random(seed)
    people = tmp_path / "people.csv"
    rows = _people(people)
    out = tmp_path / "letters"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    seen: set[int] = set()
    try:
        kills = _kill_and_resume(people, out, env, chooser, seen, seed)
    finally:  # never leave a process behind, even when the test fails
        for pid in seen:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
    final = subprocess.run(
        _command(people, out), env=env, capture_output=True, text=True, timeout=600
    )
    assert final.returncode == 0, final.stderr
    assert kills >= 1, f"no run was killed (seed {seed})"

    letters = sorted(out.glob("*.md"))
    assert len(letters) == PEOPLE, f"seed {seed}"
    markers: dict[int, Path] = {}
    for letter in letters:
        text = letter.read_text("utf-8")
        found = [i for i in range(PEOPLE) if f"marker-{i}-end" in text]
        assert len(found) == 1, f"{letter.name} holds {found} (seed {seed})"
        (i,) = found
        assert i not in markers, f"two letters for person {i} (seed {seed})"
        markers[i] = letter
        if rows[i]["anonymous"] == "yes":
            assert letter.name.startswith("anonymous-") and rows[i]["last_name"] not in text
        else:
            assert f"{rows[i]['first_name']} {rows[i]['last_name']}" in text, f"seed {seed}"
    manifest = list(csv.DictReader((out / "manifest.csv").open(encoding="utf-8")))
    assert len(manifest) == PEOPLE
    assert {m["file"] for m in manifest} == {p.name for p in letters}
    assert {m["status"] for m in manifest} <= {"written", "skipped"}
    assert len({m["key"] for m in manifest}) == PEOPLE
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")], f"seed {seed}"


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_ctrl_c_stops_cleanly_and_resumes(tmp_path: Path) -> None:
    people = tmp_path / "people.csv"
    _people(people)
    out = tmp_path / "letters"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        _command(people, out, "docx"),
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group, as a terminal would make
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    workers: set[int] = set()
    # Interrupt once letters are being written (a fixed delay let a fast batch finish,
    # and a Ctrl-C during the interpreter's exit is not what this test is about).
    deadline = time.monotonic() + 60.0
    while time.monotonic() < deadline and process.poll() is None:
        workers |= _children(process.pid)
        if out.is_dir() and next(out.glob("*.docx"), None) is not None:
            break
        time.sleep(0.01)
    os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C sends
    try:
        _, stderr = process.communicate(timeout=60)
    finally:
        for pid in workers:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
    if process.returncode == 0:
        pytest.skip("the batch finished before the interrupt")
    assert process.returncode == 130, stderr
    assert b"Interrupted." in stderr and b"Traceback" not in stderr
    time.sleep(0.5)
    assert not [w for w in workers if _alive(w)]
    final = subprocess.run(
        _command(people, out, "docx"),
        env=env,
        capture_output=True,
        timeout=600,
    )
    assert final.returncode == 0, final.stderr
    assert len(list(out.glob("*.docx"))) == PEOPLE
    assert not list(out.glob(".*.tmp"))
