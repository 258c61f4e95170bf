"""Every file of tests/data/real/ (real files made by the real tools, origins in its ORIGINS.md) is imported through
the command and the stored rows are checked against the file itself, or the file is refused with a clear message.

The expected values are read from each file here by small per-shape oracles (the JSON path each tool documents),
not from the importer, so the test fails whenever the importer reads a value wrong."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError

from profiles.models import Post, Profile, Relation, RelationKind

pytestmark = pytest.mark.django_db

REAL = Path(__file__).resolve().parent.parent / "data" / "real"

# file (relative to tests/data/real) -> format detected, or "refused: <part of the message>"
CORPUS: dict[str, str] = {
    "tweepy/v1_user_timeline.json": "twitter-v1",
    "tweepy/v1_search_tweets.json": "twitter-v1",
    "tweepy/v1_home_timeline.json": "twitter-v1",
    "tweepy/v1_followers_list.json": "twitter-v1",
    "tweepy/v1_users_lookup.json": "twitter-v1",
    "tweepy/v1_statuses_retweets.json": "twitter-v1",
    "tweepy/v1_statuses_show.json": "twitter-v1",
    "tweepy/v2_users_followers.json": "twitter-v2",
    "tweepy/v2_user_by_username.json": "twitter-v2",
    "tweepy/v2_users_tweets.json": "refused: do not say who wrote them; request them with expansions=author_id",
    "twarc2/two_tweets.jsonl": "twitter-v2",
    "twarc2/media_tweet.jsonl": "twitter-v2",
    "twarc2/mentions_tweet.jsonl": "twitter-v2",
    "twarc2/quoted_edit.jsonl": "twitter-v2",
    "twarc2/geo_tweets.jsonl": "twitter-v2",
    "twarc2/cotweet.jsonl": "twitter-v2",
    "twarc2/flat_first8.jsonl": "twitter-v2",
    "twarc2/one_tweet_flat.jsonl": "twitter-v2",
    "academictwitter/commtwitter": "twitter-v2",
    "academictwitter/commtwitter/data_1399765322509557763.json": "refused: import the tweets together with their "
    "users_ file",
    "academictwitter/commtwitter/users_1399765322509557763.json": "twitter-v2",
    "academictwitter/reuters": "twitter-v2",
    "academictwitter/reuters/data_1219780709600124929.json": "refused: import the tweets together with their "
    "users_ file",
    "academictwitter/reuters/users_1219780709600124929.json": "twitter-v2",
    "instagram-web/a1_profile_2017.json": "instagram-graphql",
    "instagram-web/a1_profile_graphql_2018.json": "instagram-graphql",
    "instagram-web/post_page_2018.json": "instagram-graphql",
    "instagram-web/timeline_edges_2022.json": "instagram-graphql",
    "instagram-mobile/feed_items_2024.json": "instagram-graphql",
    # instaloader 4.10.1 posts saved from :saved name their owner by id only; the owner's profile file is not in
    # that repository, so the import cannot know whose posts they are and says so
    "instaloader/saved_B-cWU3Xh_vl_4.10.1.json": "refused: is missing and no file of the import is the profile with "
    "account id 5760467048",
    "instaloader/saved_B5-C_GXISoF_4.10.1.json": "refused: is missing and no file of the import is the profile with "
    "account id 2106680654",
    "instaloader/tagged_4.9.3/2016-10-15_19-04-17_UTC.json": "instaloader",
    "instaloader/download_folder_4.9": "instaloader",
    "instaloader/download_folder_4.9/alyona.filatova02_14090028245.json": "instaloader",
    "instaloader/download_folder_4.9/2020-04-08_10-13-34_UTC.json": "instaloader",
    "gallery-dl/2184443642467579874.jpg.json": "gallery-dl",
    "gallery-dl/3206789773850010316.mp4.json": "gallery-dl",
    "gallery-dl/carousel_CyTnXcgNHKV": "gallery-dl",
    "gallery-dl/carousel_CyTnXcgNHKV/3212084094212272789_3212078968990881460.mp4.json": "gallery-dl",
    "gallery-dl/carousel_CyTnXcgNHKV/3212084094212272789_3212084087795081878.jpg.json": "gallery-dl",
    "gallery-dl/carousel_CyTnXcgNHKV/3212084094212272789_3212084087795105982.jpg.json": "gallery-dl",
    "gallery-dl/carousel_CyTnXcgNHKV/3212084094212272789_3212084087811953949.jpg.json": "gallery-dl",
    "gallery-dl/carousel_CyTnXcgNHKV/3212084094212272789_3212084087895699816.jpg.json": "gallery-dl",
    "gallery-dl/carousel_CyTnXcgNHKV/3212084094212272789_3212084087912410639.jpg.json": "gallery-dl",
    "gallery-dl/carousel_CyTnXcgNHKV/3212084094212272789_3212084087946063776.jpg.json": "gallery-dl",
    "gallery-dl/carousel_CyTnXcgNHKV/3212084094212272789_3212084088021643614.jpg.json": "gallery-dl",
    "yt-dlp/channel_MrBeast_2025.07.21.info.json": "yt-dlp",
    "yt-dlp/channel_MrBeast_2025.08.27.info.json": "yt-dlp",
    "yt-dlp/channel_videos_tab_Testchannel_2025.11.12.info.json": "yt-dlp",
    "yt-dlp/channel_ProjectZombie_2022-08.info.json": "yt-dlp",
    "yt-dlp/playlist_TomPetty_2021-11.info.json": "yt-dlp",
    "yt-dlp/flat_playlist_j_entries_first3_2023.03.04.json": "yt-dlp",
    "yt-dlp/video_kfsKda_lNWs_2024-06.json": "yt-dlp",
    "yt-dlp/video_-74HEDcWf_g_youtube-dl_2021-02.info.json": "yt-dlp",
    "youtube-api/channels_list_full.json": "youtube-api",
    "youtube-api/channels_list_contentDetails_only.json": "youtube-api",
    "youtube-api/channel_resource_item.json": "youtube-api",
    "youtube-api/videos_list_one_video.json": "youtube-api",
    "youtube-api/videos_list_mrbeast_2021_video.json": "youtube-api",
    # part=contentDetails only: the items name their videos but not whose they are
    "youtube-api/playlistItems_list_contentDetails_lastpage.json": "refused: do not say whose videos they are",
    # 2019, before videoOwnerChannelId: snippet.channelId is the playlist's owner, and the playlist is not an uploads
    # list, so the videos' channel is unknown
    "youtube-api/playlistItems_list_snippet_2019.json": "refused: names the playlist's owner (snippet.channelId), not "
    "the video's",
    "tiktok/tiktokapi_video_info_sofm.json": "tiktok-web",
    "tiktok/tiktokapi_v3_trending_items.json": "tiktok-web",
    "tiktok/web_api_search_general_full.json": "tiktok-web",
    "tiktok/tiktokapi_user_info_cnn.json": "tiktok-web",
    "tiktok/tiktokapi_user_videos_cnn_first3.json": "tiktok-web",
    "tiktok/user_data_tiktok_2024-12_your_activity.json": "tiktok-export",
    # TikTok Research API answers (tests/data/real/tiktok-research/ORIGINS.md): video/query bodies read; page 2 is the
    # library authors' edit of page 1 (a 20-digit id), kept exact too; the comment lists are no posts
    "tiktok-research/api_videos_response_page_1_of_2.json": "tiktok-research",
    "tiktok-research/api_videos_response_page_2_of_2.json": "tiktok-research",
    "tiktok-research/api_videos_response_unicode_with_null_bytes.json": "tiktok-research",
    "tiktok-research/api_comments_response.json": "refused: is a comment list (video/comment/list)",
    # TikTok's documentation examples, as traktok keeps them: user/info names no account (test_tiktok_research.py
    # imports it with --owner); the video example was asked without the username field
    "tiktok-research/docs-examples/example_resp_q_user.json": "refused: does not name its account (a Research API "
    "user/info answer never does): give --owner @handle --platform tiktok",
    "tiktok-research/docs-examples/example_resp_q_videos.json": "refused: is missing: ask video/query for the "
    "username field",
    "tiktok-research/docs-examples/example_resp_comments.json": "refused: is a comment list",
    # X's account archive: a data folder reads whole (account.js names the account its tweets belong to)
    "x-archive/rtiatmla-2021/data": "x-archive",
    "x-archive/rtiatmla-2021/data/account.js": "x-archive",
    "x-archive/rtiatmla-2021/data/tweet.js": "refused: does not name its account: import the archive's data folder",
    "x-archive/rtiatmla-2021/data/profile.js": "refused: does not name its account",
    "x-archive/rtiatmla-2021/data/follower.js": "refused: holds account ids without handles",
    "x-archive/rtiatmla-2021/data/following.js": "refused: holds account ids without handles",
    "x-archive/andreruffert-2022/data": "x-archive",
    "x-archive/andreruffert-2022/data/account.js": "x-archive",
    "x-archive/andreruffert-2022/data/tweets.js": "refused: does not name its account",
    "x-archive/andreruffert-2022/data/profile.js": "refused: does not name its account",
    # the repository's owners rewrote these two as JavaScript objects (unquoted keys, trailing commas): not JSON
    "x-archive/ethereumclassic-2023/data": "refused: is not valid JSON after its window.YTD prefix",
    "x-archive/ethereumclassic-2023/data/account.js": "refused: is not valid JSON after its window.YTD prefix",
    "x-archive/ethereumclassic-2023/data/profile.js": "refused: is not valid JSON after its window.YTD prefix",
    "x-archive/ethereumclassic-2023/data/following.js": "refused: holds account ids without handles",
    # Instagram's own export never names its account (test_platform_exports.py imports it with --owner)
    "instagram-export/yummyhopper-2024/your_instagram_activity/content/posts_1.json": "refused: does not name its "
    "account (Instagram's export never does): give --owner @handle",
    "instagram-export/nonfollowers-2024/connections/followers_and_following/followers_1.json": "refused: is a list "
    "of followers and does not say whose: import it with --followers-of @handle",
    "instagram-export/nonfollowers-2024/connections/followers_and_following/following.json": "refused: lists the "
    "accounts this account follows, not its followers",
}


def test_every_file_of_the_corpus_is_listed_with_its_expected_result():
    on_disk = {
        str(p.relative_to(REAL))
        for p in REAL.rglob("*")
        if p.is_file() and p.name.endswith((".json", ".jsonl", ".json.xz", ".csv", ".js"))
    }
    listed = {name for name in CORPUS if (REAL / name).is_file()}
    assert on_disk == listed
    for name in on_disk:  # each file's origin is written down beside it
        assert f"`{Path(name).name}`" in (REAL / Path(name).parts[0] / "ORIGINS.md").read_text()


# --- oracles: what the file says, read by the tools' documented paths ------------------------------------------------


def _json_values(path: Path) -> list[Any]:
    if path.is_dir():
        return [value for child in sorted(path.iterdir()) for value in _json_values(child)]
    text = path.read_text(encoding="utf-8")
    try:
        document = json.loads(text)
    except json.JSONDecodeError:
        return [json.loads(line) for line in text.split("\n") if line.strip()]
    return document if isinstance(document, list) else [document]


def _v1_time(text: str) -> datetime:
    return datetime.strptime(text, "%a %b %d %H:%M:%S %z %Y")


def _iso(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _expect_v1(values: list[Any], expect: Expect) -> None:
    for value in values:
        tweets = value.get("statuses") if isinstance(value, dict) and "statuses" in value else [value]
        users = value.get("users") if isinstance(value, dict) and "users" in value else []
        for user in users or ([] if tweets[0].get("user") else [value]):
            expect.profile(
                "x",
                user["screen_name"],
                followers_count=user["followers_count"],
                following_count=user["friends_count"],
                posts_count=user["statuses_count"],
            )
        for tweet in tweets:
            if "user" not in tweet:
                continue
            original = tweet.get("retweeted_status")
            if original:
                expect.repost("x", tweet["user"]["screen_name"], original["user"]["screen_name"], tweet["id_str"])
                tweet = original
            expect.post(
                "x",
                tweet["user"]["screen_name"],
                tweet["id_str"],
                likes=tweet["favorite_count"],
                caption=tweet.get("full_text") or tweet["text"],
                taken_at=_v1_time(tweet["created_at"]),
                hashtags=[tag["text"].lower() for tag in tweet["entities"]["hashtags"]],
            )
            expect.profile("x", tweet["user"]["screen_name"], followers_count=tweet["user"]["followers_count"])


def _v2_tweets(value: dict[str, Any]) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """(tweets the value is about, author id -> username) for a v2 response, flattened tweet or bare tweet."""
    users: dict[str, str] = {}
    if "data" in value or "includes" in value:
        data = value.get("data")
        items = data if isinstance(data, list) else [data] if isinstance(data, dict) else []
        for user in (value.get("includes") or {}).get("users", []) + [i for i in items if "username" in i]:
            users[user["id"]] = user["username"]
        own = [item for item in items if "text" in item]
        # originals of retweets, quotes and replies: posts of their own authors when the file names them
        included = [
            tweet
            for tweet in (value.get("includes") or {}).get("tweets", [])
            if tweet.get("author_id") in users and tweet["id"] not in {item["id"] for item in own}
        ]
        return own + included, users
    if "users" in value:
        return [], {user["id"]: user["username"] for user in value["users"]}
    if isinstance(value.get("author"), dict):
        users[value["author"]["id"]] = value["author"]["username"]
    return ([value] if "text" in value else []), users


def _expect_v2(values: list[Any], expect: Expect) -> None:
    authors: dict[str, str] = {}
    pages = [_v2_tweets(value) for value in values]
    for _, users in pages:
        authors.update(users)
    for value in values:
        data = value.get("data") if "data" in value else value.get("users", [])
        for user in data if isinstance(data, list) else [data]:
            if isinstance(user, dict) and "username" in user and "public_metrics" in user:
                metrics = user["public_metrics"]
                expect.profile(
                    "x",
                    user["username"],
                    followers_count=metrics["followers_count"],
                    following_count=metrics["following_count"],
                    posts_count=metrics["tweet_count"],
                )
            elif isinstance(user, dict) and "username" in user:
                expect.profile("x", user["username"])
    for tweets, _ in pages:
        for tweet in tweets:
            owner = authors[tweet["author_id"]]
            kinds = {ref["type"] for ref in tweet.get("referenced_tweets", [])}
            if "retweeted" in kinds:
                match = re.match(r"RT @(\w+):", tweet["text"])
                expect.repost("x", owner, match.group(1), tweet["id"])
                expect.profile("x", owner)
                continue
            metrics = tweet.get("public_metrics") or {}
            expect.post(
                "x",
                owner,
                tweet["id"],
                likes=metrics.get("like_count"),
                caption=tweet["text"],
                taken_at=_iso(tweet["created_at"]) if "created_at" in tweet else None,
                hashtags=[tag["tag"].lower() for tag in (tweet.get("entities") or {}).get("hashtags", [])]
                if isinstance((tweet.get("entities") or {}).get("hashtags"), list)
                else None,
                mentions=[m["username"].lower() for m in (tweet.get("entities") or {}).get("mentions", [])]
                if isinstance((tweet.get("entities") or {}).get("mentions"), list)
                else None,
            )


IG_KIND = {"GraphImage": "image", "GraphVideo": "video", "GraphSidecar": "carousel"}


def _count(value: Any) -> int | None:
    return value.get("count") if isinstance(value, dict) else value


def _ig_node(node: dict[str, Any], owner: str, expect: Expect) -> None:
    likes = next(
        node[name] for name in ("edge_media_preview_like", "like_count", "likes", "edge_liked_by") if name in node
    )
    caption = node.get("edge_media_to_caption", node.get("caption"))
    if isinstance(caption, dict):
        caption = caption["edges"][0]["node"]["text"] if "edges" in caption else caption.get("text")
    kind = (
        IG_KIND.get(node.get("__typename", ""))
        or {1: "image", 2: "video", 8: "carousel"}.get(node.get("media_type"))
        or ("video" if node.get("is_video") else "image")
    )
    when = node.get("taken_at_timestamp", node.get("date", node.get("taken_at")))
    post_id = str(node.get("pk") or node["id"]).split("_")[0]
    expect.post(
        "instagram",
        owner,
        post_id,
        likes=_count(likes),
        media_type=kind,
        caption=(caption or "").strip(),
        taken_at=datetime.fromtimestamp(when, tz=UTC),
        shortcode=node.get("shortcode") or node.get("code"),
    )


def _expect_instagram(values: list[Any], expect: Expect) -> None:
    for value in values:
        if "node" in value:
            _ig_node(value["node"], value["node"]["owner"]["username"], expect)
            continue
        inner = value.get("graphql") or value.get("data") or value
        if "shortcode_media" in inner:
            _ig_node(inner["shortcode_media"], inner["shortcode_media"]["owner"]["username"], expect)
        elif "items" in inner:
            for item in inner["items"]:
                _ig_node(item, item["user"]["username"], expect)
        else:
            user = inner["user"]
            followers = _count(user.get("edge_followed_by", user.get("followed_by")))
            media = user.get("edge_owner_to_timeline_media", user.get("media"))
            expect.profile(
                "instagram",
                user["username"],
                followers_count=followers,
                following_count=_count(user.get("edge_follow", user.get("follows"))),
                posts_count=_count(media),
            )
            nodes = [edge["node"] for edge in media.get("edges", [])] + media.get("nodes", [])
            assert nodes, "a profile file of the corpus holds posts"
            for node in nodes:
                _ig_node(node, user["username"], expect)


def _expect_instaloader(values: list[Any], expect: Expect) -> None:
    """instaloader's {"node", "instaloader": {"node_type"}} files: a Profile node is the profile (the web fields,
    the mobile API's iphone_struct where the web ones are absent), a Post node is read like the web post."""
    for value in values:
        node = value["node"]
        if value["instaloader"]["node_type"] == "Profile":
            media = node.get("edge_owner_to_timeline_media")
            expect.profile(
                "instagram",
                node["username"],
                platform_id=node["id"],
                display_name=node["full_name"],
                followers_count=node["edge_followed_by"]["count"],
                following_count=node["edge_follow"]["count"],
                is_private=node["is_private"],
                posts_count=media["count"] if media else node["iphone_struct"]["media_count"],
            )
        else:
            _ig_node(node, node["owner"]["username"], expect)


