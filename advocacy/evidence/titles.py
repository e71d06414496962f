"""What a line of a bid is, by its shape and words: a list item, a title that heads
what follows, a duty written as a line of its own, or the start of running text.

Shared by the segmenter (:mod:`.segment`) and the Word and PDF readers, so a title
reads as one in every format.
"""

from __future__ import annotations

import re

from advocacy.evidence.normalise import FUNCTION_WORDS, letter_words

# Emoji used as bullets on job boards ("✅ …", "💵 $17.50/hr", "📅 Grant-funded …") start items too,
# and so do a checklist's boxes ("[ ] Badge issued", "[x] …", "☐ …").
BULLET = re.compile(
    r"^(?:[-•*+◦▪▫■□●○‣⁃–—✔✓☑☐☒➢►▸→\u2705\u2b50\U0001F300-\U0001FAFF]\ufe0f?"
    r"|\[[ xX✓✔]?\]|\d{1,3}[.)]|\(?(?:[a-zA-Z]|[ivxIVX]{1,4}|\d{1,3})\)|(?:[a-z]|[ivx]{2,4})\.)\s+(?=\S)"
)  # "(a)", "b)", "(iv)", "(12)", "a.", "ii."; not "(RN)" or "(PRN)", nor "A." (an initial)
# Word and LibreOffice put a PDF's bullets in the Symbol font's private-use area.
GLYPH_BULLET = re.compile(r"^[\uf000-\uf0ff\u2022\u25cf\u25aa\u25e6\u2023\u2043]\s*")
_SECTION = re.compile(r"^(?:section|part|chapter|article|sección|parte|capítulo)\b", re.IGNORECASE)
#: A multi-level section number ("7.5.2", "4.3(c)"), not a list's "1.".
SECTION_NUMBER = re.compile(r"^\d+(?:\.\d+)+(?:\([a-z0-9]\))?\.?\s+(?=\S)")
_NUMBERED = re.compile(r"^(?:section\s+)?\d+(?:\.\d+)*\.?\s+\S", re.IGNORECASE)
# Words a label ends with when its value is on the next line.
_OPEN_WORDS = frozenset("to by for with of from de a por con para al del".split())


def starts_sentence(line: str) -> bool:
    """Whether ``line`` opens as a sentence does: a capital, a figure, "$", "¿" or "¡"."""
    first = line.lstrip("\"'“‘([*_")[:1]  # quotes, brackets, Markdown emphasis
    return first.isupper() or first.isdigit() or first in "$¿¡"


def opens_label(line: str) -> bool:
    """A label whose value is on the next line: it ends with a word that needs one
    ("REPORTS TO", "Supervised by", "Reporta a")."""
    words = line.split()
    return 0 < len(words) <= 4 and words[-1].lower() in _OPEN_WORDS


# What may follow a duty verb's prefix in its base or third-person form ("manag*":
# "Manage", "Manages"; "administr*": "Administrar", "Administra"), not in a noun
# ("Management", "Manager", "Supervision", "Administración").
_VERB_ENDINGS = {
    "en": re.compile(r"(?:e|es|s)?"),
    "es": re.compile(r"(?:[aei]r|[ae]n?)"),
}


def opens_duty(text: str) -> bool:
    """Whether ``text`` starts with a verb of the duty vocabulary in its base or
    third-person form ("Administer Medications And Monitor Side Effects", "Manage
    Client Funds", "Registrar Notas"): a duty, however it is capitalised, not a
    heading ("Medication Management Policy", "Supervision and Support")."""
    from advocacy.evidence.concepts import duty_verbs

    numbered = SECTION_NUMBER.match(text)
    words = (text[numbered.end() :] if numbered else text).split()
    if not words:
        return False
    first = words[0].strip("\"'“‘([*_").lower()
    for lang, (whole, prefixes) in duty_verbs().items():
        if first in whole:
            return True
        endings = _VERB_ENDINGS.get(lang, _VERB_ENDINGS["en"])
        if any(first.startswith(p) and endings.fullmatch(first[len(p) :]) for p in prefixes):
            return True
    return False


def short_title(text: str) -> bool:
    """A title of at most five words in sentence case ("Supervision and support",
    "9.3 Sedes pequeñas"): capitalised, no sentence punctuation, pay figure,
    label and value, list marker or sentence word."""
    numbered = SECTION_NUMBER.match(text)  # "9.3 Sedes pequeñas"
    if numbered:
        text = text[numbered.end() :]
    words = text.split()
    return (
        0 < len(words) <= 5
        and text[:1].isupper()
        and not text.endswith((".", ",", ";", "!", "?", ":"))
        and "$" not in text
        and ": " not in text
        and not BULLET.match(text)
        and not sentence_words(text)
        and not opens_duty(text)
    )


def opens_text(line: str) -> bool:
    """Whether ``line`` opens what a title heads: a list item or a sentence of six words or more."""
    return bool(BULLET.match(line)) or (len(line.split()) >= 6 and starts_sentence(line))


#: Words Title Case leaves in small letters ("Supervision with Peers", "Funciones
#: dentro del Puesto"): the function words of the languages read.
_TITLE_SMALL_WORDS = frozenset().union(
    *FUNCTION_WORDS.values(),
    "with from into onto over under upon than that this within without between through "
    "about after before during among across against toward towards versus while when where "
    "desde hasta entre sobre según contra hacia durante mediante".split(),
)

#: Words that make a short line a sentence, not a title ("MUST BE ABLE TO DRIVE",
#: "Peer staff will never be asked to:", "EL PERSONAL DEBE …").
_SENTENCE_WORDS = frozenset(
    "must will shall may should can cannot is are be debe deben deberá deberán será puede".split()
)


