"""Point reviewers to the passages of a bid that matter for each criterion.

An aid that cites its excerpts, not a verdict. The stages, each in its own
module: read (:mod:`.reading`) → segment (:mod:`.segment`) → normalise and
detect the language (:mod:`.normalise`) → match stemmed phrases and shared
concepts (:mod:`.matching`, :mod:`.concepts`) → scope: negation, excluding
lists, weak qualifiers (:mod:`.scope`; what a whole passage is, :mod:`.passage_scope`)
→ explain and summarise (here).

For each criterion: the passages that hit the most distinct look-for items;
red flags with the phrase that matched and why they matter; matches that
were *not counted*, with the reason (never dropped silently); a summary of
each mandatory criterion; and the duty or qualification lines that matched
nothing, for the reviewer to read.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial
from typing import NamedTuple

from advocacy.evaluate.rubric import LoadedRubric, ResolvedCriterion
from advocacy.evidence.crediting import credited, sentence_of
from advocacy.evidence.findings import CriterionEvidence, Hit, NotCounted, RedFlagFinding
from advocacy.evidence.learned import MODEL_FILE
from advocacy.evidence.match_index import MatchIndex, PhraseMatch, build_index
from advocacy.evidence.matching import sentence_starts, tokenize
from advocacy.evidence.passage_scope import A_HEADER_ROW, answered_in_row, list_scopes
from advocacy.evidence.reading import BidDocument, Passage
from advocacy.evidence.reading_list import sentences_to_read
from advocacy.evidence.report import EXCERPT_CHARS
from advocacy.evidence.scope import ANOTHER_MEANING, RULES_NOTHING_OUT
from advocacy.evidence.second_reader import (
    evidence_doubt,
    learned_evidence,
    learned_red_flags,
    read_as_evidence,
)

__all__ = [
    "EXCERPT_CHARS",
    "CriterionEvidence",
    "EvidenceReport",
    "Hit",
    "NotCounted",
    "RedFlagFinding",
    "find_evidence",
]

_DUTY_HEADINGS = (
    "dut",
    "responsib",
    "function",
    "qualif",
    "require",
    "what you",
    "role",
    "task",
    "deber",
    "funcion",
    "requisit",
    "tarea",
)
# Headings or lead-ins of a list of the job's duties (not its qualifications).
_DUTY_SECTIONS = (
    "dut",
    "responsib",
    "function",
    "task",
    "what you'll do",
    "what you will do",
    "what you’d do",
    "what you'd do",
    "you will",
    "deber",
    "funcion",
    "tarea",
    "responsabilidad",
)


@dataclass
class EvidenceReport:
    bid: BidDocument
    rubric: LoadedRubric
    criteria: list[CriterionEvidence]
    red_flags: list[RedFlagFinding]
    not_counted: list[NotCounted] = field(default_factory=list)
    unmatched: list[Passage] = field(default_factory=list)  # "read these" (reading_list.py)
    languages: dict[str, int] = field(default_factory=dict)  # passages per language
    warnings: list[str] = field(default_factory=list)
    # for each passage of ``unmatched``: the character spans of its sentences to read
    read_spans: list[tuple[tuple[int, int], ...]] = field(default_factory=list)

    @property
    def unaddressed(self) -> list[CriterionEvidence]:
        return [c for c in self.criteria if not c.hits]

    def summary(self) -> list[SummaryRow]:
        """One row per mandatory criterion."""
        rows = []
        for c in self.criteria:
            if not c.criterion.mandatory:
                continue
            flags = [f for f in self.red_flags if f.criterion == c.criterion.id]
            excluded = sum(n.criterion == c.criterion.id for n in self.not_counted)
            learned = sum(f.learned for f in flags)
            rows.append(
                SummaryRow(
                    c.criterion,
                    len(flags),
                    learned,
                    len(c.hits),
                    sum(h.learned for h in c.hits),
                    excluded,
                )
            )
        return rows


class SummaryRow(NamedTuple):
    criterion: ResolvedCriterion
    red_flags: int  # all of them, the learned model's included
    learned: int  # of them, raised by the learned model
    evidence: int  # passages of evidence shown
    learned_evidence: int  # of them, found by the learned model
    not_counted: int


def find_evidence(
    bid: BidDocument, rubric: LoadedRubric, top: int = 3, learned: bool = True
) -> EvidenceReport:
    """Scan every passage of ``bid`` for every criterion of ``rubric``.

    With ``learned`` (the default), the readers learned from the labelled corpus
    (:mod:`.learned`, :mod:`.second_reader`) read every sentence too: for red
    flags the rules did not raise and for evidence they did not find.
    """
    from advocacy.evidence.language import other_half, passage_languages, text_warnings
    from advocacy.evidence.learned import load_model

    index = build_index(rubric)
    readers = load_model() if learned else None
    languages = passage_languages(bid.passages)
    contexts = list_scopes(bid.passages, languages)
    sections = _sections(bid.passages, languages)
    hits: dict[str, list[tuple[tuple[int, int, int], Hit]]] = {c.id: [] for c in rubric.criteria}
    evidence = {c.id: CriterionEvidence(c) for c in rubric.criteria}
    red_flags: list[RedFlagFinding] = []
    not_counted: list[NotCounted] = []
    unmatched: list[Passage] = []
    read_spans: list[tuple[tuple[int, int], ...]] = []
    for order, passage in enumerate(bid.passages):
        duty_line, weak_heading = sections[order]
        tokens = tokenize(passage.text, index.language_of(languages[order]))
        matches = index.scan(
            passage.text,
            languages[order],
            contexts[order],
            duty_line,
            weak_heading,
            passage.heading,
            tokens,
        )
        # a passage that goes on in another language ("… / Los pares no …"): that half
        # is read in its own language, by the rules and the model alike
        parts = [(0, tokens)]
        half = other_half(passage.text, languages[order], index.languages)
        if half is not None:
            start, text, lang = half
            parts.append((start, tokenize(text, lang)))
            more = index.scan(
                text, lang, contexts[order], duty_line, weak_heading, passage.heading, parts[1][1]
            )
            matches += [replace(m, span=(m.span[0] + start, m.span[1] + start)) for m in more]
        if passage.owner is not None:
            matches = answered_in_row(passage.text, passage.owner, matches)
        flags_before, hits_before = len(red_flags), {cid: len(h) for cid, h in hits.items()}
        # the readers, where they read the passage's language
        here = readers if languages[order] in index.languages else None
        if here is not None:
            matches = read_as_evidence(here, parts, matches)
        doubt = partial(evidence_doubt, here, parts, matches) if here else None
        _collect(order, passage, matches, index, evidence, hits, red_flags, not_counted, doubt)
        if here is not None:
            red_flags += learned_red_flags(
                here.red_flag,
                passage,
                parts,
                matches,
                contexts[order],
                red_flags[flags_before:],
                evidence,
                not_counted,
                here.evidence,
            )
            if not _is_label(passage):  # a header or label line is no evidence (_collect)
                # a sentence the rules cite for one criterion may show another as well
                # ("… supervised by the Peer Services Director, and we pay for CPS renewal");
                # a red-flag phrase whose words mean something else there took nothing
                taken = [
                    m.span
                    for m in matches
                    if m.entry.kind == "red_flag"
                    and not (m.excluded and m.excluded.startswith(ANOTHER_MEANING))
                ]
                taken += [span for f in red_flags[flags_before:] for span in f.spans]
                # only a criterion the rules cite nowhere in the passage: theirs is enough
                cited = {cid for cid, ranked in hits.items() if ranked[hits_before[cid] :]}
                others = [cid for cid in evidence if cid not in cited]
                for cid, hit in learned_evidence(here.evidence, passage, parts, taken, others):
                    hits[cid].append(((1, -round(100 * (hit.chance or 0)), order), hit))
        flagged = [span for f in red_flags[flags_before:] for span in f.spans]
        # only the rules' passages say a line has been read: a learned one may not be shown
        new_hits = [
            hit
            for cid, ranked in hits.items()
            for _, hit in ranked[hits_before[cid] :]
            if not hit.learned
        ]
        read = sentences_to_read(
            passage.text,
            sentence_starts(passage.text),
            duty_line or _is_duty_line(passage),
            [m.span for m in matches],
            flagged,
            [span for h in new_hits for span in h.spans],
        )
        if read:
            unmatched.append(passage)
            read_spans.append(read)
    for cid, ranked in hits.items():
        evidence[cid].hits = [hit for _, hit in sorted(ranked, key=lambda pair: pair[0])[:top]]
    counts: dict[str, int] = {}
    for lang in languages:
        counts[lang] = counts.get(lang, 0) + 1
    report = EvidenceReport(
        bid,
        rubric,
        [evidence[c.id] for c in rubric.criteria],
        red_flags,
        not_counted,
        unmatched,
        counts,
    )
    report.warnings = text_warnings(bid.passages, counts, index.languages)
    if learned and readers is None:
        report.warnings.append(
            f"the learned red-flag model ({MODEL_FILE}) is not installed: only the phrase "
            "rules read this bid, and the sentences they miss are not flagged"
        )
    report.read_spans = read_spans
    return report


def _collect(
    order: int,
    passage: Passage,
    matches: list[PhraseMatch],
    index: MatchIndex,
    evidence: dict[str, CriterionEvidence],
    hits: dict[str, list[tuple[tuple[int, int, int], Hit]]],
    red_flags: list[RedFlagFinding],
    not_counted: list[NotCounted],
    doubt: Callable[[str, tuple[tuple[int, int], ...]], str | None] | None = None,
) -> None:
    """Sort one passage's matches into hits, red flags and matches not counted.
    ``doubt`` says why evidence for a criterion, matched at some spans, is not
    counted after all (the readers' :func:`.second_reader.evidence_doubt`)."""
    per_item: dict[tuple[str, str, str], list[PhraseMatch]] = {}
    for m in matches:
        per_item.setdefault((m.entry.criterion, m.entry.kind, m.entry.item), []).append(m)
    items: dict[str, list[tuple[str, PhraseMatch]]] = {}
    # A sentence that raises a red flag is not evidence of a strength, for any
    # criterion; only that it rules another flag out ("will not give out
    # medication; however, they will document each contact") still counts.
    # The other sentences of a paragraph still count.
    sentences = sentence_starts(passage.text)
    flagged = {
        sentence_of(sentences, m.span[0])
        for (_, kind, _), found in per_item.items()
        if kind == "red_flag"
        for m in found
        if m.excluded is None
    }
    header = _is_label(passage)
    at_home = {
        (m.entry.criterion, _concept(m))
        for (cid, kind, _), found in per_item.items()
        if kind == "red_flag"
        for m in found
        if m.excluded is None and m.entry.home == cid
    }
    for (cid, kind, item), found in per_item.items():
        counted = [m for m in found if m.excluded is None]
        if kind == "red_flag":  # where its concept's home point raises it, only there
            away = [
                m
                for m in counted
                if m.entry.home not in (None, cid) and (m.entry.home, _concept(m)) in at_home
            ]
            counted = [m for m in counted if m not in away]
            # those are flagged at home; the item's other matches still say what they say
            found = [m for m in found if m not in away]
            if not found:
                continue
        if kind == "red_flag" and counted:
            entry = counted[0].entry
            spans = tuple(sorted({m.span for m in counted}))
            red_flags.append(RedFlagFinding(cid, item, entry.why, passage, spans, entry.source))
            continue
        if kind == "look_for" and counted:
            items.setdefault(cid, []).extend((item, m) for m in counted)
            continue
        first = found[0]
        not_counted.append(
            NotCounted(
                cid, kind, item, first.excluded or "", passage, (first.span,), first.entry.source
            )
        )
        if (
            kind == "red_flag"
            and first.entry.rules_out
            and first.excluded != A_HEADER_ROW  # a column's name rules nothing out
            and not _elsewhere(found)
            and (first.entry.rules_out_home or first.entry.home) in (None, cid)
        ):
            # "Peer staff will not give out medication" rules the red flag out: evidence,
            # for the concept's home only when it has one (see credited()).
            label = f"rules out: {item}"
            items.setdefault(cid, []).extend((label, m) for m in found)
            if item not in evidence[cid].ruled_out:
                evidence[cid].ruled_out.append(item)
    items = credited(items, sentences, passage.text)
    for cid, found_items in items.items():
        found_items = [
            (i, m)
            for i, m in found_items
            if i.startswith("rules out: ")
            or (not header and sentence_of(sentences, m.span[0]) not in flagged)
        ]
        if not found_items:
            continue
        names = tuple(dict.fromkeys(item for item, _ in found_items))
        spans = tuple(sorted({m.span for _, m in found_items}))
        phrases = tuple(dict.fromkeys(m.entry.source for _, m in found_items))
        reason = doubt(cid, spans) if doubt else None
        if reason:
            not_counted.append(
                NotCounted(cid, "look_for", names[0], reason, passage, spans, phrases[0])
            )
            continue
        hit = Hit(passage, names, spans, len(spans), phrases)
        hits[cid].append(((-len(names), -len(spans), order), hit))
        look_for = {i.text for i in evidence[cid].criterion.look_for}
        evidence[cid].found += [i for i in names if i in look_for and i not in evidence[cid].found]


def _concept(m: PhraseMatch) -> str:
    """The concept a match's phrase comes from ("@compliance-enforcement: …")."""
    return m.entry.source.split(":", 1)[0]


def _elsewhere(found: list[PhraseMatch]) -> bool:
    """Whether every match was not counted for a reason that says nothing about
    peers' duties (another position's duty, a word of a weak qualifier)."""
    return all((m.excluded or "").startswith(RULES_NOTHING_OUT) for m in found)


def _is_label(passage: Passage) -> bool:
    """A job-board header, table header or label line ("Pay: $19.50 per hour",
    "Paid time off", "| Puesto | Salario inicial |"), not a sentence: it names
    a topic without saying anything a reviewer could weigh, so it is not
    evidence (a red flag on it still counts)."""
    text = passage.text.strip().strip("|").strip()
    if passage.item or text.endswith((".", "!", "?", ";")):
        return False
    words = [w for w in re.split(r"[\s|]+", text) if any(c.isalpha() for c in w)]
    if len(words) <= 6:
        return True
    return len(words) <= 30 and not passage.text.lstrip().startswith("|") and _header_line(text)


# A memo, minutes or posting header: "TO: …", "RE: …", "Present: …", "Reply from: …".
# A one-word label needs its colon ("To:", "Para:"); "To keep the role mutual, …" and
# "Effective July 1 all peers …" are sentences.
_HEADER_LABEL = re.compile(
    r"\W*(?:(?:to|from|re|cc|subject|date|fecha|para|asunto|present|presentes|attendees"
    r"|asistentes|owner|grievant|effective)\s*:|(?:reply from|compiled by|prepared by|req id"
    r"|rfp no\.?)\W)",
    re.IGNORECASE,
)
# A "Label: value" field: at the start, or a label in title case further on ("Grade:",
# "Pay Grade:"), which a sentence rarely has twice.
_FIELD = re.compile(
    r"(?:^\W*[A-ZÁÉÍÓÚÑ][\w/&.()-]*(?: [\w/&.()-]+){0,2}"
    r"|(?:^|[\s·|])\**[A-ZÁÉÍÓÚÑ][\w/&.()-]*(?: [A-ZÁÉÍÓÚÑ][\w/&.()-]*){0,2})\**:\**\s"
)
_GAP = re.compile(r"\S(?:\s{2,}| · )\S")


def _header_line(text: str) -> bool:
    """A header or field line, not a sentence: a memo or minutes header, two or more
    "Label: value" fields ("Title: Peer Mentor   Grade: 108"), fields spaced out on one
    line ("Job details  Pay  $15.25 an hour  Job type  Full-time"), or a title in capitals."""
    from advocacy.evidence.titles import sentence_words

    letters = [c for c in text if c.isalpha()]
    capitals = sum(c.isupper() for c in letters) / max(len(letters), 1)
    return bool(
        _HEADER_LABEL.match(text)
        or len(_FIELD.findall(text)) >= 2
        # parts spaced out or joined by " · ", unless one says something ("must have")
        or (len(_GAP.findall(text)) >= 2 and not sentence_words(text))
        # a title in capitals, not a sentence ("ALL PEERS ARE SUPERVISED BY …")
        or (capitals > 0.7 and len(letters) > 8 and not sentence_words(text))
    )


def _sections(passages: tuple[Passage, ...], languages: list[str]) -> list[tuple[bool, str | None]]:
    """For each passage: whether it is a line of a duties list, and its heading's weak cue.

    A duties list is what follows a heading or a lead-in ("Essential duties:",
    "Responsibilities", "Deberes y responsabilidades:") up to the next heading
    or lead-in; a line that starts with such a label ("Duties include: …") is
    one too. A heading or lead-in such as "Qualifications: Preferred" makes
    what is listed under it a preference.
    """
    from advocacy.evidence.scope import weak_cue

    found: list[tuple[bool, str | None]] = []
    duty = False
    weak: str | None = None
    previous_heading: str | None = None
    for passage, lang in zip(passages, languages, strict=True):
        if passage.heading != previous_heading:
            previous_heading = passage.heading
            duty = _names_duties(passage.heading or "")
            weak = weak_cue(passage.heading, lang) if passage.heading else None
        text = passage.text.strip()
        label, colon, rest = text.partition(":")
        if not passage.item and _lead_in(text):  # it sets the list that follows
            duty, weak = _names_duties(text), weak_cue(text, lang)
            found.append((duty, weak))
            continue
        if not passage.item and colon and len(label.split()) <= 6:
            if not rest.strip():  # a lead-in: it sets the list that follows
                duty, weak = _names_duties(label), weak_cue(label, lang)
                found.append((duty, weak))
                continue
            found.append((duty or _names_duties(label), weak or weak_cue(label, lang)))
            continue
        found.append((duty, weak))
    return found


def _lead_in(text: str) -> bool:
    """A short line that is not a sentence ("Responsabilidades principales",
    "Qualifications: Preferred"): a title for what follows, even when the
    reader did not take it for a heading."""
    return len(text.split()) <= 6 and not text.endswith((".", "!", "?", ";"))


def _names_duties(text: str) -> bool:
    lowered = text.lower()
    return any(word in lowered for word in _DUTY_SECTIONS)


def _is_duty_line(passage: Passage) -> bool:
    """A list item, a table row, or a line under a duties or qualifications heading."""
    heading = (passage.heading or "").lower()
    return (
        passage.item or passage.owner is not None or any(word in heading for word in _DUTY_HEADINGS)
    )
