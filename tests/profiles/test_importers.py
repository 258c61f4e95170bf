from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from django.core.management import CommandError

from profiles.importers import parse_file
from profiles.models import Post, Profile, Relation, RelationKind, Snapshot
from tests.factories import ProfileFactory

pytestmark = pytest.mark.django_db


def test_instagram_graphql_dataset_lines_import_profiles_posts_and_mentions(run_import, data_dir, agency):
    result = run_import("--format", "instagram-graphql", data_dir / "ig_graphql_sample.jsonl")
    assert result["profiles"] == 3
    assert result["posts"] == Post.objects.filter(profile__organization=agency).count() > 20
    assert set(result) == {"profiles", "posts", "reposts", "created", "updated", "seconds"}
    jihoon = Profile.objects.get(organization=agency, handle="0529.jihoon.ig")
    assert (jihoon.followers_count, jihoon.following_count, jihoon.posts_count) == (1927598, 11, 19)
    assert jihoon.is_verified is True and jihoon.last_source == "import:ig_graphql_sample.jsonl"
    video = jihoon.posts.get(shortcode="BvtJqmrnyhs")
    assert video.media_type == "video" and video.views == 1027182 and video.likes == 618099
    assert video.hashtags == ["jihoonlove", "tiktok", "틱톡"]
    assert video.taken_at == datetime.fromtimestamp(1554105863, tz=UTC)
    described = jihoon.posts.get(shortcode="BvetFbGnh-z")
    assert described.image_description == "Image may contain: 1 person"
    assert jihoon.snapshots.count() == 1
    mentioning = Post.objects.filter(profile__organization=agency).exclude(mentions=[]).first()
    target = Profile.objects.get(organization=agency, handle=mentioning.mentions[0])
    assert target.is_linked is False
    assert Relation.objects.filter(source=mentioning.profile, target=target, kind=RelationKind.MENTIONS).exists()


def test_reimporting_the_same_file_creates_and_updates_nothing(run_import, data_dir, agency):
    first = run_import(data_dir / "ig_graphql_sample.jsonl")
    counts = (Profile.objects.count(), Post.objects.count(), Snapshot.objects.count(), Relation.objects.count())
    second = run_import(data_dir / "ig_graphql_sample.jsonl")
    assert first["created"] > 0
    assert (second["created"], second["updated"]) == (0, 0)
    assert counts == (Profile.objects.count(), Post.objects.count(), Snapshot.objects.count(), Relation.objects.count())


def test_reimport_with_changed_values_updates_only_the_changed_rows(run_import, data_dir, tmp_path, agency):
    lines = (data_dir / "ig_graphql_sample.jsonl").read_text().split("\n")
    run_import(data_dir / "ig_graphql_sample.jsonl")
    first = json.loads(lines[0])
    first["edge_followed_by"] += 1000
    first["posts"][0]["edge_liked_by"] += 5
    changed = tmp_path / "changed.jsonl"
    changed.write_text("\n".join([json.dumps(first), *lines[1:]]))
    result = run_import(changed)
    # one profile + one post changed; the new follower count adds one snapshot
    assert (result["updated"], result["created"]) == (2, 1)
    profile = Profile.objects.get(organization=agency, handle=first["username"])
    assert profile.followers_count == 1927598 + 1000
    assert profile.snapshots.count() == 2
    post = profile.posts.get(platform_id=first["posts"][0]["id"])
    # likes are the displayed count (edge_media_preview_like); the smaller edge_liked_by is kept beside it
    assert post.likes == first["posts"][0]["edge_media_preview_like"]
    assert post.extra["liked_by_count"] == first["posts"][0]["edge_liked_by"]


def test_malformed_file_is_rejected_whole_naming_file_line_and_field(run_import, data_dir, tmp_path):
    lines = (data_dir / "ig_graphql_sample.jsonl").read_text().split("\n")
    broken = json.loads(lines[1])
    broken["posts"][2]["edge_liked_by"] = "lots"
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n".join([lines[0], json.dumps(broken), lines[2]]))
    with pytest.raises(CommandError) as excinfo:
        run_import(data_dir / "natgeo_528817151.json", bad)
    message = str(excinfo.value)
    assert "bad.jsonl" in message and "line 2" in message and "posts[2].edge_liked_by" in message
    assert Profile.objects.count() == 0 and Post.objects.count() == 0


