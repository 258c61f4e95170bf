"""gallery-dl --write-metadata JSON for Instagram and Twitter."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from profiles.importers.parsers.reading import file_values, require_object
from profiles.importers.parsers.twitter_v1 import x_media_type
from profiles.importers.parsers.values import (
    Ctx,
    compact,
    to_bool,
    to_datetime,
    to_handle,
    to_handles,
    to_id,
    to_int,
    to_str,
    to_url,
)
from profiles.importers.records import (
    ParsedFile,
    PostRecord,
    ProfileRecord,
    RepostRecord,
    UnknownFormat,
    parse_hashtags,
    parse_mentions,
)


def parse_gallery_dl(path: Path, name: str) -> ParsedFile:
    parsed = ParsedFile(name)
    for ctx, value in file_values(path, name):
        obj = require_object(value, ctx)
        category = to_str(obj.get("category"))
        if to_str(obj.get("subcategory")).lower() in EPHEMERAL:
            raise UnknownFormat(
                file=ctx.file,
                line=ctx.line,
                unit=ctx.unit,
                field="subcategory",
                message=f"is a gallery-dl {to_str(obj.get('subcategory'))} item: stories expire and "
                "carry no likes or comments, so SocialLens does not import them",
            )
        if category == "instagram":
            _gallery_dl_instagram(obj, ctx, parsed)
        elif category == "twitter":
            _gallery_dl_twitter(obj, ctx, parsed)
        else:
            raise ctx.fail("category", f"unsupported gallery-dl category {category!r} (instagram or twitter)")
    return parsed


EPHEMERAL = ("stories", "story", "highlights", "highlight")
VIDEO_EXTENSIONS = ("mp4", "mov", "webm", "m4v", "mkv")


def _is_video(obj: dict[str, Any]) -> bool:
    """gallery-dl marks videos in several ways across versions: type "video"/"reel", a video extension, the
    reel/reels subcategory, or video_* fields."""
    return (
        to_str(obj.get("type")).lower() in ("video", "reel", "clips")
        or to_str(obj.get("extension")).lower() in VIDEO_EXTENSIONS
        or to_str(obj.get("subcategory")).lower() in ("reel", "reels")
        or any(key.startswith("video_") and obj.get(key) for key in obj)
    )


def _gallery_dl_instagram(obj: dict[str, Any], ctx: Ctx, parsed: ParsedFile) -> None:
    handle = to_handle(obj.get("username"), ctx, "username", "instagram")
    profile_values = compact(
        {
            "platform_id": to_id(obj.get("owner_id"), ctx, "owner_id", required=False) or None,
            "display_name": to_str(obj.get("fullname"))[:200] or None,
        }
    )
    parsed.add_profile(ProfileRecord("instagram", handle, profile_values, where=ctx.where()))
    caption = to_str(obj.get("description"))
    shortcode = to_str(obj.get("post_shortcode") or obj.get("shortcode"))
    tagged = to_handles(
        [user.get("username") for user in obj.get("tagged_users") or [] if isinstance(user, dict)],
        ctx,
        "tagged_users",
        "instagram",
    )
    count = to_int(obj.get("count"), ctx, "count") or 1
    media_type = "carousel" if count > 1 else ("video" if _is_video(obj) else "image")
    tags = obj.get("tags") if isinstance(obj.get("tags"), list) else None
    values = compact(
        {
            "shortcode": shortcode,
            "url": to_url(obj.get("post_url")) or (f"https://www.instagram.com/p/{shortcode}/" if shortcode else ""),
            "media_type": media_type,
            "caption": caption,
            "hashtags": [str(tag).strip().lstrip("#").lower() for tag in tags] if tags else parse_hashtags(caption),
            "mentions": parse_mentions(caption, "instagram"),
            "tagged_accounts": tagged,
            "taken_at": to_datetime(obj.get("post_date") or obj.get("date"), ctx, "date"),
            "likes": to_int(obj.get("likes"), ctx, "likes"),
            "comments": to_int(obj.get("comments"), ctx, "comments"),
            "views": to_int(obj.get("video_view_count", obj.get("view_count")), ctx, "video_view_count"),
            "image_description": to_str(obj.get("accessibility_caption")),
        }
    )
    post_id = to_id(obj.get("post_id") or obj.get("media_id"), ctx, "post_id")
    extra = compact({"subcategory": to_str(obj.get("subcategory")) or None})
    parsed.add_post(PostRecord("instagram", handle, post_id, values, extra, where=ctx.where()))


def _gallery_dl_twitter(obj: dict[str, Any], ctx: Ctx, parsed: ParsedFile) -> None:
    author = obj.get("author") or obj.get("user")
    if not isinstance(author, dict):
        raise ctx.fail("author", "is missing")
    handle = to_handle(author.get("name"), ctx, "author.name", "x")
    values = compact(
        {
            "platform_id": to_id(author.get("id"), ctx, "author.id", required=False) or None,
            "display_name": to_str(author.get("nick"))[:200] or None,
            "bio": to_str(author.get("description")) if "description" in author else None,
            "is_verified": to_bool(author.get("verified"), ctx, "author.verified"),
            "is_private": to_bool(author.get("protected"), ctx, "author.protected"),
            "avatar_url": to_url(author.get("profile_image"))[:1000] or None,
            "followers_count": to_int(author.get("followers_count"), ctx, "author.followers_count"),
            "following_count": to_int(author.get("friends_count"), ctx, "author.friends_count"),
            "posts_count": to_int(author.get("statuses_count"), ctx, "author.statuses_count"),
            "account_created_at": to_datetime(author.get("date"), ctx, "author.date"),
        }
    )
    parsed.add_profile(ProfileRecord("x", handle, values, where=ctx.where()))
    text = to_str(obj.get("content"))
    mentions = to_handles(
        [m.get("name") for m in obj.get("mentions") or [] if isinstance(m, dict)], ctx, "mentions", "x"
    )
    hashtags = obj.get("hashtags") if isinstance(obj.get("hashtags"), list) else None
    tweet_id = to_id(obj.get("tweet_id"), ctx, "tweet_id")
    post_values = compact(
        {
            "url": f"https://x.com/{handle}/status/{tweet_id}",
            "media_type": "video" if _is_video(obj) else x_media_type(to_str(obj.get("type"))),
            "caption": text,
            "hashtags": [str(tag).lower() for tag in hashtags] if hashtags else parse_hashtags(text),
            "mentions": mentions or parse_mentions(text, "x"),
            "taken_at": to_datetime(obj.get("date"), ctx, "date"),
            "likes": to_int(obj.get("favorite_count"), ctx, "favorite_count"),
            "comments": to_int(obj.get("reply_count"), ctx, "reply_count"),
            "views": to_int(obj.get("view_count"), ctx, "view_count"),
        }
    )
    extra = compact({"retweets": obj.get("retweet_count"), "quotes": obj.get("quote_count"), "lang": obj.get("lang")})
    reply = obj.get("reply_to")
    parsed.add_post(
        PostRecord(
            "x",
            handle,
            tweet_id,
            post_values,
            extra,
            reply_to_handle=to_handle(reply, ctx, "reply_to", "x") if isinstance(reply, str) and reply else "",
            where=ctx.where(),
        )
    )
    # gallery-dl names the timeline's owner `user` and the tweet's author `author`; a retweet (retweet_id set) is
    # the author's post, reposted by the user, never the user's own.
    user = obj.get("user")
    if obj.get("retweet_id") and isinstance(user, dict) and user.get("name"):
        reposter = to_handle(user.get("name"), ctx, "user.name", "x")
        if reposter != handle:
            parsed.add_repost(
                RepostRecord("x", reposter, handle, tweet_id, post_values.get("taken_at"), where=ctx.where())
            )
