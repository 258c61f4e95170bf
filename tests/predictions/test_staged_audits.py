"""Staged Instagram follower audits: the follower-list model judges what it can from the list page, only the
unsure followers cost a profile request. Replayed through the real instaloader code (recorded responses in
tests/data/profiles/instagram, the same recordings as tests/profiles/test_fetch_instagram.py)."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path
from urllib.parse import parse_qs

import numpy as np
import pytest
import responses
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.urls import reverse

from config.jobs import JobStatus
from ml import authenticity
from ml.services import register_shipped_artifacts
from predictions.audits import selectors
from predictions.audits.models import FollowerAudit, FollowerAuditResult
from profiles import services as profile_services
from profiles.models import Profile

pytestmark = pytest.mark.django_db

IG = "https://www.instagram.com"
RECORDED = Path(__file__).resolve().parent.parent / "data" / "profiles" / "instagram"
KAGGLE = Path(__file__).resolve().parents[2] / "ml" / "datasets" / "kaggle-insta-fake" / "train.csv"
# Instagram's real anonymous-picture URL (the picture every account without one shows).
ANONYMOUS_PICTURE = (
    "https://scontent-mxp1-2.cdninstagram.com/v/t51.2885-19/44884218_345707102882519_"
    "2446069589734326272_n.jpg?_nc_ht=scontent-mxp1-2.cdninstagram.com&ig_cache_key="
    "YW5vbnltb3VzX3Byb2ZpbGVfcGlj.2"
)
OWNER_ID = "787132"  # natgeo: instaloader looks the audited profile up once, whatever the stage


def _page(name: str) -> dict:
    """A recorded follower-list page; on page 1, @user83920174 shows no picture and no name, as a bare fake
    account's list entry does (the only edit to the recording)."""
    page = json.loads((RECORDED / f"followers_{name}.json").read_text())
    for edge in page["data"]["user"]["edge_followed_by"]["edges"]:
        if edge["node"]["username"] == "user83920174":
            edge["node"].update(profile_pic_url=ANONYMOUS_PICTURE, full_name="")
    return page


@pytest.fixture
def instagram_audit(alice, agency, settings):
    settings.INSTAGRAM_SESSION_KEY = Fernet.generate_key().decode()
    settings.PROFILES_RECENT_POSTS = 12
    register_shipped_artifacts()
    profile_services.instagram_session_save(
        user=alice, organization=agency, username="agency_scout", sessionid="4242%3AabcDEF%3A12"
    )
    profile = Profile.objects.create(
        organization=agency, platform="instagram", handle="natgeo", is_linked=True, followers_count=281_000_000
    )
    return FollowerAudit.objects.create(
        organization=agency, profile=profile, requested_by=alice, sample_size=5, fetch_followers=True
    )


def _replay_followers(rsps) -> dict[str, list[str]]:
    """Both recorded follower-list pages and each follower's recorded profile; returns who was fetched."""
    infos = json.loads((RECORDED / "user_info_by_id.json").read_text())
    calls: dict[str, list[str]] = {"pages": [], "profiles": []}
    rsps.get(f"{IG}/natgeo/", body=(RECORDED / "profile_page_natgeo.html").read_text(), content_type="text/html")

    def user_info(request):
        user_id = json.loads(parse_qs(request.body)["variables"][0])["id"]
        if user_id != OWNER_ID:
            calls["profiles"].append(user_id)
        return 200, {"Content-Type": "application/json"}, json.dumps(infos[user_id])

    def follower_page(request):
        page = "page2" if json.loads(request.params["variables"]).get("after") == "QVFCcursor1" else "page1"
        calls["pages"].append(page)
        return 200, {"Content-Type": "application/json"}, json.dumps(_page(page))

    rsps.add_callback(responses.POST, f"{IG}/graphql/query", callback=user_info)
    rsps.add_callback(responses.GET, f"{IG}/graphql/query", callback=follower_page)
    return calls


def _list_verdicts() -> dict[str, bool]:
    """Which recorded followers the shipped list model judges from their list entry alone."""
    from profiles.importers.parsers import Ctx, ig_profile

    _, model = authenticity.active_model("instagram")
    judged = authenticity.list_judge(model)
    verdicts = {}
    for page in ("page1", "page2"):
        for edge in _page(page)["data"]["user"]["edge_followed_by"]["edges"]:
            record = ig_profile(edge["node"], Ctx("test"))
            verdicts[record.handle] = judged(record)
    return verdicts


def test_a_staged_audit_fetches_only_the_followers_the_list_model_is_unsure_about(alice, instagram_audit):
    from predictions.audits.tasks import audit_run

    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        calls = _replay_followers(rsps)
        audit_run.apply(args=[instagram_audit.pk])
    instagram_audit.refresh_from_db()
    assert instagram_audit.status == JobStatus.DONE, instagram_audit.error
    verdicts = _list_verdicts()
    sampled = set(FollowerAuditResult.objects.filter(audit=instagram_audit).values_list("follower__handle", flat=True))
    assert len(sampled) == 5
    from_list = {handle for handle in sampled if verdicts[handle]}
    # One profile request per follower the list model was unsure about, none for the others.
    assert len(calls["profiles"]) == 5 - len(from_list)
    stored = {p.handle: p for p in Profile.objects.filter(handle__in=sampled)}
    for handle in sampled:
        assert (stored[handle].followers_count is None) == (handle in from_list)
    stages = selectors.audit_stages(audit=instagram_audit)
    assert stages["from_list"] == len(from_list) and stages["fetched"] == 5 - len(from_list)
    assert instagram_audit.classified_count == 5


