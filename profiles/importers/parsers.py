"""Parsers for every supported import format. Each turns one file into a `ParsedFile` or raises
`ImportFormatError` naming the file, the line (or record) and the field; nothing is written while parsing."""
from __future__ import annotations

import csv
import io
import json
import lzma
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from profiles.importers.records import (
    ImportFormatError,
    ParsedFile,
    PostRecord,
    ProfileRecord,
    from_timestamp,
    normalize_handle,
    parse_hashtags,
    parse_mentions,
)

FORMATS = ("instagram-graphql", "instaloader", "gallery-dl", "twitter-v1", "twitter-v2", "csv")


class Ctx:
    """Where we are in a file, for error messages."""

    def __init__(self, file: str, line: int | None = None, unit: str = "line") -> None:
        self.file, self.line, self.unit = file, line, unit

    def fail(self, field: str | None, message: str) -> ImportFormatError:
        error = ImportFormatError(file=self.file, line=self.line, field=field, message=message)
        if self.unit != "line" and self.line is not None:
            error.args = (str(error).replace(f", line {self.line}", f", {self.unit} {self.line}"),)
        return error

    def where(self) -> str:
        return f"{self.file}:{self.line}" if self.line is not None else self.file


# --- value coercion ------------------------------------------------------------------------------------------------

def _int(value: Any, ctx: Ctx, field: str) -> int | None:
    if isinstance(value, dict):
        value = value.get("count")
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ctx.fail(field, f"expected a number, got {value!r}")
    if isinstance(value, int):
        return value
    try:
        return int(float(str(value).strip().replace(",", "")))
    except ValueError:
        raise ctx.fail(field, f"expected a number, got {str(value)[:40]!r}") from None


def _bool(value: Any, ctx: Ctx, field: str) -> bool | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("true", "1", "yes", "y", "t"):
        return True
    if text in ("false", "0", "no", "n", "f", "none"):
        return False
    raise ctx.fail(field, f"expected true/false, got {str(value)[:40]!r}")


def _str(value: Any) -> str:
    if value is None:
        return ""
    return str(value).strip()


def _id(value: Any, ctx: Ctx, field: str, *, required: bool = True) -> str:
    text = _str(value)
    if not text and required:
        raise ctx.fail(field, "is missing")
    if len(text) > 64:
        raise ctx.fail(field, "is longer than 64 characters")
    return text


def _handle(value: Any, ctx: Ctx, field: str) -> str:
    handle = normalize_handle(_str(value))
    if not handle:
        raise ctx.fail(field, "is missing")
    if len(handle) > 64 or any(ch.isspace() for ch in handle):
        raise ctx.fail(field, f"is not a valid handle: {handle[:40]!r}")
    return handle


def _datetime(value: Any, ctx: Ctx, field: str) -> datetime | None:
    if value is None or value == "":
        return None
    try:
        if isinstance(value, int | float) and not isinstance(value, bool):
            return from_timestamp(value)
        text = str(value).strip()
        if text.lstrip("-").isdigit():
            return from_timestamp(int(text))
        for pattern in ("%a %b %d %H:%M:%S %z %Y",):  # Twitter v1.1
            try:
                return datetime.strptime(text, pattern)
            except ValueError:
                pass
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    except (ValueError, OverflowError, OSError):
        raise ctx.fail(field, f"is not a date: {str(value)[:40]!r}") from None


def _url(value: Any) -> str:
    text = _str(value)
    return text if text.startswith(("http://", "https://")) else ""


def _compact(values: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in values.items() if value is not None}


# --- file reading --------------------------------------------------------------------------------------------------

def read_text(path: Path, name: str) -> str:
    try:
        raw = lzma.open(path).read() if path.name.endswith(".xz") else path.read_bytes()
    except (OSError, lzma.LZMAError) as exc:
        raise ImportFormatError(file=name, line=None, field=None, message=f"cannot be read: {exc}") from exc
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ImportFormatError(file=name, line=line, field=None, message="is not UTF-8 text") from exc


