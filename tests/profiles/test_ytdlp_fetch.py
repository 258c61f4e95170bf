"""TikTok and YouTube fetched without a key through the real yt-dlp, replaying recorded answers (no network).

TikTok runs yt-dlp's own TikTok extractors end to end: `responses` answers the requests yt-dlp's Requests handler
sends. The answers carry real TikTok web JSON (tests/data/real/tiktok/ORIGINS.md: the account @cnn's `userInfo` and
three of its `itemList` items, as TikTokApi saved them from the same web endpoints) in the envelopes yt-dlp reads:
the profile page's `__UNIVERSAL_DATA_FOR_REHYDRATION__` script and the `api/creator/item_list` body. No saved TikTok
page or item_list body was found in public repositories (ORIGINS.md lists the search), so the envelopes are written
here; what is inside them is real.

YouTube replays yt-dlp info dicts (the issue's other allowed replay): an extractor placed before yt-dlp's own answers
the channel tab and the video page with a real full video info dict (tests/data/real/yt-dlp/ORIGINS.md, @quviss),
fetched through yt-dlp's networking, so the limiter counts them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import responses
from yt_dlp.extractor.common import InfoExtractor

from config.jobs import JobStatus
from profiles import services
from profiles.fetchers import ytdlp
from profiles.fetchers.errors import PrivateProfile, ProfileNotFound, RateLimited
from profiles.fetchers.ratelimit import DatabaseBackend, SharedRateLimiter, limiter_for
from profiles.models import FetchJob, Post, Profile
from profiles.tasks import fetch_job

pytestmark = pytest.mark.django_db

REAL = Path(__file__).resolve().parent.parent / "data" / "real"
USER = json.loads((REAL / "tiktok" / "tiktokapi_user_info_cnn.json").read_text())
ITEMS = json.loads((REAL / "tiktok" / "tiktokapi_user_videos_cnn_first3.json").read_text())
VIDEO = json.loads((REAL / "yt-dlp" / "video_kfsKda_lNWs_2024-06.json").read_text())
ITEM_LIST = re.compile(r"https://www\.tiktok\.com/api/creator/item_list/\?.*")


def _page(scope: dict) -> str:
    """A TikTok web page as yt-dlp reads it: the app's state in its rehydration script."""
    data = json.dumps({"__DEFAULT_SCOPE__": scope})
    return (
        '<!DOCTYPE html><html><head></head><body><script id="__UNIVERSAL_DATA_FOR_REHYDRATION__" '
        f'type="application/json">{data}</script></body></html>'
    )


def _user_page(user_info: dict | None = None, status: int = 0) -> str:
    detail = {"statusCode": status}
    if user_info is not None:
        detail["userInfo"] = user_info
    return _page({"webapp.user-detail": detail})


@pytest.fixture(autouse=True)
def ytdlp_on(settings):
    settings.YTDLP_FETCHING = True
    settings.PROFILES_RATE_LIMITS = {**settings.PROFILES_RATE_LIMITS, "tiktok": (30, 60.0), "youtube": (60, 60.0)}
    for platform in ("tiktok", "youtube"):
        limiter_for(platform=platform, credential=ytdlp.CREDENTIAL).reset()


def _tiktok(rsps, *, user_info=USER["userInfo"], items=ITEMS, status=0) -> None:
    rsps.get("https://www.tiktok.com/@cnn", body=_user_page(user_info, status), content_type="text/html")
    rsps.get(ITEM_LIST, json={"itemList": items, "hasMorePrevious": False, "statusCode": 0})