def _gallery_dl_time(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)


def _expect_gallery_dl(values: list[Any], expect: Expect) -> None:
    """gallery-dl writes one metadata file per downloaded file; the files of one post (a carousel's slides) share
    post_id and count, and the post's own date is post_date (date is the slide's)."""
    for value in values:
        assert value["category"] == "instagram"
        expect.profile("instagram", value["username"], platform_id=value["owner_id"], display_name=value["fullname"])
        kind = "carousel" if value["count"] > 1 else "video" if value["extension"] == "mp4" else "image"
        expect.post(
            "instagram",
            value["username"],
            value["post_id"],
            likes=value["likes"],
            media_type=kind,
            caption=value["description"],
            shortcode=value["post_shortcode"],
            taken_at=_gallery_dl_time(value["post_date"]),
            hashtags=[tag.removeprefix("#").lower() for tag in value["tags"]],
        )


def _youtube_channel_key(value: dict[str, Any], prefix: str = "") -> str:
    """yt-dlp names a channel by its @handle in uploader_id (2023 on), else only by its UC… id (kept as written)."""
    uploader_id = value.get(prefix + "uploader_id") or ""
    if uploader_id.startswith("@"):
        return uploader_id[1:].lower()
    return value.get(prefix + "channel_id") or value[prefix + "uploader_id"]


