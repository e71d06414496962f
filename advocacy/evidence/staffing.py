"""Staffing figures in a sentence: how many people each peer FTE is meant to serve.

A posting or bid rarely says "the ratio is too high"; it gives figures ("Two
peer FTEs will serve about 410 individuals", "Recovery Coach | 0.5 FTE | approx.
260 enrolled", "Cada especialista de pares tiene unas 250 personas afiliadas")
or gives one peer everyone ("the sole peer for all three units", "un solo
especialista de pares para todas las clínicas"). :func:`overloaded` reads a
sentence as a row of numbers and words, in one pass, clause by clause (a
semicolon, or a comma before "and", "but", "with", ends a clause):

* a peer ratio stated as such ("1:40", "1 FTE per 30 people", "por cada 25
  personas", "no more than 12 people") is read as given;
* otherwise each count of people served ("1,400 active clients", "census of
  96", "350 personas") is divided by the nearest count of peer staff in its
  clause ("Two peer FTEs", "Recovery Coach | 0.5 FTE", "Un (1) especialista de
  pares", "The peer specialist"), or by one where the clause speaks of each
  peer's caseload ("Each peer carries a panel of 500 members");
* a single peer ("sole", "only", "one (1)") for everyone ("all three units",
  "county-wide", "todas las clínicas") is too many whatever the figures.

A count in a year (or since a date) is throughput, not a caseload: it is held to
four times the limit. What is not a count: years, money, times, addresses,
labels ("Year 2", "Building 300"), percentages, "24/7", "1:1", a part of a total
("40 of the 600 clients"), and populations too large for any program (over
5,000). Another title's figures are not a peer's: "one health coach", "a 1.0 FTE
therapist", "case managers carry 1:80". Numbers are read with either thousands
mark ("1,400", "1.800") and either decimal mark ("0.5", "0,5"). The words are in
:mod:`advocacy.evidence.staffing_words`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from advocacy.evidence import staffing_words as w
from advocacy.evidence.matching import Tokens
from advocacy.evidence.staffing_read import (
    GAP,
    Item,
    after_title,
    cell,
    clauses,
    count,
    read_items,
    single_title,
    title_after,
)

# Only a sentence with a figure or a word of a single peer can give too many people per peer.
_QUICK = re.compile(r"\d|\b(?:one|una?|sole|only|single|lone|solo|sola|únic[oa])\b", re.IGNORECASE)
_NEAR = 16  # words between a count of people and the count of peers it is divided by
_ANNUAL_REACH = 5  # words either side of a count of people where "a year", "2023" make it a year's
_MOST_PEOPLE = 5000  # more than this is a population, not the people a program serves
_ANNUAL_FACTOR = 4  # a year's throughput is held to this many times the caseload limit


# How a clause counts peer staff: a figure or "sole" ("count"), a title with "the" or "a"
# before the people it serves ("subject"), or each peer's own people ("each").
Staff = tuple[int, float, str]


def _staff(items: list[Item], row_title: bool) -> list[Staff]:
    """Where the clause counts peer staff, how many, and how."""
    counts = []
    for at, item in enumerate(items):
        value = count(items, at)
        if value is not None and 0 < value < 50:
            titled = title_after(items, at, bare_fte=True) is not None
            if titled or (row_title and cell(items, at) == 1) or after_title(items, at):
                counts.append((at, value, "count"))  # "two peer FTEs", "Coach | 0.5 FTE |"
        elif item.text in w.PEER_MARKERS and at + 2 < len(items) and items[at + 1].text == "x":
            value = count(items, at + 2)  # "Peer x 0.5 FTE", a rushed staffing plan
            if value is not None and 0 < value < 50:
                counts.append((at + 2, value, "count"))
        elif item.text in w.SINGLE and single_title(items, at):
            counts.append((at, 1.0, "count"))  # "the sole peer", "una sola especialista de pares"
        elif item.text in w.DETERMINERS and (title := title_after(items, at)) is not None:
            noun = items[title].text  # "The Peer Specialist will …": one, not "the specialists"
            if not noun.endswith("s") or (noun in w.ACRONYMS and noun not in w.PLURAL_ACRONYMS):
                counts.append((at, 1.0, "subject"))
    return counts


def _other_title(items: list[Item]) -> bool:
    """Whether the clause names another title ("Housing specialists carry …"): a title noun
    with no peer word before or after it."""
    for at, item in enumerate(items):
        if item.text in w.HEADS and item.text not in w.GENERIC_HEADS:
            if at and title_after(items, at - 1) == at:
                continue  # a peer title, counted: "Each Navigator", "one coach"
            before = items[max(at - 3, 0) : at]
            peer_before = any(i.text in w.PEER_MARKERS or i.text in w.PEER_BEFORE for i in before)
            if not peer_before and not any(i.text in w.PEER_AFTER for i in items[at + 1 : at + 5]):
                return True
    return False


def _each_peer(items: list[Item]) -> list[Staff]:
    """Where the clause counts one peer's people: "each peer", "cada especialista de pares",
    or a caseload or panel where no other staff is named."""
    if any(i.text in w.OTHER_STAFF or i.text in w.OTHER_ROLES for i in items):
        return []
    if _other_title(items):
        return []
    shared = any(i.text in w.SHARED for i in items)  # "our 5 peers share a caseload of 150"
    return [
        (at, 1.0, "each")
        for at, item in enumerate(items)
        if (item.text in w.CASELOAD and not shared)
        or (item.text in w.EACH and title_after(items, at) is not None)
    ]


def _people(items: list[Item], staff: set[int]) -> list[tuple[int, float, tuple[int, int]]]:
    """Where the clause counts people served, how many, and the figure's span."""
    counts = []
    # "attended by 150 participants": what follows an attendance is no caseload
    attendance = next((k for k, i in enumerate(items) if i.text in w.ATTENDANCE), len(items))
    for at, item in enumerate(items):
        value = count(items, at)
        if value is None or at in staff or item.text in w.NUMBER_WORDS or value > _MOST_PEOPLE:
            continue
        if tuple(i.text for i in items[max(at - 2, 0) : at]) in w.TOTAL_BEFORE:
            continue  # "40 of the 600 clients": a part of a total
        if at > attendance:
            continue
        noun = _people_noun(items, at)
        if noun is not None:
            counts.append((at, value, (item.span[0], items[noun].span[1])))
            continue
        lead = [i.text for i in items[max(at - 4, 0) : at]]
        labelled = lead[-2:-1] and lead[-1] == ":" and lead[-2] in w.PEOPLE  # "Clients: 350"
        if labelled or (any(t in w.LEADS for t in lead) and all(t not in w.PEOPLE for t in lead)):
            counts.append((at, value, item.span))  # "census of 96", "caseload (48)"
    return counts


