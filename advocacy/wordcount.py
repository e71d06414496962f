"""Count words in Markdown the way a reader (and an agency's word limit) would.

Markup is not words: link targets, emphasis markers, heading hashes, list
bullets, HTML comments and code fences are dropped before counting. Hyphenated
words (``peer-run``), contractions (``don't``) and numbers (``3.5``) count once.
"""

from __future__ import annotations

import re

_COMMENT = re.compile(r"<!--.*?-->", re.S)
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_FOOTNOTE_REF = re.compile(r"\[\^[^\]]+\]")
_URL = re.compile(r"<?https?://\S+>?")
_WORD = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*")


def count_words(markdown: str) -> int:
    """The number of words a reader sees in ``markdown``."""
    text = _COMMENT.sub(" ", markdown)
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _FOOTNOTE_REF.sub(" ", text)
    text = _URL.sub(" url ", text)
    return len(_WORD.findall(text))