def _expect_yt_dlp(values: list[Any], expect: Expect) -> None:
    """yt-dlp's info dict (README "OUTPUT TEMPLATE" fields): a video is a post of its channel; a channel's own tab
    (id = its channel id or @handle) carries the channel's subscribers and description; flat entries of a channel's
    Videos tab name the channel as playlist_uploader_id."""
    for value in values:
        if value.get("_type") == "url":  # a --flat-playlist -j line
            owner = _youtube_channel_key(value, "playlist_")
            expect.post("youtube", owner, value["id"], views=value["view_count"], duration_seconds=value["duration"])
            continue
        owner = _youtube_channel_key(value)
        if value.get("_type") == "playlist" or value["id"].startswith(("PL", "UC", "@")):
            own = value["id"] in (value["channel_id"], value.get("uploader_id"))
            expect.profile(
                "youtube",
                owner,
                platform_id=value["channel_id"],
                display_name=value["channel"],
                followers_count=value.get("channel_follower_count"),
                **({"bio": value["description"].strip()} if own and value["description"] else {}),
            )
            continue
        expect.profile("youtube", owner, platform_id=value["channel_id"])
        when = (
            datetime.fromtimestamp(value["timestamp"], tz=UTC)
            if value.get("timestamp")
            else datetime.strptime(value["upload_date"], "%Y%m%d").replace(tzinfo=UTC)
        )
        expect.post(
            "youtube",
            owner,
            value["id"],
            views=value["view_count"],
            likes=value["like_count"],
            comments=value.get("comment_count"),
            duration_seconds=float(value["duration"]),
            taken_at=when,
            media_type="video",
            caption=value["title"].strip() + "\n\n" + value["description"].strip(),
            url=value["webpage_url"],
        )


