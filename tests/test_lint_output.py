"""Diagnostics print as plain lines, file text verbatim, colour only on a terminal."""

from __future__ import annotations

import click
import pytest

from advocacy.cli._output import note, print_diagnostics, untrusted
from advocacy.errors import Diagnostic, error, warning

#: Texts that Rich could read as markup, emoji codes, escapes or wide characters.
TEXTS = [
    "plain",
    "with [bold]markup[/bold] and [link=x]y[/link]",
    "a backslash at the end \\",
    "emoji codes :smile: and :warning:",
    "an escape \x1b[31mred\x1b[0m",
    "ñ 漢字 👍",
    "long " * 40,
    "a cite [^kiva] and \\[x]",
    "[/]",
]


def diagnostics(count: int) -> list[Diagnostic]:
    found = []
    for i in range(count):
        text = TEXTS[i % len(TEXTS)]
        make = warning if i % 2 else error
        found.append(
            make(
                text,
                f"points/[{i}].yaml" if i % 3 else None,
                i or None,
                2 if i % 4 else None,
                hint=text if i % 5 else None,
                code="stale" if i % 2 else None,
            )
        )
    return found


def expected_lines(found: list[Diagnostic]) -> list[str]:
    """The plain lines: file text verbatim, with escape sequences stripped."""
    lines = []
    for diag in found:
        where = f"{untrusted(diag.location, markup=False)}: " if diag.file else ""
        code = f" [{diag.code}]" if diag.code else ""
        lines.append(f"{where}{diag.severity.value}: {untrusted(diag.message, markup=False)}{code}")
        if diag.hint:
            lines.append(f"  hint: {untrusted(diag.hint, markup=False)}")
    return lines


def test_printed_in_batches_plain_and_verbatim(capsys: pytest.CaptureFixture[str]) -> None:
    found = diagnostics(700)  # more than one batch
    print_diagnostics(found)
    printed = capsys.readouterr()
    assert printed.out == ""
    assert printed.err.splitlines() == expected_lines(found)
    assert len(printed.err.splitlines()) > 1000 and "\x1b" not in printed.err
    # Markup and emoji codes in file text are shown as written, not interpreted.
    assert "with [bold]markup[/bold] and [link=x]y[/link]" in printed.err
    assert "emoji codes :smile: and :warning:" in printed.err


def test_stdout_when_asked(capsys: pytest.CaptureFixture[str]) -> None:
    print_diagnostics(diagnostics(3), stdout=True)
    printed = capsys.readouterr()
    assert printed.err == "" and printed.out.splitlines() == expected_lines(diagnostics(3))


@pytest.mark.parametrize("no_color", [None, "1"])
def test_colour_on_a_terminal_unless_no_color(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], no_color: str | None
) -> None:
    monkeypatch.setattr("click._compat.isatty", lambda stream: True)  # a terminal
    if no_color:
        monkeypatch.setenv("NO_COLOR", no_color)
    else:
        monkeypatch.delenv("NO_COLOR", raising=False)
    print_diagnostics([error("bad field", "points/a.yaml", 3, 1)])
    printed = capsys.readouterr().err
    assert ("\x1b[31merror" in printed) is (no_color is None)
    assert click.unstyle(printed) == "points/a.yaml:3:1: error: bad field\n"


def test_a_note_is_made_safe_to_print(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("click._compat.isatty", lambda stream: True)  # a terminal
    monkeypatch.delenv("NO_COLOR", raising=False)
    note("wrote \x1b[31mred\x1b]8;;http://x\x07link\x1b]8;;\x07.docx")
    assert capsys.readouterr().err == "wrote redlink.docx\n"
