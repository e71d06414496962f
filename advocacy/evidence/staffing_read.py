"""Reading a sentence for :mod:`advocacy.evidence.staffing`: numbers, words and peer titles.

A sentence is read as a row of items (numbers, lower-case words, the signs that
matter: ``: | / ( % $ ; , +``), with each item's span in the text as written.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from advocacy.evidence import staffing_words as w

_ITEM = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+|[:|/(%$;,+]|[.!?](?=\s+[A-ZÁÉÍÓÚÑ¿¡])")
# Short words a full stop follows without ending a sentence ("approx. 260", "No. 3").
_ABBREVIATIONS = frozenset("approx aprox est no nos vs dr st sr sra mr ms mrs etc inc co".split())
GAP = 4  # words between a number and its title ("one (1) full-time recovery mentor")


class Item(NamedTuple):
    text: str  # lower case
    span: tuple[int, int]
    value: float | None  # for a figure or a number word


def number_value(text: str) -> float | None:
    if text in w.NUMBER_WORDS:
        return float(w.NUMBER_WORDS[text])
    if not text[0].isdecimal() or len(text) > 12:
        return None
    parts = re.split(r"[.,]", text)
    if len(parts) > 1 and all(len(p) == 3 for p in parts[1:]):  # 1,400 · 1.800 · 12,000
        return float("".join(parts))
    return float(".".join(parts)) if len(parts) <= 2 else None  # 0.5 · 0,5


def read_items(sentence: str) -> list[Item]:
    # spans of the text as written: lower-casing can change a text's length ("İ")
    found: list[Item] = []
    for m in _ITEM.finditer(sentence):
        text = m.group().lower()
        if text in ".!?":  # a sentence ends before a capital: a clause ends
            if found and (found[-1].text in _ABBREVIATIONS or len(found[-1].text) == 1):
                continue
            text = ";"
        found.append(Item(text, m.span(), number_value(text)))
    return found


def clauses(items: list[Item]) -> list[list[Item]]:
    """The clauses of a sentence: a semicolon ends one, and so does a comma before "and",
    "but", "with" ("…, and the program serves 300 people")."""
    clauses: list[list[Item]] = [[]]
    for at, item in enumerate(items):
        after = items[at + 1].text if at + 1 < len(items) else ""
        if item.text == ";" or (item.text == "," and after in w.CLAUSE_STARTS):
            clauses.append([])
        else:
            clauses[-1].append(item)
    found = [c for c in clauses if c]
    # A note's staff count after its people ("About 210 clients on supervision; one
    # navigator", "Jail ADP ~180; one coach") goes with the clause before it.
    for at in range(len(found) - 1, 0, -1):
        if len(found[at]) <= _STAFF_ALONE and title_after(found[at], 0) is not None:
            found[at - 1] += found.pop(at)
    return found


_STAFF_ALONE = 3  # words of a clause that only counts staff: "one peer coach"


_AGES_BELOW = 100  # a figure with a plus below this is an age ("18+", "65+ residents")


def count(items: list[Item], at: int) -> float | None:
    """The number at ``at`` if it can count people or staff."""
    item = items[at]
    if item.value is None:
        return None
    before = items[at - 1].text if at else ""
    after = items[at + 1].text if at + 1 < len(items) else ""
    digits = item.text[0].isdecimal()
    beyond = items[at + 2].text if at + 2 < len(items) else ""
    if after == "+" and beyond in w.PEOPLE and item.value >= _AGES_BELOW:
        return item.value  # "1 peer for 800+ people": at least that many ("65+ residents": an age)
    if after in w.NOT_COUNTS or (digits and before in w.LABELS):
        return None
    time_before = before == ":" and at > 1 and items[at - 2].value is not None
    time_after = after == ":" and at + 2 < len(items) and items[at + 2].value is not None
    if digits and (time_before or time_after):  # "7:42", "1:40": a time, or a ratio read as one
        return None
    if digits and len(item.text) == 4 and 1900 <= item.value <= 2100:
        return None
    return item.value


def title_after(items: list[Item], at: int, bare_fte: bool = False) -> int | None:
    """The last word of a peer job title starting within a few words after ``at``:
    "two peer specialists", "one (1) recovery coach", "2 personas de pares", "3 PSS". With
    ``bare_fte`` (in a clause about peer staff), "2.0 FTE" with no other title near is one."""
    peer_before = False
    # "Peer staffing drops from 5.0 FTE …": a peer word just before the figure
    peer_lead = any(
        i.text in w.PEER_MARKERS or i.text in w.PEER_BEFORE for i in items[max(at - 4, 0) : at]
    )
    for k in range(at + 1, min(at + 2 + GAP, len(items))):
        text = items[k].text
        after = items[k + 1].text if k + 1 < len(items) else ""
        if text in w.GROUP or text in w.LEADING:  # "one peer team", "one lead peer"
            return None
        if after in w.LEADING and text in w.TITLE_NOUNS:  # "the Recovery Coach Supervisor"
            return None
        if text in w.ACRONYMS:
            return None if after in w.NOT_AFTER_ACRONYM or after in w.GROUP else k
        if text in w.PLURAL_PEERS:
            if after in w.GROUP:
                return None
            # "de pares" names whose: "2 personas de pares" are staff, "un rol de pares" is not
            of = items[k - 1].text in ("de", "entre")
            return k if not of or items[k - 2].text in ("personas", "persona") else None
        if text in w.HEADS:
            if after in w.GROUP:
                return None
            if text in w.PARTNERS and items[k - 1].text in w.FAMILY:  # "one Parent Partner"
                return k
            if text in w.BARE_TITLES and k == at + 1 and _counts(items[at]):  # "one coach"
                return k
            peer_after = any(i.text in w.PEER_AFTER for i in items[k + 1 : k + 5])
            near = items[max(at - 3, 0) : k + 3]
            other = any(i.text in w.OTHER_STAFF or i.text in w.OTHER_ROLES for i in near)
            fte = text in ("fte", "ftes") and (peer_lead or (bare_fte and not other))
            return k if peer_before or peer_after or fte else None
        if text == "peer" and (after in w.PERSON_AFTER_PEER or after in (",", ")", "")):
            return k
        if text in w.PEER_BEFORE:
            peer_before = True
        elif text in ("|", ":", ";") or (items[k].value is not None and items[k - 1].text != "("):
            return None
    return None


def _counts(item: Item) -> bool:
    """Whether ``item`` counts the title after it: a figure ("1 coach") or "each"."""
    return item.value is not None or item.text in w.EACH


def cell(items: list[Item], at: int) -> int:
    """Which cell of a table row the word at ``at`` is in (0: the title)."""
    pipes = sum(1 for i in items[:at] if i.text == "|")
    return pipes - (1 if items and items[0].text == "|" else 0)


def after_title(items: list[Item], at: int) -> bool:
    """Whether the number at ``at`` follows a peer title as a staffing table row's FTE whose
    cells were joined: "Peer Recovery Coach 1.0 275 clients", "Family Peer Partner 0.5 80"."""
    if at == 0 or items[at - 1].text not in w.TITLE_NOUNS:
        return False
    if not any(
        i.text in w.PEER_MARKERS or i.text in w.PEER_BEFORE for i in items[max(at - 4, 0) : at]
    ):
        return False
    after = items[at + 1] if at + 1 < len(items) else None
    return after is None or after.value is not None or after.text in ("fte", "ftes", "|")


def single_title(items: list[Item], at: int) -> bool:
    """Whether "sole", "only", "única" at ``at`` qualifies a peer title right after it ("the
    sole peer specialist"), not another noun ("la única certificación de especialistas")."""
    if at + 1 >= len(items):
        return False
    first = items[at + 1].text
    titles = w.PEER_MARKERS | w.PEER_BEFORE | w.HEADS | w.FAMILY | {"one", "un", "una"}
    title = title_after(items, at)
    return first in titles and title is not None and title <= at + 4
