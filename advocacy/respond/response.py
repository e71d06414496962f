"""Build one RFI response: check it, render it through the template, write it.

Loading lives in :mod:`advocacy.respond.loading`, the checks in
:mod:`advocacy.respond.checking` and the template context in
:mod:`advocacy.respond.context`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from advocacy.errors import AdvocacyError
from advocacy.library import Library
from advocacy.render.templating import render_template
from advocacy.respond.checking import CheckReport, check_response
from advocacy.respond.context import response_context
from advocacy.respond.loading import LoadedResponse, template_choice


def response_markdown(
    loaded: LoadedResponse,
    library: Library,
    date: dt.date | None = None,
    template_dir: Path | None = None,
    report: CheckReport | None = None,
    template: str | None = None,
) -> str:
    """The response rendered to Markdown with front matter.

    Pass the :class:`CheckReport` of the same response to reuse its rendered
    answers and signers instead of checking it again. ``template`` renders
    another of the kind's templates (the spoken version of testimony).
    """
    report = report or check_response(loaded, library, date=date, template_dir=template_dir)
    rendered = {a.question.id: a.markdown for a in report.answers if a.markdown}
    context = response_context(loaded, library, date, rendered, report.signers)
    folder, name = template_choice(loaded, template_dir)
    return render_template(template or name, context, folder, loaded.response.language)


def build_response(
    loaded: LoadedResponse,
    library: Library,
    out_path: Path | None,
    fmt: str,
    reference_doc: Path | None = None,
    force: bool = False,
    now: dt.datetime | None = None,
    date: dt.date | None = None,
    template_dir: Path | None = None,
) -> tuple[CheckReport, bytes]:
    """Check, then render. Errors stop the build (raised); warnings are returned."""
    from advocacy.render import render

    report, markdown = checked_markdown(loaded, library, now, date, template_dir)
    data = render(markdown, fmt, out_path, reference_doc, force, str(loaded.path))
    return report, data


def checked_markdown(
    loaded: LoadedResponse,
    library: Library,
    now: dt.datetime | None = None,
    date: dt.date | None = None,
    template_dir: Path | None = None,
) -> tuple[CheckReport, str]:
    """The response checked, then rendered to Markdown; errors are raised.

    The one Markdown every output format is written from (a batch also
    measures its letters' similarity on it).
    """
    report = check_response(loaded, library, now, template_dir, date)
    if report.errors:
        raise AdvocacyError.from_diagnostics(report.errors)
    return report, response_markdown(loaded, library, date, template_dir, report)


def build_spoken(
    loaded: LoadedResponse,
    library: Library,
    now: dt.datetime | None = None,
    date: dt.date | None = None,
    template_dir: Path | None = None,
) -> tuple[CheckReport, str]:
    """Check, then the spoken version as plain text, headed by its estimated reading time."""
    from advocacy.respond.kinds import KindCheck, kind_of

    kind = kind_of(loaded.rfi.rfi)
    if kind.spoken is None:
        raise AdvocacyError(
            f"a spoken version is for testimony, not for a {kind.label}",
            loaded.rfi.path,
            *loaded.rfi.doc.position(("kind",)),
            hint="drop --spoken",
        )
    report = check_response(loaded, library, now, template_dir, date)
    if report.errors:
        raise AdvocacyError.from_diagnostics(report.errors)
    return report, kind.spoken(KindCheck(loaded, library, report, date, template_dir))
