"""The documents of an evaluation: the reviewer's checklist, a blank score
sheet, and the score report, all rendered from one rubric."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from advocacy.evaluate.rubric import LoadedRubric, ResolvedCriterion
from advocacy.evaluate.scoring import ScoreReport
from advocacy.i18n import DEFAULT_LANGUAGE, format_number, gettext_for, localized_point
from advocacy.models import COMPUTED_INPUTS
from advocacy.render.templating import render_template
from advocacy.schemas import schema_reference

#: How each computed input is asked for on paper and in a score sheet.
INPUT_LABELS = {
    "peer_fte": "Full-time equivalents (FTEs) in peer roles",
    "people_served": "People the program expects to serve",
    "peer_hourly": "Peer staff hourly pay ($)",
    "entry_level_hourly": "Entry-level direct-support hourly pay ($)",
}
COMPUTED_NOTES = {
    "staffing-ratio": "People served per peer FTE; this rubric accepts at most %(threshold)s.",
    "small-team": "Fewer than %(threshold)s peer FTEs makes added supports or affiliations mandatory.",
    "pay-parity": "Peer pay at or below entry-level direct-support pay is a red flag.",
}


def _criterion_context(number: int, c: ResolvedCriterion, lang: str) -> dict[str, Any]:
    _ = gettext_for(lang)
    text = localized_point(c.point, lang) if c.point is not None else None
    levels = (
        text.levels
        if text is not None and text.levels is not None and c.levels == c.point.evaluation.levels  # type: ignore[union-attr]
        else {k: _(v) for k, v in c.levels.items()}
    )
    return {
        "number": number,
        "id": c.id,
        "title": text.title if text else c.title,
        "question": text.question if text and text.question else c.question,
        "look_for": text.look_for if text else [item.text for item in c.look_for],
        "red_flags": [{"text": t, "why": w} for t, w in text.red_flags]
        if text
        else [{"text": f.text, "why": f.why} for f in c.red_flags],
        "levels": list(levels.items()),
        "weight": c.weight,
        "mandatory": c.mandatory,
        "computed": c.computed,
        "computed_note": _(COMPUTED_NOTES[c.computed])
        % {"threshold": format_number(c.threshold, lang)}
        if c.computed
        else None,
        "inputs": [_(INPUT_LABELS[n]) for n in COMPUTED_INPUTS[c.computed]] if c.computed else [],
        "untranslated": bool(text and text.fallback),
    }


def untranslated_criteria(rubric: LoadedRubric, lang: str) -> list[tuple[str, list[str]]]:
    """Criteria whose point lacks (part of) a ``lang`` translation, with what is missing."""
    found = []
    for c in rubric.criteria:
        if c.point is not None:
            missing = localized_point(c.point, lang).fallback
            if missing:
                found.append((c.id, missing))
    return found


def checklist_markdown(
    rubric: LoadedRubric,
    date: dt.date | None = None,
    template_dir: Path | None = None,
    lang: str = DEFAULT_LANGUAGE,
) -> str:
    """The reviewer's checklist: fields to fill, then per criterion its question,
    tickable look-for items and red flags, score levels and room for comments."""
    context = {
        "rubric": {
            "id": rubric.id,
            "title": rubric.rubric.title,
            "description": rubric.rubric.description,
            "mandatory_min": rubric.rubric.scale.mandatory_min,
        },
        "criteria": [
            _criterion_context(i, c, lang) for i, c in enumerate(rubric.criteria, start=1)
        ],
        "date": date,
        "language": lang,
    }
    return render_template("checklist.md.j2", context, template_dir, lang)


def new_sheet_text(
    rubric: LoadedRubric, bid: str, reviewer: str, target: Path, date: dt.date
) -> str:
    """A score sheet with every criterion listed and guiding comments; scores empty."""
    schema = schema_reference("score-sheet", target)
    lines = [
        f"# yaml-language-server: $schema={schema}",
        f"# Score sheet: {rubric.rubric.title}",
        "#",
        "# For each criterion: set 'score' to one of the levels shown, say why in",
        "# 'comment', note where in the bid in 'evidence' (page, section, short quote),",
        "# and list any red flags you found. Leave 'score' empty until you have scored",
        "# it: the report lists unscored criteria instead of counting them as zero.",
        f"# Then: advocacy score report {target.name} ...",
        "",
        f"rubric: {rubric.id}",
        f"bid: {json.dumps(bid, ensure_ascii=False)}",
        f"reviewer: {json.dumps(reviewer, ensure_ascii=False)}",
        f"date: {date.isoformat()}",
    ]
    needed = [name for c in rubric.criteria if c.computed for name in COMPUTED_INPUTS[c.computed]]
    if needed:
        lines.append(
            "inputs:  # figures from the bid for the computed checks; leave out what it does not say"
        )
        for name in dict.fromkeys(needed):
            lines.append(f"  {name}:  # {INPUT_LABELS[name]}")
    lines.append("scores:")
    for number, c in enumerate(rubric.criteria, start=1):
        flags = "mandatory, " if c.mandatory else ""
        lines.append(f"  # {number}. {c.title} ({flags}weight {c.weight:g})")
        lines.append(f"  #    {c.question}")
        lines.append("  #    Levels: " + "; ".join(f"{k} {v}" for k, v in c.levels.items()))
        for flag in c.red_flags:
            lines.append(f"  #    Red flag: {json.dumps(flag.text, ensure_ascii=False)}")
        lines += [
            f"  - criterion: {c.id}",
            "    score:",
            "    comment:",
            "    evidence: []",
            "    red_flags: []",
        ]
    return "\n".join(lines) + "\n"


def report_markdown(
    report: ScoreReport, template_dir: Path | None = None, lang: str = DEFAULT_LANGUAGE
) -> str:
    """The score report as Markdown (for .md and .docx output)."""
    from advocacy.evaluate.scoring import report_dict

    context = {
        **report_dict(report, lang),
        "criteria": [
            {"id": c.id, "title": c.title, "weight": c.weight} for c in report.rubric.criteria
        ],
        "date": report.date,
        "language": lang,
    }
    return render_template("score-report.md.j2", context, template_dir, lang)
