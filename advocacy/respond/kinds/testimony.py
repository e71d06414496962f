"""Kind ``testimony``: written and spoken testimony to a legislative committee on bills.

Its rules: a position stated on every bill (and only on the hearing's
bills), the spoken version within the speaking time at the stated pace, and
the bill numbers in the email's subject. ``package`` writes an email draft to
the committee with the written testimony attached.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import TYPE_CHECKING

from advocacy.errors import did_you_mean, error, warning
from advocacy.respond.kinds import (
    CallKind,
    KindCheck,
    PackageRequest,
    PackageResult,
    email_draft,
)
from advocacy.respond.kinds.rules import character_limits, document_markdown
from advocacy.wordcount import count_words

if TYPE_CHECKING:
    from advocacy.errors import Diagnostic
    from advocacy.models import Rfi
    from advocacy.respond.loading import LoadedResponse

SPOKEN_TEMPLATE = "testimony-spoken.md.j2"


def spoken_text(kc: KindCheck) -> str:
    """The spoken version as plain text in short paragraphs (no reading-time line)."""
    from advocacy.respond.plain_text import markdown_to_plain, short_paragraphs

    markdown = document_markdown(kc, SPOKEN_TEMPLATE)
    return short_paragraphs(markdown_to_plain(markdown, footnotes=False))


def reading_seconds(words: int, words_per_minute: int) -> int:
    """Seconds to read ``words`` aloud at ``words_per_minute``, rounded up."""
    return math.ceil(words * 60 / words_per_minute)


def minutes_and_seconds(seconds: float) -> str:
    """``"2:35"``."""
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


def reading_time_line(kc: KindCheck) -> str:
    """The line heading the spoken version: estimated reading time against the limit."""
    m = kc.report.measures
    return (
        f"[Reading time about {minutes_and_seconds(m['reading_seconds'])} "
        f"({m['spoken_words']} words at {m['words_per_minute']} words a minute); "
        f"limit {minutes_and_seconds(m['speaking_limit_seconds'])}]"
    )


def _check(kc: KindCheck) -> Iterator[Diagnostic]:
    loaded = kc.loaded
    part = loaded.rfi.rfi.testimony
    assert part is not None  # the model requires it for this kind
    yield from character_limits(kc)
    problems = list(_positions(loaded))
    yield from problems
    yield from _subject(loaded)
    if problems:
        return  # the spoken version needs a position on every bill
    words = count_words(spoken_text(kc))
    seconds = reading_seconds(words, part.words_per_minute)
    limit = part.speaking_minutes * 60
    kc.report.measures.update(
        spoken_words=words,
        words_per_minute=part.words_per_minute,
        reading_seconds=seconds,
        speaking_limit_seconds=limit,
    )
    if seconds > limit:
        over = seconds - limit
        yield warning(
            f"the spoken testimony takes about {minutes_and_seconds(seconds)} to read at "
            f"{part.words_per_minute} words a minute; the committee allows "
            f"{minutes_and_seconds(limit)}",
            loaded.rfi.path,
            *loaded.rfi.doc.position(("testimony", "speaking_minutes")),
            hint=f"cut about {math.ceil(over * part.words_per_minute / 60)} words from what you "
            "say aloud (your written testimony can keep them), or choose 'detail: short'",
            code="speaking-time",
        )


def _positions(loaded: LoadedResponse) -> Iterator[Diagnostic]:
    from advocacy.respond.context import bill_positions

    part = loaded.rfi.rfi.testimony
    assert part is not None
    ids = [b.id for b in part.bills]
    for bill_id in loaded.response.positions:
        if bill_id not in ids:
            yield error(
                f"the hearing has no bill {bill_id!r}",
                loaded.path,
                *loaded.position("positions", bill_id),
                hint=did_you_mean(bill_id, ids) or "bills: " + ", ".join(ids),
                code="unknown-id",
            )
    for bill_id, position in bill_positions(loaded).items():
        if position is None:
            bill = part.bill(bill_id)
            assert bill is not None
            yield error(
                f"no position stated on {bill.number}",
                loaded.path,
                *loaded.position("position"),
                hint="add 'position: support' (or oppose, support-with-amendments)"
                + (f", or 'positions: {{{bill_id}: support}}'" if len(ids) > 1 else ""),
                code="position",
            )


def _subject(loaded: LoadedResponse) -> Iterator[Diagnostic]:
    rfi = loaded.rfi.rfi
    convention = rfi.submit.subject
    assert rfi.testimony is not None
    if convention is None or "{bills}" in convention:
        return
    missing = [b.number for b in rfi.testimony.bills if b.number not in convention]
    if missing:
        yield warning(
            f"the subject line does not name {', '.join(missing)}",
            loaded.rfi.path,
            *loaded.rfi.doc.position(("submit", "subject")),
            hint="committee staff file testimony by bill: put {bills} in the subject",
            code="subject",
        )


def _describe(rfi: Rfi) -> list[str]:
    from advocacy.i18n import long_datetime

    part = rfi.testimony
    assert part is not None
    hearing = part.hearing.date
    if hearing.tzinfo is None:
        hearing = hearing.replace(tzinfo=rfi.due_at.tzinfo)
    lines = [f"{part.committee} · {part.legislature}"]
    lines += [f"{b.number}: {b.title}" for b in part.bills]
    lines.append(f"Hearing: {long_datetime(hearing)}, {part.hearing.place}")
    lines.append(
        f"Speaking time: {minutes_and_seconds(part.speaking_minutes * 60)} "
        f"(about {round(part.speaking_minutes * part.words_per_minute)} words at "
        f"{part.words_per_minute} words a minute)"
    )
    lines.append("Written testimony is due by the deadline below.")
    return lines


def _package(request: PackageRequest) -> PackageResult:
    part = request.loaded.rfi.rfi.testimony
    assert part is not None
    return email_draft(
        request,
        after=[
            "To speak at the hearing, sign up as the committee asks, and keep to "
            f"{minutes_and_seconds(part.speaking_minutes * 60)}: "
            "'advocacy respond build --spoken' writes what to read."
        ],
        body=_email_body(request.loaded),
    )


def _email_body(loaded: LoadedResponse) -> str:
    from advocacy.respond.context import bill_positions

    rfi, respondent = loaded.rfi.rfi, loaded.response.respondent
    part = rfi.testimony
    assert part is not None
    positions = bill_positions(loaded)
    words = {
        "support": "support",
        "oppose": "oppose",
        "support-with-amendments": "support with amendments",
    }
    lines = [
        f"Dear Chairs and members of the {part.committee},",
        "",
        "Please find attached my written testimony:",
        "",
    ]
    lines += [
        f"  {b.number}, {b.title}: {words.get(positions[b.id] or '', 'no position')}"
        for b in part.bills
    ]
    lines += ["", "I ask that it be included in the hearing record.", ""]
    if respondent.anonymous:
        lines.append("I am submitting this testimony anonymously.")
    else:
        lines += ["Sincerely,", respondent.display_name]
        lines += [x for x in (respondent.role, respondent.organization, respondent.city) if x]
    return "\n".join(lines) + "\n"


KIND = CallKind(
    name="testimony",
    label="testimony",
    template="testimony.md.j2",
    audience="legislature",
    check=_check,
    describe=_describe,
    package=_package,
    deadline="deadline for written testimony",
    spoken=lambda kc: reading_time_line(kc) + "\n\n" + spoken_text(kc),
)