def _stored(handle: str) -> str:
    """Handles are stored lower-case; a YouTube channel id standing in for a handle keeps its case."""
    return handle if re.match(r"^UC[A-Za-z0-9_-]{22}$", handle) else handle.lower()


def _iso_seconds(text: str) -> float:
    match = re.fullmatch(r"PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?", text)
    assert match, text
    hours, minutes, seconds = (int(part or 0) for part in match.groups())
    return hours * 3600.0 + minutes * 60 + seconds


def _expect_youtube_api(values: list[Any], expect: Expect) -> None:
    """YouTube Data API v3 resources (developers.google.com/youtube/v3/docs): counts are strings; a channel's handle
    is snippet.customUrl; a video belongs to snippet.channelId."""
    for value in values:
        for item in value.get("items", [value]):
            snippet, statistics = item.get("snippet", {}), item.get("statistics", {})
            if item["kind"] == "youtube#channel":
                custom = snippet.get("customUrl", "")
                expect.profile(
                    "youtube",
                    custom[1:] if custom.startswith("@") else item["id"],
                    platform_id=item["id"],
                    display_name=snippet.get("title", ""),
                    followers_count=int(statistics["subscriberCount"]) if "subscriberCount" in statistics else None,
                    posts_count=int(statistics["videoCount"]) if "videoCount" in statistics else None,
                )
            elif item["kind"] == "youtube#video":
                expect.profile("youtube", snippet["channelId"], display_name=snippet["channelTitle"])
                expect.post(
                    "youtube",
                    snippet["channelId"],
                    item["id"],
                    views=int(statistics["viewCount"]),
                    likes=int(statistics["likeCount"]),
                    comments=int(statistics["commentCount"]),
                    duration_seconds=_iso_seconds(item["contentDetails"]["duration"]),
                    taken_at=_iso(snippet["publishedAt"]),
                    caption=snippet["title"].strip() + "\n\n" + snippet["description"].strip(),
                    url=f"https://www.youtube.com/watch?v={item['id']}",
                )


