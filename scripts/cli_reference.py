"""Write docs/cli.md, the CLI reference, from the commands' own --help.

Run from the repository root:  python scripts/cli_reference.py
A test fails when the committed copy differs from what this prints, so the
reference cannot drift from the code.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from advocacy.cli import main  # noqa: E402

OUTPUT = ROOT / "docs" / "cli.md"


def commands(group: click.Group, prefix: tuple[str, ...] = ()):
    for name, command in sorted(group.commands.items()):
        yield (*prefix, name)
        if isinstance(command, click.Group):
            yield from commands(command, (*prefix, name))


def reference() -> str:
    runner = CliRunner()
    parts = [
        "# advocacy command reference",
        "",
        "Generated from each command's `--help` by `scripts/cli_reference.py`; do not edit.",
        "",
    ]
    for path in [(), *commands(main)]:
        result = runner.invoke(main, [*path, "--help"], prog_name="advocacy", terminal_width=100)
        title = " ".join(("advocacy", *path))
        parts += [f"## {title}", "", "```text", result.output.rstrip(), "```", ""]
    return "\n".join(parts)


if __name__ == "__main__":
    OUTPUT.write_text(reference(), "utf-8")
    print(f"wrote {OUTPUT}")
