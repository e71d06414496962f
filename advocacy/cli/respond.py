"""``advocacy respond``: answer any call for input (RFI, public comment, testimony).

The same command objects as ``advocacy rfi`` (defined in :mod:`advocacy.cli.rfi`),
so the two can never drift apart.
"""

from __future__ import annotations

import click

from advocacy.cli.rfi import commands


@click.group(
    epilog="""\b
Examples:
  advocacy respond show examples/peer-billing-comment/call.yaml
  advocacy respond check examples/peer-workforce-testimony/testimony.yaml
  advocacy respond build examples/ma-dmh-cbfs/response.yaml -o response.docx
  advocacy respond package examples/peer-billing-comment/comment.yaml -o comment.txt
"""
)
def respond() -> None:
    """Answer a call for input in your own words, backed by talking points.

    A call file describes the call: its kind (rfi, public-comment or
    testimony), its questions (the sections of a proposed regulation, the
    bills of a hearing), limits, deadline and where to submit. A response
    file says who you are and, per question, which talking points you use
    and what you add in your own words; testimony states your position on
    each bill. A call file without 'kind' is an RFI.
    """


for _command in commands():
    respond.add_command(_command)
