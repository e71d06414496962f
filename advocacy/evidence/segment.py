"""Split the lines of a bid into passages: paragraphs, list items, sentences on lines.

Shared by the text, Markdown and PDF readers, so one wording gives the same
passages whatever the file format:

* a blank line ends a passage; so does a heading;
* a list item (``-``, ``•``, ``*``, ``+``, ``1.``, ``1)``, ``(a)``) starts one;
* a line that continues a hard-wrapped sentence is joined to it: the line
  before it was broken because the next word would not fit, which tells a
  wrapped line from a short item or label that simply has no full stop;
* in text written without blank lines (one sentence or duty per line, as
  job postings often are), a line that starts a new sentence starts a new
  passage, since the lines are the only structure the author gave;
* between blank lines too, a line that was not wrapped and follows a whole
  sentence starts a new passage (a duty list of one sentence a line, a
  Spanish line and its English translation);
* a line that starts with a short label and a colon ("Salary: $46,350",
  "Work schedule: Full-time") starts a passage, unless it was wrapped;
* a Markdown table row is a passage of its own;
* a writer who starts sentences in small letters (a chat, a classified ad)
  gives no capital to go by: each of their lines is a passage of its own
  unless it ends mid-sentence, and a chat's message ("kim.b [8:02 AM]: …")
  starts one in any text.

Each passage keeps the number of the line it starts on. What a single line is (a
list item, a title, a duty of its own line) is read by :mod:`.titles`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from advocacy.evidence.columns import (
    find_peer_cell,
    frame_bare_rows,
    join_grid_rows,
    labelled_cells,
    row_text,
)
from advocacy.evidence.titles import (
    BULLET,
    SECTION_NUMBER,
    heads,
    is_title,
    opens_duty,
    opens_label,
    opens_text,
    short_title,
    starts_sentence,
)

_SENTENCE_END = re.compile(r"[.!?:;][\"'”’)\]*_]*$")  # closing quotes, brackets, emphasis
_FULL_STOP = re.compile(r"[.!?][\"'”’)\]*_]*$")
# "Pay: $19.50 per hour", "Reports to: …": a short label and its value, one a line.
_LABEL = re.compile(r"^[A-ZÁÉÍÓÚÑ][\w&/'’ -]{0,40}:\s+\S")
# A chat message's speaker and time: "jesse.m [9:02 AM]: …", "tammy 7:43 AM: …", "ana (6:22 p. m.): …".
_SPEAKER = re.compile(
    r"^[\w.@'’-]+(?: [\w.@'’-]+){0,2} ?(?:\[\d{1,2}:\d\d[^\]]{0,12}\]|\(\d{1,2}:\d\d[^)]{0,12}\)"
    r"|\d{1,2}:\d\d ?(?:[AaPp]\.? ?[Mm]\.?)?):\s+\S"
)
# A chat message or log entry that opens with its time (and date): "[8:02 AM] kim.b: …",
# "[10/3/24, 9:10 AM] Lcdo. Torres: …", "9/5 9:30 Nilda: …"; after a bare time, a handle
# with a dot, digit or @ ("9:10 AM renee.w: …") or a name in capitals of up to six words
# ("Mon 6:14 PM — Brandon Lee (House Mgr, Northside): …"). Not a time in a wrapped
# sentence: "9:00 PM: the night nurse …", "8:00 PM and on weekend shifts: …", "8:00 PM
# Monday through Friday: …".
_WEEKDAY = r"(?:[A-Z][a-z]{2},? )?"  # "Mon ", "Tue, "
_TIME = r"\d{1,2}:\d\d(?: ?[AaPp]\.? ?[Mm]\.?)?"
_NOT_AM_PM = r"\s*[-—–]?\s*(?![AaPp]\.? ?[Mm]\b)"
_DAYS = (
    r"(?!(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekdays?|weekends?"
    r"|daily|nightly|lunes|martes|miércoles|jueves|viernes|sábados?|domingos?)\b)"
)
_STAMPED = re.compile(
    r"^(?:(?:\[[^\]]{0,24}\d{1,2}:\d\d[^\]]{0,14}\]"
    rf"|{_WEEKDAY}\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?,? {_TIME})"
    rf"{_NOT_AM_PM}[^\W\d][^:\[\]]{{0,40}}"
    rf"|{_WEEKDAY}{_TIME}{_NOT_AM_PM}(?i:{_DAYS})"
    r"(?:[\w'’-]*[._@\d][\w.@'’-]*|[A-ZÁÉÍÓÚÑ][^:\[\]\s]*(?: [^:\[\]\s]+){0,5}))"
    r":\s+\S"
)
# A log's entry, opening with its day and time and a capital ("Tues 2:32 She said …",
# "0912 Phone: …", "15:05  Troopers can't fly"): after another such entry, once its last
# line ends a sentence, it starts an entry of its own ("… the med pass or / 10:00 pm bed
# checks" goes on).
_LOGGED = re.compile(
    r"^(?:[A-Z][a-z]{2,3}\.?,? )?(?:\d{1,2}:\d\d(?: ?[AaPp]\.? ?[Mm]\.?)?|[0-2]\d[0-5]\d)\s+"
    r"[A-ZÁÉÍÓÚÑ]"
)
# In a chat already under way, a bare time and any one-word handle: "9:15 AM tasha: …".
_STAMPED_HANDLE = re.compile(rf"^{_WEEKDAY}{_TIME}{_NOT_AM_PM}(?i:{_DAYS})[\w'’-]+:\s+\S")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_MARK = re.compile(r"(\*\*|__|`|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w))")
# A table's rule row: a pipe table's ("|---|:---:|", "--- | ---") or a grid table's border
# ("+------+====+"). No text.
_RULE_ROW = re.compile(r"^(?:\|?(?:\s*:?-+:?\s*\|)+(?:\s*:?-+:?\s*)?|\+[-=:+]+\+)$")
_MD_BOLD_LINE = re.compile(r"^(\*\*|__)([^*_]{1,80})\1:?$")
WRAPPED_LINE = 55  # the narrowest width text is taken to be wrapped at
WRAPPED_AT_LEAST = 3  # lines that reach the wrap column, in text that was wrapped
LOWER_CASE_STARTS = 2  # sentences in small letters that tell a writer who starts them so
#: Words a line cannot end on where its sentence ends (English and Spanish): articles,
#: prepositions, conjunctions, negations and helping verbs ("you will never" / "hand out
#: meds"). A bare "no" is left out: a chat's answer often is just that.
_RUN_ON_WORDS = frozenset(
    "a an the and or but nor to of for with by from in on at as that than if not never "
    "won't wont cannot can't cant don't dont doesn't doesnt isn't aren't will would must "
    "can could should shall may might is are was were be been being have has had do does "
    "who which whose your our their my his her its you'll we'll they'll you're we're "
    "y e o u ni pero que de del el la los las un una con por para en al sin nunca jamás "
    "tampoco se les le lo su sus nuestro nuestra es son será serán debe deben puede pueden "
    "va van vas hay está están".split()
)
#: Words a line opens with when it goes on with the sentence above ("or hold the cash").
_GOES_ON_WORDS = frozenset("and or nor but y e o u ni pero".split())


@dataclass(frozen=True)
class Segment:
    """A passage's text, the line it starts on, and what kind of block it is."""

    text: str
    line: int
    heading: bool = False
    item: bool = False
    owner: str | None = None  # a table row's first cell (whose row it is), for the other cells
    peer_cell: str | None = None  # a table row's cell under a column headed by a peer role


