"""The advocates CSV of ``rfi batch``: read it strictly, check it, personalise letters.

Column mapping (header names):

* identity: ``id``, ``first_name``, ``last_name``, ``name``, ``organization``,
  ``role``, ``email``, ``city``, ``anonymous`` (yes/no, also sí/si);
* choice of talking points: ``points`` (for every answer) or
  ``points:<question>``, ids separated by ``;`` in the order wanted. A note
  on a point the row does not choose is kept, as the person's own words
  after the answer's intro: nobody's words are dropped;
* own words: ``intro:<question>``, ``closing:<question>``,
  ``note:<question>:<point>``, ``opening`` (the letter's first words) and
  ``closing`` (the letter's close).

A malformed file stops the batch before any letter is written: an unclosed
quote or a row with more or fewer fields than the header names its line. A
half-read CSV would put one person's words in another's letter. The
delimiter (``,``, ``;`` or tab, as Excel writes in many locales) is taken
from the header; the text is UTF-8 (with or without BOM) or, failing that,
Windows-1252 as older Excel saves it, with a warning.

A column present in the CSV replaces the base response's value for every
row, even when its cell is blank, so one person's details or story never
appear under another's name. Own words of the base response with no column
are someone's own words too: a batch leaves them out of every letter unless
the organizer asks to share them (:func:`without_own_words`), and
:func:`shared_own_words` lists them either way.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from advocacy.errors import AdvocacyError, Diagnostic, did_you_mean, error, warning
from advocacy.respond.response import LoadedResponse
from advocacy.yamlio import YamlDocument, decode_text, read_limited

IDENTITY = (
    "id",
    "first_name",
    "last_name",
    "name",
    "organization",
    "role",
    "email",
    "city",
    "anonymous",
)
MAX_CSV_BYTES = 10 * 1024 * 1024
DELIMITERS = (",", ";", "\t")
_YES = {"yes", "y", "true", "1", "x", "sí", "si"}
_NO = {"no", "n", "false", "0", ""}
_OWN_WORDS = {"opening", "intro", "closing", "note", "points", "detail"}
_UTF8_LETTER = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_ID_SEPARATORS = re.compile(r"[;,\s]+")


@dataclass(frozen=True)
class Person:
    """One CSV row: its line number in the file and its cells by column."""

    line: int
    cells: dict[str, str]

    @property
    def anonymous(self) -> bool:
        return self.cells.get("anonymous", "").strip().casefold() in _YES

    @property
    def display_name(self) -> str:
        cells = self.cells
        name = cells.get("name") or " ".join(
            x for x in (cells.get("first_name"), cells.get("last_name")) if x
        )
        return name or cells.get("organization", "")


@dataclass
class PeopleCsv:
    """The rows of an advocates CSV, and how the file was read."""

    path: Path
    columns: list[str]
    people: list[Person]
    delimiter: str = ","
    encoding: str = "UTF-8"
    warnings: list[Diagnostic] = field(default_factory=list)


def read_people(path: Path, loaded: LoadedResponse) -> PeopleCsv:
    """Read the advocates CSV strictly and check its header against the response.

    Raises :class:`AdvocacyError` naming every malformed line; nothing of a
    malformed file is used.
    """
    raw = read_limited(path, MAX_CSV_BYTES, what="CSV file")
    text, encoding, warnings = _decode(raw, path)
    delimiter = detect_delimiter(text)
    columns, people = _parse(text, delimiter, path)
    check_columns(columns, path, loaded)
    problems = []
    for person in people:
        try:
            check_cells(person, path, loaded)
        except AdvocacyError as exc:
            problems += exc.diagnostics
    if problems:
        raise AdvocacyError.from_diagnostics(problems)
    return PeopleCsv(path, columns, people, delimiter, encoding, warnings)


def _decode(raw: bytes, path: Path) -> tuple[str, str, list[Diagnostic]]:
    """UTF-8, else Windows-1252 (with a warning); a file that mixes the two is an error.

    A file with valid UTF-8 letters *and* other bytes was edited in two
    encodings: reading it either way garbles some names, so it is refused.
    """
    if b"\x00" not in raw:
        try:
            return raw.decode("utf-8-sig"), "UTF-8", []
        except UnicodeDecodeError:
            pass
        if _UTF8_LETTER.search(raw):
            return decode_text(raw, path), "UTF-8", []  # raises, naming the bad byte
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError:
            pass
        else:
            note = warning(
                "the CSV file is not UTF-8; it was read as Windows-1252 (what Excel "
                "writes as 'CSV'); check that accented letters look right in the letters",
                path,
                hint="to be sure, save it from Excel as 'CSV UTF-8 (Comma delimited)'",
            )
            return text, "Windows-1252", [note]
    # A NUL byte, or bytes that are neither: the shared decoder names the place.
    return decode_text(raw, path), "UTF-8", []


def detect_delimiter(text: str) -> str:
    """``,``, ``;`` or tab: the one that splits the header into the most known column
    names (then the most fields); ``,`` when none splits it."""
    header = _first_record(text)

    def score(delimiter: str) -> tuple[int, int]:
        names = [n.strip().strip('"') for n in header.split(delimiter)]
        known = sum(n in IDENTITY or n.split(":")[0] in _OWN_WORDS for n in names)
        return known, len(names)

    best = max(DELIMITERS, key=score)
    return best if score(best)[1] > 1 else ","


def _first_record(text: str) -> str:
    """The header row's text with quoted parts removed (they may hold any character)."""
    outside, quoted = [], False
    for char in text:
        if char == '"':
            quoted = not quoted
        elif not quoted:
            if char in "\r\n":
                break
            outside.append(char)
    return "".join(outside)


