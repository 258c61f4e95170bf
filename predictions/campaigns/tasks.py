"""Celery tasks of campaign review: they take ids, load rows and call a service. Scoring and retraining run on `ml`."""

from __future__ import annotations

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse

from predictions.campaigns.models import SubmissionEvent


@shared_task(
    name="predictions.campaigns.tasks.score_submission_version",
    acks_late=True,
    time_limit=10 * 60,
    soft_time_limit=9 * 60,
)
def score_submission_version(score_id: int) -> None:
    from predictions.campaigns.scoring import version_score_run

    version_score_run(score_id=score_id)


def enqueue_scoring(score_id: int) -> None:
    score_submission_version.delay(score_id)


@shared_task(
    name="predictions.campaigns.tasks.process_submission_video",
    acks_late=True,
    time_limit=15 * 60,
    soft_time_limit=14 * 60,
)
def process_submission_video(video_id: int) -> None:
    """Rendition, poster, strip and features of a video draft (in a child process under limits), then its score."""
    from predictions.campaigns.video import submission_video_process

    submission_video_process(video_id=video_id)


def enqueue_video(video_id: int) -> None:
    process_submission_video.delay(video_id)


EVENT_SUBJECTS = {
    "submitted": "New content to review",
    "resubmitted": "Updated content to review",
    "changes_requested": "Changes requested",
    "approved": "Your content is approved",
    "rejected": "Your content was rejected",
    "commented": "New comment",
    "outcome_recorded": "Results are in",
    "brand_approved": "The brand approved your content",
    "brand_changes_requested": "The brand requested changes",
}


@shared_task(
    name="predictions.campaigns.tasks.submission_notify",
    acks_late=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=5,
)
def submission_notify(event_id: int) -> int:
    """Email the people a workflow step concerns. Returns how many addresses were mailed."""
    from predictions.campaigns.services import notification_recipients

    event = (
        SubmissionEvent.objects.select_related("submission", "submission__campaign", "actor", "submission__influencer")
        .filter(pk=event_id)
        .first()
    )
    if event is None:
        return 0
    recipients = notification_recipients(event=event)
    if not recipients:
        return 0
    submission = event.submission
    link = settings.SITE_URL.rstrip("/") + reverse("predictions:submission_detail", args=[submission.pk])
    actor = event.actor.display_name if event.actor else "SocialLens"
    subject = f"[{submission.campaign.name}] {EVENT_SUBJECTS.get(event.action, event.action)}"
    body = (
        f"{actor} — {event.action.replace('_', ' ')} on submission #{submission.pk} "
        f"(version {event.version_number or '-'}) for {submission.campaign.name}.\n\n"
        f"{event.detail}\n\nOpen it: {link}\n"
    )
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
    return len(recipients)


@shared_task(name="predictions.campaigns.tasks.submissions_match_published_posts")
def submissions_match_published_posts() -> int:
    from predictions.campaigns.feedback import submissions_match_published_posts as match

    return match()


@shared_task(
    name="predictions.campaigns.tasks.likes_retrain_weekly",
    acks_late=True,
    time_limit=2 * 60 * 60,
    soft_time_limit=110 * 60,
)
def likes_retrain_weekly() -> str:
    """ml.likes.retrain_if_better with campaign outcomes counted as new; the decision is kept as a RetrainingRun."""
    from predictions.campaigns.feedback import likes_retrain_if_enough_outcomes

    return likes_retrain_if_enough_outcomes().decision
