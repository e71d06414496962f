"""Red flags in classes of wording that a fifteenth tuning round found missing:
reports on people to a landlord, a town or child welfare, drug tests done on
the people served, supervision named only in a form field or a table column,
and further wordings of pay, training and peer-meeting flags.

The lines are written for these tests, in English and Spanish, in the styles of
job boards, chat threads, contracts and HR forms; none is copied from the corpus.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import scan_evidence

VOLUNTARY = "voluntary-peer-support"


def flagged(tmp_path: Path, text: str, name: str = "posting.txt") -> set[str]:
    return {f["criterion"] for f in scan_evidence(tmp_path, text + "\n", name)["red_flags"]}


@pytest.mark.parametrize(
    "line",
    [
        "Text the program manager if a resident refuses his night dose.",
        "Please let parole know right away so they can plan for the hearing.",
        "Peers tell the property office when tenants skip the weekly house meeting.",
        "Report any guest who breaks the lease to the landlord the same day.",
        "Members who miss two check-ins in a row may be referred for discharge review.",
        "| Client compliance | 20% | share of clients keeping clinic appointments |",
        "Staff can cut a member's allowance if they do not come to the work unit.",
        "Run random UAs on residents each weekend.",
        "Observe urine specimen collection for new admits.",
        "Joins the county compliance officer on unannounced home visits.",
        "Avisarle al dueño del apartamento cuando un inquilino tenga visitas.",
        "Enviar al municipio un informe con los nombres de las personas que no vinieron al taller.",
        "Completar el formulario del DCF sobre la asistencia de la madre a las citas.",
    ],
)
def test_reports_on_people_and_drug_tests_are_voluntary_flags(tmp_path: Path, line: str) -> None:
    assert VOLUNTARY in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Peer staff never report to landlords, courts or probation about the people they support.",
        "We will not run drug tests or search anyone's room.",
        "El personal de pares no informará al municipio sobre ningún participante.",
        "Text your supervisor if you are running late for a shift.",
    ],
)
def test_a_refused_report_or_a_staff_rule_is_not_a_voluntary_flag(
    tmp_path: Path, line: str
) -> None:
    assert VOLUNTARY not in flagged(tmp_path, line)
