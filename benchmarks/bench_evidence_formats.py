"""Benchmark: does ``score evidence`` give the same verdicts in every format?

Run from the repository root:

    python benchmarks/bench_evidence_formats.py [--part heldout9] [--diff]

Each document of a part of the labelled corpus (``evidence_corpus/``, format
in its README) is scanned five times:

* **as written**: the corpus file as it is (hard-wrapped lines and all);
* **Markdown**: one paragraph per unit (a line with its continuations joined),
  which is how a word processor holds the same text;
* **wrapped**: that text hard-wrapped at 72 columns, as e-mail and text
  copied from a PDF are, in the document's own format (``.txt`` or ``.md``);
* **DOCX**: that Markdown converted by pandoc, a tool that is not ours;
* **PDF**: that DOCX converted by LibreOffice.

Every verdict (a red flag, an evidence passage, a line listed under "read
these") is mapped to the labelled unit whose words it matched, so verdicts
can be compared whatever the format numbers its passages by (lines,
paragraphs, pages). For each format the benchmark prints how many of the
verdicts agree with the text as written (|both| / |either|), in all and by
kind, and how many documents get exactly the same verdicts; ``--diff`` lists
every difference.
pandoc and LibreOffice (``soffice``) must be on PATH. This is a measurement,
not a test.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_evidence_quality import CORPUS, ROOT, SHORT, Document, _norm, parse

#: A verdict: (kind, criterion, index of the labelled unit it is about).
Verdict = tuple[str, str, int]
FORMATS = ("Markdown", "wrapped", "DOCX", "PDF")
#: The column the "wrapped" form is hard-wrapped at, as e-mail and copied PDFs are.
WRAP = 72
#: Characters that would turn a plain line into Markdown markup.
_INLINE_MARKUP = re.compile(r"([\\`*_\[\]<>])")


def paragraphs(doc: Document, escape: bool) -> str:
    """The document as a word processor holds it: one paragraph per unit.

    ``escape`` keeps a plain-text document's characters from being read as
    Markdown by pandoc. The rows of a Markdown table stay together.
    """
    blocks: list[str] = []
    for unit in doc.units:
        text = _INLINE_MARKUP.sub(r"\\\1", unit.text) if escape else unit.text
        if not escape and text.startswith("|") and blocks and blocks[-1].startswith("|"):
            blocks[-1] += "\n" + text
        else:
            blocks.append(text)
    return "\n\n".join(blocks) + "\n"


def wrapped(doc: Document) -> str:
    """The paragraph form hard-wrapped at ``WRAP`` columns (tables and headings kept)."""
    from advocacy.evidence.titles import BULLET

    blocks = []
    for block in paragraphs(doc, escape=False).rstrip("\n").split("\n\n"):
        if block.startswith(("|", "#")):
            blocks.append(block)
            continue
        bullet = BULLET.match(block)
        indent = " " * len(bullet.group()) if bullet else ""
        blocks.append(
            textwrap.fill(
                block, WRAP, subsequent_indent=indent, break_long_words=False,
                break_on_hyphens=False,
            )
        )  # fmt: skip
    return "\n\n".join(blocks) + "\n"


def _unit_of(doc: Document, passage: str, words: str) -> int | None:
    """The unit that holds ``words`` inside ``passage`` (by text, not by location)."""
    key, inside = _norm(words), _norm(passage)
    if not key:
        return None
    holders = [i for i, u in enumerate(doc.units) if key in _norm(u.text)]
    if not holders:  # the words span two units (a passage joined lines): take the first word
        first = key.split(" ")[0]
        holders = [i for i, u in enumerate(doc.units) if first in _norm(u.text)]
    within = [i for i in holders if _norm(doc.units[i].text)[:60] in inside]
    chosen = within or holders
    return chosen[0] if chosen else None


def verdicts(doc: Document, path: Path, rubric) -> set[Verdict]:  # rubric: LoadedRubric
    from advocacy.evidence import find_evidence, read_bid

    report = find_evidence(read_bid(path), rubric, top=1000)
    found: set[Verdict] = set()

    def add(kind: str, criterion: str, passage: str, pieces: list[str]) -> None:
        for words in pieces:
            index = _unit_of(doc, passage, words)
            if index is not None:
                found.add((kind, SHORT.get(criterion, criterion), index))

    for flag in report.red_flags:
        text = flag.passage.text
        add("red", flag.criterion, text, [text[a:b] for a, b in flag.spans])
    for passage, spans in zip(report.unmatched, report.read_spans, strict=True):
        add("read", "-", passage.text, [passage.text[a:b].strip()[:40] for a, b in spans])
    for criterion in report.criteria:
        for hit in criterion.hits:
            text = hit.passage.text
            add("evidence", criterion.criterion.id, text, [text[a:b] for a, b in hit.spans])
    return found


def agreement(pairs: list[tuple[set[Verdict], set[Verdict]]], kind: str | None = None) -> str:
    """|both| / |either| over the documents' verdicts (of one kind, if given)."""

    def keep(found: set[Verdict]) -> set[Verdict]:
        return {v for v in found if kind is None or v[0] == kind}

    both = sum(len(keep(a) & keep(b)) for a, b in pairs)
    either = sum(len(keep(a) | keep(b)) for a, b in pairs)
    return f"{both / max(either, 1):.2f} ({both}/{either})"


