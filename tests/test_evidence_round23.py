"""Fixes of the round that measured the finder on heldout97-104: a credential's
renewal is no funding that may stop, an aide's title is no aide's duty."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import flagged


@pytest.mark.parametrize(
    "text",
    [
        "PACE pays for CPSS renewal CEUs and up to 3 outside peer trainings per year on work time.",
        "4.1 Hospital funds NCCPSS renewal hours and one peer conference per fiscal year.",
        "The County shall pay certification and renewal fees each year.",
        "La agencia paga la renovación de la certificación cada año.",
        "We're pleased to recommend renewal for a second two-year term.",
    ],
)
def test_a_credential_renewed_each_year_is_no_funding_that_may_stop(
    tmp_path: Path, text: str
) -> None:
    assert "peer-retention-and-pay" not in flagged(tmp_path, text)


@pytest.mark.parametrize(
    "text",
    [
        "The peer position is grant funded and must be renewed annually.",
        "Peer positions are renewed yearly, as the county's budget allows.",
        "Los puestos de pares dependen de la renovación de la subvención.",
    ],
)
def test_a_position_that_waits_for_its_funding_is_still_flagged(tmp_path: Path, text: str) -> None:
    assert "peer-retention-and-pay" in flagged(tmp_path, text)


def test_an_aides_title_beside_a_peer_wage_is_no_aides_duty(tmp_path: Path) -> None:
    wage = (
        "Peer wages start at no less than $19.50/hr and exceed the contractor's entry rate "
        "for homemaker and personal care aides."
    )
    assert "no-clinical-duties" not in flagged(tmp_path, wage)
    assert "no-clinical-duties" in flagged(tmp_path, "Peers help residents with personal care.")
