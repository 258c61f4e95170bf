"""In a real browser: start an audit from the form, watch the report appear (score, Chart.js breakdown and history,
suspicious followers), then check one profile by URL."""
from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from ml.services import register_shipped_artifacts
from predictions.audit_models import FollowerAudit
from tests.factories import ProfileFactory
from tests.predictions.test_audits import _followers

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="module", autouse=True)
def _end_live_server_sessions(django_db_setup, django_db_blocker):
    """Keep-alive threads of the live server may still hold a PostgreSQL session when the test database is
    dropped; end them (test database only)."""
    yield
    from django.db import connection

    if connection.vendor == "postgresql":
        with django_db_blocker.unblock(), connection.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                           "WHERE datname = current_database() AND pid <> pg_backend_pid()")


@pytest.fixture
def page(live_server, alice, monkeypatch):
    if not CHROMIUM.exists():
        pytest.skip(f"browser tests need Debian's chromium at {CHROMIUM}")
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    client = Client()
    client.force_login(alice)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-dev-shm-usage"])
        context = browser.new_context(base_url=live_server.url)
        session = client.cookies[settings.SESSION_COOKIE_NAME].value
        context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}])
        page = context.new_page()
        page.set_default_timeout(20_000)
        try:
            yield page
        finally:
            browser.close()


def test_audit_report_and_profile_check_in_the_browser(page, agency):
    register_shipped_artifacts()
    creator = ProfileFactory(organization=agency, handle="creator")
    _followers(creator, 24)
    page.goto("/campaigns/audits/")
    page.fill("#id_sample_size", "20")
    page.get_by_role("button", name="Start audit").click()
    page.locator("#quality-score").wait_for()
    audit = FollowerAudit.objects.get()
    assert page.inner_text("#quality-score").strip() == f"{audit.audience_quality_score:.1f}"
    assert page.locator("#audit-progress .progress-bar").inner_text().strip() == "100%"
    page.wait_for_function("() => window.Chart && Chart.getChart('breakdown-chart') "
                           "&& Chart.getChart('history-chart')")
    assert page.evaluate("Chart.getChart('breakdown-chart').data.datasets[0].data.reduce((a, b) => a + b, 0)") == 20
    assert page.locator("#suspicious-table tbody tr").count() == audit.suspicious_count > 0

    page.goto("/campaigns/audits/check/")
    page.fill("#id_reference", "https://www.instagram.com/mass0/")
    page.get_by_role("button", name="Check").click()
    page.locator("#check-result").wait_for()
    assert "Mass follower" in page.inner_text("#check-result")
    assert "follows 3,200 accounts" in page.inner_text("#check-result")
