"""Personalised letters in bulk: one response per row of a CSV of advocates.

Column mapping (header names):

* identity: ``first_name``, ``last_name``, ``name``, ``organization``,
  ``role``, ``email``, ``city``, ``anonymous`` (yes/no);
* own words: ``intro:<question>``, ``closing:<question>``,
  ``note:<question>:<point>`` and ``closing`` (the letter's close).

A column present in the CSV replaces the base response's value for every
row, even when its cell is blank, so one person's details or story never
appear under another's name. Own words with no column are shared by every
letter; :func:`shared_own_words` lists them so the organizer can see.
Anonymous rows get files named ``anonymous-<line>``.

Each row is checked like ``rfi check``; a row with errors is reported with
its line number and skipped while the rest go on. Files are written
atomically and existing ones are skipped unless ``force``, so a killed run
resumes where it stopped. ``manifest.csv`` lists every row's outcome.
"""

from __future__ import annotations

import csv
import datetime as dt
import gc
import io
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from advocacy.atomic import write_atomic
from advocacy.csvout import csv_text
from advocacy.errors import AdvocacyError, Diagnostic, did_you_mean, error
from advocacy.filenames import fill_pattern, safe_stem
from advocacy.library import Library
from advocacy.respond.response import LoadedResponse, build_response, check_response
from advocacy.yamlio import read_text

IDENTITY = ("first_name", "last_name", "name", "organization", "role", "email", "city", "anonymous")
MAX_CSV_BYTES = 10 * 1024 * 1024
MANIFEST = "manifest.csv"
DEFAULT_NAME = "{last_name}-{first_name}"
_YES = {"yes", "y", "true", "1", "x"}
_NO = {"no", "n", "false", "0", ""}


@dataclass(frozen=True)
class Person:
    """One CSV row: its line number in the file and its cells by column."""

    line: int
    cells: dict[str, str]
    problem: str | None = None  # a row that could not be read as the header says

    @property
    def anonymous(self) -> bool:
        return self.cells.get("anonymous", "").strip().lower() in _YES


@dataclass(frozen=True)
class RowResult:
    """What happened to one row."""

    person: Person
    file: str
    status: str  # written | skipped | failed
    personal_share: float | None = None
    words: int | None = None
    diagnostics: tuple[Diagnostic, ...] = ()


@dataclass
class BatchSummary:
    results: list[RowResult] = field(default_factory=list)
    manifest: Path | None = None
    shared: list[str] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def failed(self) -> bool:
        return self.count("failed") > 0


def read_people(path: Path, loaded: LoadedResponse) -> list[Person]:
    """Read the advocates CSV and check its header against the response's RFI."""
    text = read_text(path, MAX_CSV_BYTES, what="CSV file")
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        return _read_rows(reader, path, loaded)
    except csv.Error as exc:
        raise AdvocacyError(
            f"the CSV file cannot be read here: {exc}",
            path,
            reader.line_num or 1,
            hint='look for a quote (") that is opened and never closed',
        ) from None


def _read_rows(reader: Iterator[list[str]], path: Path, loaded: LoadedResponse) -> list[Person]:
    try:
        header = next(reader)
    except StopIteration:
        raise AdvocacyError(
            "the CSV file is empty", path, 1, hint="the first row names the columns"
        ) from None
    header = [h.strip() for h in header]
    _check_header(header, path, loaded)
    people = []
    line = 1
    for cells in reader:
        row_line = line + 1
        line = reader.line_num  # type: ignore[attr-defined]
        if not any(c.strip() for c in cells):
            continue
        padded = [c.strip() for c in cells] + [""] * (len(header) - len(cells))
        values = dict(zip(header, padded[: len(header)], strict=True))
        problem = None
        if len(cells) != len(header):
            problem = f"{len(cells)} fields; the header has {len(header)}"
        people.append(Person(row_line, values, problem))
    if not people:
        raise AdvocacyError("the CSV file has a header but no rows", path, 2)
    return people


