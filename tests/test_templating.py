"""The template environment: sandboxed, strict, located errors, tidy and safe Markdown."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from advocacy.errors import AdvocacyError
from advocacy.i18n import long_date
from advocacy.render.templating import (
    escape_markdown,
    render_template,
    template_environment,
    tidy_markdown,
)


def write_template(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, "utf-8")
    template_environment.cache_clear()
    return folder


def plain_text(markdown: str) -> str:
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    parts = []
    for token in tokens:
        if token.type == "inline":
            for child in token.children or []:
                if child.type in ("text", "code_inline"):
                    parts.append(child.content)
                elif child.type in ("softbreak", "hardbreak"):
                    parts.append(" ")
        elif token.type.endswith("_open") and token.type != "paragraph_open":
            parts.append(f"<{token.type}>")  # any block structure shows up here
    return " ".join(" ".join(parts).split())


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp"))
        | st.just("\n"),
        max_size=80,
    )
)
def test_escaped_user_text_reads_back_exactly(text: str) -> None:
    # Whatever a respondent types shows as typed: no headings, lists, links or HTML.
    expected = " ".join(text.split())
    assert plain_text(escape_markdown(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "# not a heading",
        "1. not a list",
        "- nor this",
        "> nor a quote",
        "**not bold**",
        "[not](a link)",
        "<b>not html</b>",
        "a | b",
        "&amp; stays",
        "=== nor a setext",
        "para\n\n    not code",
        "\tnor tab code",
    ],
)
def test_markdown_syntax_in_user_text_is_literal(text: str) -> None:
    assert plain_text(escape_markdown(text)) == " ".join(text.split())


def test_tidy_collapses_blank_runs_but_not_inside_code() -> None:
    text = "# A  \n\n\n\nB\n\n\n```\nx\n\n\n\ny\n```\n\n\n\nC\n\n"
    assert tidy_markdown(text) == "# A\n\nB\n\n```\nx\n\n\n\ny\n```\n\nC\n"


def test_dollars_are_escaped_and_decimals_are_not() -> None:
    """pandoc reads text between two ``$`` as TeX maths; "66.7" is no list marker."""
    assert escape_markdown("pay ($) and ($)") == "pay (\\$) and (\\$)"
    assert escape_markdown("66.7 people") == "66.7 people"
    assert escape_markdown("1. item") == "1\\. item"


def test_tidy_puts_a_blank_line_before_a_heading() -> None:
    """Else pandoc reads a heading right after a list item as part of the item."""
    text = "- item\n## Next\n#hashtag\n```\nx\n# not a heading\n```\n"
    assert tidy_markdown(text) == "- item\n\n## Next\n#hashtag\n```\nx\n# not a heading\n```\n"


def test_long_date() -> None:
    assert long_date(dt.date(2017, 6, 2)) == "June 2, 2017"
    assert long_date("2018-07-01") == "July 1, 2018"
    assert long_date(None) == ""


def test_undefined_variable_names_template_and_line(tmp_path: Path) -> None:
    folder = write_template(tmp_path, "t.md.j2", "# {{ title }}\n\nHello {{ respondnet.name }}\n")
    with pytest.raises(AdvocacyError) as info:
        render_template("t.md.j2", {"title": "x", "respondent": {"name": "A"}}, folder)
    diag = info.value.diagnostics[0]
    assert diag.file.endswith("t.md.j2") and diag.line == 3
    assert "'respondnet' is undefined" in diag.message


def test_syntax_error_is_located(tmp_path: Path) -> None:
    folder = write_template(tmp_path, "t.md.j2", "ok\n{% if x %}\nno end\n")
    with pytest.raises(AdvocacyError, match="template syntax error") as info:
        render_template("t.md.j2", {"x": 1}, folder)
    assert info.value.diagnostics[0].file.endswith("t.md.j2")


def test_sandbox_refuses_unsafe_attribute_access(tmp_path: Path) -> None:
    folder = write_template(tmp_path, "t.md.j2", "{{ ''.__class__.__mro__[1].__subclasses__() }}\n")
    with pytest.raises(AdvocacyError, match="not allowed to do this: access to attribute"):
        render_template("t.md.j2", {}, folder)


def test_user_folder_overrides_one_template_and_inherits_the_rest(tmp_path: Path) -> None:
    folder = write_template(tmp_path, "page.md.j2", "{% include 'part.md.j2' %}\n")
    write_template(folder, "part.md.j2", "mine: {{ who | md }}\n")
    assert render_template("page.md.j2", {"who": "*A*"}, folder) == "mine: \\*A\\*\n"


def test_missing_template_and_folder(tmp_path: Path) -> None:
    with pytest.raises(AdvocacyError, match=r"template 'nope\.md\.j2' not found"):
        render_template("nope.md.j2", {}, None)
    with pytest.raises(AdvocacyError, match="template folder does not exist"):
        template_environment(tmp_path / "missing")


def test_models_do_not_import_i18n() -> None:
    """Imports point down: i18n uses the models, so the models must not import i18n."""
    models = Path(__file__).resolve().parent.parent / "advocacy" / "models"
    for path in models.glob("*.py"):
        assert "advocacy.i18n" not in path.read_text("utf-8"), path.name


def render_in_new_process(folder: Path, cache_home: Path) -> subprocess.CompletedProcess[str]:
    """Render ``t.md.j2`` from ``folder`` (with who=A) in a fresh interpreter."""
    code = (
        "import sys; from pathlib import Path; from advocacy.render.templating import "
        "render_template; sys.stdout.write(render_template('t.md.j2', {'who': 'A'}, Path(sys.argv[1])))"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home)}
    env.pop("ADVOCACY_NO_CACHE", None)
    return subprocess.run([sys.executable, "-c", code, str(folder)], env=env,
                          capture_output=True, text=True)  # fmt: skip


def test_compiled_templates_are_cached_between_runs_and_an_edit_is_seen(tmp_path: Path) -> None:
    """A new process reuses the compiled template; an edited template is compiled again."""
    folder = write_template(tmp_path / "tpl", "t.md.j2", "first {{ who }}\n")
    cache = tmp_path / "cache"
    assert render_in_new_process(folder, cache).stdout == "first A\n"
    assert len(list(cache.glob("advocacy/templates-*/__jinja2_*.cache"))) == 1
    assert render_in_new_process(folder, cache).stdout == "first A\n"
    (folder / "t.md.j2").write_text("second {{ who }}\n", "utf-8")
    assert render_in_new_process(folder, cache).stdout == "second A\n"


def test_a_cache_folder_that_cannot_be_made_means_no_cache(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", "utf-8")
    folder = write_template(tmp_path / "tpl", "t.md.j2", "hello {{ who }}\n")
    done = render_in_new_process(folder, blocker)
    assert done.returncode == 0 and done.stdout == "hello A\n", done.stderr


def test_a_cache_folder_others_can_write_to_is_not_used(tmp_path: Path) -> None:
    """Compiled code is run from the cache: a folder others can write to is refused."""
    cache = tmp_path / "cache"
    folder = cache / "advocacy"
    folder.mkdir(parents=True)
    from advocacy import __version__

    shared = folder / f"templates-{__version__}"
    shared.mkdir()
    shared.chmod(0o777)
    source = write_template(tmp_path / "tpl", "t.md.j2", "hello {{ who }}\n")
    done = render_in_new_process(source, cache)
    assert done.returncode == 0 and done.stdout == "hello A\n", done.stderr
    assert not list(shared.iterdir())
