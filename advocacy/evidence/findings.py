"""What the evidence finder reports: hits, red flags, matches not counted."""

from __future__ import annotations

from dataclasses import dataclass, field

from advocacy.evaluate.rubric import ResolvedCriterion
from advocacy.evidence.reading import Passage
from advocacy.evidence.report import EXCERPT_CHARS, excerpt


class _Excerpted:
    """A finding quoted from its passage."""

    passage: Passage
    spans: tuple[tuple[int, int], ...]  # character spans of the words to highlight

    def excerpt(self, width: int = EXCERPT_CHARS) -> str:
        return excerpt(self.passage.text, self.spans, width)


class _Learned(_Excerpted):
    chance: float | None  # a learned reader's chance, or None for the rules' findings

    @property
    def learned(self) -> bool:
        return self.chance is not None


@dataclass(frozen=True)
class Hit(_Learned):
    """A passage and what of a criterion it shows."""

    passage: Passage
    items: tuple[str, ...]  # the look-for items it hits (or "rules out: …" a red flag)
    spans: tuple[tuple[int, int], ...]  # character spans of the matched words
    matches: int
    phrases: tuple[str, ...] = ()  # the phrases or @concepts that matched
    # for a passage the learned model reads as evidence (phrase LEARNED): its chance
    chance: float | None = None


@dataclass(frozen=True)
class RedFlagFinding(_Learned):
    criterion: str
    flag: str
    why: str
    passage: Passage
    spans: tuple[tuple[int, int], ...]
    phrase: str = ""  # the phrase or @concept that matched
    # for a flag of the learned model (phrase LEARNED): its chance that this is a red-flag line
    chance: float | None = None


@dataclass(frozen=True)
class NotCounted(_Excerpted):
    """A match shown to the reviewer but not counted, and why."""

    criterion: str
    kind: str  # red_flag | look_for
    item: str
    reason: str  # "negated by 'will not'", "listed under 'Excluded duties'", …
    passage: Passage
    spans: tuple[tuple[int, int], ...]
    phrase: str = ""


@dataclass
class CriterionEvidence:
    criterion: ResolvedCriterion
    hits: list[Hit] = field(default_factory=list)
    found: list[str] = field(default_factory=list)  # look-for items seen anywhere
    ruled_out: list[str] = field(default_factory=list)  # red flags the bid rules out

    @property
    def missing(self) -> list[str]:
        return [i.text for i in self.criterion.look_for if i.text not in self.found]
