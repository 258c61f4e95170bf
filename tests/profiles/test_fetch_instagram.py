"""Instagram fetches replayed from recorded HTTP responses through the real instaloader code (responses)."""

from __future__ import annotations

import json
from urllib.parse import parse_qs

import pytest
import responses
from cryptography.fernet import Fernet

from config.jobs import JobStatus
from profiles import services
from profiles.fetchers.errors import LoginRequired, RateLimited
from profiles.models import FetchJob, FetchKind, FollowerCursor, InstagramSession, Profile, Relation
from profiles.tasks import fetch_job
from tests.conftest import end_platform_pauses
from tests.factories import ProfileFactory

pytestmark = pytest.mark.django_db

IG = "https://www.instagram.com"


@pytest.fixture(autouse=True)
def instagram_on(settings):
    settings.INSTAGRAM_SESSION_KEY = Fernet.generate_key().decode()
    settings.PROFILES_RECENT_POSTS = 12


@pytest.fixture
def recorded(data_dir):
    base = data_dir / "instagram"

    def text(name: str) -> str:
        return (base / name).read_text()

    return text


def _time_passes() -> None:
    """The platform's pause is over (the shared limiter's stored pause ends)."""
    end_platform_pauses()


def _register_anonymous_profile(rsps, recorded, *, page_status: int = 200) -> None:
    if page_status == 200:
        rsps.get(f"{IG}/natgeo/", body=recorded("profile_page_natgeo.html"), content_type="text/html")
    else:
        rsps.get(f"{IG}/natgeo/", status=page_status, body="")
    rsps.get(
        f"{IG}/",
        body=recorded("start_page.html"),
        content_type="text/html",
        headers={"Set-Cookie": "csrftoken=recordedcsrf; Path=/; Domain=.instagram.com"},
    )

    def media(request):
        variables = json.loads(parse_qs(request.body)["variables"][0])
        return 200, {"Content-Type": "application/json"}, recorded(f"media_{variables['shortcode']}.json")

    rsps.add_callback(responses.POST, f"{IG}/api/graphql", callback=media)


def _link(alice, agency, handle="natgeo") -> Profile:
    profile, _ = services.profile_link(
        user=alice, organization=agency, reference=f"https://www.instagram.com/{handle}/"
    )
    return profile


def test_fetching_a_public_profile_stores_counts_posts_and_a_snapshot(alice, agency, recorded):
    profile = _link(alice, agency)
    job = FetchJob.objects.get(profile=profile, kind=FetchKind.PROFILE)  # queued by linking
    with responses.RequestsMock() as rsps:
        _register_anonymous_profile(rsps, recorded)
        fetch_job.delay(job.pk)
    job.refresh_from_db()
    assert job.status == JobStatus.DONE, job.error
    profile.refresh_from_db()
    assert (profile.followers_count, profile.following_count, profile.posts_count) == (281000000, 178, 31000)
    assert profile.platform_id == "787132" and profile.is_verified and profile.last_source == "api"
    assert profile.business_category == "Media/news company" and profile.last_fetched_at is not None
    leopard = profile.posts.get(shortcode="DAbcd000001")
    assert leopard.likes == 845000 and leopard.comments == 3100 and leopard.hashtags == ["wildlife", "bigcats"]
    assert leopard.tagged_accounts == ["prasenjeetyadav"] and leopard.image_description.startswith("Photo by")
    assert profile.posts.get(shortcode="DAbcd000002").media_type == "video"
    assert profile.snapshots.count() == 1 and profile.snapshots.get().source == "api"
    assert Relation.objects.filter(source=profile, target__handle="prasenjeetyadav", kind="tags").exists()


