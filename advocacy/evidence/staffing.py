"""Staffing figures in a sentence: how many people each peer FTE is meant to serve.

A posting or bid rarely says "the ratio is too high"; it gives figures ("Two
peer FTEs will serve about 410 individuals", "Recovery Coach | 0.5 FTE | approx.
260 enrolled", "Cada especialista tiene unas 250 personas afiliadas") or gives
one peer everyone ("the sole peer for all three units", "un solo especialista
para todas las personas inscritas"). :func:`overloaded` reads a sentence as a
row of numbers and words, in one pass:

* a ratio stated as such ("1:40", "1 FTE per 30 people", "por cada 25
  personas", "no more than 12 people") is read as given;
* otherwise each count of people served ("1,400 active clients", "census of
  96", "350 personas") is divided by the nearest count of peer staff ("Two peer
  FTEs", "0.5 FTE", "Un (1) especialista"), or by one where the sentence speaks
  of each peer's caseload ("Each peer carries a panel of 500 members");
* a single peer ("sole", "only", "un solo") for everyone ("all three units",
  "agency-wide", "todas las personas") is too many whatever the figures.

A figure of something else is not a count: years, money, hours and days,
percentages, "24/7", "1:1 observation". Numbers are read with either
thousands mark ("1,400", "1.800") and either decimal mark ("0.5", "0,5").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from advocacy.evidence.matching import Tokens

_ITEM = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+|[:|/(%$]")
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "half": 0.5,
    "un": 1, "una": 1, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6,
    "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "medio": 0.5, "media": 0.5,
}  # fmt: skip
# The noun a count of peer staff ends in: "two peer specialists", "0.5 FTE", "1 especialista".
_STAFF = frozenset(
    "peer peers fte ftes specialist specialists coach coaches navigator navigators advocate "
    "advocates mentor mentors bridger bridgers partner cps cpss pss prss rss crs fps "
    "especialista especialistas navegador navegadores navegadora navegadoras promotor "
    "promotores promotora promotoras mentora mentoras par pares".split()
)
# After a staff noun, words that make it a group, not a count of staff ("one peer team").
_GROUP = frozenset(
    "team teams group groups meeting meetings circle circles network networks program "
    "programs run led equipo equipos grupo grupos reunión reuniones red programa".split()
)
# Words that show a sentence is about peer staff at all.
_PEER = frozenset(
    "peer peers cps cpss pss prss rss crs fps par pares promotora promotoras promotor "
    "promotores coach coaches".split()
)
# Other staff: a caseload in a sentence that names them is theirs, not a peer's.
_OTHER_STAFF = frozenset(
    "clinician clinicians therapist therapists nurse nurses manager managers counselor "
    "counselors psychiatrist prescriber enfermera enfermeras terapeuta terapeutas".split()
)
_PEOPLE = frozenset(
    "people ppl persons individuals clients participants members patients residents adults "
    "youth youths students tenants releasees consumers families veterans guests admissions "
    "referrals enrollees enrolled beds bed partners connections inmates "
    "personas participantes clientes pacientes residentes afiliados afiliadas inscritos "
    "inscritas adultos jóvenes familias estudiantes camas admisiones miembros".split()
)
# Words a count of people can follow: "census of 96", "caseload (48)".
_LEADS = frozenset("census caseload caseloads panel population enrollment".split()) | _PEOPLE
# A caseload or panel is one peer's own, and so are the people of "each peer".
_CASELOAD = frozenset("caseload caseloads panel".split())
_EACH = frozenset("each every per cada".split())
_SINGLE = frozenset("sole only single lone solo sola único única".split())
_EVERYONE = frozenset("all every entire whole full todas todos toda".split())
_PLACES = frozenset(
    "units sites programs regions clinics counties hospitals schools campuses census caseload "
    "homes houses buildings shelters residences locations offices "
    "sedes unidades programas regiones clínicas condados hospitales escuelas municipios "
    "hogares casas edificios albergues residencias oficinas centros".split()
)
_WIDE = frozenset("agency county region state program system".split())
# What makes a number something other than a count of people or staff.
_NOT_COUNTS = frozenset(
    "% $ / : hours hour hrs hr days day weeks week months month years year minutes miles am pm "
    "percent time times horas días semanas meses años minutos millas vez veces".split()
)
# Words that make the number after them a label, not a count ("Year 2", "Section 4", "BH-211").
_LABELS = frozenset(
    "year years phase level grade step tier no number page section item line room unit floor "
    "suite ward pod exhibit attachment question cohort part fy bh año fase nivel paso página "
    "sección artículo línea sala unidad piso anejo pregunta parte : /".split()
)
# Only a sentence with a figure or a word of a single peer can give too many people per peer.
_QUICK = re.compile(r"\d|\b(?:sole|only|single|lone|solo|sola|únic[oa])\b")
_CEILINGS = (("no", "more", "than"), ("not", "more", "than"), ("no", "más", "de"))
_GAP = 4  # words between a number and its noun ("350 personas inscritas", "one (1) full-time")
_BACK = 6  # words between a lead and its count ("all tenants in the building (approx. 90)")
_NEAR = 12  # words between a count of people and the count of peers it is divided by


@dataclass(frozen=True)
class _Item:
    text: str
    span: tuple[int, int]
    value: float | None  # for a figure or a number word


def _value(text: str) -> float | None:
    if text in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[text])
    if not text[0].isdigit():
        return None
    parts = re.split(r"[.,]", text)
    if len(parts) > 1 and all(len(p) == 3 for p in parts[1:]):  # 1,400 · 1.800 · 12,000
        return float("".join(parts))
    return float(".".join(parts)) if len(parts) <= 2 else None  # 0.5 · 0,5


def _count(items: list[_Item], at: int) -> float | None:
    """The number at ``at`` if it can count people or staff: not money, time or a year."""
    item = items[at]
    before = items[at - 1].text if at else ""
    after = items[at + 1].text if at + 1 < len(items) else ""
    if item.value is None or before in _LABELS or before == "$" or after in _NOT_COUNTS:
        return None
    if item.text.isdigit() and len(item.text) == 4 and 1900 <= item.value <= 2100:
        return None
    return item.value


def _noun_after(
    items: list[_Item], at: int, nouns: frozenset[str], stop: frozenset[str] = frozenset()
) -> int | None:
    """The first of ``nouns`` a few words after the number at ``at``, before another number
    or a word of ``stop`` (a number in brackets restates it: "one (1) coach")."""
    for k in range(at + 1, min(at + 2 + _GAP, len(items))):
        text = items[k].text
        if text in nouns:
            return k
        if text in ("|", ":") or text in stop:
            return None
        if items[k].value is not None and items[k - 1].text != "(":
            return None
    return None


def _staff_before(items: list[_Item], at: int) -> float | None:
    """The count of peer staff just before word ``at`` ("four peer FTE per 200")."""
    for k in range(at - 1, max(at - 2 - _GAP, -1), -1):
        if _count(items, k) is not None:
            staffed = any(i.text in _STAFF for i in items[k + 1 : at])
            return items[k].value if staffed else None
    return None


def _colon_ratio(items: list[_Item], at: int) -> tuple[float, tuple[int, int]] | None:
    """ "1:40", "1 FTE : 30": the people after a colon that follows a count of one."""
    one = at - 2 if at >= 2 and items[at - 1].text in _STAFF else at - 1
    after = items[at + 2].text if at + 2 < len(items) else ""
    target = items[at + 1].value if at + 1 < len(items) else None
    if one < 0 or items[one].value != 1 or target is None or target < 2 or after in _NOT_COUNTS:
        return None
    return target, (items[one].span[0], items[at + 1].span[1])


def _stated_ratio(items: list[_Item]) -> tuple[float, tuple[int, int]] | None:
    """People per peer as the sentence states it ("1:40", "one peer FTE per 25")."""
    for at, item in enumerate(items):
        ceiling = item.text in ("no", "not") and tuple(i.text for i in items[at : at + 3])
        if ceiling in _CEILINGS and at + 3 < len(items) and _count(items, at + 3):
            return items[at + 3].value, items[at + 3].span  # type: ignore[return-value]
        if item.text == ":" and 0 < at < len(items) - 1:
            colon = _colon_ratio(items, at)
            if colon is not None:
                return colon
        w = at - 1 if at and items[at - 1].text in ("por", "for") else at  # "por cada", "for every"
        counted = w and (
            items[w - 1].value is not None
            or (w > 1 and items[w - 1].text in _STAFF and items[w - 2].value is not None)
        )
        if not (item.text in ("per", "every", "cada") or (item.text in ("to", "a") and counted)):
            continue
        ahead = next((k for k in range(at + 1, min(at + 3, len(items))) if items[k].value), None)
        if ahead is None or items[ahead].text in _NUMBER_WORDS or not _count(items, ahead):
            continue
        if _noun_after(items, ahead, _STAFF, stop=_PEOPLE) is not None:  # "6.0 FTE to 3.0 FTE"
            continue
        staff = _staff_before(items, w)
        if staff is None and not counted:  # "peer FTEs per 100 people": how many is not said
            continue
        return items[ahead].value / (staff or 1.0), items[ahead].span  # type: ignore[operator]
    return None


def _staff_counts(items: list[_Item]) -> list[tuple[int, float]]:
    """Where the sentence counts peer staff, and how many."""
    counts = []
    for at, item in enumerate(items):
        value = _count(items, at)
        if value is not None and 0 < value < 50:
            noun = _noun_after(items, at, _STAFF)
            if noun is not None and (noun + 1 == len(items) or items[noun + 1].text not in _GROUP):
                counts.append((at, value))
        elif item.text in _STAFF and at + 2 < len(items) and items[at + 1].text in ("x", "|"):
            value = _count(items, at + 2)  # "Peer x 0.5 FTE", "Recovery Coach | 1.0 |"
            if value is not None and 0 < value < 50:
                counts.append((at + 2, value))
        elif item.text in _SINGLE and _noun_after(items, at, _STAFF) is not None:
            counts.append((at, 1.0))
    return counts


def _people_counts(items: list[_Item], staff: set[int]) -> list[tuple[int, float, tuple[int, int]]]:
    """Where the sentence counts people served, how many, and the figure's span."""
    counts = []
    for at, item in enumerate(items):
        value = _count(items, at)
        if value is None or at in staff or item.text in _NUMBER_WORDS:
            continue
        noun = _noun_after(items, at, _PEOPLE, stop=_STAFF)
        if noun is not None:
            counts.append((at, value, (item.span[0], items[noun].span[1])))
            continue
        for k in range(at - 1, max(at - 2 - _BACK, -1), -1):
            if items[k].value is not None:
                break
            if items[k].text in _LEADS:
                counts.append((at, value, item.span))
                break
    return counts


