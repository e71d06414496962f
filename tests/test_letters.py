"""Letters an agency reads as one person's testimony: voice, structure, citations, signers."""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from factories import write_library, write_point
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advocacy.cli import main
from advocacy.i18n import format_number, long_datetime, relative_time
from advocacy.library import lint_library, load_library
from advocacy.respond import check_response, load_response, response_markdown, with_appendix
from advocacy.respond.signers import read_signers

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "ma-dmh-cbfs"
BEFORE = "2017-05-25"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def example(tmp_path: Path) -> Path:
    folder = tmp_path / "example"
    shutil.copytree(EXAMPLE, folder)
    return folder


def edit(path: Path, change) -> Path:
    data = yaml.safe_load(path.read_text("utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")
    return path


def letter_body(markdown: str) -> str:
    """The letter after its front matter and before any appendix or footnote."""
    body = markdown.split("\n---\n", 1)[1]
    return re.split(r"\n## Appendix|\n\[\^", body, maxsplit=1)[0]


def chosen_points(path: Path) -> list[str]:
    data = yaml.safe_load(path.read_text("utf-8"))
    return [
        p if isinstance(p, str) else p["id"] for a in data["answers"] for p in a.get("points", [])
    ]


# --------------------------------------------------------------------------- voice


def test_letter_body_has_no_bidder_facing_text_unless_the_appendix_is_on() -> None:
    library = load_library()
    path = EXAMPLE / "response.yaml"
    points = [library.get(i).point for i in chosen_points(path)]
    plain = run("rfi", "build", str(path), "-o", "-", "--now", BEFORE).stdout
    for point in points:
        for text in (point.ask, point.summary):
            assert " ".join(text.split())[:60] not in " ".join(plain.split()), point.id
        assert point.recommendation and " ".join(point.recommendation.split()) in " ".join(
            plain.split()
        )
    with_appendix = run("rfi", "build", str(path), "-o", "-", "--now", BEFORE, "--appendix").stdout
    assert "## Appendix: Suggested requirement language" in with_appendix
    flat = " ".join(with_appendix.split())
    assert all(" ".join(p.ask.split()) in flat for p in points)
    assert all(
        " ".join(p.ask.split())[:60] not in " ".join(letter_body(with_appendix).split())
        for p in points
    )


def test_appendix_counts_only_when_the_rfi_says_so(example: Path) -> None:
    response = edit(example / "response.yaml", lambda d: d.update(appendix=True))
    now = dt.datetime(2017, 5, 25, tzinfo=dt.timezone.utc)
    report = check_response(load_response(response), load_library(), now)
    (appendix,) = [p for p in report.parts if p.name.startswith("appendix")]
    assert appendix.words > 100 and not appendix.counts
    without = report.total_words
    edit(example / "rfi.yaml", lambda d: d["submit"].update(appendix_counts=True))
    counted = check_response(load_response(response), load_library(), now)
    assert counted.total_words == without + appendix.words
    shown = run("rfi", "show", str(example / "rfi.yaml")).output
    assert "appendices count (appendix_counts: true)" in " ".join(shown.split())


def test_approved_point_without_agency_voice_warns_and_fails_strict(tmp_path: Path) -> None:
    library = write_library(tmp_path / "lib", ())
    write_point(library, "peer-ethics", recommendation=None)
    report = lint_library([library_source(library)], dt.date.today())
    assert [d.code for d in report.diagnostics] == ["agency-voice"]
    assert "no recommendation" in report.diagnostics[0].message
    assert report.failed(strict=True) and not report.failed()


def library_source(folder: Path):
    from advocacy.library import LibrarySource

    return LibrarySource("mine", folder)


# --------------------------------------------------------------------------- structure


def test_letter_structure_salutation_asks_topics_and_signature() -> None:
    markdown = run(
        "rfi", "build", str(EXAMPLE / "response.yaml"), "-o", "-", "--now", BEFORE
    ).stdout
    body = letter_body(markdown)
    assert "\nDear Robin Castellano,\n" in body
    assert body.index("Dear Robin") < body.index("I am writing because the new contracts")
    asks = body.index("## What I ask")
    assert asks < body.index("## Question 2: Peer roles in the new contracts")
    assert "1. Hold every peer role to the Certified Peer Specialist Code of Ethics\n" in body
    assert "## Closing" not in markdown and "## Question 2\n" not in markdown
    assert "> Last year a manager asked me" in body  # the writer's own words, set apart
    assert body.rstrip().endswith(
        "Sincerely,\\\nMorgan Ellery\\\nCertified Peer Specialist\\\n"
        "Millbrook Community Services\\\nmorgan.ellery@example.org"
    )


def test_no_contact_greets_the_review_team(example: Path) -> None:
    edit(example / "rfi.yaml", lambda d: d.pop("contact"))
    markdown = response_markdown(load_response(example / "response.yaml"), load_library())
    assert "\nDear review team,\n" in markdown


# --------------------------------------------------------------------------- bugs


def test_anonymous_letter_keeps_from_and_to_apart_and_has_no_signature(example: Path) -> None:
    path = edit(example / "response.yaml", lambda d: d["respondent"].update(anonymous=True))
    markdown = run("rfi", "build", str(path), "-o", "-", "--now", BEFORE).stdout
    assert "**From:** An anonymous respondent (Certified Peer Specialist)\n\n**To:**" in markdown
    assert 'footer: "Response from an anonymous respondent"' in markdown
    assert "Anonymous respondent" not in markdown
    assert "Sincerely," not in markdown and "Morgan" not in markdown


def test_rfi_show_fills_the_subject_pattern() -> None:
    output = " ".join(run("rfi", "show", str(EXAMPLE / "rfi.yaml")).output.split())
    assert "{rfi_title}" not in output
    assert (
        "Subject: RFI response: New Model to replace Community Based Flexible Supports - "
        "<your name>" in output
    )


def test_check_table_rows_add_up_to_the_footer() -> None:
    result = run("rfi", "check", str(EXAMPLE / "response.yaml"), "--now", BEFORE, "--json")
    report = json.loads(result.stdout)
    rows = report["questions"] + report["parts"]
    assert sum(r["own_words"] for r in rows) == report["own_words"]
    assert {p["name"] for p in report["parts"]} == {"opening", "what I ask", "closing"}
    counted = sum(q["words"] for q in report["questions"]) + sum(
        p["words"] for p in report["parts"] if p["counts"]
    )
    assert counted == report["total_words"]
    table = run("rfi", "check", str(EXAMPLE / "response.yaml"), "--now", BEFORE).output
    assert re.search(r"closing\s+36\s+100%", table)


# --------------------------------------------------------------------------- citations


def test_docx_footnotes_cover_every_cited_source_and_no_other(tmp_path: Path) -> None:
    library = load_library()
    out = tmp_path / "letter.docx"
    result = run("rfi", "build", str(EXAMPLE / "response.yaml"), "-o", str(out), "--now", BEFORE)
    assert result.exit_code == 0, result.output
    markdown = run(
        "rfi", "build", str(EXAMPLE / "response.yaml"), "-o", "-", "--now", BEFORE
    ).stdout
    labels = re.findall(r"(?m)^\[\^([^\]]+)\]:", markdown)
    assert labels and len(labels) == len(set(labels))
    with zipfile.ZipFile(out) as package:
        document = package.read("word/document.xml").decode("utf-8")
        notes = package.read("word/footnotes.xml").decode("utf-8")
    references = set(re.findall(r'<w:footnoteReference w:id="(\d+)"', document))
    bodies = set(re.findall(r'<w:footnote w:id="(\d+)"', notes)) - {"-1", "0"}
    assert references == bodies and len(bodies) == len(labels)
    cited_urls = re.findall(r"(?m)^\[\^[^\]]+\]:.*<(https://[^>]+)>", markdown)
    assert len(cited_urls) == len(set(cited_urls)) == 9  # each source listed once
    for url in cited_urls:
        assert notes.count(url.replace("&", "&amp;")) == 1
    every = {
        s.link
        for i in chosen_points(EXAMPLE / "response.yaml")
        for s in library.get(i).point.sources
    }
    assert every - set(cited_urls)  # some sources of the chosen points are not cited...
    for url in every - set(cited_urls):
        assert url not in notes and url not in document  # ...and so not listed
    # A later citation of a source refers back to its first footnote, by Word's number.
    assert re.search(r"(?m)^\[\^kiva-cps-code-\d+\]: See note 1\.$", markdown)
    texts = {
        number: "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", body)).strip()
        for number, body in re.findall(r'<w:footnote w:id="(\d+)">(.*?)</w:footnote>', notes, re.S)
    }
    titles = dict(re.findall(r"(?m)^\[\^([^\]]+)\]: (.+?)\. ", markdown))
    repeats = re.findall(r"(?m)^\[\^(.+)-(\d+)\]: See note (\d+)\.$", markdown)
    assert len(repeats) == 5
    for label, number, first in repeats:
        assert texts[number] == f"See note {first}."
        assert texts[first].startswith(titles[label].replace("\\&", "&amp;"))
    assert "## Sources" not in markdown