def test_a_429_parks_the_job_as_waiting_then_the_retry_succeeds(alice, agency, alice_client, recorded):
    profile = _link(alice, agency)
    job = FetchJob.objects.get(profile=profile, kind=FetchKind.PROFILE)  # queued by linking
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        _register_anonymous_profile(rsps, recorded, page_status=429)
        fetch_job.delay(job.pk)
    job.refresh_from_db()
    assert job.status == JobStatus.WAITING and job.waiting_until is not None
    page = alice_client.get("/profiles/").content.decode()
    assert f"waiting for the platform's rate limit until {job.waiting_until:%H:%M}" in page
    # Another worker honours the same pause instead of hitting Instagram again.
    other = FetchJob.objects.create(
        organization=agency, profile=ProfileFactory(organization=agency, handle="x2"), kind=FetchKind.PROFILE
    )
    with responses.RequestsMock(assert_all_requests_are_fired=False):
        fetch_job.delay(other.pk)
    assert FetchJob.objects.get(pk=other.pk).status == JobStatus.WAITING

    _time_passes()
    with responses.RequestsMock() as rsps:
        _register_anonymous_profile(rsps, recorded)
        fetch_job.delay(job.pk)
    job.refresh_from_db()
    assert job.status == JobStatus.DONE and job.waiting_until is None
    assert Profile.objects.get(pk=profile.pk).posts.count() == 2


def test_login_redirect_fails_the_job_with_a_readable_reason(alice, agency, recorded):
    profile = _link(alice, agency)
    job = FetchJob.objects.get(profile=profile, kind=FetchKind.PROFILE)  # queued by linking
    with responses.RequestsMock() as rsps:
        rsps.get(
            f"{IG}/natgeo/", status=302, headers={"Location": "https://www.instagram.com/accounts/login/?next=/natgeo/"}
        )
        fetch_job.delay(job.pk)
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert "requires a logged-in session" in job.error


def test_unknown_profile_fails_the_job_saying_so(alice, agency):
    profile = _link(alice, agency, handle="no.such.user.zz")
    job = FetchJob.objects.get(profile=profile, kind=FetchKind.PROFILE)  # queued by linking
    with responses.RequestsMock() as rsps:
        rsps.get(f"{IG}/no.such.user.zz/", status=404, body="")
        fetch_job.delay(job.pk)
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and "no profile @no.such.user.zz" in job.error


def test_private_profile_keeps_counts_and_skips_posts(alice, agency, recorded, alice_client):
    profile = _link(alice, agency, handle="quiet.account")
    job = FetchJob.objects.get(profile=profile, kind=FetchKind.PROFILE)  # queued by linking
    with responses.RequestsMock() as rsps:
        rsps.get(f"{IG}/quiet.account/", body=recorded("profile_page_private.html"), content_type="text/html")
        fetch_job.delay(job.pk)
    job.refresh_from_db()
    profile.refresh_from_db()
    assert job.status == JobStatus.DONE and job.result["private"] is True
    assert profile.is_private and profile.followers_count == 312 and profile.posts.count() == 0
    assert "The account is private" in alice_client.get("/profiles/").content.decode()


# --- follower samples (logged-in session) ----------------------------------------------------------------------


@pytest.fixture
def agency_session(alice, agency):
    services.instagram_session_save(
        user=alice, organization=agency, username="agency_scout", sessionid="4242%3AabcDEF%3A12"
    )
    return InstagramSession.objects.get(organization=agency)


def _register_followers(rsps, recorded, *, fail_details_of: set[str] = frozenset()) -> dict[str, int]:
    calls = {"page1": 0, "page2": 0}
    infos = json.loads(recorded("user_info_by_id.json"))
    failed_once: set[str] = set()
    rsps.get(f"{IG}/natgeo/", body=recorded("profile_page_natgeo.html"), content_type="text/html")

    def user_info(request):
        user_id = json.loads(parse_qs(request.body)["variables"][0])["id"]
        if user_id in fail_details_of and user_id not in failed_once:
            failed_once.add(user_id)
            return (
                429,
                {"Content-Type": "application/json"},
                json.dumps({"message": "Please wait a few minutes before you try again.", "status": "fail"}),
            )
        return 200, {"Content-Type": "application/json"}, json.dumps(infos[user_id])

    def follower_page(request):
        variables = json.loads(request.params["variables"])
        page = "page2" if variables.get("after") == "QVFCcursor1" else "page1"
        calls[page] += 1
        return 200, {"Content-Type": "application/json"}, recorded(f"followers_{page}.json")

    rsps.add_callback(responses.POST, f"{IG}/graphql/query", callback=user_info)
    rsps.add_callback(responses.GET, f"{IG}/graphql/query", callback=follower_page)
    return calls


