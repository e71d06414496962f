"""Rubrics: criteria resolved against the talking points they come from.

A rubric names talking points; each point's ``evaluation`` block supplies the
question, look-for items, red flags, levels, weight and mandatory flag, and
the rubric may override weight and mandatory or add a computed check. With no
rubric, :func:`default_rubric` uses every approved point that has an
evaluation block, so checklists work out of the box.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from advocacy.errors import AdvocacyError, Diagnostic, did_you_mean, error
from advocacy.library import Library
from advocacy.models import (
    DEFAULT_LEVELS,
    LookFor,
    RedFlag,
    Rubric,
    TalkingPoint,
    load_model,
)
from advocacy.models.rubric import Criterion
from advocacy.resources import templates_dir
from advocacy.yamlio import YamlDocument, find_yaml_by_id, load_yaml_file

DEFAULT_RUBRIC_ID = "default"
#: "Fewer than 5 FTEs" is the RLC's proposal for a small peer team, not a published rule.
SMALL_TEAM_FTE = 5.0


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


def load_rubric(path: Path, library: Library) -> LoadedRubric:
    """Read a rubric and resolve its criteria; every problem is reported at once."""
    doc = load_yaml_file(path)
    return _resolve(load_model(Rubric, doc), library, path, doc)


def shipped_rubrics() -> dict[str, Path]:
    """Rubrics shipped with advocacy, by name (``job-description``)."""
    folder = templates_dir() / "rubrics"
    return {p.stem: p for p in sorted(folder.glob("*.yaml"))} if folder.is_dir() else {}


def rubric_from_option(value: Path | None, library: Library) -> LoadedRubric:
    """``--rubric``: a file, the name of a shipped rubric, or nothing (the default rubric)."""
    if value is None:
        return default_rubric(library)
    if value.is_file():
        return load_rubric(value, library)
    shipped = shipped_rubrics()
    if str(value) in shipped:
        return load_rubric(shipped[str(value)], library)
    raise AdvocacyError(
        "no rubric file or shipped rubric by that name",
        value,
        hint=did_you_mean(str(value), shipped)
        or "give a RUBRIC.yaml path, or one of: " + ", ".join(shipped),
    )


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


def find_rubric(rubric_id: str, near: Sequence[Path], library: Library) -> LoadedRubric:
    """The rubric a score sheet names: the default one, or a file with that id
    in the sheets' folders or their parents."""
    if rubric_id == DEFAULT_RUBRIC_ID:
        return default_rubric(library)
    folders = list(dict.fromkeys([*near, *(p.parent for p in near)]))
    path = find_yaml_by_id(folders, rubric_id, "criteria")
    if path is None:
        raise AdvocacyError(
            f"cannot find the rubric {rubric_id!r} that the score sheets name",
            hint="pass it with --rubric RUBRIC.yaml",
        )
    return load_rubric(path, library)


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
        if criterion.computed == "small-team" and threshold is None:
            threshold = SMALL_TEAM_FTE
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
    if problems:
        raise AdvocacyError.from_diagnostics(problems)
    return LoadedRubric(rubric, tuple(criteria), path, doc)
