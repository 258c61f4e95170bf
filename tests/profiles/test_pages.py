from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from profiles.models import ImportJob, Profile
from tests.factories import PostFactory, ProfileFactory, SnapshotFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def creator(agency):
    profile = ProfileFactory(
        organization=agency,
        handle="chef.maria",
        followers_count=10000,
        last_fetched_at=timezone.now(),
        last_source="import:profiles.csv",
    )
    now = timezone.now()
    for day, followers in enumerate([9000, 9500, 10000]):
        SnapshotFactory(profile=profile, taken_at=now - timedelta(days=10 - day), followers_count=followers)
    for index in range(14):  # two weeks, one post a day; only the latest 12 count for engagement
        PostFactory(
            profile=profile,
            taken_at=now - timedelta(days=index),
            likes=100 * (index + 1),
            comments=10,
            caption=f"post {index}",
        )
    return profile


def test_profile_list_shows_linked_profiles_forms_and_integration_status(alice_client, creator):
    page = alice_client.get("/profiles/").content.decode()
    assert "@chef.maria" in page and 'id="link-form"' in page and 'id="import-form"' in page
    # An agency user is told what to do; the server's setting names are for staff only.
    assert "Instagram fetching is off on this server: import files instead" in page
    assert "X fetching is off on this server: import files instead" in page
    assert "INSTAGRAM_SESSION_KEY" not in page and "X_BEARER_TOKEN" not in page
    assert "profiles.csv" in page


def test_staff_are_told_which_setting_turns_fetching_on(alice, alice_client, creator):
    alice.is_staff = True
    alice.save(update_fields=["is_staff"])
    page = alice_client.get("/profiles/").content.decode()
    assert "Staff: set INSTAGRAM_SESSION_KEY" in page and "Staff: set X_BEARER_TOKEN" in page
    detail = alice_client.get(f"/profiles/{creator.pk}/").content.decode()
    assert "fetching is off on this server" in detail and "Staff: set " in detail


def test_viewer_sees_the_list_without_the_forms(bob_client, creator):
    page = bob_client.get("/profiles/").content.decode()
    assert "@chef.maria" in page and 'id="link-form"' not in page


def test_outsider_sees_neither_list_entries_nor_detail(charlie_client, creator):
    assert "@chef.maria" not in charlie_client.get("/profiles/").content.decode()
    assert charlie_client.get(f"/profiles/{creator.pk}/").status_code == 404
    assert charlie_client.post(f"/profiles/{creator.pk}/fetch/", {"kind": "profile"}).status_code == 404
    assert charlie_client.post(f"/profiles/{creator.pk}/unlink/").status_code == 404


def test_profile_detail_shows_engagement_frequency_chart_and_top_posts(alice_client, creator):
    response = alice_client.get(f"/profiles/{creator.pk}/")
    page = response.content.decode()
    # latest 12 posts: likes 100..1200 (mean 650) + 10 comments, over 10,000 followers
    assert "6.60%" in page
    assert "7.0 / week" in page
    assert 'id="growth-chart"' in page and "[9000, 9500, 10000]" in page
    assert page.index("post 13") < page.index("post 12")  # top posts by likes
    assert "Figures imported" in page and "from profiles.csv" in page and "Old data" not in page
    assert "fetching is off on this server" in page


def test_linking_through_the_page_reports_bad_input(alice_client, agency):
    response = alice_client.post("/profiles/link/", {"reference": "https://www.facebook.com/someone"}, follow=True)
    assert "is not supported" in response.content.decode()
    response = alice_client.post("/profiles/link/", {"reference": "https://x.com/nasa"})
    profile = Profile.objects.get(organization=agency, handle="nasa")
    assert response.status_code == 302 and response.url == f"/profiles/{profile.pk}/"


def test_viewer_cannot_link_or_fetch_through_the_page(bob_client, creator):
    response = bob_client.post("/profiles/link/", {"reference": "https://x.com/nasa"}, follow=True)
    assert "does not allow this" in response.content.decode()
    assert bob_client.post(f"/profiles/{creator.pk}/fetch/", {"kind": "profile"}).status_code == 403