def json_values(text: str, name: str) -> Iterator[tuple[Ctx, Any]]:
    """Yield (context, value) for a JSON document (each array item is a record) or JSON Lines (each line)."""
    stripped = text.strip()
    if not stripped:
        raise ImportFormatError(file=name, line=None, field=None, message="is empty")
    try:
        document = json.loads(stripped)
    except json.JSONDecodeError as whole_error:
        if "\n" not in stripped:
            raise ImportFormatError(file=name, line=whole_error.lineno, field=None,
                                    message=f"is not valid JSON ({whole_error.msg})") from None
        for number, line in enumerate(text.split("\n"), start=1):  # not splitlines(): captions hold U+2028
            if not line.strip():
                continue
            try:
                yield Ctx(name, number), json.loads(line)
            except json.JSONDecodeError as exc:
                raise ImportFormatError(file=name, line=number, field=None,
                                        message=f"is not valid JSON ({exc.msg})") from None
        return
    if isinstance(document, list):
        for index, item in enumerate(document, start=1):
            yield Ctx(name, index, unit="record"), item
    else:
        yield Ctx(name, 1), document


def _require_object(value: Any, ctx: Ctx) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ctx.fail(None, f"expected a JSON object, got {type(value).__name__}")
    return value


# --- Instagram (web GraphQL nodes: the shipped dataset, instaloader, web_profile_info) -----------------------------

IG_TYPES = {"GraphImage": "image", "GraphVideo": "video", "GraphSidecar": "carousel",
            "XDTGraphImage": "image", "XDTGraphVideo": "video", "XDTGraphSidecar": "carousel"}


def _ig_caption(value: Any) -> str:
    if isinstance(value, dict):
        edges = value.get("edges") or []
        return _str(edges[0].get("node", {}).get("text")) if edges else ""
    text = _str(value)
    return "" if text == "None" else text  # the 2019 scrape wrote a missing caption as "None"


def _ig_unwrap_user(obj: dict[str, Any]) -> dict[str, Any]:
    if isinstance(obj.get("graphql"), dict):
        obj = obj["graphql"]
    if isinstance(obj.get("data"), dict):
        obj = obj["data"]
    if isinstance(obj.get("user"), dict) and "username" not in obj:
        obj = obj["user"]
    return obj


def ig_profile(user: dict[str, Any], ctx: Ctx, source_field: str = "") -> ProfileRecord:
    prefix = f"{source_field}." if source_field else ""
    handle = _handle(user.get("username"), ctx, prefix + "username")
    values = _compact({
        "platform_id": _id(user.get("id") or user.get("pk"), ctx, prefix + "id", required=False) or None,
        "display_name": _str(user.get("full_name"))[:200] if "full_name" in user else None,
        "bio": _str(user.get("biography")) if "biography" in user else None,
        "external_url": _url(user.get("external_url"))[:500] if "external_url" in user else None,
        "is_verified": _bool(user.get("is_verified"), ctx, prefix + "is_verified"),
        "is_private": _bool(user.get("is_private"), ctx, prefix + "is_private"),
        "is_business": _bool(user.get("is_business_account", user.get("is_business")), ctx,
                             prefix + "is_business_account"),
        "business_category": _str(user.get("business_category_name") or user.get("category"))[:120] or None,
        "avatar_url": _url(user.get("profile_pic_url_hd") or (user.get("hd_profile_pic_url_info") or {}).get("url")
                           or user.get("profile_pic_url"))[:1000] or None,
        "followers_count": _int(user.get("edge_followed_by", user.get("follower_count")), ctx,
                                prefix + "edge_followed_by"),
        "following_count": _int(user.get("edge_follow", user.get("following_count")), ctx, prefix + "edge_follow"),
        "posts_count": _int(user.get("edge_owner_to_timeline_media",
                                     user.get("media_count", user.get("all_media_count"))), ctx,
                            prefix + "edge_owner_to_timeline_media"),
    })
    extra = _compact({"highlight_reel_count": user.get("highlight_reel_count")})
    return ProfileRecord("instagram", handle, values, extra, where=ctx.where())