def _tiktok_count(item: dict[str, Any], key: str, block: str = "stats") -> int | None:
    """TikTok's web JSON gives counts twice since 2024: `stats` (numbers, rounded for accounts) and `statsV2` (exact,
    as strings); the exact one counts."""
    exact = item.get(block + "V2", {}).get(key)
    value = exact if exact is not None else item.get(block, {}).get(key)
    return None if value is None else int(value)


def _expect_tiktok_web(values: list[Any], expect: Expect) -> None:
    for value in values:
        if "userInfo" in value:
            user = value["userInfo"]["user"]
            expect.profile(
                "tiktok",
                user["uniqueId"],
                platform_id=user["id"],
                followers_count=int(value["userInfo"]["statsV2"]["followerCount"]),
                posts_count=int(value["userInfo"]["statsV2"]["videoCount"]),
            )
            continue
        items = [entry["item"] for entry in value["data"] if "item" in entry] if "data" in value else [value]
        for item in items:
            author = item["author"]
            expect.profile("tiktok", author["uniqueId"], platform_id=author["id"], display_name=author["nickname"])
            expect.post(
                "tiktok",
                author["uniqueId"],
                item["id"],
                views=_tiktok_count(item, "playCount"),
                likes=_tiktok_count(item, "diggCount"),
                comments=_tiktok_count(item, "commentCount"),
                shares=_tiktok_count(item, "shareCount"),
                saves=_tiktok_count(item, "collectCount"),
                taken_at=datetime.fromtimestamp(int(item["createTime"]), tz=UTC),
                duration_seconds=float(item["video"]["duration"]),
                caption=item["desc"].strip(),
                media_type="video",
                url=f"https://www.tiktok.com/@{author['uniqueId'].lower()}/video/{item['id']}",
            )


