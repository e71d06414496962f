"""The talking-point library: discover folders, load points, lint them.

A library is the shipped folder plus any user folders (``--library DIR``,
``ADVOCACY_LIBRARY``). Folders later in the list override earlier ones: a
user's point with the same id as a built-in one replaces it, and each loaded
point remembers which folder it came from.

Each folder holds one ``<id>.yaml`` per point (subfolders allowed) and may hold
a ``categories.yaml`` that adds categories.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from advocacy.errors import AdvocacyError, Diagnostic, Severity, did_you_mean, error, warning
from advocacy.models import Category, CategoryFile, TalkingPoint, validate_document
from advocacy.resources import builtin_library
from advocacy.wordcount import count_words
from advocacy.yamlio import YamlDocument, load_yaml_file

#: Environment variable with extra library folders, separated like PATH.
LIBRARY_ENV = "ADVOCACY_LIBRARY"
CATEGORIES_FILE = "categories.yaml"
BUILTIN = "built-in"
#: Thresholds of the lint warnings.
STALE_AFTER_DAYS = 365
MAX_BODY_WORDS = 400

_MOJIBAKE = re.compile(r"[ÃÂ][\u0080-\u00bf]|â€|ï»¿")


@dataclass(frozen=True)
class LibrarySource:
    """One folder of talking points and the label it is shown with."""

    label: str
    path: Path


@dataclass(frozen=True)
class LoadedPoint:
    """A validated point, the file it came from and that file's positions."""

    point: TalkingPoint
    path: Path
    source: str
    doc: YamlDocument = field(repr=False, compare=False)

    def position(self, *path: str | int) -> tuple[int, int]:
        return self.doc.position(path)


@dataclass
class Library:
    """The active talking points (after overrides) and their categories."""

    points: dict[str, LoadedPoint]
    categories: dict[str, Category]
    sources: list[LibrarySource]

    def get(self, point_id: str) -> LoadedPoint:
        """The point ``point_id``; an unknown id raises with a did-you-mean."""
        try:
            return self.points[point_id]
        except KeyError:
            hint = (
                did_you_mean(point_id, self.points) or "run 'advocacy points list' to see the ids"
            )
            raise AdvocacyError(f"no talking point with id {point_id!r}", hint=hint) from None

    def select(
        self,
        category: str | None = None,
        tag: str | None = None,
        status: str | None = None,
    ) -> list[LoadedPoint]:
        """Points matching every given filter, sorted by category then id."""
        chosen = [
            lp
            for lp in self.points.values()
            if (category is None or lp.point.category == category)
            and (tag is None or tag in lp.point.tags)
            and (status is None or lp.point.status == status)
        ]
        return sorted(chosen, key=lambda lp: (lp.point.category, lp.point.id))


def library_sources(
    extra: Sequence[Path] = (),
    environ: dict[str, str] | None = None,
    include_builtin: bool = True,
) -> list[LibrarySource]:
    """The folders of the active library, lowest priority first.

    Order: built-in, then ``ADVOCACY_LIBRARY`` entries, then ``extra``
    (``--library``). A folder that does not exist is an error, not skipped.
    """
    env = os.environ if environ is None else environ
    sources = [LibrarySource(BUILTIN, builtin_library())] if include_builtin else []
    paths = [Path(p) for p in env.get(LIBRARY_ENV, "").split(os.pathsep) if p.strip()]
    for path in [*paths, *extra]:
        if not path.is_dir():
            origin = f"{LIBRARY_ENV}" if path in paths else "--library"
            raise AdvocacyError(
                "talking-point folder does not exist" if not path.exists() else "not a folder",
                path,
                hint=f"check the path given in {origin}",
            )
        sources.append(LibrarySource(str(path), path))
    return sources


def load_library(sources: Sequence[LibrarySource] | None = None) -> Library:
    """Load every point of ``sources`` (default: the active library).

    Raises :class:`AdvocacyError` with every error found if any file is
    invalid, so commands never run on a half-loaded library. Use
    :func:`lint_library` to get warnings as well.
    """
    report = lint_library(sources)
    if report.errors:
        raise AdvocacyError.from_diagnostics(report.errors)
    return report.library