def test_the_list_model_judges_some_recorded_followers_and_fetches_others():
    """The test above would pass vacuously if every follower were fetched; the replayed pages hold both kinds."""
    register_shipped_artifacts()
    verdicts = _list_verdicts()
    assert any(verdicts.values()) and not all(verdicts.values())


def test_the_audit_page_shows_list_and_fetched_counts_and_time_left(
    alice_client, charlie_client, alice, instagram_audit
):
    from predictions.audits.tasks import audit_run

    FollowerAudit.objects.filter(pk=instagram_audit.pk).update(
        status=JobStatus.RUNNING, progress_done=0, progress_total=1000
    )
    page = alice_client.get(reverse("predictions:audit_progress", args=[instagram_audit.pk])).content.decode()
    assert "Judged from the follower list alone" in page and "left under Instagram" in page
    assert charlie_client.get(reverse("predictions:audit_progress", args=[instagram_audit.pk])).status_code == 404
    assert charlie_client.get(reverse("predictions:audit_detail", args=[instagram_audit.pk])).status_code == 404
    FollowerAudit.objects.filter(pk=instagram_audit.pk).update(status=JobStatus.PENDING, progress_total=0)
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        _replay_followers(rsps)
        audit_run.apply(args=[instagram_audit.pk])
    page = alice_client.get(reverse("predictions:audit_detail", args=[instagram_audit.pk])).content.decode()
    stages = selectors.audit_stages(audit=instagram_audit)
    assert f"Judged from the follower list alone: <strong>{stages['from_list']}</strong>" in page
    assert f"fetched in full: <strong>{stages['fetched']}</strong>" in page
    assert "left under Instagram" not in page  # finished: nothing left to fetch


def test_time_left_counts_list_pages_and_the_expected_profile_requests(instagram_audit, settings):
    settings.PROFILES_RATE_LIMITS = {**settings.PROFILES_RATE_LIMITS, "instagram": (150, 660.0)}
    FollowerAudit.objects.filter(pk=instagram_audit.pk).update(
        status=JobStatus.RUNNING, progress_done=0, progress_total=1000
    )
    instagram_audit.refresh_from_db()
    stages = selectors.audit_stages(audit=instagram_audit)
    share = authenticity.active_model("instagram")[0].metrics["staged"]["fetched_share_validation"]
    expected = 20 + int(np.ceil(1000 * share))  # 20 list pages of 50, plus the share expected to need a profile
    assert stages["requests_left"] == expected
    assert stages["seconds_left"] == round(expected * 660 / 150)


def test_evaluate_staged_adds_the_fetched_share():
    register_shipped_artifacts()
    out = StringIO()
    call_command(
        "evaluate_model", "account-authenticity", "--format", "kaggle-insta", str(KAGGLE), "--staged", stdout=out
    )
    result = json.loads(out.getvalue().strip().splitlines()[-1])
    assert 0 < result["fetched_share"] < 1
    assert result["n"] == 576 and abs(result["accuracy"] - result["staged_accuracy"] - result["accuracy_drop"]) < 1e-9
    plain = StringIO()
    call_command("evaluate_model", "account-authenticity", "--format", "kaggle-insta", str(KAGGLE), stdout=plain)
    assert json.loads(plain.getvalue().strip().splitlines()[-1])["accuracy"] == result["accuracy"]


def test_staged_evaluation_is_refused_for_x():
    from django.core.management.base import CommandError

    register_shipped_artifacts()
    cresci = Path(__file__).resolve().parents[2] / "ml" / "datasets" / "twitter-cresci-rtbust-2019"
    with pytest.raises(CommandError, match="Instagram"):
        call_command(
            "evaluate_model",
            "account-authenticity",
            "--format",
            "twitter-v1",
            str(cresci / "cresci-rtbust-2019_tweets.json"),
            "--labels",
            str(cresci / "cresci-rtbust-2019.tsv"),
            "--staged",
            stdout=StringIO(),
        )


def test_a_default_instagram_picture_url_counts_as_no_picture():
    anonymous = (
        "https://scontent.cdninstagram.com/v/t51.2885-19/44884218_345707102882519_2446069589734326272_n.jpg"
        "?ig_cache_key=YW5vbnltb3VzX3Byb2ZpbGVfcGlj.2"
    )
    assert authenticity.has_profile_pic({"platform": "instagram", "avatar_url": anonymous}) == 0.0
    assert authenticity.has_profile_pic({"platform": "instagram", "avatar_url": "https://x/river.jpg"}) == 1.0
    assert authenticity.has_profile_pic({"platform": "instagram", "avatar_url": None}) is None
