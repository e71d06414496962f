"""Lint RFI and response files: schema, and every id they refer to."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from advocacy.errors import AdvocacyError, Diagnostic, did_you_mean, error, warning
from advocacy.library import Library
from advocacy.respond.checking import id_problems
from advocacy.respond.loading import LoadedRfi, load_response, load_rfi
from advocacy.respond.signers import response_signers
from advocacy.yamlio import load_yaml_file


def lint_rfi_files(paths: Sequence[Path], library: Library) -> list[Diagnostic]:
    """Every problem in the given RFI and response files, each with its place.

    The kind of each file is told by its content: a call for input has
    ``questions`` or a ``kind``, a response has ``respondent``.
    """
    diagnostics: list[Diagnostic] = []
    for path in paths:
        try:
            doc = load_yaml_file(path)
            data = doc.data if isinstance(doc.data, dict) else {}
            if "questions" in data or "kind" in data:
                diagnostics.extend(_suggestions(load_rfi(path), library))
            elif "respondent" in data:
                loaded = load_response(path)
                problems, _ = id_problems(loaded, library)
                diagnostics.extend(problems)
                response_signers(loaded, diagnostics)
            else:
                diagnostics.append(
                    error(
                        "cannot tell whether this is a call for input or a response file",
                        path,
                        1,
                        1,
                        hint="a call has 'questions:' or 'kind:', a response has 'respondent:'",
                    )
                )
        except AdvocacyError as exc:
            diagnostics.extend(exc.diagnostics)
    return sorted(diagnostics)


def _suggestions(loaded: LoadedRfi, library: Library) -> Iterator[Diagnostic]:
    tags = {tag for lp in library.points.values() for tag in lp.point.tags}
    for i, question in enumerate(loaded.rfi.questions):
        for j, key in enumerate(question.suggested_points):
            if key in library.points or key in tags:
                continue
            line, col = loaded.doc.position(("questions", i, "suggested_points", j))
            yield warning(
                f"suggested point {key!r} is neither a talking-point id nor a tag",
                loaded.path,
                line,
                col,
                hint=did_you_mean(key, [*library.points, *tags])
                or "run 'advocacy points list' to see ids and tags",
                code="unknown-id",
            )