def cited_library(tmp_path: Path, year: int) -> Path:
    library = write_library(tmp_path / "lib", ())
    write_point(
        library,
        "cps-code-of-ethics",
        rationale="A fresh study.[^study]",
        sources=[
            {
                "id": "study",
                "title": "A study",
                "publisher": "A journal",
                "year": year,
                "url": "https://example.org/study",
            }
        ],
    )
    return library


@pytest.mark.parametrize(("letter_date", "warned"), [("2018-12-31", False), ("2017-12-31", True)])
def test_anachronism_warning_at_its_boundary(
    tmp_path: Path, letter_date: str, warned: bool
) -> None:
    from advocacy.library import library_sources

    library = load_library(library_sources([cited_library(tmp_path, 2018)]))
    report = check_response(
        load_response(EXAMPLE / "response.yaml"),
        library,
        dt.datetime(2017, 5, 25, tzinfo=dt.timezone.utc),
        date=dt.date.fromisoformat(letter_date),
    )
    found = [d for d in report.diagnostics if d.code == "source-date"]
    assert bool(found) is warned
    if warned:
        assert found[0].file.endswith("cps-code-of-ethics.yaml") and found[0].line
        assert "dated 2017-12-31 but cites 'study', dated 2018" in found[0].message
    # The shipped example, dated 2017-05-30, cites nothing published after 2017.
    shipped = check_response(load_response(EXAMPLE / "response.yaml"), load_library())
    assert not [d for d in shipped.diagnostics if d.code == "source-date"]


