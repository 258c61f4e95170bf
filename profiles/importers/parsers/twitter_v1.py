"""X / Twitter API v1.1 user and tweet objects (and TwiBot-20 records)."""

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
    parse_hashtags,
    parse_mentions,
)


def x_media_type(kind: str) -> str:
    return {"photo": "image", "video": "video", "animated_gif": "video"}.get(kind, "text")


# --- X / Twitter API v1.1 ------------------------------------------------------------------------------------------


def _clean_twibot(value: Any) -> Any:
    # TwiBot-20 stores every v1.1 value as a string with a trailing space ("False ", "1234 ").
    if isinstance(value, str):
        text = value.strip()
        return {"None": None, "True": True, "False": False}.get(text, text)
    return value


def v1_user(user: dict[str, Any], ctx: Ctx, field: str = "") -> ProfileRecord:
    prefix = f"{field}." if field else ""
    handle = to_handle(user.get("screen_name"), ctx, prefix + "screen_name", "x")
    url = user.get("url")
    expanded = (
        ((user.get("entities") or {}) if isinstance(user.get("entities"), dict) else {}).get("url", {}).get("urls")
        or [{}]
    )[0].get("expanded_url")
    values = compact(
        {
            "platform_id": to_id(user.get("id_str") or user.get("id"), ctx, prefix + "id_str", required=False) or None,
            "display_name": to_str(user.get("name"))[:200] if "name" in user else None,
            "bio": to_str(user.get("description")) if "description" in user else None,
            "external_url": to_url(expanded or url)[:500] if ("url" in user) else None,
            "is_verified": to_bool(user.get("verified"), ctx, prefix + "verified"),
            "is_private": to_bool(user.get("protected"), ctx, prefix + "protected"),
            "avatar_url": to_url(user.get("profile_image_url_https") or user.get("profile_image_url"))[:1000] or None,
            "has_default_avatar": to_bool(user.get("default_profile_image"), ctx, prefix + "default_profile_image"),
            "followers_count": to_int(user.get("followers_count"), ctx, prefix + "followers_count"),
            "following_count": to_int(user.get("friends_count"), ctx, prefix + "friends_count"),
            "posts_count": to_int(user.get("statuses_count"), ctx, prefix + "statuses_count"),
            "account_created_at": to_datetime(user.get("created_at"), ctx, prefix + "created_at"),
        }
    )
    extra = compact({key: to_int(user.get(key), ctx, prefix + key) for key in ("listed_count", "favourites_count")})
    extra.update(
        compact(
            {
                "default_profile": to_bool(user.get("default_profile"), ctx, prefix + "default_profile"),
                "location": to_str(user.get("location")) or None,
                "lang": user.get("lang") or None,
                "geo_enabled": to_bool(user.get("geo_enabled"), ctx, prefix + "geo_enabled"),
            }
        )
    )
    # Profile details the X authenticity model reads (ml.authenticity.profile_record); absent keys stay unknown.
    extra.update(
        compact(
            {
                "has_extended_profile": to_bool(user.get("has_extended_profile"), ctx, prefix + "has_extended_profile"),
                "use_background_image": to_bool(
                    user.get("profile_use_background_image"), ctx, prefix + "profile_use_background_image"
                ),
                "has_banner": bool(user.get("profile_banner_url"))
                if ("profile_banner_url" in user or "profile_background_color" in user)
                else None,
                "profile_link_color": to_str(user.get("profile_link_color")) or None,
                "profile_background_color": to_str(user.get("profile_background_color")) or None,
            }
        )
    )
    return ProfileRecord("x", handle, values, extra, where=ctx.where())


