"""X fetches replayed from recorded API v2 responses through tweepy's real Client (responses)."""

from __future__ import annotations

import json
import time

import pytest
import responses

from config.jobs import JobStatus
from profiles import services
from profiles.fetchers import twitter
from profiles.fetchers.errors import PrivateProfile, RateLimited
from profiles.fetchers.ratelimit import DatabaseBackend
from profiles.models import FetchJob, FetchKind, FollowerCursor, Post, Profile, Relation
from profiles.tasks import fetch_job
from tests.conftest import end_platform_pauses

pytestmark = pytest.mark.django_db

API = "https://api.twitter.com/2"


@pytest.fixture(autouse=True)
def x_on(settings):
    settings.X_BEARER_TOKEN = "recorded-test-token"


@pytest.fixture
def recorded(data_dir):
    return lambda name: (data_dir / "x" / name).read_text()


def _link(alice, agency, handle="nasa") -> tuple[Profile, FetchJob]:
    profile, _ = services.profile_link(user=alice, organization=agency, reference=f"https://x.com/{handle}")
    return profile, FetchJob.objects.get(profile=profile)


def _json(rsps, url: str, body: str, status: int = 200, headers: dict[str, str] | None = None) -> None:
    rsps.get(url, body=body, status=status, content_type="application/json", headers=headers or {})


def test_fetching_an_x_profile_stores_metrics_and_recent_posts(alice, agency, recorded):
    profile, job = _link(alice, agency)
    with responses.RequestsMock() as rsps:
        _json(rsps, f"{API}/users/by/username/nasa", recorded("user_nasa.json"))
        _json(rsps, f"{API}/users/11348282/tweets", recorded("tweets_nasa.json"))
        fetch_job.delay(job.pk)
        assert (
            "public_metrics" in rsps.calls[1].request.url
            and "Bearer recorded-test-token" in rsps.calls[0].request.headers["Authorization"]
        )
    job.refresh_from_db()
    profile.refresh_from_db()
    assert job.status == JobStatus.DONE, job.error
    assert (profile.followers_count, profile.following_count, profile.posts_count) == (84500000, 178, 72500)
    assert profile.platform_id == "11348282" and profile.extra["listed_count"] == 101000
    artemis = profile.posts.get(platform_id="1860000000000000001")
    assert artemis.likes == 12500 and artemis.comments == 420 and artemis.views == 1200000
    assert artemis.hashtags == ["artemis"] and artemis.mentions == ["nasaartemis"]
    assert Relation.objects.filter(source=profile, target__handle="esa", kind="replies").exists()
    assert profile.snapshots.count() == 1


def test_a_429_waits_until_x_reset_then_succeeds(alice, agency, recorded, alice_client):
    profile, job = _link(alice, agency)
    reset = int(time.time()) + 600
    with responses.RequestsMock() as rsps:
        _json(
            rsps,
            f"{API}/users/by/username/nasa",
            recorded("too_many_requests.json"),
            status=429,
            headers={"x-rate-limit-limit": "300", "x-rate-limit-remaining": "0", "x-rate-limit-reset": str(reset)},
        )
        fetch_job.delay(job.pk)
    job.refresh_from_db()
    assert job.status == JobStatus.WAITING and int(job.waiting_until.timestamp()) == reset
    page = alice_client.get(f"/profiles/{profile.pk}/").content.decode()
    assert f"waiting for the platform's rate limit until {job.waiting_until:%H:%M}" in page

    end_platform_pauses()  # X's window has reset
    with responses.RequestsMock() as rsps:
        _json(rsps, f"{API}/users/by/username/nasa", recorded("user_nasa.json"))
        _json(rsps, f"{API}/users/11348282/tweets", recorded("tweets_nasa.json"))
        fetch_job.delay(job.pk)
    job.refresh_from_db()
    assert job.status == JobStatus.DONE and Profile.objects.get(pk=profile.pk).posts.count() == 2


def test_exhausted_rate_limit_headers_pause_the_next_request_without_calling_x():
    backend = DatabaseBackend()
    client = twitter.LimitedClient("recorded-test-token", backend=backend)
    reset = int(time.time()) + 900
    with responses.RequestsMock() as rsps:
        rsps.get(
            f"{API}/users/by/username/nasa",
            json={"data": {"id": "1", "username": "nasa", "name": "NASA"}},
            headers={"x-rate-limit-remaining": "0", "x-rate-limit-reset": str(reset)},
        )
        client.get_user(username="nasa")
        with pytest.raises(RateLimited) as excinfo:
            client.get_user(username="nasa")
        assert len(rsps.calls) == 1
    assert int(excinfo.value.retry_at.timestamp()) == reset


def test_bad_token_fails_the_job_with_a_readable_reason(alice, agency, recorded):
    _, job = _link(alice, agency)
    with responses.RequestsMock() as rsps:
        _json(rsps, f"{API}/users/by/username/nasa", recorded("unauthorized.json"), status=401)
        fetch_job.delay(job.pk)
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and "X_BEARER_TOKEN" in job.error


def test_unknown_account_fails_the_job_saying_so(alice, agency, recorded):
    _, job = _link(alice, agency, handle="ghost_acct_zz")
    with responses.RequestsMock() as rsps:
        _json(rsps, f"{API}/users/by/username/ghost_acct_zz", recorded("user_not_found.json"))
        fetch_job.delay(job.pk)
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and "no account @ghost_acct_zz" in job.error


def test_protected_account_keeps_metrics_and_skips_posts(alice, agency, recorded):
    profile, job = _link(alice, agency, handle="locked_jane")
    with responses.RequestsMock() as rsps:
        _json(rsps, f"{API}/users/by/username/locked_jane", recorded("user_protected.json"))
        fetch_job.delay(job.pk)
    job.refresh_from_db()
    profile.refresh_from_db()
    assert job.status == JobStatus.DONE and job.result["private"] is True
    assert profile.is_private and profile.followers_count == 150 and profile.posts.count() == 0