def _people_noun(items: list[Item], at: int) -> int | None:
    """The noun of people a few words after the number at ``at`` ("1,400 active clients"),
    if no other noun counted comes first ("150 outreach calls to clients")."""
    for k in range(at + 1, min(at + 2 + GAP, len(items))):
        text = items[k].text
        if text in w.PEOPLE:
            return k
        if text in ("|", ":", ";") or text in w.HEADS or text in w.PLURAL_PEERS:
            return None
        if text in w.ACTIVITIES or (items[k].value is not None and items[k - 1].text != "("):
            return None
    return None


def _about(items: list[Item], at: int) -> str | None:
    """Whose ratio the words just before ``at`` name: "peer", "other" or None."""
    for item in reversed(items[max(at - 6, 0) : at]):
        if item.text in w.OTHER_STAFF or item.text in w.OTHER_ROLES:
            return "other"
        if item.text in w.PEER_MARKERS or (item.text in w.HEADS - w.GENERIC_HEADS):
            return "peer"
    return None


def _stated(items: list[Item], peer_clause: bool) -> list[tuple[float, tuple[int, int]]]:
    """Peer ratios the clause states ("1:40", "one peer FTE per 25", "150 clients per peer
    specialist", "150:1", and "no more than 12" where each peer's people are meant)."""
    found: list[tuple[float, tuple[int, int]]] = []
    per_peer = any(i.text in w.EACH or i.text in w.CASELOAD for i in items)
    for at, item in enumerate(items):
        ceiling = item.text in ("no", "not", "a", "un") and tuple(
            i.text for i in items[at : at + 3]
        )
        if ceiling in w.CEILINGS and at + 3 < len(items) and per_peer:
            value = count(items, at + 3)
            if value is not None:
                found.append((value, items[at + 3].span))
            continue
        if item.text == ":" and 0 < at < len(items) - 1:
            found += _colon_ratio(items, at, peer_clause)
            continue
        ratio = _ratio_word(items, at) or _people_per_title(items, at)
        if ratio is not None:
            found.append(ratio)
    return found


def _colon_ratio(
    items: list[Item], at: int, peer_clause: bool
) -> list[tuple[float, tuple[int, int]]]:
    """ "1:40", "1 FTE : 30", "150:1": a peer's ratio, not another title's."""
    one = at - 2 if at >= 2 and items[at - 1].text in w.HEADS else at - 1
    left, right = items[one].value, items[at + 1].value
    after = items[at + 2].text if at + 2 < len(items) else ""
    if left is None or right is None or after in w.NOT_COUNTS:
        return []
    if (_about(items, one) or ("peer" if peer_clause else None)) != "peer":
        return []
    if items[one].text == "1" and right >= 2:
        return [(right, (items[one].span[0], items[at + 1].span[1]))]
    if items[at + 1].text == "1" and left >= 2 and items[one].text[0].isdecimal():
        return [(left, (items[one].span[0], items[at + 1].span[1]))]  # "150:1"
    return []


