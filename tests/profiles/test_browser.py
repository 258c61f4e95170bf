"""The profile page in a real browser: the follower-growth chart draws from snapshots."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.browser_fixtures import save_screenshot
from tests.factories import PostFactory, ProfileFactory, SnapshotFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_profile_page_draws_the_growth_chart(make_browser_page, alice, agency):
    profile = ProfileFactory(organization=agency, handle="chef.maria", followers_count=10000)
    now = timezone.now()
    for day, followers in enumerate([9000, 9500, 10000]):
        SnapshotFactory(profile=profile, taken_at=now - timedelta(days=3 - day), followers_count=followers)
    PostFactory(profile=profile, likes=500, comments=20)
    page = make_browser_page(alice)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(f"/profiles/{profile.pk}/")
    page.wait_for_function("() => window.Chart && Chart.getChart('growth-chart')")
    points = page.evaluate("() => Chart.getChart('growth-chart').data.datasets[0].data")
    save_screenshot(page, "profile-growth-chart")
    assert points == [9000, 9500, 10000]
    assert errors == []
