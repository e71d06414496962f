"""Staffing figures: more people per peer FTE than a peer can reach, read from the numbers.

The lines are written for these tests, in the styles of bids, staffing tables,
minutes and postings, in English and Spanish. The negative cases include the
faults a review found in an earlier design: "24/7", years, addresses, "for 1 to
120 days", "four peer FTE per 200", Spanish thousands, group nouns.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import scan_evidence

from advocacy.evidence.staffing import _value, overloaded

LIMIT = 60

TOO_MANY = [
    # counts of peers and of people in one sentence
    "Three peer FTEs will cover roughly 520 adults in the catchment area.",
    "We budget one (1) part-time recovery mentor for an enrollment of about 275 families.",
    "Our lone Peer Navigator (1.0 FTE) is expected to see close to 1,900 patients a year.",
    "Peer staffing drops from 5.0 FTE to 2.0 FTE while the census stays near 230 people.",
    "Hay 3 personas de pares para los 520 participantes inscritos.",
    "Una (1) especialista de pares atenderá a unas 400 personas en dos condados.",
    "Un solo mentor de pares cubrirá a las 1.800 familias del programa.",
    # each peer's own caseload
    "Each peer will hold a panel of roughly 350 plan members.",
    "Caseload: about 140 residents across both towers.",
    "Cada especialista de pares llevará unas 180 personas afiliadas.",
    # a staffing table row, a rushed staffing plan, a stated ratio beyond reach
    "| Peer Recovery Coach | 0.5 FTE | about 300 enrolled | Site Director |",
    "Peer x 1.0 (covers both clinics, ~600 ppl/yr)",
    "| Certified Peer Specialist | 1.0 | 1:250 | Program Manager |",
    "Staffing for peers is 1 CPS per 200 members enrolled.",
    # one peer for everyone
    "She is the only peer specialist for all five group homes.",
    "One (1) recovery coach will serve every client county-wide.",
    "La única especialista de pares atiende todas las clínicas de la región.",
]

WITHIN_REASON = [
    "We will hire 9 peer FTEs for about 270 people, one FTE for every 30 people.",
    "Each crisis team of 90 people has three peer specialists.",
    "In 2024, 2,300 people came to at least one peer-led group.",
    "Peer staff meet twice a month as one peer team across all programs.",
    "Our peers offer 24/7 peer support to 800 guests a year.",
    "A peer stays with each person for 1 to 120 days after discharge.",
    "The grant funds four peer FTE per 200 people enrolled.",
    "| Certified Peer Specialist | 4.0 | CPS | 1:35 (140 enrolled) | Peer Lead |",
    "The clinic at 2210 River Road has one peer specialist on site.",
    "Each full-time peer works with no more than 15 people at a time.",
    "Case managers carry caseloads of 90 clients; peers carry 20.",
    "Todas las personas en un rol de pares siguen el código de ética.",
    "In Year 3, Peer Navigators met 512 individuals leaving the county jail.",
    "| Participants | Groups and 1:1 peer support | 400 people/yr |",
    "Peer staff belong to the agency-wide Peer Team.",
    "Bidders must state the number of peer FTEs proposed per 100 people served.",
    "Se prevén 6.0 FTE de pares para unas 1.200 personas al año (1 por cada 25 activas).",
    "Peers meet at 1:30 pm with all residents.",
    "The mileage line is $1,400 for 150 participants' bus passes.",
]


@pytest.mark.parametrize("line", TOO_MANY)
def test_figures_beyond_what_a_peer_can_reach_are_found(line: str) -> None:
    assert overloaded(line, LIMIT), line


@pytest.mark.parametrize("line", WITHIN_REASON)
def test_figures_within_reason_or_of_something_else_are_not(line: str) -> None:
    assert overloaded(line, LIMIT) == [], line


def test_the_figure_found_is_the_people_served() -> None:
    line = "Two peer FTEs will serve about 410 individuals across three sites."
    assert [line[a:b] for a, b in overloaded(line, LIMIT)] == ["410 individuals"]


@pytest.mark.parametrize(
    ("number", "people"),
    [("1,400", 1400), ("1.400", 1400), ("0.5", 0.5), ("0,5", 0.5), ("12,000", 12000)],
)
def test_numbers_are_read_with_either_mark(number: str, people: float) -> None:
    assert _value(number) == people


def flags(tmp_path: Path, text: str) -> list[dict]:
    return [
        f
        for f in scan_evidence(tmp_path, text)["red_flags"]
        if f["criterion"] == "peer-staffing-ratio"
    ]


def test_the_finder_flags_the_figure_under_the_staffing_point(tmp_path: Path) -> None:
    found = flags(
        tmp_path, "Staffing\n\nOne peer specialist (1.0 FTE) will serve about 900 clients.\n"
    )
    assert len(found) == 1
    assert "900 clients" in json.dumps(found[0])


def test_a_stated_ratio_within_reason_raises_no_staffing_flag(tmp_path: Path) -> None:
    text = "Staffing\n\nSix peer FTEs for 180 people enrolled, 1 FTE per 30 people, set from our wait-list data.\n"
    assert flags(tmp_path, text) == []


def test_a_long_run_on_text_is_read_in_one_pass(tmp_path: Path) -> None:
    # An earlier design grew with the square of a sentence's length; this one reads a
    # sentence once, so a long text without full stops still finds every figure.
    line = (
        "two peer FTEs will serve about 410 individuals, each peer carries a panel of 500 members, "
    )
    assert flags(tmp_path, "Staffing\n\n" + line * 400 + "\n")
