"""The talking-point library: discover folders, load points, lint them.

A library is the shipped folder plus any user folders (``--library DIR``,
``ADVOCACY_LIBRARY``). Folders later in the list override earlier ones: a
user's point with the same id as a built-in one replaces it, and each loaded
point remembers which folder it came from.

Each folder holds one ``<id>.yaml`` per point (subfolders allowed) and may hold
a ``categories.yaml`` that adds categories.

A letter uses a dozen points of a library that may hold hundreds, so a library
can be loaded lazily (``load_library(lazy=True)``): each point is read and
validated in full the first time it is asked for, and the ids of every file
are known from the start (for ``in`` tests and did-you-mean hints).
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import sys
from collections.abc import ItemsView, Iterable, Iterator, Mapping, Sequence, ValuesView
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from advocacy.errors import (
    AdvocacyError,
    Diagnostic,
    DiagnosticsReport,
    did_you_mean,
    error,
)
from advocacy.i18n import localized_point
from advocacy.models.base import validate_document
from advocacy.models.talking_point import Category, CategoryFile, TalkingPoint
from advocacy.point_checks import point_warnings
from advocacy.resources import builtin_library
from advocacy.yamlio import YamlDocument, load_yaml_file

#: Environment variable with extra library folders, separated like PATH.
LIBRARY_ENV = "ADVOCACY_LIBRARY"
CATEGORIES_FILE = "categories.yaml"
BUILTIN = "built-in"


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

    points: Mapping[str, LoadedPoint]
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


def load_library(sources: Sequence[LibrarySource] | None = None, *, lazy: bool = False) -> Library:
    """Load every point of ``sources`` (default: the active library).

    Raises :class:`AdvocacyError` with every error found if any file is
    invalid, so commands never run on a half-loaded library. Use
    :func:`lint_library` to get warnings as well.

    With ``lazy``, only the categories are read now; each point is read and
    validated (schema, id, category, related ids) when first used, and an
    invalid point raises then. A command that reads every point
    (``points.values()``) gets every error at once, as without ``lazy``.
    """
    sources = list(library_sources() if sources is None else sources)
    categories, category_diags = _load_categories(sources)
    if not lazy:
        groups = [(s, _point_files(s.path)) for s in sources]
        report = _lint(groups, (categories, category_diags), None, keep=True)
        if report.errors:
            raise AdvocacyError.from_diagnostics(report.errors)
        return Library(points=report.points, categories=categories, sources=sources)
    if category_diags:
        raise AdvocacyError.from_diagnostics(category_diags)
    files: dict[str, list[tuple[LibrarySource, Path]]] = {}
    for source in sources:
        for path in _point_files(source.path):
            files.setdefault(path.stem, []).append((source, path))
    return Library(points=_LazyPoints(files, categories), categories=categories, sources=sources)


class _LazyPoints(Mapping[str, LoadedPoint]):
    """The points of a library by id (file name), each validated when first asked for."""

    def __init__(
        self, files: dict[str, list[tuple[LibrarySource, Path]]], categories: dict[str, Category]
    ) -> None:
        self._files = dict(sorted(files.items()))
        self._categories = categories
        self._loaded: dict[str, LoadedPoint] = {}

    def __getitem__(self, point_id: str) -> LoadedPoint:
        if point_id not in self._loaded:
            if point_id not in self._files:
                raise KeyError(point_id)
            self._load([point_id])
        return self._loaded[point_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._files)

    def __len__(self) -> int:
        return len(self._files)

    def __contains__(self, point_id: object) -> bool:
        return point_id in self._files

    def values(self) -> ValuesView[LoadedPoint]:
        return self._all().values()

    def items(self) -> ItemsView[str, LoadedPoint]:
        return self._all().items()

    def _all(self) -> dict[str, LoadedPoint]:
        """Every point, in id order; every invalid file is reported at once."""
        self._load(list(self._files))
        return {i: self._loaded[i] for i in self._files}

    def _load(self, ids: Sequence[str]) -> None:
        """Validate the files of ``ids`` as a full load would, raising every error at once."""
        groups: dict[LibrarySource, list[Path]] = {}
        for point_id in ids:
            if point_id in self._loaded:
                continue
            # The folder of highest priority that has the id; a second file there is a duplicate.
            source = self._files[point_id][-1][0]
            groups.setdefault(source, []).extend(p for s, p in self._files[point_id] if s == source)
        report = _lint(list(groups.items()), (self._categories, []), None, keep=True, known=self)
        if report.errors:
            raise AdvocacyError.from_diagnostics(report.errors)
        self._loaded.update(report.points)


@dataclass
class LintReport(DiagnosticsReport):
    """What linting found. ``points`` is filled only when loading a library."""

    diagnostics: list[Diagnostic]
    files: int
    categories: dict[str, Category]
    points: dict[str, LoadedPoint] = field(default_factory=dict)
    refs: list[_PointRef] = field(default_factory=list, repr=False)

    def coverage(self, lang: str) -> tuple[list[str], list[str]]:
        """Approved point ids with a complete ``lang`` translation, and those without."""
        approved = sorted((r for r in self.refs if r.approved), key=lambda r: r.id)
        done = [r.id for r in approved if lang in r.translated]
        return done, [r.id for r in approved if lang not in r.translated]


def lint_library(
    sources: Sequence[LibrarySource] | None = None, today: dt.date | None = None
) -> LintReport:
    """Lint every file of the library folders, with overrides between folders."""
    sources = list(library_sources() if sources is None else sources)
    groups = [(s, _point_files(s.path)) for s in sources]
    return _lint(groups, _load_categories(sources), today)


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
            # categories.yaml is checked as the folder's category file, not as a point.
            files = [] if path.name == CATEGORIES_FILE else [path]
            groups.append((LibrarySource(str(path), path.parent), files))
        else:
            raise AdvocacyError("no such file or folder", path, hint="check the path and spelling")
    # Library files that are also being linted are not loaded twice.
    linted_roots = [p.resolve() for p in paths if p.is_dir()]
    linted_files = {p.resolve() for p in paths if p.is_file()}

    def linted(path: Path) -> bool:
        real = path.resolve()
        return real in linted_files or any(real.is_relative_to(r) for r in linted_roots)

    context = [(s, [p for p in _point_files(s.path) if not linted(p)]) for s in sources]
    categories = _load_categories([*sources, *(s for s, _ in groups)])
    return _lint(groups, categories, today, context=context)


class _PointRef(NamedTuple):
    """What cross-file checks need of a point. A worker process sends ``ref[1:]``
    (paths are slow to pickle); the parent, which gave it the path, adds it back."""

    path: Path
    id: str
    category: str
    related: tuple[str, ...]
    id_at: tuple[int, int]
    category_at: tuple[int, int]
    related_at: tuple[tuple[int, int], ...]
    approved: bool = False
    translated: tuple[str, ...] = ()  # languages with a complete translation


@dataclass(frozen=True)
class _FileResult:
    diagnostics: list[Diagnostic]
    ref: _PointRef | None = None
    loaded: LoadedPoint | None = None


#: From this many files on, lint checks files in parallel processes.
PARALLEL_FROM = 400


def _lint(
    groups: Sequence[tuple[LibrarySource, list[Path]]],
    categories_found: tuple[dict[str, Category], list[Diagnostic]],
    today: dt.date | None,
    context: Sequence[tuple[LibrarySource, list[Path]]] = (),
    keep: bool = False,
    known: Iterable[str] = (),
) -> LintReport:
    """Check the files of ``groups``; ``context`` files and ``known`` ids are only looked up."""
    today = today or dt.date.today()
    categories, category_diags = categories_found
    diagnostics: list[Diagnostic] = list(category_diags)
    known = set(known)
    for source, files in context:
        # Only their ids are needed: read and validate them, without the warnings.
        known.update(r.ref.id for r in _check_files(files, source.label, today, True) if r.ref)

    points: dict[str, LoadedPoint] = {}
    linted: list[_PointRef] = []
    file_count = 0
    for source, paths in groups:
        seen: dict[str, _PointRef] = {}
        for result in _check_files(paths, source.label, today, keep):
            file_count += 1
            diagnostics.extend(result.diagnostics)
            ref = result.ref
            if ref is None:
                continue
            if ref.id in seen:
                diagnostics.append(
                    error(
                        f"duplicate id {ref.id!r}",
                        ref.path,
                        *ref.id_at,
                        hint=f"{seen[ref.id].path} has the same id; ids must be unique",
                        code="duplicate-id",
                    )
                )
                continue
            seen[ref.id] = ref
            linted.append(ref)
            if result.loaded is not None:
                points[ref.id] = result.loaded
        known.update(seen)

    for ref in linted:
        diagnostics.extend(_cross_checks(ref, known, categories))
    return LintReport(
        diagnostics=sorted(diagnostics),
        files=file_count,
        categories=categories,
        points=dict(sorted(points.items())),
        refs=linted,
    )


def _check_files(
    paths: Sequence[Path], label: str, today: dt.date, keep: bool = False
) -> list[_FileResult]:
    """Check each file on its own; in parallel processes when there are many.

    ``keep`` returns the loaded points too (only in-process: they are large).
    """
    workers = min(os.cpu_count() or 1, 8)
    if keep or workers < 2 or len(paths) < PARALLEL_FROM:
        with _paused_gc():
            return [_check_file(path, label, today, keep) for path in paths]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork starts workers without re-importing; elsewhere use the platform default.
    context = multiprocessing.get_context("fork") if sys.platform == "linux" else None
    if context is not None:
        _warm_up()
    size = -(-len(paths) // (workers * 4))
    chunks = [(paths[i : i + size], label, today) for i in range(0, len(paths), size)]
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        return [
            _FileResult(diagnostics, None if ref is None else _PointRef(path, *ref))
            for (chunk, _, _), results in zip(chunks, pool.map(_check_chunk, chunks), strict=True)
            for path, (diagnostics, ref) in zip(chunk, results, strict=True)
        ]


def _warm_up() -> None:
    """Build once, before forking, what every worker would otherwise build for itself."""
    from advocacy.evidence.pattern_lint import reference_passages

    TalkingPoint.model_rebuild()  # validators are built on first use (defer_build)
    reference_passages()


def _check_chunk(
    args: tuple[Sequence[Path], str, dt.date],
) -> list[tuple[list[Diagnostic], tuple[Any, ...] | None]]:
    """In a worker: each file's diagnostics and its :class:`_PointRef` less the path."""
    paths, label, today = args
    with _paused_gc():
        results = [_check_file(path, label, today) for path in paths]
    return [(r.diagnostics, None if r.ref is None else r.ref[1:]) for r in results]