def _x_archive_items(path: Path, name: str) -> list[dict[str, Any]]:
    """The array after `window.YTD.<name>.part0 = ` (X's archive files are JavaScript assigning one JSON array)."""
    file = path / f"{name}.js"
    if not file.exists():
        return []
    text = file.read_text(encoding="utf-8")
    return json.loads(text[text.index("=") + 1 :])


def _expect_x_archive(path: Path, expect: Expect) -> None:
    account = _x_archive_items(path, "account")[0]["account"]
    owner = account["username"]
    expect.profile("x", owner, platform_id=account["accountId"], display_name=account["accountDisplayName"])
    bio = _x_archive_items(path, "profile")[0]["profile"]["description"]["bio"]
    expect.profile("x", owner, bio=bio)
    for item in _x_archive_items(path, "tweets") or _x_archive_items(path, "tweet"):
        tweet = item["tweet"]
        retweet = re.match(r"RT @(\w+):", tweet["full_text"])
        if retweet:
            expect.repost("x", owner, retweet.group(1), tweet["id_str"])
            continue
        expect.post(
            "x",
            owner,
            tweet["id_str"],
            likes=int(tweet["favorite_count"]),
            caption=tweet["full_text"].strip(),
            taken_at=_v1_time(tweet["created_at"]),
        )


