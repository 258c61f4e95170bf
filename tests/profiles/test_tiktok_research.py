"""TikTok's Research API: its answers imported (ids above 2^53 kept digit for digit; user/info with --owner) and the
fetcher replaying them through requests (`responses`), under the shared limiter.

The video/query answers are real (tests/data/real/tiktok-research/ORIGINS.md); the user/info answer is TikTok's
documentation example (no real one was found). The token answer is written here in the shape TikTok documents
(developers.tiktok.com, client access token management): {"access_token", "expires_in", "token_type"}."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import responses
from django.core.cache import cache
from django.core.management import CommandError

from config.jobs import JobStatus
from profiles import services
from profiles.fetchers import tiktok_research
from profiles.fetchers.errors import RateLimited
from profiles.fetchers.ratelimit import DatabaseBackend, SharedRateLimiter
from profiles.models import FetchJob, Post, Profile
from profiles.tasks import fetch_job

pytestmark = pytest.mark.django_db

FOLDER = Path(__file__).resolve().parent.parent / "data" / "real" / "tiktok-research"
PAGE_1 = FOLDER / "api_videos_response_page_1_of_2.json"
PAGE_2 = FOLDER / "api_videos_response_page_2_of_2.json"
ARABIC = FOLDER / "api_videos_response_unicode_with_null_bytes.json"
USER = FOLDER / "docs-examples" / "example_resp_q_user.json"
API = "https://open.tiktokapis.com/v2"
TOKEN = {"access_token": "clt.recorded-token", "expires_in": 7200, "token_type": "Bearer"}


def _raw_ids(path: Path) -> list[str]:
    """The video ids as the file writes them: digits, never through a float."""
    return re.findall(r'"id":\s*(\d+)', path.read_text(encoding="utf-8"))


def test_ids_above_2_to_the_53_are_stored_digit_for_digit(run_import, agency):
    run_import(PAGE_1)
    raw = _raw_ids(PAGE_1)
    assert len(raw) == 27 and all(int(digits) > 2**53 for digits in raw)
    stored = set(Post.objects.filter(profile__organization=agency).values_list("platform_id", flat=True))
    assert stored == set(raw)
    assert {str(float(digits)) for digits in raw}.isdisjoint(stored)  # what a float would have kept
    run_import(PAGE_2)  # the library's edited page: one id above 2^64
    assert Post.objects.filter(platform_id="73207681965695992750").exists()


def test_the_apis_nul_padding_is_removed_from_usernames(run_import, agency):
    run_import(ARABIC)
    (profile,) = Profile.objects.filter(organization=agency)
    assert profile.handle == "حموديالباشا4" and "\x00" not in profile.handle
    assert Post.objects.get(profile=profile).platform_id == _raw_ids(ARABIC)[0]


def test_a_user_info_answer_lands_on_the_owner_given(run_import, agency):
    with pytest.raises(CommandError, match="give --owner @handle --platform tiktok"):
        run_import(USER)
    run_import(USER, "--owner", "@my.nick", "--platform", "tiktok")
    data = json.loads(USER.read_text())["data"]
    profile = Profile.objects.get(organization=agency, platform="tiktok", handle="my.nick")
    assert (profile.followers_count, profile.following_count, profile.posts_count) == (
        data["follower_count"],
        data["following_count"],
        data["video_count"],
    )
    assert (profile.display_name, profile.bio, profile.extra["total_likes"]) == (
        data["display_name"],
        data["bio_description"],
        data["likes_count"],
    )


# --- the fetcher ----------------------------------------------------------------------------------------------------


@pytest.fixture
def research_on(settings):
    settings.TIKTOK_RESEARCH_CLIENT_KEY = "recorded-key"
    settings.TIKTOK_RESEARCH_CLIENT_SECRET = "recorded-secret"
    cache.clear()
    tiktok_research.client_for_settings().limiter.reset()
    return settings


def _client(**kwargs) -> tiktok_research.ResearchClient:
    return tiktok_research.ResearchClient("recorded-key", "recorded-secret", today=lambda: date(2024, 11, 18), **kwargs)


def _answer(rsps, endpoint: str, path: Path, status: int = 200) -> None:
    rsps.post(f"{API}/research/{endpoint}/", body=path.read_bytes(), status=status, content_type="application/json")


def test_a_research_fetch_follows_the_cursor_and_search_id(research_on):
    handle = "حموديالباشا4"  # whose video is on the second page only
    with responses.RequestsMock() as rsps:
        rsps.post(f"{API}/oauth/token/", json=TOKEN)
        _answer(rsps, "user/info", USER)
        _answer(rsps, "video/query", PAGE_1)
        _answer(rsps, "video/query", ARABIC)
        client = _client()
        parsed, private = tiktok_research.fetch_profile(client, handle, post_limit=1)
        calls = [call.request for call in rsps.calls]
    assert client.requests == len(calls) == 4 and private is False
    assert "grant_type=client_credentials" in calls[0].body and "client_key=recorded-key" in calls[0].body
    assert calls[1].headers["Authorization"] == "Bearer clt.recorded-token"
    assert json.loads(calls[1].body) == {"username": handle}
    first, second = json.loads(calls[2].body), json.loads(calls[3].body)
    assert first["query"] == {"and": [{"operation": "EQ", "field_name": "username", "field_values": [handle]}]}
    assert (first["start_date"], first["end_date"], first["max_count"]) == ("20241020", "20241118", 100)
    assert "cursor" not in first and (second["cursor"], second["search_id"]) == (100, "7354367454467855403")
    assert "view_count" in calls[2].url and "id%2C" in calls[2].url  # the fields asked for
    (post,) = parsed.posts
    assert (post.owner_handle, post.platform_id) == (handle, _raw_ids(ARABIC)[0])
    assert {record.handle for record in parsed.profiles} == {handle}
    assert sum(record.values.get("followers_count", 0) for record in parsed.profiles) == 232


def test_a_research_fetch_job_stores_the_account(research_on, alice, agency):
    profile, _ = services.profile_link(user=alice, organization=agency, reference="https://www.tiktok.com/@s.clovis")
    job = FetchJob.objects.get(profile=profile)
    with responses.RequestsMock() as rsps:
        rsps.post(f"{API}/oauth/token/", json=TOKEN)
        _answer(rsps, "user/info", USER)
        _answer(rsps, "video/query", PAGE_1)  # the newest 30 days: two pages
        _answer(rsps, "video/query", ARABIC)  # (responses repeats the last answer: each older window is one page)
        fetch_job.delay(job.pk)
        queries = [json.loads(call.request.body) for call in rsps.calls if "video/query" in call.request.url]
    # s.clovis has one video in them: every window of TIKTOK_RESEARCH_WINDOWS (6) is asked, newest first
    assert [(query["start_date"], query.get("cursor")) for query in queries][:3] == [
        (queries[0]["start_date"], None),
        (queries[0]["start_date"], 100),
        (queries[2]["start_date"], None),
    ]
    assert len(queries) == 7 and queries[2]["end_date"] < queries[0]["start_date"]
    job.refresh_from_db()
    profile.refresh_from_db()
    assert job.status == JobStatus.DONE, job.error
    assert (profile.followers_count, profile.last_source) == (232, "api")
    (post,) = Post.objects.filter(profile=profile)  # only its own video of the answer
    assert post.platform_id == _raw_ids(PAGE_1)[0]


def test_an_expired_token_is_asked_anew_once(research_on):
    expired = json.dumps({"data": {}, "error": {"code": "access_token_invalid", "message": "expired", "log_id": "x"}})
    with responses.RequestsMock() as rsps:
        rsps.post(f"{API}/oauth/token/", json=TOKEN)
        rsps.post(f"{API}/research/user/info/", body=expired, status=401, content_type="application/json")
        rsps.post(f"{API}/oauth/token/", json={**TOKEN, "access_token": "clt.second"})
        _answer(rsps, "user/info", USER)
        client = _client()
        body = client.call("user/info", tiktok_research.USER_FIELDS, {"username": "x"}, "account @x")
        assert rsps.calls[3].request.headers["Authorization"] == "Bearer clt.second"
    assert body["data"]["follower_count"] == 232


def test_the_daily_limit_pauses_until_midnight_utc(research_on):
    limited = json.dumps(
        {"data": {}, "error": {"code": "rate_limit_exceeded", "message": "daily quota", "log_id": "x"}}
    )
    with responses.RequestsMock() as rsps:
        rsps.post(f"{API}/oauth/token/", json=TOKEN)
        rsps.post(f"{API}/research/user/info/", body=limited, status=429, content_type="application/json")
        client = _client()
        with pytest.raises(RateLimited) as stopped:
            tiktok_research.fetch_profile(client, "s.clovis", post_limit=5)
    assert stopped.value.retry_at == datetime(2024, 11, 19, tzinfo=UTC)
    assert client.limiter.blocked_until() is not None or stopped.value.retry_at < datetime.now(UTC)


def test_the_shared_limiter_counts_every_research_request(research_on):
    limiter = SharedRateLimiter(
        "sociallens:ratelimit:test-research", limit=2, window=86400.0, backend=DatabaseBackend(), max_sleep=0.0
    )
    limiter.reset()
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        rsps.post(f"{API}/oauth/token/", json=TOKEN)
        _answer(rsps, "user/info", USER)
        _answer(rsps, "video/query", PAGE_1)
        with pytest.raises(RateLimited):
            tiktok_research.fetch_profile(_client(limiter=limiter), "s.clovis", post_limit=5)
        assert len(rsps.calls) == 2  # the token and user/info; the video query waits for the window
