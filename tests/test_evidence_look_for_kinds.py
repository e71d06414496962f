"""Evidence by kind of wording: paid network time and peer training named in
other words, pay steps and bonuses, a ratio as a count per people or per team,
and the Spanish "para" (for), which must not read as "pares" (peers).

The lines are written for these tests, in English and Spanish.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import scan_evidence

from advocacy.evidence.matching import stem


def cited(tmp_path: Path, line: str) -> set[str]:
    data = scan_evidence(tmp_path, line + "\n", "posting.txt")
    return {c["id"] for c in data["criteria"] if c["passages"]}


@pytest.mark.parametrize(
    ("line", "criterion"),
    [
        (
            "Each coach gets three paid hours a month to network with peers elsewhere.",
            "paid-networking",
        ),
        ("Staff attended the statewide peer conference (paid, two days).", "paid-networking"),
        ("Cada persona tiene 4 días pagados al año para encuentros regionales.", "paid-networking"),
        ("Nos pagan 3 horas al mes para las reuniones de la red.", "paid-networking"),
        ("Reuniones pagadas con la red estatal de pares.", "paid-networking"),
        (
            "We cover the IPS course and the WRAP training for every new hire.",
            "peer-specific-training",
        ),
        (
            "The agency pays for the state peer training program on work time.",
            "peer-specific-training",
        ),
        (
            "La agencia pagará el adiestramiento de WRAP en horario laboral.",
            "peer-specific-training",
        ),
        ("Ofrecemos el curso de Alternativas al Suicidio en español.", "peer-specific-training"),
        ("Salario: $22.00 la hora, con aumento al certificarse.", "peer-retention-and-pay"),
        ("Starts at $24/hr with a retention bonus at twelve months.", "peer-retention-and-pay"),
        ("About $5 an hour more than local aide jobs.", "peer-retention-and-pay"),
        ("El salario de entrada sube a $24.00 en julio.", "peer-retention-and-pay"),
        ("Staffing is planned at one peer per 20 active participants.", "peer-staffing-ratio"),
        ("Two peers per team, so nobody works alone.", "peer-staffing-ratio"),
        (
            "Por contar con menos de cinco pares, mantenemos un acuerdo con la red.",
            "small-peer-teams",
        ),
    ],
)
def test_evidence_in_other_words(tmp_path: Path, line: str, criterion: str) -> None:
    assert criterion in cited(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Each peer has four paid hours per month to meet people at other agencies.",
        "Cada persona tiene 3 días pagados al año para descansar.",
    ],
)
def test_per_month_or_para_is_no_staffing_ratio(tmp_path: Path, line: str) -> None:
    assert "peer-staffing-ratio" not in cited(tmp_path, line)


def test_para_does_not_stem_to_pares() -> None:
    assert stem("para", "es") != stem("pares", "es")
    assert stem("pares", "es") == stem("par", "es")


def test_a_doubt_about_the_certificate_is_no_training_evidence(tmp_path: Path) -> None:
    line = "Supervisors will discuss why supervisors need peer training."
    assert "peer-specific-training" not in cited(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Nothing about our groups is mandatory.",
        "Nobody has to come to a group or talk to a worker.",
        "No one will force you to talk about anything.",
        "We don't do drug testing, and nobody is required to see a coach.",
        "Las personas participan solo si quieren.",
        "Cada quien viene cuando quiere.",
    ],
)
def test_nobody_made_to_take_part_is_voluntary_support(tmp_path: Path, line: str) -> None:
    assert "voluntary-peer-support" in cited(tmp_path, line)


def test_nobody_negates_a_duty_in_its_own_clause(tmp_path: Path) -> None:
    data = scan_evidence(tmp_path, "Peers do not pass medications, and nobody checks bags.\n")
    assert not data["red_flags"]
