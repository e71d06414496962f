"""The documents of an evaluation: the reviewer's checklist and the score
report, both rendered from one rubric (the blank score sheet is in
:mod:`advocacy.evaluate.sheets`)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from advocacy.evaluate.checks import INPUT_LABELS, check_for
from advocacy.evaluate.rubric import LoadedRubric, ResolvedCriterion
from advocacy.evaluate.scoring import ScoreReport
from advocacy.i18n import DEFAULT_LANGUAGE, format_number, gettext_for, localized_point
from advocacy.render.templating import render_template


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
        "computed_note": _(check_for(c.computed).note)
        % {"threshold": format_number(c.threshold, lang)}
        if c.computed
        else None,
        "inputs": [_(INPUT_LABELS[n]) for n in check_for(c.computed).inputs] if c.computed else [],
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
            "fingerprint": rubric.fingerprint,
            "title": rubric.title(lang),
            "description": rubric.description(lang),
            "mandatory_min": rubric.rubric.scale.mandatory_min,
        },
        "criteria": [
            _criterion_context(i, c, lang) for i, c in enumerate(rubric.criteria, start=1)
        ],
        "date": date,
        "language": lang,
    }
    return render_template("checklist.md.j2", context, template_dir, lang)


def report_markdown(
    report: ScoreReport,
    template_dir: Path | None = None,
    lang: str = DEFAULT_LANGUAGE,
    charts: dict[str, str] | None = None,
) -> str:
    """The score report as Markdown (for .md and .docx output).

    ``charts`` maps ``totals`` and ``heatmap`` to the image paths the report
    links (relative to the report); without them the tables stand alone.
    """
    from advocacy.evaluate.export import report_dict

    titles = criterion_titles(report.rubric, lang)
    red_flags = {}
    for c in report.rubric.criteria:
        text = localized_point(c.point, lang) if c.point is not None else None
        if text is not None:
            red_flags.update(
                {f.text: t for f, (t, _) in zip(c.red_flags, text.red_flags, strict=False)}
            )
    reviewers = list(dict.fromkeys(r for b in report.bids for r in b.reviewers))
    context = {
        **report_dict(report, lang),
        "criteria": [
            {"id": c.id, "title": titles[c.id], "weight": c.weight} for c in report.rubric.criteria
        ],
        "titles": titles,
        "red_flag_text": red_flags,
        "initials": reviewer_initials(reviewers),
        "charts": charts or {},
        "date": report.date,
        "language": lang,
    }
    return render_template("score-report.md.j2", context, template_dir, lang)


def criterion_titles(rubric: LoadedRubric, lang: str) -> dict[str, str]:
    """Each criterion's title in ``lang`` (English where the translation lacks it), by id."""
    return {
        c.id: localized_point(c.point, lang).title if c.point is not None else c.title
        for c in rubric.criteria
    }


def reviewer_initials(names: list[str]) -> dict[str, str]:
    """Short column heads for reviewers: "Luis Ortega (community reviewer)" is "LO";
    a second "LO" becomes "LO2"."""
    found: dict[str, str] = {}
    for name in names:
        words = name.split("(")[0].split() or name.split()
        base = "".join(w[0] for w in words if w[0].isalnum()).upper() or "R"
        initials, n = base, 1
        while initials in found.values():
            n += 1
            initials = f"{base}{n}"
        found[name] = initials
    return found