def test_invalid_json_line_is_reported_with_its_line_number(run_import, tmp_path):
    bad = tmp_path / "cut.jsonl"
    bad.write_text('{"username": "a", "posts": []}\n{"username": "b", "posts": [\n')
    with pytest.raises(CommandError, match=r"cut.jsonl, line 2: is not valid JSON"):
        run_import("--format", "instagram-graphql", bad)


def test_command_exits_non_zero_on_a_bad_file(tmp_path, agency, capsys, monkeypatch):
    from django.db import connections

    from profiles.management.commands.import_profiles import Command

    monkeypatch.setattr(connections, "close_all", lambda: None)  # run_from_argv closes them; the test needs its own

    bad = tmp_path / "bad.csv"
    bad.write_text("platform,handle,followers_count\ninstagram,ok_user,10\ninstagram,other,many\n")
    with pytest.raises(SystemExit) as excinfo:
        Command().run_from_argv(
            ["manage.py", "import_profiles", str(bad), "--organization", agency.slug, "--verbosity", "0"]
        )
    assert excinfo.value.code == 1
    assert "bad.csv, line 3, field 'followers_count'" in capsys.readouterr().err
    assert not Profile.objects.filter(handle="ok_user").exists()


def test_auto_detection_recognises_every_format(data_dir):
    expected = {
        "ig_graphql_sample.jsonl": "instagram-graphql",
        "natgeo_528817151.json": "instaloader",
        "2024-02-03_22-40-00_UTC.json.xz": "instaloader",
        "gallery_dl_instagram.json": "gallery-dl",
        "gallery_dl_twitter.json": "gallery-dl",
        "twitter_v1_followers.json": "twitter-v1",
        "twitter_v1_tweets.json": "twitter-v1",
        "twitter_v2_tweets.json": "twitter-v2",
        "profiles.csv": "csv",
    }
    from profiles.importers.parsers import detect_format

    for name, fmt in expected.items():
        assert detect_format(data_dir / name, name) == fmt, name


def test_instaloader_profile_and_compressed_post_files(run_import, data_dir, agency):
    result = run_import(
        "--format",
        "instaloader",
        "--link",
        data_dir / "natgeo_528817151.json",
        data_dir / "2024-02-03_22-40-00_UTC.json.xz",
    )
    assert (result["profiles"], result["posts"]) == (1, 1)
    natgeo = Profile.objects.get(organization=agency, handle="natgeo")
    assert natgeo.is_linked and natgeo.business_category == "Publishers" and natgeo.followers_count == 283000000
    post = natgeo.posts.get()
    assert post.tagged_accounts == ["paulnicklen"] and post.hashtags == ["oceans", "wildlife"]
    assert post.likes == 512345 and post.comments == 2345
    assert Relation.objects.filter(source=natgeo, target__handle="paulnicklen", kind=RelationKind.TAGS).exists()


def test_gallery_dl_metadata_for_instagram_and_twitter(run_import, data_dir, agency):
    result = run_import(data_dir / "gallery_dl_instagram.json", data_dir / "gallery_dl_twitter.json")
    assert (result["profiles"], result["posts"]) == (2, 2)
    carousel = Post.objects.get(platform_id="3300000000000000002")
    assert carousel.media_type == "carousel" and carousel.tagged_accounts == ["renan_ozturk"]
    tweet = Post.objects.get(platform_id="1750000000000000001")
    assert tweet.profile.platform == "x" and tweet.mentions == ["spacex"] and tweet.likes == 40000
    assert tweet.profile.followers_count == 84000000


