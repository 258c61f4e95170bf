"""X API v2 data, as every tool saves it:

* responses (tweepy, twarc2 JSON Lines, one page a line): `data` (tweets or users), `includes.users`,
  `includes.tweets`, `includes.media`;
* twarc2 `--flatten` lines and twarc's lesson files: one tweet a line with `author`, `in_reply_to_user`, referenced
  tweets and mention users embedded;
* academictwitteR: `data_<id>.json` (a bare array of tweets, authors only as `author_id`) beside
  `users_<id>.json` (`{"users": [...]}`): import the folder, authors are resolved across the files.

A retweet (`referenced_tweets` type `retweeted`) is not the retweeter's post: it becomes a repost of the original
author's tweet. Quotes and replies are the account's own posts.
"""

from __future__ import annotations

import re
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
    PendingOwner,
    PostRecord,
    ProfileRecord,
    RepostRecord,
    parse_hashtags,
    parse_mentions,
)

RETWEET_PREFIX_RE = re.compile(r"^RT @(\w{1,15}):", re.ASCII)
V2_MEDIA_TYPES = {"photo": "image", "video": "video", "animated_gif": "video"}


def v2_user(user: dict[str, Any], ctx: Ctx, field: str) -> ProfileRecord:
    metrics = as_dict(user.get("public_metrics"))
    values = compact(
        {
            "platform_id": to_id(user.get("id"), ctx, f"{field}.id", required=False) or None,
            "display_name": to_str(user.get("name"))[:200] if "name" in user else None,
            "bio": to_str(user.get("description")) if "description" in user else None,
            "external_url": to_url(_expanded_url(user) or user.get("url"))[:500] if "url" in user else None,
            "is_verified": to_bool(user.get("verified"), ctx, f"{field}.verified"),
            "is_private": to_bool(user.get("protected"), ctx, f"{field}.protected"),
            "avatar_url": to_url(user.get("profile_image_url"))[:1000] or None,
            "followers_count": to_int(metrics.get("followers_count"), ctx, f"{field}.public_metrics.followers_count"),
            "following_count": to_int(metrics.get("following_count"), ctx, f"{field}.public_metrics.following_count"),
            "posts_count": to_int(metrics.get("tweet_count"), ctx, f"{field}.public_metrics.tweet_count"),
            "account_created_at": to_datetime(user.get("created_at"), ctx, f"{field}.created_at"),
        }
    )
    extra = compact(
        {
            "listed_count": to_int(metrics.get("listed_count"), ctx, f"{field}.public_metrics.listed_count"),
            "location": to_str(user.get("location")) or None,
        }
    )
    if "profile_image_url" in user:
        values["has_default_avatar"] = "default_profile_images" in to_str(user.get("profile_image_url"))
    return ProfileRecord(
        "x", to_handle(user.get("username"), ctx, f"{field}.username", "x"), values, extra, where=ctx.where()
    )


def _expanded_url(user: dict[str, Any]) -> str:
    urls = (
        (((user.get("entities") or {}).get("url") or {}).get("urls") or [])
        if isinstance(user.get("entities"), dict)
        else []
    )
    return to_str(urls[0].get("expanded_url")) if urls and isinstance(urls[0], dict) else ""


def _media_type(tweet: dict[str, Any], media_by_key: dict[str, str]) -> str:
    attachments = as_dict(tweet.get("attachments"))
    keys = attachments.get("media_keys") or []
    embedded = [item for item in attachments.get("media") or [] if isinstance(item, dict) and item.get("type")]
    kinds = [V2_MEDIA_TYPES.get(to_str(item.get("type")), "image") for item in embedded]
    kinds = kinds or [media_by_key.get(str(key), "image") for key in keys]
    if len(kinds) > 1:
        return "carousel"
    return kinds[0] if kinds else "text"


