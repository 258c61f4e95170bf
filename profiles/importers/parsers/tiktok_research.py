"""TikTok Research API answers (open.tiktokapis.com/v2/research/…), as the API returns them and as tools that call
it save them (CybersecurityForDemocracy's tiktok-library, traktok).

Shapes read (see profiles/IMPORT_FORMATS.md); every body is `{"data": {...}, "error": {"code": "ok", ...}}`:
- `video/query`: `data.videos` [{id, username, create_time, video_description, view_count, like_count,
  comment_count, share_count, hashtag_names, region_code, music_id, video_duration, …}], `cursor`, `has_more`,
  `search_id`. Ids are JSON numbers above 2^53 (19 digits): read as Python integers, stored as their exact digits.
  The API's older field name `video_id` is read as `id`. Each video names its account (`username`).
- `user/info`: `data` {display_name, bio_description, avatar_url, is_verified, follower_count, following_count,
  likes_count, video_count}. The answer does not name its account: the import's `--owner @handle --platform tiktok`
  does (refused without it).
- `video/comment/list` answers are refused: comments are not the account's posts.
An answer whose `error.code` is not "ok" is refused with TikTok's message. The API pads some strings with NUL
characters (seen in usernames); they are removed (profiles.importers.parsers.values.to_str).
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
    to_str,
)
from profiles.importers.records import (
    EXPORT_ACCOUNT,
    ParsedFile,
    PendingOwner,
    PostRecord,
    ProfileRecord,
    parse_hashtags,
    parse_mentions,
)
from profiles.platforms import platform_get

USER_FIELDS = ("follower_count", "following_count", "likes_count", "video_count", "bio_description", "display_name")


def is_tiktok_research(obj: dict[str, Any]) -> bool:
    """A Research API body: `data` beside an `error` object carrying a `code` and a `log_id`."""
    error = obj.get("error")
    return isinstance(obj.get("data"), dict) and isinstance(error, dict) and "code" in error and "log_id" in error


def parse_tiktok_research(path: Path, name: str) -> ParsedFile:
    parsed = ParsedFile(name)
    for ctx, value in file_values(path, name):
        parse_body(require_object(value, ctx), ctx, parsed)
    return parsed


def parse_body(body: dict[str, Any], ctx: Ctx, parsed: ParsedFile) -> None:
    """One Research API answer into `parsed` (the fetcher calls this with each answer it gets)."""
    error = as_dict(body.get("error"))
    if to_str(error.get("code")) not in ("", "ok"):
        raise ctx.fail(
            "error.code", f"is {error.get('code')!r}: TikTok answered an error ({to_str(error.get('message'))})"
        )
    data = body.get("data")
    if not isinstance(data, dict):
        raise ctx.fail("data", "is missing: a Research API answer carries its result in data")
    if isinstance(data.get("videos"), list):
        for index, video in enumerate(data["videos"]):
            item_ctx = Ctx(ctx.file, index + 1, "video")
            _video(require_object(video, item_ctx), item_ctx, parsed)
    elif isinstance(data.get("comments"), list):
        raise ctx.fail("data.comments", "is a comment list (video/comment/list): comments are not the account's posts")
    elif any(key in data for key in USER_FIELDS):
        _user(data, ctx, parsed)
    else:
        keys = ", ".join(sorted(data)[:10]) or "none"
        raise ctx.fail("data", f"holds neither videos nor a user (keys: {keys})")


def _user(data: dict[str, Any], ctx: Ctx, parsed: ParsedFile) -> None:
    values = compact(
        {
            "display_name": to_str(data.get("display_name"))[:200] or None,
            "bio": to_str(data.get("bio_description")) or None,
            "is_verified": to_bool(data.get("is_verified"), ctx, "data.is_verified"),
            "avatar_url": to_str(data.get("avatar_url"))[:1000] or None,
            "followers_count": to_int(data.get("follower_count"), ctx, "data.follower_count"),
            "following_count": to_int(data.get("following_count"), ctx, "data.following_count"),
            "posts_count": to_int(data.get("video_count"), ctx, "data.video_count"),
        }
    )
    extra = compact({"total_likes": to_int(data.get("likes_count"), ctx, "data.likes_count")})
    where = ctx.where()

    def complete(owner: str, _handles: dict[str, str]) -> None:
        parsed.add_profile(ProfileRecord("tiktok", owner, values, extra, where=where))

    parsed.pending.append(
        PendingOwner(
            "tiktok",
            EXPORT_ACCOUNT,
            complete,
            ctx.file,
            ctx.line,
            ctx.unit,
            "data",
            "does not name its account (a Research API user/info answer never does): give --owner @handle "
            "--platform tiktok, the account it was asked about",
        )
    )


def _video(video: dict[str, Any], ctx: Ctx, parsed: ParsedFile) -> None:
    if "username" not in video:
        raise ctx.fail("username", "is missing: ask video/query for the username field, or the video has no account")
    handle = to_handle(video.get("username"), ctx, "username", "tiktok")
    # An id is an integer of up to 19 digits (above 2^53): json reads it exactly; a float would have lost digits.
    raw_id = video.get("id", video.get("video_id"))
    if isinstance(raw_id, float):
        raise ctx.fail("id", "was read as a floating-point number, which cannot hold a TikTok id exactly")
    video_id = to_id(raw_id, ctx, "id")
    if not video_id.isdigit():
        raise ctx.fail("id", f"{video_id[:30]!r} is not a TikTok video id (digits)")
    caption = to_str(video.get("video_description"))
    hashtags = [to_str(tag).lower() for tag in video.get("hashtag_names") or [] if to_str(tag)]
    values = compact(
        {
            "media_type": "video",
            "caption": caption,
            "hashtags": list(dict.fromkeys(hashtags or parse_hashtags(caption))),
            "mentions": parse_mentions(caption, "tiktok"),
            "taken_at": to_datetime(video.get("create_time"), ctx, "create_time"),
            "views": to_int(video.get("view_count"), ctx, "view_count"),
            "likes": to_int(video.get("like_count"), ctx, "like_count"),
            "comments": to_int(video.get("comment_count"), ctx, "comment_count"),
            "shares": to_int(video.get("share_count"), ctx, "share_count"),
            "saves": to_int(video.get("favorites_count"), ctx, "favorites_count"),
            "duration_seconds": to_int(video.get("video_duration"), ctx, "video_duration") or None,
            "url": platform_get("tiktok").post_url(handle=handle, post_id=video_id),
        }
    )
    extra = compact(
        {
            "region_code": to_str(video.get("region_code")) or None,
            "music_id": to_str(video.get("music_id")) or None,
        }
    )
    parsed.add_profile(ProfileRecord("tiktok", handle, where=ctx.where()))
    parsed.add_post(PostRecord("tiktok", handle, video_id, values, extra, where=ctx.where()))