def test_lint_reports_citation_and_source_problems(tmp_path: Path) -> None:
    library = write_library(tmp_path / "lib", ())
    write_point(
        library,
        "peer-ethics",
        rationale="Cited.[^one] And a typo.[^too]",
        sources=[
            {"id": "one", "title": "One", "publisher": "P", "url": "http://example.org/one"},
            {"id": "two", "title": "Two", "publisher": "P", "url": "https://example.org/"},
            {"id": "three", "title": "Three", "publisher": "P", "year": 2099},
        ],
    )
    report = lint_library([library_source(library)], dt.date.today())
    messages = [(d.code, d.message) for d in report.diagnostics]
    assert (
        "citation",
        "rationale cites [^too], which is not the id of one of this point's sources",
    ) in messages
    assert ("uncited-source", "source 'two' is never cited") in messages
    assert ("source-link", "source 'one' links with http:") in messages
    assert (
        "source-link",
        "source 'two' links only to a site's home page (example.org)",
    ) in messages
    assert ("source-link", "source 'three' has no URL or DOI") in messages
    assert any(c == "source-date" and "'three' is dated 2099" in m for c, m in messages)
    assert all(d.line for d in report.diagnostics)


def test_glossary_terms_are_reported_in_spanish_translations(tmp_path: Path) -> None:
    library = write_library(tmp_path / "lib", ())
    write_point(
        library,
        "peer-ethics",
        translations={
            "es": {
                "title": "Ética",
                "body": "Un trabajador par no participa en retenciones involuntarias.",
            }
        },
    )
    report = lint_library([library_source(library)], dt.date.today())
    glossary = [d for d in report.diagnostics if d.code == "glossary"]
    assert {d.hint for d in glossary} == {
        "the glossary uses: persona en un rol de pares; personal de pares",
        "the glossary uses: hospitalización involuntaria",
    }


