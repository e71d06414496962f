"""Every command teaches: its --help has a description and an example (sqlite-utils style)."""

from __future__ import annotations

import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from advocacy import __version__
from advocacy.cli import main


def commands(group: click.Group, prefix: tuple[str, ...] = ()):
    for name, command in sorted(group.commands.items()):
        yield (*prefix, name)
        if isinstance(command, click.Group):
            yield from commands(command, (*prefix, name))


@pytest.mark.parametrize("path", list(commands(main)), ids=" ".join)
def test_every_command_has_help_with_an_example(path: tuple[str, ...]) -> None:
    result = CliRunner().invoke(main, [*path, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output, f"'advocacy {' '.join(path)} --help' shows no example"
    command = main
    for name in path:
        command = command.commands[name]  # type: ignore[attr-defined]
    assert command.help and len(command.help.split()) >= 5


def test_python_dash_m_runs_the_cli() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "advocacy", "--version"], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == f"advocacy, version {__version__}"


def test_usage_errors_exit_2() -> None:
    result = CliRunner().invoke(main, ["points", "list", "--status", "nope"])
    assert result.exit_code == 2
    assert CliRunner().invoke(main, ["no-such-command"]).exit_code == 2


def test_committed_cli_reference_is_current() -> None:
    import importlib.util
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    spec = importlib.util.spec_from_file_location(
        "cli_reference", root / "scripts" / "cli_reference.py"
    )
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    committed = (root / "docs" / "cli.md").read_text("utf-8")
    assert committed == module.reference(), (
        "docs/cli.md is out of date: run python scripts/cli_reference.py"
    )
