"""Celery tasks of campaign results. They take ids and primitives, load rows and call a service."""

from __future__ import annotations

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse

from config.formatting import day_in, moment_in


@shared_task(
    name="predictions.results.tasks.track_published_posts",
    acks_late=True,
    time_limit=2 * 60 * 60,
    soft_time_limit=110 * 60,
)
def track_published_posts() -> dict[str, object]:
    """The daily beat run: due published posts are refreshed and a reading kept when fresh data came in."""
    from predictions.results.tracking import published_posts_track

    return published_posts_track().as_dict()


@shared_task(
    name="predictions.results.tasks.approval_link_mail",
    acks_late=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=5,
)
def approval_link_mail(link_id: int, token: str) -> int:
    """Email one external approver their magic link. The token travels only in this message and the email."""
    from predictions.results.models import ApprovalLink

    link = (
        ApprovalLink.objects.select_related("approver", "submission__campaign", "submission__profile", "version")
        .filter(pk=link_id)
        .first()
    )
    if link is None or link.revoked_at is not None or link.used_at is not None:
        return 0
    campaign = link.submission.campaign
    url = settings.SITE_URL.rstrip("/") + reverse("brand:approval", args=[token])
    zone = link.version.timezone_name or campaign.organization.timezone  # the draft's planned zone, else the agency's
    body = (
        f"Hello{(' ' + link.approver.name) if link.approver.name else ''},\n\n"
        f"New content for {campaign.name} ({campaign.brand}) is waiting for your approval: submission "
        f"#{link.submission_id} by @{link.submission.profile.handle}, version {link.version.number}, planned for "
        f"{moment_in(link.version.planned_at, zone)}.\n\nReview it here (no account needed; the link is for "
        f"you only, works once and expires on {day_in(link.expires_at, zone)}):\n{url}\n"
    )
    send_mail(
        f"[{campaign.name}] Content waiting for your approval", body, settings.DEFAULT_FROM_EMAIL, [link.approver.email]
    )
    return 1