def segment_text(text: str, markdown: bool = False) -> list[Segment]:
    """Plain text or Markdown → segments (headings included, marked as such)."""
    lines = text.split("\n")
    if markdown and lines and lines[0].strip() == "---":  # front matter: not bid text
        end = next((i for i, line in enumerate(lines[1:], 1) if line.strip() in ("---", "...")), 0)
        lines[: end + 1] = [""] * (end + 1)
    join_grid_rows(lines)
    frame_bare_rows(lines)
    dense = not any(
        not line.strip() and before.strip() and after.strip()
        for before, line, after in zip(lines, lines[1:], lines[2:], strict=False)
    )
    width = wrap_width(lines)
    casual = width is None and _lower_case(lines)
    return list(_segments(enumerate(lines, start=1), markdown, dense, width, casual))


def _lower_case(lines: list[str]) -> bool:
    """Whether the writer starts sentences with a small letter (a chat, a classified ad):
    the first line, the lines after a blank one and after a full stop mostly do. Then a
    capital tells nothing about where a message or sentence starts. A label's line
    ("duties:") and what follows a colon say nothing of it: a list in small letters
    under a capitalised lead-in is common."""
    lower = upper = 0
    previous = ""
    for line in lines:
        text = line.strip()
        if (
            text
            and (not previous or _FULL_STOP.search(previous))
            and not BULLET.match(text)
            and not text.endswith(":")
        ):
            first = text.lstrip("\"'“‘([*_")[:1]
            lower += first.isalpha() and first.islower()
            upper += first.isupper()
        previous = text
    return lower >= LOWER_CASE_STARTS and lower > upper


def _runs_on(previous: str, line: str) -> bool:
    """Whether ``line`` goes on with the sentence of ``previous``: the one ends on a comma,
    a colon (a label's value follows), a hyphen or a word that needs more after it, or
    the other opens with "and", "or", "y"."""
    words = previous.split()
    return (
        previous.endswith((",", ":", "-", "–", "(", "&", "+"))
        or (bool(words) and words[-1].lower().strip("\"'”’") in _RUN_ON_WORDS)
        or line.split(" ", 1)[0].lower() in _GOES_ON_WORDS
    )