def _each_peer(items: list[_Item]) -> bool:
    """Whether the sentence counts one peer's people: "each peer", "cada especialista", or
    a caseload or panel where no other staff is named."""
    words = {i.text for i in items}
    if words & _OTHER_STAFF:
        return False
    if words & _CASELOAD:
        return True
    return any(
        item.text in _EACH and any(i.text in _STAFF for i in items[at + 1 : at + 3])
        for at, item in enumerate(items)
    )


def _everyone(items: list[_Item]) -> tuple[int, int] | None:
    """The phrase that gives everyone ("all three units", "agency-wide"), if any."""
    for at, item in enumerate(items):
        if item.text in _EVERYONE:
            for k in range(at + 1, min(at + 4, len(items))):
                if items[k].text in _PEOPLE or items[k].text in _PLACES:
                    return item.span[0], items[k].span[1]
        wide = item.text == "wide" and at and items[at - 1].text in _WIDE
        if wide and not any(i.text in _GROUP for i in items[at + 1 : at + 3]):  # "… team"
            return items[at - 1].span[0], item.span[1]
    return None


def overloaded(sentence: str, limit: float) -> list[tuple[int, int]]:
    """The character spans of ``sentence`` that give more than ``limit`` people per peer
    FTE, or everyone to a single peer; none where the sentence is not about peer staff."""
    sentence = sentence.lower()
    if not _QUICK.search(sentence):  # no figure and no single peer: nothing to read
        return []
    items = [_Item(m.group(), m.span(), _value(m.group())) for m in _ITEM.finditer(sentence)]
    each = _each_peer(items)
    recovery = any(  # "recovery mentor", "Recovery Support Navigator"
        item.text == "recovery" and any(i.text in _STAFF for i in items[at + 1 : at + 3])
        for at, item in enumerate(items)
    )
    if not {i.text for i in items} & _PEER and not each and not recovery:
        return []
    stated = _stated_ratio(items)
    if stated is not None:
        return [stated[1]] if stated[0] > limit else []
    staff = _staff_counts(items) or ([(-1, 1.0)] if each else [])
    spans = []
    places = [k for k, _ in staff]  # in order
    for at, people, span in _people_counts(items, set(places)):
        i = bisect_left(places, at)
        near = [s for s in staff[max(i - 1, 0) : i + 1] if abs(s[0] - at) <= _NEAR] or staff[:1]
        if near and people / min(near, key=lambda s: abs(s[0] - at))[1] > limit:
            spans.append(span)
    # one peer for everyone: "the sole peer", "one (1) coach", not "a peer role"
    single = any(
        k >= 0 and (items[k].text in _SINGLE or items[k].text == "1") for k, v in staff if v == 1
    )
    everyone = _everyone(items) if single and not spans else None
    return spans + ([everyone] if everyone else [])


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
