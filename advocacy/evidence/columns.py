"""What a table's columns say about its cells: which column is the peer role's, and
which names the supervisor. Shared by the text, Markdown, Word and PDF readers."""

from __future__ import annotations

import re

#: A column header naming a peer role ("Peer Recovery Coach", "Especialista de pares")…
_PEER_HEADER = re.compile(r"(?<![-\w])(?:peers?|pares)\b", re.IGNORECASE)
#: …unless it names someone else beside the word: "Non-peer staff", "Supervisor of peers".
_NOT_PEER_ROLE = re.compile(
    r"\bnon[-\s]?peer|\b(?:of|for|de|para)\s+(?:the\s+|los\s+|las\s+)?(?:peers?|pares)\b"
    r"|supervis|manager|director|coordinat",
    re.IGNORECASE,
)


#: A column header that says who supervises ("Supervisor", "Reports to", "Supervisión").
_SUPERVISOR_HEADER = re.compile(r"^(?:supervis\w*|reports? to|responde a)\b", re.IGNORECASE)


def supervisor_column(title: str) -> bool:
    """Whether a column header says who supervises ("Supervisor", "Reports to")."""
    return _SUPERVISOR_HEADER.match(title) is not None


def labelled_cells(header: list[str], cells: list[str]) -> list[str]:
    """A row's cells, where a column names the supervisor, with the column's name
    before the cell ("Supervisor: RN Care Manager"), as a form field reads."""
    return [
        f"{title}: {cell}" if cell and supervisor_column(title) else cell
        for title, cell in zip(header + [""] * (len(cells) - len(header)), cells, strict=False)
    ]


def find_peer_cell(header: list[str], cells: list[str]) -> str | None:
    """The row's cell in the one column (after the first) whose header names a peer role.

    None when no column or more than one does: a verdict read from the wrong
    column would hide a duty.
    """
    columns = [
        at
        for at, title in enumerate(header[1:], start=1)
        if _PEER_HEADER.search(title) and not _NOT_PEER_ROLE.search(title)
    ]
    if len(columns) != 1 or columns[0] >= len(cells):
        return None
    return cells[columns[0]]
