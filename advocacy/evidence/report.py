"""Excerpts and the plain-data form (``--json``) of an evidence report.

JSON keeps the bid's text exactly as read (escaped as JSON escapes it);
only the terminal output is cleaned of escape sequences.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from advocacy.evidence.finder import EvidenceReport
    from advocacy.evidence.reading import Passage

EXCERPT_CHARS = 160


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
    from advocacy.evidence.learned import LEARNED

    def passage(p: Passage) -> dict[str, Any]:
        return {"location": p.location, "heading": p.heading}

    def matched(p: Passage, spans: tuple[tuple[int, int], ...]) -> list[str]:
        return [p.text[a:b] for a, b in spans]

    return {
        "bid": str(report.bid.path),
        "kind": report.bid.kind,
        "rubric": report.rubric.id,
        "languages": report.languages,
        "warnings": report.warnings,
        "summary": [
            {
                "criterion": row.criterion.id,
                "red_flags": row.red_flags,
                "learned_red_flags": row.learned,
                "evidence": row.evidence,
                "learned_evidence": row.learned_evidence,
                "not_counted": row.not_counted,
            }
            for row in report.summary()
        ],
        "red_flags": [
            {
                "criterion": f.criterion,
                "flag": f.flag,
                "why": f.why,
                **passage(f.passage),
                "excerpt": f.excerpt(),
                "matched": matched(f.passage, f.spans),
                "phrase": f.phrase,
                "learned": f.learned,
                "chance": f.chance,
            }
            for f in report.red_flags
        ],
        "not_counted": [
            {
                "criterion": n.criterion,
                "kind": n.kind,
                "item": n.item,
                "reason": n.reason,
                **passage(n.passage),
                "excerpt": n.excerpt(),
                "matched": matched(n.passage, n.spans),
                "phrase": n.phrase,
                "learned": n.phrase == LEARNED,
            }
            for n in report.not_counted
        ],
        "criteria": [
            {
                "id": c.criterion.id,
                "title": c.criterion.title,
                "found": c.found,
                "missing": c.missing,
                "rules_out": c.ruled_out,
                "passages": [
                    {
                        **passage(h.passage),
                        "items": list(h.items),
                        "excerpt": h.excerpt(),
                        "matched": matched(h.passage, h.spans),
                        "phrases": list(h.phrases),
                        "learned": h.learned,
                        "chance": h.chance,
                    }
                    for h in c.hits
                ],
            }
            for c in report.criteria
        ],
        "not_addressed": [c.criterion.id for c in report.unaddressed],
        "read_these": [{**passage(p), "text": p.text} for p in report.unmatched],
    }
