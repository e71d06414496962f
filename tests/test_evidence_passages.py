"""Which passages a bid is read as, whose duties they name, and what counts as evidence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import scan_evidence

from advocacy.cli import main
from advocacy.evidence.language import passage_languages
from advocacy.evidence.normalise import detect_language
from advocacy.evidence.reading import Passage
from advocacy.evidence.segment import segment_text
from advocacy.render import render


def scan(tmp_path: Path, text: str, name: str = "bid.txt") -> dict:
    return scan_evidence(tmp_path, text, name)


def evidence(data: dict, criterion: str) -> list[str]:
    by_id = {c["id"]: c for c in data["criteria"]}
    return [p["excerpt"] for p in by_id[criterion]["passages"]]


def flags(data: dict, criterion: str = "no-clinical-duties") -> list[str]:
    return [f["excerpt"] for f in data["red_flags"] if f["criterion"] == criterion]


def reasons(data: dict, criterion: str = "no-clinical-duties") -> list[str]:
    return [n["reason"] for n in data["not_counted"] if n["criterion"] == criterion]


# ---- reading


def test_one_sentence_lines_between_blank_lines_are_passages_of_their_own() -> None:
    text = (
        "Duties\n\n"
        "Major duties include, but are not limited to:\n"
        "Uses own lived experience of recovery to model hope.\n"
        "Maintains Veteran records in the patient record system.\n"
        "Helps Veterans set goals they choose.\n"
    )
    segments = [(s.text, s.line) for s in segment_text(text) if not s.heading]
    assert segments[1:] == [
        ("Uses own lived experience of recovery to model hope.", 4),
        ("Maintains Veteran records in the patient record system.", 5),
        ("Helps Veterans set goals they choose.", 6),
    ]


def test_a_spanish_line_and_its_english_translation_are_read_apart() -> None:
    text = (
        "Intro paragraph of the bid.\n\n"
        "El apoyo entre pares es voluntario: la persona decide si lo quiere.\n"
        "Peer support is voluntary: the person decides whether they want it.\n"
    )
    segments = [s.text for s in segment_text(text)]
    assert segments[1].startswith("El apoyo") and segments[2].startswith("Peer support")
    passages = [Passage(t, f"line {n}") for n, t in enumerate(segments, 1)]
    assert passage_languages(passages)[1:] == ["es", "en"]


def test_hard_wrapped_prose_is_still_joined() -> None:
    text = (
        "Peer staff keep a mutual relationship with each person they support, and\n"
        "they never write notes about anyone. Supervision comes from a peer\n"
        "supervisor.\n\nNext paragraph.\n"
    )
    first = segment_text(text)[0]
    assert first.text.endswith("comes from a peer supervisor.") and first.line == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a classified ad whose writer starts no sentence with a capital
            "room + small stipend for a live-in peer mentor at our recovery house.\n"
            "must have 2 yrs sober and a car\n"
            "you keep the med cabinet key and hand out meds at night,\n"
            "plus the grocery money\n"
            "call or text dave\n",
            [
                ("room + small stipend for a live-in peer mentor at our recovery house.", 1),
                ("must have 2 yrs sober and a car", 2),
                (
                    "you keep the med cabinet key and hand out meds at night, plus the grocery money",
                    3,
                ),
                ("call or text dave", 5),
            ],
        ),
        (  # the same in Spanish
            "se busca mentora de pares para hogar de mujeres. pago semanal.\n"
            "vas a guardar la caja chica de la casa y\n"
            "las tarjetas de comida\n"
            "tienes que haber vivido la recuperación\n",
            [
                ("se busca mentora de pares para hogar de mujeres. pago semanal.", 1),
                ("vas a guardar la caja chica de la casa y las tarjetas de comida", 2),
                ("tienes que haber vivido la recuperación", 4),
            ],
        ),
        (  # a chat exported with lower-case handles: each message is a passage
            "#outreach (exported)\n"
            "kim.b [8:02 AM]: can a peer sit with the guy in bed 4 till the tech gets back\n"
            "luis [8:05 AM]: on it\n"
            "ana (8:07 a. m.): yo llevo el dinero de bolsillo a la casa\n",
            [
                ("#outreach (exported)", 1),
                (
                    "kim.b [8:02 AM]: can a peer sit with the guy in bed 4 till the tech gets back",
                    2,
                ),
                ("luis [8:05 AM]: on it", 3),
                ("ana (8:07 a. m.): yo llevo el dinero de bolsillo a la casa", 4),
            ],
        ),
        (  # a line that ends on a negation or a helping verb, or opens with "or", goes on
            "peer mentor wanted. no experience needed.\n"
            "you will never\n"
            "hand out meds\n"
            "or hold the petty cash\n"
            "text rick\n",
            [
                ("peer mentor wanted. no experience needed.", 1),
                ("you will never hand out meds or hold the petty cash", 2),
                ("text rick", 5),
            ],
        ),
        (  # a list in small letters under a label decides nothing for the text above it
            "Our peer specialists will not\nadminister medication\nor handle client funds.\n"
            "duties:\nlead groups\n",
            [
                (
                    "Our peer specialists will not administer medication or handle client funds. "
                    "duties: lead groups",
                    1,
                )
            ],
        ),
        (  # labels whose values are on the next line, in small letters
            "Reports to:\nclinical director\nSupervised by:\nnurse manager\n"
            "The coach leads recovery groups for members who want them.\n",
            [
                ("Reports to: clinical director", 1),
                ("Supervised by: nurse manager", 3),
                ("The coach leads recovery groups for members who want them.", 5),
            ],
        ),
        (  # a time in prose is no chat message
            "Peer staff will not give medication or\n"
            "handle client funds after 9:00 PM: the night nurse covers both.\n",
            [
                (
                    "Peer staff will not give medication or handle client funds after 9:00 PM: "
                    "the night nurse covers both.",
                    1,
                )
            ],
        ),
        (  # a writer who capitalises and breaks lines by hand keeps one sentence whole
            "Peer staff will not\nadminister medication or handle\nclient funds at any time.\n",
            [("Peer staff will not administer medication or handle client funds at any time.", 1)],
        ),
        (  # lower-case list items under a capitalised lead-in are no lower-case writer
            "Peer staff do not:\na) hold keys to the med room;\nb) count cash or\ncards.\n",
            [
                ("Peer staff do not:", 1),
                ("hold keys to the med room;", 2),
                ("count cash or cards.", 3),
            ],
        ),
    ],
)
def test_lines_of_a_writer_who_starts_them_in_small_letters(
    text: str, expected: list[tuple[str, int]]
) -> None:
    """A chat or a classified ad in small letters: each line is a message or sentence
    of its own, unless it ends mid-sentence (a comma, 'and', 'y', 'de')."""
    assert [(s.text, s.line) for s in segment_text(text) if not s.heading] == expected


def test_a_duty_in_a_lower_case_ad_is_cited_at_its_own_line(tmp_path: Path) -> None:
    data = scan(
        tmp_path,
        "peer mentor wanted for our sober house. no experience needed.\n"
        "you run the weekly groups and drive guys to meetings\n"
        "you will also do the nightly med pass\n"
        "text rick\n",
    )
    assert [f["location"] for f in data["red_flags"] if "med pass" in f["excerpt"]] == ["line 3"]


def test_label_lines_and_table_rows_are_passages_of_their_own() -> None:
    text = "Salary: $46,350 per year\nPay scale & grade: GS 6\nWork schedule: Full-time\n"
    assert [s.text for s in segment_text(text)] == text.strip().split("\n")
    table = "| Position | FTE |\n|---|---|\n| Peer Specialist | 2.0 |\n| Nurse | 1.0 |\n"
    rows = segment_text(table, markdown=True)
    assert [(s.text, s.owner) for s in rows] == [
        ("Position | FTE", "Position"),
        ("Peer Specialist | 2.0", "Peer Specialist"),
        ("Nurse | 1.0", "Nurse"),
    ]


def test_a_line_continued_below_is_not_a_heading_and_a_label_takes_its_value() -> None:
    wrapped = "Peer Specialists are supervised by the ACCS Team Leader, a licensed\nclinician, with weekly supervision.\n"
    (only,) = segment_text(wrapped)
    assert not only.heading and only.text.startswith("Peer Specialists are supervised")
    label = "QUALIFICATIONS\nHigh school diploma.\nREPORTS TO\nClinical Supervisor, LMHC\n"
    texts = [(s.text, s.heading) for s in segment_text(label)]
    assert ("REPORTS TO: Clinical Supervisor, LMHC", False) in texts


def test_reports_to_on_its_own_line_is_a_red_flag(tmp_path: Path) -> None:
    data = scan(tmp_path, "Peer Recovery Navigator\n\nREPORTS TO\nClinical Supervisor, LMHC\n")
    assert flags(data, "peer-supervisors")


# ---- language


def test_a_short_spanish_line_is_not_taken_for_french() -> None:
    line = "6. Realizar cualquier otra función afín que le sea asignada."
    # on its own, "que le" looks French, and "función", "afín" as much Spanish
    assert detect_language(line) is None
    before = Passage("5. Acompañar a los participantes a las citas médicas del programa.", "line 1")
    assert passage_languages([before, Passage(line, "line 2")]) == ["es", "es"]
    english = Passage("Conduct intake assessments for new participants.", "line 3")
    assert passage_languages([before, english])[1] == "en"


def test_spanish_open_ended_duty_is_flagged_in_a_spanish_list(tmp_path: Path) -> None:
    text = (
        "Funciones esenciales:\n"
        "5. Acompañar a los participantes a las citas médicas del programa.\n"
        "6. Realizar cualquier otra función afín que le sea asignada.\n"
    )
    assert any("afín" in f for f in flags(scan(tmp_path, text), "distinct-job-descriptions"))


# ---- evidence


def test_a_red_flag_keeps_only_its_own_sentence_from_being_evidence(tmp_path: Path) -> None:
    text = (
        "All peer staff follow the Massachusetts CPS Code of Ethics. "
        "Peer staff also write progress notes in the EHR for every contact.\n"
    )
    data = scan(tmp_path, text)
    assert flags(data)
    assert evidence(data, "cps-code-of-ethics")
    alone = scan(tmp_path, "Peer staff follow the CPS Code of Ethics and write progress notes.\n")
    assert flags(alone) and not evidence(alone, "cps-code-of-ethics")


def test_label_and_header_lines_are_not_evidence(tmp_path: Path) -> None:
    for line in ("Pay: $19.50 per hour", "Salario: $18.75 por hora", "Pay scale & grade: GS 6 - 7"):
        data = scan(tmp_path, f"Peer Support Specialist\n\n{line}\n")
        assert not evidence(data, "peer-retention-and-pay"), line
    sentence = "Peer specialists start at $24.00 per hour, above entry-level direct support pay.\n"
    assert evidence(scan(tmp_path, sentence), "peer-retention-and-pay")


def test_spanish_wordings_of_fte_pay_training_and_choice(tmp_path: Path) -> None:
    cases = {
        "peer-staffing-ratio": "Contará con 3.0 FTE de especialistas de pares en cada clínica.",
        "peer-retention-and-pay": "Ganan $3.50 por encima del personal de apoyo directo de entrada.",
        "peer-specific-training": "Cada especialista recibe formación específica para pares.",
        "voluntary-peer-support": "Los participantes pueden dejar el apoyo en cualquier momento.",
    }
    for criterion, line in cases.items():
        data = scan(tmp_path, f"Sección 6. Personal de pares\n\n{line}\n")
        assert evidence(data, criterion), line
    english = "Offer peer support that participants choose and can stop at any time.\n"
    assert evidence(scan(tmp_path, english), "voluntary-peer-support")


# ---- whose duty


def test_a_duty_given_to_another_position_is_not_a_red_flag(tmp_path: Path) -> None:
    text = "Peer specialists support residents; a separate fiscal clerk manages personal needs allowances.\n"
    data = scan(tmp_path, text)
    assert flags(data) == []
    assert any("another position ('a separate fiscal clerk')" in r for r in reasons(data))
    assert not evidence(data, "no-clinical-duties")  # it rules nothing out for peers
    peer = "The peer specialist manages personal needs allowances for residents.\n"
    assert flags(scan(tmp_path, peer))


def test_duties_in_another_positions_table_row_are_not_red_flags(tmp_path: Path) -> None:
    table = (
        "## Staffing\n\n"
        "| Position | FTE | Key duties |\n|---|---|---|\n"
        "| Residential Counselor | 6.0 | Medication administration; daily shift notes |\n"
        "| Peer Specialist | 1.0 | Assist residents with medication packs |\n"
        "| Program Nurse | 0.5 | Administers medications |\n"
    )
    data = scan(tmp_path, table, "bid.md")
    assert flags(data) and all("Peer Specialist" in f for f in flags(data))
    assert any("('Program Nurse', its table row)" in r for r in reasons(data))
    docx = tmp_path / "bid.docx"
    render(table, "docx", docx)
    result = CliRunner().invoke(main, ["score", "evidence", str(docx), "--json"])
    from_word = json.loads(result.output)
    # A Word table's row is one passage, as a Markdown table's row is: the same verdicts.
    assert (
        flags(from_word)
        == flags(data)
        == ["Peer Specialist | 1.0 | Assist residents with medication packs"]
    )
    assert any("('Program Nurse', its table row)" in r for r in reasons(from_word))


def test_a_weak_qualifier_rules_no_red_flag_out(tmp_path: Path) -> None:
    data = scan(tmp_path, "Requisitos\n\nExperiencia vivida: preferida, no obligatoria.\n")
    assert flags(data, "distinct-job-descriptions")
    assert not evidence(data, "voluntary-peer-support")
    # "obligatoria" qualifies the experience: no participation is made mandatory
    assert not flags(data, "voluntary-peer-support")
    assert all(r.startswith("a qualifier") for r in reasons(data, "voluntary-peer-support"))
    data = scan(tmp_path, "El apoyo entre pares nunca es obligatorio para los residentes.\n")
    assert evidence(data, "voluntary-peer-support")


TITLE_CASE_DUTIES = (
    "Peer Recovery Coach\n\n"
    "Essential Duties and Responsibilities\n\n"
    "Administer Medications And Monitor Side Effects\n"
    "Manage Client Funds\n"
    "Facilitate Recovery Groups\n\n"
    "Supervision and Support\n\n"
    "The coach meets weekly with a peer supervisor who has worked in a peer role.\n"
)


@pytest.mark.parametrize("name", ["posting.txt", "posting.md"])
def test_a_duty_in_title_case_on_its_own_line_is_read_not_taken_for_a_heading(
    tmp_path: Path, name: str
) -> None:
    """A line that opens with a verb of the duty vocabulary is a duty, however it is
    capitalised; each such line is its own passage, under the real heading."""
    data = scan(tmp_path, TITLE_CASE_DUTIES, name)
    found = {(f["location"], f["heading"]) for f in data["red_flags"]}
    heading = "Essential Duties and Responsibilities"
    assert ("line 5", heading) in found  # medication
    assert ("line 6", heading) in found  # money
    first, second = flags(data)
    assert first == "Administer Medications And Monitor Side Effects"
    assert second.startswith("Manage Client Funds")


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ("Supervision and Support", True),
        ("Essential Duties and Responsibilities", True),
        ("Medication Management Policy", True),
        ("Monitoring and Evaluation", True),
        ("Supervisor Responsibilities", True),
        ("Administración de Medicamentos", True),
        ("ADMINISTER MEDICATIONS", True),  # capitals: a title
        ("Administer Medications And Monitor Side Effects", False),
        ("Manage Client Funds", False),
        ("Monitor Medication Adherence", False),
        ("Administrar Medicamentos", False),
    ],
)
def test_a_heading_names_a_topic_and_a_duty_line_opens_with_its_verb(
    line: str, heading: bool
) -> None:
    from advocacy.evidence.titles import is_title

    assert is_title(line) is heading


def test_a_count_of_peers_is_ratio_evidence_only_as_a_staffing_standard(tmp_path: Path) -> None:
    # "More than one peer worker per team or site": a headcount is not that
    for line in (
        "Our three peer specialists meet as a team every Monday.",
        "Las tres especialistas se reúnen como equipo cada semana.",
        "Two peer staff joined the quality committee this year.",
    ):
        assert not evidence(scan(tmp_path, f"{line}\n"), "peer-staffing-ratio"), line
    for line in (
        "We place two peer specialists on every team so that no peer works alone.",
        "Cada clínica tendrá por lo menos tres especialistas de pares, para que nadie trabaje sola.",
        "The unit is staffed with at least two peers on each shift.",
    ):
        assert evidence(scan(tmp_path, f"{line}\n"), "peer-staffing-ratio"), line


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # Spanish that shares its function words with Portuguese ("dos", "e", "de", "por")
        (
            "El programa tendrá dos especialistas de pares por clínica, para que nadie trabaje sola.",
            "es",
        ),
        ("Habrá dos especialistas de pares por clínica.", "es"),
        ("- Hablar español e inglés. Licencia de manejar vigente.", "es"),
        # Portuguese has letters and words of its own
        ("O especialista de pares não administra medicamentos e não faz anotações clínicas.", "pt"),
    ],
)
def test_spanish_is_not_read_as_portuguese(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_a_short_spanish_posting_gets_no_portuguese_warning(tmp_path: Path) -> None:
    data = scan(tmp_path, "Habrá dos especialistas de pares por clínica.\n")
    assert data["languages"] == {"es": 1}
    assert not any("Portuguese" in w for w in data["warnings"])
