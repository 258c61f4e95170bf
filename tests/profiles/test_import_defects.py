"""One test (or more) for each defect of issue 11 "Real-world data read right", each on real files where one shows
the defect (tests/data/real/, origins in its ORIGINS.md) or on the smallest change of one that does."""

from __future__ import annotations

import json
import lzma
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import CommandError
from django.utils import timezone

from config.csvsafe import csv_safe
from config.jobs import JobStatus
from profiles.importers import parse_file, parse_files
from profiles.models import ImportJob, Post, Profile, Relation, RelationKind

pytestmark = pytest.mark.django_db

REAL = Path(__file__).resolve().parent.parent / "data" / "real"


def _write(tmp_path: Path, name: str, value: object) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(value))
    return path


def _rejected(run_import, *paths: Path) -> str:
    with pytest.raises(CommandError) as excinfo:
        run_import(*paths)
    return str(excinfo.value)


# 1. Like counts -------------------------------------------------------------------------------------------------


def test_instagram_likes_are_the_displayed_count_and_the_smaller_liked_by_figure_is_kept_in_extra(run_import, tmp_path):
    edges = json.loads((REAL / "instagram-web/timeline_edges_2022.json").read_text())
    node = edges[0]["node"]
    shown = node["edge_media_preview_like"]["count"]
    node["edge_liked_by"]["count"] = shown // 3  # what a 2025 web_profile_info answer does for some posts
    run_import(_write(tmp_path, "edges.json", edges))
    post = Post.objects.get(platform_id=node["id"])
    assert post.likes == shown
    assert post.extra["liked_by_count"] == shown // 3


# 2. gallery-dl reels and videos ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "marker",
    [
        {"type": "reel"},
        {"type": "video"},
        {"extension": "mp4"},
        {"subcategory": "reel"},
        {"video_url": "https://scontent.cdninstagram.com/v.mp4"},
    ],
)
def test_gallery_dl_reels_and_videos_are_stored_as_videos(marker, run_import, data_dir, tmp_path):
    item = json.loads((data_dir / "gallery_dl_instagram.json").read_text())
    item.update({"count": 1, "type": "image", "extension": "jpg", **marker})
    run_import(_write(tmp_path, "reel.json", item))
    assert Post.objects.get(platform_id=item["post_id"]).media_type == "video"


# 3. Retweets / reposts ------------------------------------------------------------------------------------------


def test_v1_retweets_are_reposts_not_the_retweeters_posts(run_import, agency):
    retweets = json.loads((REAL / "tweepy/v1_statuses_retweets.json").read_text())
    result = run_import(REAL / "tweepy/v1_statuses_retweets.json")
    original = retweets[0]["retweeted_status"]
    assert result["reposts"] == len(retweets)
    for retweet in retweets:
        retweeter = retweet["user"]["screen_name"].lower()
        assert not Post.objects.filter(profile__handle=retweeter).exists()
        assert (
            Relation.objects.get(source__handle=retweeter, kind=RelationKind.RETWEETS).target.handle
            == original["user"]["screen_name"].lower()
        )
    stored = Post.objects.get(platform_id=original["id_str"])  # the original, with its own full text and likes
    assert (stored.profile.handle, stored.likes, stored.caption) == (
        original["user"]["screen_name"].lower(),
        original["favorite_count"],
        original["text"],
    )
    assert "…" not in stored.caption


