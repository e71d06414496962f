"""Options shared by the ``advocacy rfi`` commands."""

from __future__ import annotations

import datetime as dt

import click

NOW_OPTION = click.option(
    "--now",
    type=click.DateTime(["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d"]),
    help="Pretend it is this time (UTC) when judging the deadline, e.g. 2017-06-01T09:00.",
)


LETTER_DATE_OPTION = click.option(
    "--date",
    "letter_date",
    type=click.DateTime(["%Y-%m-%d"]),
    help="Date on the letter (default: the response's 'date', else today).",
)


def now_utc(value: dt.datetime | None) -> dt.datetime:
    if value is None:
        return dt.datetime.now(dt.timezone.utc)
    return value.replace(tzinfo=dt.timezone.utc)
