"""Paid against organic engagement in discovery: one definition (profiles.selectors.paid_window_posts over the latest
60 dated posts) on the profile page, the discovery row, its filter and sort, the API, compare and the CSV."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from discovery.insights import insights_refresh
from discovery.models import ProfileInsight
from profiles.selectors import profile_stats
from tests.factories import PostFactory, ProfileFactory

pytestmark = pytest.mark.django_db


def _creator(organization, handle: str, posts: list[tuple[str, int]], followers: int = 10_000):
    profile = ProfileFactory(organization=organization, handle=handle, followers_count=followers)
    now = timezone.now()
    for day, (caption, likes) in enumerate(posts, start=1):
        PostFactory(profile=profile, caption=caption, likes=likes, comments=0, taken_at=now - timedelta(days=day))
    return profile


@pytest.fixture
def paid_creators(agency, other_agency):
    sponsored = [("New serum #ad", 100), ("Use code GLOW10 for 10% off", 100), ("Gifted by @glowco", 100)]
    organic = [(f"Beach day {i} with friends", 200) for i in range(6)]
    creators = {
        "half": _creator(agency, "half_as_good", sponsored + organic),
        "equal": _creator(agency, "just_as_good", [(c, 200) for c, _ in sponsored] + organic),
        "none": _creator(agency, "never_paid", organic),
        "other": _creator(other_agency, "charlies_paid", sponsored + organic),
    }
    insights_refresh(profile_ids=[p.pk for p in creators.values()], embed=False)
    return creators


def test_the_discovery_row_holds_the_same_figure_as_the_profile_page(paid_creators):
    for profile in paid_creators.values():
        row = ProfileInsight.objects.get(pk=profile.pk)
        paid = profile_stats(profile=profile).paid
        assert (row.sponsored_posts, row.paid_window, row.paid_ratio) == (paid.sponsored, paid.window, paid.ratio)
    assert ProfileInsight.objects.get(pk=paid_creators["half"].pk).paid_ratio == pytest.approx(0.5)
    assert ProfileInsight.objects.get(pk=paid_creators["equal"].pk).paid_ratio == pytest.approx(1.0)
    assert ProfileInsight.objects.get(pk=paid_creators["none"].pk).paid_ratio is None


def test_a_new_sponsored_post_moves_the_figure_on_the_next_refresh(paid_creators):
    profile = paid_creators["none"]
    for _ in range(3):
        PostFactory(profile=profile, caption="#ad summer drop", likes=400, comments=0, taken_at=timezone.now())
    assert insights_refresh(profile_ids=[profile.pk], embed=False) == 1
    row = ProfileInsight.objects.get(pk=profile.pk)
    assert row.sponsored_posts == 3 and row.paid_ratio == pytest.approx(2.0)


def test_filter_and_sort_by_sponsored_posts_on_the_page_and_the_api(paid_creators, alice_client, api_client_for, alice):
    page = alice_client.get(reverse("discovery:search"), {"sponsored": "yes", "sort": "paid"}).content.decode()
    assert page.index("@just_as_good") < page.index("@half_as_good")  # 1.00× before 0.50×
    assert "@never_paid" not in page and "@charlies_paid" not in page
    assert "Has sponsored posts" in page and "ads 0.50×" in page
    api = api_client_for(alice).get("/api/v1/discovery/", {"sponsored": "true", "sort": "-paid"}).json()
    handles = [row["handle"] for row in api["results"]]
    assert handles == ["half_as_good", "just_as_good"]  # ascending
    assert api["results"][0]["paid_ratio"] == pytest.approx(0.5) and api["results"][0]["sponsored_posts"] == 3
    none = api_client_for(alice).get("/api/v1/discovery/", {"sponsored": "false"}).json()
    assert [row["handle"] for row in none["results"]] == ["never_paid"]


def test_compare_and_the_csv_carry_it(paid_creators, alice, alice_client, agency, api_client_for):
    from discovery.services import shortlist_add, shortlist_create

    shortlist = shortlist_create(user=alice, organization=agency, name="Paid check")
    shortlist_add(user=alice, pk=shortlist.pk, profile_ids=[paid_creators["half"].pk, paid_creators["none"].pk])
    page = alice_client.get(reverse("discovery:shortlist_compare", args=[shortlist.pk])).content.decode()
    assert 'id="compare-paid"' in page and "0.50×" in page and "0 of 6 posts sponsored: too few to compare" in page
    response = alice_client.get(reverse("discovery:shortlist_export", args=[shortlist.pk]))
    rows = {r["handle"]: r for r in csv.DictReader(io.StringIO(response.content.decode()))}
    assert rows["half_as_good"]["sponsored_to_organic_engagement"] == "0.5"
    assert (
        rows["half_as_good"]["sponsored_posts"] == "3" and rows["never_paid"]["sponsored_to_organic_engagement"] == ""
    )
