"""Every kind of DOCX the toolkit ships is valid OOXML (openxml-audit finds nothing).

LibreOffice forgives what Word refuses, so the schema check runs on a real
document of each kind: a response letter, a checklist and a score report.
openxml-audit is a test extra; the test fails on CI when it is missing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import openxml_audit, require_tool

from advocacy.cli import main

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "ma-dmh-cbfs"
SHEETS = sorted(str(p) for p in (EXAMPLE / "scores").glob("*.yaml"))

KINDS = {
    "response": ["rfi", "build", str(EXAMPLE / "response.yaml"), "--now", "2017-05-25"],
    "checklist": ["checklist", "build", str(EXAMPLE / "rubric.yaml")],
    "score-report": ["score", "report", *SHEETS],
}


@pytest.mark.parametrize("kind", list(KINDS))
def test_shipped_documents_pass_openxml_audit(kind: str, tmp_path: Path) -> None:
    require_tool("openxml-audit")  # before the work: skip, or fail on CI
    out = tmp_path / f"{kind}.docx"
    result = CliRunner().invoke(main, [*KINDS[kind], "-o", str(out)])
    assert result.exit_code == 0, result.output
    openxml_audit(out)
