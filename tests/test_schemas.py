"""The committed JSON Schemas equal what the models generate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from advocacy.cli import main
from advocacy.schemas import SCHEMA_KINDS, json_schema

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"


@pytest.mark.parametrize("kind", list(SCHEMA_KINDS))
def test_committed_schema_is_current(kind: str) -> None:
    committed = json.loads((SCHEMAS / f"{kind}.schema.json").read_text("utf-8"))
    assert committed == json_schema(kind), (
        f"schemas/{kind}.schema.json is out of date: run "
        f"'advocacy schema {kind} > schemas/{kind}.schema.json'"
    )


def test_schema_command_prints_json_and_lists_kinds() -> None:
    result = CliRunner().invoke(main, ["schema", "talking-point"])
    schema = json.loads(result.stdout)
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert "evaluation" in schema["properties"]
    look_for = schema["$defs"]["Evaluation"]["properties"]["look_for"]["items"]
    assert look_for["anyOf"][0] == {"type": "string", "pattern": r"\S"}
    assert CliRunner().invoke(main, ["schema", "--list"]).output.split() == list(SCHEMA_KINDS)
    bad = CliRunner().invoke(main, ["schema", "talking-piont"])
    assert bad.exit_code == 1 and "did you mean 'talking-point'?" in bad.output


def test_schemas_accept_the_shipped_files() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    import yaml

    from advocacy.resources import builtin_library

    root = SCHEMAS.parent
    files = [
        (p, "talking-point")
        for p in sorted(builtin_library().glob("*.yaml"))
        if p.name != "categories.yaml"
    ]
    files += [
        (builtin_library() / "categories.yaml", "categories"),
        (root / "examples/ma-dmh-cbfs/rfi.yaml", "rfi"),
        (root / "examples/ma-dmh-cbfs/response.yaml", "response"),
        (root / "examples/ma-dmh-cbfs/rubric.yaml", "rubric"),
    ]
    files += [
        (p, "score-sheet") for p in sorted((root / "examples/ma-dmh-cbfs/scores").glob("*.yaml"))
    ]
    for path, kind in files:
        data = json.loads(json.dumps(yaml.safe_load(path.read_text("utf-8")), default=str))
        jsonschema.validate(data, json_schema(kind))
