"""Each figure on the profile page says where and when it came from; a chart with fewer than two points says so
instead of drawing a dot."""

from __future__ import annotations

import datetime as dt

import pytest

from config import formatting
from tests.factories import PostFactory, ProfileFactory, SnapshotFactory

pytestmark = pytest.mark.django_db


def test_seeded_figures_and_2019_posts_are_dated_as_they_are(alice_client, agency):
    profile = ProfileFactory(
        organization=agency,
        handle="ivy.demo",
        display_name="",
        followers_count=24800,
        is_linked=True,
        last_fetched_at=None,
        last_source="",
    )
    for day in (1, 20):
        PostFactory(profile=profile, taken_at=dt.datetime(2019, 3, day, 12, tzinfo=dt.UTC), likes=10)
    page = alice_client.get(f"/profiles/{profile.pk}/").content.decode()
    source = page.split('id="data-source"')[1].split("</div>")[0]
    assert "No data fetched or imported yet" not in source
    assert "not from a fetch or an import" in source
    assert "2 posts stored, published 1 Mar 2019 – 20 Mar 2019" in source
    assert "the 24,800 followers above have no dated history" in page
    assert '<div class="text-body-secondary"> · ' not in page and 'text-body-secondary">Instagram ·' in page


def test_one_snapshot_is_stated_not_drawn(alice_client, agency):
    profile = ProfileFactory(organization=agency, handle="one.point", followers_count=500, is_linked=True)
    SnapshotFactory(profile=profile, followers_count=500)
    page = alice_client.get(f"/profiles/{profile.pk}/").content.decode()
    assert 'id="growth-chart"' not in page and "chart.umd" not in page
    assert "One snapshot so far" in page and "500 followers); growth shows from the second" in page


def test_two_snapshots_draw_the_chart(alice_client, agency):
    profile = ProfileFactory(organization=agency, handle="two.points", followers_count=600, is_linked=True)
    SnapshotFactory(profile=profile, followers_count=500, taken_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    SnapshotFactory(profile=profile, followers_count=600, taken_at=dt.datetime(2026, 2, 1, tzinfo=dt.UTC))
    page = alice_client.get(f"/profiles/{profile.pk}/").content.decode()
    assert 'id="growth-chart"' in page and "[500, 600]" in page


def test_the_import_format_dropdown_is_a_styled_select(alice_client):
    page = alice_client.get("/profiles/").content.decode()
    select = page.split('name="format"')[0].rsplit("<select", 1)[1] + page.split('name="format"')[1].split(">")[0]
    assert 'class="form-select"' in select and 'aria-label="File format"' in select
    # The actions come before the long table.
    assert page.index('id="profile-actions"') < page.index('id="profiles-table"')


def _imported_2019(agency, handle="arianagrande", days=(1, 20)):
    profile = ProfileFactory(
        organization=agency,
        handle=handle,
        followers_count=151_614_792,
        is_linked=True,
        last_fetched_at=dt.datetime.now(dt.UTC),
        last_source="import:profiles_slim.jsonl",
    )
    for day in days:
        PostFactory(profile=profile, taken_at=dt.datetime(2019, 4, day, 12, tzinfo=dt.UTC), likes=10)
    return profile


def test_an_imported_2019_file_is_dated_by_its_posts_and_marked_old_not_as_of_today(alice_client, agency):
    profile = _imported_2019(agency)
    page = alice_client.get(f"/profiles/{profile.pk}/").content.decode()
    source = page.split('id="data-source"')[1].split("</div>")[0]
    today = formatting.day(dt.datetime.now(dt.UTC))  # "6 Dec 2026": one way to write a date (config.formatting)
    assert "Figures as of" not in source
    assert f"Figures imported {today}" in source and "from profiles_slim.jsonl" in source
    assert "does not say when it was read from the platform" in source
    assert "newest post 20 Apr 2019" in source and "Old data" in source


def test_the_profiles_list_says_when_and_how_old_with_the_same_definition(alice_client, agency):
    _imported_2019(agency)
    fresh = ProfileFactory(
        organization=agency, handle="fresh.fetch", is_linked=True, last_fetched_at=dt.datetime.now(dt.UTC)
    )
    fresh.last_source = "api"
    fresh.save(update_fields=["last_source"])
    entered = ProfileFactory(organization=agency, handle="entered.here", is_linked=True, last_fetched_at=None)
    bare = ProfileFactory(
        organization=agency, handle="bare.link", is_linked=True, last_fetched_at=None, followers_count=None
    )
    page = alice_client.get("/profiles/").content.decode()
    rows = {row.split("@", 1)[1].split("<", 1)[0]: row for row in page.split("<tr>")[1:] if "@" in row}
    assert "imported" in rows["arianagrande"] and "newest post 20 Apr 2019" in rows["arianagrande"]
    assert "old data" in rows["arianagrande"]
    assert "fetched" in rows["fresh.fetch"] and "old data" not in rows["fresh.fetch"]
    assert "never" not in rows[entered.handle] and "entered" in rows[entered.handle]
    assert "the agency&#x27;s own data" in rows[entered.handle]  # the label escaped as a template escapes it
    assert '<span class="text-body-secondary">never</span>' in rows[bare.handle]


def test_posting_frequency_needs_enough_posts_over_enough_days(alice_client, agency):
    three_days = _imported_2019(agency, handle="three.days", days=(1, 2, 3, 3, 3, 3))
    page = alice_client.get(f"/profiles/{three_days.pk}/").content.decode()
    frequency = page.split('id="posting-frequency"')[1].split("</div></div>")[0]
    assert "/ week" not in frequency and "too few posts to tell" in frequency
    spread = _imported_2019(agency, handle="spread", days=(1, 8, 15, 22, 29))
    page = alice_client.get(f"/profiles/{spread.pk}/").content.decode()
    assert "1.0 / week" in page.split('id="posting-frequency"')[1].split("</div>")[0]
