"""Shared test set-up: the rendered sample document."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def sample_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``tests/fixtures/sample.md`` rendered to a .docx file with our reference document."""
    from advocacy.render.docx_writer import markdown_to_docx
    from advocacy.render.frontmatter import split_front_matter

    source = FIXTURES / "sample.md"
    meta, body = split_front_matter(source.read_text(encoding="utf-8"), str(source))
    path = tmp_path_factory.mktemp("docx") / "sample.docx"
    path.write_bytes(markdown_to_docx(meta, body, source=str(source)))
    return path
