"""Published-post tracking: after publication each campaign post is refreshed daily for 30 days, then weekly until
its campaign closes, through the platform fetchers when they are on, or through whatever imports bring in.

A reading (PostMetric) is kept only when the post's counters are fresher than the last reading: with fetching off
and no new import there is nothing new to record, and a repeated copy would fake a flat curve.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from predictions.campaigns.models import CampaignStatus, Submission
from predictions.results.models import PostMetric
from profiles.models import Post

log = logging.getLogger(__name__)

DAILY_PERIOD = dt.timedelta(days=30)
# Slightly under a day / a week, so a beat run that starts a few minutes late still counts the post as due.
DAILY_INTERVAL = dt.timedelta(hours=20)
WEEKLY_INTERVAL = dt.timedelta(days=6, hours=20)
OPEN_STATUSES = (CampaignStatus.DRAFT, CampaignStatus.ACTIVE)


@dataclass
class TrackingRun:
    due: int = 0
    fetched_profiles: int = 0
    recorded: int = 0
    problems: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "due": self.due,
            "fetched_profiles": self.fetched_profiles,
            "recorded": self.recorded,
            "problems": self.problems,
        }


def tracking_interval(*, published_at: dt.datetime | None, now: dt.datetime) -> dt.timedelta:
    """Daily during the first 30 days after publication, weekly after that."""
    if published_at is None or now - published_at <= DAILY_PERIOD:
        return DAILY_INTERVAL
    return WEEKLY_INTERVAL


def tracked_posts(*, now: dt.datetime) -> list[Post]:
    """Published posts of submissions in campaigns that are still open and are due for a refresh."""
    posts: dict[int, Post] = {}
    for submission in Submission.objects.filter(
        published_post__isnull=False, campaign__status__in=OPEN_STATUSES
    ).select_related("published_post__profile__organization"):
        if submission.published_post is not None:
            posts[submission.published_post.pk] = submission.published_post
    last = dict(
        PostMetric.objects.filter(post_id__in=list(posts))
        .values_list("post_id")
        .annotate(last=Max("recorded_at"))
        .values_list("post_id", "last")
    )
    due = []
    for post_id, post in posts.items():
        previous = last.get(post_id)
        if previous is None or now - previous >= tracking_interval(published_at=post.taken_at, now=now):
            due.append(post)
    return due


def post_metric_record(*, post: Post, now: dt.datetime | None = None, source: str = "") -> PostMetric | None:
    """Keep the post's current counters as a reading if they came in after the last reading; returns it or None.

    Also carries the likes over to every submission linked to the post (the feedback loop's outcome)."""
    now = now or timezone.now()
    last = post.metrics.order_by("-recorded_at").first()
    if last is not None and post.fetched_at <= last.recorded_at:
        return None
    shares = post.shares if post.shares is not None else (post.extra or {}).get("shares")  # older imports: extra
    with transaction.atomic():
        metric = PostMetric.objects.create(
            post=post,
            recorded_at=post.fetched_at,
            likes=post.likes,
            comments=post.comments,
            views=post.views,
            shares=int(shares) if isinstance(shares, int | float) else None,
            source=source or post.profile.last_source,
        )
        if post.likes is not None:
            Submission.objects.filter(published_post=post).exclude(actual_source="manual").update(
                actual_likes=post.likes, actual_recorded_at=now
            )
    return metric


def published_posts_track(*, now: dt.datetime | None = None) -> TrackingRun:
    """The beat task's body: fetch each due post's profile once (when its platform is on), then record readings."""
    from profiles import services as profile_services

    now = now or timezone.now()
    run = TrackingRun()
    due = tracked_posts(now=now)
    run.due = len(due)
    fetched: set[int] = set()
    for post in due:
        profile = post.profile
        if profile.pk not in fetched and profile_services.integration_enabled(platform=profile.platform):
            fetched.add(profile.pk)
            try:
                profile_services.profile_fetch(profile=profile)
                run.fetched_profiles += 1
            except Exception as exc:  # one profile's failure (rate limit, private, gone) must not stop the rest
                run.problems.append(f"@{profile.handle}: {getattr(exc, 'message', exc)}")
                log.warning("tracking fetch of @%s failed: %s", profile.handle, exc)
        post.refresh_from_db()
        if post_metric_record(post=post, now=now) is not None:
            run.recorded += 1
    return run