def ig_post(node: dict[str, Any], owner: str, ctx: Ctx, field: str = "posts") -> PostRecord:
    post_id = _id(node.get("id") or node.get("pk"), ctx, f"{field}.id")
    caption = _ig_caption(node.get("edge_media_to_caption", node.get("caption")))
    typename = _str(node.get("__typename"))
    if typename and typename not in IG_TYPES:
        raise ctx.fail(f"{field}.__typename", f"unknown post type {typename!r}")
    media_type = IG_TYPES.get(typename) or ("video" if node.get("is_video") else "image")
    tagged_edges = (node.get("edge_media_to_tagged_user") or {}).get("edges") or []
    tagged = [normalize_handle(_str(edge.get("node", {}).get("user", {}).get("username"))) for edge in tagged_edges]
    likes_field = next((name for name in ("edge_liked_by", "edge_media_preview_like", "like_count") if name in node),
                       "edge_liked_by")
    comments_field = next((name for name in ("edge_media_to_comment", "edge_media_to_parent_comment",
                                             "edge_media_preview_comment", "comments", "comment_count")
                           if name in node), "edge_media_to_comment")
    timestamp = node.get("taken_at_timestamp", node.get("date", node.get("taken_at")))
    sponsors = (node.get("edge_media_to_sponsor_user") or {}).get("edges") or []
    shortcode = _str(node.get("shortcode") or node.get("code"))
    values = _compact({
        "shortcode": shortcode,
        "url": f"https://www.instagram.com/p/{shortcode}/" if shortcode else "",
        "media_type": media_type,
        "caption": caption,
        "hashtags": parse_hashtags(caption),
        "mentions": parse_mentions(caption, "instagram"),
        "tagged_accounts": [handle for handle in tagged if handle],
        "taken_at": _datetime(timestamp, ctx, f"{field}.taken_at_timestamp"),
        "likes": _int(node.get(likes_field), ctx, f"{field}.{likes_field}"),
        "comments": _int(node.get(comments_field), ctx, f"{field}.{comments_field}"),
        "views": _int(node.get("video_view_count", node.get("view_count")), ctx, f"{field}.video_view_count"),
        "image_description": _str(node.get("accessibility_caption")),
        "is_sponsored": bool(node.get("is_paid_partnership") or sponsors),
    })
    extra = _compact({"dimensions": node.get("dimensions"), "location": node.get("location") or None,
                      "comments_disabled": node.get("comments_disabled")})
    return PostRecord("instagram", owner, post_id, values, extra, where=ctx.where())


def parse_instagram_graphql(path: Path, name: str) -> ParsedFile:
    parsed = ParsedFile(name)
    for ctx, value in json_values(read_text(path, name), name):
        user = _ig_unwrap_user(_require_object(value, ctx))
        record = ig_profile(user, ctx)
        parsed.add_profile(record)
        posts = user.get("posts")
        if posts is None:
            posts = [edge.get("node", {}) for edge in
                     ((user.get("edge_owner_to_timeline_media") or {}).get("edges") or [])
                     if isinstance(user.get("edge_owner_to_timeline_media"), dict)]
        if not isinstance(posts, list):
            raise ctx.fail("posts", "expected a list of posts")
        for index, node in enumerate(posts):
            if not isinstance(node, dict):
                raise ctx.fail(f"posts[{index}]", "expected a post object")
            parsed.add_post(ig_post(node, record.handle, ctx, field=f"posts[{index}]"))
    return parsed


def parse_instaloader(path: Path, name: str) -> ParsedFile:
    """instaloader's own metadata files: {"node": {...}, "instaloader": {"node_type": "Profile" | "Post"}}."""
    parsed = ParsedFile(name)
    for ctx, value in json_values(read_text(path, name), name):
        obj = _require_object(value, ctx)
        node = obj.get("node")
        node_type = _str((obj.get("instaloader") or {}).get("node_type"))
        if not isinstance(node, dict):
            raise ctx.fail("node", "missing: this is not an instaloader metadata file")
        if node_type == "Profile":
            parsed.add_profile(ig_profile(node, ctx, "node"))
        elif node_type == "Post":
            owner = node.get("owner") or {}
            if not isinstance(owner, dict) or not owner.get("username"):
                raise ctx.fail("node.owner.username", "is missing")
            owner_record = ig_profile(owner, ctx, "node.owner")
            parsed.add_profile(owner_record)
            parsed.add_post(ig_post(node, owner_record.handle, ctx, field="node"))
        else:
            raise ctx.fail("instaloader.node_type", f"unsupported node type {node_type!r} (Profile or Post)")
    return parsed


# --- gallery-dl metadata -------------------------------------------------------------------------------------------

def parse_gallery_dl(path: Path, name: str) -> ParsedFile:
    parsed = ParsedFile(name)
    for ctx, value in json_values(read_text(path, name), name):
        obj = _require_object(value, ctx)
        category = _str(obj.get("category"))
        if category == "instagram":
            _gallery_dl_instagram(obj, ctx, parsed)
        elif category == "twitter":
            _gallery_dl_twitter(obj, ctx, parsed)
        else:
            raise ctx.fail("category", f"unsupported gallery-dl category {category!r} (instagram or twitter)")
    return parsed