def test_v2_and_twarc_retweets_are_reposts_and_quotes_and_replies_stay_own_posts(run_import, agency):
    run_import(*(REAL / "twarc2" / name for name in ("flat_first8.jsonl", "quoted_edit.jsonl", "one_tweet_flat.jsonl")))
    flat = [json.loads(line) for line in (REAL / "twarc2/flat_first8.jsonl").read_text().splitlines() if line]
    retweets = [t for t in flat if any(r["type"] == "retweeted" for r in t.get("referenced_tweets", []))]
    assert retweets, "the real twarc file holds retweets"
    for tweet in retweets:
        assert not Post.objects.filter(platform_id=tweet["id"]).exists()
        assert Relation.objects.filter(
            source__handle=tweet["author"]["username"].lower(), kind=RelationKind.RETWEETS
        ).exists()
    for tweet in flat:
        if tweet not in retweets:
            assert Post.objects.get(platform_id=tweet["id"]).likes == tweet["public_metrics"]["like_count"]
    quote = json.loads((REAL / "twarc2/quoted_edit.jsonl").read_text())["data"]
    quote = quote[0] if isinstance(quote, list) else quote
    assert Post.objects.get(platform_id=quote["id"]).extra["quoted_post_id"]
    reply = json.loads((REAL / "twarc2/one_tweet_flat.jsonl").read_text())
    post = Post.objects.get(platform_id=reply["id"])
    assert post.profile.handle == "bergisjules"
    assert Relation.objects.filter(
        source=post.profile, target__handle="dorothyjberry", kind=RelationKind.REPLIES
    ).exists()


def test_reposts_do_not_count_in_engagement_frequency_or_top_posts(run_import, agency):
    from profiles.selectors import profile_stats

    timeline = json.loads((REAL / "tweepy/v1_search_tweets.json").read_text())["statuses"]
    run_import(REAL / "tweepy/v1_search_tweets.json")
    for tweet in timeline:
        profile = Profile.objects.get(handle=tweet["user"]["screen_name"].lower())
        stats = profile_stats(profile=profile)
        own = [t for t in timeline if t["user"]["id_str"] == tweet["user"]["id_str"] and "retweeted_status" not in t]
        assert (
            stats.engagement_posts
            == len(own)
            + Post.objects.filter(profile=profile).exclude(platform_id__in=[t["id_str"] for t in own]).count()
        )
        assert all(post.platform_id != tweet["id_str"] for post in stats.top_posts) or "retweeted_status" not in tweet


# 4. Older and newer Instagram shapes ------------------------------------------------------------------------------


def test_2017_a1_profile_is_stored_with_its_followers_and_posts(run_import):
    user = json.loads((REAL / "instagram-web/a1_profile_2017.json").read_text())["user"]
    run_import(REAL / "instagram-web/a1_profile_2017.json")
    profile = Profile.objects.get(handle=user["username"])
    assert (profile.followers_count, profile.following_count, profile.posts_count) == (
        user["followed_by"]["count"],
        user["follows"]["count"],
        user["media"]["count"],
    )
    assert profile.posts.count() == len(user["media"]["nodes"]) > 0
    node = user["media"]["nodes"][0]
    assert profile.posts.get(platform_id=node["id"]).likes == node["likes"]["count"]


def test_post_page_and_mobile_feed_are_read_with_their_owner(run_import):
    page = json.loads((REAL / "instagram-web/post_page_2018.json").read_text())["graphql"]["shortcode_media"]
    feed = json.loads((REAL / "instagram-mobile/feed_items_2024.json").read_text())["data"]
    run_import(REAL / "instagram-web/post_page_2018.json", REAL / "instagram-mobile/feed_items_2024.json")
    assert Post.objects.get(shortcode=page["shortcode"]).profile.handle == page["owner"]["username"]
    reel = feed["items"][0]
    stored = Post.objects.get(shortcode=reel["code"])
    assert (stored.media_type, stored.likes, stored.views, stored.profile.handle) == (
        "video",
        reel["like_count"],
        reel["play_count"],
        reel["user"]["username"],
    )
    assert stored.url == f"https://www.instagram.com/reel/{reel['code']}/"


def test_a_file_of_no_known_shape_is_refused_saying_what_it_holds(run_import, tmp_path):
    message = _rejected(run_import, _write(tmp_path, "story.json", {"reel": {"items": []}, "status": "ok"}))
    assert "story.json" in message and "keys reel, status" in message and "IMPORT_FORMATS.md" in message


