"""Published-post tracking: due daily for 30 days then weekly, until the campaign closes; readings come from real
imports (a gallery-dl file) or the real X fetcher replaying recorded API responses, never copied when stale."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import responses
from django.conf import settings
from django.utils import timezone

from predictions.campaigns.models import CampaignStatus, Submission, SubmissionStatus
from predictions.results import tracking
from predictions.results.models import PostMetric
from predictions.results.tasks import track_published_posts
from profiles import services as profile_services
from profiles.models import Post, Profile
from tests.factories import PostFactory, ProfileFactory

pytestmark = pytest.mark.django_db
PROFILE_DATA = Path(__file__).resolve().parents[2] / "data" / "profiles"


def _published(campaign, ivy, profile, post) -> Submission:
    return Submission.objects.create(
        campaign=campaign,
        influencer=ivy,
        profile=profile,
        published_post=post,
        status=SubmissionStatus.APPROVED,
        latest_version_number=1,
        actual_likes=post.likes,
        actual_source="matched",
    )


def test_posts_are_due_daily_for_30_days_then_weekly_and_not_after_the_campaign_closes(campaign, ivy, ivy_profile):
    now = timezone.now()
    fresh = PostFactory(profile=ivy_profile, taken_at=now - dt.timedelta(days=3), likes=10)
    old = PostFactory(profile=ivy_profile, taken_at=now - dt.timedelta(days=40), likes=10)
    for post in (fresh, old):
        _published(campaign, ivy, ivy_profile, post)
    assert {p.pk for p in tracking.tracked_posts(now=now)} == {fresh.pk, old.pk}  # never read yet
    PostMetric.objects.create(post=fresh, recorded_at=now - dt.timedelta(hours=5), likes=10)
    PostMetric.objects.create(post=old, recorded_at=now - dt.timedelta(days=3), likes=10)
    assert tracking.tracked_posts(now=now) == []  # read 5 h ago (daily) and 3 days ago (weekly)
    assert {p.pk for p in tracking.tracked_posts(now=now + dt.timedelta(days=1))} == {fresh.pk}
    assert {p.pk for p in tracking.tracked_posts(now=now + dt.timedelta(days=4))} == {fresh.pk, old.pk}
    campaign.status = CampaignStatus.COMPLETED
    campaign.save()
    assert tracking.tracked_posts(now=now + dt.timedelta(days=4)) == []


def test_a_reading_is_kept_only_when_an_import_brought_fresh_counters(campaign, ivy, agency):
    """Fetching is off: the tracker keeps what the real gallery-dl import brings, and nothing while nothing new came."""
    source = PROFILE_DATA / "gallery_dl_instagram.json"
    profile_services.profiles_import(organization=agency, paths=[source])
    post = Post.objects.filter(likes__isnull=False, profile__last_source__startswith="import:").order_by("pk").first()
    profile = post.profile
    Profile.objects.filter(pk=profile.pk).update(is_linked=True, influencer=ivy)
    submission = _published(campaign, ivy, profile, post)
    first = track_published_posts.apply().get()
    assert first["due"] == 1 and first["recorded"] == 1 and first["fetched_profiles"] == 0
    reading = PostMetric.objects.get(post=post)
    assert reading.likes == post.likes and reading.source.startswith("import:")
    # The file's posts are years old, so weekly: due again 8 days later, but no new data arrived: no copied reading.
    assert tracking.tracked_posts(now=timezone.now() + dt.timedelta(days=2)) == []
    later = timezone.now() + dt.timedelta(days=8)
    assert tracking.published_posts_track(now=later).as_dict() == {
        "due": 1,
        "fetched_profiles": 0,
        "recorded": 0,
        "problems": [],
    }
    # The next import (same file, the counters moved on since) is recorded and reaches the submission.
    Post.objects.filter(pk=post.pk).update(likes=post.likes + 250, fetched_at=timezone.now())
    run = tracking.published_posts_track(now=timezone.now() + dt.timedelta(days=8))
    assert run.recorded == 1
    assert list(PostMetric.objects.filter(post=post).values_list("likes", flat=True)) == [post.likes, post.likes + 250]
    submission.refresh_from_db()
    assert submission.actual_likes == post.likes + 250


def test_with_x_fetching_on_the_tracker_fetches_the_profile_through_tweepy(campaign, ivy, agency, settings):
    settings.X_BEARER_TOKEN = "recorded-test-token"
    profile = ProfileFactory(organization=agency, platform="x", handle="nasa", is_linked=True, influencer=ivy)
    post = PostFactory(
        profile=profile,
        platform_id="1860000000000000001",
        likes=100,
        comments=1,
        taken_at=timezone.now() - dt.timedelta(days=2),
    )
    Post.objects.filter(pk=post.pk).update(fetched_at=timezone.now() - dt.timedelta(days=2))
    PostMetric.objects.create(post=post, recorded_at=timezone.now() - dt.timedelta(days=1, hours=1), likes=100)
    _published(campaign, ivy, profile, post)
    recorded = PROFILE_DATA / "x"
    with responses.RequestsMock() as rsps:
        rsps.get(
            "https://api.twitter.com/2/users/by/username/nasa",
            body=(recorded / "user_nasa.json").read_text(),
            content_type="application/json",
        )
        rsps.get(
            "https://api.twitter.com/2/users/11348282/tweets",
            body=(recorded / "tweets_nasa.json").read_text(),
            content_type="application/json",
        )
        run = tracking.published_posts_track()
    assert (run.due, run.fetched_profiles, run.recorded) == (1, 1, 1), run.problems
    latest = PostMetric.objects.filter(post=post).order_by("-recorded_at").first()
    assert (latest.likes, latest.comments, latest.views, latest.source) == (12500, 420, 1200000, "api")


def test_a_failed_fetch_is_reported_and_does_not_stop_the_run(campaign, ivy, agency, settings):
    settings.X_BEARER_TOKEN = "recorded-test-token"
    profile = ProfileFactory(organization=agency, platform="x", handle="nasa", is_linked=True, influencer=ivy)
    post = PostFactory(profile=profile, platform_id="1", likes=5, taken_at=timezone.now() - dt.timedelta(days=1))
    _published(campaign, ivy, profile, post)
    with responses.RequestsMock() as rsps:
        rsps.get(
            "https://api.twitter.com/2/users/by/username/nasa",
            body=(PROFILE_DATA / "x" / "unauthorized.json").read_text(),
            status=401,
            content_type="application/json",
        )
        run = tracking.published_posts_track()
    assert run.fetched_profiles == 0 and len(run.problems) == 1 and "@nasa" in run.problems[0]
    assert run.recorded == 1  # the counters the post already had are its first reading


def test_the_tracker_is_on_the_beat_schedule_and_the_fetch_queue():
    entry = settings.CELERY_BEAT_SCHEDULE["results-track-published-posts"]
    assert entry["task"] == "predictions.results.tasks.track_published_posts" and entry["options"]["expires"]
    assert track_published_posts.name in [entry["task"]]
    from config.celery import app

    assert app.amqp.router.route({}, track_published_posts.name)["queue"].name == "fetch"


def test_a_published_youtube_video_is_tracked_through_the_data_api(campaign, ivy, agency, settings, monkeypatch):
    """With YouTube fetching on, the tracker refreshes the channel through google-api-python-client (replaying the
    channel's recorded responses) and keeps the video's views, likes and comments as a reading."""
    import json

    from profiles.fetchers import youtube
    from tests.profiles.test_youtube_fetch import CHANNEL, UPLOADS, VIDEOS, Recording

    settings.YOUTUBE_API_KEY = "test-key"
    youtube.Quota("test-key").reset()
    monkeypatch.setattr(
        youtube, "client_for_settings", lambda **_: youtube.build_client(Recording([CHANNEL, UPLOADS, VIDEOS]))
    )
    video = json.loads(VIDEOS)["items"][0]
    profile = ProfileFactory(organization=agency, platform="youtube", handle="mrbeast", is_linked=True, influencer=ivy)
    post = PostFactory(
        profile=profile, platform_id=video["id"], likes=1, views=10, taken_at=timezone.now() - dt.timedelta(days=2)
    )
    Post.objects.filter(pk=post.pk).update(fetched_at=timezone.now() - dt.timedelta(days=2))
    PostMetric.objects.create(post=post, recorded_at=timezone.now() - dt.timedelta(days=1, hours=1), likes=1)
    _published(campaign, ivy, profile, post)
    run = tracking.published_posts_track()
    assert (run.due, run.fetched_profiles, run.recorded) == (1, 1, 1), run.problems
    latest = PostMetric.objects.filter(post=post).order_by("-recorded_at").first()
    statistics = video["statistics"]
    assert (latest.views, latest.likes, latest.comments, latest.source) == (
        int(statistics["viewCount"]),
        int(statistics["likeCount"]),
        int(statistics["commentCount"]),
        "api",
    )


def test_a_published_tiktok_video_is_tracked_through_yt_dlp(campaign, ivy, agency, settings):
    """Without Research API keys, TikTok is refreshed through yt-dlp's own TikTok extractors (replaying the account's
    recorded web answers): the reading keeps the video's views, likes, comments and shares."""
    from profiles.fetchers import ytdlp
    from profiles.fetchers.ratelimit import limiter_for
    from tests.profiles.test_ytdlp_fetch import ITEMS, _tiktok

    settings.YTDLP_FETCHING = True
    limiter_for(platform="tiktok", credential=ytdlp.CREDENTIAL).reset()
    item = ITEMS[0]
    profile = ProfileFactory(organization=agency, platform="tiktok", handle="cnn", is_linked=True, influencer=ivy)
    post = PostFactory(
        profile=profile, platform_id=item["id"], likes=1, views=10, taken_at=timezone.now() - dt.timedelta(days=2)
    )
    Post.objects.filter(pk=post.pk).update(fetched_at=timezone.now() - dt.timedelta(days=2))
    PostMetric.objects.create(post=post, recorded_at=timezone.now() - dt.timedelta(days=1, hours=1), likes=1)
    _published(campaign, ivy, profile, post)
    with responses.RequestsMock() as rsps:
        _tiktok(rsps)
        run = tracking.published_posts_track()
    assert (run.due, run.fetched_profiles, run.recorded) == (1, 1, 1), run.problems
    latest = PostMetric.objects.filter(post=post).order_by("-recorded_at").first()
    stats = item["stats"]
    assert (latest.views, latest.likes, latest.comments, latest.shares, latest.source) == (
        stats["playCount"],
        stats["diggCount"],
        stats["commentCount"],
        stats["shareCount"],
        "api",
    )


def test_a_reading_keeps_the_posts_shares(campaign, ivy, agency):
    """Shares live on the post now (TikTok, YouTube imports); a reading takes them from there."""
    profile = ProfileFactory(organization=agency, platform="tiktok", handle="sharer", is_linked=True, influencer=ivy)
    post = PostFactory(profile=profile, likes=5, views=100, taken_at=timezone.now() - dt.timedelta(days=1))
    Post.objects.filter(pk=post.pk).update(shares=7)
    post.refresh_from_db()
    metric = tracking.post_metric_record(post=post)
    assert metric is not None and metric.shares == 7 and metric.views == 100