def _gallery_dl_instagram(obj: dict[str, Any], ctx: Ctx, parsed: ParsedFile) -> None:
    handle = _handle(obj.get("username"), ctx, "username")
    profile_values = _compact({
        "platform_id": _id(obj.get("owner_id"), ctx, "owner_id", required=False) or None,
        "display_name": _str(obj.get("fullname"))[:200] or None,
    })
    parsed.add_profile(ProfileRecord("instagram", handle, profile_values, where=ctx.where()))
    caption = _str(obj.get("description"))
    shortcode = _str(obj.get("post_shortcode") or obj.get("shortcode"))
    tagged = [normalize_handle(_str(user.get("username"))) for user in obj.get("tagged_users") or []
              if isinstance(user, dict)]
    count = _int(obj.get("count"), ctx, "count") or 1
    media_type = "carousel" if count > 1 else ("video" if _str(obj.get("type")) == "video" else "image")
    tags = obj.get("tags") if isinstance(obj.get("tags"), list) else None
    values = _compact({
        "shortcode": shortcode,
        "url": _url(obj.get("post_url")) or (f"https://www.instagram.com/p/{shortcode}/" if shortcode else ""),
        "media_type": media_type,
        "caption": caption,
        "hashtags": [normalize_handle(str(tag)).lstrip("#") for tag in tags] if tags else parse_hashtags(caption),
        "mentions": parse_mentions(caption, "instagram"),
        "tagged_accounts": [t for t in tagged if t],
        "taken_at": _datetime(obj.get("post_date") or obj.get("date"), ctx, "date"),
        "likes": _int(obj.get("likes"), ctx, "likes"),
        "comments": _int(obj.get("comments"), ctx, "comments"),
        "views": _int(obj.get("video_view_count"), ctx, "video_view_count"),
        "image_description": _str(obj.get("accessibility_caption")),
    })
    post_id = _id(obj.get("post_id") or obj.get("media_id"), ctx, "post_id")
    parsed.add_post(PostRecord("instagram", handle, post_id, values, where=ctx.where()))


def _gallery_dl_twitter(obj: dict[str, Any], ctx: Ctx, parsed: ParsedFile) -> None:
    author = obj.get("author") or obj.get("user")
    if not isinstance(author, dict):
        raise ctx.fail("author", "is missing")
    handle = _handle(author.get("name"), ctx, "author.name")
    values = _compact({
        "platform_id": _id(author.get("id"), ctx, "author.id", required=False) or None,
        "display_name": _str(author.get("nick"))[:200] or None,
        "bio": _str(author.get("description")) if "description" in author else None,
        "is_verified": _bool(author.get("verified"), ctx, "author.verified"),
        "is_private": _bool(author.get("protected"), ctx, "author.protected"),
        "avatar_url": _url(author.get("profile_image"))[:1000] or None,
        "followers_count": _int(author.get("followers_count"), ctx, "author.followers_count"),
        "following_count": _int(author.get("friends_count"), ctx, "author.friends_count"),
        "posts_count": _int(author.get("statuses_count"), ctx, "author.statuses_count"),
        "account_created_at": _datetime(author.get("date"), ctx, "author.date"),
    })
    parsed.add_profile(ProfileRecord("x", handle, values, where=ctx.where()))
    text = _str(obj.get("content"))
    mentions = [normalize_handle(_str(m.get("name"))) for m in obj.get("mentions") or [] if isinstance(m, dict)]
    hashtags = obj.get("hashtags") if isinstance(obj.get("hashtags"), list) else None
    tweet_id = _id(obj.get("tweet_id"), ctx, "tweet_id")
    post_values = _compact({
        "url": f"https://x.com/{handle}/status/{tweet_id}",
        "media_type": _x_media_type(_str(obj.get("type"))),
        "caption": text,
        "hashtags": [str(tag).lower() for tag in hashtags] if hashtags else parse_hashtags(text),
        "mentions": [m for m in mentions if m] or parse_mentions(text, "x"),
        "taken_at": _datetime(obj.get("date"), ctx, "date"),
        "likes": _int(obj.get("favorite_count"), ctx, "favorite_count"),
        "comments": _int(obj.get("reply_count"), ctx, "reply_count"),
        "views": _int(obj.get("view_count"), ctx, "view_count"),
    })
    extra = _compact({"retweets": obj.get("retweet_count"), "quotes": obj.get("quote_count"), "lang": obj.get("lang")})
    reply = obj.get("reply_to")
    parsed.add_post(PostRecord("x", handle, tweet_id, post_values, extra,
                               reply_to_handle=normalize_handle(_str(reply)) if isinstance(reply, str) else "",
                               where=ctx.where()))


