"""Clause rules that put a duty out of the peer role after it is named, and colons
that do not end a negated lead-in.

* A duty as the subject of a predicate that puts it out of the role or against the
  code is not assigned: "MAP and med reminders *are outside* the peer role", "lists
  med passes *as outside* the peer role", "Holding someone down *isn't* consistent
  with …", "Dar o contar medicamentos *no es* parte del apoyo", "tomar muestras *va
  en contra* del principio", "lo de avisar … *no lo puedo* hacer", "reporting refusals
  *breaks* the non-coercion principle", "reporting people to their PO *is coercion*".
  Not after "and" + a verb of its own ("… and are outside the union"), nor across a
  relative clause ("…, which is outside their role" is a complaint about a duty that
  was given).
* A duty said to be done by someone else, "never by" or "not" the peer role, later in
  its sentence: "Pat-downs are done by security, *never by peer staff*", "Meds are
  passed by nursing, *not peers*", "Las pruebas las hace enfermería, *nunca los pares*".
  Not across a relative or subordinate clause ("…, which is not peer work" complains of
  a duty given), nor of a peer supervisor ("not the peer supervisor").
* A colon after a negated lead-in to a list does not end the negation: "The following
  … should not be assigned to peer staff: medication administration, transportation".
"""

from __future__ import annotations

from collections.abc import Callable

from advocacy.evidence.cue_words import (
    COORDINATORS,
    COPULAS,
    EXCLUDING_WORDS,
    POST,
    RELATIVES,
    SUBORDINATORS,
)
from advocacy.evidence.matching import Tokens

NEGATED = "negated by"  # how every negation's reason starts ("negated by 'will not'")
WINDOW = 8  # words after a match to the predicate that puts it out of the role
SENTENCE_WINDOW = 16  # words after a match to the "never by peers" that puts it out
# Clauses of their own, where a "not peer work" is said of something else.
CLAUSE_OPENERS = SUBORDINATORS | frozenset("though although because aunque que".split())
NOT_BY = frozenset("by for to por para the a an our los las el la un una nuestros".split())
PEER_ROLE = frozenset(
    "peer peers par pares cps cpss pss prs prss crs cprs crps cpsw cpc recovery".split()
)
SAYING = frozenset("say says said saying decir dice dicen diga digan".split())
# A peer role's second word: "never by peer staff", "nunca los pares especialistas".
PEER_NOUNS = frozenset(
    "staff specialist specialists worker workers mentor mentors coach coaches advocate "
    "advocates supporter supporters especialista especialistas".split()
)
AGAINST = frozenset("against contra".split())
AGAINST_VERBS = frozenset("go goes went is are was were va van iba en".split())
AS_WORDS = frozenset("as como".split())
CONTRACTED = frozenset("isn't aren't wasn't weren't".split())
LIST_WORDS = frozenset("following siguiente siguientes".split())
REFUSING = frozenset("puedo podemos voy vamos pienso haré haremos".split())
# "Reporting refusals *breaks the* non-coercion *principle*": an argument against a duty.
BREAKING = frozenset(
    "break breaks broke violate violates violated undermine undermines contradict contradicts "
    "viola violan violaría rompe rompen rompería contradice contradicen socava".split()
)
# "Reporting people to their PO *is coercion*": a duty called a breach.
COERCION = frozenset("coercion coercive coerción coercitivo coercitiva".split())
PRINCIPLES = frozenset(
    "principle principles ethics ethical code confidentiality mutuality coercion trust "
    "principio principios ética código confidencialidad mutualidad coerción confianza".split()
)


def out_of_role_after(tokens: Tokens, end: int, in_clause: Callable[[int], bool]) -> str | None:
    """Why the clause after a match ending at word ``end`` puts it out of the role
    ("negated by 'are outside'"), or None; ``in_clause(at)`` says whether word ``at``
    is in the match's clause."""
    words = tokens.words
    for at in range(end + 1, min(len(words), end + 1 + WINDOW)):
        word = words[at]
        if not in_clause(at) or word in RELATIVES:
            return None
        following = words[at + 1] if at + 1 < len(words) else ""
        if word in COORDINATORS and (following in COPULAS or following in AGAINST_VERBS):
            return None
        said = _predicate(words, at, end)
        if said:
            return f"{NEGATED} '{said}'"
    return None