def wrap_width(lines: list[str]) -> int | None:
    """The width the text's lines were wrapped at, or None if it was not hard-wrapped.

    Hard-wrapped text has several lines close to its longest one (the wrap
    column, spaces collapsed); text that was never wrapped has a few long
    lines of any length. List items are left out of the count: a list of
    duties of similar length is not wrapped text.
    """
    lengths = [
        len(" ".join(line.split()))
        for line in lines
        if line.strip() and not BULLET.match(line.strip())
    ]
    longest = max([WRAPPED_LINE, *lengths])
    if sum(length >= 0.9 * longest for length in lengths) < WRAPPED_AT_LEAST:
        return None
    return longest


def _wrapped(previous: str, line: str, width: int | None) -> bool:
    """Whether ``previous`` was broken before ``line``.

    In hard-wrapped text: the first word of ``line`` would not have fit on
    ``previous``. Elsewhere only a line that starts with a small letter or a
    number ("90 days of hire") continues the one before; a capitalised line
    after an item or label without a full stop starts a new passage.
    """
    first = line.split(" ", 1)[0]
    if width is None:
        return first[:1].islower() or first[:1].isdigit()
    return len(previous) + 1 + len(first) > width


def _segments(
    numbered: Iterable[tuple[int, str]],
    markdown: bool,
    dense: bool,
    width: int | None,
    casual: bool,
) -> Iterator[Segment]:
    lines = list(numbered)
    following = [line.strip() for _, line in lines[1:]] + [""]
    ahead = _next_non_empty(following)
    current: list[str] = []
    start = 0
    item = False
    previous = ""  # the last line added to ``current``
    fenced = False
    seen_text = listing = chatting = False  # chatting: since a message opened with its time
    owner: str | None = None
    header: list[str] = []  # the current table's header cells
    row_owner: str | None = None  # the last table row's first cell
    peer_cell: str | None = None

    def flush() -> Segment | None:
        if not current:
            return None
        joined = " ".join(" ".join(current).split())
        current.clear()
        return Segment(joined, start, item=item, owner=owner, peer_cell=peer_cell)

    for (number, raw), after, next_text in zip(lines, following, ahead, strict=True):
        line = raw.strip()
        if markdown and line.startswith(("```", "~~~")):
            fenced = not fenced
            continue
        if (markdown and (fenced or line.startswith(("---", "<!--")))) or _RULE_ROW.match(line):
            continue  # front matter, a comment, a table's rule row
        row = _table_row(line, markdown)
        after_row = bool(previous) and _table_row(previous, markdown) and not row
        wrapped = bool(current) and _wrapped(previous, line, width)
        heading = _heading(
            line,
            markdown,
            previous if current else "",
            wrapped,
            after or next_text,
            not after,
            not seen_text,
            listing,
        )
        seen_text = seen_text or bool(line)
        stamped = _STAMPED.match(line) or (chatting and _STAMPED_HANDLE.match(line))
        chatting = (chatting or stamped is not None) and bool(line)
        # Markdown's list markers and the ones people type ("(a)", "✔"), in any text.
        bullet = BULLET.match(line)
        starts = (
            not line
            or heading is not None
            or bullet is not None
            or row
            or after_row  # the text after a table is not its last row
            # in small letters throughout, and not wrapped: a line is a message of its own
            or (casual and bool(current) and not _runs_on(previous, line))
            or (bool(current) and not wrapped and _LABEL.match(line) is not None)
            # a message of a chat, in any case
            or ((_SPEAKER.match(line) or stamped) is not None and not _runs_on(previous, line))
            # an entry of a log after another
            or (
                bool(current)
                and _LOGGED.match(line) is not None
                and _LOGGED.match(current[0]) is not None  # the entry under way opened so
                and ends_sentence(previous)
            )
            # a duty of its own line, in Title Case ("Manage Client Funds"); a line in
            # small letters after one that did not end a sentence goes on with it
            or (
                bool(current)
                and not wrapped
                and not ends_sentence(previous)
                and line[:1].isupper()
                and opens_duty(line)
            )
            or (
                bool(current)
                and starts_sentence(line)
                and not opens_label(previous)  # the label's value
                and (
                    (dense and (ends_sentence(previous) or not wrapped))
                    # a line after an item, or after a whole sentence, that was not wrapped
                    or ((item or ends_sentence(previous)) and not wrapped)
                    # in plain text, a numbered section after a whole sentence, wrapped or
                    # not ("3.2 Directly observed therapy." under "3.1 Specimen collection.");
                    # Markdown joins such lines into one paragraph, as Word does
                    or (
                        not markdown
                        and ends_sentence(previous)
                        and SECTION_NUMBER.match(line) is not None
                    )
                )
            )
        )
        if starts:
            done = flush()
            if done:
                yield done
        if heading is not None:
            yield Segment(heading, number, heading=True)
            previous = ""
            listing = not markdown and heading.endswith(":")
            continue
        if not line:
            previous = ""
            listing = False
            continue
        if not current:
            start = number
            # the lines right under a lead-in ("What you'll need:"), to a blank line, are
            # its items, marked or not: each is a passage of its own
            item = bullet is not None or listing
            owner = peer_cell = None
        content = line[bullet.end() :] if bullet else line
        if not markdown and after and opens_label(line):
            content += ":"  # "REPORTS TO" over "Clinical Supervisor, LMHC"
        if markdown:
            content = _plain(content.lstrip("> ").strip())
        if row and content.startswith("|") and content.endswith("|"):
            cells = [cell.strip() for cell in content.strip("|").split("|")]
            owner = cells[0] if len(cells) > 1 else None
            if not cells[0] and previous.startswith("|"):
                owner = row_owner  # a row's cells wrapped onto the next line, the first empty
            row_owner = owner
            if not previous.startswith("|"):
                header = cells  # a table's first row names its columns
            else:
                peer_cell = find_peer_cell(header, cells)
            content = row_text(labelled_cells(header, cells) if header is not cells else cells)
        current.append(_unhyphen(current, content))
        previous = line
    done = flush()
    if done:
        yield done


