"""The ``advocacy`` command line: parse options, call the core, print.

Command modules import only Click at module level; the core (pydantic,
lxml, markdown-it) is imported inside each command, so ``advocacy --help``
loads little more than Click.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from advocacy import __version__


@dataclass
class AppContext:
    """Options of the root command that every subcommand may need."""

    library: tuple[Path, ...] = ()
    debug: bool = False
    environ: dict[str, str] = field(default_factory=lambda: dict(os.environ))

    def sources(self):  # -> list[LibrarySource]
        from advocacy.library import library_sources

        return library_sources(self.library, environ=self.environ)

    def load_library(self):  # -> Library
        """The active library, each point validated when a command first uses it."""
        from advocacy.library import load_library

        return load_library(self.sources(), lazy=True)


pass_app = click.make_pass_decorator(AppContext, ensure=True)


class AdvocacyGroup(click.Group):
    """The root group: the one place where errors become messages and exit codes.

    * 0: done (warnings allowed); also when the reader of our output went
      away (``advocacy … | head``), quietly, as other command-line tools do;
    * 1: a problem with the input, a failed check, or a bug (the traceback
      only with ``--debug``);
    * 2: a usage error (Click's own);
    * 130: interrupted (Ctrl-C).
    """

    def invoke(self, ctx: click.Context) -> Any:
        from advocacy.errors import AdvocacyError

        try:
            result = super().invoke(ctx)
            sys.stdout.flush()  # a closed pipe shows here, not at interpreter exit
            return result
        except AdvocacyError as exc:
            from advocacy.cli._output import print_diagnostics

            print_diagnostics(exc.diagnostics)
            ctx.exit(1)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except KeyboardInterrupt:
            click.echo("Interrupted.", err=True)
            ctx.exit(130)
        except BrokenPipeError:
            _silence_output()
            ctx.exit(0)
        except Exception as exc:
            app = ctx.find_object(AppContext)
            if app is not None and app.debug:
                raise
            click.echo(
                f"internal error: {type(exc).__name__}: {exc}\n"
                "  This is a bug in advocacy. Re-run with --debug for the details and report it.",
                err=True,
            )
            ctx.exit(1)


def _silence_output() -> None:
    """Send what is left of our output nowhere: the pipe's reader is gone."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), stream.fileno())
        except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
            setattr(sys, name, open(os.devnull, "w"))  # noqa: SIM115 - lives until exit


@click.group(
    cls=AdvocacyGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog="""\b
Examples:
  advocacy rfi build examples/ma-dmh-cbfs/response.yaml -o response.docx
  advocacy points list --category supervision
  advocacy --library my_points points lint
  advocacy score report examples/ma-dmh-cbfs/scores/*.yaml
""",
)
@click.version_option(__version__, "--version", prog_name="advocacy")
@click.option(
    "--library",
    "library",
    multiple=True,
    type=click.Path(file_okay=False, path_type=Path),
    metavar="DIR",
    help="Add a folder of talking points (repeatable). Its points override built-in "
    "ones with the same id. Also read from ADVOCACY_LIBRARY (a path list).",
)
@click.option("--debug", is_flag=True, help="Show a traceback for internal errors.")
@click.pass_context
def main(ctx: click.Context, library: tuple[Path, ...], debug: bool) -> None:
    """Tools for peer-support advocates.

    From one library of vetted talking points on peer roles: answer a state
    agency's RFI, comment on a proposed regulation or testify on a bill in
    your own words (respond; rfi is its old name), build reviewers' checklists, score
    providers' bids and find the evidence in them (checklist, score), and
    render any of it to Word, PDF or Markdown, in English or Spanish.
    """
    ctx.obj = AppContext(library=library, debug=debug)


def _register() -> None:
    from advocacy.cli.checklist import checklist
    from advocacy.cli.points import points
    from advocacy.cli.render import render
    from advocacy.cli.respond import respond
    from advocacy.cli.rfi import rfi
    from advocacy.cli.schema import schema
    from advocacy.cli.score import score

    main.add_command(checklist)
    main.add_command(points)
    main.add_command(render)
    main.add_command(respond)
    main.add_command(rfi)
    main.add_command(schema)
    main.add_command(score)


_register()
