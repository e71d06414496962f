"""Train the learned readers of ``score evidence`` on the labelled corpus.

    pip install -e '.[train]'
    python scripts/train_learned_model.py                      # every part
    python scripts/train_learned_model.py --leave-out heldout27 --leave-out heldout28

Reads every labelled line of ``benchmarks/evidence_corpus/`` (see its
README), turns each into the features of :func:`advocacy.evidence.learned.features`
and fits, with scikit-learn, two readers of two logistic regressions each:
red-flag line or not, and evidence or not (classes weighted by their size),
and, on the lines that are, which criterion. Writes their weights, rounded,
to ``templates/evidence/learned-model.json.gz``, with the thresholds and
what they were trained on. Only this script needs scikit-learn; the finder
reads the JSON.

Parts left out with ``--leave-out`` are the ones to measure the readers on
afterwards (``benchmarks/bench_evidence_quality.py --part P``): a part they
were trained on says nothing about text they have not seen.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from bench_evidence_quality import CORPUS, parse  # noqa: E402

from advocacy.evidence.learned import MODEL_FILE, WEIGHT_UNITS, features, pack  # noqa: E402
from advocacy.evidence.matching import tokenize  # noqa: E402
from advocacy.evidence.normalise import detect_language_near  # noqa: E402

# Chosen with readers trained without the parts they were measured on (see the corpus
# README, "A learned second reader" and "A learned reader of evidence"). A red flag: a
# sentence whose chance is at least flag_at, one criterion's at least criterion_at.
# Evidence: the same, for a sentence in which the rules found nothing.
# The red-flag reader's flag_at rose from 0.6 to 0.65 when it was trained on heldout10-42
# too: chosen on heldout43-44, where 0.65 kept red-flag F1 within 0.002 of 0.6 and the
# reader no longer flagged a line of the example strong bid.
THRESHOLDS = {
    "red_flag": {"flag_at": 0.65, "criterion_at": 0.5},
    "evidence": {"flag_at": 0.4, "criterion_at": 0.5},
}
# The finder scales a sentence with fewer known features as if it had this many (a short
# sentence is little evidence): on heldout25-28, 11 fewer false flags for one true one.
FEATURE_FLOOR = 10
C = 10.0  # inverse strength of the L2 penalty
MIN_LINES = 2  # a feature seen on fewer training lines is dropped
DIGITS = 3


def lines(parts: list[str]) -> list[tuple[list[str], set[str], set[str]]]:
    """(features, red-flag criteria, evidence criteria) of every labelled line of ``parts``."""
    rows = []
    for part in parts:
        for path in sorted((CORPUS / part).glob("[0-9]*")):
            doc = parse(path)
            for unit in doc.units:
                lang = detect_language_near(unit.text, doc.text) or "en"
                rows.append((features(tokenize(unit.text, lang)), unit.red, unit.evidence))
    return rows


def fit(x: Any, labels: list[set[str]]) -> dict[str, Any]:
    """One reader: a line of ``labels`` or not, and which of them."""
    from sklearn.linear_model import LogisticRegression

    either = LogisticRegression(C=C, max_iter=5000, class_weight="balanced")
    either.fit(x, [int(bool(found)) for found in labels])
    # A line labelled for two criteria teaches both.
    which = [(at, c) for at, found in enumerate(labels) for c in sorted(found)]
    criterion = LogisticRegression(C=C, max_iter=5000)
    criterion.fit(x[[at for at, _ in which]], [c for _, c in which])
    columns = [[units(w) for w in column] for column in criterion.coef_.T]
    rows = [at for at, column in enumerate(columns) if any(column)]
    return {
        "bias": round(float(either.intercept_[0]), DIGITS),
        # every feature, even of weight 0: the finder counts them to scale a sentence's vector
        "weights": pack([units(w) for w in either.coef_[0]]),
        "classes": [str(c) for c in criterion.classes_],
        "class_bias": [round(float(b), DIGITS) for b in criterion.intercept_],
        # the features (by number) with a weight for some criterion, and those weights
        "class_rows": pack(rows),
        "class_weights": pack([w for at in rows for w in columns[at]]),
    }


def units(weight: float) -> int:
    """A weight in the model file's integer units (thousandths)."""
    return round(float(weight) * WEIGHT_UNITS)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--leave-out",
        action="append",
        default=[],
        metavar="PART",
        help="a corpus part not to train on (give it again for more)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=ROOT / "templates" / "evidence" / MODEL_FILE,
        help="where to write the readers (default: the shipped file)",
    )
    args = parser.parse_args()
    try:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.preprocessing import normalize
    except ImportError:
        raise SystemExit("training needs scikit-learn: pip install -e '.[train]'") from None
    parts = sorted(p.name for p in CORPUS.iterdir() if p.is_dir() and p.name not in args.leave_out)
    unknown = set(args.leave_out) - {p.name for p in CORPUS.iterdir()}
    if unknown:
        parser.error(f"no corpus part {', '.join(sorted(unknown))}")
    rows = lines(parts)
    seen: dict[str, int] = {}
    for found, _, _ in rows:
        for f in found:
            seen[f] = seen.get(f, 0) + 1
    kept = [{f: 1 for f in found if seen[f] >= MIN_LINES} for found, _, _ in rows]
    vectors = DictVectorizer()
    # Each line's vector has length 1, so a long sentence does not weigh more for its length.
    x = normalize(vectors.fit_transform(kept))
    names = vectors.get_feature_names_out()
    model = {
        "about": "The learned readers of `advocacy score evidence`; written by "
        "scripts/train_learned_model.py, do not edit.",
        "trained_on": {
            "parts": parts,
            "lines": len(rows),
            "red_lines": sum(bool(red) for _, red, _ in rows),
            "evidence_lines": sum(bool(evidence) for _, _, evidence in rows),
        },
        "feature_floor": FEATURE_FLOOR,
        "features": "\n".join(str(n) for n in names),
        "red_flag": {**fit(x, [red for _, red, _ in rows]), **THRESHOLDS["red_flag"]},
        "evidence": {
            **fit(x, [evidence for _, _, evidence in rows]),
            **THRESHOLDS["evidence"],
        },
    }
    text = json.dumps(model, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    # mtime=0: the same model gives the same bytes, so an unchanged retrain is no change in git
    args.out.write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
    print(
        f"{args.out}: {len(rows)} lines from {len(parts)} parts, "
        f"{len(names)} features, {args.out.stat().st_size // 1024} KB"
    )


if __name__ == "__main__":
    main()
