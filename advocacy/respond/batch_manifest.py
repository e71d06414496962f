"""Who is who in a batch: stable keys per person, and the manifest that maps key → file.

A person is known by a key that does not depend on where their row sits in
the CSV: the ``id`` column if there is one, else their name and email. An
anonymous person's key is a salted hash (HMAC-SHA-256) of their id or email;
the salt is kept in the output folder (``.batch-salt``), so the same person
gets the same key on every run, while neither the key, nor the file name, nor
the manifest row says who they are.

The manifest is a CSV that the batch appends to as it goes, one line per
event, each written at once and synced to disk (see :class:`ManifestLog`): a
person's key and file are recorded as ``pending`` before their letter is
written, and their outcome after. The last line for a key is its state. A run killed at any moment
therefore leaves a manifest that says which file belongs to whom, and a
resumed run never hands one person's file to another. When a run ends, the
manifest is rewritten (atomically) with one line per key.
"""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
import os
import re
import time
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from advocacy.atomic import write_atomic
from advocacy.csvout import FORMULA_START, csv_text
from advocacy.errors import AdvocacyError, Diagnostic, error
from advocacy.filenames import fill_pattern, safe_stem
from advocacy.respond.people import Person

MANIFEST = "manifest.csv"
SALT_FILE = ".batch-salt"
COLUMNS = ("key", "file", "status", "line", "personal_share", "words", "message")
_HEADER = ",".join(COLUMNS) + "\n"
#: Statuses that mean "this person's letter is in the folder".
DONE = ("written", "skipped")


@dataclass(frozen=True)
class Entry:
    """One manifest line: a person's key, file and what happened."""

    key: str
    file: str
    status: str  # pending | written | skipped | failed | not-in-csv
    line: str = ""
    personal_share: str = ""
    words: str = ""
    message: str = ""

    def row(self) -> list[str]:
        return [getattr(self, c) for c in COLUMNS]


# --------------------------------------------------------------------------- keys


def load_salt(out_dir: Path) -> bytes | None:
    """The folder's salt for anonymous keys, or ``None`` if it has none yet."""
    path = out_dir / SALT_FILE
    if not path.exists():
        return None
    text = path.read_text("ascii", errors="replace").strip()
    if not re.fullmatch(r"[0-9a-f]{64}", text):
        raise AdvocacyError(
            "the salt file of this output folder is damaged",
            path,
            hint="restore it from a backup; without it, anonymous letters cannot be "
            "matched to their writers again (use a new output folder)",
        )
    return bytes.fromhex(text)


