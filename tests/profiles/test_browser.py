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


@pytest.mark.parametrize("viewport", [{"width": 1366, "height": 900}, {"width": 390, "height": 844}])
def test_brand_safety_card_lists_flags_and_a_reviewer_dismisses_one_with_a_note(
    make_browser_page, alice, agency, viewport
):
    from profiles import safety
    from profiles.models import SafetyFlag

    profile = ProfileFactory(organization=agency, handle="night.owl", followers_count=10000)
    now = timezone.now()
    for day, caption in enumerate(
        ["Tequila shots with the crew #tequila", "New glock day at the range", *[f"Long run {i}" for i in range(10)]]
    ):
        PostFactory(profile=profile, caption=caption, likes=100, comments=2, taken_at=now - timedelta(days=day + 1))
    safety.screen_posts(profile_ids=[profile.pk])
    page = make_browser_page(alice, viewport=viewport)
    page.goto(f"/profiles/{profile.pk}/#brand-safety")
    card = page.locator("#brand-safety")
    assert card.locator("#safety-grade").inner_text() == "B · Some risk"  # one post on weapons
    assert card.locator(".safety-flag").count() == 2
    assert card.locator("#safety-posts > li").count() == 2  # the flagged posts only
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= viewport["width"]  # nothing sticks out on a phone
    save_screenshot(page, f"brand-safety-{viewport['width']}")
    flag = card.locator(".safety-flag").filter(has_text="glock")
    flag.locator("summary").click()
    flag.locator("input[name=note]").fill("A prop from the film set")
    flag.locator("button[type=submit]").click()
    page.wait_for_selector("#safety-dismissed")
    assert page.locator("#safety-grade").inner_text() == "A · Very safe"  # alcohol on 1 of 12 posts
    dismissed = SafetyFlag.objects.get(post__profile=profile, category="violence_weapons")
    assert dismissed.dismissal_note == "A prop from the film set" and dismissed.dismissed_by == alice
