"""Blind scoring: reviewers score bids under codes; the chair's key names them.

The chair runs ``score blind`` once: each bid gets a random code (the same for
every reviewer, because there is one key). Reviewers' sheets name the code
(``score init --bid CODE``); the report shows codes until it is given the key.
"""

from __future__ import annotations

import json
import random
import secrets
from collections.abc import Sequence
from pathlib import Path

from advocacy.errors import AdvocacyError, error
from advocacy.evaluate.sheets import name_key
from advocacy.models import load_model
from advocacy.models.rubric import BlindKey
from advocacy.yamlio import load_yaml_file

#: Letters and digits that cannot be misread for one another (no 0/O, 1/I/L, 5/S, 8/B).
ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
CODE_LENGTH = 4


def blind_key_text(bids: Sequence[str], rng: random.Random | None = None) -> str:
    """The key file for ``bids``: a random code per bid, in the order given."""
    names = [" ".join(b.split()) for b in bids]
    seen: dict[str, str] = {}
    for name in names:
        if not name:
            raise AdvocacyError("a bid name is empty", hint="give each bid's name")
        if name_key(name) in seen:
            raise AdvocacyError(
                f"bid {name!r} is given twice (as {seen[name_key(name)]!r})",
                hint="give each bid once",
            )
        seen[name_key(name)] = name
    choice = rng.choice if rng is not None else secrets.choice
    codes: list[str] = []
    while len(codes) < len(names):
        code = "BID-" + "".join(choice(ALPHABET) for _ in range(CODE_LENGTH))
        if code not in codes:
            codes.append(code)
    lines = [
        "# Blind-scoring key: which bid each code stands for. Keep it with the chair;",
        "# reviewers get only the codes (advocacy score init --bid CODE ...).",
        "# The report names the bids again with: advocacy score report ... --key THIS-FILE",
        "codes:",
    ]
    lines += [
        f"  {code}: {json.dumps(name, ensure_ascii=False)}"
        for code, name in zip(codes, names, strict=True)
    ]
    return "\n".join(lines) + "\n"


def load_key(path: Path) -> dict[str, str]:
    """Code -> bid name; two codes for one bid, or one code twice, is an error."""
    doc = load_yaml_file(path)
    key = load_model(BlindKey, doc)
    seen: dict[str, str] = {}
    for code, name in key.codes.items():
        if name_key(name) in seen:
            raise AdvocacyError.from_diagnostics(
                [
                    error(
                        f"bid {name!r} has two codes: {seen[name_key(name)]} and {code}",
                        path,
                        *doc.position(("codes", code)),
                        hint="a bid keeps one code for every reviewer",
                    )
                ]
            )
        seen[name_key(name)] = code
    return {name_key(code): name for code, name in key.codes.items()}
