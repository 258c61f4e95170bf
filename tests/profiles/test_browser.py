"""The profile page in a real browser: the follower-growth chart draws from snapshots."""
from __future__ import annotations

import os
from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import PostFactory, ProfileFactory, SnapshotFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHROMIUM = "/usr/bin/chromium"


@pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="needs Debian's chromium at /usr/bin/chromium")
def test_profile_page_draws_the_growth_chart(live_server, alice, agency, settings, tmp_path, monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    settings.STORAGES = {**settings.STORAGES, "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    profile = ProfileFactory(organization=agency, handle="chef.maria", followers_count=10000)
    now = timezone.now()
    for day, followers in enumerate([9000, 9500, 10000]):
        SnapshotFactory(profile=profile, taken_at=now - timedelta(days=3 - day), followers_count=followers)
    PostFactory(profile=profile, likes=500, comments=20)
    from django.test import Client

    client = Client()
    client.force_login(alice)
    session_cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM,
                                    args=["--headless", "--no-sandbox", "--disable-gpu",
                                          "--disable-background-networking"])
        context = browser.new_context()
        context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session_cookie,
                              "url": live_server.url}])
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(f"{live_server.url}/profiles/{profile.pk}/")
        page.wait_for_function("() => window.Chart && Chart.getChart('growth-chart')")
        points = page.evaluate("() => Chart.getChart('growth-chart').data.datasets[0].data")
        page.screenshot(path=str(tmp_path / "profile.png"), full_page=True)
        browser.close()
    assert points == [9000, 9500, 10000]
    assert errors == []