def _table_row(line: str, markdown: bool) -> bool:
    """A row of a pipe table: in Markdown any line starting with "|"; in text, which
    people paste such tables into, a line of two or more cells between pipes."""
    if markdown:
        return line.startswith("|")
    return line.startswith("|") and line.endswith("|") and line.count("|") >= 3


def _unhyphen(current: list[str], content: str) -> str:
    """Undo a word broken across lines ("super-" + "visor")."""
    if current and re.search(r"[a-z]-$", current[-1]) and content[:1].islower():
        current[-1] = current[-1][:-1] + content.split(" ", 1)[0]
        return content.split(" ", 1)[1] if " " in content else ""
    return content


def ends_sentence(line: str) -> bool:
    """Whether a line ends with sentence punctuation (or a colon), before closing
    quotes, brackets or emphasis; a line that does not may have been wrapped."""
    return bool(_SENTENCE_END.search(line))


def _heading(
    line: str,
    markdown: bool,
    previous: str,
    wrapped: bool,
    after: str = "",
    alone: bool = False,
    top: bool = False,
    listed: bool = False,
) -> str | None:
    """The heading text if ``line`` is a heading, else None.

    ``after`` is the next line with text, ``alone`` whether a blank line comes
    first, ``top`` whether no line of text came before (a document's title),
    ``listed`` whether a heading that ends with a colon is above it, with no
    blank line between. In plain text, a line is not a heading when the next
    line continues it (starts with a small letter, as the rest of a wrapped
    sentence does), when it is a label whose value follows ("REPORTS TO"), or
    when it is that value. A short title in sentence case ("Supervision and
    support") is one when running text or a list follows it, unless it is an
    item of a lead-in's list.
    """
    if not line:
        return None
    if markdown:
        if line.startswith("#"):
            return line.lstrip("#").strip().rstrip("#").strip() or None
        bold = _MD_BOLD_LINE.match(line)
        if bold:
            return bold.group(2).strip()
        # A title line alone between blank lines, as a word processor's bold
        # paragraph comes out ("Functions Not Included"): a heading, as in text.
        if previous or not alone:
            return None
        return line if is_title(line) or (short_title(line) and opens_text(after)) else None
    if previous and not ends_sentence(previous) and wrapped:
        return None  # the rest of a wrapped sentence, however it is capitalised
    if previous and opens_label(previous):
        return None  # the value of a label
    if after[:1].islower():
        return None
    if heads(line, top):
        return line
    if listed:
        return None  # an item of a lead-in's list ("What you'll need:" over "Lived
        # experience preferred"), not a title of its own
    starts_block = not previous or ends_sentence(previous)
    return line if starts_block and short_title(line) and opens_text(after) else None


def _next_non_empty(lines: list[str]) -> list[str]:
    """For each position, the first line with text at or after it."""
    found: list[str] = []
    upcoming = ""
    for line in reversed(lines):
        upcoming = line or upcoming
        found.append(upcoming)
    return found[::-1]


def _plain(line: str) -> str:
    """A Markdown line as a reader sees it: no emphasis marks or link targets."""
    return _MD_MARK.sub("", _MD_LINK.sub(r"\1", line))