def test_a_tiktok_profile_is_read_through_yt_dlps_own_extractors(agency):
    with responses.RequestsMock() as rsps:
        _tiktok(rsps)
        with ytdlp.new_ydl("tiktok", post_limit=24) as ydl:
            parsed, private = ytdlp.fetch_tiktok(ydl, "cnn", post_limit=24)
            requests = ydl.requests
        urls = [call.request.url for call in rsps.calls]
    # the profile page twice (ours for the account, yt-dlp's for the secUid), then one listing page: all limited
    assert requests == len(urls) == 3 and private is False
    assert "secUid=" + USER["userInfo"]["user"]["secUid"] in urls[2]
    assert (
        limiter_for(platform="tiktok", credential=ytdlp.CREDENTIAL).backend.count(
            limiter_for(platform="tiktok", credential=ytdlp.CREDENTIAL).key, 60
        )
        == 3
    )
    account: dict = {}  # the page's record and the listing's, as the import merges them
    for record in parsed.profiles:
        assert (record.platform, record.handle) == ("tiktok", "cnn")
        account.update(record.values)
    exact = USER["userInfo"]["statsV2"]
    # the exact counts of statsV2, not the rounded stats (9,300,000)
    assert account["followers_count"] == int(exact["followerCount"]) == 9_282_801
    assert account["posts_count"] == int(exact["videoCount"])
    assert account["platform_id"] == USER["userInfo"]["user"]["id"]
    # the listing's three items hold one video twice (saved across runs): yt-dlp keeps it once
    assert sorted(post.platform_id for post in parsed.posts) == sorted({item["id"] for item in ITEMS})
    first = next(post for post in parsed.posts if post.platform_id == ITEMS[0]["id"])
    stats = ITEMS[0]["stats"]
    assert (first.values["views"], first.values["likes"], first.values["comments"]) == (
        stats["playCount"],
        stats["diggCount"],
        stats["commentCount"],
    )
    assert (first.values["shares"], first.values["saves"]) == (stats["shareCount"], stats["collectCount"])
    assert first.values["duration_seconds"] == ITEMS[0]["video"]["duration"]
    assert int(first.values["taken_at"].timestamp()) == ITEMS[0]["createTime"]
    assert first.values["caption"] == ITEMS[0]["desc"].strip()


def test_a_tiktok_fetch_job_stores_the_account_and_its_videos(alice, agency):
    profile, _ = services.profile_link(user=alice, organization=agency, reference="https://www.tiktok.com/@cnn")
    job = FetchJob.objects.get(profile=profile)  # linking queues the fetch: yt-dlp is on
    with responses.RequestsMock() as rsps:
        _tiktok(rsps)
        fetch_job.delay(job.pk)
    job.refresh_from_db()
    profile.refresh_from_db()
    assert job.status == JobStatus.DONE, job.error
    assert (profile.followers_count, profile.last_source) == (9_282_801, "api")
    assert Post.objects.filter(profile=profile).count() == 2
    assert Post.objects.get(platform_id=ITEMS[0]["id"]).views == ITEMS[0]["stats"]["playCount"]


def test_an_entry_the_listing_gives_without_counts_is_read_from_its_own_page(agency):
    bare = {key: value for key, value in ITEMS[0].items() if key not in ("stats", "statsV2")}
    video_page = _page({"webapp.video-detail": {"statusCode": 0, "itemInfo": {"itemStruct": ITEMS[0]}}})
    with responses.RequestsMock() as rsps:
        _tiktok(rsps, items=[bare])
        rsps.get(f"https://www.tiktok.com/@cnn/video/{ITEMS[0]['id']}", body=video_page, content_type="text/html")
        with ytdlp.new_ydl("tiktok", post_limit=24) as ydl:
            parsed, _ = ytdlp.fetch_tiktok(ydl, "cnn", post_limit=24)
    (post,) = parsed.posts
    assert post.values["views"] == ITEMS[0]["stats"]["playCount"]


def test_a_private_tiktok_account_is_stored_without_asking_for_its_videos(agency):
    private = json.loads(json.dumps(USER["userInfo"]))
    private["user"]["privateAccount"] = True
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        _tiktok(rsps, user_info=private)
        with ytdlp.new_ydl("tiktok", post_limit=24) as ydl:
            parsed, is_private = ytdlp.fetch_tiktok(ydl, "cnn", post_limit=24)
        assert len(rsps.calls) == 1
    assert is_private is True and not parsed.posts and parsed.profiles[0].values["is_private"] is True


@pytest.mark.parametrize(
    ("status", "error", "words"),
    [(10202, ProfileNotFound, "has no account @cnn"), (10222, PrivateProfile, "private")],
)
def test_tiktoks_status_on_the_profile_page_is_the_reason(agency, status, error, words):
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        _tiktok(rsps, user_info=None, status=status)
        with ytdlp.new_ydl("tiktok", post_limit=24) as ydl, pytest.raises(error, match=words):
            ytdlp.fetch_tiktok(ydl, "cnn", post_limit=24)


