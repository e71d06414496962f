"""Computed checks: criteria judged from a bid's figures instead of a reviewer's reading.

Each kind is one class, registered in :data:`CHECKS` by the name a rubric
uses (``computed: staffing-ratio``). A class says which figures it needs, how
it judges them, what a failure does to the bid (a red flag, or the criterion
becomes mandatory), and how the finding reads in each language. A kind that is
not in the table is an error wherever it is met, never a fallback.

Adding a kind: a class here, its figures in the sheet's ``inputs`` model, and
its messages in the catalogue.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import ClassVar

from advocacy.errors import AdvocacyError, did_you_mean
from advocacy.i18n import format_number, gettext_for

#: How each figure is asked for on paper and in a score sheet.
INPUT_LABELS = {
    "peer_fte": "Full-time equivalents (FTEs) in peer roles",
    "people_served": "People the program expects to serve",
    "peer_hourly": "Peer staff hourly pay ($)",
    "entry_level_hourly": "Entry-level direct-support hourly pay ($)",
}

Figures = Mapping[str, float | None]
Number = Callable[..., str]  # format_number for the document's language


@dataclass(frozen=True)
class ComputedCheck:
    """The finding of one check on one bid."""

    criterion: str
    kind: str
    figures: dict[str, float | None]
    passed: bool | None  # None: the figures are missing
    threshold: float | None = None

    @property
    def message(self) -> str:
        return self.describe()

    def describe(self, lang: str = "en") -> str:
        """The finding in words, in ``lang`` (its message catalogue, its number format)."""
        _ = gettext_for(lang)
        if self.passed is None:
            missing = ", ".join(k for k, v in self.figures.items() if v is None)
            return _("not computed: %(missing)s not given") % {"missing": missing}

        def n(value: float | None, digits: int | None = None) -> str:
            return format_number(value, lang, digits)

        return check_for(self.kind).describe(self, _, n)


class Check:
    """One kind of computed check. Subclasses fill in the class attributes and two methods."""

    kind: ClassVar[str]
    #: The figures the check reads from the sheets' ``inputs``.
    inputs: ClassVar[tuple[str, ...]]
    #: The line the checklist prints under the criterion (``%(threshold)s`` filled in).
    note: ClassVar[str]
    default_threshold: ClassVar[float | None] = None
    #: A rubric must give a threshold (no default is defensible).
    threshold_required: ClassVar[bool] = False
    #: A failed check makes the criterion mandatory for that bid.
    mandatory_on_failure: ClassVar[bool] = False
    #: A failed check is recorded as a red flag raised by the figures.
    flag_on_failure: ClassVar[bool] = False

    def judge(
        self, figures: dict[str, float], threshold: float | None
    ) -> tuple[bool, dict[str, float]]:
        """Whether the bid passes, and any figures worked out on the way."""
        raise NotImplementedError

    def describe(self, result: ComputedCheck, _: Callable[[str], str], n: Number) -> str:
        """The finding in words; ``result.passed`` is not None."""
        raise NotImplementedError


class StaffingRatio(Check):
    kind = "staffing-ratio"
    inputs = ("peer_fte", "people_served")
    note = "People served per peer FTE; this rubric accepts at most %(threshold)s."
    threshold_required = True

    def judge(
        self, figures: dict[str, float], threshold: float | None
    ) -> tuple[bool, dict[str, float]]:
        assert threshold is not None
        fte, served = figures["peer_fte"], figures["people_served"]
        if fte == 0:
            return False, {}
        return served / fte <= threshold, {"people_per_peer_fte": round(served / fte, 2)}

    def describe(self, result: ComputedCheck, _: Callable[[str], str], n: Number) -> str:
        f = result.figures
        if not f["peer_fte"]:
            return _("no peer FTEs in the bid")
        values = {"ratio": n(f["people_per_peer_fte"]), "limit": n(result.threshold)}
        if result.passed:
            return (
                _("%(ratio)s people per peer FTE, within the rubric's limit of %(limit)s") % values
            )
        return _("%(ratio)s people per peer FTE, above the rubric's limit of %(limit)s") % values


class SmallTeam(Check):
    kind = "small-team"
    inputs = ("peer_fte",)
    note = "Fewer than %(threshold)s peer FTEs makes added supports or affiliations mandatory."
    #: "Fewer than 5 FTEs" is the RLC's proposal for a small peer team, not a published rule.
    default_threshold = 5.0
    mandatory_on_failure = True

    def judge(
        self, figures: dict[str, float], threshold: float | None
    ) -> tuple[bool, dict[str, float]]:
        assert threshold is not None
        return not figures["peer_fte"] < threshold, {}

    def describe(self, result: ComputedCheck, _: Callable[[str], str], n: Number) -> str:
        values = {"fte": n(result.figures["peer_fte"]), "threshold": n(result.threshold)}
        if result.passed:
            return _("%(fte)s peer FTEs: not a small peer team (threshold %(threshold)s)") % values
        return (
            _(
                "%(fte)s peer FTEs, fewer than %(threshold)s: added supports or affiliations are mandatory"
            )
            % values
        )


class PayParity(Check):
    kind = "pay-parity"
    inputs = ("peer_hourly", "entry_level_hourly")
    note = "Peer pay at or below entry-level direct-support pay is a red flag."
    flag_on_failure = True

    def judge(
        self, figures: dict[str, float], threshold: float | None
    ) -> tuple[bool, dict[str, float]]:
        return figures["peer_hourly"] > figures["entry_level_hourly"], {}

    def describe(self, result: ComputedCheck, _: Callable[[str], str], n: Number) -> str:
        values = {
            "peer": n(result.figures["peer_hourly"], 2),
            "entry": n(result.figures["entry_level_hourly"], 2),
        }
        if result.passed:
            return (
                _("peer pay $%(peer)s/h is above entry-level direct-support pay $%(entry)s/h")
                % values
            )
        return (
            _("peer pay $%(peer)s/h is at or below entry-level direct-support pay $%(entry)s/h")
            % values
        )


#: Every computed check, by the kind a rubric names.
CHECKS: dict[str, Check] = {c.kind: c for c in (StaffingRatio(), SmallTeam(), PayParity())}


def check_for(kind: str) -> Check:
    """The check registered as ``kind``; an unknown kind is an error, never a default."""
    try:
        return CHECKS[kind]
    except KeyError:
        raise AdvocacyError(
            f"unknown computed check {kind!r}",
            hint=did_you_mean(kind, CHECKS) or "known checks: " + ", ".join(CHECKS),
        ) from None


def run_check(criterion: str, kind: str, threshold: float | None, inputs: Figures) -> ComputedCheck:
    """Judge one bid's figures; missing figures give ``passed=None``, never a guess."""
    check = check_for(kind)
    figures = {name: inputs.get(name) for name in check.inputs}
    given = {k: v for k, v in figures.items() if v is not None}
    if len(given) < len(figures):
        return ComputedCheck(criterion, kind, figures, None, threshold)
    passed, worked_out = check.judge(given, threshold)
    return ComputedCheck(criterion, kind, {**figures, **worked_out}, passed, threshold)