# 5. v1.1 search, v2 user lists, twarc --flatten --------------------------------------------------------------------


def test_v1_search_tweets_and_academictwitter_user_lists_are_detected_and_read(run_import):
    from profiles.importers.parsers import detect_format

    users = REAL / "academictwitter/commtwitter/users_1399765322509557763.json"
    assert detect_format(REAL / "tweepy/v1_search_tweets.json", "s.json") == "twitter-v1"
    assert detect_format(users, users.name) == "twitter-v2"
    assert detect_format(REAL / "twarc2/flat_first8.jsonl", "f.jsonl") == "twitter-v2"
    result = run_import(REAL / "tweepy/v1_search_tweets.json", users)
    assert result["profiles"] > 0 and result["posts"] > 0


def test_academictwitter_tweets_are_read_with_their_users_file_from_the_folder(run_import):
    tweets = json.loads((REAL / "academictwitter/commtwitter/data_1399765322509557763.json").read_text())
    run_import(REAL / "academictwitter/commtwitter")
    own = [t for t in tweets if not any(r["type"] == "retweeted" for r in t.get("referenced_tweets", []))]
    for tweet in own:
        assert Post.objects.get(platform_id=tweet["id"]).profile.platform_id == tweet["author_id"]
    assert Relation.objects.filter(kind=RelationKind.RETWEETS).count() > 0


# 6. Profile fields ----------------------------------------------------------------------------------------------


def test_business_category_none_is_empty_and_category_name_is_used(run_import, data_dir, tmp_path):
    base = json.loads((data_dir / "natgeo_528817151.json").read_text())
    base["node"].update({"business_category_name": "None", "category_name": "Media/news company"})
    run_import(_write(tmp_path, "natgeo.json", base))
    assert Profile.objects.get(handle=base["node"]["username"]).business_category == "Media/news company"
    base["node"].update({"business_category_name": "None", "category_name": None})
    run_import(_write(tmp_path, "natgeo2.json", base))
    assert Profile.objects.get(handle=base["node"]["username"]).business_category != "None"


def test_fetched_instagram_profiles_keep_their_post_count():
    import instaloader

    from profiles.fetchers.instagram import profile_node
    from profiles.importers.parsers import Ctx, ig_profile

    node = {
        "id": "528817151",
        "username": "natgeo",
        "edge_followed_by": {"count": 10},
        "edge_follow": {"count": 2},
        "edge_owner_to_timeline_media": {"count": 31000, "edges": []},
    }
    profile = instaloader.Profile(instaloader.InstaloaderContext(quiet=True), node)
    assert "edge_owner_to_timeline_media" not in profile._asdict()  # the upstream quirk
    assert ig_profile(profile_node(profile), Ctx("api")).values["posts_count"] == 31000


# 7. Bad values --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("count", "expected"), [(-5, "must not be negative"), (2**64, "out of range"), ("1e400", "expected a number")]
)
def test_counts_out_of_range_are_refused_naming_the_field(count, expected, run_import, data_dir, tmp_path):
    base = json.loads((data_dir / "natgeo_528817151.json").read_text())
    base["node"]["edge_followed_by"] = {"count": count}
    message = _rejected(run_import, _write(tmp_path, "bad.json", base))
    assert "bad.json" in message and "node.edge_followed_by" in message and expected in message
    assert not Profile.objects.exists()


@pytest.mark.parametrize("handle", ["😀😀", "nat\u200bgeo", "@@natgeo", '=HYPERLINK("http://x")', "a" * 31, ".natgeo"])
def test_instagram_handles_are_validated(handle, run_import, data_dir, tmp_path):
    base = json.loads((data_dir / "natgeo_528817151.json").read_text())
    base["node"]["username"] = handle
    message = _rejected(run_import, _write(tmp_path, "bad.json", base))
    assert "node.username" in message and "not a valid Instagram handle" in message


