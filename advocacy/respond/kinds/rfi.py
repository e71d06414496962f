"""Kind ``rfi``: a Request for Information, answered by a letter emailed to the agency."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from advocacy.respond.kinds import CallKind, KindCheck, PackageRequest, PackageResult
from advocacy.respond.kinds.rules import character_limits

if TYPE_CHECKING:
    from advocacy.errors import Diagnostic
    from advocacy.models import Rfi


def _check(kc: KindCheck) -> Iterator[Diagnostic]:
    yield from character_limits(kc)


def _describe(rfi: Rfi) -> list[str]:
    return []


def _package(request: PackageRequest) -> PackageResult:
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
    )
    return PackageResult(
        report,
        [request.out_path],
        next_steps(request.loaded.rfi.rfi),
        {"to": str(message["To"]), "subject": str(message["Subject"])},
    )


KIND = CallKind(
    name="rfi",
    label="RFI",
    template="response.md.j2",
    check=_check,
    describe=_describe,
    package=_package,
)
