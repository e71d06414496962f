"""The Jinja2 environment every document template renders in.

Templates may come from users (``--template-dir``), so the environment is
sandboxed, and a user's folder stands before the shipped ``templates/`` in one
loader: override one template and inherit the rest. ``StrictUndefined`` makes
a misspelled variable an error naming the template, line and variable.

Templates produce Markdown with YAML front matter; :func:`tidy_markdown`
makes the result deterministic and clean (no runs of blank lines, no trailing
spaces, one final newline).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from advocacy.errors import AdvocacyError
from advocacy.i18n import (
    DEFAULT_LANGUAGE,
    base_language,
    format_number,
    long_date,
    long_datetime,
    translations,
)
from advocacy.resources import templates_dir
from advocacy.wordcount import count_words

# ``$`` too: pandoc's Markdown reads text between two dollars as TeX maths.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&$])")
_LINE_START_MARKER = re.compile(r"(?m)^(\s*)([#+\-=>])")
# A list marker only when a space or the line end follows ("66.7" is a number).
_LINE_START_NUMBER = re.compile(r"(?m)^(\s*\d+)([.)])(?=\s|$)")
_BLANK_RUNS = re.compile(r"\n{3,}")
_ATX_HEADING = re.compile(r"#{1,6}(?:[ \t]|$)")
_FENCE = re.compile(r"^(```|~~~)")


def escape_markdown(text: object) -> str:
    """Escape user text so that it shows as typed and cannot change the document.

    A respondent's ``*``, ``#`` or ``1.`` at the start of a line, ``[links]``
    or raw HTML are shown literally. Paragraph breaks (blank lines) are kept.
    """
    value = "" if text is None else str(text)
    # Indentation means nothing in a paragraph, but four spaces make a code block.
    value = "\n".join(line.lstrip() for line in value.split("\n"))
    value = _INLINE_SPECIAL.sub(r"\\\1", value)
    value = _LINE_START_MARKER.sub(r"\1\\\2", value)
    return _LINE_START_NUMBER.sub(r"\1\\\2", value)


def blockquote(text: str) -> str:
    """Prefix every line with ``> `` (blank lines with ``>``)."""
    return "\n".join(f"> {line}" if line.strip() else ">" for line in text.strip().split("\n"))


def end_sentence(text: str) -> str:
    """Add a full stop unless the text already ends a sentence."""
    text = text.rstrip()
    return text if not text or text[-1] in ".?!:" else text + "."


def yaml_string(value: object) -> str:
    """A value as a YAML double-quoted scalar, for front matter lines."""
    import json

    return json.dumps("" if value is None else str(value), ensure_ascii=False)


def tidy_markdown(text: str) -> str:
    """Collapse runs of blank lines, strip trailing spaces, end with one newline.

    A heading gets a blank line before it: CommonMark needs none, but pandoc's
    Markdown (and others) would read a heading right after a list item as part
    of the item. Fenced code blocks are left exactly as written.
    """
    out: list[str] = []
    in_fence = False
    for line in text.split("\n"):
        if _FENCE.match(line.lstrip()):
            in_fence = not in_fence
        elif not in_fence and out and out[-1] and _ATX_HEADING.match(line):
            out.append("")
        out.append(line if in_fence else line.rstrip())
    joined = "\n".join(out)
    if "```" not in joined and "~~~" not in joined:
        joined = _BLANK_RUNS.sub("\n\n", joined)
    else:
        joined = _collapse_outside_fences(joined)
    return joined.strip("\n") + "\n"


def _collapse_outside_fences(text: str) -> str:
    parts = re.split(r"(?ms)(^(?:```|~~~).*?^(?:```|~~~)[^\n]*$)", text)
    return "".join(part if i % 2 else _BLANK_RUNS.sub("\n\n", part) for i, part in enumerate(parts))


@lru_cache(maxsize=16)
def template_environment(
    template_dir: Path | None = None, lang: str = DEFAULT_LANGUAGE
) -> SandboxedEnvironment:
    """The sandboxed environment for one language; ``template_dir`` overrides shipped templates.

    Fixed words in templates are written ``{{ _("Sources") }}`` and come from
    the language's message catalogue; dates are formatted for the language.
    """
    loaders: list[jinja2.BaseLoader] = []
    if template_dir is not None:
        if not template_dir.is_dir():
            raise AdvocacyError(
                "template folder does not exist", template_dir, hint="check --template-dir"
            )
        loaders.append(jinja2.FileSystemLoader(str(template_dir)))
    loaders.append(jinja2.FileSystemLoader(str(templates_dir())))
    env = SandboxedEnvironment(
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.i18n"],
        bytecode_cache=_bytecode_cache(),
    )
    env.install_gettext_translations(translations(lang), newstyle=True)  # type: ignore[attr-defined]
    env.filters.update(
        md=escape_markdown,
        long_date=lambda value: long_date(value, lang),
        num=lambda value, digits=None: format_number(value, lang, digits),
        long_datetime=lambda value: long_datetime(value, lang),
        blockquote=blockquote,
        end_sentence=end_sentence,
        word_count=count_words,
        yaml_string=yaml_string,
    )
    return env


@lru_cache(maxsize=1)
def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """Compiled templates kept between runs, in the user's cache folder.

    Compiling the templates is a good part of one letter's time. Jinja2 keys
    each entry by the template's file name and checks its source, so an edited
    template is compiled again; the folder name carries our version, so an
    upgrade starts afresh. ``ADVOCACY_NO_CACHE=1``, a folder that cannot be
    made, or one that others can write to or that we do not own, means no cache.
    """
    import os

    from advocacy import __version__

    if os.environ.get("ADVOCACY_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = Path(base) / "advocacy" / f"templates-{__version__}"
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        stat = folder.stat()
    except OSError:
        return None
    if stat.st_uid != os.getuid() or stat.st_mode & 0o022:
        return None  # compiled code is run from here: only from a folder only we can write
    return _QuietBytecodeCache(str(folder))


class _QuietBytecodeCache(jinja2.FileSystemBytecodeCache):
    """A cache that never stops a document: a folder that can't be written means no cache."""

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def render_template(
    name: str,
    context: Mapping[str, Any],
    template_dir: Path | None = None,
    lang: str = DEFAULT_LANGUAGE,
) -> str:
    """Render template ``name`` to tidy Markdown.

    Template mistakes (syntax, an undefined variable, a filter that fails)
    become :class:`AdvocacyError` with the template's file and line.
    """
    env = template_environment(template_dir, base_language(lang))
    try:
        template = env.get_template(name)
    except jinja2.TemplateNotFound:
        raise AdvocacyError(
            f"template {name!r} not found",
            template_dir,
            hint="templates are looked up in --template-dir first, then in the shipped ones",
        ) from None
    except jinja2.TemplateSyntaxError as exc:
        raise AdvocacyError(
            f"template syntax error: {exc.message}",
            exc.filename or name,
            exc.lineno,
            hint="check the {% %} and {{ }} tags on this line",
        ) from None
    except UnicodeDecodeError:
        raise AdvocacyError(
            f"template {name!r} is not UTF-8 text",
            template_dir,
            hint="save the template as UTF-8",
        ) from None
    try:
        return tidy_markdown(template.render(**context))
    except jinja2.UndefinedError as exc:
        file, line = _template_location(exc, template)
        raise AdvocacyError(
            f"template uses an undefined value: {exc.message}",
            file,
            line,
            hint="check the spelling of the variable; see the shipped templates for the names",
        ) from None
    except jinja2.exceptions.SecurityError as exc:
        file, line = _template_location(exc, template)
        raise AdvocacyError(f"template not allowed to do this: {exc}", file, line) from None
    except jinja2.TemplateError as exc:
        file, line = _template_location(exc, template)
        raise AdvocacyError(f"template error: {exc}", file, line) from None
    except UnicodeDecodeError:
        raise AdvocacyError(
            "a template it includes is not UTF-8 text", template.filename, hint="save it as UTF-8"
        ) from None
    except RecursionError:
        raise AdvocacyError(
            "the template includes itself, directly or through another template",
            template.filename,
            hint="check the {% include %} and {% extends %} tags",
        ) from None
    except (OverflowError, MemoryError, ValueError, TypeError, ZeroDivisionError) as exc:
        file, line = _template_location(exc, template)
        raise AdvocacyError(f"template failed: {type(exc).__name__}: {exc}", file, line) from None


def _template_location(exc: BaseException, template: jinja2.Template) -> tuple[str, int | None]:
    """The innermost template frame of the traceback (Jinja rewrites them to template lines)."""
    file, line = template.filename or template.name or "<template>", None
    tb = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2") or filename == template.filename:
            file, line = filename, tb.tb_lineno
        tb = tb.tb_next
    return file, line