def _expect_tiktok_export(values: list[Any], expect: Expect) -> None:
    """TikTok's "Download your data" JSON: the account is Profile → Profile Info → ProfileMap; only its public
    fields are read (never e-mail, phone or birth date)."""
    for value in values:
        profile_map = value["Profile"]["Profile Info"]["ProfileMap"]
        bio = profile_map["bioDescription"]
        expect.profile("tiktok", profile_map["userName"], bio=bio, followers_count=None, platform_id="")
        assert value["Post"]["Posts"]["VideoList"] is None  # this export's account posted nothing


def _expect_tiktok_research(values: list[Any], expect: Expect) -> None:
    """TikTok Research API video/query answers (developers.tiktok.com, research-api-specs-query-videos): `data.videos`,
    each naming its `username` (some padded with NUL characters by the API); counts are numbers; `create_time` is
    Unix seconds; ids are JSON integers (Python reads them exactly)."""
    for value in values:
        for video in value["data"]["videos"]:
            owner = video["username"].replace("\x00", "")
            expect.profile("tiktok", owner)
            expect.post(
                "tiktok",
                owner,
                str(video["id"]),
                views=video.get("view_count"),
                likes=video.get("like_count"),
                comments=video.get("comment_count"),
                shares=video.get("share_count"),
                taken_at=datetime.fromtimestamp(video["create_time"], UTC),
                caption=video["video_description"].strip(),
                media_type="video",
                url=f"https://www.tiktok.com/@{owner.lower()}/video/{video['id']}",
            )


