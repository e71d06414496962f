"""The template context of a response: what the letter template renders."""

from __future__ import annotations

import datetime as dt
from typing import Any

from advocacy.i18n import DEFAULT_LANGUAGE, localized_point
from advocacy.library import Library, LoadedPoint
from advocacy.models import Answer
from advocacy.respond.loading import LoadedResponse
from advocacy.wordcount import count_words


def answer_context(
    answer: Answer, library: Library, detail: str, lang: str = DEFAULT_LANGUAGE
) -> dict[str, Any]:
    """What the answer template renders, with the word counts of each side.

    Own words are the respondent's (intro, notes, closing); library words are
    the talking points' text the template includes, in ``lang`` where the
    point has a translation (``untranslated`` lists what fell back to English).
    """
    points = []
    library_words = 0
    own_words = count_words(answer.intro or "") + count_words(answer.closing or "")
    for chosen in answer.points:
        text = localized_point(library.get(chosen.id).point, lang)
        body = text.body if detail == "full" else None
        library_words += sum(
            count_words(t or "") for t in (text.title, text.summary, text.ask, body)
        )
        own_words += count_words(chosen.note or "")
        points.append(
            {
                "id": chosen.id,
                "title": text.title,
                "summary": text.summary.strip(),
                "body": body.strip() if body else None,
                "ask": text.ask.strip(),
                "note": chosen.note,
                "untranslated": text.fallback,
            }
        )
    return {
        "intro": answer.intro,
        "points": points,
        "closing": answer.closing,
        "own_words": own_words,
        "library_words": library_words,
    }


def _sources(points: list[LoadedPoint]) -> list[dict[str, Any]]:
    seen: dict[tuple[str, str | None], dict[str, Any]] = {}
    for lp in points:
        for source in lp.point.sources:
            key = (source.title, source.url)
            if key not in seen:
                seen[key] = source.model_dump()
    return list(seen.values())


def response_context(
    loaded: LoadedResponse,
    library: Library,
    date: dt.date | None = None,
    rendered: dict[str, str] | None = None,
) -> dict[str, Any]:
    """The template context of a whole response.

    ``rendered`` maps question ids to answers already rendered by
    :func:`check_response`, so the document says exactly what was checked.
    """
    response, rfi = loaded.response, loaded.rfi.rfi
    answers = []
    used: list[LoadedPoint] = []
    for question in rfi.questions:
        answer = next((a for a in response.answers if a.question == question.id), None)
        if answer is None:
            continue
        answers.append(
            {
                "question": question.model_dump(),
                "markdown": (rendered or {}).get(question.id),
                **answer_context(answer, library, response.detail, response.language),
            }
        )
        used.extend(library.get(c.id) for c in answer.points)
    respondent = response.respondent
    identity = (
        {"name": None, "organization": None, "role": respondent.role, "email": None, "city": None}
        if respondent.anonymous
        else respondent.model_dump(exclude={"anonymous"})
    )
    sender: list[str] = []
    if not respondent.anonymous:  # the template words the anonymous case in its language
        first = respondent.display_name + (f", {respondent.role}" if respondent.role else "")
        organization = respondent.organization if respondent.name else None
        sender = [x for x in (first, organization, respondent.city, respondent.email) if x]
    reference = f" ({rfi.reference})" if rfi.reference else ""
    cover = {
        "sender": sender,
        "recipient": [x for x in (rfi.agency, rfi.contact) if x],
        "subject": [rfi.title + reference],
    }
    return {
        "cover": cover,
        "rfi": {**rfi.model_dump(), "due_at": rfi.due_at},
        "respondent": {
            **identity,
            "anonymous": respondent.anonymous,
            "display_name": respondent.display_name,
        },
        "language": response.language,
        "date": date or response.date or dt.date.today(),
        "detail": response.detail,
        "answers": answers,
        "closing": response.closing,
        "sources": _sources(list({lp.point.id: lp for lp in used}.values())),
    }
