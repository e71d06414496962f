"""Score sheets: one reviewer's scores for one bid. Loading, checking against a
rubric, and the blank sheet ``score init`` writes."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from advocacy.errors import AdvocacyError, Diagnostic, did_you_mean, error, warning
from advocacy.evaluate.checks import CHECKS, INPUT_LABELS
from advocacy.evaluate.rubric import LoadedRubric, lookup_rubric
from advocacy.library import Library
from advocacy.models import ScoreSheet, load_model
from advocacy.yamlio import YamlDocument, load_yaml, load_yaml_file

#: What a reviewer writes when no conflict of interest applies (any case).
NO_CONFLICT = ("none", "no", "n/a", "ninguno", "ninguna")
NO_SCORE, NO_REASON = "no score", "no reason"
#: Names this similar (0-1) but not equal are probably one person or bid typed twice.
NEAR_DUPLICATE = 0.85


@dataclass(frozen=True)
class LoadedSheet:
    sheet: ScoreSheet
    path: Path
    doc: YamlDocument

    def position(self, *where: str | int) -> tuple[int, int]:
        return self.doc.position(where)

    @property
    def predates_conflicts(self) -> bool:
        """Written before sheets had a ``conflict`` field (no such key at all)."""
        return not (isinstance(self.doc.data, dict) and "conflict" in self.doc.data)

    @property
    def conflict(self) -> str | None:
        """The declared conflict, ``None`` when there is none or nothing was declared."""
        text = self.sheet.conflict
        return None if text is None or text.casefold() in NO_CONFLICT else text

    def gaps(self, rubric: LoadedRubric) -> list[tuple[str, str]]:
        """What keeps this sheet from being complete, as (criterion, what): "no score",
        or "no reason" for a score without a comment when the rubric requires one."""
        missing = []
        for entry in self.sheet.scores:
            if entry.score is None:
                missing.append((entry.criterion, NO_SCORE))
            elif rubric.rubric.require_reason and not (entry.comment or "").strip():
                missing.append((entry.criterion, NO_REASON))
        return missing


def name_key(name: str) -> str:
    """Names are compared trimmed and ignoring case: "Luis Ortega " is "luis ortega"."""
    return " ".join(name.split()).casefold()


def near_duplicate_names(sheets: Sequence[LoadedSheet]) -> list[Diagnostic]:
    """Warnings for bid or reviewer names that differ only slightly ("Riverbend" and
    "Riverbed"): probably one bid or person typed two ways."""
    import re
    from difflib import SequenceMatcher

    from advocacy.models.rubric import BLIND_CODE_PATTERN

    code = re.compile(BLIND_CODE_PATTERN, re.IGNORECASE)
    found: list[Diagnostic] = []
    for field in ("bid", "reviewer"):
        first: dict[str, LoadedSheet] = {}
        for loaded in sheets:
            first.setdefault(name_key(getattr(loaded.sheet, field)), loaded)
        keys = sorted(first)
        for i, a in enumerate(keys):
            for b in keys[i + 1 :]:
                if code.match(a) and code.match(b):
                    continue  # blind codes are meant to look alike
                if SequenceMatcher(None, a, b).ratio() >= NEAR_DUPLICATE:
                    other = first[b]
                    found.append(
                        warning(
                            f"{field} names {getattr(first[a].sheet, field)!r} and "
                            f"{getattr(other.sheet, field)!r} are nearly the same",
                            other.path,
                            *other.position(field),
                            hint=f"if they are one {field}, spell them alike "
                            f"(the other is in {first[a].path})",
                        )
                    )
    return found


def load_sheet(path: Path) -> LoadedSheet:
    doc = load_yaml_file(path)
    return LoadedSheet(load_model(ScoreSheet, doc), path, doc)


def collect_sheets(
    paths: Sequence[Path], consensus_paths: Sequence[Path] = ()
) -> tuple[list[LoadedSheet], list[LoadedSheet]]:
    """Load reviewers' and consensus sheets, reporting every unreadable one at once.

    A sheet marked ``consensus: true`` counts as a consensus sheet wherever it is given.
    """
    loaded: list[LoadedSheet] = []
    problems: list[Diagnostic] = []
    # The same file named twice (another spelling of its path) counts once.
    unique = {path.resolve(): path for path in [*paths, *consensus_paths]}
    for path in unique.values():
        try:
            loaded.append(load_sheet(path))
        except AdvocacyError as exc:
            problems.extend(exc.diagnostics)
    if problems:
        raise AdvocacyError.from_diagnostics(problems)
    agreed = {p.resolve() for p in consensus_paths}
    consensus = [s for s in loaded if s.path.resolve() in agreed or s.sheet.consensus]
    reviewers = [s for s in loaded if s not in consensus]
    return reviewers, consensus


def validate_sheet(loaded: LoadedSheet, rubric: LoadedRubric) -> list[Diagnostic]:
    """Errors that make a sheet unusable with ``rubric``, each at its place."""
    sheet, path = loaded.sheet, loaded.path
    problems: list[Diagnostic] = []
    if sheet.rubric != rubric.id:
        problems.append(
            error(
                f"this sheet is for rubric {sheet.rubric!r}, not {rubric.id!r}",
                path,
                *loaded.position("rubric"),
                hint="score each bid with the rubric the report uses",
            )
        )
        return problems
    ids = [c.id for c in rubric.criteria]
    seen: set[str] = set()
    for i, entry in enumerate(sheet.scores):
        where = loaded.position("scores", i, "criterion")
        criterion = rubric.criterion(entry.criterion)
        if criterion is None:
            problems.append(
                error(
                    f"the rubric has no criterion {entry.criterion!r}",
                    path,
                    *where,
                    hint=did_you_mean(entry.criterion, ids) or "criteria: " + ", ".join(ids),
                )
            )
            continue
        if entry.criterion in seen:
            problems.append(error(f"criterion {entry.criterion!r} is scored twice", path, *where))
        seen.add(entry.criterion)
        if entry.score is not None and not (
            criterion.min_level <= entry.score <= criterion.max_level
        ):
            problems.append(
                error(
                    f"score {entry.score} for {entry.criterion!r} is out of range "
                    f"{criterion.min_level}-{criterion.max_level}",
                    path,
                    *loaded.position("scores", i, "score"),
                    hint="levels: " + "; ".join(f"{k} {v}" for k, v in criterion.levels.items()),
                )
            )
    missing = [c for c in ids if c not in seen]
    if missing:
        problems.append(
            error(
                f"missing criteria: {', '.join(missing)}",
                path,
                *loaded.position("scores"),
                hint="every criterion of the rubric needs an entry (leave 'score' empty "
                "if not scored yet); 'advocacy score init' writes them all",
            )
        )
    return problems


def new_sheet_text(
    rubric: LoadedRubric, bid: str, reviewer: str, target: Path, date: dt.date
) -> str:
    """A score sheet with every criterion listed and guiding comments; scores empty.

    Rendered from ``scaffolds/score-sheet.yaml.j2``, then read back and checked
    against ``rubric`` as ``score report`` would, so that ``score init`` never
    writes a sheet the report refuses.
    """
    from advocacy.render.templating import render_template
    from advocacy.schemas import schema_reference

    needed = [name for c in rubric.criteria if c.computed for name in CHECKS[c.computed].inputs]
    rubric_file = None
    if rubric.path is not None:
        rubric_file = Path(
            os.path.relpath(rubric.path.resolve(), target.resolve().parent)
        ).as_posix()
    context = {
        "schema": schema_reference("score-sheet", target),
        "target": target.name,
        "rubric": {"id": rubric.id, "title": rubric.rubric.title, "file": rubric_file},
        "bid": bid,
        "reviewer": reviewer,
        "date": date.isoformat(),
        "inputs": [(name, INPUT_LABELS[name]) for name in dict.fromkeys(needed)],
        "criteria": [
            {
                "id": c.id,
                "title": c.title,
                "question": c.question,
                "about": ("mandatory, " if c.mandatory else "") + f"weight {c.weight:g}",
                "levels": "; ".join(f"{k} {v}" for k, v in c.levels.items()),
                "red_flags": [f.text for f in c.red_flags],
            }
            for c in rubric.criteria
        ],
    }
    text = render_template("scaffolds/score-sheet.yaml.j2", context)
    doc = load_yaml(text, str(target))
    problems = validate_sheet(LoadedSheet(load_model(ScoreSheet, doc), target, doc), rubric)
    if problems:
        raise AdvocacyError.from_diagnostics(problems)
    return text


def sheets_rubric(
    library: Library, given: Path | str | None, sheets: Sequence[LoadedSheet]
) -> LoadedRubric:
    """The rubric for a report: ``given`` (``--rubric``), else the one the sheets name,
    looked for where ``score init`` recorded it and beside the sheets."""
    if given is not None or not sheets:
        return lookup_rubric(library, given)
    recorded = [
        s.path.parent / s.sheet.rubric_file for s in sheets if s.sheet.rubric_file is not None
    ]
    return lookup_rubric(
        library,
        named=sheets[0].sheet.rubric,
        near=[*recorded, *dict.fromkeys(s.path.parent for s in sheets)],
    )
