"""Sign-on letters: the people who sign a response, read from a CSV.

One letter with many signatures is what agencies ask for in place of
thousands of identical copies (ACUS Recommendation 2021-1). Each row records
when the person agreed to sign, so a signature is never added without
consent; a person marked ``withdrawn`` is left out, and a person listed twice
is merged into one signer (both reported).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path

from advocacy.errors import AdvocacyError, Diagnostic, did_you_mean, error, warning
from advocacy.respond.loading import LoadedResponse
from advocacy.yamlio import read_text

MAX_SIGNERS_BYTES = 5 * 1024 * 1024
COLUMNS = ("name", "role", "organization", "town", "agreed", "withdrawn")
_ALIASES = {"organisation": "organization", "city": "town", "date agreed": "agreed"}
_YES = {"yes", "y", "true", "1", "x"}
_NO = {"", "no", "n", "false", "0"}


@dataclass(frozen=True)
class Signer:
    name: str
    role: str
    organization: str
    town: str
    agreed: dt.date
    line: int

    def as_dict(self) -> dict[str, str]:
        return {
            "name": self.name,
            "role": self.role,
            "organization": self.organization,
            "town": self.town,
        }


@dataclass
class SignerList:
    """The signers to print, and what was merged or left out on the way."""

    signers: list[Signer]
    diagnostics: list[Diagnostic]
    withdrawn: int = 0


def _identity(name: str, organization: str) -> tuple[str, str]:
    """Two rows are one person when name and organization match, ignoring case and spacing."""
    return (
        re.sub(r"\s+", " ", name).strip().casefold(),
        re.sub(r"\s+", " ", organization).strip().casefold(),
    )


def read_signers(path: Path) -> SignerList:
    """Read a signers CSV; bad rows raise :class:`AdvocacyError` with their line."""
    text = read_text(path, MAX_SIGNERS_BYTES, what="signers CSV")
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        rows = list(reader)
    except csv.Error as exc:
        raise AdvocacyError(
            f"the signers CSV cannot be read: {exc}",
            path,
            reader.line_num or 1,
            hint='look for a quote (") that is opened and never closed',
        ) from None
    if not rows:
        raise AdvocacyError(
            "the signers CSV is empty", path, 1, hint="columns: " + ", ".join(COLUMNS)
        )
    header = [_ALIASES.get(h.strip().lower(), h.strip().lower()) for h in rows[0]]
    for column, name in enumerate(header, start=1):
        if name not in COLUMNS:
            raise AdvocacyError(
                f"unknown column {name!r} in the signers CSV",
                path,
                1,
                column,
                hint=did_you_mean(name, COLUMNS) or "columns: " + ", ".join(COLUMNS),
            )
    for required in ("name", "agreed"):
        if required not in header:
            raise AdvocacyError(
                f"the signers CSV has no {required!r} column",
                path,
                1,
                hint="every signer needs a name and the date they agreed to sign (YYYY-MM-DD)",
            )
    result = SignerList([], [])
    seen: dict[tuple[str, str], int] = {}
    entries = [
        (line, dict(zip(header, (c.strip() for c in cells), strict=False)))
        for line, cells in enumerate(rows[1:], start=2)
        if any(c.strip() for c in cells)
    ]
    withdrawn_people = set()
    for line, values in entries:
        withdrawn = values.get("withdrawn", "").lower()
        if withdrawn not in _YES | _NO:
            raise AdvocacyError(
                f"withdrawn must be yes or no, not {values['withdrawn']!r}", path, line
            )
        if withdrawn in _YES:  # a withdrawal covers every row of that person
            withdrawn_people.add(_identity(values.get("name", ""), values.get("organization", "")))
    for line, values in entries:
        if not values.get("name"):
            raise AdvocacyError("a signer without a name", path, line, hint="fill in 'name'")
        try:
            agreed = dt.date.fromisoformat(values.get("agreed", ""))
        except ValueError:
            raise AdvocacyError(
                f"{values['name']}: 'agreed' must be the date they agreed to sign (YYYY-MM-DD)",
                path,
                line,
                hint="only add people who have said yes, and record when",
            ) from None
        if _identity(values["name"], values.get("organization", "")) in withdrawn_people:
            result.withdrawn += 1
            continue
        signer = Signer(
            values["name"],
            values.get("role", ""),
            values.get("organization", ""),
            values.get("town", ""),
            agreed,
            line,
        )
        key = _identity(signer.name, signer.organization)
        if key in seen:
            index = seen[key]
            first = result.signers[index]
            result.signers[index] = Signer(
                first.name,
                first.role or signer.role,
                first.organization or signer.organization,
                first.town or signer.town,
                min(first.agreed, signer.agreed),
                first.line,
            )
            result.diagnostics.append(
                warning(
                    f"{signer.name} is listed twice (lines {first.line} and {line}); signed once",
                    path,
                    line,
                    hint="remove the second row",
                    code="duplicate-signer",
                )
            )
            continue
        seen[key] = len(result.signers)
        result.signers.append(signer)
    return result


def response_signers(loaded: LoadedResponse, diagnostics: list[Diagnostic]) -> list[Signer]:
    """The response's signers (none without a signers CSV); problems become diagnostics."""
    if loaded.response.signers is None:
        return []
    path = loaded.path.parent / loaded.response.signers
    if not path.is_file():
        diagnostics.append(
            error(
                f"no signers file {loaded.response.signers!r}",
                loaded.path,
                *loaded.position("signers"),
                hint="'signers' is the path of a CSV relative to this file",
            )
        )
        return []
    try:
        found = read_signers(path)
    except AdvocacyError as exc:
        diagnostics.extend(exc.diagnostics)
        return []
    diagnostics.extend(found.diagnostics)
    return found.signers
