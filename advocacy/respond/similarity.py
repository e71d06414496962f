"""How alike the letters of a batch are: the share of each letter found in the others.

Agencies group identical comments and may count them as one (ACUS
Recommendation 2021-1), so an organizer should see, after every batch, how
much of each letter is shared text. For each letter we take its 5-word
shingles (every run of five consecutive words, lower-cased) and count the
share of them that appear in at least one other letter of the batch.

The text measured is the Markdown letter after its front matter, whatever
the output format, so the figure is the same for DOCX and Markdown batches.
Shingles are kept as integer hashes. Up to :data:`EXACT_LIMIT` letters every
shingle is counted; above that a fixed hash sample (one shingle in N, the
same ones in every letter) estimates the share, which keeps memory bounded
for batches of tens of thousands without another dependency.
"""

from __future__ import annotations

import re
import statistics
import zlib
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import chain

SHINGLE = 5
EXACT_LIMIT = 2000
DEFAULT_THRESHOLD = 0.5
_WORD = re.compile(r"\w+(?:['’]\w+)*")


def sample_rate(letters: int) -> int:
    """Keep one shingle in this many (1: all) for a batch of ``letters``."""
    return max(1, -(-letters // EXACT_LIMIT))


def shingles(markdown_body: str, rate: int = 1) -> frozenset[int]:
    """The hashed 5-word shingles of a letter's text (a sample of 1 in ``rate``).

    Words hash with CRC-32 and shingles as tuples of those integers: both are
    the same in every process (unlike ``hash`` of a string), so letters
    measured by different workers compare.
    """
    words = [zlib.crc32(w.encode("utf-8")) for w in _WORD.findall(markdown_body.casefold())]
    # The shifted copies are shorter: zip stops at the last full shingle.
    found = set(map(hash, zip(*(words[i:] for i in range(SHINGLE)), strict=False)))
    if rate > 1:
        found = {h for h in found if h % rate == 0}
    return frozenset(found)


@dataclass(frozen=True)
class SimilarityReport:
    """Each letter's shared share (0–1), by file name."""

    shares: dict[str, float]
    threshold: float = DEFAULT_THRESHOLD

    @property
    def median(self) -> float:
        return statistics.median(self.shares.values()) if self.shares else 0.0

    @property
    def maximum(self) -> float:
        return max(self.shares.values(), default=0.0)

    @property
    def over(self) -> list[str]:
        """Files whose share exceeds the threshold, most shared first."""
        high = [f for f, share in self.shares.items() if share > self.threshold]
        return sorted(high, key=lambda f: (-self.shares[f], f))

    def csv_rows(self) -> list[list[object]]:
        """``file, shared_share`` per letter, sorted by file name (not by CSV row)."""
        rows: list[list[object]] = [["file", "shared_share"]]
        rows += [[f, f"{self.shares[f]:.3f}"] for f in sorted(self.shares)]
        return rows


def similarity(
    letters: Mapping[str, frozenset[int]], threshold: float = DEFAULT_THRESHOLD
) -> SimilarityReport:
    """For each letter, the share of its shingles that occur in another letter."""
    seen_in = Counter(chain.from_iterable(letters.values()))
    repeated = {s for s, count in seen_in.items() if count > 1}
    shares = {
        name: len(found & repeated) / len(found) if found else 0.0
        for name, found in letters.items()
    }
    return SimilarityReport(shares, threshold)