def not_the_peers_after(tokens: Tokens, end: int) -> str | None:
    """Why the rest of the sentence after a match ending at word ``end`` says the peer
    role does not do it ("negated by 'never by peer'"), or None."""
    words = tokens.words
    sentence = tokens.sentences[end]
    for at in range(end + 1, min(len(words), end + 1 + SENTENCE_WINDOW)):
        word = words[at]
        if tokens.sentences[at] != sentence or word in RELATIVES or word in CLAUSE_OPENERS:
            return None
        if word not in POST and word not in ("ni", "nor"):
            continue
        if word == "no" and words[at - 1] in SAYING:
            continue  # "the person can say no to the peer": a right, not who does the duty
        role = at + 1
        while role < len(words) and role - at <= 2 and words[role] in NOT_BY:
            role += 1
        if role >= len(words) or words[role] not in PEER_ROLE:
            continue
        if role + 1 < len(words) and words[role + 1] in PEER_NOUNS:
            role += 1  # "peer staff", "peer specialists"
        if _phrase_ends(tokens, role):  # "not the peer." but "no peer training", "no peer on site"
            return f"{NEGATED} '{' '.join(words[at : role + 1])}'"
    return None


def _phrase_ends(tokens: Tokens, at: int) -> bool:
    """Whether word ``at`` ends its phrase: the text ends, or a mark or "and", "or" follows."""
    if at + 1 >= len(tokens.words):
        return True
    if tokens.words[at + 1] in COORDINATORS or tokens.words[at + 1] in ("or", "o"):
        return True
    between = tokens.text[tokens.spans[at][1] : tokens.spans[at + 1][0]]
    return any(mark in between for mark in ",.;:!?)—–")


def _predicate(words: tuple[str, ...], at: int, end: int) -> str | None:
    """What, at word ``at`` after a match ending at ``end``, says the match is out of the
    role or against it: "are outside", "as outside", "va en contra", "goes against";
    right after the match, "isn't" or Spanish "no es" ("no es parte del apoyo")."""
    word, before = words[at], words[at - 1]
    following = words[at + 1] if at + 1 < len(words) else ""
    if (word in EXCLUDING_WORDS and (before in COPULAS or before in AS_WORDS)) or (
        word in AGAINST and before in AGAINST_VERBS
    ):
        return f"{before} {word}"
    if at == end + 1 and word in CONTRACTED:
        return word
    if word in COERCION and before in COPULAS and following not in ("free", "libre"):
        return f"{before} {word}"
    if word in BREAKING and PRINCIPLES & set(words[at + 1 : at + 8]):
        return word  # "… breaks the non-coercion and confidentiality principles"
    refusing = words[at + 2] if at + 2 < len(words) else ""
    if word == "no" and following in ("lo", "la") and refusing in REFUSING:
        return f"no {following} {refusing}"  # "lo de avisar si no se la toma no lo puedo hacer"
    return f"no {following}" if at == end + 1 and word == "no" and following in COPULAS else None


def list_colons(tokens: Tokens, marks: list[int], trigger_starts: list[int]) -> list[int]:
    """The colons that end a clause, given the other clause boundaries ``marks`` and where
    the negation triggers start: not one after a negated lead-in to a list."""
    kept: list[int] = []
    words = tokens.words
    for colon in tokens.colons:
        opened = max([m for m in [*marks, *kept] if m < colon], default=0)
        first = tokens.sentence_range(colon)[0]
        if not (
            any(w in LIST_WORDS for w in words[first:colon])
            and any(opened <= start < colon - 1 for start in trigger_starts)
        ):
            kept.append(colon)
    return kept
