"""X's own account archive ("Download an archive of your data"): the `data/*.js` files.

Each file is JavaScript assigning one JSON array: `window.YTD.<name>.part0 = [ … ]`. The prefix is stripped and the
rest read as JSON; nothing is ever run. Read:
- `account.js` ([{"account": {username, accountId, accountDisplayName, createdAt}}]): the archive's account (the
  e-mail and the sign-up details in it are never read);
- `profile.js` ([{"profile": {description: {bio, website, location}, avatarMediaUrl}}]): that account's bio;
- `tweets.js` (older archives `tweet.js`; [{"tweet": {…}}], v1.1-like with every number a string): the account's
  posts; a retweet ("RT @author: …") is a `retweets` relation to its author, never a post of the account's.
The tweets do not name their author: the archive's `account.js` in the same import does, or `--owner @handle`.
`follower.js` / `following.js` list account ids only (no handles), so they are named and skipped in a folder and
refused alone.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from profiles.importers.parsers.reading import _loads, read_text
from profiles.importers.parsers.twitter_v1 import v1_tweet
from profiles.importers.parsers.twitter_v2 import RETWEET_PREFIX_RE
from profiles.importers.parsers.values import Ctx, as_dict, compact, to_datetime, to_handle, to_id, to_str, to_url
from profiles.importers.records import (
    EXPORT_ACCOUNT,
    ImportFormatError,
    ParsedFile,
    PendingOwner,
    ProfileRecord,
    RepostRecord,
    UnknownFormat,
)

PREFIX_RE = re.compile(r"^\s*window\.YTD\.(\w+)\.part(\d+)\s*=\s*")
ID_ONLY = {"follower": "followers", "following": "accounts it follows"}


def is_x_archive(text_start: str) -> bool:
    return PREFIX_RE.match(text_start) is not None


def _items(path: Path, name: str) -> tuple[str, list[Any]]:
    text = read_text(path, name)
    match = PREFIX_RE.match(text)
    if match is None:
        raise ImportFormatError(file=name, line=1, field=None, message="is not an X archive file (window.YTD.…)")
    try:
        value = _loads(text[match.end() :].strip().rstrip(";"), name, None)
    except json.JSONDecodeError as error:
        raise ImportFormatError(
            file=name,
            line=error.lineno,
            field=None,
            message=f"is not valid JSON after its window.YTD prefix ({error.msg})",
        ) from None
    if not isinstance(value, list):
        raise ImportFormatError(file=name, line=1, field=None, message="holds no list after its window.YTD prefix")
    return match.group(1), value


def parse_x_archive(path: Path, name: str) -> ParsedFile:
    kind, items = _items(path, name)
    parsed = ParsedFile(name)
    if kind in ID_ONLY:
        raise UnknownFormat(
            file=name,
            line=1,
            field=None,
            message=f"is the archive's list of {ID_ONLY[kind]}: it holds account ids without handles, which "
            "SocialLens cannot name; import followers from a follower list tool instead",
        )
    for index, item in enumerate(items):
        ctx = Ctx(name, index + 1, "record")
        key = "tweet" if kind in ("tweets", "tweet") else kind  # tweets.js holds [{"tweet": …}] too
        entry = as_dict(as_dict(item).get(key))
        if not entry:
            raise ctx.fail(key, f'is missing: each record of {kind}.js is {{"{key}": {{…}}}}')
        if kind == "account":
            _account(entry, ctx, parsed)
        elif kind == "profile":
            parsed.pending.append(_profile_pending(entry, ctx, parsed))
        elif kind in ("tweets", "tweet"):
            parsed.pending.append(_tweet_pending(entry, ctx, parsed))
        else:
            raise UnknownFormat(
                file=name,
                line=1,
                field=None,
                message=f"is the archive's {kind}.js, which SocialLens does not import (account.js, profile.js and "
                "tweets.js are read)",
            )
    return parsed


def _account(entry: dict[str, Any], ctx: Ctx, parsed: ParsedFile) -> None:
    handle = to_handle(entry.get("username"), ctx, "account.username", "x")
    values = compact(
        {
            "platform_id": to_id(entry.get("accountId"), ctx, "account.accountId", required=False) or None,
            "display_name": to_str(entry.get("accountDisplayName"))[:200] or None,
            "account_created_at": to_datetime(entry.get("createdAt"), ctx, "account.createdAt"),
        }
    )
    parsed.add_profile(ProfileRecord("x", handle, values, where=ctx.where()))
    parsed.export_account = ("x", handle)


MISSING_OWNER = (
    "does not name its account: import the archive's data folder (its account.js names the account), or give "
    "--owner @handle"
)


def _profile_pending(entry: dict[str, Any], ctx: Ctx, parsed: ParsedFile) -> PendingOwner:
    description = as_dict(entry.get("description"))

    def complete(owner: str, _handles: dict[str, str]) -> None:
        values = compact(
            {
                "bio": to_str(description.get("bio")) or None,
                "external_url": to_url(description.get("website"))[:500] or None,
                "avatar_url": to_url(entry.get("avatarMediaUrl"))[:1000] or None,
            }
        )
        location = to_str(description.get("location"))
        parsed.add_profile(
            ProfileRecord("x", owner, values, {"location": location} if location else {}, where=ctx.where())
        )

    return PendingOwner("x", EXPORT_ACCOUNT, complete, ctx.file, ctx.line, ctx.unit, "profile", MISSING_OWNER)


def _tweet_pending(entry: dict[str, Any], ctx: Ctx, parsed: ParsedFile) -> PendingOwner:
    def complete(owner: str, _handles: dict[str, str]) -> None:
        parsed.add_profile(ProfileRecord("x", owner, where=ctx.where()))  # the archive's account, linked
        text = to_str(entry.get("full_text") or entry.get("text"))
        retweet = RETWEET_PREFIX_RE.match(text)
        if retweet:  # the archive keeps a retweet as its own tweet with "RT @author:": a repost, not a post
            tweet_id = to_id(entry.get("id_str") or entry.get("id"), ctx, "tweet.id_str")
            parsed.add_repost(
                RepostRecord(
                    "x",
                    owner,
                    to_handle(retweet.group(1), ctx, "tweet.full_text", "x"),
                    tweet_id,
                    to_datetime(entry.get("created_at"), ctx, "tweet.created_at"),
                    where=ctx.where(),
                )
            )
            return
        parsed.add_post(v1_tweet(entry, owner, ctx, field="tweet"))

    return PendingOwner("x", EXPORT_ACCOUNT, complete, ctx.file, ctx.line, ctx.unit, "tweet", MISSING_OWNER)