def _x_media_type(kind: str) -> str:
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
    handle = _handle(user.get("screen_name"), ctx, prefix + "screen_name")
    url = user.get("url")
    expanded = (((user.get("entities") or {}) if isinstance(user.get("entities"), dict) else {})
                .get("url", {}).get("urls") or [{}])[0].get("expanded_url")
    values = _compact({
        "platform_id": _id(user.get("id_str") or user.get("id"), ctx, prefix + "id_str", required=False) or None,
        "display_name": _str(user.get("name"))[:200] if "name" in user else None,
        "bio": _str(user.get("description")) if "description" in user else None,
        "external_url": _url(expanded or url)[:500] if ("url" in user) else None,
        "is_verified": _bool(user.get("verified"), ctx, prefix + "verified"),
        "is_private": _bool(user.get("protected"), ctx, prefix + "protected"),
        "avatar_url": _url(user.get("profile_image_url_https") or user.get("profile_image_url"))[:1000] or None,
        "has_default_avatar": _bool(user.get("default_profile_image"), ctx, prefix + "default_profile_image"),
        "followers_count": _int(user.get("followers_count"), ctx, prefix + "followers_count"),
        "following_count": _int(user.get("friends_count"), ctx, prefix + "friends_count"),
        "posts_count": _int(user.get("statuses_count"), ctx, prefix + "statuses_count"),
        "account_created_at": _datetime(user.get("created_at"), ctx, prefix + "created_at"),
    })
    extra = _compact({key: _int(user.get(key), ctx, prefix + key) for key in ("listed_count", "favourites_count")})
    extra.update(_compact({"default_profile": _bool(user.get("default_profile"), ctx, prefix + "default_profile"),
                           "location": _str(user.get("location")) or None, "lang": user.get("lang") or None,
                           "geo_enabled": _bool(user.get("geo_enabled"), ctx, prefix + "geo_enabled")}))
    # Profile details the X authenticity model reads (ml.authenticity.profile_record); absent keys stay unknown.
    extra.update(_compact({
        "has_extended_profile": _bool(user.get("has_extended_profile"), ctx, prefix + "has_extended_profile"),
        "use_background_image": _bool(user.get("profile_use_background_image"), ctx,
                                      prefix + "profile_use_background_image"),
        "has_banner": bool(user.get("profile_banner_url")) if ("profile_banner_url" in user
                                                               or "profile_background_color" in user) else None,
        "profile_link_color": _str(user.get("profile_link_color")) or None,
        "profile_background_color": _str(user.get("profile_background_color")) or None,
    }))
    return ProfileRecord("x", handle, values, extra, where=ctx.where())


def v1_tweet(tweet: dict[str, Any], owner: str, ctx: Ctx, field: str = "") -> PostRecord:
    prefix = f"{field}." if field else ""
    tweet_id = _id(tweet.get("id_str") or tweet.get("id"), ctx, prefix + "id_str")
    text = _str(tweet.get("full_text") or tweet.get("text"))
    entities = tweet.get("entities") if isinstance(tweet.get("entities"), dict) else {}
    hashtags = [str(tag.get("text", "")).lower() for tag in entities.get("hashtags") or [] if isinstance(tag, dict)]
    mentions = [normalize_handle(_str(m.get("screen_name"))) for m in entities.get("user_mentions") or []
                if isinstance(m, dict)]
    media = ((tweet.get("extended_entities") or {}).get("media") or entities.get("media") or [])
    media_type = "carousel" if len(media) > 1 else _x_media_type(_str(media[0].get("type")) if media else "")
    values = _compact({
        "url": f"https://x.com/{owner}/status/{tweet_id}",
        "media_type": media_type,
        "caption": text,
        "hashtags": [h for h in hashtags if h] or parse_hashtags(text),
        "mentions": [m for m in mentions if m] or parse_mentions(text, "x"),
        "taken_at": _datetime(tweet.get("created_at"), ctx, prefix + "created_at"),
        "likes": _int(tweet.get("favorite_count"), ctx, prefix + "favorite_count"),
        "comments": _int(tweet.get("reply_count"), ctx, prefix + "reply_count"),
    })
    extra = _compact({"retweets": _int(tweet.get("retweet_count"), ctx, prefix + "retweet_count"),
                      "lang": tweet.get("lang") or None})
    reply_to = normalize_handle(_str(tweet.get("in_reply_to_screen_name")))
    return PostRecord("x", owner, tweet_id, values, extra, reply_to_handle=reply_to, where=ctx.where())


