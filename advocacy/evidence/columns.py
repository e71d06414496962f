"""Tables in a bid: a grid table's rows made whole, and what a table's columns say
about its cells (which column is the peer role's, which names the supervisor).
Shared by the text, Markdown, Word and PDF readers."""

from __future__ import annotations

import re

#: A grid table's border ("+------+====+") and a line of its cells.
_GRID_BORDER = re.compile(r"^\+[-=:+]+\+$")
_GRID_CELLS = re.compile(r"^\|.*\|$")
#: A pipe table's rule row without outer pipes ("--- | :---:").
_BARE_RULE = re.compile(r"^:?-+:?(?:\s*\|\s*:?-+:?)+$")

#: A column header naming a peer role ("Peer Recovery Coach", "Especialista de pares")…
_PEER_HEADER = re.compile(r"(?<![-\w])(?:peers?|pares)\b", re.IGNORECASE)
#: …unless it names someone else beside the word: "Non-peer staff", "Supervisor of peers",
#: "Capacitación para los pares". (Spanish names a peer role with "de": "Especialista de
#: pares" is the peer; "Supervisora de pares" is caught by its title.)
_NOT_PEER_ROLE = re.compile(
    r"\bnon[-\s]?peer|\b(?:of|for|para)\s+(?:the\s+|los\s+|las\s+)?(?:peers?|pares)\b"
    r"|supervis|manager|director|coordinat|coordinad|gerente|jef[ea]\b",
    re.IGNORECASE,
)


#: A column header that says who supervises ("Supervisor", "Reports to", "Supervisión").
_SUPERVISOR_HEADER = re.compile(r"^(?:supervis\w*|reports? to|responde a)\b", re.IGNORECASE)


def supervisor_column(title: str) -> bool:
    """Whether a column header says who supervises ("Supervisor", "Reports to")."""
    return _SUPERVISOR_HEADER.match(title) is not None


#: Between a table row's cells in a passage's text, in every reader: a negation in one cell
#: does not reach a duty in a later one ("| No | Peers complete daily shift notes |").
CELL_MARK = "|"


def row_text(cells: list[str]) -> str:
    """A table row's cells as one passage's text, empty cells left out."""
    return f" {CELL_MARK} ".join(cell for cell in cells if cell)


def labelled_cells(header: list[str], cells: list[str]) -> list[str]:
    """A row's cells, where a column names the supervisor, with the column's name
    before the cell ("Supervisor: RN Care Manager"), as a form field reads."""
    return [
        f"{title}: {cell}" if cell and supervisor_column(title) else cell
        for title, cell in zip(header + [""] * (len(cells) - len(header)), cells, strict=False)
    ]


#: …or is a peer title's noun alone, the short name a posting's table gives its own peer job
#: ("Task | Navigator | Case Manager", "Who | Coach | RN"), or a family peer's title
#: ("Task | Children's Service Worker | Parent Advocate", "Promotora").
_PEER_TITLE_ALONE = re.compile(
    r"^(?:(?:peer |recovery )?(?:navigators?|coach(?:es)?|mentors?|bridgers?)"
    r"|(?:parent|family|youth) (?:partners?|advocates?|all(?:y|ies)|mentors?)"
    r"|promotor(?:a|as|es)?)$",
    re.IGNORECASE,
)


def _peer_column(title: str) -> bool:
    title = " ".join(title.split())
    peer = _PEER_HEADER.search(title) or _PEER_TITLE_ALONE.match(title)
    return bool(peer) and not _NOT_PEER_ROLE.search(title)


def find_peer_cell(header: list[str], cells: list[str]) -> str | None:
    """The row's cell in the one column (after the first) whose header names a peer role.

    None when no column or more than one does: a verdict read from the wrong
    column would hide a duty.
    """
    columns = [at for at, title in enumerate(header[1:], start=1) if _peer_column(title)]
    if len(columns) != 1 or columns[0] >= len(cells):
        return None
    return cells[columns[0]]


def join_grid_rows(lines: list[str]) -> None:
    """A grid table's row ("+----+" borders) whose cells wrap over several lines becomes
    one line at its first, each column's pieces joined; its other lines become blank."""
    at = 0
    while at < len(lines):
        if not _GRID_BORDER.match(lines[at].strip()):
            at += 1
            continue
        end = at + 1
        while end < len(lines) and _GRID_CELLS.match(lines[end].strip()):
            end += 1
        rows = [lines[i].strip().strip("|").split("|") for i in range(at + 1, end)]
        if len(rows) > 1 and len({len(cells) for cells in rows}) == 1:
            columns = [" ".join(" ".join(column).split()) for column in zip(*rows, strict=True)]
            lines[at + 1] = "| " + " | ".join(columns) + " |"
            lines[at + 2 : end] = [""] * (end - at - 2)
        at = end


def frame_bare_rows(lines: list[str]) -> None:
    """A pipe table typed without its outer pipes ("Duty | Who does it | Notes") gets them,
    so that it is read as a table: two or more lines in a row with pipes, of which two
    have the most and at least two (three cells), or with a rule row ("--- | ---") under
    the first. A shorter row inside ("Group facilitation | Yes") stays in its table. A
    line of its own with pipes ("Home | About | Contact") is left."""
    at = 0
    while at < len(lines):
        end = at + 1 if _bare_pipes(lines[at]) else at
        ruled = end == at + 1 and end < len(lines) and _BARE_RULE.match(lines[end].strip())
        end += bool(ruled)
        while end < len(lines) and _bare_pipes(lines[end]):
            end += 1
        counts = [_bare_pipes(lines[i]) for i in range(at, end) if not (ruled and i == at + 1)]
        most = max(counts, default=0)
        if len(counts) > 1 and (ruled or (most > 1 and counts.count(most) > 1)):
            for i in range(at, end):
                if not (ruled and i == at + 1):
                    lines[i] = f"| {lines[i].strip()} |"
        at = max(end, at + 1)


def _bare_pipes(line: str) -> int:
    """The pipes between a line's cells, 0 when it has outer pipes or is a rule row."""
    text = line.strip()
    if not text or text.startswith("|") or text.endswith("|") or _BARE_RULE.match(text):
        return 0
    return text.count("|")
