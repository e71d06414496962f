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
import gc
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from advocacy.errors import (
    AdvocacyError,
    Diagnostic,
    DiagnosticsReport,
    did_you_mean,
    error,
    warning,
)
from advocacy.i18n import localized_point
from advocacy.models import Category, CategoryFile, TalkingPoint, validate_document
from advocacy.mojibake import MOJIBAKE, repaired
from advocacy.point_checks import point_letter_warnings
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
    sources = list(library_sources() if sources is None else sources)
    report = _lint([(s, _point_files(s.path)) for s in sources], sources, None, keep=True)
    if report.errors:
        raise AdvocacyError.from_diagnostics(report.errors)
    return Library(points=report.points, categories=report.categories, sources=sources)


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
    return _lint(groups, [*sources, *(s for s, _ in groups)], today, context=context)


@dataclass(frozen=True)
class _PointRef:
    """What cross-file checks need of a point: small enough to pass between processes."""

    id: str
    category: str
    related: tuple[str, ...]
    path: Path
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
    category_sources: Sequence[LibrarySource],
    today: dt.date | None,
    context: Sequence[tuple[LibrarySource, list[Path]]] = (),
    keep: bool = False,
) -> LintReport:
    today = today or dt.date.today()
    diagnostics: list[Diagnostic] = []
    categories, category_diags = _load_categories(category_sources)
    diagnostics.extend(category_diags)

    # Context points (library folders not being linted) are only looked up.
    known: set[str] = set()
    for source, files in context:
        known.update(r.ref.id for r in _check_files(files, source.label, today) if r.ref)

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
    size = -(-len(paths) // (workers * 4))
    chunks = [(paths[i : i + size], label, today) for i in range(0, len(paths), size)]
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        return [result for chunk in pool.map(_check_chunk, chunks) for result in chunk]


def _check_chunk(args: tuple[Sequence[Path], str, dt.date]) -> list[_FileResult]:
    paths, label, today = args
    with _paused_gc():
        return [_check_file(path, label, today) for path in paths]


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
        id=point.id,
        category=point.category,
        related=tuple(point.related),
        path=path,
        id_at=loaded.position("id"),
        category_at=loaded.position("category"),
        related_at=tuple(loaded.position("related", i) for i in range(len(point.related))),
        approved=point.status == "approved",
        translated=tuple(
            lang for lang in point.translations if not localized_point(point, lang).fallback
        ),
    )
    return _FileResult(list(_point_warnings(loaded, today)), ref, loaded if keep else None)


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
    for lang, translation in point.translations.items():
        where: tuple[str | int, ...] = ("translations", lang)
        if translation.reviewed is None:
            yield warn(
                f"the {lang!r} translation has no 'reviewed' date",
                where,
                "add reviewed: YYYY-MM-DD when the translation is checked against the source",
                "stale-translation",
            )
        elif point.reviewed is not None and translation.reviewed < point.reviewed:
            yield warn(
                f"the {lang!r} translation (reviewed {translation.reviewed.isoformat()}) is older "
                f"than the source text (reviewed {point.reviewed.isoformat()})",
                (*where, "reviewed"),
                "update the translation to match the source text, then its 'reviewed' date",
                "stale-translation",
            )
        missing = localized_point(point, lang).fallback
        if missing:
            yield warn(
                f"the {lang!r} translation lacks: {', '.join(missing)}",
                where,
                "missing fields fall back to English in documents, with a visible note",
                "incomplete-translation",
            )
    for match in MOJIBAKE.finditer(loaded.doc.text):
        offset = match.start()
        line = loaded.doc.text.count("\n", 0, offset) + 1
        column = offset - loaded.doc.text.rfind("\n", 0, offset)
        text = loaded.doc.text.split("\n")[line - 1].strip()
        fixed = repaired(text)
        yield warning(
            f"text looks garbled ({match.group(0)!r}): UTF-8 read as Latin-1?",
            path,
            line,
            column,
            hint=f"repaired, it would read: {fixed!r}"
            if fixed != text and not MOJIBAKE.search(fixed)
            else "a character was lost in copying; retype the accented characters",
            code="mojibake",
        )
    yield from point_letter_warnings(loaded)
    from advocacy.evidence.pattern_lint import match_diagnostics  # lazy: needs the matcher

    yield from match_diagnostics(loaded)


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