def parse_twitter_v1(path: Path, name: str) -> ParsedFile:
    parsed = ParsedFile(name)
    for ctx, value in json_values(read_text(path, name), name):
        obj = _require_object(value, ctx)
        if isinstance(obj.get("users"), list):  # followers/list, friends/list, users/lookup wrappers
            for index, user in enumerate(obj["users"]):
                parsed.add_profile(v1_user(_require_object(user, ctx), ctx, f"users[{index}]"))
        elif isinstance(obj.get("profile"), dict):  # TwiBot-20 style {ID, profile, tweet}
            user = {key: _clean_twibot(val) for key, val in obj["profile"].items()}
            record = v1_user(user, ctx, "profile")
            parsed.add_profile(record)
            for index, tweet in enumerate(obj.get("tweet") or []):
                if isinstance(tweet, dict):
                    parsed.add_post(v1_tweet(tweet, record.handle, ctx, f"tweet[{index}]"))
        elif "screen_name" in obj:
            parsed.add_profile(v1_user(obj, ctx))
        elif isinstance(obj.get("user"), dict):
            record = v1_user(obj["user"], ctx, "user")
            parsed.add_profile(record)
            if obj.get("id_str") or obj.get("id"):
                parsed.add_post(v1_tweet(obj, record.handle, ctx))
        else:
            raise ctx.fail("screen_name", "not a v1.1 user or tweet object (no screen_name or user)")
    return parsed


# --- X API v2 ------------------------------------------------------------------------------------------------------

def v2_user(user: dict[str, Any], ctx: Ctx, field: str) -> ProfileRecord:
    metrics = user.get("public_metrics") if isinstance(user.get("public_metrics"), dict) else {}
    values = _compact({
        "platform_id": _id(user.get("id"), ctx, f"{field}.id", required=False) or None,
        "display_name": _str(user.get("name"))[:200] if "name" in user else None,
        "bio": _str(user.get("description")) if "description" in user else None,
        "external_url": _url(user.get("url"))[:500] if "url" in user else None,
        "is_verified": _bool(user.get("verified"), ctx, f"{field}.verified"),
        "is_private": _bool(user.get("protected"), ctx, f"{field}.protected"),
        "avatar_url": _url(user.get("profile_image_url"))[:1000] or None,
        "followers_count": _int(metrics.get("followers_count"), ctx, f"{field}.public_metrics.followers_count"),
        "following_count": _int(metrics.get("following_count"), ctx, f"{field}.public_metrics.following_count"),
        "posts_count": _int(metrics.get("tweet_count"), ctx, f"{field}.public_metrics.tweet_count"),
        "account_created_at": _datetime(user.get("created_at"), ctx, f"{field}.created_at"),
    })
    extra = _compact({"listed_count": _int(metrics.get("listed_count"), ctx, f"{field}.public_metrics.listed_count"),
                      "location": _str(user.get("location")) or None})
    if "profile_image_url" in user:
        values["has_default_avatar"] = "default_profile_images" in _str(user.get("profile_image_url"))
    return ProfileRecord("x", _handle(user.get("username"), ctx, f"{field}.username"), values, extra,
                         where=ctx.where())


