"""YouTube fetching through the real google-api-python-client, replaying recorded Data API responses of one channel
(MrBeast: channels.list, a page of its uploads playlist, videos.list; tests/data/real/youtube-api/ORIGINS.md), and
the daily quota counted across workers."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from googleapiclient.http import HttpMockSequence

from profiles.fetchers import youtube
from profiles.fetchers.errors import RateLimited
from profiles.fetchers.ratelimit import DatabaseBackend
from profiles.models import Post, Profile

pytestmark = pytest.mark.django_db

API = Path(__file__).resolve().parent.parent / "data" / "real" / "youtube-api"
CHANNEL = (API / "channels_list_contentDetails_only.json").read_text()
UPLOADS = (API / "playlistItems_list_contentDetails_lastpage.json").read_text()
VIDEOS = (API / "videos_list_mrbeast_2021_video.json").read_text()


class Recording(HttpMockSequence):
    """googleapiclient's own replaying HTTP object, remembering what was asked."""

    def __init__(self, answers: list[str]) -> None:
        super().__init__([({"status": "200"}, answer) for answer in answers])
        self.uris: list[str] = []

    def request(self, uri, method="GET", body=None, headers=None, redirections=1, connection_type=None):
        self.uris.append(uri)
        return super().request(uri, method, body, headers, redirections, connection_type)


@pytest.fixture
def youtube_on(settings):
    settings.YOUTUBE_API_KEY = "test-key"
    settings.YOUTUBE_QUOTA_UNITS = 10_000
    return settings


def _quota(clock: datetime | None = None) -> youtube.Quota:
    return youtube.Quota("test-key", backend=DatabaseBackend(), clock=(lambda: clock) if clock else None)


def test_a_channel_fetch_is_three_requests_of_one_unit_each(youtube_on):
    http = Recording([CHANNEL, UPLOADS, VIDEOS])
    quota = _quota()
    parsed, private = youtube.fetch_profile(
        youtube.client_for_settings(http=http), "mrbeast", post_limit=12, quota=quota
    )
    uploads = [item["contentDetails"]["videoId"] for item in json.loads(UPLOADS)["items"]][:12]
    assert len(http.uris) == 3 and quota.used() == 3 and private is False
    assert "channels?" in http.uris[0] and "forHandle=%40mrbeast" in http.uris[0] and "key=test-key" in http.uris[0]
    assert "playlistItems?" in http.uris[1] and "playlistId=UUX6OQ3DkcsbYNE6H8uQQuVA" in http.uris[1]
    assert "videos?" in http.uris[2] and "id=" + "%2C".join(uploads) in http.uris[2]
    assert not any("search" in uri for uri in http.uris)  # 100 units each: never used for a routine fetch
    (record,) = parsed.profiles
    assert (record.handle, record.values["platform_id"]) == ("mrbeast", "UCX6OQ3DkcsbYNE6H8uQQuVA")
    video = json.loads(VIDEOS)["items"][0]
    (post,) = parsed.posts
    assert (post.owner_handle, post.platform_id) == ("mrbeast", video["id"])
    assert (post.values["views"], post.values["likes"], post.values["comments"], post.values["duration_seconds"]) == (
        int(video["statistics"]["viewCount"]),
        int(video["statistics"]["likeCount"]),
        int(video["statistics"]["commentCount"]),
        25 * 60 + 42.0,  # PT25M42S
    )


def test_a_fetched_channel_is_stored_on_the_linked_profile(youtube_on, agency, monkeypatch):
    from profiles import services

    http = Recording([CHANNEL, UPLOADS, VIDEOS])
    monkeypatch.setattr(youtube, "client_for_settings", lambda http_=None, **_: youtube.build_client(http))
    profile = Profile.objects.create(organization=agency, platform="youtube", handle="mrbeast", is_linked=True)
    assert services.integration_enabled(platform="youtube")
    services.profile_fetch(profile=profile)
    profile.refresh_from_db()
    assert (profile.platform_id, profile.last_source) == ("UCX6OQ3DkcsbYNE6H8uQQuVA", "api")
    assert Post.objects.get(profile=profile).views == 902_677_990
    assert Profile.objects.filter(organization=agency).count() == 1  # not a second profile under the channel id


def test_the_daily_quota_stops_fetching_until_midnight_pacific(youtube_on):
    youtube_on.YOUTUBE_QUOTA_UNITS = 2
    noon = datetime(2026, 12, 6, 20, 0, tzinfo=UTC)  # 12:00 in Los Angeles
    quota = _quota(noon)
    http = Recording([CHANNEL, UPLOADS, VIDEOS])
    with pytest.raises(RateLimited) as stopped:
        youtube.fetch_profile(youtube.client_for_settings(http=http), "mrbeast", post_limit=12, quota=quota)
    assert len(http.uris) == 2 and quota.used() == 2  # the third request was never sent
    assert stopped.value.retry_at == datetime(2026, 12, 7, 8, 0, tzinfo=UTC)  # midnight PST
    tomorrow = _quota(datetime(2026, 12, 7, 8, 0, 1, tzinfo=UTC))
    assert tomorrow.used() == 0


def test_youtube_saying_the_quota_is_used_up_waits_for_the_reset(youtube_on):
    error = json.dumps(
        {"error": {"code": 403, "message": "quota", "errors": [{"reason": "quotaExceeded", "domain": "youtube.quota"}]}}
    )
    http = HttpMockSequence([({"status": "403"}, error)])
    quota = _quota(datetime(2026, 7, 1, 18, 0, tzinfo=UTC))
    with pytest.raises(RateLimited) as stopped:
        youtube.fetch_profile(youtube.client_for_settings(http=http), "mrbeast", post_limit=12, quota=quota)
    assert stopped.value.retry_at == datetime(2026, 7, 2, 7, 0, tzinfo=UTC)  # midnight PDT


def test_youtube_gives_no_follower_lists():
    from profiles.fetchers.errors import IntegrationDisabled

    with pytest.raises(IntegrationDisabled, match="no follower lists"):
        youtube.platform_followers_fetch(
            None, handle="mrbeast", platform_id="", state={}, wanted=10, on_batch=lambda *_: None
        )


def test_the_profiles_page_shows_todays_units(youtube_on, alice_client):
    quota = youtube.Quota("test-key")  # the backend every worker shares (Redis when it is the broker)
    quota.reset()
    quota.spend(3)
    page = alice_client.get("/profiles/").content.decode()
    assert "YouTube fetching is on" in page
    assert '<span id="youtube-quota">3 of 10,000 units used today</span>' in page
