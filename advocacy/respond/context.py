"""The template context of a response: what the letter template renders.

A letter speaks to the agency: each chosen point gives its ``recommendation``
and ``rationale`` (never the bidder-facing ``ask`` or the listing ``summary``,
except that the asks fill the optional appendix "Suggested requirement
language"). Citation marks ``[^id]`` in a point's text become the letter's
footnotes: a source cited by several points is listed once (same DOI or URL),
and sources nobody cites are not listed.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from typing import Any

from advocacy.i18n import DEFAULT_LANGUAGE, base_language, localized_point
from advocacy.library import Library
from advocacy.models import Answer, Source
from advocacy.models.talking_point import CITATION_PATTERN, Audience
from advocacy.respond.kinds import kind_of
from advocacy.respond.loading import LoadedResponse
from advocacy.respond.signers import Signer
from advocacy.wordcount import count_words

_CITATION = re.compile(CITATION_PATTERN)


@dataclass(frozen=True)
class CitedSource:
    """A source the letter cites, with the point and index it came from (for warnings)."""

    label: str
    source: Source
    point_id: str
    index: int


@dataclass
class Citations:
    """The sources a letter cites, in order of first citation, each listed once.

    Every mark becomes its own footnote (Word numbers one footnote per
    reference): the first names the source, a later one reads "See note 3."
    Footnotes are numbered in the order of their marks, so the number of the
    first mark is known when a later one is written.
    """

    cited: list[CitedSource] = field(default_factory=list)
    _by_key: dict[str, str] = field(default_factory=dict)
    _numbers: dict[str, int] = field(default_factory=dict)
    _repeats: list[tuple[str, int, int]] = field(default_factory=list)  # label, number, see

    def cite(self, text: str | None, point_id: str, sources: list[Source]) -> str | None:
        """``text`` with its ``[^id]`` marks renamed to the letter's footnote labels.

        A mark naming no source of the point is dropped (lint reports it).
        """
        if not text:
            return text
        by_id = {s.id: i for i, s in enumerate(sources) if s.id}

        def label(match: re.Match[str]) -> str:
            index = by_id.get(match.group(1))
            if index is None:
                return ""
            first = self._label(sources[index], point_id, index)
            number = len(self._numbers) + len(self._repeats) + 1
            if first not in self._numbers:
                self._numbers[first] = number
                return f"[^{first}]"
            again = f"{first}-{number}"
            self._repeats.append((again, number, self._numbers[first]))
            return f"[^{again}]"

        return _CITATION.sub(label, text)

    def _label(self, source: Source, point_id: str, index: int) -> str:
        known = self._by_key.get(source.key)
        if known is not None:
            return known
        base = source.id or f"source-{len(self.cited) + 1}"
        taken = {c.label for c in self.cited}
        label, n = base, 2
        while label in taken:
            label, n = f"{base}-{n}", n + 1
        self._by_key[source.key] = label
        self.cited.append(CitedSource(label, source, point_id, index))
        return label

    def footnotes(self) -> list[dict[str, Any]]:
        """The footnote definitions, in footnote order; a repeat has ``see`` (a number)."""
        notes: list[dict[str, Any]] = [
            {
                "number": self._numbers[c.label],
                "label": c.label,
                "title": c.source.title,
                "publisher": c.source.publisher,
                "year": c.source.year,
                "url": c.source.link,
                "see": None,
            }
            for c in self.cited
        ]
        notes += [{"number": n, "label": label, "see": see} for label, n, see in self._repeats]
        return sorted(notes, key=lambda note: note["number"])


#: The word count of a talking point's printed text: the same texts come back in
#: every letter of a batch, so their counts are kept.
_library_words = functools.lru_cache(maxsize=1024)(count_words)


def answer_context(
    answer: Answer,
    library: Library,
    detail: str,
    lang: str = DEFAULT_LANGUAGE,
    citations: Citations | None = None,
    audience: Audience | None = None,
) -> dict[str, Any]:
    """What the answer template renders, with the word counts of each side.

    Own words are the respondent's (intro, notes, closing); library words are
    the talking points' text the letter prints (title, recommendation,
    rationale, and the body with ``detail: full``), in ``lang`` where the point
    has a translation (``untranslated`` lists what fell back to English). The
    recommendation is the one worded for ``audience`` (the call's kind says
    which) where the point has it.
    """
    citations = citations if citations is not None else Citations()
    points = []
    library_words = 0
    own_words = count_words(answer.intro or "") + count_words(answer.closing or "")
    for chosen in answer.points:
        point = library.get(chosen.id).point
        text = localized_point(point, lang)
        body = text.body if detail == "full" else None
        printed = {
            "recommendation": citations.cite(
                text.recommendation_for(audience), point.id, point.sources
            ),
            "rationale": None
            if detail == "short"
            else citations.cite(text.rationale, point.id, point.sources),
            "body": citations.cite(body, point.id, point.sources),
        }
        library_words += sum(_library_words(t or "") for t in (text.title, *printed.values()))
        own_words += count_words(chosen.note or "")
        points.append(
            {
                "id": chosen.id,
                "title": text.title,
                **{k: v.strip() if v else None for k, v in printed.items()},
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


def salutation_name(contact: str | None) -> str | None:
    """The person a letter greets: the contact up to the first comma ("Robin Castellano,
    Contract Administration" → "Robin Castellano"); ``None`` greets the review team."""
    name = (contact or "").split(",")[0].strip()
    return name or None


def response_context(
    loaded: LoadedResponse,
    library: Library,
    date: dt.date | None = None,
    rendered: dict[str, str] | None = None,
    signers: list[Signer] | None = None,
) -> dict[str, Any]:
    """The template context of a whole response.

    ``rendered`` maps question ids to answers already rendered by
    :func:`~advocacy.respond.checking.check_response`, so the document says
    exactly what was checked; ``signers`` are the checked signers.
    """
    response, rfi = loaded.response, loaded.rfi.rfi
    citations = Citations()
    answers = []
    asks: dict[str, dict[str, str]] = {}
    for question in rfi.questions:
        answer = next((a for a in response.answers if a.question == question.id), None)
        if answer is None:
            continue
        context = answer_context(
            answer, library, response.detail, response.language, citations, kind_of(rfi).audience
        )
        lang = response.language
        translated = question.topic_translations
        topic = translated.get(lang) or translated.get(base_language(lang)) or question.topic
        answers.append(
            {
                "question": question.model_dump() | {"topic": topic},
                "markdown": (rendered or {}).get(question.id),
            }
            | context
        )
        for point in context["points"]:
            asks.setdefault(point["id"], {"title": point["title"], "ask": point["ask"]})
    respondent = response.respondent
    identity = (
        {"name": None, "organization": None, "role": respondent.role, "email": None, "city": None}
        if respondent.anonymous
        else respondent.model_dump(exclude={"anonymous"})
    )
    sender: list[str] = []
    signature: list[str] = []
    if not respondent.anonymous:  # the template words the anonymous case in its language
        first = respondent.display_name + (f", {respondent.role}" if respondent.role else "")
        organization = respondent.organization if respondent.name else None
        sender = [x for x in (first, organization, respondent.city, respondent.email) if x]
        signature = [
            x
            for x in (
                respondent.display_name,
                respondent.role,
                organization,
                respondent.email or respondent.city,
            )
            if x
        ]
    reference = f" ({rfi.reference})" if rfi.reference else ""
    cover = {
        "sender": sender,
        "recipient": [x for x in (rfi.agency, rfi.contact) if x],
        "subject": [rfi.title + reference],
    }
    return {
        "kind": rfi.kind,
        "public_comment": rfi.public_comment.model_dump() if rfi.public_comment else None,
        "testimony": testimony_context(loaded),
        "cover": cover,
        "rfi": {**rfi.model_dump(), "due_at": rfi.due_at},
        "respondent": {
            **identity,
            "anonymous": respondent.anonymous,
            "display_name": respondent.display_name,
        },
        "salutation": salutation_name(rfi.contact),
        "language": response.language,
        "date": date or response.date or dt.date.today(),
        "detail": response.detail,
        "opening": response.opening,
        "asks": list(asks.values()),
        "answers": answers,
        "closing": response.closing,
        "signature": signature,
        "signers": [s.as_dict() for s in signers or []],
        "appendix": response.appendix,
        "footnotes": citations.footnotes(),
        "cited": citations.cited,
    }


def bill_positions(loaded: LoadedResponse) -> dict[str, str | None]:
    """The speaker's position on each bill of a hearing (``None``: not stated)."""
    rfi, response = loaded.rfi.rfi, loaded.response
    if rfi.testimony is None:
        return {}
    return {b.id: response.positions.get(b.id, response.position) for b in rfi.testimony.bills}


def testimony_context(loaded: LoadedResponse) -> dict[str, Any] | None:
    """The hearing for a testimony template: committee, chairs, bills with positions."""
    rfi = loaded.rfi.rfi
    part = rfi.testimony
    if part is None:
        return None
    zone = rfi.due_at.tzinfo
    hearing = part.hearing.date
    positions = bill_positions(loaded)
    return {
        **part.model_dump(exclude={"bills", "hearing"}),
        "hearing": {
            "date": hearing.replace(tzinfo=zone) if hearing.tzinfo is None else hearing,
            "place": part.hearing.place,
        },
        "bills": [b.model_dump() | {"position": positions[b.id]} for b in part.bills],
    }
