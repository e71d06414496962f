"""Fixes of the round that measured the finder on heldout97-104: a credential's
renewal is no funding that may stop, an aide's title is no aide's duty."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import cited_passages, flagged, scan_evidence


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


def test_evidence_the_red_flag_reader_reads_as_a_red_flag_is_not_counted(tmp_path: Path) -> None:
    """The rules cite a mention of peer training as evidence of it; the red-flag reader
    reads the sentence (the peer pays, off the clock) as a red flag of the same
    criterion. The flag is raised and the evidence shown as not counted, with why."""
    line = (
        "El curso de certificación de pares corre por cuenta de cada especialista y debe "
        "tomarse fuera del horario de trabajo.\n"
    )
    data = scan_evidence(tmp_path, line, learned=True)
    assert "peer-specific-training" in {f["criterion"] for f in data["red_flags"]}
    assert not cited_passages(data, "peer-specific-training")
    reasons = [
        n["reason"] for n in data["not_counted"] if n["criterion"] == "peer-specific-training"
    ]
    assert any(
        r.startswith("the red-flag reader reads this sentence as a red flag") for r in reasons
    )


@pytest.mark.parametrize(
    ("line", "criterion"),
    [
        ("Peer specialists will not give out medications or handle client money.", "no-clinical-duties"),
        ("All peer staff complete 40 hours of peer-specific training, paid, on work time.", "peer-specific-training"),
    ],
)  # fmt: skip
def test_a_protection_stays_evidence_with_the_readers_on(
    tmp_path: Path, line: str, criterion: str
) -> None:
    data = scan_evidence(tmp_path, line + "\n", learned=True)
    assert cited_passages(data, criterion)
    assert criterion not in {f["criterion"] for f in data["red_flags"]}


@pytest.mark.parametrize(
    ("line", "criterion"),
    [
        ("Bar PSS staff from passing meds, counting pills, acting as rep payee or holding anyone's cash.", "no-clinical-duties"),
        ("Contracts should bar peer staff from medication administration, rep-payee work and routine progress notes.", "no-clinical-duties"),
    ],
)  # fmt: skip
def test_a_protection_no_negation_rule_knows_is_read_as_one_by_both_readers(
    tmp_path: Path, line: str, criterion: str
) -> None:
    """The rules flag the duties named; both readers read the sentence as evidence of
    the criterion and not as a red flag, so the rules' flags are shown as not counted
    and the sentence counts as evidence."""
    data = scan_evidence(tmp_path, line + "\n", learned=True)
    assert criterion not in {f["criterion"] for f in data["red_flags"]}
    reasons = {n["reason"] for n in data["not_counted"] if n["criterion"] == criterion}
    assert "both learned readers read this sentence as evidence of this criterion" in reasons
    assert cited_passages(data, criterion)


def test_a_duty_both_readers_read_as_a_duty_stays_flagged(tmp_path: Path) -> None:
    data = scan_evidence(tmp_path, "Peer staff pass medications at 8 pm.\n", learned=True)
    assert "no-clinical-duties" in {f["criterion"] for f in data["red_flags"]}


def test_without_the_readers_the_rules_flag_what_they_match(tmp_path: Path) -> None:
    line = "Bar PSS staff from passing meds, counting pills, acting as rep payee or holding anyone's cash.\n"
    data = scan_evidence(tmp_path, line)
    assert "no-clinical-duties" in {f["criterion"] for f in data["red_flags"]}


@pytest.mark.parametrize(
    ("line", "cited_by_rules", "added_by_reader"),
    [
        ("The agency will contract with the regional peer network to give monthly peer consultation to staff who work alone.", "paid-networking", "small-peer-teams"),
    ],
)  # fmt: skip
def test_a_sentence_the_rules_cite_for_one_criterion_may_show_another(
    tmp_path: Path, line: str, cited_by_rules: str, added_by_reader: str
) -> None:
    """Before, any phrase matched in a sentence kept the evidence reader out of it."""
    rules = scan_evidence(tmp_path, line + "\n")
    assert cited_passages(rules, cited_by_rules)
    assert not cited_passages(rules, added_by_reader)
    both = scan_evidence(tmp_path, line + "\n", learned=True)
    found = next(c for c in both["criteria"] if c["id"] == added_by_reader)
    assert [p["learned"] for p in found["passages"]] == [True]


@pytest.mark.parametrize(
    ("line", "criterion"),
    [
        # no negation at all: the duty is assigned
        ("Peer specialists start at $23 per hour and help the clinician decide whether the person meets criteria for involuntary hospitalization.", "peers-in-mobile-crisis"),
        ("Peer specialists start at $23 per hour and complete the suicide risk assessment on each person they see.", "peers-in-mobile-crisis"),
        # a protection turned around
        ("Peer specialists are not exempt from progress notes.", "no-clinical-duties"),
        ("Peer specialists may no longer decline to handle client funds.", "no-clinical-duties"),
        ("Peer specialists can no longer refuse to act as representative payee.", "no-clinical-duties"),
        ("Peer staff are not exempt from restraint and seclusion duties.", "peers-in-mobile-crisis"),
        ("The weekly peer team meeting was cancelled and will not be replaced.", "peer-support-team"),
        ("Los pares no están exentos de escribir notas de progreso.", "no-clinical-duties"),
        ("Los especialistas de pares ya no están exentos de la administración de medicamentos.", "no-clinical-duties"),
    ],
)  # fmt: skip
def test_a_red_flag_the_readers_misread_as_a_protection_stays_flagged(
    tmp_path: Path, line: str, criterion: str
) -> None:
    """Found by an outside review: both readers read these as evidence, and the
    rules' flags were dropped. The readers overrule a flag only in a sentence that
    says no, and none that turns a protection around."""
    data = scan_evidence(tmp_path, line + "\n", learned=True)
    assert criterion in {f["criterion"] for f in data["red_flags"] if f["chance"] is None}


@pytest.mark.parametrize(
    "line",
    [
        "El curso de certificación de pares ya no corre por cuenta de cada especialista; la agencia lo paga.",
        "El curso de certificación de pares no corre por cuenta del especialista y se toma dentro del horario de trabajo.",
    ],
)  # fmt: skip
def test_a_negated_protection_keeps_the_rules_evidence(tmp_path: Path, line: str) -> None:
    """Found by an outside review: the red-flag reader takes these for the red flag
    they deny; its reading no longer takes the rules' evidence away."""
    data = scan_evidence(tmp_path, line + "\n", learned=True)
    assert cited_passages(data, "peer-specific-training")


@pytest.mark.parametrize(
    "line",
    [
        "The peer does not participate in M-1 holds or transports; clinicians handle those.",
        "Bridgers do not participate in commitment proceedings, holds or transport under a writ.",
        "Reminder: peers are not on the behavioral emergency roster.",
        "Peers will not help locate participants with warrants or transport anyone in custody.",
    ],
)
def test_a_hold_and_its_transport_kept_from_peers_is_evidence(tmp_path: Path, line: str) -> None:
    data = scan_evidence(tmp_path, line + "\n")
    assert cited_passages(data, "peers-in-mobile-crisis")
    assert "peers-in-mobile-crisis" not in {f["criterion"] for f in data["red_flags"]}


@pytest.mark.parametrize(
    ("line", "flagged_crisis"),
    [
        ("Peer specialists transport patients on holds to the state hospital.", True),
        ("Peers hold a weekly group and provide transportation to appointments.", False),
    ],
)
def test_hold_the_verb_and_a_ride_to_appointments_are_no_crisis_hold(
    tmp_path: Path, line: str, flagged_crisis: bool
) -> None:
    assert ("peers-in-mobile-crisis" in flagged(tmp_path, line)) is flagged_crisis