def v2_tweet(tweet: dict[str, Any], owner: str, users_by_id: dict[str, str], ctx: Ctx, field: str) -> PostRecord:
    tweet_id = _id(tweet.get("id"), ctx, f"{field}.id")
    text = _str(tweet.get("text"))
    metrics = tweet.get("public_metrics") if isinstance(tweet.get("public_metrics"), dict) else {}
    entities = tweet.get("entities") if isinstance(tweet.get("entities"), dict) else {}
    hashtags = [str(tag.get("tag", "")).lower() for tag in entities.get("hashtags") or [] if isinstance(tag, dict)]
    mentions = [normalize_handle(_str(m.get("username"))) for m in entities.get("mentions") or []
                if isinstance(m, dict)]
    media_keys = (tweet.get("attachments") or {}).get("media_keys") or []
    values = _compact({
        "url": f"https://x.com/{owner}/status/{tweet_id}",
        "media_type": "carousel" if len(media_keys) > 1 else ("image" if media_keys else "text"),
        "caption": text,
        "hashtags": [h for h in hashtags if h] or parse_hashtags(text),
        "mentions": [m for m in mentions if m] or parse_mentions(text, "x"),
        "taken_at": _datetime(tweet.get("created_at"), ctx, f"{field}.created_at"),
        "likes": _int(metrics.get("like_count"), ctx, f"{field}.public_metrics.like_count"),
        "comments": _int(metrics.get("reply_count"), ctx, f"{field}.public_metrics.reply_count"),
        "views": _int(metrics.get("impression_count"), ctx, f"{field}.public_metrics.impression_count"),
    })
    extra = _compact({"retweets": _int(metrics.get("retweet_count"), ctx, f"{field}.public_metrics.retweet_count"),
                      "quotes": _int(metrics.get("quote_count"), ctx, f"{field}.public_metrics.quote_count"),
                      "lang": tweet.get("lang") or None})
    reply_to = users_by_id.get(_str(tweet.get("in_reply_to_user_id")), "")
    return PostRecord("x", owner, tweet_id, values, extra, reply_to_handle=reply_to, where=ctx.where())


def parse_twitter_v2(path: Path, name: str) -> ParsedFile:
    parsed = ParsedFile(name)
    for ctx, value in json_values(read_text(path, name), name):
        obj = _require_object(value, ctx)
        if "data" not in obj and "includes" not in obj:
            raise ctx.fail("data", "missing: not an API v2 response")
        data = obj.get("data")
        items = data if isinstance(data, list) else ([data] if isinstance(data, dict) else [])
        includes = obj.get("includes") if isinstance(obj.get("includes"), dict) else {}
        users = [("includes.users", i, u) for i, u in enumerate(includes.get("users") or [])]
        users += [("data", i, u) for i, u in enumerate(items) if isinstance(u, dict) and "username" in u]
        users_by_id: dict[str, str] = {}
        for where, index, user in users:
            record = v2_user(_require_object(user, ctx), ctx, f"{where}[{index}]")
            parsed.add_profile(record)
            if record.values.get("platform_id"):
                users_by_id[record.values["platform_id"]] = record.handle
        tweets = [("data", i, t) for i, t in enumerate(items) if isinstance(t, dict) and "text" in t]
        tweets += [("includes.tweets", i, t) for i, t in enumerate(includes.get("tweets") or [])]
        for where, index, tweet in tweets:
            author = _str(_require_object(tweet, ctx).get("author_id"))
            if author not in users_by_id:
                raise ctx.fail(f"{where}[{index}].author_id",
                               "author not in includes.users (request expansions=author_id)")
            parsed.add_post(v2_tweet(tweet, users_by_id[author], users_by_id, ctx, f"{where}[{index}]"))
    return parsed


# --- CSV -----------------------------------------------------------------------------------------------------------

CSV_PROFILE_COLUMNS = ("platform", "handle", "platform_id", "display_name", "bio", "external_url", "is_verified",
                       "is_private", "followers_count", "following_count", "posts_count")
CSV_POST_COLUMNS = ("post_id", "post_shortcode", "post_url", "post_type", "taken_at", "caption", "likes", "comments",
                    "views", "image_description")
CSV_COLUMNS = CSV_PROFILE_COLUMNS + CSV_POST_COLUMNS


