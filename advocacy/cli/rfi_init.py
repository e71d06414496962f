"""``advocacy respond init`` (or ``rfi init``): start a response file, with a wizard on a terminal."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from advocacy.cli import AppContext, pass_app
from advocacy.cli._options import FILE

#: The positions a witness may take on a bill (as advocacy.models.testimony.POSITIONS,
#: repeated here so that the CLI starts without pydantic; a test keeps them equal).
POSITIONS = ("support", "oppose", "support-with-amendments")


@click.command(
    "init",
    epilog="""\b
Examples:
  advocacy respond init --rfi examples/ma-dmh-cbfs/rfi.yaml -o my-response.yaml
      (on a terminal: asks who you are, then per question which points to use
      and what you want to say)
  advocacy respond init --call hearing.yaml -o t.yaml --no-interactive --name "Sam Lee" \\
      --position support --answer h4321=peer-supervisors
  advocacy respond init --rfi rfi.yaml -o r.yaml --no-interactive --name "Sam Lee" \\
      --answer peer-roles=cps-code-of-ethics,peer-supervisors \\
      --intro "peer-roles=I have worked in a peer role for six years."
""",
)
@click.option(
    "--rfi",
    "--call",
    "rfi_file",
    type=FILE,
    metavar="CALL.yaml",
    help="The call for input to answer (an RFI, a comment period, a hearing).",
)
@click.option(
    "-o",
    "--output",
    "out",
    type=FILE,
    required=True,
    metavar="FILE.yaml",
    help="The response file to write (never overwritten).",
)
@click.option("--name", default="", help="Your name.")
@click.option("--organization", default="", help="Your organization, if any.")
@click.option("--role", default="", help="Your role, e.g. 'Certified Peer Specialist'.")
@click.option("--email", default="", help="Your email address.")
@click.option("--anonymous", is_flag=True, help="Keep your identity out of the response.")
@click.option(
    "--answer",
    "answer_specs",
    multiple=True,
    metavar="QUESTION=ID,ID",
    help="Talking points for a question (repeatable).",
)
@click.option(
    "--intro",
    "intro_specs",
    multiple=True,
    metavar="QUESTION=TEXT",
    help="Your own opening words for a question (repeatable).",
)
@click.option(
    "--position",
    type=click.Choice(POSITIONS),
    help="Testimony: your position on the bill (on every bill of the hearing).",
)
@click.option(
    "--interactive/--no-interactive",
    default=None,
    help="Ask questions (default: only on a terminal).",
)
@pass_app
def init(
    app: AppContext,
    rfi_file: Path | None,
    out: Path,
    name: str,
    organization: str,
    role: str,
    email: str,
    anonymous: bool,
    answer_specs: tuple[str, ...],
    intro_specs: tuple[str, ...],
    position: str | None,
    interactive: bool | None,
) -> None:
    """Start a response file for a call for input, with comments that guide you.

    On a terminal it asks who you are and, question by question, which of the
    suggested talking points to use (with their summaries) and what you want
    to say in your own words. The file it writes checks and builds as is.
    """
    from advocacy.atomic import check_writable, write_atomic
    from advocacy.cli._output import success
    from advocacy.respond import load_rfi
    from advocacy.respond.new_response import DraftAnswer, DraftRespondent, new_response_text

    if interactive is None:
        interactive = sys.stdin.isatty()
    if rfi_file is None:
        if not interactive:
            raise click.UsageError("--rfi is required when not run on a terminal")
        rfi_file = click.prompt("RFI file", type=FILE)
    check_writable(out, forceable=False)
    loaded_rfi = load_rfi(rfi_file)
    library = app.load_library()
    respondent = DraftRespondent(name, organization, role, email, anonymous)
    answers: dict[str, DraftAnswer] = {}
    for spec in answer_specs:
        question, ids = _split_spec(spec, "--answer")
        answers.setdefault(question, DraftAnswer(question)).points += [
            i.strip() for i in ids.split(",") if i.strip()
        ]
    for spec in intro_specs:
        question, text = _split_spec(spec, "--intro")
        answers.setdefault(question, DraftAnswer(question)).intro = text
    closing = ""
    hearing = loaded_rfi.rfi.testimony
    if hearing is not None and position is None and not interactive:
        raise click.UsageError("--position is required for testimony")
    if interactive:
        if hearing is not None and position is None:
            bills = ", ".join(b.number for b in hearing.bills)
            position = click.prompt(f"Your position on {bills}", type=click.Choice(POSITIONS))
        respondent = _ask_respondent(respondent)
        answers = {a.question: a for a in _ask_answers(loaded_rfi, library)}
        closing = click.prompt(
            "Closing words for the whole letter (Enter to skip)", default="", show_default=False
        )
    text = new_response_text(
        loaded_rfi, out, respondent, list(answers.values()), library, closing, position
    )
    write_atomic(out, text, forceable=False)
    success(f"wrote {out}; next: advocacy respond check {out}")


def _split_spec(spec: str, option: str) -> tuple[str, str]:
    question, sep, value = spec.partition("=")
    if not sep or not question.strip():
        raise click.BadParameter(f"expected QUESTION=VALUE, got {spec!r}", param_hint=option)
    return question.strip(), value.strip()


def _ask_respondent(given):  # -> DraftRespondent
    from advocacy.respond.new_response import DraftRespondent

    anonymous = click.confirm("Respond anonymously?", default=given.anonymous)
    if anonymous:
        role = click.prompt(
            "Your role (optional, e.g. 'person in a peer role')",
            default=given.role,
            show_default=False,
        )
        return DraftRespondent(role=role, anonymous=True)
    name = click.prompt("Your name", default=given.name or None)
    organization = click.prompt(
        "Organization (optional)", default=given.organization, show_default=False
    )
    role = click.prompt("Your role (optional)", default=given.role, show_default=False)
    email = click.prompt("Email (optional)", default=given.email, show_default=False)
    return DraftRespondent(name, organization, role, email, False)


def _ask_answers(loaded_rfi, library):  # -> list[DraftAnswer]
    from advocacy.cli._output import untrusted
    from advocacy.respond.new_response import DraftAnswer, suggestions

    answers = []
    for question in loaded_rfi.rfi.questions:
        limit = f" (limit {question.word_limit} words)" if question.word_limit else ""
        text = untrusted(f"{question.number}{limit}: {question.text}", markup=False)
        click.echo(f"\nQuestion {text}")
        offered = suggestions(question, library) or library.select(status="approved")
        for number, lp in enumerate(offered, start=1):
            click.echo(f"  {number:>2}. {lp.point.id}: {untrusted(lp.point.summary, markup=False)}")
        picked = click.prompt(
            "Points to use (numbers like 1,3; Enter to skip this question)",
            default="",
            show_default=False,
        )
        numbers = [p for p in picked.replace(" ", ",").split(",") if p]
        try:
            chosen = [offered[int(n) - 1].point.id for n in numbers]
        except (ValueError, IndexError):
            raise click.BadParameter(f"choose numbers from 1 to {len(offered)}") from None
        if not chosen and not click.confirm("Answer in your own words only?", default=False):
            continue
        answer = DraftAnswer(question.id, chosen)
        answer.intro = click.prompt("Your opening words", default="", show_default=False)
        for point_id in chosen:
            note = click.prompt(
                f"  Why {point_id} matters to you (optional)", default="", show_default=False
            )
            if note:
                answer.notes[point_id] = note
        answer.closing = click.prompt("Closing words (optional)", default="", show_default=False)
        if answer.points or answer.intro or answer.closing:
            answers.append(answer)
    return answers