def _check_header(header: list[str], path: Path, loaded: LoadedResponse) -> None:
    rfi = loaded.rfi.rfi
    questions = {q.id for q in rfi.questions}
    chosen = {a.question: {p.id for p in a.points} for a in loaded.response.answers}
    allowed = [
        *IDENTITY,
        "opening",
        "closing",
        *(f"{k}:{q}" for q in sorted(questions) for k in ("intro", "closing")),
    ]
    allowed += [f"note:{q}:{p}" for q, points in chosen.items() for p in sorted(points)]
    problems = []
    seen: set[str] = set()
    for column_number, name in enumerate(header, start=1):
        if name in seen:
            problems.append(error(f"column {name!r} appears twice", path, 1, column_number))
        seen.add(name)
        if name in allowed:
            continue
        hint = did_you_mean(name, allowed)
        parts = name.split(":")
        if parts[0] == "note" and len(parts) == 3 and parts[1] in questions:
            hint = hint or f"the response's answer to {parts[1]!r} does not use point {parts[2]!r}"
        problems.append(
            error(
                f"unknown column {name!r}",
                path,
                1,
                column_number,
                hint=hint or "see 'advocacy rfi batch --help' for the column names",
            )
        )
    if problems:
        raise AdvocacyError.from_diagnostics(problems)


def personalise(loaded: LoadedResponse, person: Person, csv_path: Path) -> LoadedResponse:
    """The base response with this person's identity and own words."""
    from pydantic import ValidationError

    from advocacy.models import Response

    cells = person.cells
    data: dict[str, Any] = loaded.response.model_dump(exclude_none=True)
    if any(c in cells for c in IDENTITY):
        respondent: dict[str, Any] = {"role": None}
        name = cells.get("name") or " ".join(
            x for x in (cells.get("first_name"), cells.get("last_name")) if x
        )
        respondent.update(
            name=name or None,
            organization=cells.get("organization") or None,
            role=cells.get("role") or None,
            email=cells.get("email") or None,
            city=cells.get("city") or None,
        )
        flag = cells.get("anonymous", "").lower()
        if flag not in _YES | _NO:
            raise _row_error(
                person, csv_path, "anonymous", f"anonymous must be yes or no, not {flag!r}"
            )
        respondent["anonymous"] = flag in _YES
        data["respondent"] = {k: v for k, v in respondent.items() if v is not None}
    answers = {a["question"]: a for a in data.get("answers", [])}
    for column, value in cells.items():
        if column in IDENTITY:
            continue
        # A column present in the CSV replaces the base text even when blank:
        # one person's story must not appear under another's name.
        text = value or None
        parts = column.split(":")
        if parts in (["opening"], ["closing"]):
            data[parts[0]] = text
        elif parts[0] in ("intro", "closing"):
            answer = answers.setdefault(parts[1], {"question": parts[1], "points": []})
            answer[parts[0]] = text
        elif parts[0] == "note":
            for point in answers[parts[1]]["points"]:
                if point["id"] == parts[2]:
                    point["note"] = text
    data["answers"] = [
        a for a in answers.values() if a.get("intro") or a.get("points") or a.get("closing")
    ]
    try:
        response = Response.model_validate(data)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        column = str(first["loc"][-1]) if first["loc"] else ""
        raise _row_error(person, csv_path, column, first["msg"]) from None
    return LoadedResponse(response, loaded.path, loaded.doc, loaded.rfi)


def _row_error(person: Person, csv_path: Path, column: str, message: str) -> AdvocacyError:
    where = f" (column {column!r})" if column else ""
    return AdvocacyError(f"row {person.line}{where}: {message}", csv_path, person.line)


def safe_filename(pattern: str, person: Person, suffix: str) -> str:
    """A file name from ``pattern`` that is safe on Windows, macOS and Linux."""
    values = {k: v for k, v in person.cells.items() if ":" not in k}
    values["row"] = str(person.line)
    name = fill_pattern(pattern, values, "--name")
    if person.anonymous:  # the file name must not reveal who wrote it
        return f"anonymous-{person.line}{suffix}"
    return safe_stem(name, f"row-{person.line}") + suffix


def shared_own_words(loaded: LoadedResponse, columns: Sequence[str]) -> list[str]:
    """Own-words fields of the base response that no CSV column replaces.

    Every letter repeats these texts, so the organizer should know.
    """
    shared = []
    response = loaded.response
    shared += [k for k in ("opening", "closing") if getattr(response, k) and k not in columns]
    for answer in response.answers:
        for kind in ("intro", "closing"):
            if getattr(answer, kind) and f"{kind}:{answer.question}" not in columns:
                shared.append(f"{kind}:{answer.question}")
        for point in answer.points:
            if point.note and f"note:{answer.question}:{point.id}" not in columns:
                shared.append(f"note:{answer.question}:{point.id}")
    return shared


def plan_files(people: Sequence[Person], pattern: str, suffix: str) -> list[str]:
    """File names per person, unique in row order (``-2``, ``-3`` … until free).

    Names are compared without case, as Windows and macOS do.
    """
    taken: set[str] = set()
    names = []
    for person in people:
        name = safe_filename(pattern, person, suffix)
        stem, number = name[: -len(suffix)], 1
        while name.lower() in taken:
            number += 1
            name = f"{stem}-{number}{suffix}"
        taken.add(name.lower())
        names.append(name)
    return names


