"""The DOCX footer: page numbers in the document's language, from the message catalogue."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from conftest import libreoffice_pages, openxml_audit, w, xpath

from advocacy.i18n import translations
from advocacy.models.document import FrontMatter
from advocacy.render import render
from advocacy.render.docx import document as document_writer
from advocacy.render.docx import markdown_to_docx


def footer_of(**meta: object) -> tuple[str, list[str]]:
    """The footer's text and its field instructions."""
    data = markdown_to_docx(FrontMatter(**meta), "Body text.\n")
    footer = docx.Document(io.BytesIO(data)).sections[0].footer._element
    text = "".join(xpath(footer, ".//w:t/text()"))
    instructions = [t.text.strip() for t in footer.iter(w("instrText"))]
    return text, instructions


@pytest.mark.parametrize(
    ("lang", "expected"), [("en", "Page 1"), ("es", "Página 1"), ("es-US", "Página 1")]
)
def test_page_label_follows_the_document_language(lang: str, expected: str) -> None:
    text, instructions = footer_of(lang=lang)
    assert text.endswith(expected)
    assert instructions == ["PAGE"]


def test_page_label_is_a_catalogue_message(monkeypatch: pytest.MonkeyPatch) -> None:
    """The word comes from gettext, and the field goes where the placeholder is."""
    assert translations("es").gettext("Page %(page)s") == "Página %(page)s"
    monkeypatch.setattr(
        document_writer, "gettext_for", lambda lang: {"Page %(page)s": "%(page)s. oldal"}.get
    )
    text, instructions = footer_of(lang="hu")
    assert text.endswith("1. oldal") and instructions == ["PAGE"]


@pytest.mark.parametrize(("lang", "expected"), [("en", "Page 1 of 1"), ("es", "Página 1 de 1")])
def test_page_total_from_front_matter(lang: str, expected: str) -> None:
    text, instructions = footer_of(lang=lang, page_total=True, footer="Draft")
    assert text == f"Draft{expected}"
    assert instructions == ["PAGE", "NUMPAGES"]


@pytest.mark.libreoffice
def test_page_total_through_render_and_libreoffice(tmp_path: Path) -> None:
    """A real layout engine fills both fields: two pages say 'Page 1 of 2' and 'Page 2 of 2'."""
    markdown = "---\ntitle: Two pages\npage_total: true\n---\nOne.\n\n<!-- pagebreak -->\n\nTwo.\n"
    path = tmp_path / "two.docx"
    render(markdown, "docx", path)
    openxml_audit(path)
    pages = libreoffice_pages(path, tmp_path)
    assert len(pages) == 2
    assert "Page 1 of 2" in pages[0] and "Page 2 of 2" in pages[1]
