"""Split a Markdown document into its YAML front matter and its body."""

from __future__ import annotations

from advocacy.errors import AdvocacyError
from advocacy.models.base import load_model
from advocacy.models.document import FrontMatter
from advocacy.yamlio import load_yaml

_FENCE = "---"


def split_front_matter(text: str, file: str = "<markdown>") -> tuple[FrontMatter, str]:
    """Return the validated front matter and the Markdown body.

    A document without a leading ``---`` block has empty front matter. Errors
    name the line in the original file.
    """
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != _FENCE:
        return FrontMatter(), text
    for end in range(1, len(lines)):
        if lines[end].rstrip() in (_FENCE, "..."):
            break
    else:
        raise AdvocacyError(
            "the front matter starting on line 1 is not closed",
            file,
            1,
            1,
            hint="end the YAML block with a line of three dashes: ---",
        )
    block = "\n".join(lines[1:end])
    body = "\n".join(lines[end + 1 :])
    if not block.strip():
        return FrontMatter(), body
    # A leading newline keeps YAML line numbers equal to the file's.
    doc = load_yaml("\n" + block, file)
    return load_model(FrontMatter, doc), body
