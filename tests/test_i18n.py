"""Language access: Spanish catalogues, translated points, fallback that is never silent."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import zipfile
from pathlib import Path

import docx
import pytest
import yaml
from babel.messages.extract import extract_from_file
from click.testing import CliRunner
from factories import write_library, write_point

from advocacy.cli import main
from advocacy.evaluate import checklist_markdown, load_rubric, report_markdown, score_report
from advocacy.evaluate.checks import CHECKS, INPUT_LABELS
from advocacy.evaluate.sheets import collect_sheets
from advocacy.i18n import long_date, translations
from advocacy.library import load_library
from advocacy.models import DEFAULT_LEVELS
from advocacy.render.templating import template_environment
from advocacy.resources import templates_dir

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "ma-dmh-cbfs"
GOLDEN = Path(__file__).resolve().parent / "golden"
BEFORE = "2017-05-25"


def run(*args: str, **kwargs):
    return CliRunner().invoke(main, list(args), **kwargs)


def used_messages() -> set[str | tuple[str, str]]:
    """Every message the shipped templates and the code ask the catalogue for
    (a plural message as its singular and plural)."""
    env = template_environment(None, "en")
    found: set[str | tuple[str, str]] = set()
    for path in sorted(templates_dir().rglob("*.j2")):
        for _, function, message in env.extract_translations(path.read_text("utf-8")):
            if isinstance(message, str) or function == "_":
                found.add(message if isinstance(message, str) else message[0])
            else:
                found.add((message[0], message[1]))
    for path in sorted((ROOT / "advocacy").rglob("*.py")):
        found |= {m[1] for m in extract_from_file("python", str(path)) if isinstance(m[1], str)}
    found |= (
        set(DEFAULT_LEVELS.values())
        | set(INPUT_LABELS.values())
        | {c.note for c in CHECKS.values()}
    )
    return found | {"computed"}


@pytest.mark.parametrize("lang", sorted(p.name for p in (templates_dir() / "locale").iterdir()))
def test_every_message_has_a_translation_with_the_same_placeholders(lang: str) -> None:
    catalogue = translations(lang)
    assert ("What I ask" in used_messages()) and any(isinstance(m, tuple) for m in used_messages())
    for entry in sorted(used_messages(), key=str):
        if isinstance(entry, tuple):
            message, translated = entry[1], catalogue.ngettext(*entry, 2)
        else:
            message, translated = entry, catalogue.gettext(entry)
        assert translated != message or message in ("Final",), (
            f"{lang}: no translation for {message!r}"
        )
        assert set(re.findall(r"%\(\w+\)s", translated)) == set(re.findall(r"%\(\w+\)s", message))


def test_dates_in_long_form_per_language() -> None:
    assert long_date(dt.date(2017, 6, 2), "en") == "June 2, 2017"
    assert long_date(dt.date(2017, 6, 2), "es") == "2 de junio de 2017"
    assert long_date(dt.date(2017, 6, 2), "es-US") == "2 de junio de 2017"


# --------------------------------------------------------------------------- responses


def test_spanish_response_docx_is_spanish_throughout(tmp_path: Path) -> None:
    out = tmp_path / "r.docx"
    result = run("rfi", "build", str(EXAMPLE / "response-es.yaml"), "-o", str(out), "--now", BEFORE)
    assert result.exit_code == 0, result.output
    document = docx.Document(str(out))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings == [
        "Lo que pido",
        "Pregunta 2: Los roles de pares en los nuevos contratos",
        "Pregunta 6: Otras consideraciones",
    ]
    text = "\n".join(p.text for p in document.paragraphs)
    for words in (
        "De:",
        "Para:",
        "Fecha: 31 de mayo de 2017",
        "Estimado/a Robin Castellano:",
        "Atentamente,",
        "Exija a cada proponente que mantenga todos sus roles de pares",
    ):
        assert words in text, words
    assert "Lo que toda propuesta debe explicar" not in text and "Cierre" not in text
    assert document.core_properties.language == "es"
    styles = zipfile.ZipFile(out).read("word/styles.xml").decode("utf-8")
    assert re.search(r'<w:docDefaults>.*<w:lang w:val="es"', styles, re.S)


def test_lang_option_overrides_the_response_language() -> None:
    result = run(
        "rfi",
        "build",
        str(EXAMPLE / "response-es.yaml"),
        "-o",
        "-",
        "--now",
        BEFORE,
        "--lang",
        "en",
    )
    assert result.exit_code == 0, result.output
    assert "## Question 2" in result.stdout and "lang: en" in result.stdout
    # The same letter in Spanish is longer: the checks count the Spanish words.
    longer = run("rfi", "check", str(EXAMPLE / "response.yaml"), "--now", BEFORE, "--lang", "es")
    assert longer.exit_code == 1 and "the limit is 600" in longer.output
    bad = run("rfi", "build", str(EXAMPLE / "response.yaml"), "-o", "-", "--lang", "spanish!")
    assert bad.exit_code == 2


def test_untranslated_point_falls_back_to_english_with_a_note_and_a_warning(tmp_path: Path) -> None:
    library = write_library(tmp_path / "mine", ())
    write_point(library, "cps-code-of-ethics", title="Our own ethics point")  # no translations
    result = run(
        "--library",
        str(library),
        "rfi",
        "build",
        str(EXAMPLE / "response-es.yaml"),
        "-o",
        "-",
        "--now",
        BEFORE,
    )
    assert result.exit_code == 0, result.output
    assert "**Our own ethics point.**" in result.stdout
    # A note meant for the writer: on the terminal, never in the letter.
    assert "Este punto todavía no está traducido" not in result.stdout
    assert "has no translation in 'es'; English is shown instead [untranslated]" in result.stderr


def test_spanish_response_matches_golden() -> None:
    result = run("rfi", "build", str(EXAMPLE / "response-es.yaml"), "-o", "-", "--now", BEFORE)
    golden = GOLDEN / "response-es.md"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(result.stdout, "utf-8")
    assert result.stdout == golden.read_text("utf-8"), "run with UPDATE_GOLDEN=1 to accept"


# --------------------------------------------------------------------------- evaluation


@pytest.mark.parametrize("lang", ["en", "es"])
def test_checklist_and_report_golden_in_both_languages(lang: str) -> None:
    library = load_library()
    rubric = load_rubric(EXAMPLE / "rubric.yaml", library)
    sheets, agreed = collect_sheets(sorted((EXAMPLE / "scores").glob("*.yaml")))
    outputs = {
        "checklist": checklist_markdown(rubric, lang=lang),
        "score-report": report_markdown(score_report(sheets, rubric, agreed), lang=lang),
    }
    for name, markdown in outputs.items():
        golden = GOLDEN / (f"{name}.md" if lang == "en" else f"{name}-{lang}.md")
        if os.environ.get("UPDATE_GOLDEN"):
            golden.write_text(markdown, "utf-8")
        assert markdown == golden.read_text("utf-8"), f"{golden.name}: run with UPDATE_GOLDEN=1"
    if lang == "es":
        assert "**Pregunta:**" in outputs["checklist"] and "No se aborda" in outputs["checklist"]
        assert "## Clasificación" in outputs["score-report"]
        assert "30 personas por FTE de pares" in outputs["score-report"]
        assert "35.75 de 40.50" in outputs["score-report"]  # US Spanish numbers (es_US)


def test_checklist_cli_in_spanish_sets_word_language(tmp_path: Path) -> None:
    out = tmp_path / "lista.docx"
    result = run("checklist", "build", str(EXAMPLE / "rubric.yaml"), "--lang", "es", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert docx.Document(str(out)).core_properties.language == "es"
    assert "warning" not in result.output  # every shipped point has a Spanish translation


def test_score_report_json_messages_in_spanish() -> None:
    sheets = sorted(str(p) for p in (EXAMPLE / "scores").glob("*.yaml"))
    data = json.loads(run("score", "report", *sheets, "--json", "--lang", "es").stdout)
    messages = [c["message"] for b in data["bids"] for c in b["computed"]]
    assert any("personas por FTE de pares" in m for m in messages)


# --------------------------------------------------------------------------- lint and show


def test_lint_reports_coverage(tmp_path: Path) -> None:
    result = run("points", "lint", "--lang", "es")
    assert result.exit_code == 0
    assert "es: 16 of 16 approved points have a complete translation" in result.output
    data = json.loads(run("points", "lint", "--lang", "fr", "--format", "json").stdout)
    assert data["coverage"]["complete"] == [] and len(data["coverage"]["missing"]) == 16


def test_lint_flags_stale_and_incomplete_translations(tmp_path: Path) -> None:
    library = write_library(tmp_path / "mine", ())
    write_point(
        library,
        "peer-ethics",
        reviewed=dt.date(2026, 11, 1),
        translations={
            "es": {"title": "Ética", "summary": "Resumen.", "reviewed": dt.date(2026, 1, 1)}
        },
    )
    result = run(
        "points", "lint", str(library), "--format", "json", "--today", "2026-11-23", "--lang", "es"
    )
    codes = {d["code"]: d["message"] for d in json.loads(result.stdout)["diagnostics"]}
    assert "older than the source text (reviewed 2026-11-01)" in codes["stale-translation"]
    message = codes["incomplete-translation"]
    assert "lacks: body, ask, recommendation, rationale, evaluation.question" in message
    assert json.loads(result.stdout)["coverage"]["missing"] == ["peer-ethics"]


def test_translated_mojibake_is_caught(tmp_path: Path) -> None:
    library = write_library(tmp_path / "mine", ())
    path = write_point(library, "peer-ethics")
    text = path.read_text("utf-8") + 'translations:\n  es:\n    title: "Ã‰tica entre pares"\n'
    path.write_text(text, "utf-8")
    result = run("points", "lint", str(path), "--format", "json")
    assert "mojibake" in {d["code"] for d in json.loads(result.stdout)["diagnostics"]}


def test_points_show_in_spanish_and_fallback_warning(tmp_path: Path) -> None:
    result = run("points", "show", "small-peer-teams", "--lang", "es")
    spanish = yaml.safe_load((ROOT / "talking_points" / "small-peer-teams.yaml").read_text("utf-8"))
    shown = " ".join(result.output.replace("│", " ").split())
    spanish_text = spanish["translations"]["es"]
    assert " ".join(spanish_text["title"].split()) in shown  # the whole title, not one word
    assert " ".join(spanish_text["summary"].split()) in shown
    assert " ".join(spanish["title"].split()) not in shown  # and not the English one
    library = write_library(tmp_path / "mine", ("peer-ethics",))
    result = run("--library", str(library), "points", "show", "peer-ethics", "--lang", "es")
    assert "has no translation in 'es'" in result.output
