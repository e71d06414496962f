"""``advocacy respond package`` (or ``rfi package``): what to submit, per kind of call."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from advocacy.cli import AppContext, pass_app
from advocacy.cli._options import FILE, reference_doc_option, template_dir_option
from advocacy.cli._rfi_options import LETTER_DATE_OPTION, NOW_OPTION, now_utc
from advocacy.render.formats import binary_names


@click.command(
    "package",
    epilog="""\b
Examples:
  advocacy respond package examples/ma-dmh-cbfs/response.yaml -o submission.eml
  advocacy respond package examples/peer-billing-comment/comment.yaml -o comment.txt
  advocacy respond package testimony.yaml -o testimony.eml --attach docx

\b
What it writes, by kind:
  rfi             an email draft (.eml) to the agency, the letter attached
  public-comment  the text to paste into the portal's comment box (.txt),
                  within its character limit (a short note when the comment
                  is longer), and the full comment beside it to attach
  testimony       an email draft (.eml) to the committee, the written
                  testimony attached

Nothing is sent: open the draft in your mail program, check it, send it
yourself. It then says where to submit, and by when.
""",
)
@click.argument("response_file", metavar="RESPONSE.yaml", type=FILE)
@click.option(
    "-o",
    "--output",
    "out",
    type=FILE,
    metavar="FILE",
    help="What to write: the email draft (.eml), or for a public comment the text to paste "
    "(.txt). Default: RESPONSE.eml or RESPONSE.txt.",
)
@click.option("--force", is_flag=True, help="Overwrite existing files.")
@click.option(
    "--attach",
    type=click.Choice(binary_names()),
    default="docx",
    show_default=True,
    help="The format of the attached document.",
)
@reference_doc_option
@LETTER_DATE_OPTION
@NOW_OPTION
@template_dir_option
@pass_app
def package(
    app: AppContext,
    response_file: Path,
    out: Path | None,
    force: bool,
    attach: str,
    reference_doc: Path | None,
    letter_date: dt.datetime | None,
    now: dt.datetime | None,
    template_dir: Path | None,
) -> None:
    """Write what you submit: an email draft, or the text for a portal's comment box, with
    the document attached; then say where to submit and by when.

    Nothing is sent.
    """
    from advocacy.cli._output import err, print_diagnostics, success, untrusted
    from advocacy.respond import load_response
    from advocacy.respond.kinds import PackageRequest, kind_of

    loaded = load_response(response_file)
    kind = kind_of(loaded.rfi.rfi)
    suffix = kind.package_suffix(loaded.rfi.rfi)
    target = out or response_file.with_suffix(suffix)
    if target.suffix.lower() != suffix:
        raise click.BadParameter(
            f"the package for this {kind.label} must end in {suffix}, "
            f"not {target.suffix or 'no suffix'}: name it "
            f"{target.with_suffix(suffix).name}",
            param_hint="'-o'",
        )
    result = kind.package(
        PackageRequest(
            loaded,
            app.load_library(),
            target,
            attach=attach,
            force=force,
            reference_doc=reference_doc,
            now=now_utc(now),
            date=letter_date.date() if letter_date else None,
            template_dir=template_dir,
        )
    )
    print_diagnostics(result.report.warnings)
    details = result.details
    if "to" in details:
        success(
            f'wrote {target}: to {untrusted(details["to"])}, subject "{untrusted(details["subject"])}"'
        )
    else:
        success("wrote " + ", ".join(str(p) for p in result.written))
    if details.get("pasted_full_text") is False:
        err().print(
            f"[yellow]warning:[/yellow] the comment has {details['characters']:,} characters, "
            f"over the box's {details['char_limit']:,}: {target} holds a short note that "
            "points to the attachment",
            soft_wrap=True,
        )
    err().print("[bold]Next:[/bold]")
    for step in result.next_steps:
        err().print(f"  {untrusted(step)}", soft_wrap=True)
