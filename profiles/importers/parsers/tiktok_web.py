"""TikTok's web JSON, as TikTokApi (`video.info()`, `user.videos()`, `as_dict`) and the web endpoints return it.

Shapes read (see profiles/IMPORT_FORMATS.md):
- a video ("itemStruct"): `id`, `desc`, `createTime` (a number or a numeric string), `author` {uniqueId, id,
  nickname, secUid, verified, signature}, `stats` {playCount, diggCount, commentCount, shareCount, collectCount}
  (numbers, sometimes strings) and, since 2024, `statsV2` with every count as an exact string; `authorStats`
  (rounded: 9300000) and `authorStatsV2` (exact strings); `video` {duration, width, height}; `music`; `isAd`;
- a list of videos, `{"itemList": [...]}`, `{"itemInfo": {"itemStruct": ...}}` and the search endpoint's
  `{"data": [{"type": 1, "item": ...}]}`;
- a user ("userInfo": {user, stats, statsV2}).
Where both are given, the exact V2 counts are kept. Ids are strings in these files and are kept as strings.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from profiles.importers.parsers.reading import file_values, require_object
from profiles.importers.parsers.values import (
    Ctx,
    as_dict,
    compact,
    to_bool,
    to_datetime,
    to_handle,
    to_id,
    to_int,
    to_seconds,
    to_str,
)
from profiles.importers.records import ParsedFile, PostRecord, ProfileRecord, parse_hashtags, parse_mentions
from profiles.platforms import platform_get


def _is_item(obj: dict[str, Any]) -> bool:
    author = obj.get("author")
    return "desc" in obj and "createTime" in obj and isinstance(author, dict) and "uniqueId" in author


def is_tiktok_web(obj: dict[str, Any]) -> bool:
    if _is_item(obj):
        return True
    if isinstance(as_dict(obj.get("userInfo")).get("user"), dict):
        return True
    if isinstance(obj.get("itemList"), list) or isinstance(as_dict(obj.get("itemInfo")).get("itemStruct"), dict):
        return True
    data = obj.get("data")
    return (
        isinstance(data, list) and bool(data) and isinstance(data[0], dict) and _is_item(as_dict(data[0].get("item")))
    )


def parse_tiktok_web(path: Path, name: str) -> ParsedFile:
    parsed = ParsedFile(name)
    for ctx, value in file_values(path, name):
        obj = require_object(value, ctx)
        if _is_item(obj):
            _item(obj, ctx, parsed)
        elif isinstance(as_dict(obj.get("userInfo")).get("user"), dict):
            parse_user_info(as_dict(obj["userInfo"]), ctx, parsed)
        elif isinstance(obj.get("itemList"), list):
            for index, item in enumerate(obj["itemList"]):
                _item(require_object(item, Ctx(ctx.file, index + 1, "item")), Ctx(ctx.file, index + 1, "item"), parsed)
        elif isinstance(as_dict(obj.get("itemInfo")).get("itemStruct"), dict):
            _item(obj["itemInfo"]["itemStruct"], ctx, parsed)
        elif isinstance(obj.get("data"), list):
            for index, entry in enumerate(obj["data"]):
                item = as_dict(as_dict(entry).get("item"))
                if item:  # type 1 is a video; users and hashtags in a search answer carry no item
                    _item(item, Ctx(ctx.file, index + 1, "result"), parsed)
        else:
            raise ctx.fail(None, "is not a TikTok video, video list or user (no itemStruct, itemList or userInfo)")
    return parsed


def _exact(v2: dict[str, Any], v1: dict[str, Any], key: str, ctx: Ctx, field: str) -> int | None:
    """A count from the exact V2 block (strings) when it has it, else from the rounded V1 block."""
    if v2.get(key) not in (None, ""):
        return to_int(v2.get(key), ctx, f"{field}V2.{key}")
    return to_int(v1.get(key), ctx, f"{field}.{key}")


def _account(
    user: dict[str, Any], stats: dict[str, Any], stats_v2: dict[str, Any], ctx: Ctx, field: str
) -> ProfileRecord:
    handle = to_handle(user.get("uniqueId"), ctx, f"{field}.uniqueId", "tiktok")
    values = compact(
        {
            "platform_id": to_id(user.get("id"), ctx, f"{field}.id", required=False) or None,
            "display_name": to_str(user.get("nickname"))[:200] or None,
            "bio": to_str(user.get("signature")) or None,
            "is_verified": to_bool(user.get("verified"), ctx, f"{field}.verified"),
            "is_private": to_bool(user.get("privateAccount"), ctx, f"{field}.privateAccount"),
            "avatar_url": to_str(user.get("avatarLarger") or user.get("avatarMedium"))[:1000] or None,
            "followers_count": _exact(stats_v2, stats, "followerCount", ctx, "stats"),
            "following_count": _exact(stats_v2, stats, "followingCount", ctx, "stats"),
            "posts_count": _exact(stats_v2, stats, "videoCount", ctx, "stats"),
        }
    )
    extra = compact(
        {
            "sec_uid": to_str(user.get("secUid")) or None,
            "total_likes": _exact(stats_v2, stats, "heartCount", ctx, "stats"),
        }
    )
    return ProfileRecord("tiktok", handle, values, extra, where=ctx.where())


def parse_user_info(info: dict[str, Any], ctx: Ctx, parsed: ParsedFile) -> None:
    """A web `userInfo` ({user, stats, statsV2}) into `parsed`: from a file, or from the profile page the yt-dlp
    fetcher reads."""
    parsed.add_profile(
        _account(as_dict(info.get("user")), as_dict(info.get("stats")), as_dict(info.get("statsV2")), ctx, "userInfo")
    )


def _item(item: dict[str, Any], ctx: Ctx, parsed: ParsedFile) -> None:
    author = as_dict(item.get("author"))
    if not author:
        raise ctx.fail("author", "is missing: the video does not say whose it is")
    account = _account(author, as_dict(item.get("authorStats")), as_dict(item.get("authorStatsV2")), ctx, "author")
    if not item.get("authorStats"):
        for key in ("followers_count", "following_count", "posts_count"):
            account.values.pop(key, None)
    parsed.add_profile(account)
    video_id = to_id(item.get("id"), ctx, "id")
    stats, stats_v2, video = as_dict(item.get("stats")), as_dict(item.get("statsV2")), as_dict(item.get("video"))
    caption = to_str(item.get("desc"))
    hashtags = parse_hashtags(caption)
    for extra_text in item.get("textExtra") or []:
        tag = to_str(as_dict(extra_text).get("hashtagName")).lower()
        if tag and tag not in hashtags:
            hashtags.append(tag)
    music = as_dict(item.get("music"))
    values = compact(
        {
            "url": platform_get("tiktok").post_url(handle=account.handle, post_id=video_id),
            "media_type": "carousel" if item.get("imagePost") else "video",
            "caption": caption,
            "hashtags": hashtags,
            "mentions": parse_mentions(caption, "tiktok"),
            "taken_at": to_datetime(item.get("createTime"), ctx, "createTime"),
            "views": _exact(stats_v2, stats, "playCount", ctx, "stats"),
            "likes": _exact(stats_v2, stats, "diggCount", ctx, "stats"),
            "comments": _exact(stats_v2, stats, "commentCount", ctx, "stats"),
            "shares": _exact(stats_v2, stats, "shareCount", ctx, "stats"),
            "saves": _exact(stats_v2, stats, "collectCount", ctx, "stats"),
            "duration_seconds": to_seconds(video.get("duration"), ctx, "video.duration") or None,
            "is_sponsored": True if item.get("isAd") is True else None,
        }
    )
    extra = compact(
        {
            "width": to_int(video.get("width"), ctx, "video.width"),
            "height": to_int(video.get("height"), ctx, "video.height"),
            "track": to_str(music.get("title")) or None,
            "artist": to_str(music.get("authorName")) or None,
            "original_sound": to_bool(music.get("original"), ctx, "music.original"),
            "language": to_str(item.get("textLanguage")) or None,
        }
    )
    parsed.add_post(PostRecord("tiktok", account.handle, video_id, values, extra, where=ctx.where()))