def test_when_yt_dlps_tiktok_extractor_breaks_the_job_says_what_to_do(alice, agency):
    """TikTok serves a page yt-dlp cannot read (a verification page instead of the app's state): the job fails
    with a reason naming yt-dlp's version and the two ways on, and the profile page shows it."""
    profile, _ = services.profile_link(user=alice, organization=agency, reference="https://www.tiktok.com/@cnn")
    job = FetchJob.objects.get(profile=profile)
    challenge = "<html><head><title>Security Check</title></head><body>Please wait...</body></html>"
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        rsps.get("https://www.tiktok.com/@cnn", body=challenge, content_type="text/html")
        rsps.get("https://www.tiktok.com/embed/@cnn", body=challenge, content_type="text/html")
        fetch_job.delay(job.pk)
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert f"yt-dlp {ytdlp.YT_DLP_VERSION} could not read TikTok's answer" in job.error
    assert "update yt-dlp" in job.error and "import a file instead" in job.error
    assert not Post.objects.filter(profile=profile).exists()


def test_tiktok_saying_slow_down_pauses_the_job_until_later(agency):
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        rsps.get("https://www.tiktok.com/@cnn", status=429)
        with ytdlp.new_ydl("tiktok", post_limit=24) as ydl, pytest.raises(RateLimited):
            ytdlp.fetch_tiktok(ydl, "cnn", post_limit=24)


def test_the_shared_limiter_holds_yt_dlps_requests(agency):
    """Two requests a minute: the third waits for the window, so the fetch stops with RateLimited, third unsent."""
    limiter = SharedRateLimiter(
        "sociallens:ratelimit:test-ytdlp", limit=2, window=60.0, backend=DatabaseBackend(), max_sleep=0.0
    )
    limiter.reset()
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        _tiktok(rsps)
        with ytdlp.LimitedYoutubeDL(ytdlp.ydl_params(24), limiter=limiter) as ydl, pytest.raises(RateLimited):
            ytdlp.fetch_tiktok(ydl, "cnn", post_limit=24)
        assert len(rsps.calls) == 2


# --- YouTube through yt-dlp, replaying info dicts ------------------------------------------------------------------

CHANNEL_URL = "https://www.youtube.com/@quviss/videos"
VIDEO_URL = f"https://www.youtube.com/watch?v={VIDEO['id']}"


class ReplayIE(InfoExtractor):
    """Answers the recorded URLs with the recorded info dicts, fetched through yt-dlp's networking."""

    IE_NAME = "replay"
    _VALID_URL = r"https://www\.youtube\.com/(?:@quviss/videos|watch\?v=.+)"

    def _real_extract(self, url):
        return self._download_json(url, "replay")


def _tab() -> dict:
    """The Videos tab of @quviss as yt-dlp's youtube:tab gives it flat: the channel's fields (from the recorded
    video) and its one video as a flat entry (the tab lists views and duration, not likes or comments)."""
    return {
        "_type": "playlist",
        "extractor": "youtube:tab",
        "extractor_key": "YoutubeTab",
        "id": VIDEO["channel_id"],
        "title": f"{VIDEO['channel']} - Videos",
        "channel": VIDEO["channel"],
        "channel_id": VIDEO["channel_id"],
        "uploader_id": VIDEO["uploader_id"],
        "channel_url": VIDEO["channel_url"],
        "channel_follower_count": VIDEO["channel_follower_count"],
        "webpage_url": CHANNEL_URL,
        "entries": [
            {
                "_type": "url",
                "ie_key": "Youtube",
                "id": VIDEO["id"],
                "url": VIDEO_URL,
                "title": VIDEO["title"],
                "duration": VIDEO["duration"],
                "view_count": VIDEO["view_count"],
            }
        ],
    }


def _replaying_ydl(platform: str, *, post_limit: int) -> ytdlp.LimitedYoutubeDL:
    ydl = ytdlp.LimitedYoutubeDL(
        ytdlp.ydl_params(post_limit), limiter=limiter_for(platform=platform, credential="yt-dlp"), auto_init=False
    )
    ydl.add_info_extractor(ReplayIE())
    ydl.add_default_info_extractors()
    return ydl