@dataclass
class LintReport:
    """What linting found, and the library built on the way."""

    diagnostics: list[Diagnostic]
    library: Library
    files: int

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.WARNING]

    def failed(self, strict: bool = False) -> bool:
        return bool(self.errors or (strict and self.warnings))


def lint_library(
    sources: Sequence[LibrarySource] | None = None, today: dt.date | None = None
) -> LintReport:
    """Lint every file of the library folders, with overrides between folders."""
    sources = list(library_sources() if sources is None else sources)
    return _lint([(s, _point_files(s.path)) for s in sources], sources, today)


def lint_paths(
    paths: Sequence[Path],
    sources: Sequence[LibrarySource] | None = None,
    today: dt.date | None = None,
) -> LintReport:
    """Lint the given files and folders against the active library.

    ``related`` ids and categories may refer to points and categories of the
    library as well as of the linted files.
    """
    sources = list(library_sources() if sources is None else sources)
    groups: list[tuple[LibrarySource, list[Path]]] = []
    for path in paths:
        if path.is_dir():
            groups.append((LibrarySource(str(path), path), _point_files(path)))
        elif path.exists():
            groups.append((LibrarySource(str(path), path.parent), [path]))
        else:
            raise AdvocacyError("no such file or folder", path, hint="check the path and spelling")
    lint_set = {p.resolve() for _, files in groups for p in files}
    context = [
        (s, [p for p in _point_files(s.path) if p.resolve() not in lint_set]) for s in sources
    ]
    return _lint(groups, [*sources, *(s for s, _ in groups)], today, context=context)


def _lint(
    groups: Sequence[tuple[LibrarySource, list[Path]]],
    category_sources: Sequence[LibrarySource],
    today: dt.date | None,
    context: Sequence[tuple[LibrarySource, list[Path]]] = (),
) -> LintReport:
    today = today or dt.date.today()
    diagnostics: list[Diagnostic] = []
    categories, category_diags = _load_categories(category_sources)
    diagnostics.extend(category_diags)

    # Context points (library folders not being linted) are only looked up.
    points: dict[str, LoadedPoint] = {}
    for source, files in context:
        for path in files:
            loaded, _ = _load_point(path, source.label)
            if loaded is not None:
                points[loaded.point.id] = loaded

    linted: list[LoadedPoint] = []
    files = 0
    for source, paths in groups:
        seen: dict[str, LoadedPoint] = {}
        for path in paths:
            files += 1
            loaded, diags = _load_point(path, source.label)
            diagnostics.extend(diags)
            if loaded is None:
                continue
            point = loaded.point
            if point.id in seen:
                line, col = loaded.position("id")
                diagnostics.append(
                    error(
                        f"duplicate id {point.id!r}",
                        path,
                        line,
                        col,
                        hint=f"{seen[point.id].path} has the same id; ids must be unique",
                        code="duplicate-id",
                    )
                )
                continue
            seen[point.id] = loaded
            linted.append(loaded)
            diagnostics.extend(_point_warnings(loaded, today))
        points.update(seen)

    for loaded in linted:
        diagnostics.extend(_cross_checks(loaded, points, categories))

    library = Library(
        points=dict(sorted(points.items())), categories=categories, sources=[s for s, _ in groups]
    )
    return LintReport(diagnostics=sorted(diagnostics), library=library, files=files)


def _point_files(folder: Path) -> list[Path]:
    """The talking-point files below ``folder``, sorted, hidden folders skipped."""
    if not folder.is_dir():
        raise AdvocacyError("talking-point folder does not exist", folder, hint="check the path")
    found = [
        p
        for pattern in ("*.yaml", "*.yml")
        for p in folder.rglob(pattern)
        if p.name != CATEGORIES_FILE
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    ]
    return sorted(found)


