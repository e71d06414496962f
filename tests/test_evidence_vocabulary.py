"""The vocabulary's structure: word classes, clause gaps, exact forms, 'unless', duty lists."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import scan_evidence

from advocacy.errors import AdvocacyError
from advocacy.evidence.concepts import load_concepts
from advocacy.evidence.matching import find, tokenize
from advocacy.evidence.segment import segment_text


def hits(phrase: str, text: str, lang: str = "en") -> list[str]:
    tokens = tokenize(text, lang)
    return [text[tokens.spans[a][0] : tokens.spans[b][1]] for a, b in find(phrase, tokens)]


def scan(tmp_path: Path, text: str, name: str = "bid.txt") -> dict:
    return scan_evidence(tmp_path, text, name)


def flags(data: dict, criterion: str = "no-clinical-duties") -> list[str]:
    return [f["excerpt"] for f in data["red_flags"] if f["criterion"] == criterion]


def test_clause_gap_reaches_ten_words_but_not_the_next_sentence() -> None:
    text = "Registrar cada contacto con los pacientes en el expediente."
    assert hits("registrar ... expediente", text, "es") == []  # six words between
    assert hits("registrar ~ expediente", text, "es") == [text[:-1]]
    assert hits("pass ~ medication", "Pass the trays. Medication is kept locked.") == []


def test_exact_form_does_not_take_the_other_endings() -> None:
    assert hits("=document ~ notes", "Documentation of notes") == []
    assert hits("=document ~ notes", "Document notes daily") == ["Document notes"]
    assert hits("document ~ notes", "Documentation of notes") == ["Documentation of notes"]


def write_vocabulary(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "concepts.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def test_word_classes_expand_per_language(tmp_path: Path) -> None:
    path = write_vocabulary(
        tmp_path,
        "word-classes:\n"
        "  give: {en: [give, pass*], es: [dar, entreg*]}\n"
        "  med: {en: [medication*, meds], es: [medicamento*]}\n"
        "meds:\n"
        "  about: Giving out medication\n"
        "  en: ['{give} ~ {med}']\n"
        "  es: ['{give} ~ {med}']\n",
    )
    concept = load_concepts(path)["meds"]
    assert concept.phrases["en"] == ("{give} ~ {med}",)  # shown to the reviewer as written
    assert concept.expanded["en"] == ("give|pass* ~ medication*|meds",)
    assert hits(concept.expanded["en"][0], "Passes evening meds") == ["Passes evening meds"]
    assert hits(concept.expanded["es"][0], "Entregar los medicamentos", "es") == [
        "Entregar los medicamentos"
    ]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("x:\n  about: x\n  en: ['{nope} ~ meds']\n", "unknown word class {nope}"),
        ("word-classes:\n  c: {en: ['two words']}\n", "single words"),
        ("x:\n  about: x\n  unless: [a]\n  en: [meds]\n", "'unless' must map languages"),
        (
            "x:\n  about: x\n  unless_same_words: [a]\n  en: [meds]\n",
            "'unless_same_words' must map languages",
        ),
        (
            "x:\n  about: x\n  opposite_same_words: [a]\n  en: [meds]\n",
            "'opposite_same_words' must map languages",
        ),
        ("x:\n  about: x\n  en: ['link ~ peer-run|mutual']\n", "hyphenated option"),
        ("word-classes:\n  c: {en: [missed, no-show]}\n", "without hyphens"),
        ("x:\n  about: x\n  home: [a]\n  en: [meds]\n", "'home' must be a talking point id"),
    ],
)
def test_vocabulary_mistakes_are_named(tmp_path: Path, body: str, message: str) -> None:
    with pytest.raises(AdvocacyError, match=message):
        load_concepts(write_vocabulary(tmp_path, body))


@pytest.mark.parametrize(
    "line",
    [
        "Assist with med pass during the evening shift.",
        "Oversee client spending money and reconcile receipts.",
        "Enter encounter notes in the EHR for every contact.",
        "Maintain client records.",
        "Serve as payee for members who need one.",
        "Keeps track of residents’ allowances and locks them in the office.",
        "Velar porque los participantes se tomen sus medicamentos.",
        "Llevar el control del dinero de bolsillo de los residentes.",
    ],
)
def test_paraphrased_duties_are_red_flags(tmp_path: Path, line: str) -> None:
    data = scan(tmp_path, f"Peer Specialist\n\nDuties\n\n- {line}\n")
    assert flags(data), line


@pytest.mark.parametrize(
    ("lines", "reason"),
    [
        ("- Peers support people’s own decisions about medication.", "'decisions'"),
        ("Peers will not assist with med pass or serve as payee.", "negated by 'will not'"),
    ],
)
def test_mentions_that_change_meaning_are_not_counted(
    tmp_path: Path, lines: str, reason: str
) -> None:
    data = scan(tmp_path, f"Duties\n\n{lines}\n")
    assert flags(data) == []
    reasons = [n["reason"] for n in data["not_counted"] if n["criterion"] == "no-clinical-duties"]
    assert reasons and all(reason in r for r in reasons), reasons


def test_a_bare_object_counts_only_on_a_line_of_a_duties_list(tmp_path: Path) -> None:
    text = "Essential Duties and Responsibilities\n\n- Medications\n- EHR documentation\n"
    assert len(flags(scan(tmp_path, text))) == 2
    elsewhere = "About the program\n\n- Medications\n- EHR documentation\n"
    assert flags(scan(tmp_path, elsewhere)) == []


def test_supervision_by_clinical_titles_and_not_by_a_peer_supervisor(tmp_path: Path) -> None:
    for line in (
        "Reports to: Team Leader, LCSW",
        "You will receive weekly supervision from a licensed clinician (LICSW or LMHC).",
        "Supervisor inmediato: Psicólogo Clínico licenciado.",
        "Este puesto está bajo la supervisión del Director Clínico.",
    ):
        spanish = "El especialista de pares trabaja con las personas de la comunidad.\n"
        assert flags(scan(tmp_path, spanish + line + "\n"), "peer-supervisors"), line
    peer = "Supervised by the Director of Peer Services, with clinical consultation from an LICSW."
    assert flags(scan(tmp_path, peer + "\n"), "peer-supervisors") == []


def test_preferred_section_makes_lived_experience_a_red_flag(tmp_path: Path) -> None:
    text = "Qualifications: Preferred\n\n- Lived experience of recovery\n"
    data = scan(tmp_path, text)
    assert flags(data, "distinct-job-descriptions")
    required = scan(tmp_path, "Qualifications: Required\n\n- Lived experience of recovery\n")
    assert flags(required, "distinct-job-descriptions") == []


def test_a_comma_closes_a_negation_in_an_opening_when_clause(tmp_path: Path) -> None:
    text = "When no sitter is available, peer staff provide constant observation of patients.\n"
    assert flags(scan(tmp_path, text), "no-clinical-duties")


def test_single_peer_position_answered_by_an_outside_affiliation(tmp_path: Path) -> None:
    alone = "The program will have a single peer specialist at 0.6 FTE.\n"
    assert flags(scan(tmp_path, alone), "small-peer-teams")
    answered = (
        "The program will have a single peer specialist at 0.6 FTE. To keep that person from "
        "working in isolation we have an affiliation with the recovery learning community.\n"
    )
    assert flags(scan(tmp_path, answered), "small-peer-teams") == []


def test_wrapped_text_is_told_from_short_items_without_full_stops() -> None:
    posting = (
        "• Lived experience of mental illness is welcomed but not essential\n"
        "You will be supervised by the CSP Clinical Coordinator (LMHC).\n"
    )
    assert [s.text[:8] for s in segment_text(posting)] == ["Lived ex", "You will"]
    wrapped = "\n".join(
        [
            "Peer specialists on the team are hired for their lived experience of",
            "Psychiatric recovery, and this is a requirement of each peer job.",
            "Peer specialists will also act as representative payee for residents",
            "Who need help with their benefits, and will enter notes for each one.",
        ]
    )
    assert len(segment_text(wrapped)) == 2  # the capitalised lines continue a wrapped one


@pytest.mark.parametrize(
    "line",
    [
        "If a guest says no, the mentor steps back and nobody asks twice.",
        "Whether to keep meeting is entirely up to each participant.",
        "Members can say they don't want a peer at the visit, and that choice is honored.",
        "Leaving the program has no effect on housing or other services.",
        "Cualquier persona puede decir que no, y su decisión se respeta siempre.",
        "En nuestro centro nadie va a obligarle a participar en los grupos ni a tomar los medicamentos.",
    ],
)
def test_saying_no_and_the_persons_choice_are_voluntary_support(tmp_path: Path, line: str) -> None:
    data = scan(tmp_path, line + "\n")
    voluntary = next(c for c in data["criteria"] if c["id"] == "voluntary-peer-support")
    assert voluntary["passages"]


def test_every_concept_names_shipped_points_and_no_empty_cue_list() -> None:
    """A typo in ``home`` or ``rules_out_home``, or an empty ``only_with`` list, would
    switch the key off without a word: the shipped vocabulary has none."""
    from advocacy.library import load_library

    points = set(load_library().points)
    for concept in load_concepts().values():
        for key in (concept.home, concept.rules_out_home):
            assert key is None or key in points, f"{concept.name}: no point {key!r}"
        assert all(concept.only_with.values()), f"{concept.name}: an empty only_with list"