# --------------------------------------------------------------------------- signers


def write_signers(path: Path, count: int) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["name", "role", "organisation", "town", "agreed", "withdrawn"])
        for n in range(1, count + 1):
            writer.writerow(
                [f"Signer {n:02d}", "Peer Specialist", f"Org {n % 7}", "Holyoke", "2017-05-20", ""]
            )
        writer.writerow(["signer 07 ", "", "ORG 0", "", "2017-05-21", ""])  # a duplicate
        writer.writerow(["Signer 03", "", "Org 3", "", "2017-05-21", "yes"])  # withdrawn
        writer.writerow(["Pat Quinn", "", "", "Amherst", "2017-05-22", "no"])


def test_sign_on_letter_with_fifty_signers(example: Path) -> None:
    write_signers(example / "signers.csv", 50)
    path = edit(example / "response.yaml", lambda d: d.update(signers="signers.csv"))
    result = run("rfi", "check", str(path), "--now", BEFORE, "--json")
    report = json.loads(result.stdout)
    assert report["signers"] == 50  # 50 + Pat Quinn - Signer 03 (withdrawn), duplicate merged
    (duplicate,) = [d for d in report["diagnostics"] if d["code"] == "duplicate-signer"]
    assert duplicate["line"] == 52 and "lines 8 and 52" in duplicate["message"]
    markdown = run("rfi", "build", str(path), "-o", "-", "--now", BEFORE).stdout
    assert "50 people sign this letter with me; the signers are listed at the end." in markdown
    appendix = markdown.split("## Appendix: Signers", 1)[1]
    listed = re.findall(r"(?m)^\d+\. (.+)$", appendix)
    assert len(listed) == 50 and "Signer 03" not in appendix
    assert (
        listed[-1] == "Pat Quinn, Amherst"
        and listed[0] == "Signer 01, Peer Specialist, Org 1, Holyoke"
    )
    assert sum("Signer 07" in line for line in listed) == 1


def test_signers_csv_needs_the_date_each_agreed(tmp_path: Path) -> None:
    path = tmp_path / "signers.csv"
    path.write_text("name,town,agreed\nAna,Holyoke,\n", "utf-8")
    with pytest.raises(Exception, match="agreed") as info:
        read_signers(path)
    assert info.value.diagnostics[0].line == 2


def test_sign_on_docx_passes_openxml_audit(example: Path) -> None:
    audit = shutil.which("openxml-audit")
    if audit is None:
        if os.environ.get("CI") == "true":
            pytest.fail("openxml-audit is missing on CI")
        pytest.skip("openxml-audit is not installed")
    write_signers(example / "signers.csv", 50)
    path = edit(example / "response.yaml", lambda d: d.update(signers="signers.csv", appendix=True))
    out = example / "signed.docx"
    result = run("rfi", "build", str(path), "-o", str(out), "--now", BEFORE)
    assert result.exit_code == 0, result.output
    check = subprocess.run([audit, str(out)], capture_output=True, text=True, timeout=120)
    assert check.returncode == 0, check.stdout + check.stderr


# --------------------------------------------------------------------------- Spanish