def _load_point(path: Path, source: str) -> tuple[LoadedPoint | None, list[Diagnostic]]:
    try:
        doc = load_yaml_file(path)
    except AdvocacyError as exc:
        return None, exc.diagnostics
    point, diags = validate_document(TalkingPoint, doc)
    if point is None:
        return None, diags
    loaded = LoadedPoint(point=point, path=path, source=source, doc=doc)
    expected = path.stem
    if point.id != expected:
        line, col = loaded.position("id")
        return None, [
            error(
                f"id {point.id!r} does not match the file name {path.name!r}",
                path,
                line,
                col,
                hint=f"rename the file to {point.id}.yaml or set id: {expected}",
                code="id-mismatch",
            )
        ]
    return loaded, []


def _load_categories(
    sources: Iterable[LibrarySource],
) -> tuple[dict[str, Category], list[Diagnostic]]:
    categories: dict[str, Category] = {}
    diagnostics: list[Diagnostic] = []
    for path in dict.fromkeys(s.path / CATEGORIES_FILE for s in sources):
        if not path.is_file():
            continue
        try:
            doc = load_yaml_file(path)
        except AdvocacyError as exc:
            diagnostics.extend(exc.diagnostics)
            continue
        model, diags = validate_document(CategoryFile, doc)
        diagnostics.extend(diags)
        if model is not None:
            categories.update(model.categories)
    return categories, diagnostics


def _point_warnings(loaded: LoadedPoint, today: dt.date) -> Iterator[Diagnostic]:
    point, path = loaded.point, loaded.path

    def warn(message: str, where: tuple[str | int, ...], hint: str, code: str) -> Diagnostic:
        line, col = loaded.doc.position(where)
        return warning(message, path, line, col, hint=hint, code=code)

    if point.status == "approved":
        if not point.sources:
            yield warn(
                "approved point has no sources",
                ("status",),
                "add at least one source (title, publisher, year, url) so facts can be checked",
                "no-sources",
            )
        if point.evaluation is None or not point.evaluation.look_for:
            yield warn(
                "approved point has no evaluation (question and look_for items)",
                ("evaluation",) if point.evaluation else ("status",),
                "checklists and scoring are built from the evaluation block; add one",
                "empty-evaluation",
            )
        if point.reviewed is None:
            yield warn(
                "approved point has no 'reviewed' date",
                ("status",),
                "add reviewed: YYYY-MM-DD after checking the text and sources",
                "stale",
            )
    if point.reviewed is not None and (today - point.reviewed).days > STALE_AFTER_DAYS:
        yield warn(
            f"last reviewed {point.reviewed.isoformat()}, more than 12 months ago",
            ("reviewed",),
            "re-check the text and sources, then update 'reviewed'",
            "stale",
        )
    words = count_words(point.body)
    if words > MAX_BODY_WORDS:
        yield warn(
            f"body has {words} words, more than {MAX_BODY_WORDS}",
            ("body",),
            "agencies read short points; move detail to sources or split the point",
            "long-body",
        )
    for where, text in _strings(loaded.doc.data, ()):
        match = _MOJIBAKE.search(text)
        if match:
            yield warn(
                f"text looks garbled ({match.group(0)!r}): UTF-8 read as Latin-1?",
                where,
                "retype the accented characters, or re-save the source text as UTF-8",
                "mojibake",
            )


def _cross_checks(
    loaded: LoadedPoint, points: dict[str, LoadedPoint], categories: dict[str, Category]
) -> Iterator[Diagnostic]:
    point, path = loaded.point, loaded.path
    if point.category not in categories:
        line, col = loaded.position("category")
        hint = did_you_mean(point.category, categories) or (
            "known categories: " + ", ".join(sorted(categories))
            if categories
            else f"define it in a {CATEGORIES_FILE} beside the points"
        )
        yield error(
            f"unknown category {point.category!r}", path, line, col, hint=hint, code="category"
        )
    for index, other in enumerate(point.related):
        if other not in points:
            line, col = loaded.position("related", index)
            hint = did_you_mean(other, points) or "related ids must name existing points"
            yield error(
                f"related point {other!r} does not exist",
                path,
                line,
                col,
                hint=hint,
                code="related",
            )


def _strings(
    value: Any, where: tuple[str | int, ...]
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*where, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*where, index))