@pytest.mark.parametrize("handle", ["nasa.gov", "a" * 16, "@@nasa", "ñasa"])
def test_x_handles_are_validated(handle, run_import, tmp_path):
    user = json.loads((REAL / "tweepy/v1_users_lookup.json").read_text())[0]
    user["screen_name"] = handle
    message = _rejected(run_import, _write(tmp_path, "users.json", [user]))
    assert "record 1, field 'screen_name'" in message and "not a valid X handle" in message


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1", "'+1"),
        ("-2", "'-2"),
        ("@cmd", "'@cmd"),
        ("Nat Geo", "Nat Geo"),
        (12, 12),
    ],
)
def test_export_cells_that_start_a_formula_are_neutralised(value, expected):
    assert csv_safe(value) == expected


def test_graph_csv_exports_neutralise_formula_labels():
    from network.engine.io import write_graph
    from network.engine.table import EdgeTable

    table = EdgeTable(
        keys=["=cmd|' /C calc'!A0", "natgeo"], src=[0], dst=[1], weight=[1.0], names=["@SUM(1+1)", "Nat Geo"]
    )
    edges = write_graph(table, fmt="csv").decode()
    nodes = write_graph(table, fmt="nodes-csv", node_columns={"pagerank": [0.5, 0.5]}).decode()
    assert "\n'=cmd|' /C calc'!A0,natgeo,1\n" in edges.replace("\r", "")
    assert "'@SUM(1+1)" in nodes and "\n=" not in nodes.replace("\r", "") and "\n@" not in nodes


# 8. Bad files ---------------------------------------------------------------------------------------------------