def _people_per_title(items: list[Item], at: int) -> tuple[float, tuple[int, int]] | None:
    """ "90 clients per peer specialist", "150 participantes por cada especialista de pares",
    "a caseload of 75 for each peer"."""
    text = items[at].text
    before = items[at - 1].text if at else ""
    if text == "por" and at + 1 < len(items) and items[at + 1].text == "cada":
        return None  # read at "cada"
    ratio_word = text in ("per", "por", "cada") or (text in ("each", "every") and before == "for")
    if not ratio_word or title_after(items, at) is None:
        return None
    start = at - 1 if before in ("por", "for") else at
    for k in range(start - 1, max(start - 2 - GAP, -1), -1):
        value = count(items, k)
        if value is not None:
            if not any(i.text in w.PEOPLE for i in items[k + 1 : start]):
                lead = [i.text for i in items[max(k - 3, 0) : k]]
                if not any(t in w.CASELOAD for t in lead):
                    return None
            return value, (items[k].span[0], items[start - 1].span[1])
        if items[k].value is not None or items[k].text in ("|", ":"):
            return None
    return None


def _ratio_word(items: list[Item], at: int) -> tuple[float, tuple[int, int]] | None:
    """ "1 FTE per 30 people", "one peer for every 40", "1 a 30", "por cada 25 personas"."""
    item = items[at]
    start = at - 1 if at and items[at - 1].text in ("por", "for") else at
    one = next((k for k in range(start - 1, max(start - 2 - GAP, -1), -1) if count(items, k)), None)
    if one is None:
        return None
    titled = any(i.text in w.HEADS or i.text in w.PEER_MARKERS for i in items[one + 1 : start])
    if item.text in ("to", "a"):  # "1 FTE to 30", "a 1 to 120 ratio": from one titled peer
        named = any(i.text in w.RATIO_WORDS for i in items[: at + 4])
        if not ((titled or named) and items[one].value == 1):
            return None
    elif item.text not in ("per", "every", "each", "cada") or not (titled or one == start - 1):
        return None
    ahead = at + 1
    if ahead >= len(items) or count(items, ahead) is None or items[ahead].text in w.NUMBER_WORDS:
        return None
    after = [i.text for i in items[ahead + 1 : ahead + 2 + GAP]]
    people = next((t in w.PEOPLE for t in after if t in w.PEOPLE or t in w.PLACES), False)
    ends = after[:1] in ([], [")"], [","], ["|"]) or after[0] in w.RATIO_WORDS
    if not people and not ends:
        return None  # "per 2 sites": not people
    return items[ahead].value / items[one].value, items[ahead].span  # type: ignore[operator]


def _everyone(items: list[Item], single: int) -> tuple[int, int] | None:
    """The phrase after the single peer at ``single`` that gives it everyone ("… for all three
    units", "… county-wide"), if any; "all sites will have one peer" gives each site one."""
    for at, item in enumerate(items[single + 1 :], start=single + 1):
        if item.text in w.EVERYONE:
            for k in range(at + 1, min(at + 4, len(items))):
                named = items[k].text in w.PEOPLE or items[k].text in w.PLACES
                after = items[k + 1].text if k + 1 < len(items) else ""
                if named and after not in w.OTHER_STAFF | w.OTHER_ROLES:  # "all program managers"
                    return item.span[0], items[k].span[1]
        wide = item.text == "wide" and at and items[at - 1].text in w.WIDE
        if wide and not any(i.text in w.GROUP for i in items[at + 1 : at + 3]):  # "… team"
            return items[at - 1].span[0], item.span[1]
        if item.text in w.WIDE_WORDS and not any(i.text in w.GROUP for i in items[at + 1 : at + 3]):
            return item.span
    return None