@dataclass(frozen=True)
class _Job:
    loaded: LoadedResponse
    library: Library
    csv_path: Path
    out_dir: Path
    fmt: str
    force: bool
    reference_doc: Path | None
    now: dt.datetime | None
    date: dt.date | None
    template_dir: Path | None


_JOB: _Job | None = None


def _init_worker(job: _Job) -> None:
    global _JOB
    _JOB = job


def _run_row(item: tuple[Person, str]) -> RowResult:
    person, file = item
    job = _JOB
    assert job is not None, "worker not initialised"
    if person.problem:
        diag = error(
            f"row {person.line}: {person.problem}",
            job.csv_path,
            person.line,
            hint="check for a stray comma; quote fields that contain commas",
        )
        return RowResult(person, file, "failed", diagnostics=(diag,))
    target = job.out_dir / file
    try:
        loaded = personalise(job.loaded, person, job.csv_path)
        if target.exists() and not job.force:
            report = check_response(loaded, job.library, job.now, job.template_dir)
            return RowResult(person, file, "skipped", report.personal_share)
        report, _ = build_response(
            loaded,
            job.library,
            target,
            job.fmt,
            job.reference_doc,
            job.force,
            job.now,
            job.date,
            job.template_dir,
        )
    except AdvocacyError as exc:
        diags = tuple(_at_row(d, person, job.csv_path) for d in exc.diagnostics)
        return RowResult(person, file, "failed", diagnostics=diags)
    words = sum(a.words for a in report.answers)
    return RowResult(person, file, "written", report.personal_share, words)


def _at_row(diag: Diagnostic, person: Person, csv_path: Path) -> Diagnostic:
    """Errors in a personalised response belong to the CSV row."""
    if diag.file == str(csv_path):
        return diag
    return error(
        f"row {person.line}: {diag.message}", csv_path, person.line, hint=diag.hint, code=diag.code
    )


def run_batch(
    loaded: LoadedResponse,
    library: Library,
    people_csv: Path,
    out_dir: Path,
    fmt: str = "docx",
    name_pattern: str = DEFAULT_NAME,
    jobs: int | None = None,
    force: bool = False,
    reference_doc: Path | None = None,
    now: dt.datetime | None = None,
    date: dt.date | None = None,
    template_dir: Path | None = None,
    on_result: Callable[[RowResult], None] | None = None,
    on_start: Callable[[int], None] | None = None,
) -> BatchSummary:
    """Write one response per CSV row into ``out_dir`` and a manifest.

    ``jobs`` worker processes render in parallel (default: CPU count).
    ``on_start(total)`` and ``on_result(result)`` report progress.
    """
    people = read_people(people_csv, loaded)
    from advocacy.render.formats import get_format

    suffix = get_format(fmt).suffix
    files = plan_files(people, name_pattern, suffix)
    if out_dir.exists() and not out_dir.is_dir():
        raise AdvocacyError("the output path exists and is not a folder", out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    job = _Job(
        loaded, library, people_csv, out_dir, fmt, force, reference_doc, now, date, template_dir
    )
    items = list(zip(people, files, strict=True))
    if on_start:
        on_start(len(items))
    workers = max(1, min(jobs or os.cpu_count() or 1, len(items)))
    summary = BatchSummary(shared=shared_own_words(loaded, list(people[0].cells)))
    for result in _results(job, items, workers):
        summary.results.append(result)
        if on_result:
            on_result(result)
    summary.results.sort(key=lambda r: r.person.line)
    summary.manifest = out_dir / MANIFEST
    write_atomic(summary.manifest, manifest_csv(summary.results), force=True)
    return summary


def _results(job: _Job, items: list[tuple[Person, str]], workers: int) -> Iterator[RowResult]:
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
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=_init_worker, initargs=(job,)
    ) as pool:
        # Small chunks: few round trips between processes, progress still moves often.
        chunk = max(1, len(items) // (workers * 16))
        yield from pool.map(_run_row, items, chunksize=chunk)


def manifest_csv(results: Sequence[RowResult]) -> str:
    """The manifest: one line per row, what was written and its personal share."""
    rows: list[list[object]] = [["row", "file", "status", "personal_share", "words", "message"]]
    for r in results:
        share = f"{r.personal_share:.2f}" if r.personal_share is not None else ""
        message = "; ".join(d.message for d in r.diagnostics)
        rows.append([r.person.line, r.file, r.status, share, r.words or "", message])
    return csv_text(rows)
