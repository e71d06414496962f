"""Pay tied to another title's pay.

Lines written for these tests (not copied from the corpus), one per class of
wording, in English and Spanish, with the other side guarded.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import scan_evidence

PAY = "peer-retention-and-pay"


def flagged(tmp_path: Path, line: str) -> set[str]:
    data = scan_evidence(tmp_path, "Compensation\n\n" + line + "\n", "posting.txt")
    return {f["criterion"] for f in data["red_flags"]}


@pytest.mark.parametrize(
    "line",
    [
        "Grade 7 ($17.40/hr), the same grade as Mail Clerk and Patient Sitter.",
        "Range 14 is identical to the range for Program Assistant I.",
        "$16.90 an hour (equivalent to Unit Support Aide).",
        "Coach pay stays at the Resident Assistant rate for now.",
        "Positions move to the Program Support Worker wage scale in July.",
        "$15.75/hr, same rate as Front Desk Assistant.",
        "El pago es de $1,300 mensuales, con una escala equivalente a la de Auxiliar.",
        "El salario será igual al de nuestros promotores de nivel inicial.",
    ],
)
def test_pay_tied_to_another_titles_pay_is_a_pay_red_flag(tmp_path: Path, line: str) -> None:
    assert PAY in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Peer pay starts $3.00 above the Residential Counselor rate.",
        "We review salaries each year for equal pay for equal work.",
        "El salario es un 20 % superior a la escala de Técnico.",
    ],
)
def test_pay_above_another_title_or_pay_equity_is_not_flagged(tmp_path: Path, line: str) -> None:
    assert PAY not in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Peer Mentors are paid on the Direct Support Aide scale, step 1.",
        "Coaches remain on the Behavioral Health Tech scale until the review ends.",
        "Peer and tech positions share grade 4.",
        "Band C (Driver, Mental Health Tech, CPS): $15.20-$17.00.",
        "Los especialistas de pares cobran según la escala de los técnicos.",
        "Pares y auxiliares están en la misma tarifa.",
    ],
)
def test_a_peer_title_on_another_titles_scale_or_grade_is_a_pay_red_flag(
    tmp_path: Path, line: str
) -> None:
    assert PAY in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Step increases are suspended until the new contract is signed.",
        "Merit raises: not applicable - raises frozen for this fiscal year.",
        "The COLA was cancelled for all staff in 2025.",
        "Los aumentos por mérito están congelados este año.",
        "Se suspendieron los ajustes salariales hasta nuevo aviso.",
    ],
)
def test_raises_frozen_suspended_or_cancelled_are_a_pay_red_flag(tmp_path: Path, line: str) -> None:
    assert PAY in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "This role is funded by a three-year federal grant.",
        "Funding is provided on a one-year basis, and the position may not be renewed.",
        "Positions are paid for through this award only.",
        "El puesto está financiado por una subvención de dos años.",
    ],
)
def test_a_position_paid_by_a_short_grant_or_gift_is_a_pay_red_flag(
    tmp_path: Path, line: str
) -> None:
    assert PAY in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Peer Specialists start at grade 12, above the Behavioral Health Tech grade.",
        "Raises were not suspended during the budget freeze.",
        "Los aumentos anuales no se congelaron durante la crisis.",
        "Peer positions are paid from the agency's operating budget, not from grants.",
    ],
)
def test_pay_above_a_title_or_raises_kept_are_not_flagged(tmp_path: Path, line: str) -> None:
    assert PAY not in flagged(tmp_path, line)
