"""Kind ``rfi``: a Request for Information, answered by a letter emailed to the agency."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from advocacy.respond.kinds import (
    CallKind,
    KindCheck,
    PackageRequest,
    PackageResult,
    email_draft,
)
from advocacy.respond.kinds.rules import character_limits

if TYPE_CHECKING:
    from advocacy.errors import Diagnostic
    from advocacy.models import Rfi


def _check(kc: KindCheck) -> Iterator[Diagnostic]:
    yield from character_limits(kc)


def _describe(rfi: Rfi) -> list[str]:
    return []


def _package(request: PackageRequest) -> PackageResult:
    return email_draft(request)


KIND = CallKind(
    name="rfi",
    label="RFI",
    template="response.md.j2",
    check=_check,
    describe=_describe,
    package=_package,
)
