"""X API v2 responses: data, includes.users, includes.tweets."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from profiles.importers.parsers.reading import json_values, read_text, require_object
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


def v2_user(user: dict[str, Any], ctx: Ctx, field: str) -> ProfileRecord:
    metrics = user.get("public_metrics") if isinstance(user.get("public_metrics"), dict) else {}
    values = compact({
        "platform_id": to_id(user.get("id"), ctx, f"{field}.id", required=False) or None,
        "display_name": to_str(user.get("name"))[:200] if "name" in user else None,
        "bio": to_str(user.get("description")) if "description" in user else None,
        "external_url": to_url(user.get("url"))[:500] if "url" in user else None,
        "is_verified": to_bool(user.get("verified"), ctx, f"{field}.verified"),
        "is_private": to_bool(user.get("protected"), ctx, f"{field}.protected"),
        "avatar_url": to_url(user.get("profile_image_url"))[:1000] or None,
        "followers_count": to_int(metrics.get("followers_count"), ctx, f"{field}.public_metrics.followers_count"),
        "following_count": to_int(metrics.get("following_count"), ctx, f"{field}.public_metrics.following_count"),
        "posts_count": to_int(metrics.get("tweet_count"), ctx, f"{field}.public_metrics.tweet_count"),
        "account_created_at": to_datetime(user.get("created_at"), ctx, f"{field}.created_at"),
    })
    extra = compact({"listed_count": to_int(metrics.get("listed_count"), ctx, f"{field}.public_metrics.listed_count"),
                      "location": to_str(user.get("location")) or None})
    if "profile_image_url" in user:
        values["has_default_avatar"] = "default_profile_images" in to_str(user.get("profile_image_url"))
    return ProfileRecord("x", to_handle(user.get("username"), ctx, f"{field}.username"), values, extra,
                         where=ctx.where())


def v2_tweet(tweet: dict[str, Any], owner: str, users_by_id: dict[str, str], ctx: Ctx, field: str) -> PostRecord:
    tweet_id = to_id(tweet.get("id"), ctx, f"{field}.id")
    text = to_str(tweet.get("text"))
    metrics = tweet.get("public_metrics") if isinstance(tweet.get("public_metrics"), dict) else {}
    entities = tweet.get("entities") if isinstance(tweet.get("entities"), dict) else {}
    hashtags = [str(tag.get("tag", "")).lower() for tag in entities.get("hashtags") or [] if isinstance(tag, dict)]
    mentions = [normalize_handle(to_str(m.get("username"))) for m in entities.get("mentions") or []
                if isinstance(m, dict)]
    media_keys = (tweet.get("attachments") or {}).get("media_keys") or []
    values = compact({
        "url": f"https://x.com/{owner}/status/{tweet_id}",
        "media_type": "carousel" if len(media_keys) > 1 else ("image" if media_keys else "text"),
        "caption": text,
        "hashtags": [h for h in hashtags if h] or parse_hashtags(text),
        "mentions": [m for m in mentions if m] or parse_mentions(text, "x"),
        "taken_at": to_datetime(tweet.get("created_at"), ctx, f"{field}.created_at"),
        "likes": to_int(metrics.get("like_count"), ctx, f"{field}.public_metrics.like_count"),
        "comments": to_int(metrics.get("reply_count"), ctx, f"{field}.public_metrics.reply_count"),
        "views": to_int(metrics.get("impression_count"), ctx, f"{field}.public_metrics.impression_count"),
    })
    extra = compact({"retweets": to_int(metrics.get("retweet_count"), ctx, f"{field}.public_metrics.retweet_count"),
                      "quotes": to_int(metrics.get("quote_count"), ctx, f"{field}.public_metrics.quote_count"),
                      "lang": tweet.get("lang") or None})
    reply_to = users_by_id.get(to_str(tweet.get("in_reply_to_user_id")), "")
    return PostRecord("x", owner, tweet_id, values, extra, reply_to_handle=reply_to, where=ctx.where())


def parse_twitter_v2(path: Path, name: str) -> ParsedFile:
    parsed = ParsedFile(name)
    for ctx, value in json_values(read_text(path, name), name):
        obj = require_object(value, ctx)
        if "data" not in obj and "includes" not in obj:
            raise ctx.fail("data", "missing: not an API v2 response")
        data = obj.get("data")
        items = data if isinstance(data, list) else ([data] if isinstance(data, dict) else [])
        includes = obj.get("includes") if isinstance(obj.get("includes"), dict) else {}
        users = [("includes.users", i, u) for i, u in enumerate(includes.get("users") or [])]
        users += [("data", i, u) for i, u in enumerate(items) if isinstance(u, dict) and "username" in u]
        users_by_id: dict[str, str] = {}
        for where, index, user in users:
            record = v2_user(require_object(user, ctx), ctx, f"{where}[{index}]")
            parsed.add_profile(record)
            if record.values.get("platform_id"):
                users_by_id[record.values["platform_id"]] = record.handle
        tweets = [("data", i, t) for i, t in enumerate(items) if isinstance(t, dict) and "text" in t]
        tweets += [("includes.tweets", i, t) for i, t in enumerate(includes.get("tweets") or [])]
        for where, index, tweet in tweets:
            author = to_str(require_object(tweet, ctx).get("author_id"))
            if author not in users_by_id:
                raise ctx.fail(f"{where}[{index}].author_id",
                               "author not in includes.users (request expansions=author_id)")
            parsed.add_post(v2_tweet(tweet, users_by_id[author], users_by_id, ctx, f"{where}[{index}]"))
    return parsed