def test_session_is_encrypted_at_rest(agency_session):
    assert "4242" not in agency_session.encrypted_cookies and "sessionid" not in agency_session.encrypted_cookies


def test_follower_sample_stores_followers_with_counts_and_follows_relations(alice, agency, recorded, agency_session):
    profile = _link(alice, agency)
    progress: list[tuple[int, int]] = []
    with responses.RequestsMock() as rsps:
        calls = _register_followers(rsps, recorded)
        count = services.followers_fetch(profile=profile, limit=5, on_progress=lambda d, t: progress.append((d, t)))
    assert count == 5 and progress[-1] == (5, 5)
    followers = Profile.objects.filter(outgoing_relations__target=profile, outgoing_relations__kind="follows")
    assert followers.count() == 5
    suspicious = followers.get(handle="user83920174")
    assert (suspicious.followers_count, suspicious.following_count, suspicious.posts_count) == (0, 7450, 0)
    assert followers.get(handle="river.walker").bio == "hiking + coffee"
    assert calls == {"page1": 1, "page2": 1}


def test_follower_sample_resumes_after_a_rate_limit_without_repeating_or_duplicating(
    alice, agency, recorded, agency_session
):
    profile = _link(alice, agency)
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        calls = _register_followers(rsps, recorded, fail_details_of={"9104"})
        with pytest.raises(RateLimited) as excinfo:
            services.followers_fetch(profile=profile, limit=5)
        assert excinfo.value.retry_at is not None
        cursor = FollowerCursor.objects.get(profile=profile)
        assert cursor.fetched == 3 and cursor.state["kind"] == "instaloader" and not cursor.finished
        assert Relation.objects.filter(target=profile, kind="follows").count() == 3

        _time_passes()
        assert services.followers_fetch(profile=profile, limit=5) == 5
    assert calls["page1"] == 1  # the first page was not fetched again: the frozen iterator resumed
    handles = set(Relation.objects.filter(target=profile, kind="follows").values_list("source__handle", flat=True))
    assert handles == {"river.walker", "user83920174", "mia_paints", "greg.travels", "shop_deals_4u"}


def test_follower_job_shows_waiting_then_finishes(alice, agency, recorded, agency_session):
    profile = _link(alice, agency)
    job = services.fetch_job_create(user=alice, profile=profile, kind=FetchKind.FOLLOWERS, follower_limit=4)
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        _register_followers(rsps, recorded, fail_details_of={"9102"})
        fetch_job.delay(job.pk)
        job.refresh_from_db()
        assert job.status == JobStatus.WAITING and job.progress_done == 1
        _time_passes()
        fetch_job.delay(job.pk)
    job.refresh_from_db()
    assert job.status == JobStatus.DONE and job.result == {"followers": 4} and job.progress_percent == 100


def test_followers_need_a_session(alice, agency):
    profile = _link(alice, agency)
    with pytest.raises(LoginRequired, match="logged-in session"):
        services.followers_fetch(profile=profile, limit=10)


def test_fetching_is_refused_plainly_when_instagram_is_off(alice, agency, settings):
    settings.INSTAGRAM_SESSION_KEY = ""
    profile = ProfileFactory(organization=agency, handle="natgeo")
    with pytest.raises(services.IntegrationDisabled, match="INSTAGRAM_SESSION_KEY"):
        services.fetch_job_create(user=alice, profile=profile)
