"""Browser run in Debian's chromium: the agency approves, the brand contact opens the magic link from the email
(signed out, no account), sees the image, caption, planned time and score card, and approves with a comment; the
agency's report page then shows the results with its charts. Scoring runs eagerly in tests."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.core import mail

from predictions.campaigns import services
from predictions.campaigns.models import ApprovalStep, SubmissionEvent, SubmissionStatus
from predictions.results import approvals
from tests.browser_fixtures import save_screenshot
from tests.predictions.campaigns.uploads import GOOD_CAPTION

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_brand_approves_through_the_magic_link_without_an_account(
    make_browser_page, live_server, campaign, alice, rey, make_submission
):
    services.campaign_update(user=alice, campaign=campaign, approval_step=ApprovalStep.AGENCY_THEN_BRAND)
    approvals.approver_add(user=alice, campaign=campaign, email="bea@glowco.example", name="Bea Brand")
    submission = make_submission()
    reviewer = make_browser_page(rey)
    reviewer.goto(f"{live_server.url}/campaigns/submissions/{submission.pk}/")
    reviewer.click("#approve")
    reviewer.wait_for_selector("text=Awaiting brand approval")
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.BRAND_REVIEW

    message = next(m for m in mail.outbox if m.to == ["bea@glowco.example"])
    url = re.search(r"http\S+/brand/approve/\S+/", message.body).group(0)
    brand = make_browser_page()  # signed out: no account, no session
    brand.goto(url.replace(settings.SITE_URL.rstrip("/"), live_server.url))
    assert brand.locator("#approval-caption").inner_text().strip() == GOOD_CAPTION
    assert brand.locator("#approval-images img").count() == 1
    assert brand.evaluate("document.querySelector('#approval-images img').naturalWidth") > 0  # served by token
    assert "predicted likes" in brand.locator("#approval-score").inner_text()
    assert brand.locator("#approval-planned").inner_text()
    save_screenshot(brand, "brand-approval-page")
    brand.fill("#approval-note", "Looks great, approved for Friday.")
    brand.click("#approve-button")
    brand.wait_for_selector("#approval-done")
    assert "approved" in brand.locator("#approval-done").inner_text()
    assert not [c for c in brand.context.cookies() if c["name"] == settings.SESSION_COOKIE_NAME]
    # Reloading the link afterwards: it worked once.
    brand.goto(url.replace(settings.SITE_URL.rstrip("/"), live_server.url))
    assert "already decided" in brand.locator("#link-gone").inner_text()
    # And the brand is not signed in anywhere else.
    brand.goto(f"{live_server.url}/campaigns/")
    assert "/accounts/login/" in brand.url

    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.APPROVED
    event = SubmissionEvent.objects.get(submission=submission, action="brand_approved")
    assert event.actor_email == "bea@glowco.example" and "Looks great" in event.detail

    owner = make_browser_page(alice)
    owner.goto(f"{live_server.url}/campaigns/{campaign.pk}/report/")
    owner.wait_for_selector("#report-figures")
    assert owner.locator("#chart-actual-vs-predicted svg").count() == 1
    assert owner.locator("[data-approver='bea@glowco.example']").count() == 1
    assert "Approved" in owner.locator("#brand-approval").inner_text()
    save_screenshot(owner, "campaign-report-page")
