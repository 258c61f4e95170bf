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


@pytest.mark.parametrize(
    ("value", "currency", "shown"),
    [
        ("150.00", "EUR", "€150"),  # whole amounts without cents
        (12400, "EUR", "€12,400"),
        ("0.0412", "EUR", "€0.04"),  # the currency's own decimals
        (12345.5, "USD", "$12,345.50"),
        ("1235", "JPY", "¥1,235"),
        (-3, "GBP", "-£3"),
        (None, "EUR", ""),
        ("n/a", "EUR", "n/a"),
    ],
)
def test_money_reads_the_same_everywhere(value, currency, shown):
    from config.formatting import money

    assert money(value, currency) == shown


def test_a_currency_without_a_symbol_is_written_with_its_code_and_a_space():
    from config.formatting import currency_symbol

    assert currency_symbol("EUR") == "€" and currency_symbol("CHF") == "CHF\u00a0"


@pytest.mark.django_db
def test_an_agency_reads_times_in_its_own_time_zone_and_the_page_names_it(agency, alice_client, api_client_for, alice):
    from django.utils import timezone as tz

    from config.jobs import JobStatus
    from tests.factories import FetchJobFactory, ProfileFactory

    profile = ProfileFactory(organization=agency)
    until = dt.datetime(2026, 12, 6, 12, 0, tzinfo=dt.UTC)
    FetchJobFactory(organization=agency, profile=profile, status=JobStatus.WAITING, waiting_until=until)
    page = alice_client.get(f"/profiles/{profile.pk}/").content.decode()
    assert "until 12:00 UTC" in page  # the agency's zone is UTC by default
    agency.timezone = "Europe/Berlin"
    agency.save(update_fields=["timezone"])
    page = alice_client.get(f"/profiles/{profile.pk}/").content.decode()
    assert "until 13:00 Europe/Berlin" in page  # CET in December
    assert tz.get_current_timezone_name() == "UTC"  # nothing leaks past the request
    api = api_client_for(alice).get(f"/api/v1/profiles/{profile.pk}/")
    assert api.status_code == 200 and api.json()["created_at"].endswith("Z")  # the API answers in UTC


@pytest.mark.parametrize(
    ("seconds", "words"),
    [(0.644, "0.6 s"), (0.01, "0.1 s"), (12.4, "12 s"), (125, "2 min 5 s"), (120, "2 min"), (None, "–")],
)
def test_elapsed_time_is_what_people_say(seconds, words):
    from config.formatting import elapsed

    assert elapsed(seconds) == words


@pytest.mark.parametrize(("seconds", "shown"), [(41, "0:41"), (1433.0, "23:53"), (4000, "1:06:40"), (None, "–")])
def test_a_videos_length_reads_like_a_player(seconds, shown):
    from config.formatting import clock

    assert clock(seconds) == shown
