"""gallery-dl --write-metadata JSON for Instagram and Twitter."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from profiles.importers.parsers.reading import json_values, read_text, require_object
from profiles.importers.parsers.twitter_v1 import x_media_type
from profiles.importers.parsers.values import (
    Ctx,
    compact,
    to_bool,
    to_datetime,
    to_handle,
    to_id,
    to_int,
    to_str,
    to_url,
)
from profiles.importers.records import (
    ParsedFile,
    PostRecord,
    ProfileRecord,
    normalize_handle,
    parse_hashtags,
    parse_mentions,
)


def parse_gallery_dl(path: Path, name: str) -> ParsedFile:
    parsed = ParsedFile(name)
    for ctx, value in json_values(read_text(path, name), name):
        obj = require_object(value, ctx)
        category = to_str(obj.get("category"))
        if category == "instagram":
            _gallery_dl_instagram(obj, ctx, parsed)
        elif category == "twitter":
            _gallery_dl_twitter(obj, ctx, parsed)
        else:
            raise ctx.fail("category", f"unsupported gallery-dl category {category!r} (instagram or twitter)")
    return parsed


def _gallery_dl_instagram(obj: dict[str, Any], ctx: Ctx, parsed: ParsedFile) -> None:
    handle = to_handle(obj.get("username"), ctx, "username")
    profile_values = compact({
        "platform_id": to_id(obj.get("owner_id"), ctx, "owner_id", required=False) or None,
        "display_name": to_str(obj.get("fullname"))[:200] or None,
    })
    parsed.add_profile(ProfileRecord("instagram", handle, profile_values, where=ctx.where()))
    caption = to_str(obj.get("description"))
    shortcode = to_str(obj.get("post_shortcode") or obj.get("shortcode"))
    tagged = [normalize_handle(to_str(user.get("username"))) for user in obj.get("tagged_users") or []
              if isinstance(user, dict)]
    count = to_int(obj.get("count"), ctx, "count") or 1
    media_type = "carousel" if count > 1 else ("video" if to_str(obj.get("type")) == "video" else "image")
    tags = obj.get("tags") if isinstance(obj.get("tags"), list) else None
    values = compact({
        "shortcode": shortcode,
        "url": to_url(obj.get("post_url")) or (f"https://www.instagram.com/p/{shortcode}/" if shortcode else ""),
        "media_type": media_type,
        "caption": caption,
        "hashtags": [normalize_handle(str(tag)).lstrip("#") for tag in tags] if tags else parse_hashtags(caption),
        "mentions": parse_mentions(caption, "instagram"),
        "tagged_accounts": [t for t in tagged if t],
        "taken_at": to_datetime(obj.get("post_date") or obj.get("date"), ctx, "date"),
        "likes": to_int(obj.get("likes"), ctx, "likes"),
        "comments": to_int(obj.get("comments"), ctx, "comments"),
        "views": to_int(obj.get("video_view_count"), ctx, "video_view_count"),
        "image_description": to_str(obj.get("accessibility_caption")),
    })
    post_id = to_id(obj.get("post_id") or obj.get("media_id"), ctx, "post_id")
    parsed.add_post(PostRecord("instagram", handle, post_id, values, where=ctx.where()))


def _gallery_dl_twitter(obj: dict[str, Any], ctx: Ctx, parsed: ParsedFile) -> None:
    author = obj.get("author") or obj.get("user")
    if not isinstance(author, dict):
        raise ctx.fail("author", "is missing")
    handle = to_handle(author.get("name"), ctx, "author.name")
    values = compact({
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
    })
    parsed.add_profile(ProfileRecord("x", handle, values, where=ctx.where()))
    text = to_str(obj.get("content"))
    mentions = [normalize_handle(to_str(m.get("name"))) for m in obj.get("mentions") or [] if isinstance(m, dict)]
    hashtags = obj.get("hashtags") if isinstance(obj.get("hashtags"), list) else None
    tweet_id = to_id(obj.get("tweet_id"), ctx, "tweet_id")
    post_values = compact({
        "url": f"https://x.com/{handle}/status/{tweet_id}",
        "media_type": x_media_type(to_str(obj.get("type"))),
        "caption": text,
        "hashtags": [str(tag).lower() for tag in hashtags] if hashtags else parse_hashtags(text),
        "mentions": [m for m in mentions if m] or parse_mentions(text, "x"),
        "taken_at": to_datetime(obj.get("date"), ctx, "date"),
        "likes": to_int(obj.get("favorite_count"), ctx, "favorite_count"),
        "comments": to_int(obj.get("reply_count"), ctx, "reply_count"),
        "views": to_int(obj.get("view_count"), ctx, "view_count"),
    })
    extra = compact({"retweets": obj.get("retweet_count"), "quotes": obj.get("quote_count"), "lang": obj.get("lang")})
    reply = obj.get("reply_to")
    parsed.add_post(PostRecord("x", handle, tweet_id, post_values, extra,
                               reply_to_handle=normalize_handle(to_str(reply)) if isinstance(reply, str) else "",
                               where=ctx.where()))
