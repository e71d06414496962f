"""Point reviewers to the passages of a bid that matter for each criterion.

An aid that cites its excerpts, not a verdict: for each criterion, the
passages that hit the most distinct look-for items; red flags with their
explanation; and the criteria the bid never seems to address.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from advocacy.evaluate.rubric import LoadedRubric, ResolvedCriterion
from advocacy.evidence.matching import Tokens, compile_phrase, find, negated, tokenize
from advocacy.evidence.reading import BidDocument, Passage

EXCERPT_CHARS = 160


@dataclass(frozen=True)
class Hit:
    """A passage and what of a criterion it shows."""

    passage: Passage
    items: tuple[str, ...]  # the look-for items it hits
    spans: tuple[tuple[int, int], ...]  # character spans of the matched words
    matches: int

    def excerpt(self, width: int = EXCERPT_CHARS) -> str:
        return excerpt(self.passage.text, self.spans, width)


@dataclass(frozen=True)
class RedFlagFinding:
    criterion: str
    flag: str
    why: str
    passage: Passage
    spans: tuple[tuple[int, int], ...]

    def excerpt(self, width: int = EXCERPT_CHARS) -> str:
        return excerpt(self.passage.text, self.spans, width)


@dataclass
class CriterionEvidence:
    criterion: ResolvedCriterion
    hits: list[Hit] = field(default_factory=list)
    found: list[str] = field(default_factory=list)  # look-for items seen anywhere

    @property
    def missing(self) -> list[str]:
        return [i.text for i in self.criterion.look_for if i.text not in self.found]


@dataclass
class EvidenceReport:
    bid: BidDocument
    rubric: LoadedRubric
    criteria: list[CriterionEvidence]
    red_flags: list[RedFlagFinding]

    @property
    def unaddressed(self) -> list[CriterionEvidence]:
        return [c for c in self.criteria if not c.hits]


def find_evidence(bid: BidDocument, rubric: LoadedRubric, top: int = 3) -> EvidenceReport:
    """Scan every passage of ``bid`` for every criterion of ``rubric``."""
    scanned = [(p, tokenize(p.text)) for p in bid.passages]
    vocabulary = [frozenset(t.stems) | frozenset(t.words) for _, t in scanned]
    criteria = []
    red_flags: list[RedFlagFinding] = []
    for criterion in rubric.criteria:
        evidence = CriterionEvidence(criterion)
        hits: list[tuple[tuple[int, int, int], Hit]] = []
        for order, ((passage, tokens), words) in enumerate(zip(scanned, vocabulary, strict=True)):
            items: list[str] = []
            spans: list[tuple[int, int]] = []
            for item in criterion.look_for:
                found = _find_any(item.match, tokens, words)
                if found:
                    items.append(item.text)
                    spans += found
            if items:
                hit = Hit(passage, tuple(items), tuple(sorted(set(spans))), len(spans))
                hits.append(((-len(items), -len(spans), order), hit))
                evidence.found += [i for i in items if i not in evidence.found]
            for flag in criterion.red_flags:
                found = _find_any(flag.match, tokens, words, skip_negated=True)
                if found:
                    red_flags.append(
                        RedFlagFinding(criterion.id, flag.text, flag.why, passage, tuple(found))
                    )
        evidence.hits = [hit for _, hit in sorted(hits, key=lambda pair: pair[0])[:top]]
        criteria.append(evidence)
    return EvidenceReport(bid, rubric, criteria, red_flags)


def _find_any(
    phrases: list[str], tokens: Tokens, words: frozenset[str], skip_negated: bool = False
) -> list[tuple[int, int]]:
    """Character spans of every occurrence of any phrase (none if the passage cannot have it)."""
    spans: list[tuple[int, int]] = []
    for phrase in phrases:
        pattern = compile_phrase(phrase)
        first = next((p for p in pattern if p is not None), None)
        if first is None or (not first.prefix and not words & set(first.options)):
            continue  # quick reject: the first word is nowhere in the passage
        for start, end in find(phrase, tokens):
            if skip_negated and negated(tokens, start):
                continue
            spans.append((tokens.spans[start][0], tokens.spans[end][1]))
    return spans


def excerpt_window(
    text: str, spans: tuple[tuple[int, int], ...], width: int = EXCERPT_CHARS
) -> tuple[int, int]:
    """About ``width`` characters around the first matched span, cut at spaces."""
    if len(text) <= width:
        return 0, len(text)
    first = spans[0][0] if spans else 0
    start = max(0, min(first - width // 3, len(text) - width))
    end = min(len(text), start + width)
    if start > 0:
        space = text.find(" ", start, first if first > start else end)
        start = space + 1 if space != -1 else start
    if end < len(text):
        space = text.rfind(" ", max(start, spans[0][1] if spans else start), end)
        end = space if space != -1 else end
    return start, end


def excerpt(text: str, spans: tuple[tuple[int, int], ...], width: int = EXCERPT_CHARS) -> str:
    """About ``width`` characters of ``text`` around its first match, with … where cut."""
    start, end = excerpt_window(text, spans, width)
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


def report_dict(report: EvidenceReport) -> dict[str, Any]:
    """The findings as plain data (the ``--json`` output)."""

    def passage(p: Passage) -> dict[str, Any]:
        return {"location": p.location, "heading": p.heading}

    return {
        "bid": str(report.bid.path),
        "kind": report.bid.kind,
        "rubric": report.rubric.id,
        "red_flags": [
            {
                "criterion": f.criterion,
                "flag": f.flag,
                "why": f.why,
                **passage(f.passage),
                "excerpt": f.excerpt(),
                "matched": [f.passage.text[a:b] for a, b in f.spans],
            }
            for f in report.red_flags
        ],
        "criteria": [
            {
                "id": c.criterion.id,
                "title": c.criterion.title,
                "found": c.found,
                "missing": c.missing,
                "passages": [
                    {
                        **passage(h.passage),
                        "items": list(h.items),
                        "excerpt": h.excerpt(),
                        "matched": [h.passage.text[a:b] for a, b in h.spans],
                    }
                    for h in c.hits
                ],
            }
            for c in report.criteria
        ],
        "not_addressed": [c.criterion.id for c in report.unaddressed],
    }