def v1_tweet(tweet: dict[str, Any], owner: str, ctx: Ctx, field: str = "") -> PostRecord:
    prefix = f"{field}." if field else ""
    tweet_id = to_id(tweet.get("id_str") or tweet.get("id"), ctx, prefix + "id_str")
    extended = as_dict(tweet.get("extended_tweet"))
    # full_text (tweet_mode=extended) or the streaming API's extended_tweet.full_text; plain `text` of a long
    # tweet is cut at 140 characters and marked truncated.
    text = to_str(tweet.get("full_text") or extended.get("full_text") or tweet.get("text"))
    entities = extended.get("entities") or tweet.get("entities")
    entities = entities if isinstance(entities, dict) else {}
    hashtags = [str(tag.get("text", "")).lower() for tag in entities.get("hashtags") or [] if isinstance(tag, dict)]
    mentions = to_handles(
        [m.get("screen_name") for m in entities.get("user_mentions") or [] if isinstance(m, dict)],
        ctx,
        prefix + "entities.user_mentions",
        "x",
    )
    media = (
        (extended.get("extended_entities") or tweet.get("extended_entities") or {}).get("media")
        or entities.get("media")
        or []
    )
    media_type = "carousel" if len(media) > 1 else x_media_type(to_str(media[0].get("type")) if media else "")
    values = compact(
        {
            "url": f"https://x.com/{owner}/status/{tweet_id}",
            "media_type": media_type,
            "caption": text,
            "hashtags": [h for h in hashtags if h] or parse_hashtags(text),
            "mentions": mentions or parse_mentions(text, "x"),
            "taken_at": to_datetime(tweet.get("created_at"), ctx, prefix + "created_at"),
            "likes": to_int(tweet.get("favorite_count"), ctx, prefix + "favorite_count"),
            "comments": to_int(tweet.get("reply_count"), ctx, prefix + "reply_count"),
        }
    )
    quoted = tweet.get("quoted_status_id_str") or (tweet.get("quoted_status") or {}).get("id_str")
    extra = compact(
        {
            "retweets": to_int(tweet.get("retweet_count"), ctx, prefix + "retweet_count"),
            "quotes": to_int(tweet.get("quote_count"), ctx, prefix + "quote_count"),
            "lang": tweet.get("lang") or None,
            "quoted_post_id": to_str(quoted) or None,
            "text_truncated": True
            if tweet.get("truncated") and not (tweet.get("full_text") or extended.get("full_text"))
            else None,
        }
    )
    reply = tweet.get("in_reply_to_screen_name")
    reply_to = to_handle(reply, ctx, prefix + "in_reply_to_screen_name", "x") if reply else ""
    return PostRecord("x", owner, tweet_id, values, extra, reply_to_handle=reply_to, where=ctx.where())


def add_v1_tweet(
    tweet: dict[str, Any], ctx: Ctx, parsed: ParsedFile, field: str = "", owner: ProfileRecord | None = None
) -> None:
    """A v1.1 tweet with its author; a retweet becomes a repost of the original (and the original, with its
    real counts, a post of its author), never a post of the retweeter."""
    prefix = f"{field}." if field else ""
    if owner is None:
        user = tweet.get("user")
        if not isinstance(user, dict):
            raise ctx.fail(prefix + "user", "is missing: a v1.1 tweet must carry its user object")
        owner = v1_user(user, ctx, prefix + "user")
        parsed.add_profile(owner)
    original = tweet.get("retweeted_status")
    if isinstance(original, dict):
        add_v1_tweet(original, ctx, parsed, prefix + "retweeted_status")
        original_owner = as_dict(original.get("user"))
        parsed.add_repost(
            RepostRecord(
                "x",
                owner.handle,
                to_handle(original_owner.get("screen_name"), ctx, prefix + "retweeted_status.user.screen_name", "x"),
                to_id(original.get("id_str") or original.get("id"), ctx, prefix + "retweeted_status.id_str"),
                to_datetime(tweet.get("created_at"), ctx, prefix + "created_at"),
                where=ctx.where(),
            )
        )
        return
    parsed.add_post(v1_tweet(tweet, owner.handle, ctx, field))


def is_v1_tweet(obj: dict[str, Any]) -> bool:
    return (
        isinstance(obj.get("user"), dict) and "screen_name" in obj["user"] and bool(obj.get("id_str") or obj.get("id"))
    )


def parse_twitter_v1(path: Path, name: str) -> ParsedFile:
    parsed = ParsedFile(name)
    for ctx, value in file_values(path, name):
        obj = require_object(value, ctx)
        if isinstance(obj.get("users"), list):  # followers/list, friends/list, users/lookup wrappers
            for index, user in enumerate(obj["users"]):
                parsed.add_profile(v1_user(require_object(user, ctx), ctx, f"users[{index}]"))
        elif isinstance(obj.get("statuses"), list):  # search/tweets
            for index, tweet in enumerate(obj["statuses"]):
                add_v1_tweet(require_object(tweet, ctx), ctx, parsed, f"statuses[{index}]")
        elif isinstance(obj.get("profile"), dict):  # TwiBot-20 style {ID, profile, tweet}
            user = {key: _clean_twibot(val) for key, val in obj["profile"].items()}
            record = v1_user(user, ctx, "profile")
            parsed.add_profile(record)
            for index, tweet in enumerate(obj.get("tweet") or []):
                if isinstance(tweet, dict):
                    add_v1_tweet(tweet, ctx, parsed, f"tweet[{index}]", owner=record)
        elif "screen_name" in obj:
            parsed.add_profile(v1_user(obj, ctx))
        elif isinstance(obj.get("user"), dict):
            if obj.get("id_str") or obj.get("id"):
                add_v1_tweet(obj, ctx, parsed)
            else:
                parsed.add_profile(v1_user(obj["user"], ctx, "user"))
        else:
            keys = ", ".join(sorted(str(key) for key in obj)[:8])
            raise ctx.fail(
                "screen_name", f"not a v1.1 user or tweet object (no screen_name or user; top-level keys: {keys})"
            )
    return parsed
