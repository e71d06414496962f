"""Write found evidence into a reviewer's score sheet, touching nothing else.

Reviewers' sheets carry their judgement (scores, comments), their own layout
and their own YAML comments, also inside ``evidence:`` lists. The sheet is
edited with ruamel.yaml's round-trip mode, which keeps comments, quoting and
block styles: only new evidence entries are added (an ``evidence:`` field is
created after ``criterion:`` where there is none). A sheet that is a symbolic
link is written through the link, so a shared target gets the evidence and
the link stays a link. The result is parsed again and checked before it
replaces the file.
"""

from __future__ import annotations

import io
import itertools
import re
from pathlib import Path

from advocacy.atomic import write_atomic
from advocacy.errors import AdvocacyError
from advocacy.evaluate.sheets import load_sheet
from advocacy.evidence.finder import EvidenceReport
from advocacy.models import ScoreSheet, validate_document
from advocacy.yamlio import check_regular_file, load_yaml, read_text

QUOTE_CHARS = 100
_SEQUENCE_ITEM = re.compile(r"^( *)- ")


def evidence_lines(report: EvidenceReport) -> dict[str, list[str]]:
    """Per criterion, the evidence entries to record: location, heading and a short quote."""
    return {
        c.criterion.id: [
            f"{h.passage.where}: “{h.excerpt(QUOTE_CHARS)}”"
            + (f" (learned model, {h.chance:.0%} likely)" if h.chance is not None else "")
            for h in c.hits
        ]
        for c in report.criteria
    }


def add_evidence(sheet_path: Path, report: EvidenceReport) -> int:
    """Add the report's evidence to the sheet's ``evidence`` fields; returns how many entries.

    Entries already in the sheet (or at a location already cited) are kept as
    they are and not repeated.
    """
    check_regular_file(sheet_path, "score sheet")
    target = sheet_path.resolve()  # write through a symbolic link, never replace it
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
    yaml = _round_trip(text)
    data = yaml.load(text)
    found = evidence_lines(report)
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
        node = data["scores"][index]
        if node.get("evidence") is None:
            keys = list(node.keys())
            node.insert(keys.index("criterion") + 1, "evidence", new)
        else:
            node["evidence"].extend(new)
    if not added:
        return 0
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    updated = buffer.getvalue()
    if "\r\n" in text:
        updated = updated.replace("\r\n", "\n").replace("\n", "\r\n")
    _check_unchanged(loaded.sheet, updated, sheet_path)
    write_atomic(target, updated, force=True)
    return added


def _round_trip(text: str):  # -> ruamel.yaml.YAML
    """A round-trip YAML editor indenting lists as this sheet already does."""
    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a reviewer's long lines
    offset = 0
    lines = text.splitlines()
    for before, line in itertools.pairwise(lines):
        item = _SEQUENCE_ITEM.match(line)
        if item and before.rstrip().endswith(":"):
            offset = max(0, len(item.group(1)) - (len(before) - len(before.lstrip(" "))))
            break
    yaml.indent(mapping=2, sequence=offset + 2, offset=offset)
    return yaml


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
