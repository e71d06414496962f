"""Plain English dates and relative times are formatted without Babel, exactly as Babel would."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from babel.dates import format_date, format_time, format_timedelta

from advocacy.i18n import long_date, long_datetime, relative_time
from advocacy.languages import known_language

NOW = dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc)
EDGES = [0, 1, 29, 30, 31, 59, 60, 61, 89, 90, 91, 119, 120, 121, 150, 3599, 7199, 7200, 7201]
EDGES += [86400 * 2 - 1, 86400 * 2, 86400 * 14, 86400 * 60, 31536000 * 2, 31536000 * 20]


@pytest.mark.parametrize("lang", ["en", "en-US"])
def test_relative_time_matches_babel(lang: str) -> None:
    rng = random.Random(11)
    seconds = [*EDGES, *(-s for s in EDGES)]
    seconds += [rng.uniform(-200, 200) for _ in range(500)]
    seconds += [rng.randint(-(10**9), 10**9) for _ in range(2000)]
    for s in seconds:
        when = NOW + dt.timedelta(seconds=s)
        expected = format_timedelta(
            when - NOW, granularity="minute", threshold=2, add_direction=True, locale="en"
        )
        assert relative_time(when, NOW, lang) == expected, s


@pytest.mark.parametrize("lang", ["en", "en-US"])
def test_long_date_and_time_match_babel(lang: str) -> None:
    for day in range(0, 800, 3):
        date = dt.date(2016, 1, 1) + dt.timedelta(days=day)
        assert long_date(date, lang) == format_date(date, format="long", locale="en")
    for hour in range(24):
        for minute in (0, 7, 59):
            when = dt.datetime(2017, 6, 2, hour, minute)
            time = format_time(when, format="short", locale="en").replace("\u202f", " ")
            assert long_datetime(when, lang) == f"June 2, 2017, {time}"


def test_other_languages_still_use_babel() -> None:
    assert long_date(dt.date(2017, 6, 2), "en-GB") == "2 June 2017"
    assert long_date(dt.date(2017, 6, 2), "es") == "2 de junio de 2017"
    assert relative_time(NOW + dt.timedelta(hours=28), NOW, "es") == "dentro de 28 horas"
    assert known_language("en") and known_language("EN-us") and known_language("es")
    assert not known_language("xx")