def _clause_spans(items: list[Item], limit: float, row_title: bool) -> list[tuple[int, int]]:
    texts = {i.text for i in items}
    peer_clause = (
        row_title
        or bool(texts & w.PEER_MARKERS)
        or any(title_after(items, at) is not None for at in range(len(items)))
    )
    each = _each_peer(items)
    if not peer_clause and not each:
        return []
    stated = _stated(items, peer_clause)
    if stated:
        return [span for ratio, span in stated if ratio > limit]
    staff = sorted(_staff(items, row_title) + each)
    places = [k for k, _, _ in staff]

    def annual(at: int) -> bool:  # "600 participants annually", "served 1,500 people in 2023"
        return any(
            i.text in w.ANNUAL
            or (i.text.isdigit() and len(i.text) == 4 and 1900 <= (i.value or 0) <= 2100)
            for i in items[max(at - _ANNUAL_REACH, 0) : at + _ANNUAL_REACH + 1]
        )

    spans = []
    for at, people, span in _people(items, set(places)):
        i = bisect_left(places, at)
        near = [
            s
            for s in staff[max(i - 1, 0) : i + 1]
            if abs(s[0] - at) <= _NEAR and (s[2] == "count" or s[0] < at)
        ]
        if not near:
            continue
        peers = min(near, key=lambda s: abs(s[0] - at))
        divisor = 1.0 if _each_of(items, peers[0], at) else peers[1]
        if people / divisor > limit * (_ANNUAL_FACTOR if annual(at) else 1):
            spans.append(span)
    singles = [k for k, v, kind in staff if v == 1 and kind == "count"]
    if spans or not singles or _instead(items, singles[0]) or _each_has_one(items, singles[0]):
        return spans
    everyone = _everyone(items, singles[0])
    return [everyone] if everyone else []


def _each_has_one(items: list[Item], single: int) -> bool:
    """Whether one peer is given to each place, not to all: "every site will have one peer
    specialist", "all 4 clinics will have one peer each", "cada clínica tendrá un par"."""
    before = any(i.text in w.EACH or i.text in w.EVERYONE for i in items[:single])
    return before or any(i.text in w.EACH_AFTER for i in items[single + 1 : single + 9])


def _each_of(items: list[Item], staff: int, people: int) -> bool:
    """Whether the people counted are each peer's: "two peers each carry 100", "each of our
    two navigators … 100 clients", "100 personas cada una"."""
    for k in range(staff + 1, min(people + 4, len(items))):  # not "for each 100 people"
        figure = k + 1 < len(items) and items[k + 1].text[0].isdecimal()
        if items[k].text in w.EACH_AFTER and not figure:
            return True
    before = [i.text for i in items[max(staff - 4, 0) : staff]]
    return any(t in ("each", "cada") for t in before) and any(t in ("of", "de") for t in before)


def _instead(items: list[Item], at: int) -> bool:
    """Whether the words before ``at`` put it aside: "rather than one peer …"."""
    words = tuple(i.text for i in items[max(at - 4, 0) : at])
    return any(words[k : k + 2] == pair for pair in w.INSTEAD for k in range(len(words)))


def overloaded(sentence: str, limit: float) -> list[tuple[int, int]]:
    """The character spans of ``sentence`` that give more than ``limit`` people per peer
    FTE, or everyone to a single peer; none where it is not about peer staff."""
    if not _QUICK.search(sentence):  # no figure and no single peer: nothing to read
        return []
    items = read_items(sentence)
    row_title = False
    if "|" in sentence:  # a table row: its first cell names the title
        cells = sentence.strip().strip("|").split("|")
        row_title = title_after(read_items(" " + cells[0]), -1) is not None if cells else False
        row_title = row_title or bool({i.text for i in read_items(cells[0])} & w.PEER_MARKERS)
    spans = []
    for clause in clauses(items):
        spans += _clause_spans(clause, limit, row_title)
    return spans


# A passage this short (a line, an item, a table row) is read as one sentence: a full
# stop in "approx. 260 enrolled" does not split a row's figures.
_SHORT = 40


def figure_at(tokens: Tokens, at: int, limit: int) -> tuple[int, int] | None:
    """The first and last word of the figure that word ``at`` starts if, in its sentence,
    it gives more than ``limit`` people per peer FTE (or everyone to a single peer)."""
    found: dict[int, dict[int, int]] = tokens.memo.setdefault(f"staffing {limit}", {})  # type: ignore[assignment]
    sentence = -1 if len(tokens.words) <= _SHORT else tokens.sentences[at]
    if sentence not in found:
        first, last = (0, len(tokens.words)) if sentence < 0 else tokens.sentence_range(at)
        offset = tokens.spans[first][0]
        text = tokens.text[offset : tokens.spans[last - 1][1]]
        starts = [tokens.spans[w][0] - offset for w in range(first, last)]
        ends = [tokens.spans[w][1] - offset for w in range(first, last)]
        figures: dict[int, int] = {}
        for a, b in overloaded(text, limit):
            inside = bisect_left(starts, a), bisect_right(ends, b) - 1
            if inside[0] <= inside[1]:
                figures[first + inside[0]] = first + inside[1]
        found[sentence] = figures
    last_word = found[sentence].get(at)
    return None if last_word is None else (at, last_word)