@contextmanager
def _paused_gc() -> Iterator[None]:
    """Loading builds many small acyclic objects; the cycle collector only slows it."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _point_files(folder: Path) -> list[Path]:
    """The talking-point files below ``folder``, sorted; hidden ones and links to folders skipped."""
    if not folder.is_dir():
        raise AdvocacyError("talking-point folder does not exist", folder, hint="check the path")
    found, folders = [], [folder]
    while folders:  # one scandir per folder: rglob reads each folder twice per pattern
        current = folders.pop()
        with suppress(PermissionError), os.scandir(current) as entries:  # as rglob: unreadable
            for entry in (e for e in entries if not e.name.startswith(".")):
                if entry.name.endswith((".yaml", ".yml")) and entry.name != CATEGORIES_FILE:
                    found.append(current / entry.name)
                if entry.is_dir(follow_symlinks=False):
                    folders.append(current / entry.name)
    return sorted(found, key=lambda p: p.parts)  # parts, not Path ordering: slow on 10,000 files


def _check_file(path: Path, source: str, today: dt.date, keep: bool = False) -> _FileResult:
    """Every check that needs only this file: syntax, schema, id, warnings."""
    try:
        doc = load_yaml_file(path)
    except AdvocacyError as exc:
        return _FileResult(exc.diagnostics)
    point, diags = validate_document(TalkingPoint, doc)
    if point is None:
        return _FileResult(diags)
    loaded = LoadedPoint(point=point, path=path, source=source, doc=doc)
    if point.id != path.stem:
        return _FileResult(
            [
                error(
                    f"id {point.id!r} does not match the file name {path.name!r}",
                    path,
                    *loaded.position("id"),
                    hint=f"rename the file to {point.id}.yaml or set id: {path.stem}",
                    code="id-mismatch",
                )
            ]
        )
    ref = _PointRef(
        path=path,
        id=point.id,
        category=point.category,
        related=tuple(point.related),
        id_at=loaded.position("id"),
        category_at=loaded.position("category"),
        related_at=tuple(loaded.position("related", i) for i in range(len(point.related))),
        approved=point.status == "approved",
        translated=tuple(
            lang for lang in point.translations if not localized_point(point, lang).fallback
        ),
    )
    if keep:  # loading for a document: the warnings are lint's business
        return _FileResult([], ref, loaded)
    return _FileResult(list(point_warnings(loaded, today)), ref)


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


def _cross_checks(
    ref: _PointRef, known: set[str], categories: dict[str, Category]
) -> Iterator[Diagnostic]:
    if ref.category not in categories:
        hint = did_you_mean(ref.category, categories) or (
            "known categories: " + ", ".join(sorted(categories))
            if categories
            else f"define it in a {CATEGORIES_FILE} beside the points"
        )
        yield error(
            f"unknown category {ref.category!r}",
            ref.path,
            *ref.category_at,
            hint=hint,
            code="category",
        )
    for other, at in zip(ref.related, ref.related_at, strict=True):
        if other not in known:
            hint = did_you_mean(other, known) or "related ids must name existing points"
            yield error(
                f"related point {other!r} does not exist", ref.path, *at, hint=hint, code="related"
            )
