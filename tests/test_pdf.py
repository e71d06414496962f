"""PDF output: a real LibreOffice makes tagged PDF, in batches too, and leaves nothing running.

Needs LibreOffice (``soffice``) and poppler (``pdfinfo``, ``pdftotext``):
skipped without them, except on CI (``CI=true``), where that is a failure.
"""

from __future__ import annotations

import csv
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import require_tool

from advocacy.cli import main
from advocacy.render import libreoffice
from advocacy.respond.batch_manifest import MANIFEST

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "ma-dmh-cbfs"
SAMPLE = Path(__file__).resolve().parent / "fixtures" / "sample.md"
BEFORE = "2017-05-25"

pytestmark = pytest.mark.libreoffice


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def info(pdf: Path) -> dict[str, str]:
    out = subprocess.run(
        [require_tool("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    return dict(line.split(":", 1) for line in out.splitlines() if ":" in line)


def text(pdf: Path) -> str:
    out = subprocess.run(
        [require_tool("pdftotext"), str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return re.sub(r"\s+", " ", out)


def language(pdf: Path) -> str | None:
    found = re.search(rb"/Lang\(([^)]*)\)", pdf.read_bytes())
    return found.group(1).decode() if found else None


def converters_under(folder: Path) -> list[int]:
    """Ids of running LibreOffice processes whose command line names ``folder``."""
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            args = (proc / "cmdline").read_bytes().split(b"\0")
            state = (proc / "stat").read_text().split(") ", 1)[1][0]
        except OSError:
            continue
        if state != "Z" and b"soffice" in args[0] and str(folder).encode() in b" ".join(args):
            found.append(int(proc.name))
    return found


def gone(folder: Path, within: float = 10.0) -> bool:
    deadline = time.monotonic() + within
    while converters_under(folder):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


@pytest.fixture(autouse=True)
def _tools() -> None:
    require_tool("soffice")


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Single documents convert under ``tmp_path``, so this test's converters can be found."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    return tmp_path


# --------------------------------------------------------------------------- single documents


def test_render_writes_a_tagged_pdf_with_its_pages_text_and_language(private_tmp: Path) -> None:
    out = private_tmp / "sample.pdf"
    result = run("render", str(SAMPLE), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"%PDF-")
    meta = info(out)
    assert meta["Tagged"].strip() == "yes"
    assert meta["Pages"].strip() == "2"  # the sample has a page break
    body = text(out)
    assert "Response to RFI 2025-07" in body and "Peer specialist 40 1:12" in body
    assert language(out) == "en-US"
    assert gone(private_tmp, within=0), "a converter outlived the command"


def test_spanish_response_keeps_its_language(private_tmp: Path) -> None:
    out = private_tmp / "respuesta.pdf"
    result = run("rfi", "build", str(EXAMPLE / "response-es.yaml"), "--now", BEFORE, "-o", str(out))
    assert result.exit_code == 0, result.output
    assert (language(out) or "").startswith("es")
    assert info(out)["Tagged"].strip() == "yes"
    assert int(info(out)["Pages"]) >= 2


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        (["checklist", "build", str(EXAMPLE / "rubric.yaml")], "Checklist"),
        (["score", "report", *sorted(map(str, (EXAMPLE / "scores").glob("*.yaml")))], "Score"),
    ],
)
def test_checklist_and_score_report_as_pdf(
    private_tmp: Path, command: list[str], expected: str
) -> None:
    out = private_tmp / "out.pdf"
    result = run(*command, "-o", str(out))
    assert result.exit_code == 0, result.output
    assert info(out)["Tagged"].strip() == "yes"
    assert expected.casefold() in text(out).casefold()


def test_existing_pdf_is_kept_without_force(private_tmp: Path) -> None:
    out = private_tmp / "sample.pdf"
    out.write_bytes(b"mine")
    result = run("render", str(SAMPLE), "-o", str(out))
    assert result.exit_code == 1 and out.read_bytes() == b"mine"


def test_missing_libreoffice_says_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(libreoffice, "_USUAL_PLACES", ())
    out = tmp_path / "sample.pdf"
    result = run("render", str(SAMPLE), "-o", str(out))
    assert result.exit_code == 1
    assert "LibreOffice is needed" in result.output
    assert "apt-get install libreoffice-writer-nogui" in result.output
    assert "libreoffice.org/download" in result.output
    assert "Traceback" not in result.output and not out.exists()
    letters = tmp_path / "letters"
    result = run(
        "rfi", "batch", str(EXAMPLE / "response.yaml"), "--people", str(EXAMPLE / "advocates.csv"),
        "-o", str(letters), "--now", BEFORE, "--format", "pdf",
    )  # fmt: skip
    assert result.exit_code == 1 and "apt-get install" in result.output
    assert not letters.exists()  # stopped before any letter


# --------------------------------------------------------------------------- batches


def batch(out: Path, *extra: str):
    return run(
        "rfi", "batch", str(EXAMPLE / "response.yaml"), "--people", str(EXAMPLE / "advocates.csv"),
        "-o", str(out), "--now", BEFORE, "--format", "pdf", "--jobs", "2", *extra,
    )  # fmt: skip


def manifest(out: Path) -> dict[str, str]:
    return {row["file"]: row["status"] for row in csv.DictReader((out / MANIFEST).open())}


def test_batch_to_pdf_and_resume_converts_only_missing_letters(tmp_path: Path) -> None:
    out = tmp_path / "letters"
    first = batch(out)
    assert first.exit_code == 0, first.output
    pdfs = sorted(out.glob("*.pdf"))
    assert len(pdfs) == 7 and "7 written" in first.output
    assert set(manifest(out).values()) == {"written"}
    assert not (out / ".pdf-work").exists() and not list(out.glob("*.docx"))
    assert all(info(p)["Tagged"].strip() == "yes" for p in pdfs)
    alvarez = next(p for p in pdfs if "lvarez" in p.name)
    assert "Holyoke" in text(alvarez)
    assert gone(out, within=0)

    before = {p.name: p.stat().st_mtime_ns for p in pdfs}
    pdfs[0].unlink()
    second = batch(out)
    assert second.exit_code == 0, second.output
    assert "1 written, 6 skipped" in second.output
    after = {p.name: p.stat().st_mtime_ns for p in sorted(out.glob("*.pdf"))}
    assert set(after) == set(before)
    changed = [name for name in after if after[name] != before[name]]
    assert changed == [pdfs[0].name]  # the others were not converted again
    assert info(pdfs[0])["Tagged"].strip() == "yes"


@pytest.mark.slow
def test_killed_batch_leaves_no_libreoffice_running(tmp_path: Path) -> None:
    people = tmp_path / "people.csv"
    with people.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["first_name", "last_name", "email"])
        writer.writerows([f"P{i}", f"Last{i}", f"p{i}@example.org"] for i in range(60))
    out = tmp_path / "letters"
    process = subprocess.Popen(
        [sys.executable, "-m", "advocacy", "rfi", "batch", str(EXAMPLE / "response.yaml"),
         "--people", str(people), "-o", str(out), "--now", BEFORE, "--format", "pdf"],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 120
        # Kill it mid-conversion: a converter is running and has written a PDF.
        while not (converters_under(out) and list(out.glob(".pdf-work/*/out/*.pdf"))):
            assert process.poll() is None, "the batch ended before converting"
            assert time.monotonic() < deadline, "no converter started"
            time.sleep(0.05)
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        assert gone(out, within=1.0), f"LibreOffice left running: {converters_under(out)}"
    finally:
        if process.poll() is None:
            process.kill()
        for pid in converters_under(out):  # pragma: no cover - only when the test fails
            os.kill(pid, signal.SIGKILL)
    statuses = [row["status"] for row in csv.DictReader((out / MANIFEST).open())]
    assert "pending" in statuses  # the killed run left letters to finish
    resumed = run(
        "rfi", "batch", str(EXAMPLE / "response.yaml"), "--people", str(people), "-o", str(out),
        "--now", BEFORE, "--format", "pdf",
    )  # fmt: skip
    assert resumed.exit_code == 0, resumed.output
    assert len(list(out.glob("*.pdf"))) == 60 and gone(out, within=0)


def _dropping(monkeypatch: pytest.MonkeyPatch, stem: str, times: int) -> list[int]:
    """Make LibreOffice 'forget' the document ``stem`` on its first ``times`` runs with it."""
    original = libreoffice.Converter.convert
    seen = [0]

    def convert(self, documents):  # type: ignore[no-untyped-def]
        results = original(self, documents)
        for document in documents:
            if document.stem == stem:
                seen[0] += 1
                if seen[0] <= times:
                    results[document] = "LibreOffice wrote no PDF (dropped)"
        return results

    monkeypatch.setattr(libreoffice.Converter, "convert", convert)
    return seen


def test_a_dropped_document_is_converted_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = _dropping(monkeypatch, "Alvarez-Jose", times=1)
    out = tmp_path / "letters"
    result = batch(out)
    assert result.exit_code == 0, result.output
    assert seen[0] == 2 and (out / "Alvarez-Jose.pdf").is_file()
    assert set(manifest(out).values()) == {"written"}


def test_a_letter_libreoffice_cannot_convert_fails_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _dropping(monkeypatch, "Alvarez-Jose", times=99)
    out = tmp_path / "letters"
    result = batch(out)
    assert result.exit_code != 0
    assert "6 written" in result.output and "1 failed" in result.output
    assert "LibreOffice wrote no PDF" in result.output
    statuses = manifest(out)
    assert statuses["Alvarez-Jose.pdf"] == "failed" and not (out / "Alvarez-Jose.pdf").exists()
    assert list(statuses.values()).count("written") == 6
