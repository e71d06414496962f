"""Property test: whatever a call file holds (any kind, any shape), loading it fails only
with our error, each problem located."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advocacy.errors import AdvocacyError
from advocacy.respond import load_rfi

HEARING = (
    Path(__file__).resolve().parent.parent
    / "examples"
    / "peer-workforce-testimony"
    / "hearing.yaml"
)
LINES = [
    line for line in HEARING.read_text("utf-8").splitlines() if line and not line.startswith("#")
]
VALUES = st.sampled_from(
    [
        "",
        "0",
        "-1",
        "testimoney",
        "public-comment",
        "rfi",
        "[]",
        "{}",
        "[{}]",
        "[{id: 1}]",
        "~",
        "x",
    ]
)


@st.composite
def mutated(draw) -> str:
    lines = list(LINES)
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["delete", "value", "swap"]))
        if op == "delete" and len(lines) > 1:
            del lines[i]
        elif op == "value" and ":" in lines[i]:
            key = lines[i].split(":", 1)[0]
            lines[i] = f"{key}: {draw(VALUES)}"
        else:
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
    return "\n".join(lines) + "\n"


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=mutated())
def test_loading_a_mutated_call_fails_only_with_located_errors(tmp_path: Path, text: str) -> None:
    path = tmp_path / "hearing.yaml"
    path.write_text(text, "utf-8")
    try:
        load_rfi(path)
    except AdvocacyError as exc:
        assert exc.diagnostics and all(d.line >= 1 for d in exc.diagnostics)
