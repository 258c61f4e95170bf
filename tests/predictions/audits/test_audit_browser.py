"""In a real browser: start an audit from the form, watch the report appear (score, Chart.js breakdown and history,
suspicious followers), then check one profile by URL."""

from __future__ import annotations

import pytest

from ml.services import register_shipped_artifacts
from predictions.audits.models import FollowerAudit
from tests.factories import ProfileFactory
from tests.predictions.audits.audiences import mixed_followers

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def page(make_browser_page, alice):
    page = make_browser_page(alice)
    page.set_default_timeout(20_000)
    return page


def test_audit_report_and_profile_check_in_the_browser(page, agency):
    register_shipped_artifacts()
    creator = ProfileFactory(organization=agency, handle="creator")
    mixed_followers(creator, 24)
    page.goto("/campaigns/audits/")
    page.fill("#id_sample_size", "20")
    page.get_by_role("button", name="Start audit").click()
    page.locator("#quality-score").wait_for()
    audit = FollowerAudit.objects.get()
    assert page.inner_text("#quality-score").strip() == f"{audit.audience_quality_score:.1f}"
    assert page.locator("#audit-progress .progress-bar").inner_text().strip() == "100%"
    page.wait_for_function("() => window.Chart && Chart.getChart('breakdown-chart') && Chart.getChart('history-chart')")
    assert page.evaluate("Chart.getChart('breakdown-chart').data.datasets[0].data.reduce((a, b) => a + b, 0)") == 20
    assert page.locator("#suspicious-table tbody tr").count() == audit.suspicious_count > 0

    page.goto("/campaigns/audits/check/")
    page.fill("#id_reference", "https://www.instagram.com/mass0/")
    page.get_by_role("button", name="Check").click()
    page.locator("#check-result").wait_for()
    assert "Mass follower" in page.inner_text("#check-result")
    assert "follows 3,200 accounts" in page.inner_text("#check-result")
