"""Rubrics: criteria resolved against the talking points they come from.

A rubric names talking points; each point's ``evaluation`` block supplies the
question, look-for items, red flags, levels, weight and mandatory flag, and
the rubric may override weight and mandatory or add a computed check. With no
rubric, :func:`default_rubric` uses every approved point that has an
evaluation block, so checklists work out of the box.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from advocacy.errors import AdvocacyError, Diagnostic, did_you_mean, error
from advocacy.evaluate.checks import CHECKS
from advocacy.library import Library
from advocacy.models import (
    DEFAULT_LEVELS,
    LookFor,
    RedFlag,
    Rubric,
    TalkingPoint,
    load_model,
)
from advocacy.models.rubric import Criterion, RubricTranslation
from advocacy.resources import templates_dir
from advocacy.yamlio import YamlDocument, find_yaml_by_id, load_yaml_file

DEFAULT_RUBRIC_ID = "default"


@dataclass(frozen=True)
class ResolvedCriterion:
    """Everything a checklist or a report needs about one criterion."""

    id: str
    title: str
    category: str
    question: str
    look_for: tuple[LookFor, ...]
    red_flags: tuple[RedFlag, ...]
    levels: dict[int, str]
    weight: float
    mandatory: bool
    computed: str | None = None
    threshold: float | None = None
    point: TalkingPoint | None = field(default=None, compare=False, repr=False)

    @property
    def min_level(self) -> int:
        return min(self.levels)

    @property
    def max_level(self) -> int:
        return max(self.levels)


@dataclass(frozen=True)
class LoadedRubric:
    rubric: Rubric
    criteria: tuple[ResolvedCriterion, ...]
    path: Path | None = None
    doc: YamlDocument | None = None

    @property
    def id(self) -> str:
        return self.rubric.id

    def criterion(self, criterion_id: str) -> ResolvedCriterion | None:
        return next((c for c in self.criteria if c.id == criterion_id), None)

    def title(self, lang: str = "en") -> str:
        """The rubric's title in ``lang``, English where it has no translation."""
        text = self._translation(lang)
        return text.title if text is not None else self.rubric.title

    def description(self, lang: str = "en") -> str | None:
        text = self._translation(lang)
        if text is not None and text.description is not None:
            return text.description
        return self.rubric.description

    def _translation(self, lang: str) -> RubricTranslation | None:
        from advocacy.i18n import base_language

        found = self.rubric.translations
        return found.get(lang) or found.get(base_language(lang))

    @property
    def fingerprint(self) -> str:
        """A short hash of what a checklist prints for this rubric (criteria, their
        items and levels): a filled checklist is read back only against the same."""
        import hashlib
        import json

        content = [
            [
                c.id,
                c.computed,
                [i.text for i in c.look_for],
                [f.text for f in c.red_flags],
                sorted(c.levels),
            ]
            for c in self.criteria
        ]
        return hashlib.sha256(json.dumps(content).encode("utf-8")).hexdigest()[:16]

    def with_weights(self, weights: Mapping[str, float]) -> LoadedRubric:
        """This rubric with the weights of some criteria replaced (a what-if)."""
        ids = [c.id for c in self.criteria]
        for name in weights:
            if name not in ids:
                raise AdvocacyError(
                    f"--what-if names no criterion of the rubric: {name!r}",
                    hint=did_you_mean(name, ids) or "criteria: " + ", ".join(ids),
                )
        criteria = tuple(
            dataclasses.replace(c, weight=weights[c.id]) if c.id in weights else c
            for c in self.criteria
        )
        return dataclasses.replace(self, criteria=criteria)


def load_rubric(path: Path, library: Library) -> LoadedRubric:
    """Read a rubric and resolve its criteria; every problem is reported at once."""
    doc = load_yaml_file(path)
    return _resolve(load_model(Rubric, doc), library, path, doc)


def shipped_rubrics() -> dict[str, Path]:
    """Rubrics shipped with advocacy, by name (``job-description``)."""
    folder = templates_dir() / "rubrics"
    return {p.stem: p for p in sorted(folder.glob("*.yaml"))} if folder.is_dir() else {}


def default_rubric(library: Library) -> LoadedRubric:
    """Every approved point with an evaluation block, in category order."""
    criteria = [
        Criterion(point=lp.point.id)
        for lp in library.select(status="approved")
        if lp.point.evaluation is not None
    ]
    if not criteria:
        raise AdvocacyError(
            "no approved talking point has an evaluation block to build a rubric from",
            hint="add 'evaluation:' to the points, or pass --rubric",
        )
    rubric = Rubric(
        id=DEFAULT_RUBRIC_ID,
        title="Peer roles in provider bids",
        description="Every approved talking point with an evaluation block.",
        criteria=criteria,
    )
    return _resolve(rubric, library, None, None)