def test_follower_pages_resume_from_the_saved_pagination_token(alice, agency, recorded):
    profile, _ = _link(alice, agency)
    Profile.objects.filter(pk=profile.pk).update(platform_id="11348282")
    profile.refresh_from_db()
    with responses.RequestsMock() as rsps:
        _json(rsps, f"{API}/users/11348282/followers", recorded("followers_page1.json"))
        _json(
            rsps,
            f"{API}/users/11348282/followers",
            recorded("too_many_requests.json"),
            status=429,
            headers={"x-rate-limit-reset": str(int(time.time()) + 900)},
        )
        with pytest.raises(RateLimited):
            services.followers_fetch(profile=profile, limit=10)
    cursor = FollowerCursor.objects.get(profile=profile)
    assert cursor.fetched == 2 and cursor.state["next_token"].startswith("7140")
    end_platform_pauses()
    with responses.RequestsMock() as rsps:
        _json(rsps, f"{API}/users/11348282/followers", recorded("followers_page2.json"))
        assert services.followers_fetch(profile=profile, limit=10) == 3
        assert "pagination_token=7140" in rsps.calls[0].request.url
    followers = Profile.objects.filter(outgoing_relations__target=profile, outgoing_relations__kind="follows")
    assert {p.handle for p in followers} == {"star_gazer", "a83920174920", "rocket_rita"}
    empty = followers.get(handle="a83920174920")
    assert (empty.followers_count, empty.following_count, empty.has_default_avatar) == (0, 2100, True)


def test_followers_of_a_protected_account_are_refused(alice, agency, recorded):
    profile, _ = _link(alice, agency, handle="locked_jane")
    Profile.objects.filter(pk=profile.pk).update(platform_id="4000001")
    profile.refresh_from_db()
    with responses.RequestsMock() as rsps:
        _json(
            rsps,
            f"{API}/users/4000001/followers",
            '{"errors": [{"title": "Authorization Error", "detail": "Sorry, you are not authorized to see the '
            'user with id: [4000001].", "type": "https://api.twitter.com/2/problems/not-authorized-for-resource"}]}',
        )
        with pytest.raises(PrivateProfile):
            services.followers_fetch(profile=profile, limit=10)


def test_follower_job_kind_is_routed_to_the_fetch_queue():
    from config.celery import app

    assert app.amqp.router.route({}, "profiles.tasks.fetch_job")["queue"].name == "fetch"
    assert FetchKind.FOLLOWERS == "followers"


def test_a_429_on_one_handle_pauses_username_lookups_for_every_handle(alice, agency, recorded):
    """X limits users/by/username per endpoint, not per handle: after @nasa's 429, @esa's lookup waits too
    (without a call to X: no URL for it is registered, so a call would fail the job)."""
    _, nasa_job = _link(alice, agency)
    reset = int(time.time()) + 600
    with responses.RequestsMock() as rsps:
        _json(
            rsps,
            f"{API}/users/by/username/nasa",
            recorded("too_many_requests.json"),
            status=429,
            headers={"x-rate-limit-limit": "300", "x-rate-limit-remaining": "0", "x-rate-limit-reset": str(reset)},
        )
        fetch_job.delay(nasa_job.pk)
    _, esa_job = _link(alice, agency, handle="esa")
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        fetch_job.delay(esa_job.pk)
        assert len(rsps.calls) == 0
    esa_job.refresh_from_db()
    # Redis formats its clock to 14 significant digits in Lua: the wait comes back within a millisecond of X's reset.
    assert esa_job.status == JobStatus.WAITING
    assert esa_job.waiting_until.timestamp() == pytest.approx(reset, abs=0.01)


def test_fetched_retweets_are_reposts_of_the_original_author(alice, agency, data_dir):
    """A real twarc2 page of GET /2/users/:id/tweets (tests/data/real/twarc2/two_tweets.jsonl) replayed as the
    fetch's answer: the retweet becomes a retweets relation, not a post of the fetched account."""
    page = json.loads((data_dir.parent / "real" / "twarc2" / "two_tweets.jsonl").read_text().splitlines()[0])
    page.pop("__twarc")
    retweet = page["data"][0]
    author = next(u for u in page["includes"]["users"] if u["id"] == retweet["author_id"])
    profile, job = _link(alice, agency, handle=author["username"].lower())
    with responses.RequestsMock() as rsps:
        _json(rsps, f"{API}/users/by/username/{author['username'].lower()}", json.dumps({"data": author}))
        _json(rsps, f"{API}/users/{author['id']}/tweets", json.dumps(page))
        fetch_job.delay(job.pk)
        assert "referenced_tweets.id.author_id" in rsps.calls[1].request.url.replace("%2C", ",").replace("%2E", ".")
    job.refresh_from_db()
    assert job.status == JobStatus.DONE, job.error
    assert not profile.posts.exists()
    assert Relation.objects.filter(source=profile, target__handle="bibaigna96", kind="retweets").exists()
    original = page["includes"]["tweets"][0]
    assert Post.objects.get(platform_id=original["id"]).profile.handle == "bibaigna96"


def test_an_unexpected_error_fails_the_fetch_job_with_the_error_named(alice, agency, monkeypatch):
    _, job = _link(alice, agency)

    def broken(**kwargs):  # noqa: ANN003
        raise KeyError("public_metrics")

    monkeypatch.setattr(services, "fetch_job_run", broken)
    with pytest.raises(KeyError):  # re-raised, so the worker logs the traceback
        fetch_job.apply(args=[job.pk])
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and "KeyError" in job.error and "public_metrics" in job.error
