"""The DOCX footer: page numbers in the document's language, from the message catalogue."""

from __future__ import annotations

import io

import docx
import pytest
from lxml import etree

from advocacy.i18n import translations
from advocacy.models.document import FrontMatter
from advocacy.render.docx import document as document_writer
from advocacy.render.docx import markdown_to_docx

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def footer_of(**meta: object) -> tuple[str, list[str]]:
    """The footer's text and its field instructions."""
    data = markdown_to_docx(FrontMatter(**meta), "Body text.\n")
    footer = docx.Document(io.BytesIO(data)).sections[0].footer._element
    text = "".join(etree.XPath(".//w:t/text()", namespaces={"w": W_NS})(footer))
    instructions = [t.text.strip() for t in footer.iter(f"{{{W_NS}}}instrText")]
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
