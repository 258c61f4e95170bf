"""A campaign's ad-disclosure rules (its jurisdiction): set by form and API, applied to every draft, and shown to the
reviewer with the rule quoted before approving."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from predictions.campaigns import services
from predictions.campaigns.models import Campaign
from tests.browser_fixtures import save_screenshot
from tests.predictions.campaigns.uploads import GOOD_CAPTION

pytestmark = pytest.mark.django_db

ASA_URL = "https://www.asa.org.uk/resource/influencers-guide.html"


def test_the_campaign_form_and_api_set_the_jurisdiction_and_refuse_an_unknown_one(
    client, alice, api_client_for, agency
):
    client.force_login(alice)
    today = timezone.localdate()
    response = client.post(
        reverse("predictions:campaign_create"),
        {
            "name": "UK launch",
            "brand": "Brand Co",
            "starts_on": today,
            "ends_on": today + dt.timedelta(days=10),
            "jurisdiction": "uk-asa",
            "approval_rule": "any",
            "status": "active",
        },
    )
    assert response.status_code == 302, response.content[:500]
    campaign = Campaign.objects.get(name="UK launch")
    assert campaign.jurisdiction == "uk-asa"
    page = client.get(reverse("predictions:campaign_detail", args=[campaign.pk])).content.decode()
    assert "United Kingdom (ASA/CAP and CMA)" in page

    api = api_client_for(alice)
    body = {"name": "US launch", "brand": "B", "starts_on": str(today), "ends_on": str(today)}
    created = api.post(reverse("api:campaign-list"), body, format="json")
    assert created.status_code == 201 and created.json()["jurisdiction"] == "us-ftc"  # the default
    refused = api.post(reverse("api:campaign-list"), {**body, "jurisdiction": "eu"}, format="json")
    assert refused.status_code == 400 and "jurisdiction" in str(refused.json())
    patched = api.patch(reverse("api:campaign-detail", args=[campaign.pk]), {"jurisdiction": "us-ftc"}, format="json")
    assert patched.status_code == 200 and patched.json()["jurisdiction"] == "us-ftc"


def test_the_same_draft_passes_us_rules_and_fails_uk_ones_with_the_rule_quoted_before_approval(
    make_submission, campaign, alice, rey, client
):
    # GOOD_CAPTION ends with #ad: seen before "more", so the FTC is content; the UK wants the label up front.
    assert GOOD_CAPTION.endswith("#ad")
    us = make_submission()
    check = us.versions.get().brief_check
    assert check["ok"] is True and check["compliance"]["jurisdiction"] == "us-ftc"
    client.force_login(rey)
    page = client.get(reverse("predictions:submission_detail", args=[us.pk])).content.decode()
    assert 'data-brief="ok"' in page and 'id="disclosure-warning"' not in page

    services.campaign_update(user=alice, campaign=campaign, jurisdiction="uk-asa")
    uk = make_submission()
    check = uk.versions.get().brief_check
    assert check["ok"] is False and check["disclosure"] == ""
    assert [f["rule"] for f in check["compliance"]["findings"] if not f["ok"]] == ["up_front"]
    page = client.get(reverse("predictions:submission_detail", args=[uk.pk])).content.decode()
    assert 'id="disclosure-warning"' in page and "United Kingdom (ASA/CAP and CMA)" in page
    assert 'data-rule="up_front"' in page and ASA_URL in page
    # The earlier version keeps the check it was made under.
    assert us.versions.get().brief_check["compliance"]["jurisdiction"] == "us-ftc"


def test_the_platforms_label_alone_is_flagged_and_the_influencer_is_told_what_works(
    make_submission, campaign, ivy, client
):
    submission = make_submission(caption="Beach day with @brand #summer", paid_partnership=True)
    check = submission.versions.get().brief_check
    assert check["ok"] is False and any("paid-partnership label" in p for p in check["problems"])
    client.force_login(ivy)
    form = client.get(reverse("predictions:submission_create", args=[campaign.pk])).content.decode()
    assert "United States (FTC)" in form and "paid-partnership label alone is not enough" in form
    page = client.get(reverse("predictions:submission_detail", args=[submission.pk])).content.decode()
    assert 'data-rule="tool"' in page and 'id="disclosure-warning"' not in page  # the warning is the reviewer's


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_on_a_phone_the_reviewer_sees_the_warning_and_the_quoted_rule_without_scrolling_sideways(
    make_browser_page, live_server, make_submission, campaign, alice, rey
):
    services.campaign_update(user=alice, campaign=campaign, jurisdiction="uk-asa")
    submission = make_submission()
    page = make_browser_page(rey, viewport={"width": 390, "height": 844})
    page.goto(f"{live_server.url}{reverse('predictions:submission_detail', args=[submission.pk])}")
    warning = page.locator("#disclosure-warning")
    assert warning.is_visible() and "United Kingdom" in warning.inner_text()
    rule = page.locator('#brief-check blockquote[data-rule="up_front"]')
    assert rule.is_visible() and "upfront" in rule.inner_text()
    assert page.locator("#brief-check a[href^='https://www.asa.org.uk/']").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    save_screenshot(page, "disclosure-review-phone")
