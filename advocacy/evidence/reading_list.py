"""Which lines the report asks a reviewer to read ("read these").

The matching knows the wordings it has been given; every new author brings
others, so a line that breaks the peer role in words the finder has not seen
raises no flag. The reading list is the safety net for that, and it is built
from the *shape* of a line, not from its vocabulary:

* a duty or qualification line that matched nothing: a list item, a line
  under a duties or qualifications heading or lead-in, a table row, a
  numbered clause ("2.3 PRSS shall …", "b. …"), a sentence that binds
  someone to do something ("shall", "must", "will", "deberá", "completarán",
  "tendrán que"), or a line that opens with a duty verb in the third person
  ("Transports clients …", "Performs …"), as class specifications do;
* a line that states the terms of the job (pay, a caseload, census or
  staffing level, who supervises or evaluates, funding) and is cited neither
  as evidence nor as a red flag, even when some words of it matched (a
  match not counted, or look-for words the crediting gave to no criterion).
  Whether such a line is a strength or a red flag turns on a comparison
  (pay "the same as" another title, one peer "for a census of 96",
  caseloads "set by each manager") that only a reader can make.

A line that raised a red flag is already in front of the reviewer and is not
listed again. Each sentence of a paragraph is judged on its own, so a flagged
or cited sentence does not hide the next one.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import pairwise

# Words that state the terms of the job. Stems, so "supervised", "supervisión".
_TERMS = re.compile(
    r"\$\s?\d|\d\s?/\s?h(?:ou)?r\b"
    # one word boundary before all the words, not one per word: tried at each boundary
    # only, not at each letter (four times faster on a long passage)
    r"|\b(?:per hour\b|hourly\b|salar|wage|pay\b|paid\b"
    r"|grade\b|rate\b|stipend|sueldo|pago\b|tarifa|escala\b|por hora\b"
    r"|mensual|caseload|case load|census|fte\b|ratio\b|staffing\b"
    r"|proporci[oó]n|carga de casos|personal por\b|one \(1\)|un \(1\)"
    r"|supervis|reports? to\b|reporta a\b|evaluat|evaluaci"
    r"|fund(?:ed|ing|s)\b|grant\b|appropriation|subvenci|subsidio|fondos\b)",
    re.IGNORECASE,
)
# A sentence that binds someone to a duty.
_OBLIGATION = re.compile(
    r"\b(?:shall|must|is expected to|are expected to|is required to|are required to"
    r"|will|may be assigned|responsible for|\w+rán?"
    r"|need (?:you|peers?|staff|everyone|them|y'all) to|please"
    r"|(?:was|were|am|are|is|been|being|get|got) (?:told|asked|expected|required) to"
    r"|deber[áa]n?|tendr[áa]n? que|se espera|ser[áa]n? responsables?|les? corresponde"
    r"|te necesito|los necesito|tienes? que|tienen que|hay que|les? pido|me pidieron"
    r"|nos (?:piden|pidieron|dijeron))\b",
    re.IGNORECASE,
)
# A clause number or letter at the start of a line: "2.3", "B-4.2.1", "3.", "a.", "(iv)";
# not a bare number ("2024 budget …", "12 peers …").
_CLAUSE = re.compile(
    r"^\s*(?:[A-Z]-?\d+(?:\.\d+)+|\d+(?:\.\d+)+[.)]?|\d{1,3}[.)]|\(?[a-z]{1,3}[.)])\s+\S"
)
# A duty verb in the third person opening the line: "Transports clients", "Performs".
_THIRD_PERSON = re.compile(r"^\s*(?:\d+[.)]\s*)?([A-Z][a-z]{2,}(?:es|s))\s+([a-z]+)")
_NOT_VERBS = frozenset("this these those its his hers ours yours always perhaps thanks".split())
# Words that follow a plural noun as the subject ("Benefits include …", "Hours vary",
# "Positions are …"), not the object of a duty verb ("Transports clients").
_AFTER_A_SUBJECT = frozenset(
    "are were will would may might can could must should shall include have had do did need "
    "vary range start begin apply depend remain".split()
)


def states_terms(text: str) -> bool:
    """Whether the line states pay, a caseload or staffing level, supervision or funding."""
    return _TERMS.search(text) is not None


def binds_a_duty(text: str) -> bool:
    """Whether the line reads as a duty: a numbered clause, an obligation, a duty verb."""
    if _CLAUSE.match(text) or _OBLIGATION.search(text) or text.lstrip().startswith("|"):
        return True
    opening = _THIRD_PERSON.match(text)
    return (
        opening is not None
        and opening.group(1).lower() not in _NOT_VERBS
        and opening.group(2) not in _AFTER_A_SUBJECT
    )


def to_read(
    text: str, duty_context: bool, matched: bool, flagged: bool, evidenced: bool = False
) -> bool:
    """Whether a line goes on the reading list.

    ``duty_context``: a list item, a table row, or a line under a duties or
    qualifications heading; ``matched``: anything matched on the line (counted
    or not); ``flagged``: a red flag was raised on it; ``evidenced``: it is
    cited as evidence.
    """
    if flagged:
        return False
    if states_terms(text):
        return not evidenced
    return not matched and (duty_context or binds_a_duty(text))


Span = tuple[int, int]


def sentences_to_read(
    text: str,
    starts: list[int],
    context: bool,
    matched: list[Span],
    flagged: list[Span],
    cited: list[Span],
) -> tuple[Span, ...]:
    """The spans of the sentences of ``text`` (starting at ``starts``) to read.

    ``matched``, ``flagged`` and ``cited`` are the spans of every match, of the
    red flags raised and of the evidence cited in the passage."""
    # a clause label ("c. ", "2. ") is not a sentence of its own
    bounds = [*(i for i in starts if i == 0 or i > 4), len(text)]
    firsts = [sorted(start for start, _ in spans) for spans in (matched, flagged, cited)]
    read = []
    for a, b in pairwise(bounds):
        inside = [_any_in(found, a, b) for found in firsts]
        if to_read(text[a:b], context, *inside):
            read.append((a, b))
    return tuple(read)


def _any_in(sorted_starts: list[int], a: int, b: int) -> bool:
    """Whether one of ``sorted_starts`` is in ``a``..``b`` (``b`` excluded)."""
    at = bisect_left(sorted_starts, a)
    return at < len(sorted_starts) and sorted_starts[at] < b
