"""One error type, and the diagnostics it carries, for every problem with user input.

The core raises :class:`AdvocacyError` for input it cannot use, and collects
:class:`Diagnostic` objects where it can go on (lint). Both carry the file,
line and column (1-based) and a hint saying how to fix the problem, so the CLI
can print ``path:line:col: error: message`` and never a traceback.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One finding about one place in one file.

    Ordering sorts by file, then line and column, so reports read top to bottom.
    """

    file: str
    line: int | None
    column: int | None
    severity: Severity = field(compare=False)
    message: str = field(compare=False)
    hint: str | None = field(default=None, compare=False)
    code: str = field(default="", compare=False)

    @property
    def location(self) -> str:
        """``file:line:col`` with whatever parts are known."""
        parts = [self.file or "<input>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def format(self) -> str:
        """The one-line text form, plus an indented hint line when there is one."""
        text = f"{self.location}: {self.severity.value}: {self.message}"
        if self.code:
            text += f" [{self.code}]"
        if self.hint:
            text += f"\n  hint: {self.hint}"
        return text

    def to_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "severity": self.severity.value,
            "code": self.code,
            "message": self.message,
            "hint": self.hint,
        }


def _diagnostic_maker(severity: Severity):  # -> Callable[..., Diagnostic]
    def make(
        message: str,
        file: str | Path | None = None,
        line: int | None = None,
        column: int | None = None,
        hint: str | None = None,
        code: str = "",
    ) -> Diagnostic:
        return Diagnostic(str(file or ""), line, column, severity, message, hint, code)

    make.__name__ = severity.value
    make.__doc__ = f"A {severity.value} diagnostic: message, place (file, line, column), hint."
    return make


error = _diagnostic_maker(Severity.ERROR)
warning = _diagnostic_maker(Severity.WARNING)


class DiagnosticsReport:
    """Mixin for reports with a ``diagnostics`` list: errors, warnings, pass/fail."""

    diagnostics: list[Diagnostic]

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.WARNING]

    def failed(self, strict: bool = False) -> bool:
        """Errors fail; with ``strict``, warnings too."""
        return bool(self.errors or (strict and self.warnings))


class AdvocacyError(Exception):
    """Input we cannot use. Carries one or more diagnostics with their places.

    ``AdvocacyError("message", file=..., line=..., hint=...)`` makes a single
    error; :meth:`from_diagnostics` wraps several (for example every schema
    violation in one file).
    """

    def __init__(
        self,
        message: str,
        file: str | Path | None = None,
        line: int | None = None,
        column: int | None = None,
        hint: str | None = None,
        code: str = "",
    ) -> None:
        super().__init__(message)
        self.diagnostics: list[Diagnostic] = [error(message, file, line, column, hint, code)]

    @classmethod
    def from_diagnostics(cls, diagnostics: Iterable[Diagnostic]) -> AdvocacyError:
        diags = list(diagnostics)
        if not diags:
            raise ValueError("AdvocacyError needs at least one diagnostic")
        first = diags[0]
        exc = cls(first.message, first.file, first.line, first.column, first.hint, first.code)
        exc.diagnostics = diags
        return exc

    def __str__(self) -> str:
        return "\n".join(d.format() for d in self.diagnostics)


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    """``"did you mean 'x'?"`` for the closest of ``choices``, or ``None``."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"did you mean {close[0]!r}?" if close else None