def _normal(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def person_key(person: Person, salt: bytes | None, csv_path: Path) -> str:
    """The person's stable key (see the module's docstring)."""
    cells = person.cells
    if "id" in cells:
        raw = cells["id"].strip()
        if not raw:
            raise _key_error(person, csv_path, "the id is empty", "give every row an id")
        raw = "id " + _normal(raw)
    elif person.anonymous:
        if not cells.get("email", "").strip():
            raise _key_error(
                person,
                csv_path,
                "an anonymous row needs an id or an email",
                "add an id column (any private code, e.g. A17) or the person's email, so "
                "their letter is found again when the batch is run again",
            )
        raw = "email " + _normal(cells["email"])
    else:
        name, email = _normal(person.display_name), _normal(cells.get("email", ""))
        if not (name or email):
            raise _key_error(
                person,
                csv_path,
                "the row has no name and no email",
                "fill them in, or add an id column",
            )
        raw = f"{name} <{email}>" if email else name
    if person.anonymous:
        assert salt is not None, "anonymous rows need the folder's salt"
        return "anonymous-" + hmac.new(salt, raw.encode(), hashlib.sha256).hexdigest()[:20]
    return raw


def _key_error(person: Person, csv_path: Path, message: str, hint: str) -> AdvocacyError:
    return AdvocacyError(f"row {person.line}: {message}", csv_path, person.line, hint=hint)


def keys_for(people: Sequence[Person], salt: bytes | None, csv_path: Path) -> list[str]:
    """Every person's key; two rows with one key are an error naming both lines."""
    keys: list[str] = []
    first_line: dict[str, int] = {}
    problems: list[Diagnostic] = []
    for person in people:
        try:
            key = person_key(person, salt, csv_path)
        except AdvocacyError as exc:
            problems += exc.diagnostics
            continue
        if key in first_line:
            what = "id" if "id" in person.cells else "name and email"
            problems.append(
                error(
                    f"rows {first_line[key]} and {person.line} are the same person (same {what})",
                    csv_path,
                    person.line,
                    hint="delete one of the rows, or give each an id of its own",
                )
            )
        first_line.setdefault(key, person.line)
        keys.append(key)
    if problems:
        raise AdvocacyError.from_diagnostics(problems)
    return keys


# --------------------------------------------------------------------------- files


def plan_files(
    people: Sequence[Person],
    keys: Sequence[str],
    previous: dict[str, Entry],
    pattern: str | None,
    suffix: str,
    existing: Iterable[str] = (),
) -> list[str]:
    """A file name per person: the one the manifest gave their key, else a new one.

    A new name is never one the manifest gives another key, nor a file already
    in the folder, nor (ignoring case, as Windows and macOS do) one given in
    this run: ``-2``, ``-3`` … are added until it is free.
    """
    taken = {e.file.lower() for e in previous.values()} | {n.lower() for n in existing}
    names: list[str | None] = []
    for key in keys:
        entry = previous.get(key)
        names.append(Path(entry.file).stem + suffix if entry else None)
    taken |= {n.lower() for n in names if n}
    for index, (person, key) in enumerate(zip(people, keys, strict=True)):
        if names[index]:
            continue
        name = _new_name(person, key, pattern, suffix)
        stem, number = name[: -len(suffix)], 1
        while name.lower() in taken:
            number += 1
            name = f"{stem}-{number}{suffix}"
        taken.add(name.lower())
        names[index] = name
    return [n for n in names if n]


def _new_name(person: Person, key: str, pattern: str | None, suffix: str) -> str:
    if person.anonymous:  # the file name must not reveal who wrote it
        return key[: len("anonymous-") + 12] + suffix
    fallback = "letter-" + hashlib.sha256(key.encode()).hexdigest()[:8]
    if pattern is None:
        cells = person.cells
        surname_first = " ".join(x for x in (cells.get("last_name"), cells.get("first_name")) if x)
        return _plain(surname_first or person.display_name, fallback) + suffix
    values = {k: v for k, v in person.cells.items() if ":" not in k}
    values["row"] = str(person.line)
    return _plain(fill_pattern(pattern, values, "--name"), fallback) + suffix


def _plain(text: str, fallback: str) -> str:
    """A safe stem that a spreadsheet would not read as a formula in the manifest."""
    return safe_stem(text, fallback).lstrip("'" + "".join(FORMULA_START)) or fallback


# --------------------------------------------------------------------------- manifest


def read_manifest(out_dir: Path, force: bool = False) -> dict[str, Entry]:
    """The last entry per key of the folder's manifest (empty if there is none).

    A manifest this tool did not write is refused, unless ``force``: it may be
    someone's data, and it cannot say which file is whose.
    """
    path = out_dir / MANIFEST
    if not path.exists():
        return {}
    try:
        text = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise _foreign(path, f"it cannot be read ({exc})") from None
    if not text.startswith(_HEADER):
        if force:
            return {}
        raise _foreign(path, "its first line is not the one 'rfi batch' writes")
    complete = text[: text.rfind("\n") + 1]  # a line cut by a killed run is dropped
    entries: dict[str, Entry] = {}
    for number, row in enumerate(csv.reader(io.StringIO(complete[len(_HEADER) :])), start=2):
        if len(row) != len(COLUMNS):
            raise _foreign(path, f"line {number} has {len(row)} fields, not {len(COLUMNS)}")
        entry = Entry(*(_cell(c) for c in row))
        entries[entry.key] = entry
    return entries


def _cell(text: str) -> str:
    """A cell as written before :func:`csv_text` guarded it against formulas."""
    return text[1:] if text[:1] == "'" and text[1:2] in FORMULA_START else text


def _foreign(path: Path, reason: str) -> AdvocacyError:
    return AdvocacyError(
        f"this folder has a manifest.csv that 'rfi batch' did not write: {reason}",
        path,
        hint="move that file away, or choose another output folder (--force replaces it)",
    )


class ManifestLog:
    """Appends manifest lines, each in one ``write`` so a killed run never interleaves them.

    A line handed to the kernel survives the process being killed. Claims
    (``pending`` lines, written before any letter) are synced to disk at once;
    outcomes are synced at least every :data:`SYNC_SECONDS` and on close. A
    power cut may lose the last outcomes, never a claim: the letters they
    name are then simply written again.
    """

    SYNC_SECONDS = 0.2

    def __init__(self, out_dir: Path, fresh: bool) -> None:
        self.path = out_dir / MANIFEST
        self._synced = 0.0
        try:
            if fresh or not self.path.exists():
                write_atomic(self.path, _HEADER, force=True)
            self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND)
            self._drop_cut_line()
        except OSError as exc:
            raise AdvocacyError(
                f"cannot write the manifest: {exc.strerror or exc}",
                self.path,
                hint="check that you may write to the output folder and that the disk has room",
            ) from None

    def _drop_cut_line(self) -> None:
        data = self.path.read_bytes()
        end = data.rfind(b"\n") + 1
        if end < len(data):  # a line half-written when a run was killed
            os.ftruncate(self._fd, end)

    def append(self, entries: Iterable[Entry], sync: bool = False) -> None:
        data = csv_text([e.row() for e in entries]).encode("utf-8")
        if not data:
            return
        try:
            os.write(self._fd, data)  # one write: a kill cannot interleave lines
            if sync or time.monotonic() - self._synced >= self.SYNC_SECONDS:
                self._sync()
        except OSError as exc:
            raise AdvocacyError(
                f"cannot write the manifest: {exc.strerror or exc}", self.path
            ) from None

    def _sync(self) -> None:
        os.fsync(self._fd)
        self._synced = time.monotonic()

    def close(self) -> None:
        try:
            self._sync()
        finally:
            os.close(self._fd)


def compact_manifest(out_dir: Path, entries: Iterable[Entry]) -> None:
    """Rewrite the manifest with one line per key, sorted by key (not by CSV row)."""
    rows = [list(COLUMNS)] + [e.row() for e in sorted(entries, key=lambda e: e.key)]
    write_atomic(out_dir / MANIFEST, csv_text(rows), force=True)