def v2_tweet(
    tweet: dict[str, Any],
    owner: str,
    users_by_id: dict[str, str],
    ctx: Ctx,
    field: str,
    media_by_key: dict[str, str] | None = None,
) -> PostRecord:
    tweet_id = to_id(tweet.get("id"), ctx, f"{field}.id")
    text = to_str(tweet.get("text"))
    metrics = as_dict(tweet.get("public_metrics"))
    entities = as_dict(tweet.get("entities"))
    hashtags = [str(tag.get("tag", "")).lower() for tag in entities.get("hashtags") or [] if isinstance(tag, dict)]
    mentions = to_handles(
        [m.get("username") for m in entities.get("mentions") or [] if isinstance(m, dict)],
        ctx,
        f"{field}.entities.mentions",
        "x",
    )
    values = compact(
        {
            "url": f"https://x.com/{owner}/status/{tweet_id}",
            "media_type": _media_type(tweet, media_by_key or {}),
            "caption": text,
            "hashtags": [h for h in hashtags if h] or parse_hashtags(text),
            "mentions": mentions or parse_mentions(text, "x"),
            "taken_at": to_datetime(tweet.get("created_at"), ctx, f"{field}.created_at"),
            "likes": to_int(metrics.get("like_count"), ctx, f"{field}.public_metrics.like_count"),
            "comments": to_int(metrics.get("reply_count"), ctx, f"{field}.public_metrics.reply_count"),
            "views": to_int(metrics.get("impression_count"), ctx, f"{field}.public_metrics.impression_count"),
        }
    )
    quoted = next((to_str(ref.get("id")) for ref in _references(tweet) if ref.get("type") == "quoted"), "")
    extra = compact(
        {
            "retweets": to_int(metrics.get("retweet_count"), ctx, f"{field}.public_metrics.retweet_count"),
            "quotes": to_int(metrics.get("quote_count"), ctx, f"{field}.public_metrics.quote_count"),
            "lang": tweet.get("lang") or None,
            "quoted_post_id": quoted or None,
        }
    )
    reply_to = users_by_id.get(to_str(tweet.get("in_reply_to_user_id")), "")
    embedded_reply = tweet.get("in_reply_to_user")
    if not reply_to and isinstance(embedded_reply, dict) and embedded_reply.get("username"):
        reply_to = to_handle(embedded_reply.get("username"), ctx, f"{field}.in_reply_to_user.username", "x")
    return PostRecord("x", owner, tweet_id, values, extra, reply_to_handle=reply_to, where=ctx.where())


def _references(tweet: dict[str, Any]) -> list[dict[str, Any]]:
    refs = tweet.get("referenced_tweets")
    return [ref for ref in refs if isinstance(ref, dict)] if isinstance(refs, list) else []


class Page:
    """One v2 response (or one flattened tweet): the users, tweets and media it names, by id."""

    def __init__(self, parsed: ParsedFile, ctx: Ctx) -> None:
        self.parsed, self.ctx = parsed, ctx
        self.users_by_id: dict[str, str] = {}
        self.tweets_by_id: dict[str, dict[str, Any]] = {}
        self.media_by_key: dict[str, str] = {}

    def add_user(self, user: Any, field: str) -> ProfileRecord:
        record = v2_user(require_object(user, self.ctx), self.ctx, field)
        self.parsed.add_profile(record)
        if record.values.get("platform_id"):
            self.users_by_id[record.values["platform_id"]] = record.handle
        return record

    def author(self, tweet: dict[str, Any], field: str) -> str | None:
        embedded = tweet.get("author")
        if isinstance(embedded, dict) and embedded.get("username"):
            return self.add_user(embedded, f"{field}.author").handle
        return self.users_by_id.get(to_str(tweet.get("author_id")))

    def add_tweet(self, tweet: Any, field: str, *, own: bool = True) -> None:
        """A tweet of the page. `own`: a tweet the file is about (its author must be known); otherwise context
        (an included original), stored only when its author is known."""
        tweet = require_object(tweet, self.ctx)
        for index, ref in enumerate(_references(tweet)):
            if "text" in ref:  # flattened: the referenced tweet itself, with its author
                self.add_tweet(ref, f"{field}.referenced_tweets[{index}]", own=False)
        owner = self.author(tweet, field)
        if owner is None:
            if not own:
                return
            if not to_str(tweet.get("author_id")):
                raise self.ctx.fail(
                    f"{field}.author_id",
                    "is missing: these tweets do not say who wrote them; request them with expansions=author_id",
                )
            author_id, parsed, ctx = to_str(tweet.get("author_id")), self.parsed, self.ctx
            self.parsed.pending.append(
                PendingOwner(
                    "x",
                    author_id,
                    lambda owner, users: add_owned_tweet(parsed, tweet, owner, users, ctx, field),
                    ctx.file,
                    ctx.line,
                    ctx.unit,
                    f"{field}.author_id",
                    f"author {author_id} is not in this file's includes.users nor in another file of the import "
                    "(request expansions=author_id, or import the tweets together with their users_ file)",
                )
            )
            return
        add_owned_tweet(
            self.parsed, tweet, owner, self.users_by_id, self.ctx, field, self.media_by_key, self.tweets_by_id
        )