def test_spanish_uses_us_conventions_unless_a_region_is_chosen() -> None:
    assert format_number(1234.5, "es") == "1,234.5"
    assert format_number(1234.5, "es-ES") == "1.234,5"
    when = dt.datetime(2017, 6, 2, 12, 0, tzinfo=dt.timezone.utc)
    assert "12:00 p.m." in long_datetime(when, "es")
    assert relative_time(when, when - dt.timedelta(hours=28), "es") == "dentro de 28 horas"
    assert relative_time(when, when + dt.timedelta(days=3300), "es") == "hace 9 años"


def test_rfi_may_count_the_letter_parts_toward_one_question(example: Path) -> None:
    rfi = example / "rfi.yaml"
    edit(rfi, lambda d: d["submit"].update(letter_counts_toward="peer-roles"))
    shown = " ".join(run("rfi", "show", str(rfi)).output.split())
    assert "the closing count toward the limit of question 2 and the overall limit" in shown
    result = run("rfi", "check", str(example / "response.yaml"), "--now", BEFORE, "--json")
    report = json.loads(result.stdout)
    parts = sum(p["words"] for p in report["parts"])
    (over,) = [d for d in report["diagnostics"] if d["code"] == "word-limit"]
    words = next(q["words"] for q in report["questions"] if q["id"] == "peer-roles")
    assert words <= 600 < words + parts
    assert over["message"] == (
        f"the answer to question 2 has {words + parts} words with the opening, list of asks "
        "and closing; the limit is 600"
    )
    edit(rfi, lambda d: d["submit"].update(letter_counts_toward="nope"))
    bad = run("rfi", "show", str(rfi))
    assert bad.exit_code == 1 and "letter_counts_toward names no question: 'nope'" in bad.output


def test_untranslated_warning_names_only_what_the_letter_prints(tmp_path: Path) -> None:
    from advocacy.library import library_sources

    folder = write_library(tmp_path / "lib", ())
    translation = {"title": "Ética", "recommendation": "Exija el código.", "rationale": "Protege."}
    write_point(folder, "cps-code-of-ethics", translations={"es": translation})
    library = load_library(library_sources([folder]))
    loaded = load_response(EXAMPLE / "response-es.yaml")
    report = check_response(loaded, library, dt.datetime(2017, 5, 25, tzinfo=dt.timezone.utc))
    assert not [d for d in report.diagnostics if d.code == "untranslated"]  # body, ask: not printed
    report = check_response(
        with_appendix(loaded, True), library, dt.datetime(2017, 5, 25, tzinfo=dt.timezone.utc)
    )
    (warned,) = [d for d in report.diagnostics if d.code == "untranslated"]
    assert "has no translation of ask in 'es'" in warned.message


def test_rfi_lint_and_check_report_a_missing_or_bad_signers_file(example: Path) -> None:
    path = edit(example / "response.yaml", lambda d: d.update(signers="signers.csv"))
    lint = run("rfi", "lint", str(path))
    assert lint.exit_code == 1 and "no signers file 'signers.csv'" in lint.output
    (example / "signers.csv").write_text("name,agreed,withdrawn\nAna,2017-05-01,maybe\n", "utf-8")
    check = run("rfi", "check", str(path), "--now", BEFORE)
    assert check.exit_code == 1
    assert (
        f"{example / 'signers.csv'}:2" in check.output
        and "withdrawn must be yes or no" in check.output
    )


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text=st.text(
        alphabet=st.sampled_from('name,role,agreed,withdrawn"\n 2017-05-01yesnoAnaé'), max_size=200
    )
)
def test_signers_reader_raises_only_our_error(tmp_path: Path, text: str) -> None:
    from advocacy.errors import AdvocacyError

    path = tmp_path / "signers.csv"
    path.write_text(text, "utf-8")
    try:
        found = read_signers(path)
    except AdvocacyError as exc:
        assert exc.diagnostics[0].file == str(path)
    else:
        assert all(s.name for s in found.signers)
