"""Read a checklist a reviewer filled in Word or LibreOffice back into a score sheet.

The checklist (``checklist build``) prints, per criterion and in this order,
a checkbox per look-for item, per red flag and per score level, then (for a
computed criterion) a table of figures and a comments table; before the
criteria come the Bid/Reviewer/Date table and the conflict-of-interest table.
Its custom document properties carry the rubric's id and fingerprint
(checklists built before those existed carry them in the keywords). Reading walks the
checkboxes and tables in document order against the rubric's counts, so it
does not depend on styles or headings, which an editor may rename.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from advocacy.errors import AdvocacyError, Diagnostic, warning
from advocacy.evaluate.checks import CHECKS
from advocacy.evaluate.rubric import LoadedRubric, lookup_rubric
from advocacy.evaluate.sheets import LoadedSheet, validate_sheet
from advocacy.library import Library
from advocacy.models import ScoreSheet, load_model
from advocacy.safezip import parse_part
from advocacy.yamlio import load_yaml

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
CP = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
CUSTOM = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}"
#: The custom properties naming the rubric (``properties`` in the checklist template).
RUBRIC_PROPERTY, FINGERPRINT_PROPERTY = "advocacy-rubric", "advocacy-rubric-sha256"
#: Tables before the criteria (Bid/Reviewer/Date, conflict) and after them (the tally).
LEADING, TRAILING = 2, 1
_SLUG, _HEX = re.compile(r"[a-z0-9-]+"), re.compile(r"[0-9a-f]+")
#: Checklists built before the custom properties carry the identity in their keywords.
_IDENTITY = re.compile(r"advocacy-rubric: *([a-z0-9-]+)")
_FINGERPRINT = re.compile(r"advocacy-rubric-sha256: *([0-9a-f]+)")


@dataclass(frozen=True)
class FilledChecklist:
    """What a reviewer filled in, in document order."""

    boxes: list[bool]
    tables: list[list[list[str]]]  # table -> rows -> cell texts
    rubric_id: str | None
    fingerprint: str | None


def read_checklist(path: Path) -> FilledChecklist:
    """The ticked boxes, table texts and rubric identity of a checklist DOCX."""
    from advocacy.safezip import read_members

    try:
        members = read_members(
            path,
            ["word/document.xml", "docProps/custom.xml", "docProps/core.xml"],
            file=str(path),
        )
    except zipfile.BadZipFile as exc:
        raise AdvocacyError(
            f"not a Word document: {exc}", path, hint="give the checklist .docx"
        ) from None
    if "word/document.xml" not in members:
        raise AdvocacyError("not a Word document: no word/document.xml", path)
    body = parse_part(members["word/document.xml"], path)
    boxes = []
    for box in body.iter(f"{W14}checkbox"):
        checked = box.find(f"{W14}checked")
        boxes.append(checked is not None and checked.get(f"{W14}val") in ("1", "true"))
    tables = [
        [[_cell_text(cell) for cell in row.iter(f"{W}tc")] for row in table.iter(f"{W}tr")]
        for table in body.iter(f"{W}tbl")
    ]
    rubric_id, fingerprint = _rubric_identity(members, path)
    return FilledChecklist(boxes, tables, rubric_id, fingerprint)


def _cell_text(cell: Any) -> str:
    """A table cell's text; paragraphs typed into one box are words apart, not run together."""
    paragraphs = ("".join(t.text or "" for t in p.iter(f"{W}t")) for p in cell.iter(f"{W}p"))
    return " ".join(" ".join(paragraphs).split())


def _rubric_identity(members: dict[str, bytes], path: Path) -> tuple[str | None, str | None]:
    """The rubric id and fingerprint from the custom properties, else from the keywords."""
    if "docProps/custom.xml" in members:
        found = {
            prop.get("name"): "".join(prop.itertext()).strip()
            for prop in parse_part(members["docProps/custom.xml"], path).iter(f"{CUSTOM}property")
        }
        if found.get(RUBRIC_PROPERTY):
            # The file is the reviewer's: only a slug may name a rubric to look up.
            identity = _SLUG.fullmatch(found[RUBRIC_PROPERTY])
            fingerprint = _HEX.fullmatch(found.get(FINGERPRINT_PROPERTY) or "")
            return (
                identity.group(0) if identity else None,
                fingerprint.group(0) if fingerprint else None,
            )
    keywords = ""
    if "docProps/core.xml" in members:
        element = parse_part(members["docProps/core.xml"], path).find(f"{CP}keywords")
        keywords = element.text or "" if element is not None else ""
    identity, fingerprint = _IDENTITY.search(keywords), _FINGERPRINT.search(keywords)
    return (
        identity.group(1) if identity else None,
        fingerprint.group(1) if fingerprint else None,
    )