class Expect:
    """Collects what the stored rows must be, then checks them all."""

    def __init__(self) -> None:
        self.profiles: dict[tuple[str, str], dict[str, Any]] = {}
        self.posts: dict[tuple[str, str, str], dict[str, Any]] = {}
        self.reposts: set[tuple[str, str, str, str]] = set()

    def profile(self, platform: str, handle: str, **values: Any) -> None:
        self.profiles.setdefault((platform, _stored(handle)), {}).update(values)

    def post(self, platform: str, owner: str, post_id: str, **values: Any) -> None:
        self.posts[(platform, _stored(owner), post_id)] = {k: v for k, v in values.items() if v is not None}

    def repost(self, platform: str, reposter: str, original: str, repost_id: str) -> None:
        self.reposts.add((platform, reposter.lower(), original.lower(), repost_id))

    def check(self, agency: Any) -> None:
        assert self.profiles or self.posts or self.reposts, "the oracle found nothing in the file"
        for (platform, handle), values in self.profiles.items():
            profile = Profile.objects.get(organization=agency, platform=platform, handle=handle)
            assert {name: getattr(profile, name) for name in values} == values, handle
        for (platform, owner, post_id), values in self.posts.items():
            post = Post.objects.get(
                profile__organization=agency, profile__platform=platform, profile__handle=owner, platform_id=post_id
            )
            stored = {name: getattr(post, name) for name in values}
            assert stored == values, (owner, post_id)
        stored_posts = set(
            Post.objects.filter(profile__organization=agency).values_list(
                "profile__platform", "profile__handle", "platform_id"
            )
        )
        assert set(self.posts) <= stored_posts
        for platform, reposter, original, repost_id in self.reposts:
            # a repost is never the reposter's post; it is a retweets edge to the original author
            assert (platform, reposter, repost_id) not in stored_posts
            assert Relation.objects.filter(
                organization=agency, kind=RelationKind.RETWEETS, source__handle=reposter, target__handle=original
            ).exists()


ORACLES = {
    "twitter-v1": _expect_v1,
    "twitter-v2": _expect_v2,
    "instagram-graphql": _expect_instagram,
    "gallery-dl": _expect_gallery_dl,
    "instaloader": _expect_instaloader,
    "yt-dlp": _expect_yt_dlp,
    "youtube-api": _expect_youtube_api,
    "tiktok-web": _expect_tiktok_web,
    "tiktok-export": _expect_tiktok_export,
    "tiktok-research": _expect_tiktok_research,
}


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_real_file_is_read_right_or_refused_clearly(name, run_import, agency):
    from profiles.importers.parsers import detect_format

    path = REAL / name
    expected = CORPUS[name]
    if expected.startswith("refused: "):
        with pytest.raises(CommandError) as excinfo:
            run_import(path)
        message = str(excinfo.value)
        named = [child.name for child in path.iterdir()] if path.is_dir() else [path.name]
        assert message.startswith("Import rejected, nothing was written.") and any(n in message for n in named)
        assert expected.removeprefix("refused: ") in message
        assert not Profile.objects.filter(organization=agency).exists()
        return
    if path.is_file():
        assert detect_format(path, path.name) == expected
    result = run_import(path)
    expect = Expect()
    if expected == "x-archive":  # JavaScript files: the oracle reads the folder itself
        _expect_x_archive(path if path.is_dir() else path.parent, expect)
        if path.is_file():  # account.js alone: the account, nothing else
            expect.profiles = {key: {"platform_id": v["platform_id"]} for key, v in expect.profiles.items()}
            expect.posts, expect.reposts = {}, set()
    else:
        ORACLES[expected](_json_values(path), expect)
    expect.check(agency)
    assert result["posts"] >= len(expect.posts) and result["reposts"] >= len(expect.reposts)
    again = run_import(path)  # idempotent: the same file again changes nothing
    assert (again["created"], again["updated"]) == (0, 0)


def test_real_gallery_dl_carousel_folder_is_one_carousel_post(run_import, agency):
    """gallery-dl writes one file per slide; the 8 files of one sidecar post are one carousel post, never 8 posts."""
    folder = REAL / "gallery-dl" / "carousel_CyTnXcgNHKV"
    slides = [json.loads(path.read_text(encoding="utf-8")) for path in sorted(folder.iterdir())]
    assert len(slides) == 8 and {slide["sidecar_media_id"] for slide in slides} == {slides[0]["post_id"]}
    run_import(folder)
    post = Post.objects.get(profile__organization=agency)
    assert (post.platform_id, post.media_type, post.shortcode) == (
        slides[0]["post_id"],
        "carousel",
        slides[0]["sidecar_shortcode"],
    )
