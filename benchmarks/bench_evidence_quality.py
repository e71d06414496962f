"""Benchmark: precision and recall of ``score evidence`` on the labelled corpus.

Run from the repository root:

    python benchmarks/bench_evidence_quality.py [--part tuning|heldout|heldout5|PART|both]...
        [--docs 69-82] [--misses]

Each document of ``benchmarks/evidence_corpus/`` (format in its README) is
written out without its labels, read with the bid reader and scanned with the
default rubric (every approved talking point). Findings are mapped back to the
labelled units (a line with its hard-wrapped continuations) and counted:

* red flags: a unit the finder flags (counted, not "not counted") for a
  criterion it is labelled ``R:`` for is a hit; flagged only for criteria it
  is not labelled ``R:`` for, a false alarm; a labelled unit not flagged for
  its criterion, a miss. The line "per (line, criterion) pair" counts every
  flag of a unit on its own, so a red-flag line also flagged under a second,
  wrong criterion costs precision there;
* evidence: every passage the finder cites for a criterion (all of them, not
  only the top few shown); strict precision wants the same criterion's
  ``E:`` label, lenient precision any ``E:`` label; recall is over the units
  labelled ``E:``.

``tuning/`` and ``heldout/`` (earlier held-out rounds, read since) are what
the rules may be tuned on; ``heldout5/`` is reported only. ``--docs`` keeps
the documents whose number is in a range, to report one earlier round.
Several ``--part`` options report each part and then all of them pooled, as
one figure over several authors' text. This is a measurement, not a test.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(__file__).resolve().parent / "evidence_corpus"
ALIASES = {
    "ethics": "cps-code-of-ethics",
    "jobs": "distinct-job-descriptions",
    "duties": "no-clinical-duties",
    "networking": "paid-networking",
    "pay": "peer-retention-and-pay",
    "training": "peer-specific-training",
    "ratio": "peer-staffing-ratio",
    "supervision": "peer-supervisors",
    "team": "peer-support-team",
    "workplace": "peer-supportive-workplace",
    "crisis": "peers-in-mobile-crisis",
    "small": "small-peer-teams",
    "voluntary": "voluntary-peer-support",
}
SHORT = {v: k for k, v in ALIASES.items()}


@dataclass
class Unit:
    line: int  # first line in the written document (1-based)
    text: str
    evidence: set[str] = field(default_factory=set)
    red: set[str] = field(default_factory=set)
    found_evidence: set[str] = field(default_factory=set)
    found_red: set[str] = field(default_factory=set)
    to_read: bool = False  # listed under "read these" (a duty line that matched nothing)


@dataclass
class Document:
    path: Path
    text: str
    units: list[Unit]


def parse(path: Path) -> Document:
    """A labelled corpus file → the document text and its labelled units."""
    lines: list[str] = []
    units: list[Unit] = []
    raw = path.read_text(encoding="utf-8").split("\n")
    if raw and raw[0].startswith("@@"):
        raw = raw[1:]
    for number, line in enumerate(raw, start=1):
        if not line.strip():
            lines.append("")
            continue
        labels, sep, text = line.partition(" | ")
        if not sep:
            labels, text = line.rstrip(" |"), ""
        lines.append(text)
        if not text.strip():
            continue
        labels = labels.strip()
        if labels == "+":
            units[-1].text += " " + text.strip()
            continue
        unit = Unit(number, text.strip())
        for label in labels.split():
            if label == "-":
                continue
            kind, _, name = label.partition(":")
            if kind not in ("E", "R") or name not in ALIASES:
                raise SystemExit(f"{path}:{number}: bad label {label!r}")
            (unit.evidence if kind == "E" else unit.red).add(ALIASES[name])
        units.append(unit)
    return Document(path, "\n".join(lines) + "\n", units)


def _norm(text: str) -> str:
    # The reader joins a word hyphenated across lines ("medi-" + "cation"); so does this.
    text = re.sub(r"(?<=[a-z])- (?=[a-z])", "", text)
    return " ".join(re.sub(r"[*_`#>]", " ", text).lower().split())


def _units_of(doc: Document, starts: list[int], index: int, matched: list[str]) -> list[Unit]:
    """The units a finding on passage ``index`` is about: those holding its matched words."""
    start = starts[index]
    end = starts[index + 1] if index + 1 < len(starts) else 10**9
    inside = [u for u in doc.units if start <= u.line < end] or [
        max((u for u in doc.units if u.line <= start), key=lambda u: u.line, default=doc.units[0])
    ]
    chosen = []
    for words in matched:
        key = _norm(words)
        holder = next((u for u in inside if key and key in _norm(u.text)), None)
        if holder is None:
            first = key.split(" ")[0] if key else ""
            holder = next((u for u in inside if first and first in _norm(u.text)), inside[0])
        if holder not in chosen:
            chosen.append(holder)
    return chosen or inside[:1]


def _line(location: str) -> int:
    found = re.search(r"line (\d+)", location)
    if not found:
        raise SystemExit(f"the benchmark needs line locations, got {location!r}")
    return int(found.group(1))


def scan(doc: Document, rubric, learned: bool = True) -> None:  # rubric: LoadedRubric
    from advocacy.evidence import find_evidence, read_bid

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"bid{doc.path.suffix}"
        path.write_text(doc.text, encoding="utf-8")
        report = find_evidence(read_bid(path), rubric, top=1000, learned=learned)
    passages = list(report.bid.passages)
    starts = [_line(p.location) for p in passages]
    index = {id(p): i for i, p in enumerate(passages)}
    for flag in report.red_flags:
        matched = [flag.passage.text[a:b] for a, b in flag.spans]
        for unit in _units_of(doc, starts, index[id(flag.passage)], matched):
            unit.found_red.add(flag.criterion)
    spans = getattr(report, "read_spans", None) or [((0, 40),)] * len(report.unmatched)
    for passage, read in zip(report.unmatched, spans, strict=True):
        sentences = [passage.text[a:b].strip()[:40] for a, b in read]
        for unit in _units_of(doc, starts, index[id(passage)], sentences):
            unit.to_read = True
    for criterion in report.criteria:
        for hit in criterion.hits:
            matched = [hit.passage.text[a:b] for a, b in hit.spans]
            for unit in _units_of(doc, starts, index[id(hit.passage)], matched):
                unit.found_evidence.add(criterion.criterion.id)


def ratio(a: int, b: int) -> str:
    return f"{a / b:.2f} ({a}/{b})" if b else "–"


def report(name: str, docs: list[Document], show_misses: bool) -> None:
    units = [u for d in docs for u in d.units]
    red = Counter[str]()
    evid = Counter[str]()
    per: dict[str, Counter[str]] = {}
    for u in units:
        # red flags per unit: a hit when any flagged criterion is one of its labels
        if u.found_red:
            red["flagged"] += 1
            red["flagged_ok"] += bool(u.found_red & u.red)
            red["flagged_lenient"] += bool(u.red)
        if u.red:
            red["labelled"] += 1
            red["recalled"] += bool(u.found_red & u.red)
            red["recalled_lenient"] += bool(u.found_red)
        if u.found_evidence:
            evid["shown"] += 1
            evid["shown_ok"] += bool(u.found_evidence & u.evidence)
            evid["shown_lenient"] += bool(u.evidence)
        if u.evidence:
            evid["labelled"] += 1
            evid["recalled"] += bool(u.found_evidence & u.evidence)
        for crit in set(ALIASES.values()):
            c = per.setdefault(crit, Counter())
            c["r_tp"] += crit in u.found_red and crit in u.red
            c["r_fp"] += crit in u.found_red and crit not in u.red
            c["r_fn"] += crit in u.red and crit not in u.found_red
            c["e_tp"] += crit in u.found_evidence and crit in u.evidence
            c["e_fp"] += crit in u.found_evidence and crit not in u.evidence
            c["e_fn"] += crit in u.evidence and crit not in u.found_evidence
    print(f"\n== {name}: {len(docs)} documents, {len(units)} labelled units ==")
    print(
        f"red flags   precision {ratio(red['flagged_ok'], red['flagged'])}"
        f"   recall {ratio(red['recalled'], red['labelled'])}"
    )
    print(
        "red flags, whatever the criterion: "
        f"precision {ratio(red['flagged_lenient'], red['flagged'])}"
        f"   recall {ratio(red['recalled_lenient'], red['labelled'])}"
    )
    surfaced = sum(bool(u.red) and (bool(u.found_red & u.red) or u.to_read) for u in units)
    seen = sum(bool(u.red) and (bool(u.found_red) or u.to_read) for u in units)
    listed = [sum(u.to_read for u in d.units) for d in docs]
    print(
        "red-flag lines flagged for their criterion or listed under 'read these': "
        f"{ratio(surfaced, red['labelled'])}; flagged for any criterion or listed: "
        f"{ratio(seen, red['labelled'])}"
    )
    print(
        f"lines listed to read: {sum(listed)} ({sum(listed) / max(len(docs), 1):.1f} per document,"
        f" at most {max(listed, default=0)}); of them red-flag lines: "
        f"{sum(u.to_read and bool(u.red) for u in units)}"
    )
    print(
        f"evidence    precision {ratio(evid['shown_ok'], evid['shown'])}"
        f"   lenient {ratio(evid['shown_lenient'], evid['shown'])}"
        f"   recall {ratio(evid['recalled'], evid['labelled'])}"
    )
    tp = sum(c["r_tp"] for c in per.values())
    print(
        "red flags per (line, criterion) pair, each flag of a line counted: "
        f"precision {ratio(tp, tp + sum(c['r_fp'] for c in per.values()))}"
        f"   recall {ratio(tp, tp + sum(c['r_fn'] for c in per.values()))}"
    )
    tp = sum(c["e_tp"] for c in per.values())
    print(
        "evidence per (line, criterion) pair, over the labelled criteria: "
        f"precision {ratio(tp, tp + sum(c['e_fp'] for c in per.values()))}"
        f"   recall {ratio(tp, tp + sum(c['e_fn'] for c in per.values()))}"
    )
    print(f"{'criterion':<12} {'red P':>14} {'red R':>14} {'evid P':>14} {'evid R':>14}")
    for crit in sorted(per, key=lambda c: SHORT[c]):
        c = per[crit]
        print(
            f"{SHORT[crit]:<12} {ratio(c['r_tp'], c['r_tp'] + c['r_fp']):>14}"
            f" {ratio(c['r_tp'], c['r_tp'] + c['r_fn']):>14}"
            f" {ratio(c['e_tp'], c['e_tp'] + c['e_fp']):>14}"
            f" {ratio(c['e_tp'], c['e_tp'] + c['e_fn']):>14}"
        )
    if show_misses:
        for d in docs:
            for u in d.units:
                missed_r = u.red - u.found_red
                false_r = u.found_red - u.red
                missed_e = (
                    u.evidence - u.found_evidence if not u.found_evidence & u.evidence else set()
                )
                false_e = u.found_evidence - u.evidence
                notes = [
                    f"missed red {','.join(sorted(SHORT.get(c, c) for c in missed_r))}"
                    if missed_r
                    else "",
                    f"FALSE red {','.join(sorted(SHORT.get(c, c) for c in false_r))}"
                    if false_r
                    else "",
                    f"missed evid {','.join(sorted(SHORT.get(c, c) for c in missed_e))}"
                    if missed_e
                    else "",
                    f"false evid {','.join(sorted(SHORT.get(c, c) for c in false_e))}"
                    if false_e
                    else "",
                ]
                if u.red and not u.found_red and not u.to_read:
                    notes.append("neither flagged nor listed")
                notes = [n for n in notes if n]
                if notes:
                    print(f"  {d.path.name}:{u.line}: {'; '.join(notes)}: {u.text[:90]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--part",
        action="append",
        help="a folder under evidence_corpus/ (tuning, heldout, heldout5, a new held-out part), "
        "or 'both' for tuning and heldout; give it more than once to also see the parts "
        "pooled (default: both)",
    )
    parser.add_argument("--docs", help="only documents numbered FIRST-LAST, e.g. 69-82")
    parser.add_argument("--misses", action="store_true", help="list every miss and false alarm")
    parser.add_argument(
        "--no-learned",
        dest="learned",
        action="store_false",
        help="the phrase rules alone, without the learned model's red flags",
    )
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from advocacy.evaluate.rubric import default_rubric
    from advocacy.library import load_library

    rubric = default_rubric(load_library())
    first, dash, last = (args.docs or "0-").partition("-")
    top = int(last) if last else (float("inf") if dash else int(first))
    parts = [
        name
        for part in args.part or ["both"]
        for name in (("tuning", "heldout") if part == "both" else (part,))
    ]
    for part in parts:
        if not (CORPUS / part).is_dir():
            known = ", ".join(sorted(p.name for p in CORPUS.iterdir() if p.is_dir()))
            parser.error(f"no part {part!r} under {CORPUS} (known: {known})")
    pooled = []
    for part in parts:
        docs = []
        for p in sorted((CORPUS / part).iterdir()):
            number = re.match(
                r"\d+", p.name
            )  # documents are numbered; notes (LABELLING.md) are not
            in_range = number and int(first) <= int(number.group()) <= top
            if p.suffix in (".txt", ".md") and in_range:
                docs.append(parse(p))
        for doc in docs:
            scan(doc, rubric, args.learned)
        report(part, docs, args.misses)
        pooled += docs
    if len(parts) > 1:
        report(" + ".join(Path(part).name for part in parts), pooled, show_misses=False)


if __name__ == "__main__":
    main()
