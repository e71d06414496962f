"""The refusals of the YAML reader keep their place and hint on every kind of key."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from advocacy import yamlio
from advocacy.errors import AdvocacyError
from advocacy.yamlio import load_yaml, read_limited


def refusal(text: str) -> tuple[str, int | None, int | None, str | None]:
    with pytest.raises(AdvocacyError) as caught:
        load_yaml(text, "f.yaml")
    (diagnostic,) = caught.value.diagnostics
    return diagnostic.message, diagnostic.line, diagnostic.column, diagnostic.hint


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: 1\nb: 2\na: 3\n", ("duplicate key 'a'", 3, 1, "'a' is already set on line 1")),
        ("x: {b: 1}\ny:\n  c: 2\n  c: 3\n", ("duplicate key 'c'", 4, 3, "on line 3")),
        # keys that are equal as values are the same key, whatever their spelling
        ("1: a\nz: b\n1.0: c\n", ("duplicate key 1.0", 3, 1, "1.0 is already set on line 1")),
        ("null: a\n~: b\n", ("duplicate key None", 2, 1, "None is already set on line 1")),
        ("2024-01-02: a\n2024-01-02: b\n", ("duplicate key datetime.date(2024, 1, 2)", 2, 1, "")),
        # an alias as a key names the anchored key: its place is the anchor's
        ("&k a: 1\n*k : 2\n", ("duplicate key 'a'", 1, 1, "'a' is already set on line 1")),
        ("a: 1\n<<: {b: 2}\n", ("merge keys ('<<') are not supported", 2, 1, "in full")),
        ("!!merge a: 1\n", ("merge keys ('<<') are not supported", 1, 1, "in full")),
        ("a: 1\n? [b]\n: 2\n", ("a key must be plain text, not a list or mapping", 2, 3, "'?'")),
        ("!!str {a: 1}: 2\n", ("a key must be plain text, not a list or mapping", 1, 1, "'?'")),
        ("!foo a: 1\n", ("unsupported YAML tag '!foo'", 1, 1, "remove the '!' tag")),
    ],
)
def test_key_refusals(text: str, expected: tuple[str, int, int, str]) -> None:
    message, line, column, hint = refusal(text)
    assert (message, line, column) == expected[:3]
    assert expected[3] in (hint or "")


def test_keys_of_other_types_are_kept() -> None:
    assert load_yaml("1: a\nnull: b\n2024-01-02: c\nx: d\n").data == {
        1: "a",
        None: "b",
        dt.date(2024, 1, 2): "c",
        "x": "d",
    }


def test_a_file_that_grows_after_its_size_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "f.yaml"
    path.write_bytes(b"a: 1\n" * 100)
    # stat saw a shorter file: the read still returns every byte there is ...
    monkeypatch.setattr(yamlio, "check_regular_file", lambda path, what: 10)
    assert read_limited(path) == b"a: 1\n" * 100
    # ... and the limit still holds on what was read
    with pytest.raises(AdvocacyError, match=r"more than the 0\.0 MB limit"):
        read_limited(path, max_bytes=200)
