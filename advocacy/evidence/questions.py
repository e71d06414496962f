"""Questions and instructions: a match in a sentence that asks states no duty.

"May peer staff manage money?" or an RFP's "Describe your retention plan,
including the starting wage compared with …" rules nothing out and flags
nothing, unless the question takes the duty as given ("Are you comfortable
…?" in an interview), the passage says it is required, or the next sentence
answers "Yes". Split from :mod:`advocacy.evidence.scope`, whose cue helpers it
uses.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from advocacy.evidence.clauses import find_phrases, memo, passage_language
from advocacy.evidence.matching import Tokens
from advocacy.evidence.scope import A_QUESTION


def question(tokens: Tokens, start: int) -> str | None:
    """A match in a sentence that asks ("Can the role include other duties?") states no duty,
    unless the question takes the duty as given ("How would you …?", "Are you
    comfortable …?", in an interview) or the passage says it is required ("(required
    for this role)", "Esta tarea es parte del puesto.")."""
    sentence = tokens.sentences[start]
    if sentence not in tokens.questions or _before_a_tag(tokens, sentence, start):
        return None
    presupposed = memo(tokens, "presupposed", _presupposing_questions)
    if sentence in presupposed or memo(tokens, "required", _states_required):  # type: ignore[operator]
        return None
    return None if _answered_yes(tokens, sentence) else A_QUESTION


# Tag questions: "They have me passing meds on nights, is that allowed?", "me pusieron
# a pasar las pastillas, ¿eso se puede?": only the short part after the last comma asks.
_TAG_OPENERS = frozenset("is isn't right ok okay correct eso es está verdad cierto".split())
_TAG_WORDS = 5
_ASKING_OPENERS = frozenset(
    "may can could will would should shall must do does did is are was were who what which "
    "when where why how puede pueden podrá podrán podría podrían debe deben deberá deberán "
    "es son está están será serán qué quién quiénes cuál cuándo dónde cómo".split()
)


def _before_a_tag(tokens: Tokens, sentence: int, start: int) -> bool:
    first = bisect_left(tokens.sentences, sentence)
    end = bisect_right(tokens.sentences, sentence)
    commas = tokens.commas
    at = bisect_left(commas, end) - 1
    if at < 0 or commas[at] <= max(first, start):
        return False
    tag = commas[at]
    return (
        end - tag <= _TAG_WORDS
        and tokens.words[tag] in _TAG_OPENERS
        and tokens.words[first] not in _ASKING_OPENERS  # "May peers hold money, is that allowed?"
    )


_YES = frozenset({"yes", "sí", "si", "yeah"})


def _answered_yes(tokens: Tokens, sentence: int) -> bool:
    """Whether the next sentence answers the question "Yes" ("Will peers administer
    medication? Yes, on the evening shift."): then it states the duty."""
    after = bisect_right(tokens.sentences, sentence)
    return (
        after < len(tokens.words)
        and tokens.sentences[after] == sentence + 1
        and tokens.words[after] in _YES
    )


# Questions to a candidate that take a duty as part of the job.
_PRESUPPOSING = {
    "en": (
        "how would you",
        "how will you",
        "are you comfortable",
        "are you willing",
        "are you able",
        "are you ok",
        "are you okay",
        "do you have experience",
        "what experience do you have",
    ),
    "es": (
        "tiene experiencia",
        "tienes experiencia",
        "está dispuesto",
        "está dispuesta",
        "estás dispuesto",
        "estás dispuesta",
        "se siente cómodo",
        "se siente cómoda",
        "qué experiencia tiene",
    ),
}
# A statement, beside a question, that what it asks about is required.
_REQUIRED = {
    "en": (
        "required for this role",
        "required for this position",
        "required for the role",
        "required for the position",
        "part of the job",
        "part of the role",
        "part of the position",
        "part of this job",
        "part of this role",
        "part of this position",
    ),
    "es": (
        "parte del puesto",
        "parte del trabajo",
        "parte del rol",
        "requisito del puesto",
        "requerido para el puesto",
        "requerida para el puesto",
    ),
}


# An RFP's instruction to the bidder ("5.3.j Describe your retention plan, …") asks, like a
# question. Not "demonstrate" or "discuss", which open duties and requirements in postings
# ("Demonstrate ability to administer medication").
_ASKS = frozenset(
    "describe attach describa describan adjunte adjunten explique expliquen detalle detallen".split()
)


def bidder_ask(tokens: Tokens, start: int) -> str | None:
    """A red flag in a sentence that opens with an instruction to the bidder ("5.3.j
    Describe your retention plan, including the starting wage compared with …")
    states no duty; what it asks for is still evidence of what the buyer wants."""
    first, _ = tokens.sentence_range(start)
    words = tokens.words
    while first < start and (words[first].replace(".", "").isdigit() or len(words[first]) == 1):
        first += 1  # a clause number or letter: "5.3.j", "(c)"
    return A_QUESTION if words[first] in _ASKS else None


# A request put as a question hands the duty over ("also can u pick up the payee checks
# friday?", "¿me puedes contar las pastillas esta noche?"), unless a question word asks
# before it ("Who can you call if …?").
_REQUESTS = {
    "en": (
        "can you",
        "could you",
        "can u",
        "could u",
        "would you mind",
        "can someone",
        "could someone",
        "can somebody",
        "can one of",
        "could one of",
        "can y'all",
        "please",
        "pls",
        "plz",
    ),
    "es": (
        "puedes",
        "podrías",
        "podrias",
        "puede usted",
        "podría usted",
        "me ayudas",
        "me haces el favor",
        "por favor",
        "porfa",
    ),
}
_WH = frozenset(
    "who what when where why how which whom quién quiénes qué cuándo dónde cómo cuál".split()
)


def _presupposing_questions(tokens: Tokens) -> frozenset[int]:
    language = passage_language(tokens)
    found = find_phrases(tokens, _PRESUPPOSING[language])
    sentences = {tokens.sentences[cue.start] for cue in found}
    words = tokens.words
    for cue in find_phrases(tokens, _REQUESTS[language]):
        sentence = tokens.sentences[cue.start]
        first = bisect_left(tokens.sentences, sentence)
        if not _WH.intersection(words[first : cue.start]):
            sentences.add(sentence)
    return frozenset(sentences)


def _states_required(tokens: Tokens) -> bool:
    found = find_phrases(tokens, _REQUIRED[passage_language(tokens)])
    return any(tokens.sentences[cue.start] not in tokens.questions for cue in found)
