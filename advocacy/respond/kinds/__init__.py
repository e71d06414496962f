"""The registry of kinds of call for input: one module per kind.

Each module in this package registers one kind by defining ``KIND``, a
:class:`CallKind`: its name (the ``kind:`` value of a call file), its model
part (:mod:`advocacy.models`), its templates, its check rules, what
``package`` writes for it and what to do next. Every command reads the kind
of a call from here, so a new kind is one new module, its model part and its
templates, not edits in five places. A kind missing from the registry is an
error, never an ``else`` branch.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from advocacy.modules import discover

if TYPE_CHECKING:
    from advocacy.errors import Diagnostic
    from advocacy.library import Library
    from advocacy.models import Rfi
    from advocacy.models.talking_point import Audience
    from advocacy.respond.checking import CheckReport
    from advocacy.respond.loading import LoadedResponse


@dataclass(frozen=True)
class KindCheck:
    """What a kind's check rules get: the response, its base report, and how to render it."""

    loaded: LoadedResponse
    library: Library
    report: CheckReport
    date: dt.date | None = None
    template_dir: Path | None = None


@dataclass(frozen=True)
class PackageRequest:
    """What ``package`` was asked for."""

    loaded: LoadedResponse
    library: Library
    out_path: Path
    attach: str = "docx"  # a registered binary output format
    force: bool = False
    reference_doc: Path | None = None
    now: dt.datetime | None = None
    date: dt.date | None = None
    template_dir: Path | None = None


@dataclass
class PackageResult:
    """What ``package`` wrote, and what the advocate does next."""

    report: CheckReport
    written: list[Path]
    next_steps: list[str]
    details: dict[str, Any] = field(default_factory=dict)


def email_draft(
    request: PackageRequest,
    before: Sequence[str] = (),
    after: Sequence[str] = (),
    body: str | None = None,
    check_document: Callable[[bytes], None] | None = None,
) -> PackageResult:
    """The package of every kind that is sent by email: an unsent draft at
    ``request.out_path`` with the document attached, and the next steps (where
    to submit and by when) between the kind's own steps ``before`` and ``after``."""
    from advocacy.respond.email_package import next_steps, package_response

    report, message = package_response(
        request.loaded,
        request.library,
        request.out_path,
        force=request.force,
        reference_doc=request.reference_doc,
        now=request.now,
        date=request.date,
        template_dir=request.template_dir,
        attach=request.attach,
        body=body,
        check_document=check_document,
    )
    return PackageResult(
        report,
        [request.out_path],
        [*before, *next_steps(request.loaded.rfi.rfi), *after],
        {"to": str(message["To"]), "subject": str(message["Subject"])},
    )


@dataclass(frozen=True)
class CallKind:
    """One kind of call for input and how to answer it."""

    name: str  # the ``kind:`` value
    label: str  # for messages: "RFI", "public comment", "testimony"
    template: str  # the letter's template
    #: The kind's own rules, run after the checks every kind shares.
    check: Callable[[KindCheck], Iterator[Diagnostic]]
    #: Lines ``show`` prints about the call beyond what every kind has.
    describe: Callable[[Rfi], list[str]]
    #: Writes the submission package.
    package: Callable[[PackageRequest], PackageResult]
    #: The suffix of what ``package`` writes for a call (default: next to the response file).
    package_suffix: Callable[[Rfi], str] = lambda rfi: ".eml"
    #: What the call's ``due`` is, in messages: "the deadline (…) passed".
    deadline: str = "deadline"
    #: Who the letter addresses, when not the agency buying services: the key of a
    #: talking point's ``recommendations`` printed instead of its ``recommendation``.
    audience: Audience | None = None
    #: The spoken version as plain text, for kinds that have one (``build --spoken``).
    spoken: Callable[[KindCheck], str] | None = None


@functools.cache
def registry() -> dict[str, CallKind]:
    """Every registered kind by name."""
    return discover(__name__, __path__, "KIND", CallKind)


def get_kind(name: str) -> CallKind:
    """The kind called ``name``; an unknown name is an error with a did-you-mean."""
    try:
        return registry()[name]
    except KeyError:
        from advocacy.errors import AdvocacyError, did_you_mean

        raise AdvocacyError(
            f"unknown kind {name!r}",
            hint=did_you_mean(name, registry()) or "use one of: " + ", ".join(registry()),
        ) from None


def kind_of(rfi: Rfi) -> CallKind:
    return get_kind(rfi.kind)