def lookup_rubric(
    library: Library,
    given: Path | str | None = None,
    *,
    named: str | None = None,
    near: Sequence[Path] = (),
) -> LoadedRubric:
    """The one rubric lookup of every command.

    ``given`` (a RUBRIC argument or ``--rubric``) is a file, or the name or id
    of a shipped rubric (``job-description``). Without it, the rubric id
    ``named`` by score sheets is looked for in ``near``: rubric files a sheet
    records (``rubric_file``), then the sheets' folders and their parents, then
    the shipped rubrics. With neither, the default rubric of every approved
    point.
    """
    shipped = shipped_rubrics()
    if given is not None:
        path = Path(given)
        if path.is_file():
            return load_rubric(path, library)
        if str(given) in shipped:
            return load_rubric(shipped[str(given)], library)
        if str(given) == DEFAULT_RUBRIC_ID:
            return default_rubric(library)
        raise AdvocacyError(
            "no rubric file or shipped rubric by that name",
            path,
            hint=did_you_mean(str(given), shipped)
            or "give a RUBRIC.yaml path, or one of: " + ", ".join(shipped),
        )
    if named is None or named == DEFAULT_RUBRIC_ID:
        return default_rubric(library)
    files = [p for p in near if p.is_file()]
    for candidate in files:
        if _rubric_id(candidate) == named:
            return load_rubric(candidate, library)
    folders = [p for p in near if p.is_dir()]
    folders = list(dict.fromkeys([*folders, *(p.parent for p in [*folders, *files])]))
    found = find_yaml_by_id(folders, named, "criteria") or next(
        (p for p in shipped.values() if _rubric_id(p) == named), None
    )
    if found is None:
        raise AdvocacyError(
            f"cannot find the rubric {named!r}",
            hint="it is looked for beside the files that name it and among the shipped "
            "rubrics; pass it with --rubric RUBRIC.yaml",
        )
    return load_rubric(found, library)


def _rubric_id(path: Path) -> object:
    try:
        data = load_yaml_file(path).data
    except AdvocacyError:
        return None
    return data.get("id") if isinstance(data, dict) else None


def _resolve(
    rubric: Rubric, library: Library, path: Path | None, doc: YamlDocument | None
) -> LoadedRubric:
    problems: list[Diagnostic] = []
    criteria: list[ResolvedCriterion] = []
    for index, criterion in enumerate(rubric.criteria):
        line, col = doc.position(("criteria", index, "point")) if doc else (None, None)
        loaded = library.points.get(criterion.point)
        if loaded is None:
            problems.append(
                error(
                    f"no talking point with id {criterion.point!r}",
                    path,
                    line,
                    col,
                    hint=did_you_mean(criterion.point, library.points)
                    or "run 'advocacy points list' to see the ids",
                )
            )
            continue
        point = loaded.point
        evaluation = point.evaluation
        if evaluation is None:
            problems.append(
                error(
                    f"talking point {point.id!r} has no evaluation block to score",
                    path,
                    line,
                    col,
                    hint="add 'evaluation:' (question, look_for, ...) to the point",
                )
            )
            continue
        levels = dict(rubric.scale.levels or evaluation.levels or DEFAULT_LEVELS)
        threshold = criterion.threshold
        if criterion.computed is not None:
            problem = _check_problem(criterion, path, doc, index)
            if problem is not None:
                problems.append(problem)
                continue
            threshold = threshold or CHECKS[criterion.computed].default_threshold
        criteria.append(
            ResolvedCriterion(
                id=point.id,
                title=point.title,
                category=point.category,
                question=evaluation.question,
                look_for=tuple(evaluation.look_for),
                red_flags=tuple(evaluation.red_flags),
                levels=dict(sorted(levels.items())),
                weight=criterion.weight if criterion.weight is not None else evaluation.weight,
                mandatory=(
                    criterion.mandatory if criterion.mandatory is not None else evaluation.mandatory
                ),
                computed=criterion.computed,
                threshold=threshold,
                point=point,
            )
        )
    problems += _scale_problems(rubric, criteria, path, doc)
    if problems:
        raise AdvocacyError.from_diagnostics(problems)
    return LoadedRubric(rubric, tuple(criteria), path, doc)


def _check_problem(
    criterion: Criterion, path: Path | None, doc: YamlDocument | None, index: int
) -> Diagnostic | None:
    """A computed check the registry does not know, or one missing its threshold."""
    kind = criterion.computed or ""
    where = doc.position(("criteria", index, "computed")) if doc else (None, None)
    check = CHECKS.get(kind)
    if check is None:
        return error(
            f"unknown computed check {kind!r}",
            path,
            *where,
            hint=did_you_mean(kind, CHECKS) or "known checks: " + ", ".join(CHECKS),
        )
    if check.threshold_required and criterion.threshold is None:
        return error(
            f"a {kind} criterion needs a threshold",
            path,
            *where,
            hint="add 'threshold:' (for staffing-ratio: the most people served per peer FTE "
            "you accept)",
        )
    return None


def _scale_problems(
    rubric: Rubric,
    criteria: Sequence[ResolvedCriterion],
    path: Path | None,
    doc: YamlDocument | None,
) -> list[Diagnostic]:
    """Rubric values that cannot work on the scale: a minimum no bid can reach."""
    minimum = rubric.scale.mandatory_min
    where = doc.position(("scale", "mandatory_min")) if doc else (None, None)
    out_of_range = [c for c in criteria if not c.min_level <= minimum <= c.max_level]
    if not out_of_range:
        return []
    low = max(c.min_level for c in criteria)
    high = min(c.max_level for c in criteria)
    return [
        error(
            f"mandatory_min {minimum} is outside the scale of "
            + ", ".join(f"{c.id} ({c.min_level}-{c.max_level})" for c in out_of_range[:3])
            + (" and others" if len(out_of_range) > 3 else ""),
            path,
            *where,
            hint=f"use a level between {low} and {high}",
        )
    ]
