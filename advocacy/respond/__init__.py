"""RFI responses: load an RFI and a response, check them, build the document.

The advocate's main job. A response file names the RFI, the respondent and,
per question, the talking points chosen and the respondent's own words.
:func:`check_response` measures what the agency will read (words against
limits, the respondent's personal share, the deadline) and
:func:`build_response` renders it through the shipped template to Markdown or
DOCX. Both see the same text: the answer template renders each answer once,
and the checks count the words of that rendering.
"""

from advocacy.respond.checking import AnswerCheck, CheckReport, check_response
from advocacy.respond.loading import (
    LoadedResponse,
    LoadedRfi,
    load_response,
    load_rfi,
    with_appendix,
    with_language,
)
from advocacy.respond.response import build_response, response_markdown

__all__ = [
    "AnswerCheck",
    "CheckReport",
    "LoadedResponse",
    "LoadedRfi",
    "build_response",
    "check_response",
    "load_response",
    "load_rfi",
    "response_markdown",
    "with_appendix",
    "with_language",
]
