"""The demo's finished campaign: after seed_demo its report has every figure to show, and seeding twice adds
nothing."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest

from accounts.demo import demo_agency_load
from predictions.campaigns.models import Campaign, CampaignStatus, SubmissionStatus
from predictions.results.demo import DEMO_RESULTS_CAMPAIGN, seed_results_demo
from predictions.results.models import PostMetric
from predictions.results.report import campaign_report

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_finished_campaign_with_a_full_report(django_capture_on_commit_callbacks):
    organization = demo_agency_load()
    with django_capture_on_commit_callbacks(execute=True):
        seed_results_demo(organization=organization, stdout=io.StringIO())
    seed_results_demo(organization=organization, stdout=io.StringIO())
    campaign = Campaign.objects.get(organization=organization, name=DEMO_RESULTS_CAMPAIGN)
    assert campaign.status == CampaignStatus.COMPLETED
    assert Campaign.objects.filter(name=DEMO_RESULTS_CAMPAIGN).count() == 1
    report = campaign_report(campaign=campaign)
    assert (report["submissions"], report["published"], report["on_time"], report["late"], report["early"]) == (
        3,
        3,
        1,
        1,
        1,
    )
    assert all(row["status"] == SubmissionStatus.APPROVED for row in report["rows"])
    assert report["interval_compared"] == 3 and report["predicted_likes"] > 0  # scored by the real like model
    assert report["actual_likes"] == 1460 + 1985 + 1120 and report["spend"] == Decimal("1200.00")
    assert report["emv"] == Decimal("450.70")  # (4565 likes × 0.08) + (171 comments × 0.50)
    assert [row["caption_difference"]["differs"] for row in report["rows"]] == [False, True, True]
    # Re-checked as published: the second dropped its #ad, the third buried it among hashtags by adding #sunset.
    assert [row["compliance"]["ok"] for row in report["rows"]] == [True, False, False]
    failed = [[f["rule"] for f in row["compliance"]["compliance"]["findings"] if not f["ok"]] for row in report["rows"]]
    assert failed == [[], ["label"], ["hashtags"]]
    assert all(len(row["history"]) >= 20 for row in report["rows"])
    assert PostMetric.objects.filter(post__campaign_submissions__campaign=campaign).count() == sum(
        len(row["history"]) for row in report["rows"]
    )
    assert campaign.share_links.count() == 1 and campaign.external_approvers.count() == 1
