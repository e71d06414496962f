"""Red flags by class of cause, round 17: how informal writers (chats, texts, small
ads in small letters) state a duty. Each class has English and Spanish lines that must
flag and lines that must not.

The lines are written for these tests, not copied from the labelled corpus.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import flagged, scan_evidence

DUTIES = "no-clinical-duties"


# ---- a duty handed over as a request put as a question
@pytest.mark.parametrize(
    "line",
    [
        "hey can u grab the payee checks from the bank and give ppl their allowance thurs?",
        "Dana (manager): could you count the meds in the lockbox before you leave?",
        "pls hand out the evening meds tonight, we're short?",
        "¿puedes repartir los medicamentos de la noche hoy?",
        "Gladys: ¿me haces el favor de guardar el dinero de los residentes este fin de semana?",
    ],
)
def test_a_duty_asked_for_as_a_request_flags(tmp_path: Path, line: str) -> None:
    assert DUTIES in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "May peer staff hand out medication on the evening shift?",
        "Who can you call if a resident asks you to hold their cash?",
        "¿Pueden los pares repartir medicamentos en la noche?",
        "¿Cómo puedes ayudar si alguien pide que le guardes el dinero?",
    ],
)
def test_a_question_about_a_duty_still_does_not_flag(tmp_path: Path, line: str) -> None:
    assert DUTIES not in flagged(tmp_path, line)


# ---- a heading that names what goes wrong lists what happens, it excludes nothing
@pytest.mark.parametrize(
    "text",
    [
        "# Staff survey\n## What isn't working\n- many of us hand out the evening meds\n",
        "## What's not\n- people were asked to hold residents' cash in the office\n",
        "## Lo que no funciona\n- a varios pares los ponen a repartir los medicamentos de la noche\n",
    ],
)
def test_items_under_a_problems_heading_flag(tmp_path: Path, text: str) -> None:
    found = scan_evidence(tmp_path, text, name="survey.md")["red_flags"]
    assert DUTIES in {f["criterion"] for f in found}


@pytest.mark.parametrize(
    "text",
    [
        "## What peers don't do\n- hand out the evening meds\n",
        "## Things you won't be asked to do\n- hold residents' cash in the office\n",
        "## Lo que no hacemos\n- repartir los medicamentos\n",
    ],
)
def test_items_under_an_excluding_heading_still_do_not_flag(tmp_path: Path, text: str) -> None:
    found = scan_evidence(tmp_path, text, name="role.md")["red_flags"]
    assert DUTIES not in {f["criterion"] for f in found}


# ---- a short chat line in Spanish is read in Spanish, not in the bid's other language
@pytest.mark.parametrize(
    "line",
    [
        "a varios pares les toca repartir los medicamentos",
        "y les toca dar las pastillas",
    ],
)
def test_a_short_spanish_chat_line_is_read_in_spanish(tmp_path: Path, line: str) -> None:
    found = scan_evidence(tmp_path, line + "\n")
    assert found["languages"] == {"es": 1}
    assert DUTIES in {f["criterion"] for f in found["red_flags"]}


@pytest.mark.parametrize(
    "line",
    ["so they told me to just pass the meds", "but u can get the meds if u ask"],
)
def test_a_short_english_chat_line_stays_english(tmp_path: Path, line: str) -> None:
    assert scan_evidence(tmp_path, line + "\n")["languages"] == {"en": 1}


SMALL = "small-peer-teams"


# ---- two or three peers on their own, said in passing; "nada más" means "only"
@pytest.mark.parametrize(
    "line",
    [
        "fyi it's only me and you doing peer work at this place",
        "you would be one of only three mentors here",
        "we're down to 2 coaches since spring",
        "aquí somos dos nada más, la otra mentora se fue",
        "quedan solo tres promotoras para todo el pueblo",
    ],
)
def test_a_few_peers_said_in_passing_flag(tmp_path: Path, line: str) -> None:
    assert SMALL in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "We have only two coaches, and both meet monthly with the regional peer network.",
        "Just you and me at the picnic table, talking about the week.",
        "Somos tres nada más, pero estamos en la red de pares del estado.",
    ],
)
def test_a_few_peers_with_a_network_do_not_flag(tmp_path: Path, line: str) -> None:
    assert SMALL not in flagged(tmp_path, line)


def test_nada_mas_is_only_not_a_negation(tmp_path: Path) -> None:
    assert DUTIES in flagged(tmp_path, "nada más ella reparte los medicamentos de la noche")


# ---- a negation typed without its apostrophe or accent still negates
@pytest.mark.parametrize(
    "line",
    [
        "our coaches dont hand out meds, thats the nurses job",
        "peer staff wont be holding anybody's cash",
        "los mentores jamas reparten medicamentos",
        "ningun par maneja el dinero de los residentes",
    ],
)
def test_a_negation_typed_without_apostrophe_or_accent_does_not_flag(
    tmp_path: Path, line: str
) -> None:
    assert DUTIES not in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    ["our coaches hand out meds, thats the deal", "los mentores reparten medicamentos"],
)
def test_the_same_duties_without_the_negation_flag(tmp_path: Path, line: str) -> None:
    assert DUTIES in flagged(tmp_path, line)


PAY = "peer-retention-and-pay"


# ---- a stipend or gift cards in place of pay, the amount named before the period
@pytest.mark.parametrize(
    "line",
    [
        "the house mentor gets a stipend of $300 every month, room included",
        "volunteers get a $15 grocery gift card for every 8 hours",
        "Les damos un estipendio de $80 por turno.",
        "Cada voluntaria recibe una tarjeta de regalo por cada diez horas de servicio.",
    ],
)
def test_a_stipend_or_gift_card_in_place_of_pay_flags(tmp_path: Path, line: str) -> None:
    assert PAY in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Coaches earn $24.50 an hour plus a $1,000 certification stipend each year.",
        "A $30 monthly phone stipend is paid on top of wages.",
        "Participants who finish the survey get a gift card.",
        "Además del salario, hay un estipendio de certificación de $500 al año.",
    ],
)
def test_a_stipend_on_top_of_wages_does_not_flag(tmp_path: Path, line: str) -> None:
    assert PAY not in flagged(tmp_path, line)


# ---- money that may stop, said informally: "thru", "year-to-year", "may not renew"
@pytest.mark.parametrize(
    "line",
    [
        "this job is funded thru september, after that who knows",
        "honestly the coach positions are year to year money",
        "heads up the town levy might not renew so the peer jobs are at risk",
        "nos dijeron que puede que no se renueve el contrato de las mentoras",
    ],
)
def test_funding_that_may_stop_said_informally_flags(tmp_path: Path, line: str) -> None:
    assert PAY in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Levy renewal planning is on the agenda for October.",
        "we see each other year to year at the state picnic",
        "Peers may not renew anyone's prescriptions.",
    ],
)
def test_renewals_and_years_that_are_not_funding_risks_do_not_flag(
    tmp_path: Path, line: str
) -> None:
    assert PAY not in flagged(tmp_path, line)


# ---- a post run, watched or minded, said informally
@pytest.mark.parametrize(
    "line",
    [
        "can one of the coaches run the front desk tmrw while Deb is at lunch",
        "on weekends the peer sits at the front door and signs everybody in",
        "hoy te toca cuidar la puerta y anotar quién entra",
        "el mentor vigila la entrada los viernes en la noche",
    ],
)
def test_a_post_run_or_watched_flags(tmp_path: Path, line: str) -> None:
    assert DUTIES in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "We run a peer group by the front door of the library.",
        "The front door is locked at 9 pm.",
        "La puerta de la entrada se cierra a las nueve.",
    ],
)
def test_a_door_or_desk_that_is_not_a_post_does_not_flag(tmp_path: Path, line: str) -> None:
    assert DUTIES not in flagged(tmp_path, line)