def parse_csv(path: Path, name: str) -> ParsedFile:
    parsed = ParsedFile(name)
    reader = csv.DictReader(io.StringIO(read_text(path, name), newline=""))
    header = [column.strip() for column in reader.fieldnames or []]
    missing = [column for column in ("platform", "handle") if column not in header]
    if missing:
        raise ImportFormatError(file=name, line=1, field=missing[0], message="required column is missing")
    unknown = [column for column in header if column not in CSV_COLUMNS]
    if unknown:
        raise ImportFormatError(file=name, line=1, field=unknown[0],
                                message="unknown column (see profiles/IMPORT_FORMATS.md)")
    reader.fieldnames = header
    for row in reader:
        ctx = Ctx(name, reader.line_num)
        platform = _str(row.get("platform")).lower()
        platform = {"twitter": "x", "ig": "instagram"}.get(platform, platform)
        if platform not in ("instagram", "x"):
            raise ctx.fail("platform", f"must be instagram or x, got {row.get('platform')!r}")
        handle = _handle(row.get("handle"), ctx, "handle")
        values = _compact({
            "platform_id": _id(row.get("platform_id"), ctx, "platform_id", required=False) or None,
            "display_name": _str(row.get("display_name"))[:200] or None,
            "bio": _str(row.get("bio")) or None,
            "external_url": _url(row.get("external_url"))[:500] or None,
            "is_verified": _bool(row.get("is_verified"), ctx, "is_verified"),
            "is_private": _bool(row.get("is_private"), ctx, "is_private"),
            "followers_count": _int(row.get("followers_count"), ctx, "followers_count"),
            "following_count": _int(row.get("following_count"), ctx, "following_count"),
            "posts_count": _int(row.get("posts_count"), ctx, "posts_count"),
        })
        parsed.add_profile(ProfileRecord(platform, handle, values, where=ctx.where()))
        post_id = _str(row.get("post_id"))
        if not post_id:
            filled = next((column for column in CSV_POST_COLUMNS if _str(row.get(column))), None)
            if filled:
                raise ctx.fail("post_id", f"is empty but the post column '{filled}' is filled")
            continue
        media_type = _str(row.get("post_type")).lower() or ("image" if platform == "instagram" else "text")
        if media_type not in ("image", "video", "carousel", "text"):
            raise ctx.fail("post_type", "must be image, video, carousel or text")
        caption = _str(row.get("caption"))
        shortcode = _str(row.get("post_shortcode"))
        default_url = (f"https://www.instagram.com/p/{shortcode}/" if platform == "instagram" and shortcode
                       else f"https://x.com/{handle}/status/{post_id}" if platform == "x" else "")
        post_values = _compact({
            "shortcode": shortcode, "url": _url(row.get("post_url")) or default_url, "media_type": media_type,
            "caption": caption, "hashtags": parse_hashtags(caption), "mentions": parse_mentions(caption, platform),
            "taken_at": _datetime(row.get("taken_at"), ctx, "taken_at"),
            "likes": _int(row.get("likes"), ctx, "likes"), "comments": _int(row.get("comments"), ctx, "comments"),
            "views": _int(row.get("views"), ctx, "views"),
            "image_description": _str(row.get("image_description")),
        })
        parsed.add_post(PostRecord(platform, handle, _id(post_id, ctx, "post_id"), post_values, where=ctx.where()))
    return parsed


PARSERS: dict[str, Callable[[Path, str], ParsedFile]] = {
    "instagram-graphql": parse_instagram_graphql,
    "instaloader": parse_instaloader,
    "gallery-dl": parse_gallery_dl,
    "twitter-v1": parse_twitter_v1,
    "twitter-v2": parse_twitter_v2,
    "csv": parse_csv,
}


def detect_format(path: Path, name: str) -> str:
    """Guess the format of one file from its name and its first JSON value."""
    lower = name.lower()
    if lower.endswith(".csv"):
        return "csv"
    if lower.endswith(".json.xz"):
        return "instaloader"
    first: Any = None
    for _, value in json_values(read_text(path, name), name):
        first = value
        break
    if isinstance(first, list):
        first = first[0] if first else None
    if not isinstance(first, dict):
        raise ImportFormatError(file=name, line=1, field=None, message="could not detect the format; pass --format")
    if "instaloader" in first and "node" in first:
        return "instaloader"
    if first.get("category") in ("instagram", "twitter"):
        return "gallery-dl"
    data = first.get("data")
    if isinstance(first.get("graphql"), dict) or (isinstance(data, dict) and isinstance(data.get("user"), dict)):
        return "instagram-graphql"
    if "username" in first and any(key in first for key in ("edge_followed_by", "posts", "biography", "full_name")):
        return "instagram-graphql"
    if ("screen_name" in first or isinstance(first.get("users"), list) or isinstance(first.get("profile"), dict)
            or (isinstance(first.get("user"), dict) and "screen_name" in first["user"])):
        return "twitter-v1"
    if "data" in first or "includes" in first:
        return "twitter-v2"
    raise ImportFormatError(file=name, line=1, field=None, message="could not detect the format; pass --format")