def is_title(text: str) -> bool:
    """A line of its own that heads what follows ("Functions Not Included", "SALARIO",
    "1. DEFINITIONS", "What you'll do:").

    Not a label whose value follows ("Reports to"), a sentence in capitals
    ("MUST BE ABLE TO DRIVE"), a numbered item ("1. Medication Administration")
    or a lead-in that excludes ("Outside the peer role:"): the exclusion of a
    lead-in reaches its list, that of a heading its whole section.
    """
    text = without_remark(text)
    if not looks_like_heading(text) or opens_label(text) or sentence_words(text):
        return False
    if not _capitals(text) and opens_duty(text):
        return False  # a duty in Title Case ("Manage Client Funds"); "MANAGE …" stays a title
    numbered = re.match(r"\d{1,3}[.)]\s+(\S.*)", text)
    if numbered and not _capitals(numbered.group(1)):
        return False
    return not (text.endswith(":") and _excluding(text))


def bold_title(text: str) -> bool:
    """Whether a short line set in bold heads what follows: not a sentence, a pay
    figure, a label and its value ("Pay: $21.50", "Supervision: weekly") or a lead-in
    that excludes."""
    words = text.split()
    return (
        0 < len(words) <= 10
        and not text.endswith((".", "!", "?", ";"))
        and "$" not in text
        and not (": " in text and not _NUMBERED.match(text) and not _SECTION.match(text))
        and not sentence_words(text)
        and not (text.endswith(":") and _excluding(text))
    )


def sentence_words(text: str) -> bool:
    """Whether ``text`` has a word that makes a short line a sentence ("must", "are", "debe")."""
    return any(word.strip(".,:;!?()\"'“”’").lower() in _SENTENCE_WORDS for word in text.split())


def flyer_headings(lines: list[str]) -> list[str | None]:
    """In a file of title lines only (a flyer), read line by line: the heading each line
    is under. A title that keeps a role's duties out ("DUTIES EXCLUDED FROM THIS ROLE",
    "What Peers Never Do": a word of exclusion and one of the role) heads the lines after
    it, up to a title of the role's own work ("YOUR DUTIES", "What you will do"); such a
    title is read as a line too. A perk ("NO MANDATORY OVERTIME") or a duty denied
    ("No Medication Administration") heads nothing."""
    headings: list[str | None] = []
    heading = None
    for line in lines:
        role = not _FLYER_ROLE_WORDS.isdisjoint(letter_words(line))
        excludes = role and _excluding(line)
        if heading is not None and role and not excludes:
            heading = None  # the role's own duties start
        headings.append(heading)
        if excludes:
            heading = line
    return headings


#: Words of a flyer's title that make it about the role's work (see flyer_headings).
_FLYER_ROLE_WORDS = frozenset(
    "peer peers par pares role roles duty duties job tasks responsibilities you your "
    "rol funciones tareas puesto deberes".split()
)


def _excluding(text: str) -> bool:
    from advocacy.evidence.scope import excluding

    return excluding(text, "en") is not None or excluding(text, "es") is not None


def _capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.7


def looks_like_heading(line: str) -> bool:
    """A short title line: no sentence punctuation, capitalised or numbered, or a label."""
    words = line.split()
    if not words or len(words) > 12 or line.endswith((".", ",", ";", "!", "?")):
        return False
    if BULLET.match(line) and not _NUMBERED.match(line):
        return False
    if line.endswith(":"):
        return len(words) <= 7
    if "$" in line:
        return False  # pay lines are content, whatever their capitals
    if ": " in line and not _NUMBERED.match(line) and not _SECTION.match(line):
        return False  # "Reports to: Nurse Manager" is a label and its value, not a title
    first = line.lstrip("\"'“‘([")[:1]
    if not (first.isupper() or first.isdigit()):
        return False
    if _capitals(line):
        return True  # ALL CAPS
    long = [w for w in words if sum(c.isalpha() for c in w) >= 4]
    capitalised = [w for w in long if w.lstrip("\"'“‘([")[:1].isupper()]
    return bool(long) and len(capitalised) / len(long) >= 0.6


def heads(line: str, top: bool) -> bool:
    """Whether ``line`` (a text line, a Word paragraph, a PDF line) is a title that
    heads what follows: it looks like one (:func:`is_title`) and is the document's
    first line (``top``) or no item of a list without marks (:func:`_item_like`)."""
    return is_title(line) and (top or not _item_like(without_remark(line)))


#: A remark in brackets that ends a title: "3.0 EXCLUDED ACTIVITIES (not billable under
#: this category)".
_REMARK = re.compile(r"(?<=\S)\s*\([^()]*\)\s*$")


def without_remark(line: str) -> str:
    """``line`` without a closing remark in brackets, which a title in capitals may
    carry in small letters; any other line (one in small letters, or only such a
    remark) stays as it is."""
    core = _REMARK.sub("", line)
    return core if core and _capitals(core) else line


def _item_like(line: str) -> bool:
    """Whether a line that looks like a title, below the document's first line, is
    rather an item of a list without marks: it has a word that says something in
    small letters, which Title Case leaves only to small words ("Weekly supervision
    with the ACT Team Leader (LPC)" among perks; "Supervision with Peers" is a
    title). Not a lead-in ("A few changes, per leadership:") or a numbered section
    ("Section 6. Program participation")."""
    if line.endswith(":") or _NUMBERED.match(line) or _SECTION.match(line) or _excluding(line):
        return False  # an excluding heading ("Tasks outside the Peer Specialist Role") heads
    return any(
        word[:1].islower() and word.lower() not in _TITLE_SMALL_WORDS
        for word in (w.strip("\"'“‘([)]”’,") for w in line.split())
        if sum(c.isalpha() for c in word) >= 4
    )