def test_a_youtube_channel_is_read_through_yt_dlp_without_a_key(alice, agency, monkeypatch, settings):
    settings.YOUTUBE_API_KEY = ""
    monkeypatch.setattr(ytdlp, "new_ydl", _replaying_ydl)
    assert services.integration_enabled(platform="youtube")
    profile, _ = services.profile_link(user=alice, organization=agency, reference="https://www.youtube.com/@quviss")
    job = FetchJob.objects.get(profile=profile)
    with responses.RequestsMock() as rsps:
        rsps.get(CHANNEL_URL, json=_tab())
        rsps.get(VIDEO_URL, json=VIDEO)
        fetch_job.delay(job.pk)
        assert [call.request.url for call in rsps.calls] == [CHANNEL_URL, VIDEO_URL]  # the tab, then the video
    job.refresh_from_db()
    profile.refresh_from_db()
    assert job.status == JobStatus.DONE, job.error
    assert (profile.platform_id, profile.followers_count) == (VIDEO["channel_id"], VIDEO["channel_follower_count"])
    assert profile.extra["followers_rounded"] is True
    post = Post.objects.get(profile=profile)
    # likes, comments and the time come from the video's own page, not the tab
    assert (post.views, post.likes, post.comments) == (VIDEO["view_count"], VIDEO["like_count"], VIDEO["comment_count"])
    assert int(post.taken_at.timestamp()) == VIDEO["timestamp"] and post.duration_seconds == VIDEO["duration"]
    assert Profile.objects.filter(organization=agency).count() == 1


def test_a_youtube_video_that_cannot_be_read_keeps_what_the_tab_gave(agency, monkeypatch):
    monkeypatch.setattr(ytdlp, "new_ydl", _replaying_ydl)
    with responses.RequestsMock() as rsps:
        rsps.get(CHANNEL_URL, json=_tab())
        rsps.get(VIDEO_URL, status=404)
        with ytdlp.new_ydl("youtube", post_limit=12) as ydl:
            parsed, _ = ytdlp.fetch_youtube(ydl, "quviss", post_limit=12)
    (post,) = parsed.posts
    assert post.values["views"] == VIDEO["view_count"] and "likes" not in post.values


def test_with_a_key_youtube_uses_the_data_api_and_without_one_yt_dlp(settings):
    from profiles.platforms import platform_get

    settings.YOUTUBE_API_KEY = "key"
    assert platform_get("youtube").active_fetcher() == "profiles.fetchers.youtube"
    settings.YOUTUBE_API_KEY = ""
    assert platform_get("youtube").active_fetcher() == "profiles.fetchers.ytdlp"
    settings.YTDLP_FETCHING = False
    assert platform_get("youtube").active_fetcher() == ""
    settings.TIKTOK_RESEARCH_CLIENT_KEY = "research"
    assert platform_get("tiktok").active_fetcher() == "profiles.fetchers.tiktok_research"


def test_the_production_yt_dlp_picks_its_own_tiktok_and_youtube_extractors():
    with ytdlp.new_ydl("tiktok", post_limit=3) as ydl:
        chosen = {
            url: next(key for key, ie in ydl._ies.items() if ie.suitable(url))
            for url in (
                "https://www.tiktok.com/@cnn",
                f"https://www.tiktok.com/@cnn/video/{ITEMS[0]['id']}",
                "https://www.youtube.com/@quviss/videos",
                VIDEO_URL,
            )
        }
    assert list(chosen.values()) == ["TikTokUser", "TikTok", "YoutubeTab", "Youtube"]


def test_the_profile_page_says_how_the_platform_is_fetched(alice, agency, alice_client, settings):
    from profiles.platforms import FETCHER_LABELS, PLATFORMS

    profile = Profile.objects.create(organization=agency, platform="tiktok", handle="cnn", is_linked=True)
    page = alice_client.get(f"/profiles/{profile.pk}/").content.decode()
    assert 'id="fetch-through">Through yt-dlp on the public pages, without a key.' in page
    settings.TIKTOK_RESEARCH_CLIENT_KEY = "research"
    page = alice_client.get(f"/profiles/{profile.pk}/").content.decode()
    assert "Through TikTok&#x27;s Research API, with this server&#x27;s research project." in page
    # every fetcher a platform names has its words
    assert {module for spec in PLATFORMS.values() for _, module in spec.fetchers} <= set(FETCHER_LABELS)