def test_uploading_a_file_imports_it_with_progress_recorded(
    alice_client, agency, data_dir, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = str(tmp_path)
    with open(data_dir / "ig_graphql_sample.jsonl", "rb") as upload:
        with django_capture_on_commit_callbacks(execute=True):
            response = alice_client.post(
                "/profiles/import/", {"file": upload, "format": "auto", "link": "on"}, follow=True
            )
    job = ImportJob.objects.get()
    assert job.status == "done", job.error
    assert job.progress_total > 0 and job.progress_done == job.progress_total
    assert (job.attempts, job.result["stage"]) == (1, "done")
    assert Profile.objects.filter(organization=agency, is_linked=True).count() == 3
    jobs_block = alice_client.get("/profiles/jobs/").content.decode()
    assert "ig_graphql_sample.jsonl" in jobs_block and "3 profiles" in jobs_block
    assert "Importing ig_graphql_sample.jsonl" in response.content.decode()
    assert "3 profiles" in alice_client.get("/profiles/").content.decode()
    assert Profile.objects.filter(organization=agency, last_source="import:ig_graphql_sample.jsonl").count() == 3


def test_uploading_a_bad_file_writes_nothing_and_says_where(
    alice_client, agency, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    bad = tmp_path / "broken.csv"
    bad.write_text("platform,handle,post_id,likes\ninstagram,fine,p1,1\ninstagram,worse,p2,lots\n")
    with open(bad, "rb") as upload:
        with django_capture_on_commit_callbacks(execute=True):
            alice_client.post("/profiles/import/", {"file": upload, "format": "csv"})
    page = alice_client.get("/profiles/jobs/").content.decode()
    assert "broken.csv, line 3, field &#x27;likes&#x27;" in page and "nothing was written" in page
    assert not Profile.objects.filter(organization=agency).exists()
    assert ImportJob.objects.get().status == "failed"


def test_importing_followers_of_a_linked_profile_through_the_page(
    alice_client, agency, data_dir, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = str(tmp_path)
    brand = ProfileFactory(organization=agency, platform="x", handle="brand")
    with open(data_dir / "twitter_v1_followers.json", "rb") as upload:
        with django_capture_on_commit_callbacks(execute=True):
            alice_client.post(
                "/profiles/import/", {"file": upload, "format": "auto", "followers_of": brand.pk, "link": "on"}
            )
    assert brand.incoming_relations.filter(kind="follows").count() == 3
    assert not Profile.objects.get(handle="alice_fan").is_linked


def test_charlie_cannot_import_followers_of_alices_profile(charlie_client, agency, data_dir, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    brand = ProfileFactory(organization=agency, platform="x", handle="brand")
    with open(data_dir / "twitter_v1_followers.json", "rb") as upload:
        response = charlie_client.post("/profiles/import/", {"file": upload, "followers_of": brand.pk})
    assert response.status_code == 404
    assert not brand.incoming_relations.exists()


def test_agency_instagram_session_form(alice_client, agency, settings):
    from cryptography.fernet import Fernet

    from profiles.models import InstagramSession

    settings.INSTAGRAM_SESSION_KEY = Fernet.generate_key().decode()
    alice_client.post("/profiles/instagram-session/", {"username": "@Scout", "sessionid": "77%3Axyz"})
    stored = InstagramSession.objects.get(organization=agency)
    assert stored.username == "scout" and "xyz" not in stored.encrypted_cookies
    page = alice_client.get("/profiles/").content.decode()
    assert "session @scout" in page


def test_a_finished_import_reads_as_words(alice_client, agency):
    """It read "1 profiles, 7 posts · 9 new rows … 0.644 s" with a badge stretched down the wrapped text."""
    ImportJob.objects.create(
        organization=agency,
        original_name="one.json",
        format="auto",
        status="done",
        result={"profiles": 1, "posts": 7, "created": 9, "updated": 0, "seconds": 0.644},
    )
    block = alice_client.get("/profiles/jobs/").content.decode()
    summary = block[block.index('class="job-summary"') :].split("</span>", 1)[0]
    assert "1 profile, 7 posts" in summary and "9 new, 0 updated" in summary
    assert "read and stored in 0.6 s" in summary and "0.644" not in block
    assert "align-items-start" in block and "badge flex-shrink-0" in block
