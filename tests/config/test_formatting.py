"""One way to write dates, times and signed hours (config.formatting), and the pages that use it."""

from __future__ import annotations

import datetime as dt

import pytest

from config.formatting import day, hours_apart, moment


def test_dates_and_times_read_the_same_everywhere():
    assert day(dt.date(2026, 10, 21)) == "21 Oct 2026"
    assert day("2026-10-21") == "21 Oct 2026"  # the report's JSON dates
    assert day(dt.datetime(2026, 10, 21, 23, 30, tzinfo=dt.UTC)) == "21 Oct 2026"
    assert moment("2026-10-21T14:05:09+00:00") == "21 Oct 2026, 14:05"  # the report's generated_at
    assert moment(dt.date(2026, 10, 21)) == "21 Oct 2026"
    assert day(None) == moment("") == ""
    assert day("not a date") == "not a date"  # shown as it is rather than hidden


@pytest.mark.parametrize(
    ("hours", "words"), [(-2.0, "2 h early"), (3.5, "3.5 h late"), (0.0, "on time"), (None, ""), (-0.25, "0.2 h early")]
)
def test_signed_hours_are_words(hours, words):
    assert hours_apart(hours) == words