def test_a_truncated_json_xz_is_refused_clearly(run_import, data_dir, tmp_path):
    whole = lzma.compress(json.dumps(json.loads((data_dir / "natgeo_528817151.json").read_text())).encode())
    cut = tmp_path / "natgeo_528817151.json.xz"
    cut.write_bytes(whole[: len(whole) // 2])
    message = _rejected(run_import, cut)
    assert "natgeo_528817151.json.xz" in message and "truncated" in message


def test_one_account_id_under_two_handles_is_refused_naming_both_records(run_import, tmp_path):
    users = json.loads((REAL / "tweepy/v1_users_lookup.json").read_text())
    renamed = {**users[0], "screen_name": "renamed_account"}
    message = _rejected(run_import, _write(tmp_path, "users.json", [users[0], renamed]))
    assert users[0]["id_str"] in message and "users.json:1" in message and "users.json:2" in message
    assert "renamed" in message


def test_a_rename_clashing_with_a_stored_account_is_refused_naming_the_record(run_import, tmp_path):
    users = json.loads((REAL / "tweepy/v1_users_lookup.json").read_text())
    run_import(_write(tmp_path, "first.json", users))
    swapped = [{**users[0], "screen_name": users[1]["screen_name"]}]
    message = _rejected(run_import, _write(tmp_path, "swapped.json", swapped))
    assert "swapped.json:1" in message and users[0]["id_str"] in message


def test_a_gallery_dl_folder_with_other_json_imports_the_metadata_and_names_what_it_skipped(
    run_import, data_dir, tmp_path, capsys
):
    folder = tmp_path / "gallery-dl" / "instagram" / "natgeo"
    folder.mkdir(parents=True)
    (folder / "C3xyzXYZabc_1.jpg.json").write_text((data_dir / "gallery_dl_instagram.json").read_text())
    (folder / "config.json").write_text(json.dumps({"extractor": {"instagram": {"videos": True}}}))
    result = run_import(tmp_path / "gallery-dl")
    assert result["posts"] == 1
    assert result["skipped"] == [
        "config.json (is not a file SocialLens can import: it holds a JSON object with the "
        "keys extractor. Accepted: " + result["skipped"][0].split("Accepted: ")[1]
    ]
    message = _rejected(run_import, folder / "config.json")  # given alone, it is refused
    assert "config.json" in message and "keys extractor" in message


@pytest.mark.parametrize("broken", ['{"node": {"username": "natgeo"', '[{"id": 1}, ', "{}{}"])
def test_broken_json_is_refused_with_file_and_position(broken, run_import, tmp_path):
    path = tmp_path / "broken.json"
    path.write_text(broken)
    assert "broken.json" in _rejected(run_import, path)


def test_an_unexpected_structure_is_an_application_error_not_a_traceback(tmp_path):
    from config.errors import ApplicationError

    path = _write(
        tmp_path,
        "odd.json",
        {
            "node": {"username": "natgeo", "edge_media_to_tagged_user": 5, "id": "1", "owner": {"username": "natgeo"}},
            "instaloader": {"node_type": "Post"},
        },
    )
    with pytest.raises(ApplicationError) as excinfo:
        parse_files([path])
    assert "odd.json" in excinfo.value.message


# 9. X rate-limit scope ------------------------------------------------------------------------------------------


def test_x_rate_limit_scope_is_the_endpoint_not_the_handle():
    from profiles.fetchers.twitter import LimitedClient, endpoint_scope

    assert (
        endpoint_scope("/2/users/by/username/nasa")
        == endpoint_scope("/2/users/by/username/NatGeo")
        == "/2/users/by/username/:username"
    )
    assert endpoint_scope("/2/users/783214/tweets?max_results=5") == "/2/users/:id/tweets"
    client = LimitedClient("token")
    assert client.limiter("/2/users/by/username/nasa") is client.limiter("/2/users/by/username/natgeo")


# Jobs: failure reasons, attempts, progress before writing -------------------------------------------------------


def _job(agency, alice, tmp_path, settings, name: str, content: bytes) -> ImportJob:
    from django.core.files.base import ContentFile

    settings.MEDIA_ROOT = str(tmp_path)
    job = ImportJob(organization=agency, created_by=alice, original_name=name, format="auto", result={"link": True})
    job.file.save(name, ContentFile(content), save=False)
    job.save()
    return job


def test_an_unexpected_error_fails_the_job_with_a_readable_reason(agency, alice, tmp_path, settings, monkeypatch):
    from profiles import services
    from profiles.tasks import import_file

    job = _job(agency, alice, tmp_path, settings, "users.json", (REAL / "tweepy/v1_users_lookup.json").read_bytes())

    def explode(**kwargs):  # noqa: ANN003
        raise OverflowError("Python int too large to convert to SQLite INTEGER")

    monkeypatch.setattr(services, "import_records", explode)
    with pytest.raises(OverflowError):
        import_file.apply(args=[job.pk], throw=True)
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and "OverflowError" in job.error and "Nothing was written" in job.error


def test_a_job_whose_worker_keeps_dying_is_failed_after_three_attempts(agency, alice, tmp_path, settings):
    job = _job(agency, alice, tmp_path, settings, "users.json", b"[]")
    stale = timezone.now() - ImportJob.stale_after - timedelta(minutes=1)
    for attempt in (1, 2, 3):
        assert ImportJob.claim(job.pk)
        ImportJob.objects.filter(pk=job.pk).update(heartbeat_at=stale)  # the worker died mid-import
        assert ImportJob.objects.get(pk=job.pk).attempts == attempt
    assert not ImportJob.claim(job.pk)
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and "Gave up after 3 attempts" in job.error


def test_import_progress_is_reported_while_parsing_before_anything_is_written(
    agency, alice, tmp_path, settings, monkeypatch
):
    from profiles import services

    job = _job(agency, alice, tmp_path, settings, "flat.jsonl", (REAL / "twarc2/flat_first8.jsonl").read_bytes())
    seen: list[tuple[int, int, int]] = []
    original = ImportJob.report_progress

    def spy(pk, *, done, total=None):  # noqa: ANN001
        seen.append((done, total or 0, Profile.objects.count()))
        original(pk, done=done, total=total)

    monkeypatch.setattr(ImportJob, "report_progress", spy)
    ImportJob.claim(job.pk)
    services.import_job_run(job_id=job.pk)
    job.refresh_from_db()
    assert job.status == JobStatus.DONE, job.error
    assert len(seen) >= 2 and all(rows == 0 for _, _, rows in seen)  # reported during parsing, before writing
    assert seen[-1][0] < seen[-1][1] and job.progress_done == job.progress_total
    assert job.result["writing"]["posts"] > 0


def test_parse_file_keeps_the_uploaded_name_in_messages(tmp_path):
    path = _write(tmp_path, "tmp123.json", {"node": {}, "instaloader": {"node_type": "StoryItem"}})
    with pytest.raises(Exception) as excinfo:  # noqa: PT011
        parse_file(path, name="my-story.json")
    assert "my-story.json" in str(excinfo.value) and "story item" in str(excinfo.value)


# Shapes and refusals named in IMPORT_FORMATS.md ------------------------------------------------------------------


def test_gallery_dl_twitter_retweets_are_reposts_by_the_timeline_owner(run_import, data_dir, tmp_path):
    tweet = json.loads((data_dir / "gallery_dl_twitter.json").read_text())[0]
    tweet.update({"retweet_id": int(tweet["tweet_id"]) + 1, "user": {"id": "99", "name": "space_fan", "nick": "Fan"}})
    run_import(_write(tmp_path, "rt.json", tweet))
    author = tweet["author"]["name"].lower()
    assert Post.objects.get(platform_id=str(tweet["tweet_id"])).profile.handle == author
    assert not Post.objects.filter(profile__handle="space_fan").exists()
    assert Relation.objects.filter(
        source__handle="space_fan", target__handle=author, kind=RelationKind.RETWEETS
    ).exists()


def test_v1_text_cut_at_140_characters_is_marked_and_extended_text_preferred(run_import, tmp_path):
    tweet = json.loads((REAL / "tweepy/v1_statuses_show.json").read_text())
    cut = {**tweet, "id_str": "1", "id": 1, "truncated": True, "text": tweet["text"][:20] + "…"}
    extended = {
        **tweet,
        "id_str": "2",
        "id": 2,
        "truncated": True,
        "text": "cut…",
        "extended_tweet": {"full_text": "the whole text #long"},
    }
    run_import(_write(tmp_path, "tweets.json", [cut, extended]))
    assert Post.objects.get(platform_id="1").extra["text_truncated"] is True
    whole = Post.objects.get(platform_id="2")
    assert (whole.caption, whole.hashtags, "text_truncated" in whole.extra) == ("the whole text #long", ["long"], False)


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        ({"errors": [{"detail": "Could not find user with username: [nobody]."}]}, "Could not find user"),
        (
            {"data": [{"end": "2021-06-02T00:00:00.000Z", "start": "2021-06-01T00:00:00.000Z", "tweet_count": 7}]},
            "tweet counts",
        ),
        ({"node": {"id": "1"}, "instaloader": {"node_type": "Highlight"}}, "story highlight"),
        ({"category": "reddit", "subcategory": "submission", "id": "x"}, "unsupported gallery-dl category 'reddit'"),
    ],
)
def test_files_with_nothing_to_import_are_refused_saying_why(document, expected, run_import, tmp_path):
    name = "response.json"
    if "errors" in document:
        document = {**document, "data": []}
    message = _rejected(run_import, _write(tmp_path, name, document))
    assert name in message and expected in message


