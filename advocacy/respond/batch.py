"""Personalised letters in bulk: one response per row of a CSV of advocates.

The CSV is read strictly first (:mod:`advocacy.respond.people`): a malformed
file, an unknown column or two rows for one person stop the run before any
letter is written. Each person has a stable key and a file of their own
(:mod:`advocacy.respond.batch_manifest`); the manifest records key → file →
status as the run goes, so a killed run resumes without ever giving one
person's file to another. Each row is checked like ``rfi check``; a row with
errors is reported with its line number while the rest go on.

After every run, :mod:`advocacy.respond.similarity` measures how much of each
letter is shared with the others and writes ``similarity.csv`` beside the
manifest.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import re
import secrets
import shutil
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from advocacy.atomic import remove_stale_temps, write_atomic
from advocacy.csvout import csv_text
from advocacy.errors import AdvocacyError, Diagnostic, error
from advocacy.library import Library
from advocacy.lifetime import kill_with_parent
from advocacy.render import render
from advocacy.respond.batch_manifest import (
    DONE,
    MANIFEST,
    SALT_FILE,
    Entry,
    ManifestLog,
    compact_manifest,
    keys_for,
    load_salt,
    plan_files,
    read_manifest,
)
from advocacy.respond.people import (
    Person,
    personalise,
    read_people,
    shared_own_words,
    without_own_words,
)
from advocacy.respond.response import (
    LoadedResponse,
    check_response,
    checked_markdown,
    response_markdown,
)
from advocacy.respond.similarity import (
    DEFAULT_THRESHOLD,
    SimilarityReport,
    sample_rate,
    shingles,
    similarity,
)

SIMILARITY_FILE = "similarity.csv"


@dataclass(frozen=True)
class RowResult:
    """What happened to one row."""

    person: Person
    key: str
    file: str
    status: str  # written | skipped | failed
    personal_share: float | None = None
    words: int | None = None
    diagnostics: tuple[Diagnostic, ...] = ()
    shingles: frozenset[int] = frozenset()

    def entry(self) -> Entry:
        share = f"{self.personal_share:.2f}" if self.personal_share is not None else ""
        messages = [d.message for d in self.diagnostics]
        line = str(self.person.line)
        if self.person.anonymous:  # nothing that leads back to the row
            messages = [re.sub(r"^row \d+(?: \(column [^)]*\))?: ", "", m) for m in messages]
            line = ""
        return Entry(
            self.key,
            self.file,
            self.status,
            line,
            share,
            str(self.words or ""),
            "; ".join(messages),
        )


@dataclass
class BatchSummary:
    results: list[RowResult] = field(default_factory=list)
    manifest: Path | None = None
    #: Own words of the base response no CSV column replaces …
    shared: list[str] = field(default_factory=list)
    #: … and whether every letter repeats them (else every letter leaves them out).
    shared_kept: bool = False
    #: People in the manifest who are no longer in the CSV; their letters stay.
    absent: list[Entry] = field(default_factory=list)
    similarity: SimilarityReport | None = None
    similarity_file: Path | None = None
    #: How the CSV was read (e.g. a Windows-1252 guess).
    warnings: list[Diagnostic] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def failed(self) -> bool:
        return self.count("failed") > 0


@dataclass(frozen=True)
class _Job:
    loaded: LoadedResponse
    library: Library
    csv_path: Path
    out_dir: Path
    fmt: str
    reference_doc: Path | None
    now: dt.datetime | None
    date: dt.date | None
    template_dir: Path | None
    sample_rate: int
    parent: int
    #: PDF: where workers write each letter's DOCX for the converters (else ``None``).
    stage: Path | None = None


@dataclass(frozen=True)
class _Item:
    person: Person
    key: str
    file: str
    write: bool  # False: the letter is there already; only measure it
    overwrite: bool  # the file is this person's (or --force)


def run_batch(
    loaded: LoadedResponse,
    library: Library,
    people_csv: Path,
    out_dir: Path,
    fmt: str = "docx",
    name_pattern: str | None = None,
    jobs: int | None = None,
    force: bool = False,
    reference_doc: Path | None = None,
    now: dt.datetime | None = None,
    date: dt.date | None = None,
    template_dir: Path | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    on_result: Callable[[RowResult], None] | None = None,
    on_start: Callable[[int], None] | None = None,
    keep_shared: bool = False,
) -> BatchSummary:
    """Write one response per CSV row into ``out_dir``, with a manifest and a similarity report.

    ``name_pattern`` makes file names from CSV columns (default: last and
    first name). ``jobs`` worker processes render in parallel (default: CPU
    count). ``on_start(total)`` and ``on_result(result)`` report progress.
    Existing letters are kept unless ``force``. The base response's own
    words that no CSV column replaces are left out of every letter, unless
    ``keep_shared`` (the summary's ``shared`` names them either way).
    """
    _check_out_dir(out_dir, people_csv)
    people = read_people(people_csv, loaded)
    previous = read_manifest(out_dir, force) if out_dir.is_dir() else {}
    salt = load_salt(out_dir) if out_dir.is_dir() else None
    new_salt = None
    if salt is None and any(p.anonymous for p in people.people):
        if any(key.startswith("anonymous-") for key in previous):
            raise AdvocacyError(
                "the salt file of this output folder is missing, so anonymous people "
                "cannot be matched to their letters",
                out_dir / SALT_FILE,
                hint="restore it from a backup, or write the batch to a new folder",
            )
        salt = new_salt = secrets.token_bytes(32)
    keys = keys_for(people.people, salt, people_csv)
    from advocacy.render.formats import get_format

    suffix = get_format(fmt).suffix
    if fmt == "pdf":
        from advocacy.render.libreoffice import find_soffice

        find_soffice()  # a missing LibreOffice stops the batch before any letter
    existing = [p.name for p in out_dir.iterdir()] if out_dir.is_dir() else []
    files = plan_files(people.people, keys, previous, name_pattern, suffix, existing)
    # Everything is checked: from here on, the folder is written.
    _make_folder(out_dir, new_salt)
    remove_stale_temps(out_dir, [*files, MANIFEST, SIMILARITY_FILE])
    items = [
        _item(person, key, file, previous.get(key), out_dir, force)
        for person, key, file in zip(people.people, keys, files, strict=True)
    ]
    stage = _stage(out_dir) if fmt == "pdf" else None
    log = ManifestLog(out_dir, fresh=not previous)
    try:
        claims = [Entry(i.key, i.file, "pending") for i in items if i.key not in previous]
        log.append(sorted(claims, key=lambda e: e.key), sync=True)
        shared = shared_own_words(loaded, people.columns)
        job = _Job(
            loaded if keep_shared else without_own_words(loaded, shared),
            library,
            people_csv,
            out_dir,
            fmt,
            reference_doc,
            now,
            date,
            template_dir,
            sample_rate(len(items)),
            os.getpid(),
            stage,
        )
        summary = BatchSummary(
            shared=shared, shared_kept=keep_shared, warnings=list(people.warnings)
        )
        if on_start:
            on_start(len(items))
        workers = max(1, min(jobs or os.cpu_count() or 1, len(items)))
        results = _results(job, items, workers)
        if stage is not None:
            results = _to_pdf(results, stage, out_dir, workers, sum(i.write for i in items))
        for result in results:
            log.append([result.entry()])
            summary.results.append(result)
            if on_result:
                on_result(result)
        summary.results.sort(key=lambda r: r.person.line)
        current = set(keys)
        summary.absent = [e for k, e in sorted(previous.items()) if k not in current]
        gone = [
            Entry(e.key, e.file, "not-in-csv", message="not in the CSV; letter left in place")
            for e in summary.absent
        ]
        log.append(gone)
    finally:
        log.close()
        if stage is not None:
            shutil.rmtree(stage, ignore_errors=True)
    compact_manifest(out_dir, [r.entry() for r in summary.results] + gone)
    summary.manifest = out_dir / MANIFEST
    letters = {r.file: r.shingles for r in summary.results if r.status != "failed"}
    summary.similarity = similarity(letters, threshold)
    summary.similarity_file = out_dir / SIMILARITY_FILE
    write_atomic(summary.similarity_file, csv_text(summary.similarity.csv_rows()), force=True)
    return summary


def _check_out_dir(out_dir: Path, people_csv: Path) -> None:
    if out_dir.exists() and not out_dir.is_dir():
        raise AdvocacyError("the output path exists and is not a folder", out_dir)
    if out_dir.exists() and people_csv.resolve().parent == out_dir.resolve():
        raise AdvocacyError(
            "the output folder holds the people CSV itself",
            out_dir,
            hint="write the letters to a folder of their own, e.g. -o letters/",
        )


def _make_folder(out_dir: Path, new_salt: bytes | None) -> None:
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise AdvocacyError(
            f"cannot create the output folder: {exc.strerror or exc}", out_dir
        ) from None
    if new_salt is not None:
        write_atomic(out_dir / SALT_FILE, new_salt.hex() + "\n")


def _item(
    person: Person, key: str, file: str, entry: Entry | None, out_dir: Path, force: bool
) -> _Item:
    there = (out_dir / file).exists()
    done = entry is not None and entry.status in (*DONE, "not-in-csv")
    return _Item(person, key, file, write=force or not (there and done), overwrite=there)


# --------------------------------------------------------------------------- workers

_JOB: _Job | None = None


def _init_worker(job: _Job) -> None:
    global _JOB
    _JOB = job
    if job.parent != os.getpid():
        # Ctrl-C is the parent's to handle: it stops the workers itself, so none
        # is interrupted halfway through talking to the pool.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        _die_with_parent(job.parent)


def _die_with_parent(parent: int) -> None:
    """End this worker when the batch's process ends, even by ``kill -9``.

    On Linux the kernel sends SIGKILL (``prctl(PR_SET_PDEATHSIG)``); a
    watchdog thread that notices the parent is gone covers the other systems.
    """
    kill_with_parent()
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _watch_parent(parent: int) -> None:  # pragma: no cover - runs only when prctl is missing
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _run_row(item: _Item) -> RowResult:
    from advocacy.render.frontmatter import split_front_matter

    job = _JOB
    assert job is not None, "worker not initialised"
    person = item.person
    try:
        loaded = personalise(job.loaded, person, job.csv_path)
        markdown = None
        if item.write:
            target, fmt, overwrite = job.out_dir / item.file, job.fmt, item.overwrite
            if job.stage is not None:  # the parent's converters make the PDF
                target, fmt, overwrite = job.stage / _docx_name(item.file), "docx", True
            report, markdown = checked_markdown(
                loaded, job.library, job.now, job.date, job.template_dir
            )
            render(markdown, fmt, target, job.reference_doc, overwrite, str(loaded.path))
        else:
            report = check_response(loaded, job.library, job.now, job.template_dir)
        if markdown is None:
            markdown = response_markdown(loaded, job.library, job.date, job.template_dir, report)
    except AdvocacyError as exc:
        diags = tuple(_at_row(d, person, job.csv_path) for d in exc.diagnostics)
        return RowResult(person, item.key, item.file, "failed", diagnostics=diags)
    _, body = split_front_matter(markdown, item.file)
    words = sum(a.words for a in report.answers)
    status = "written" if item.write else "skipped"
    found = shingles(body, job.sample_rate)
    return RowResult(person, item.key, item.file, status, report.personal_share, words, (), found)


def _at_row(diag: Diagnostic, person: Person, csv_path: Path) -> Diagnostic:
    """Errors in a personalised response belong to the CSV row."""
    if diag.file == str(csv_path):
        return diag
    return error(
        f"row {person.line}: {diag.message}", csv_path, person.line, hint=diag.hint, code=diag.code
    )


def _results(job: _Job, items: Sequence[_Item], workers: int) -> Iterator[RowResult]:
    if workers == 1:
        _init_worker(job)
        yield from map(_run_row, items)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from advocacy.render.formats import get_format

    get_format(job.fmt).prepare(job.reference_doc)  # workers inherit what it loads
    # Everything loaded so far lives for the whole run: keep the cycle collector
    # from scanning it again for every letter (and from touching forked pages).
    gc.freeze()
    context = multiprocessing.get_context("fork") if sys.platform == "linux" else None
    pool = ProcessPoolExecutor(
        workers, mp_context=context, initializer=_init_worker, initargs=(job,)
    )
    try:
        # Small chunks: few round trips between processes, progress still moves often.
        chunk = max(1, len(items) // (workers * 16))
        yield from pool.map(_run_row, items, chunksize=chunk)
    finally:
        # On Ctrl-C (or when the caller stops early) the letters not started are
        # cancelled and the workers end after the few rows in hand; a row whose
        # outcome is lost stays "pending" in the manifest and is redone next time.
        pool.shutdown(wait=True, cancel_futures=True)


# --------------------------------------------------------------------------- PDF

#: The folder (inside the output folder) where a PDF batch keeps its DOCX and converters.
PDF_STAGE = ".pdf-work"


def _stage(out_dir: Path) -> Path:
    """A fresh staging folder; one a killed run left behind is cleared first."""
    stage = out_dir / PDF_STAGE
    shutil.rmtree(stage, ignore_errors=True)
    (stage / "docx").mkdir(parents=True)
    return stage


def _docx_name(file: str) -> str:
    return str(Path("docx") / (Path(file).stem + ".docx"))


def _to_pdf(
    results: Iterator[RowResult], stage: Path, out_dir: Path, workers: int, expected: int
) -> Iterator[RowResult]:
    """Pass rows through, turning each written letter's DOCX into its PDF on the way.

    One LibreOffice per worker converts while the workers still write: a
    letter counts as written (and goes into the manifest) once its PDF is in
    place. Letters skipped on a resumed run are not converted again.
    """
    from advocacy.render.libreoffice import Converted, ConverterPool

    pool = ConverterPool(workers, stage, max(1, expected))

    def finished(done: Converted) -> RowResult:
        row = done.token
        assert isinstance(row, RowResult)
        problem = done.error
        if done.pdf is not None:
            try:
                os.replace(done.pdf, out_dir / row.file)
            except OSError as exc:
                problem = f"cannot write the PDF: {exc.strerror or exc}"
        if problem is not None:
            diag = error(f"row {row.person.line}: {problem}", out_dir / row.file)
            return RowResult(row.person, row.key, row.file, "failed", diagnostics=(diag,))
        (stage / _docx_name(row.file)).unlink(missing_ok=True)
        return row

    try:
        for result in results:
            if result.status == "written":
                pool.put(stage / _docx_name(result.file), result)
            else:
                yield result
            yield from map(finished, pool.ready())
        yield from map(finished, pool.finish())
    finally:
        pool.stop()
