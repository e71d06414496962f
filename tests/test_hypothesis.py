"""Property tests: whatever a volunteer's file holds, the loader fails only with our error.

Mutations of a valid talking point (deleted, duplicated and swapped lines,
inserted characters, changed indentation) are fed to the loader and validator;
every failure must be an AdvocacyError whose diagnostics carry a location.
"""

from __future__ import annotations

import yaml
from factories import point_data
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advocacy.errors import AdvocacyError
from advocacy.models import TalkingPoint, validate_document
from advocacy.yamlio import decode_text, load_yaml

VALID = yaml.safe_dump(point_data(), sort_keys=False, allow_unicode=True)
LINES = VALID.splitlines()
NASTY = st.sampled_from(
    [
        ":",
        "- ",
        "\t",
        "&a ",
        "*a",
        "!!python/object ",
        "{",
        "[",
        "'",
        '"',
        "|",
        ">",
        "#",
        "---",
        "<<: ",
        "? ",
        "%YAML 1.1",
        "\x00",
        "\u00e9",
        "Ã©",
        "  ",
        "\n",
        "2026-02-30",
        "~",
    ]
)


@st.composite
def mutated(draw) -> str:
    lines = list(LINES)
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "insert", "indent", "replace"]))
        i = draw(st.integers(0, len(lines) - 1)) if lines else 0
        if not lines:
            lines.append(draw(NASTY))
        elif op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "insert":
            pos = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:pos] + draw(NASTY) + lines[i][pos:]
        elif op == "indent":
            lines[i] = draw(st.sampled_from(["", " ", "   ", "\t"])) + lines[i].lstrip()
        else:
            lines[i] = draw(st.text(max_size=30))
    return "\n".join(lines) + "\n"


def check(text: str) -> None:
    try:
        doc = load_yaml(text, "point.yaml")
        _, diagnostics = validate_document(TalkingPoint, doc)
    except AdvocacyError as exc:
        diagnostics = exc.diagnostics
    for diag in diagnostics:
        assert diag.file == "point.yaml"
        assert diag.line is not None and diag.line >= 1
        assert diag.message


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_points_fail_only_with_located_errors(text: str) -> None:
    check(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_text_fails_only_with_located_errors(text: str) -> None:
    check(text)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_arbitrary_bytes_fail_only_with_our_error(raw: bytes) -> None:
    try:
        check(decode_text(raw, "point.yaml"))
    except AdvocacyError as exc:
        assert exc.diagnostics[0].line is not None