def import_checklist(
    path: Path, library: Library, rubric_given: Path | str | None = None
) -> tuple[str, LoadedRubric, list[Diagnostic]]:
    """The score-sheet text for a filled checklist, its rubric, and warnings.

    Refuses, naming the criterion, a criterion with no score level or two ticked.
    """
    filled = read_checklist(path)
    if rubric_given is None and filled.rubric_id is None:
        raise AdvocacyError(
            "the checklist does not say which rubric it was built from",
            path,
            hint="pass --rubric RUBRIC (checklists from 'advocacy checklist build' carry it)",
        )
    rubric = lookup_rubric(
        library, rubric_given, named=filled.rubric_id, near=[path.parent, Path.cwd()]
    )
    warnings = []
    if filled.fingerprint is not None and filled.fingerprint != rubric.fingerprint:
        warnings.append(
            warning(
                f"the rubric {rubric.id!r} has changed since this checklist was built",
                path,
                hint="check the imported scores against the checklist",
            )
        )
    expected = sum(len(c.look_for) + len(c.red_flags) + len(c.levels) for c in rubric.criteria)
    tables = sum(2 if c.computed else 1 for c in rubric.criteria) + LEADING + TRAILING
    if len(filled.boxes) != expected or len(filled.tables) != tables:
        raise AdvocacyError(
            f"the checklist has {len(filled.boxes)} checkboxes and {len(filled.tables)} tables; "
            f"the rubric {rubric.id!r} prints {expected} and {tables}",
            path,
            hint="import a checklist built from this rubric, unchanged apart from ticks and text",
        )
    data = _sheet_data(filled, rubric, path)
    text = _sheet_text(data, path)
    doc = load_yaml(text, str(path))
    sheet = LoadedSheet(load_model(ScoreSheet, doc), path, doc)
    problems = validate_sheet(sheet, rubric)
    if problems:
        raise AdvocacyError.from_diagnostics(problems)
    return text, rubric, warnings


def _sheet_data(filled: FilledChecklist, rubric: LoadedRubric, path: Path) -> dict[str, Any]:
    header, conflict = filled.tables[:LEADING]
    rest = filled.tables[LEADING:]
    cells = header[1] if len(header) > 1 else []
    bid, reviewer, date = [*cells, "", "", ""][:3]
    boxes = iter(filled.boxes)
    tables = iter(rest)
    inputs: dict[str, float] = {}
    scores = []
    for number, c in enumerate(rubric.criteria, start=1):
        look_for = [item.text for item in c.look_for if next(boxes)]
        flags = [flag.text for flag in c.red_flags if next(boxes)]
        levels = [level for level in c.levels if next(boxes)]
        if len(levels) != 1:
            raise AdvocacyError(
                f"criterion {number} ({c.title}): "
                + ("no score level is ticked" if not levels else "two or more levels are ticked"),
                path,
                hint="tick exactly one score level for every criterion",
            )
        if c.computed:
            for (label, value), name in zip(
                _rows(next(tables)), CHECKS[c.computed].inputs, strict=False
            ):
                if value:
                    inputs.setdefault(name, _figure(value, label, number, path))
        comment = "\n".join(row[0] for row in next(tables)[1:] if row and row[0])
        scores.append(
            {
                "criterion": c.id,
                "score": levels[0],
                "comment": comment or None,
                "evidence": [],
                "red_flags": flags,
                "look_for": look_for,
            }
        )
    declared = " ".join(row[0] for row in conflict[1:] if row and row[0])
    return {
        "rubric": rubric.id,
        "bid": bid or None,
        "reviewer": reviewer or None,
        "conflict": declared or None,
        "date": _date(date),
        "inputs": inputs,
        "scores": scores,
    }


def _rows(table: list[list[str]]) -> list[tuple[str, str]]:
    return [(row[0], row[1]) for row in table[1:] if len(row) >= 2]


def _figure(text: str, label: str, number: int, path: Path) -> float:
    cleaned = text.replace("$", "").replace(",", "").strip()
    try:
        return float(cleaned)
    except ValueError:
        raise AdvocacyError(
            f"criterion {number}: {label!r} is {text!r}, not a number",
            path,
            hint="write the figure as a number, e.g. 4.5",
        ) from None


def _date(text: str) -> str | None:
    try:
        return dt.date.fromisoformat(text.strip()).isoformat()
    except ValueError:
        return None


def _sheet_text(data: dict[str, Any], path: Path) -> str:
    import yaml

    missing = [k for k in ("bid", "reviewer") if not data[k]]
    if missing:
        raise AdvocacyError(
            f"the checklist's {' and '.join(missing)} box is empty",
            path,
            hint="fill in Bid and Reviewer at the top of the checklist",
        )
    if not data["inputs"]:
        del data["inputs"]
    head = (
        f"# Score sheet read from the checklist {path.name}.\n"
        "# Check it, then: advocacy score report SHEET.yaml ...\n"
    )
    return head + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=88)
