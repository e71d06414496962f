"""Talking points beyond Massachusetts: national standards and federal Medicaid guidance.

Each point is checked for what a testimony or a public comment needs from it:
the facts it states are tied to the source that supports them, every source
can be followed, and the Spanish text is complete and follows the glossary.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from click.testing import CliRunner

from advocacy.cli import main
from advocacy.library import load_library
from advocacy.models.talking_point import CITATION_PATTERN
from advocacy.point_checks import SPANISH_GLOSSARY

NATIONAL = {
    "national-practice-guidelines": "values",
    "peer-certification-standards": "training",
    "medicaid-peer-services": "supervision",
}


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.fixture(scope="module")
def points():  # -> dict[str, TalkingPoint]
    library = load_library()
    return {pid: library.points[pid].point for pid in NATIONAL}


def cited_in(text: str | None) -> set[str]:
    return set(re.findall(CITATION_PATTERN, text or ""))


def sentence_with(text: str, words: str) -> str:
    """The sentence (up to its citation) of ``text`` that contains ``words``."""
    flat = " ".join(text.split())
    found = re.search(rf"[^.]*{re.escape(words)}[^.]*\.(?:\[\^[^\]]+\])*", flat)
    assert found, f"no sentence with {words!r}"
    return found.group(0)


def test_national_points_are_approved_in_their_categories(points) -> None:
    for pid, category in NATIONAL.items():
        point = points[pid]
        assert point.status == "approved" and point.category == category, pid
        assert point.recommendation and point.rationale and point.evaluation.look_for, pid


def test_every_source_is_cited_and_links_to_a_page_over_https(points) -> None:
    for pid, point in points.items():
        ids = {s.id for s in point.sources}
        cited = cited_in(point.body) | cited_in(point.rationale)
        assert ids == cited, pid  # nothing cited that is not listed, nothing listed uncited
        for source in point.sources:
            parts = urlsplit(source.link or "")
            assert parts.scheme == "https" and parts.path not in ("", "/"), (pid, source.id)


def test_federal_facts_are_tied_to_the_federal_documents(points) -> None:
    medicaid = points["medicaid-peer-services"]
    urls = {s.id: s.link for s in medicaid.sources}
    assert urls["cms-smdl-2007"].endswith("SMD081507A.pdf")
    assert urls["cms-faq-2024"].endswith("faq06052024.pdf")
    body = medicaid.body
    assert "[^cms-faq-2024]" in sentence_with(body, "living wage")
    assert "[^cms-smdl-2007]" in sentence_with(body, "competent")
    for area in ("supervision", "care coordination", "training and credentialing"):
        assert area in " ".join(body.split())
    assert {"cms-smdl-2007", "cms-faq-2024"} <= cited_in(medicaid.rationale)
    standards = points["peer-certification-standards"]
    assert "PEP23-10-01-001" in standards.body
    assert "[^psychu-2023]" in sentence_with(standards.body, "eleven standards")
    guidelines = points["national-practice-guidelines"]
    assert "[^npg-2013]" in sentence_with(guidelines.body, "98%")


def test_spanish_is_complete_cites_the_same_sources_and_follows_the_glossary(points) -> None:
    for pid, point in points.items():
        es = point.translations["es"]
        assert es.reviewed is not None and es.reviewed >= point.reviewed, pid
        for field in ("title", "summary", "body", "ask", "recommendation", "rationale"):
            assert getattr(es, field), (pid, field)
        assert cited_in(es.body) | cited_in(es.rationale) == {s.id for s in point.sources}, pid
        text = " ".join(str(getattr(es, f)) for f in ("body", "ask", "recommendation"))
        for pattern, preferred in SPANISH_GLOSSARY:
            assert not pattern.search(text), (pid, preferred)


def test_files_carry_the_review_header() -> None:
    library = load_library()
    for pid in NATIONAL:
        head = library.points[pid].path.read_text("utf-8").splitlines()[:3]
        assert head[0].startswith("# yaml-language-server: $schema=")
        assert "needs review by a fluent speaker" in head[2]


def test_show_in_spanish_and_lint_strict() -> None:
    result = run("points", "show", "medicaid-peer-services", "--lang", "es")
    assert result.exit_code == 0, result.output
    assert "salario digno" in result.output and "SMDL #07-011" in result.output
    lint = run("points", "lint", "--strict")
    assert lint.exit_code == 0, lint.output