def test_gallery_dl_sparse_record_does_not_blank_richer_fields(run_import, data_dir, agency):
    run_import(data_dir / "natgeo_528817151.json")
    run_import(data_dir / "gallery_dl_instagram.json")
    natgeo = Profile.objects.get(organization=agency, handle="natgeo")
    assert natgeo.followers_count == 283000000 and natgeo.bio.startswith("Experience")


def test_twitter_v1_tweets_create_reply_and_mention_relations(run_import, data_dir, agency):
    run_import(data_dir / "twitter_v1_tweets.json")
    alice_fan = Profile.objects.get(organization=agency, platform="x", handle="alice_fan")
    kinds = set(Relation.objects.filter(source=alice_fan, target__handle="carol_reads").values_list("kind", flat=True))
    assert kinds == {RelationKind.REPLIES, RelationKind.MENTIONS}
    assert alice_fan.posts.get().hashtags == ["books"]


def test_twitter_v1_users_import_as_followers_of_a_linked_profile(run_import, data_dir, agency):
    target = ProfileFactory(organization=agency, platform="x", handle="brand", is_linked=True)
    result = run_import("--followers-of", "@brand", data_dir / "twitter_v1_followers.json")
    assert result["profiles"] == 3
    followers = Profile.objects.filter(outgoing_relations__target=target, outgoing_relations__kind="follows")
    assert {p.handle for p in followers} == {"alice_fan", "bot_8812734", "carol_reads"}
    bot = followers.get(handle="bot_8812734")
    assert (bot.followers_count, bot.following_count, bot.posts_count) == (2, 4999, 0)
    assert bot.has_default_avatar is True and bot.is_linked is False
    again = run_import("--followers-of", "@brand", data_dir / "twitter_v1_followers.json")
    assert (again["created"], again["updated"]) == (0, 0)


def test_followers_of_an_unknown_handle_is_refused(run_import, data_dir):
    with pytest.raises(CommandError, match="not a linked profile"):
        run_import("--followers-of", "@nobody", data_dir / "twitter_v1_followers.json")


def test_twitter_v2_response_with_includes(run_import, data_dir, agency):
    result = run_import("--format", "twitter-v2", data_dir / "twitter_v2_tweets.json")
    assert (result["profiles"], result["posts"]) == (2, 2)
    nasa = Profile.objects.get(organization=agency, platform="x", handle="nasa")
    assert nasa.followers_count == 84000000 and nasa.extra["listed_count"] == 100000
    first = nasa.posts.get(platform_id="1760000000000000001")
    assert first.hashtags == ["jwst"] and first.mentions == ["esa"] and first.views == 900000
    reply = nasa.posts.get(platform_id="1760000000000000002")
    assert reply.media_type == "image"
    assert Relation.objects.filter(source=nasa, target__handle="esa", kind=RelationKind.REPLIES).exists()


def test_csv_with_documented_header(run_import, data_dir, agency):
    result = run_import("--link", data_dir / "profiles.csv")
    assert (result["profiles"], result["posts"]) == (2, 2)
    maria = Profile.objects.get(organization=agency, handle="chef.maria")
    assert maria.is_linked and maria.followers_count == 15000 and maria.posts.count() == 2
    assert maria.posts.get(platform_id="7001").mentions == ["nonna.rosa"]
    assert Profile.objects.get(organization=agency, platform="x", handle="maria_tweets").posts.count() == 0


def test_csv_unknown_column_is_rejected(run_import, tmp_path):
    bad = tmp_path / "odd.csv"
    bad.write_text("platform,handle,fans\ninstagram,x,1\n")
    with pytest.raises(CommandError, match=r"odd.csv, line 1, field 'fans'"):
        run_import(bad)


def test_parse_errors_name_json_array_records(tmp_path):
    bad = tmp_path / "users.json"
    bad.write_text(
        json.dumps([{"screen_name": "ok", "followers_count": 1}, {"screen_name": "x", "followers_count": "?"}])
    )
    from profiles.importers import ImportFormatError

    with pytest.raises(ImportFormatError, match=r"users.json, record 2, field 'followers_count'"):
        parse_file(bad, fmt="twitter-v1")
