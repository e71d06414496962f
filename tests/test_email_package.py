"""``rfi package``: email headers built from addresses, never from pasted strings."""

from __future__ import annotations

import email
import shutil
from email import policy
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from advocacy.cli import main

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "ma-dmh-cbfs"


def package(tmp_path: Path, **respondent: str):
    folder = tmp_path / "example"
    shutil.copytree(EXAMPLE, folder)
    path = folder / "response.yaml"
    data = yaml.safe_load(path.read_text("utf-8"))
    data["respondent"].update(respondent)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")
    out = tmp_path / "draft.eml"
    args = ["rfi", "package", str(path), "-o", str(out), "--now", "2017-05-25"]
    return CliRunner().invoke(main, args), out


@pytest.mark.parametrize(
    "name", ["Morgan Ellery, CPS", "Evil <x@evil.example>", "Sam (Peer) Lee", 'A "quoted" name']
)
def test_display_names_stay_names(tmp_path: Path, name: str) -> None:
    result, out = package(tmp_path, name=name)
    assert result.exit_code == 0, result.output
    message = email.message_from_bytes(out.read_bytes(), policy=policy.default)
    (sender,) = message["From"].addresses
    assert sender.display_name == name
    assert sender.addr_spec == "morgan.ellery@example.org"
    (to,) = message["To"].addresses
    assert to.addr_spec == "rfi-responses@example.org"


@pytest.mark.parametrize("name", ["Sam\nBcc: x@evil.example", "Sam\rLee", "Sam\u2028Lee"])
def test_a_line_break_in_a_header_value_is_a_located_error(tmp_path: Path, name: str) -> None:
    result, out = package(tmp_path, name=name)
    assert result.exit_code == 1
    assert "the name contains a line break, which an email header cannot hold" in result.output
    assert "response.yaml:" in result.output and "internal error" not in result.output
    assert not out.exists()


def test_non_ascii_names_are_encoded(tmp_path: Path) -> None:
    result, out = package(tmp_path, name="José Núñez, CPS")
    assert result.exit_code == 0, result.output
    raw = out.read_bytes()
    assert b"=?utf-8?" in raw  # RFC 2047 encoded word, not raw UTF-8 in the header
    message = email.message_from_bytes(raw, policy=policy.default)
    assert message["From"].addresses[0].display_name == "José Núñez, CPS"
