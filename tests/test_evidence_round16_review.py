"""Faults a reviewer found in round 16 by running sentences of their own, each kept
fixed: header lines that were real evidence, lived experience required in other words,
a relative clause that hid the peer's own duty, a street's "Dr.", "coercion free", a
figure read as a clause number, and a group name that undid peer training."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import flagged, scan_evidence

from advocacy.evidence.matching import tokenize


def evidence_for(tmp_path: Path, text: str) -> set[str]:
    data = scan_evidence(tmp_path, text if text.endswith("\n") else text + "\n")
    return {c["id"] for c in data["criteria"] if c["passages"]}


@pytest.mark.parametrize(
    ("text", "point"),
    [
        # a one-word label needs its colon to be a memo header
        (
            "Supervision\n\nTo keep the role mutual, peer specialists are supervised by a "
            "certified peer supervisor",
            "peer-supervisors",
        ),
        (
            "Requisitos\n\nPara este puesto se requiere experiencia vivida en recuperación "
            "de salud mental",
            "distinct-job-descriptions",
        ),
        # a sentence in capitals, and parts joined by " · " where one says "must"
        ("ALL PEER SPECIALISTS ARE SUPERVISED BY A CERTIFIED PEER SUPERVISOR", "peer-supervisors"),
        (
            "Applicants must have lived experience of mental health recovery · Peer "
            "certification within 6 months · Valid driver license",
            "distinct-job-descriptions",
        ),
        # lived experience required in other words, or under a requirements heading
        ("Candidates should have lived experience of recovery.", "distinct-job-descriptions"),
        ("Lived experience of recovery is essential for this role.", "distinct-job-descriptions"),
        ("Lived experience of recovery is non-negotiable.", "distinct-job-descriptions"),
        (
            "Education and Experience\n\n- Lived experience of recovery from mental illness",
            "distinct-job-descriptions",
        ),
        (
            "Perfil del puesto\n\n- Experiencia vivida en recuperación de salud mental",
            "distinct-job-descriptions",
        ),
        ("Es esencial contar con experiencia vivida en recuperación.", "distinct-job-descriptions"),
        # a curriculum's training, beside groups the peers will run
        (
            "All new peer staff complete Intentional Peer Support training before they "
            "co-facilitate WRAP groups.",
            "peer-specific-training",
        ),
    ],
)
def test_evidence_a_header_rule_or_a_missing_cue_had_dropped(
    tmp_path: Path, text: str, point: str
) -> None:
    assert point in evidence_for(tmp_path, text)


@pytest.mark.parametrize(
    ("text", "point"),
    [
        (
            "TO: All peer staff\nFROM: Program Director\nRE: a certified peer supervisor\n",
            "peer-supervisors",
        ),
        (
            "ESSENTIAL FUNCTIONS\n\n- Shares personal recovery story to build rapport.",
            "distinct-job-descriptions",
        ),
        ("Our peers use their lived experience to build trust.", "distinct-job-descriptions"),
        (
            "Peers co-facilitate Alternatives to Suicide groups on Tuesdays.",
            "peer-specific-training",
        ),
    ],
)
def test_what_still_is_no_evidence(tmp_path: Path, text: str, point: str) -> None:
    assert point not in evidence_for(tmp_path, text)


@pytest.mark.parametrize(
    "line",
    [
        # the relative clause ends before the duty: the duty is the peer's
        "Peer specialists work alongside the nurse who is on shift and administer medications.",
        "Peer specialists, like the counselors who work beside them, administer medications.",
        "The recovery coach, reporting to the clinical director who oversees the unit, will "
        "administer medications.",
        "El especialista de pares trabaja con la enfermera quien está de turno y administra "
        "medicamentos a los residentes.",
        # a street's "Dr." ends its sentence: the negation stays behind
        "Peer staff never drive members to the clinic on Elm Dr. Peer staff will administer "
        "medications to residents.",
        "Peer specialists do not transport clients to 12 Oak Dr. They will administer "
        "medications each evening.",
        "Los pares no llevan a nadie al consultorio del Lic. Los pares administrarán "
        "medicamentos a los residentes.",
    ],
)
def test_the_peers_own_duty_is_flagged(tmp_path: Path, line: str) -> None:
    assert "no-clinical-duties" in flagged(tmp_path, line)


def test_a_duty_inside_the_relative_clause_is_still_the_other_positions(tmp_path: Path) -> None:
    line = (
        "If someone is in crisis, peers call the on-call clinician, who does the risk assessment."
    )
    assert not flagged(tmp_path, line)


def test_a_title_before_a_name_still_ends_no_sentence() -> None:
    tokens = tokenize("Evaluadora: Lcda. Marisol Pagán, Trabajadora Social", "es")
    assert len(set(tokens.sentences)) == 1


def test_coercion_free_is_no_argument_against_the_duty(tmp_path: Path) -> None:
    line = (
        "Reporting missed appointments to probation officers is coercion free and voluntary, "
        "and peer staff will do it weekly."
    )
    assert "voluntary-peer-support" in flagged(tmp_path, line)


def test_a_figure_at_a_lines_start_is_a_number_not_a_clause_number(tmp_path: Path) -> None:
    assert "small-peer-teams" in flagged(
        tmp_path, "Staffing\n\n0.5 FTE Peer Specialist will serve 40 clients."
    )
    assert tokenize("3.1 The bidder will hire peers.").words[0] == "3.1"


def test_budget_as_a_verb_is_no_funding_condition(tmp_path: Path) -> None:
    """ "Budget for and allow paid time" commits money; "if grants allow" waits for it."""
    line = "Providers shall budget for and allow on paid time 20 hours a year of peer training."
    assert "peer-retention-and-pay" not in flagged(tmp_path, line)
    assert "peer-retention-and-pay" in flagged(tmp_path, "Peer hours will grow if grants allow.")
