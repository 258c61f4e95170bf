"""The platforms' own data exports, which a creator can hand over without any scraping: files that do not name their
account are imported with --owner (and refused clearly without it), follower lists with --followers-of."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.core.management import CommandError

from profiles.models import Post, Profile, Relation, RelationKind

pytestmark = pytest.mark.django_db

REAL = Path(__file__).resolve().parent.parent / "data" / "real"
IG_POSTS = REAL / "instagram-export" / "yummyhopper-2024" / "your_instagram_activity" / "content" / "posts_1.json"
IG_FOLLOWERS = REAL / "instagram-export" / "nonfollowers-2024" / "connections" / "followers_and_following"
X_DATA = REAL / "x-archive" / "andreruffert-2022" / "data"


def test_instagram_export_posts_land_on_the_owner_with_metas_mojibake_repaired(run_import, agency):
    run_import(IG_POSTS, "--owner", "@yummyhopper", "--platform", "instagram")
    posts = {post.platform_id: post for post in Post.objects.filter(profile__handle="yummyhopper")}
    exported = json.loads(IG_POSTS.read_text())
    assert len(posts) == len(exported) == 4
    taxi = next(post for post in posts.values() if post.caption.startswith("Un Taxi"))
    assert taxi.caption == "Un Taxi \U0001f1e8\U0001f1f4"  # the file writes each UTF-8 byte as a character
    assert taxi.media_type == "carousel" and taxi.likes is None  # the export carries no likes
    again = run_import(IG_POSTS, "--owner", "@yummyhopper", "--platform", "instagram")
    assert (again["created"], again["updated"]) == (0, 0)  # the ids come from the media file names: no doubles


def test_an_owner_needs_its_platform_and_a_valid_handle(run_import, agency):
    with pytest.raises(CommandError, match="Choose the platform of the export's owner"):
        run_import(IG_POSTS, "--owner", "@yummyhopper")
    with pytest.raises(CommandError, match="not a valid Instagram handle"):
        run_import(IG_POSTS, "--owner", "@not valid", "--platform", "instagram")
    assert not Profile.objects.filter(organization=agency).exists()


def test_instagram_export_followers_need_whose_followers_they_are(run_import, agency):
    owner = Profile.objects.create(organization=agency, platform="instagram", handle="lampros", is_linked=True)
    followers = json.loads((IG_FOLLOWERS / "followers_1.json").read_text())
    run_import(IG_FOLLOWERS / "followers_1.json", "--followers-of", "@lampros")
    stored = set(
        Relation.objects.filter(target=owner, kind=RelationKind.FOLLOWS).values_list("source__handle", flat=True)
    )
    assert stored == {entry["string_list_data"][0]["value"] for entry in followers}


def test_x_tweets_without_their_account_file_take_the_owner_given(run_import, agency):
    run_import(X_DATA / "tweets.js", "--owner", "@andreruffert", "--platform", "x")
    assert Post.objects.filter(profile__handle="andreruffert").count() > 0
    assert Relation.objects.filter(kind=RelationKind.RETWEETS, source__handle="andreruffert").exists()


def test_x_archive_owner_disagreeing_with_its_account_file_is_refused(run_import, agency):
    with pytest.raises(CommandError, match="the export's own account file names @andreruffert"):
        run_import(X_DATA, "--owner", "@someoneelse", "--platform", "x")
    assert not Profile.objects.filter(organization=agency).exists()


def test_an_x_archive_is_never_run_only_read(run_import, agency, tmp_path):
    """A .js file that is not `window.YTD.<name>.partN = [JSON]` is refused, whatever code it holds."""
    hostile = tmp_path / "tweets.js"
    hostile.write_text('window.YTD.tweets.part0 = (function(){ require("child_process") })()')
    with pytest.raises(CommandError, match="is not valid JSON after its window.YTD prefix"):
        run_import(hostile)


def test_the_upload_form_asks_whose_export_it_is(
    alice_client, agency, settings, tmp_path, django_capture_on_commit_callbacks
):
    from profiles.models import ImportJob

    settings.MEDIA_ROOT = str(tmp_path)
    page = alice_client.get("/profiles/").content.decode()
    assert 'name="owner"' in page and 'name="owner_platform"' in page
    with open(IG_POSTS, "rb") as upload, django_capture_on_commit_callbacks(execute=True):
        alice_client.post("/profiles/import/", {"file": upload, "format": "auto"})
    failed = ImportJob.objects.get()
    assert failed.status == "failed" and "give --owner @handle" in failed.error  # and nothing was stored
    assert not Post.objects.filter(profile__organization=agency).exists()
    with open(IG_POSTS, "rb") as upload, django_capture_on_commit_callbacks(execute=True):
        alice_client.post(
            "/profiles/import/",
            {"file": upload, "format": "auto", "owner": "@yummyhopper", "owner_platform": "instagram", "link": "on"},
        )
    done = ImportJob.objects.exclude(pk=failed.pk).get()
    assert done.status == "done", done.error
    owner = Profile.objects.get(organization=agency, platform="instagram", handle="yummyhopper")
    assert owner.is_linked and owner.posts.count() == 4