def convert(folder: Path, docs: list[Document]) -> dict[str, list[Path]]:
    """Write each document in every format; returns the paths per format, in ``docs`` order."""
    paths: dict[str, list[Path]] = {name: [] for name in FORMATS}
    for number, doc in enumerate(docs):
        markdown = folder / f"{number:03d}.md"
        markdown.write_text(paragraphs(doc, escape=doc.path.suffix != ".md"), encoding="utf-8")
        docx = folder / f"{number:03d}.docx"
        subprocess.run(["pandoc", "-f", "gfm", "-o", str(docx), str(markdown)], check=True)
        paths["Markdown"].append(markdown)
        wrapped_text = folder / f"{number:03d}-wrapped{doc.path.suffix}"
        wrapped_text.write_text(wrapped(doc), encoding="utf-8")
        paths["wrapped"].append(wrapped_text)
        paths["DOCX"].append(docx)
    docx_files = [str(p) for p in paths["DOCX"]]
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(folder), *docx_files],
        check=True,
        capture_output=True,
    )
    paths["PDF"] = [p.with_suffix(".pdf") for p in paths["DOCX"]]
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", default="heldout9", help="a folder under evidence_corpus/")
    parser.add_argument("--diff", action="store_true", help="list every verdict that differs")
    args = parser.parse_args()
    for tool in ("pandoc", "soffice"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is not on PATH; this benchmark needs it")
    sys.path.insert(0, str(ROOT))
    from advocacy.evaluate.rubric import default_rubric
    from advocacy.library import load_library

    rubric = default_rubric(load_library())
    folder = CORPUS / args.part
    if not folder.is_dir():
        parser.error(f"no part {args.part!r} under {CORPUS}")
    docs = [parse(p) for p in sorted(folder.iterdir()) if re.match(r"\d+.*\.(txt|md)$", p.name)]
    with tempfile.TemporaryDirectory() as tmp:
        written = Path(tmp)
        originals = []
        for number, doc in enumerate(docs):
            original = written / f"original-{number:03d}{doc.path.suffix}"
            original.write_text(doc.text, encoding="utf-8")
            originals.append(original)
        base = [verdicts(doc, path, rubric) for doc, path in zip(docs, originals, strict=True)]
        paths = convert(written, docs)
        print(
            f"== {args.part}: {len(docs)} documents, {sum(map(len, base))} verdicts as written =="
        )
        print("verdicts that agree with the text as written (|both| / |either|):")
        titles = ("all", "red flags", "evidence", "to read", "same docs")
        print(f"{'form':<9}" + "".join(f"{t:>16}" for t in titles[:4]) + f"{titles[4]:>13}")
        for name in FORMATS:
            other = [verdicts(d, p, rubric) for d, p in zip(docs, paths[name], strict=True)]
            pairs = list(zip(base, other, strict=True))
            same = sum(a == b for a, b in pairs)
            cells = [agreement(pairs, kind) for kind in (None, "red", "evidence", "read")]
            print(f"{name:<9}" + "".join(f"{c:>16}" for c in cells) + f"{same:>10}/{len(docs)}")
            if args.diff:
                for doc, a, b in zip(docs, base, other, strict=True):
                    for sign, missing in (("-", a - b), ("+", b - a)):
                        for kind, criterion, index in sorted(missing):
                            text = doc.units[index].text[:80]
                            print(
                                f"  {sign} {doc.path.name}:{doc.units[index].line}"
                                f" {kind} {criterion}: {text}"
                            )


if __name__ == "__main__":
    main()