def test_xdt_post_page_and_edges_wrappers_are_read(run_import, tmp_path):
    node = json.loads((REAL / "instagram-web/timeline_edges_2022.json").read_text())[0]["node"]
    run_import(_write(tmp_path, "xdt.json", {"data": {"xdt_shortcode_media": node}}))
    assert Post.objects.get(shortcode=node["shortcode"]).profile.handle == node["owner"]["username"]
    edges = json.loads((REAL / "instagram-web/timeline_edges_2022.json").read_text())[1:]
    page = {"data": {"user": {"edge_owner_to_timeline_media": {"count": 512, "edges": edges}}}, "status": "ok"}
    run_import(_write(tmp_path, "timeline_page.json", page))  # the profile timeline query's answer
    for edge in edges:
        assert (
            Post.objects.get(platform_id=edge["node"]["id"]).likes == edge["node"]["edge_media_preview_like"]["count"]
        )


def test_older_instaloader_posts_naming_their_owner_by_id_only_are_read_with_the_profile_file(
    run_import, data_dir, tmp_path
):
    post = json.loads(lzma.open(data_dir / "2024-02-03_22-40-00_UTC.json.xz").read())
    post["node"]["owner"] = {"id": post["node"]["owner"]["id"]}  # what instaloader saved from 2018-era timelines
    folder = tmp_path / "natgeo"
    folder.mkdir()
    with lzma.open(folder / "2024-02-03_22-40-00_UTC.json.xz", "wt") as handle:
        json.dump(post, handle)
    alone = _rejected(run_import, folder / "2024-02-03_22-40-00_UTC.json.xz")
    assert "node.owner.username" in alone and "account id 528817151" in alone
    (folder / "natgeo_528817151.json").write_text((data_dir / "natgeo_528817151.json").read_text())
    run_import(folder)
    assert Post.objects.get(platform_id=post["node"]["id"]).profile.handle == "natgeo"


