"""Write found evidence into a reviewer's score sheet, touching nothing else.

Reviewers' sheets carry their judgement (scores, comments) and their own
layout and comments. Re-dumping the YAML would reflow all of it, so this
edits the text instead: only the lines of each ``evidence:`` field change
(or one is added after the ``criterion:`` line); every other byte stays. The
result is parsed again and checked before it replaces the file.
"""

from __future__ import annotations

import json
from pathlib import Path

from advocacy.atomic import write_atomic
from advocacy.errors import AdvocacyError
from advocacy.evaluate.sheets import load_sheet
from advocacy.evidence.finder import EvidenceReport
from advocacy.models import ScoreSheet, validate_document
from advocacy.yamlio import load_yaml, read_text

QUOTE_CHARS = 100


def evidence_lines(report: EvidenceReport) -> dict[str, list[str]]:
    """Per criterion, the evidence entries to record: location, heading and a short quote."""
    return {
        c.criterion.id: [f"{h.passage.where}: “{h.excerpt(QUOTE_CHARS)}”" for h in c.hits]
        for c in report.criteria
    }


def add_evidence(sheet_path: Path, report: EvidenceReport) -> int:
    """Add the report's evidence to the sheet's ``evidence`` fields; returns how many entries.

    Entries already in the sheet (or at a location already cited) are kept as
    they are and not repeated.
    """
    loaded = load_sheet(sheet_path)
    if loaded.sheet.rubric != report.rubric.id:
        raise AdvocacyError(
            f"the sheet follows rubric {loaded.sheet.rubric!r}, but the evidence was found "
            f"with {report.rubric.id!r}",
            sheet_path,
            *loaded.position("rubric"),
            hint="pass the sheet's rubric with --rubric",
        )
    text = read_text(sheet_path, what="score sheet")
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.split(newline)
    found = evidence_lines(report)
    edits: list[tuple[int, int, list[str]]] = []
    added = 0
    for index, entry in enumerate(loaded.sheet.scores):
        cited = {item.split(":", 1)[0] for item in entry.evidence}
        new = [
            item
            for item in found.get(entry.criterion, [])
            if item not in entry.evidence and item.split(":", 1)[0] not in cited
        ]
        if not new:
            continue
        added += len(new)
        where = loaded.doc.positions.get(("scores", index, "evidence"))
        if where is not None:
            start = where[0] - 1
            end = _value_end(lines, start, where[1] - 1)
            column = where[1] - 1
        else:
            line, column = loaded.doc.positions[("scores", index, "criterion")]
            start = end = line
            column -= 1
        indent = " " * column
        block = [f"{indent}evidence:"] + [
            f"{indent}  - {json.dumps(item, ensure_ascii=False)}"
            for item in [*entry.evidence, *new]
        ]
        edits.append((start, end, block))
    if not edits:
        return 0
    for start, end, block in sorted(edits, reverse=True):
        lines[start:end] = block
    updated = newline.join(lines)
    _check_unchanged(loaded.sheet, updated, sheet_path)
    write_atomic(sheet_path, updated, force=True)
    return added


def _value_end(lines: list[str], key_index: int, key_indent: int) -> int:
    """The index after the last line of the value of the key on ``key_index``."""
    end = key_index + 1
    for at in range(key_index + 1, len(lines)):
        line = lines[at]
        stripped = line.strip()
        if not stripped:
            continue  # a blank line may sit inside the value; decided by what follows
        indent = len(line) - len(line.lstrip(" "))
        inside = indent > key_indent or (indent == key_indent and stripped.startswith("- "))
        if not inside:
            break
        end = at + 1
    return end


def _check_unchanged(before: ScoreSheet, text: str, path: Path) -> None:
    """The edit must change evidence only; anything else means a bug, so refuse."""
    try:
        after, _ = validate_document(ScoreSheet, load_yaml(text, str(path)))
    except AdvocacyError:  # e.g. a sheet written in flow style ({...}) that line edits break
        after = None
    same = after is not None and [
        (s.criterion, s.score, s.comment, s.red_flags) for s in after.scores
    ] == [(s.criterion, s.score, s.comment, s.red_flags) for s in before.scores]
    if (
        not same
        or after is None
        or after.model_dump(exclude={"scores"}) != before.model_dump(exclude={"scores"})
    ):
        raise AdvocacyError(
            "could not add the evidence without changing other fields; the sheet is unchanged",
            path,
            hint="add the evidence by hand from 'advocacy score evidence' output, and report this",
        )
