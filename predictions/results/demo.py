"""Demo data for campaign results (called by `manage.py seed_demo`): a finished campaign whose three posts went
through agency and brand approval, were published (one late, one early, one with the #ad dropped) and tracked
daily, with a creator fee, the agency's EMV rates and a share link, so the report page has every figure to show.

Everything goes through the services (review, brand decision by magic link, outcome linking); only the posts and
their tracked readings are written directly, standing in for what the fetchers or imports would bring, and the
finished workflow is moved back in time (the services refuse planning a post in the past).
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from accounts.models import Organization, User
from predictions.campaigns import feedback
from predictions.campaigns import services as campaign_services
from predictions.campaigns.demo import _demo_image, _demo_profile
from predictions.campaigns.models import (
    ApprovalStep,
    Campaign,
    CampaignStatus,
    ReviewDecision,
    Submission,
    SubmissionEvent,
    SubmissionVersion,
)
from predictions.results import approvals, services
from predictions.results.models import ApprovalLink, PostMetric
from profiles.models import Post, Snapshot

DEMO_RESULTS_CAMPAIGN = "Spring Glow Launch"
BRAND_CONTACT = "brand.lead@glowco.example"
# (days before today planned, hours published after plan, final likes, final comments, approved caption,
#  published caption, sky, sun)
POSTS = [
    (
        40,
        0.5,
        1460,
        52,
        "Morning glow with @glowco #springglow #ad",
        "Morning glow with @glowco #springglow #ad",
        (150, 200, 240),
        (255, 225, 120),
    ),
    (
        30,
        5.0,
        1985,
        88,
        "Picnic-proof SPF from @glowco #springglow #ad",
        "Picnic-proof SPF from @glowco 🌸 #springglow",
        (170, 215, 235),
        (255, 210, 90),
    ),
    (
        20,
        -2.0,
        1120,
        31,
        "Golden hour, zero shine @glowco #springglow #ad",
        "Golden hour, zero shine @glowco #springglow #ad #sunset",
        (245, 170, 120),
        (255, 140, 70),
    ),
]


def _readings(post: Post, *, published: dt.datetime, likes: int, comments: int, until: dt.datetime) -> None:
    """Daily readings for 30 days, weekly after, on a saturating curve (most engagement comes in the first days)."""
    when, step, rows = published + dt.timedelta(hours=6), dt.timedelta(days=1), []
    while when <= until:
        days = (when - published).total_seconds() / 86400
        share = 1 - math.exp(-days / 1.8)
        rows.append(
            PostMetric(
                post=post, recorded_at=when, likes=round(likes * share), comments=round(comments * share), source="seed"
            )
        )
        when += step if days < 30 else dt.timedelta(days=7)
    PostMetric.objects.bulk_create(rows)
    last = rows[-1]
    Post.objects.filter(pk=post.pk).update(likes=last.likes, comments=last.comments, fetched_at=last.recorded_at)


def _backdate(submission: Submission, *, planned: dt.datetime) -> None:
    """Move a submission's finished workflow (version, events, decisions, brand links) so that its version is
    planned at `planned`, keeping the order and spacing of what happened."""
    version = submission.versions.get()
    shift = planned - version.planned_at
    SubmissionVersion.objects.filter(pk=version.pk).update(planned_at=planned, created_at=F("created_at") + shift)
    Submission.objects.filter(pk=submission.pk).update(created_at=F("created_at") + shift)
    SubmissionEvent.objects.filter(submission=submission).update(created_at=F("created_at") + shift)
    ReviewDecision.objects.filter(version=version).update(created_at=F("created_at") + shift)
    ApprovalLink.objects.filter(submission=submission).update(
        created_at=F("created_at") + shift, used_at=F("used_at") + shift, expires_at=F("expires_at") + shift
    )


def seed_results_demo(*, organization: Organization, stdout: Any) -> None:
    if Campaign.objects.filter(organization=organization, name=DEMO_RESULTS_CAMPAIGN).exists():
        return
    owner = User.objects.get(email="owner@demo.sociallens.local")
    reviewer = User.objects.get(email="reviewer@demo.sociallens.local")
    influencer = User.objects.get(email="influencer@demo.sociallens.local")
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    today = timezone.localdate()
    with transaction.atomic():
        profile = _demo_profile(organization, influencer)
        for days, followers in ((50, 23900), (28, 24350), (12, 24700)):
            Snapshot.objects.get_or_create(
                profile=profile,
                taken_at=now - dt.timedelta(days=days),
                defaults={"followers_count": followers, "source": "seed"},
            )
        campaign = campaign_services.campaign_create(
            user=owner,
            organization=organization,
            name=DEMO_RESULTS_CAMPAIGN,
            brand="Glow Co",
            brief="Spring launch of the SPF 30 glow fluid: outdoor daylight, real skin, the bottle in view.",
            starts_on=today,
            ends_on=today + dt.timedelta(days=10),
            required_hashtags="#springglow",
            required_mentions="@glowco",
            influencers=[influencer],
            reviewers=[reviewer],
            approval_step=ApprovalStep.AGENCY_THEN_BRAND,
        )
        approvals.approver_add(user=owner, campaign=campaign, email=BRAND_CONTACT, name="Bea Brand")
        services.emv_rates_set(
            user=owner,
            organization=organization,
            currency="EUR",
            like="0.08",
            comment="0.50",
            view="0.02",
            share="1.00",
        )
        for index, (days, late_hours, likes, comments, caption, published_caption, sky, sun) in enumerate(POSTS):
            # The workflow refuses planned times in the past, so it runs with a future time and the finished
            # story is then moved back to when it happened.
            planned = now - dt.timedelta(days=days)
            submission = campaign_services.submission_create(
                user=influencer,
                campaign=campaign,
                profile=profile,
                planned_at=now + dt.timedelta(days=1 + index),
                caption=caption,
                timezone_name="Europe/Berlin",
                submit=True,
                uploads=[_demo_image(f"spring-{index}.jpg", sky, sun)],
            )
            campaign_services.submission_review(
                user=reviewer, submission=submission, decision="approve", note="On brief."
            )
            link = ApprovalLink.objects.get(submission=submission)
            approvals.approval_link_decide(
                token=approvals.approval_link_reissue(link=link),
                client="seed",
                decision="approve",
                note="Love it, go ahead.",
            )
            _backdate(submission, planned=planned)
            published = planned + dt.timedelta(hours=late_hours)
            post = Post.objects.create(
                profile=profile,
                platform_id=f"demo-spring-{index}",
                shortcode=f"SPRING{index:02d}",
                caption=published_caption,
                taken_at=published,
                likes=0,
                comments=0,
                is_sponsored=False,
                url=f"https://www.instagram.com/p/SPRING{index:02d}/",
            )
            _readings(post, published=published, likes=likes, comments=comments, until=now)
            post.refresh_from_db()
            feedback.submission_link_post(user=owner, submission=submission, post=post)
        services.creator_fee_set(user=owner, campaign=campaign, influencer=influencer, amount="1200")
        services.share_link_create(user=owner, campaign=campaign, days=60, label="Glow Co marketing team")
        campaign_services.campaign_update(
            user=owner,
            campaign=campaign,
            status=CampaignStatus.COMPLETED,
            starts_on=today - dt.timedelta(days=45),
            ends_on=today - dt.timedelta(days=3),
        )
        Campaign.objects.filter(pk=campaign.pk).update(created_at=now - dt.timedelta(days=50))
    stdout.write(
        f"Results demo: {DEMO_RESULTS_CAMPAIGN} (completed, 3 published posts, report at "
        f"/campaigns/{campaign.pk}/report/)."
    )