def add_owned_tweet(
    parsed: ParsedFile,
    tweet: dict[str, Any],
    owner: str,
    users_by_id: dict[str, str],
    ctx: Ctx,
    field: str,
    media_by_key: dict[str, str] | None = None,
    tweets_by_id: dict[str, dict[str, Any]] | None = None,
) -> None:
    retweeted = next((ref for ref in _references(tweet) if ref.get("type") == "retweeted"), None)
    if retweeted is None:
        parsed.add_post(v2_tweet(tweet, owner, users_by_id, ctx, field, media_by_key))
        return
    original_id = to_id(retweeted.get("id"), ctx, f"{field}.referenced_tweets.id")
    original = (tweets_by_id or {}).get(original_id) or (retweeted if "text" in retweeted else {})
    original_author = users_by_id.get(to_str(original.get("author_id")))
    if not original_author and isinstance(original.get("author"), dict):
        original_author = to_str(original["author"].get("username")).lower() or None
    if not original_author:
        match = RETWEET_PREFIX_RE.match(to_str(tweet.get("text")))  # "RT @author: …" names the original author
        original_author = match.group(1).lower() if match else None
    if not original_author:
        raise ctx.fail(
            f"{field}.referenced_tweets",
            "a retweet whose original author is unknown; request expansions=referenced_tweets.id.author_id",
        )
    parsed.add_repost(
        RepostRecord(
            "x",
            owner,
            to_handle(original_author, ctx, f"{field}.referenced_tweets", "x"),
            original_id,
            to_datetime(tweet.get("created_at"), ctx, f"{field}.created_at"),
            where=ctx.where(),
        )
    )


def _is_tweet(obj: dict[str, Any]) -> bool:
    return "text" in obj and "id" in obj and "username" not in obj


def _read_response(obj: dict[str, Any], ctx: Ctx, parsed: ParsedFile) -> None:
    page = Page(parsed, ctx)
    data = obj.get("data")
    items = data if isinstance(data, list) else ([data] if isinstance(data, dict) else [])
    includes = as_dict(obj.get("includes"))
    if not items and not includes:
        errors = obj.get("errors") if isinstance(obj.get("errors"), list) else []
        detail = to_str((errors[0] or {}).get("detail") or (errors[0] or {}).get("title")) if errors else ""
        raise ctx.fail("data", f"is empty: the response holds no tweets or users{f' ({detail})' if detail else ''}")
    if items and isinstance(items[0], dict) and "tweet_count" in items[0]:
        raise ctx.fail("data", "holds tweet counts (counts endpoint), not tweets or users: nothing to import")
    for media in includes.get("media") or []:
        if isinstance(media, dict) and media.get("media_key"):
            page.media_by_key[str(media["media_key"])] = V2_MEDIA_TYPES.get(to_str(media.get("type")), "image")
    for index, user in enumerate(includes.get("users") or []):
        page.add_user(user, f"includes.users[{index}]")
    for index, item in enumerate(items):
        if isinstance(item, dict) and "username" in item:
            page.add_user(item, f"data[{index}]")
    for tweet in includes.get("tweets") or []:
        if isinstance(tweet, dict) and tweet.get("id"):
            page.tweets_by_id[str(tweet["id"])] = tweet
    for index, item in enumerate(items):
        if isinstance(item, dict) and "username" not in item:
            if not _is_tweet(item):
                raise ctx.fail(f"data[{index}]", "is neither a tweet (id, text) nor a user (id, username)")
            page.add_tweet(item, f"data[{index}]")
    own_ids = {to_str(item.get("id")) for item in items if isinstance(item, dict)}
    for index, tweet in enumerate(includes.get("tweets") or []):
        if isinstance(tweet, dict) and to_str(tweet.get("id")) not in own_ids:
            page.add_tweet(tweet, f"includes.tweets[{index}]", own=False)


def read_v2_value(value: Any, ctx: Ctx, parsed: ParsedFile) -> None:
    obj = require_object(value, ctx)
    if isinstance(obj.get("users"), list) and "data" not in obj:  # academictwitteR users_<id>.json
        page = Page(parsed, ctx)
        for index, user in enumerate(obj["users"]):
            page.add_user(user, f"users[{index}]")
    elif "data" in obj or "includes" in obj:
        _read_response(obj, ctx, parsed)
    elif _is_tweet(obj):
        # twarc2 --flatten: one tweet a line, its author embedded; academictwitteR data_<id>.json: an array of
        # tweets whose authors are in users_<id>.json (resolved across the import's files)
        page = Page(parsed, ctx)
        for index, mention in enumerate((obj.get("entities") or {}).get("mentions") or []):
            if isinstance(mention, dict) and mention.get("username") and mention.get("id"):
                page.add_user(mention, f"entities.mentions[{index}]")
        page.add_tweet(obj, "tweet")
    else:
        keys = ", ".join(sorted(str(key) for key in obj)[:8])
        raise ctx.fail("data", f"missing: not an X API v2 response, user list or tweet (top-level keys: {keys})")


def parse_twitter_v2(path: Path, name: str) -> ParsedFile:
    parsed = ParsedFile(name)
    for ctx, value in file_values(path, name):
        read_v2_value(value, ctx, parsed)
    return parsed
