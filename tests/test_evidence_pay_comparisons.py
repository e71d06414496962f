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