def _parse(text: str, delimiter: str, path: Path) -> tuple[list[str], list[Person]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    start = 1
    try:
        header = next(reader, None)
        if header is None:
            raise AdvocacyError(
                "the CSV file is empty", path, 1, hint="the first row names the columns"
            )
        columns = [h.strip() for h in header]
        people, problems = [], []
        start = reader.line_num + 1
        for cells in reader:
            line, start = start, reader.line_num + 1
            if not any(c.strip() for c in cells):
                continue
            if len(cells) != len(columns):
                problems.append(_ragged(path, line, len(cells), len(columns), delimiter))
                continue
            problems += _swallowed_rows(cells, line, len(columns), delimiter, path)
            values = [c.strip() for c in cells]
            people.append(Person(line, dict(zip(columns, values, strict=True))))
    except csv.Error as exc:
        raise _malformed(path, start, str(exc)) from None
    if problems:
        raise AdvocacyError.from_diagnostics(problems)
    if not people:
        raise AdvocacyError("the CSV file has a header but no rows", path, 2)
    return columns, people


def _swallowed_rows(
    cells: list[str], line: int, width: int, delimiter: str, path: Path
) -> list[Diagnostic]:
    """Lines inside a quoted field that read as whole rows of the file.

    A stray quote can close several rows later at a place where the field
    count happens to match again; the rows in between then sit inside one
    person's cell, and their stories would be printed under that person's
    name. Such a file is refused, like any other malformed one. Prose inside
    a cell may hold as many commas, but puts a space after them; rows don't.
    """
    if width < 3:
        return []
    found = []
    offset = 0
    for cell in cells:
        for inner in cell.split("\n")[1:]:
            offset += 1
            fields = next(csv.reader([inner], delimiter=delimiter), [])
            if (
                len(fields) == width
                and all(f.strip() for f in fields[:2])
                and not any(f[:1].isspace() for f in fields[1:])
            ):
                found.append(
                    error(
                        f"line {line + offset} reads as a row of its own, but it is inside a "
                        f"quoted field that starts on line {line}",
                        path,
                        line,
                        hint='a quote (") opened on that line is closed too late; close it, and '
                        'write a quote inside a quoted field as ""',
                    )
                )
                break
    return found


def _ragged(path: Path, line: int, found: int, expected: int, delimiter: str) -> Diagnostic:
    name = {"\t": "tab", ",": "comma", ";": "semicolon"}[delimiter]
    return error(
        f"line {line} has {found} fields; the header has {expected}",
        path,
        line,
        hint=f"fields are separated by a {name}; put a field that contains one in "
        'double quotes, and write a quote inside a quoted field as ""',
    )


def _malformed(path: Path, line: int, reason: str) -> AdvocacyError:
    if "unexpected end of data" in reason or "EOF" in reason:
        message = f"a quoted field that starts on line {line} is never closed"
        hint = 'close the quote ("), and write a quote inside a quoted field as ""'
    else:
        message = f"the CSV file cannot be read at line {line}: {reason}"
        hint = 'a field in quotes must end right after its closing quote (write "" for a quote)'
    return AdvocacyError(
        message + "; nothing was written, fix the file and run again", path, line, hint=hint
    )


def check_columns(columns: list[str], path: Path, loaded: LoadedResponse) -> None:
    """Every column is one we know, named once."""
    questions = sorted(q.id for q in loaded.rfi.rfi.questions)
    chosen = {a.question: [p.id for p in a.points] for a in loaded.response.answers}
    allowed = [
        *IDENTITY,
        "opening",
        "closing",
        "points",
        "detail",
        *(f"{k}:{q}" for q in questions for k in ("intro", "closing")),
        *(f"points:{q}" for q in chosen),
        *(f"note:{q}:{p}" for q, points in chosen.items() for p in sorted(points)),
    ]
    hearing = loaded.rfi.rfi.testimony
    if hearing is not None:  # testimony: each person's own position
        allowed += ["position", *(f"position:{b.id}" for b in hearing.bills)]
    problems = []
    seen: set[str] = set()
    for column_number, name in enumerate(columns, start=1):
        if not name:
            problems.append(
                error(
                    f"column {column_number} has no name",
                    path,
                    1,
                    column_number,
                    hint="name every column in the first row, or delete the empty column",
                )
            )
            continue
        if name in seen:
            problems.append(error(f"column {name!r} appears twice", path, 1, column_number))
        seen.add(name)
        if name in allowed:
            continue
        hint = did_you_mean(name, allowed)
        parts = name.split(":")
        if parts[0] in ("note", "points") and len(parts) >= 2 and parts[1] in questions:
            hint = hint or f"the response's file has no answer with points for {parts[1]!r}"
            if parts[0] == "note" and len(parts) == 3 and parts[1] in chosen:
                hint = f"the response's answer to {parts[1]!r} does not use point {parts[2]!r}"
        if len(columns) == 1 and re.search(r"[|^~:]\w", name):
            hint = "separate the columns with commas, semicolons or tabs"
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


def check_cells(person: Person, path: Path, loaded: LoadedResponse) -> None:
    """Cells that must hold one of a few values: ``anonymous`` and the point choices."""
    flag = person.cells.get("anonymous", "").strip().casefold()
    if flag not in _YES | _NO:
        raise row_error(
            person,
            path,
            "anonymous",
            f"anonymous must be yes or no, not {flag!r}",
            hint="write yes (or sí) to keep the name out of the letter, or no",
        )
    chosen_points(person, loaded, path)


def chosen_points(person: Person, loaded: LoadedResponse, path: Path) -> dict[str, list[str]]:
    """Per question, the point ids this person's letter uses, in order.

    Without a ``points`` column the response's own choice holds. Each id must be
    one of the points the response's answer offers; an error names the column.
    """
    offered = {a.question: [p.id for p in a.points] for a in loaded.response.answers}
    choice = {q: list(ids) for q, ids in offered.items()}
    cells = person.cells
    if "points" in cells:
        wanted = _ids(cells["points"])
        everywhere = {p for ids in offered.values() for p in ids}
        for point in wanted:
            if point not in everywhere:
                raise _unknown_point(person, path, "points", point, sorted(everywhere))
        for question, ids in offered.items():
            choice[question] = [p for p in wanted if p in ids]
    for question, ids in offered.items():
        column = f"points:{question}"
        if column in cells:
            wanted = _ids(cells[column])
            for point in wanted:
                if point not in ids:
                    raise _unknown_point(person, path, column, point, ids)
            choice[question] = wanted
    return choice


def _ids(cell: str) -> list[str]:
    return list(dict.fromkeys(x for x in _ID_SEPARATORS.split(cell) if x))


def _unknown_point(
    person: Person, path: Path, column: str, point: str, offered: Sequence[str]
) -> AdvocacyError:
    return row_error(
        person,
        path,
        column,
        f"{point!r} is not one of the points the response offers here",
        hint=did_you_mean(point, list(offered)) or "choose from: " + "; ".join(offered),
    )


def row_error(
    person: Person, path: Path, column: str, message: str, hint: str | None = None
) -> AdvocacyError:
    where = f" (column {column!r})" if column else ""
    return AdvocacyError(f"row {person.line}{where}: {message}", path, person.line, hint=hint)


def personalise(loaded: LoadedResponse, person: Person, csv_path: Path) -> LoadedResponse:
    """The base response with this person's identity, choice of points and own words."""
    from advocacy.models import Response
    from advocacy.models.base import validate_document

    cells = person.cells
    data: dict[str, Any] = loaded.response.model_dump(exclude_none=True)
    if any(c in cells for c in IDENTITY if c != "id"):
        respondent: dict[str, Any] = {
            "name": cells.get("name")
            or " ".join(x for x in (cells.get("first_name"), cells.get("last_name")) if x),
            "organization": cells.get("organization"),
            "role": cells.get("role"),
            "email": cells.get("email"),
            "city": cells.get("city"),
            "anonymous": person.anonymous,
        }
        data["respondent"] = {k: v for k, v in respondent.items() if v or k == "anonymous"}
    choice = chosen_points(person, loaded, csv_path)
    answers = {a["question"]: a for a in data.get("answers", [])}
    for question, answer in answers.items():
        if question in choice:
            by_id = {p["id"]: p for p in answer["points"]}
            answer["points"] = [by_id[p] for p in choice[question]]
    loose: dict[str, list[str]] = {}  # notes on points this person does not choose
    for column, value in cells.items():
        # A column present in the CSV replaces the base text even when blank:
        # one person's story must not appear under another's name.
        text = value or None
        parts = column.split(":")
        if parts in (["opening"], ["closing"]):
            data[parts[0]] = text
        elif parts == ["detail"]:
            if text:  # blank: the response's own choice
                data["detail"] = text.lower()
        elif parts[0] == "position":
            if text and len(parts) == 1:  # blank: the response's own position
                data["position"] = text.lower()
            elif text:
                data.setdefault("positions", {})[parts[1]] = text.lower()
        elif parts[0] in ("intro", "closing"):
            answer = answers.setdefault(parts[1], {"question": parts[1], "points": []})
            answer[parts[0]] = text
        elif parts[0] == "note":
            answer = answers[parts[1]]
            chosen = [p for p in answer["points"] if p["id"] == parts[2]]
            for point in chosen:
                point["note"] = text
            if text and not chosen:  # the person's words stay, without the point
                loose.setdefault(parts[1], []).append(text)
    for question, texts in loose.items():
        answer = answers[question]
        answer["intro"] = "\n\n".join(x for x in (answer.get("intro"), *texts) if x)
    data["answers"] = [
        {k: v for k, v in a.items() if v is not None}
        for a in answers.values()
        if a.get("intro") or a.get("points") or a.get("closing")
    ]
    data = {k: v for k, v in data.items() if v is not None}
    response, diagnostics = validate_document(Response, YamlDocument(data, str(csv_path)))
    if response is None:
        first = diagnostics[0]
        column = _column_of(first.message)
        raise row_error(person, csv_path, column, _field_free(first.message), hint=first.hint)
    return LoadedResponse(response, loaded.path, loaded.doc, loaded.rfi)


def _column_of(message: str) -> str:
    match = re.match(r"'(?:respondent\.(\w+)|(position)s?\.?(\w*))'", message)
    if not match:
        return ""
    return match.group(1) or ":".join(x for x in match.group(2, 3) if x)


def _field_free(message: str) -> str:
    """A model message in the CSV's terms: 'respondent.email' is the email column."""
    return re.sub(r"'respondent\.(\w+)'", r"\1", message)


def without_own_words(loaded: LoadedResponse, fields: Sequence[str]) -> LoadedResponse:
    """The response with the own-words ``fields`` (as :func:`shared_own_words` names
    them: ``opening``, ``intro:QUESTION``, ``note:QUESTION:POINT``, …) left out."""
    if not fields:
        return loaded
    drop = set(fields)
    answers = []
    for answer in loaded.response.answers:
        q = answer.question
        points = [
            p.model_copy(update={"note": None}) if f"note:{q}:{p.id}" in drop else p
            for p in answer.points
        ]
        changes: dict[str, Any] = {"points": points}
        changes |= {k: None for k in ("intro", "closing") if f"{k}:{q}" in drop}
        answers.append(answer.model_copy(update=changes))
    update: dict[str, Any] = {"answers": answers}
    update |= {k: None for k in ("opening", "closing") if k in drop}
    response = loaded.response.model_copy(update=update)
    return LoadedResponse(response, loaded.path, loaded.doc, loaded.rfi)


def shared_own_words(loaded: LoadedResponse, columns: Sequence[str]) -> list[str]:
    """Own-words fields of the base response that no CSV column replaces.

    They are someone's own words: a batch leaves them out unless told to
    share them, and says which either way.
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