def test_story_and_comment_files_in_a_download_folder_are_skipped_and_named(run_import, data_dir, tmp_path):
    folder = tmp_path / "downloads"
    folder.mkdir()
    post = json.loads((data_dir / "gallery_dl_instagram.json").read_text())
    (folder / "post.jpg.json").write_text(json.dumps(post))
    (folder / "story.jpg.json").write_text(json.dumps({**post, "subcategory": "stories", "post_id": "9"}))
    (folder / "2024-02-03_22-40-00_UTC_comments.json").write_text(
        json.dumps(
            [
                {
                    "id": "1",
                    "created_at": 1707000000,
                    "text": "wow",
                    "owner": {"username": "fan"},
                    "likes_count": 2,
                    "answers": [],
                }
            ]
        )
    )
    result = run_import(folder)
    assert result["posts"] == 1 and not Post.objects.filter(platform_id="9").exists()
    skipped = " ".join(result["skipped"])
    assert "story.jpg.json (is a gallery-dl stories item" in skipped and "instaloader comments" in skipped
    assert "stories expire" in _rejected(run_import, folder / "story.jpg.json")


def test_instaloader_iphone_struct_counts_fill_what_the_web_node_lacks(run_import, data_dir, tmp_path):
    profile = json.loads((data_dir / "natgeo_528817151.json").read_text())
    profile["node"].pop("edge_owner_to_timeline_media", None)  # Profile._asdict() drops it
    profile["node"]["iphone_struct"] = {"media_count": 31000, "follower_count": 1}
    run_import(_write(tmp_path, "natgeo_528817151.json", profile))
    stored = Profile.objects.get(handle="natgeo")
    assert stored.posts_count == 31000
    assert stored.followers_count == profile["node"]["edge_followed_by"]["count"]  # the web node's figure wins


def test_imported_retweets_are_influence_edges_of_a_built_graph(
    run_import, alice, agency, django_capture_on_commit_callbacks
):
    from network import services as network_services
    from network.models import GraphSnapshot

    run_import(REAL / "tweepy/v1_statuses_retweets.json")
    with django_capture_on_commit_callbacks(execute=True):
        graph = network_services.graph_build_start(
            user=alice, organization=agency, name="Retweets", edge_kinds=["retweets"]
        )
    graph = GraphSnapshot.objects.get(pk=graph.pk)
    retweets = json.loads((REAL / "tweepy/v1_statuses_retweets.json").read_text())
    assert graph.status == JobStatus.DONE, graph.error
    assert graph.edge_count == len({r["user"]["id_str"] for r in retweets})
