"""``advocacy schema``: print the JSON Schema of a file kind."""

from __future__ import annotations

import click


@click.command(
    epilog="""\b
Examples:
  advocacy schema talking-point > talking-point.schema.json
  advocacy schema --list
"""
)
@click.argument("kind", required=False)
@click.option("--list", "list_kinds", is_flag=True, help="List the kinds of file with a schema.")
def schema(kind: str | None, list_kinds: bool) -> None:
    """Print the JSON Schema of a file kind, such as talking-point.

    Point your editor at it, or add a first line
    '# yaml-language-server: $schema=PATH' to a YAML file, to get completion
    and checking as you type.
    """
    from advocacy.cli._output import print_json
    from advocacy.schemas import SCHEMA_KINDS, json_schema

    if list_kinds or kind is None:
        for name in SCHEMA_KINDS:
            click.echo(name)
        return
    print_json(json_schema(kind))
