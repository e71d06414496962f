"""Negation, list scope and weak qualifiers, in the manner of NegEx and ConText."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import scan_evidence

from advocacy.evidence.matching import find, tokenize
from advocacy.evidence.scope import negation, weak_qualifier


def judged(sentence: str, phrase: str, lang: str = "en") -> str | None:
    tokens = tokenize(sentence, lang)
    ((start, end),) = find(phrase, tokens)
    return negation(tokens, start, end)


# Sentences in the style of the published NegEx and ConText examples (Chapman et al.
# 2001, J Biomed Inform 34:301; Harkema et al. 2009, J Biomed Inform 42:839): triggers,
# pseudo-triggers and terminators.
@pytest.mark.parametrize(
    ("sentence", "phrase", "negated"),
    [
        ("No signs of pneumonia.", "pneumonia", True),
        ("The patient denies chest pain.", "chest pain", True),
        ("Without any evidence of infection.", "infection", True),
        ("Negative for fever.", "fever", True),
        ("Patient has no fever but has a cough.", "fever", True),
        ("Patient has no fever but has a cough.", "cough", False),
        ("Not only chest pain but also dyspnea.", "chest pain", False),
        ("Not only chest pain but also dyspnea.", "dyspnea", False),
        ("No increase in pain.", "pain", False),
        ("There is no lack of appetite.", "appetite", False),
        ("Rule out pneumonia. The chest x-ray shows a mass.", "mass", False),
    ],
)
def test_published_negex_style_cases(sentence: str, phrase: str, negated: bool) -> None:
    assert (judged(sentence, phrase) is not None) is negated


@pytest.mark.parametrize(
    ("sentence", "phrase", "reason"),
    [
        ("Peer staff won’t administer medication.", "administer medication", "won't"),
        ("Peers don’t handle client funds.", "client funds", "don't"),
        ("Peer staff will not administer medication.", "administer medication", "will not"),
        (
            "Medication administration is not part of the role.",
            "medication administration",
            "is not",
        ),
        ("There is no expectation that peers write progress notes.", "progress notes", "is no"),
        ("El personal de pares no administrará medicamentos.", "administrar medicamentos", "no"),
    ],
)
def test_bid_negations_name_their_trigger(sentence: str, phrase: str, reason: str) -> None:
    lang = "es" if "personal" in sentence else "en"
    assert f"'{reason}'" in (judged(sentence, phrase, lang) or "")


@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        ("Provide non-licensed medication support under MAP.", "medication support"),
        ("Help members stay drug-free and take medication as prescribed.", "as prescribed"),
        ("Not only provide peer support but also administer medications.", "administer medication"),
        (
            "Peers do not handle money, but they manage representative payee accounts.",
            "representative payee",
        ),
        ("Peer staff will not be asked to fill in, except when they cover shifts.", "cover shifts"),
        (
            "Sin embargo, el personal de pares administrará medicamentos.",
            "administrar medicamentos",
        ),
        # a reminder asserts the duty, typed with or without its apostrophe
        ("Also don't forget the med count sheets before shift change.", "med count"),
        ("also dont forget the med count sheets before shift change", "med count"),
        ("Y no se les olvide contar los medicamentos a las ocho.", "contar los medicamentos"),
    ],
)
def test_what_does_not_negate(sentence: str, phrase: str) -> None:
    lang = "es" if sentence.startswith(("Sin", "Y no")) else "en"
    assert judged(sentence, phrase, lang) is None


@pytest.mark.parametrize(
    ("line", "weak"),
    [
        ("Lived experience with mental health recovery preferred", "preferred"),
        ("Lived experience is a plus but not required.", "a plus"),
        ("Lived experience: ideally, but not required.", "ideally"),
        ("Se prefiere experiencia vivida en recuperación", "se prefiere"),
        ("Lived experience of recovery is required.", None),
    ],
)
def test_weak_qualifiers(line: str, weak: str | None) -> None:
    lang = "es" if line.startswith("Se") else "en"
    tokens = tokenize(line, lang)
    ((start, end), *_) = find("lived experience" if lang == "en" else "experiencia vivida", tokens)
    assert weak_qualifier(tokens, start, end) == weak


def scan(tmp_path: Path, text: str, name: str = "bid.md") -> dict:
    return scan_evidence(tmp_path, text, name)


def test_items_under_an_excluding_lead_in_or_heading_are_not_counted(tmp_path: Path) -> None:
    data = scan(
        tmp_path,
        "The following duties are outside the peer role:\n\n- medication administration\n"
        "- handling client funds\n\n## What this job does not include\n\n"
        "- writing progress notes\n\n## Duties\n\n- Administer medications at 8 pm\n",
    )
    flags = [(f["criterion"], f["location"]) for f in data["red_flags"]]
    assert flags == [("no-clinical-duties", "line 12")]
    reasons = {n["location"]: n["reason"] for n in data["not_counted"] if n["kind"] == "red_flag"}
    assert reasons["line 3"].startswith("listed under 'The following duties are outside")
    assert reasons["line 8"] == "under the excluding heading 'What this job does not include'"
    duties = next(c for c in data["criteria"] if c["id"] == "no-clinical-duties")
    assert "Peer staff administer or monitor medication" in duties["rules_out"]


def test_lived_experience_preferred_is_a_red_flag_not_evidence(tmp_path: Path) -> None:
    data = scan(tmp_path, "Qualifications\n\n- Lived experience preferred but not required\n")
    assert [f["phrase"] for f in data["red_flags"]] == [
        "@lived-experience-optional: lived|peer|personal|own experience"
    ]
    jobs = next(c for c in data["criteria"] if c["id"] == "distinct-job-descriptions")
    assert jobs["passages"] == []
    assert any(n["reason"] == "only 'preferred', not required" for n in data["not_counted"])


def test_a_trigger_inside_a_gap_negates_the_match() -> None:
    assert judged("Peer staff write no progress notes.", "write ... notes") == "negated by 'no'"


def test_a_colon_ends_the_clause_of_a_label() -> None:
    assert judged("Not required: administer medication at 8 pm.", "administer medication") is None


@pytest.mark.parametrize(
    ("sentence", "phrase", "lang"),
    [
        ("Raises: not applicable - merit increases frozen this year.", "increases frozen", "en"),
        (
            "Not our practice \u2014 peers administer medication on nights.",
            "administer medication",
            "en",
        ),
        (
            "Aumentos: no aplica \u2013 los aumentos están congelados.",
            "aumentos están congelados",
            "es",
        ),
    ],
)
def test_a_spaced_dash_ends_a_clause_like_a_colon(sentence: str, phrase: str, lang: str) -> None:
    assert judged(sentence, phrase, lang) is None


@pytest.mark.parametrize(
    ("sentence", "phrase", "lang"),
    [
        ("The post is funded by a one-year grant and may not be renewed.", "one-year grant", "en"),
        ("Peers pass medications and do not need MAP certification.", "pass medications", "en"),
        (
            "Los pares reparten medicamentos y no necesitan certificación.",
            "reparten medicamentos",
            "es",
        ),
    ],
)
def test_a_negation_after_and_does_not_reach_back(sentence: str, phrase: str, lang: str) -> None:
    assert judged(sentence, phrase, lang) is None


@pytest.mark.parametrize(
    ("sentence", "phrase", "lang", "negated"),
    [
        (
            "Peer staff will not take on nursing tasks (passing medications; holding cash).",
            "holding cash",
            "en",
            True,
        ),
        (
            "The peer role excludes the following [med passes; petty cash; chart notes].",
            "chart notes",
            "en",
            True,
        ),
        (
            "Los pares no harán tareas de enfermería (dar medicamentos; manejar dinero).",
            "manejar dinero",
            "es",
            True,
        ),
        # outside the brackets a ";" still ends the negation's reach
        (
            "Peers will not give medication (see policy 4.2); they count the cash box.",
            "count the cash box",
            "en",
            False,
        ),
        (
            "Peers never give medication; they count the cash box.",
            "count the cash box",
            "en",
            False,
        ),
        # a negation inside the brackets ends at their close
        (
            "Peers lead groups (they do not give medication; see policy 4.2) and hold the cash.",
            "hold the cash",
            "en",
            False,
        ),
        # an emoticon's bracket pairs with nothing
        (
            "i will not do med passes :( ; i will hold the cash box :)",
            "hold the cash box",
            "en",
            False,
        ),
    ],
)
def test_a_semicolon_between_brackets_parts_items_not_sentences(
    sentence: str, phrase: str, lang: str, negated: bool
) -> None:
    assert (judged(sentence, phrase, lang) is not None) is negated


def test_a_negation_right_after_the_match_still_negates() -> None:
    assert judged("Medication administration is not part of the role.", "medication administration")


def test_label_lines_are_passages_not_headings(tmp_path: Path) -> None:
    data = scan(tmp_path, "Peer Support Worker\nSupervisor: Unit Director (RN)\n", "posting.txt")
    assert [(f["criterion"], f["location"]) for f in data["red_flags"]] == [
        ("peer-supervisors", "line 2")
    ]


@pytest.mark.parametrize(
    ("sentence", "phrase", "lang", "negated"),
    [
        # a negation in a relative clause stays in it
        ("Call members who do not come to group and report their absence.", "report", "en", False),
        ("Llamar a quienes no vengan al grupo y avisar al equipo.", "avisar", "es", False),
        ("Staff who do not hold a license never give out medication.", "medication", "en", True),
        ("Peers who don't drive do not transport members.", "transport", "en", True),
        # "no-show" names a missed appointment
        ("Follow up on no-show clients and tell their nurse.", "tell", "en", False),
        # a negative noun after the trigger keeps what follows
        ("The move means no loss of benefits for peer staff.", "benefits", "en", False),
        ("El cambio se hace sin pérdida de beneficios.", "beneficios", "es", False),
    ],
)
def test_relative_clauses_no_shows_and_negative_nouns(
    sentence: str, phrase: str, lang: str, negated: bool
) -> None:
    assert (judged(sentence, phrase, lang) is not None) is negated


@pytest.mark.parametrize(
    ("sentence", "phrase", "lang"),
    [
        ("No mentor is excused from the nightly medication count.", "medication count", "en"),
        ("It is not optional for coaches to write a contact note.", "contact note", "en"),
        ("Peers may not refuse to search residents' rooms.", "search", "en"),
        ("Ningún mentor estará exento de repartir los medicamentos.", "repartir", "es"),
    ],
)
def test_a_negation_of_a_refusal_or_exemption_negates_nothing(
    sentence: str, phrase: str, lang: str
) -> None:
    assert judged(sentence, phrase, lang) is None


@pytest.mark.parametrize(
    ("text", "criterion"),
    [
        (
            "I am the sole peer in the county office, with no connection at all to a peer group or an RLC.",
            "small-peer-teams",
        ),
        (
            "Soy la única especialista de pares del centro y no tengo ningún convenio con otra"
            " organización de pares.",
            "small-peer-teams",
        ),
        (
            "His supervisor, a psychologist, told him that peer supervision is not necessary.",
            "peer-supervisors",
        ),
    ],
)
def test_an_answer_said_to_be_missing_does_not_defuse_a_red_flag(
    tmp_path: Path, text: str, criterion: str
) -> None:
    flags = {f["criterion"] for f in scan_evidence(tmp_path, text + "\n")["red_flags"]}
    assert criterion in flags


def missing_protections(tmp_path: Path, line: str) -> set[str]:
    """The criteria ``line`` raises a 'protection missing' (negated_only) flag for."""
    data = scan_evidence(tmp_path, line + "\n", "bid.txt")
    return {f["criterion"] for f in data["red_flags"] if "-missing:" in f["phrase"]}


@pytest.mark.parametrize(
    "line",
    [
        # a negation taken back by another: the protection is there
        "There is no caseload without a ratio.",
        "Peers are never without a peer network affiliation.",
        "No hay semana sin reunión de pares.",
        # a negated loss keeps the protection
        "We will never cut the ratio.",
        "We never cancel peer team meetings.",
        "Peer staff will not lose their paid networking time.",
        "Nunca se reducirá la proporción.",
        "No se reducirá nunca la proporción de pares.",
        "Nunca se cancelan las reuniones de pares.",
        "No peer team meeting was cancelled this year.",
        "Ninguna reunión de pares fue cancelada este año.",
        "There is no cap on raises for peer staff.",
        # no limit on a protection is more of it, not less
        "There is no limit on paid networking time.",
        "No cap on paid networking time for peer staff.",
        "No hay límite de tiempo pagado para redes de pares.",
        "Sin tope de tiempo pagado para redes de pares.",
    ],
)
def test_a_double_negative_or_a_negated_loss_is_no_missing_protection(
    tmp_path: Path, line: str
) -> None:
    assert missing_protections(tmp_path, line) == set()


@pytest.mark.parametrize(
    ("line", "criterion"),
    [
        ("The program has no staffing ratio.", "peer-staffing-ratio"),
        ("El programa no tiene proporción de personal.", "peer-staffing-ratio"),
        # a limit that is the protection itself, in either language
        ("There is no caseload limit for peer staff.", "peer-staffing-ratio"),
        ("No cap on caseloads.", "peer-staffing-ratio"),
        ("No hay límite de casos.", "peer-staffing-ratio"),
        ("Sin tope de casos para los pares.", "peer-staffing-ratio"),
        ("There is no paid networking time.", "paid-networking"),
        ("No hay tiempo pagado para redes.", "paid-networking"),
        # Spanish negative concord is one negation, not two
        ("No hay nunca reuniones de pares.", "peer-support-team"),
        ("No hay ninguna reunión de pares.", "peer-support-team"),
    ],
)
def test_a_protection_the_text_says_is_missing(tmp_path: Path, line: str, criterion: str) -> None:
    assert criterion in missing_protections(tmp_path, line)
