"""Instagram's own "Download your information" export in JSON (Meta's Accounts Center).

Read:
- `posts_1.json` (`content/` or `your_instagram_activity/content/`): a list of posts, each {"media": [{uri,
  creation_timestamp, title, media_metadata}], "title"?, "creation_timestamp"?}. A post of one picture keeps its
  caption in `media[0].title`; a carousel in the post's `title`. The export has no likes, comments or post ids: the
  id stored is the one in the first media file's name (`…_n_<id>.jpg`), so importing the same export again updates
  rather than doubles. The posts do not name their account: give `--owner @handle` (the upload form asks for it).
- `followers_1.json` (`followers_and_following/`): the account's followers, each {"string_list_data": [{href,
  value, timestamp}]}; imported with `--followers-of @handle` like any follower list.
- `following.json` ({"relationships_following": […]}) is whom the account follows, not its audience: named and
  skipped in a folder, refused alone.
Meta writes non-ASCII text as UTF-8 bytes each escaped as a character ("\u00f0\u009f\u0087\u00a8" is 🇨): repaired.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from profiles.importers.parsers.reading import file_values
from profiles.importers.parsers.values import Ctx, as_dict, compact, to_datetime, to_handle, to_str
from profiles.importers.records import (
    EXPORT_ACCOUNT,
    ParsedFile,
    PendingOwner,
    PostRecord,
    ProfileRecord,
    UnknownFormat,
    parse_hashtags,
    parse_mentions,
)

MEDIA_ID_RE = re.compile(r"_(\d{15,20})\.\w+$")
VIDEO_SUFFIXES = (".mp4", ".mov", ".webm")


def meta_text(value: Any) -> str:
    """Meta's export text with its mis-encoding undone: each UTF-8 byte was written as the character of that code
    point, so a text of characters below U+0100 that re-encodes to valid UTF-8 is that UTF-8."""
    text = to_str(value)
    if text and max(text) < "\u0100" and any(ord(char) >= 0x80 for char in text):
        try:
            return text.encode("latin-1").decode("utf-8")
        except UnicodeDecodeError:
            return text
    return text


def export_shape(first: Any) -> str | None:
    """'posts', 'followers' or 'following' for the first value of an Instagram export file, else None."""
    if isinstance(first, dict) and isinstance(first.get("relationships_following"), list):
        return "following"
    item = first[0] if isinstance(first, list) and first else first
    if not isinstance(item, dict):
        return None
    if isinstance(item.get("string_list_data"), list) and "media_list_data" in item:
        return "followers"
    media = item.get("media")
    if isinstance(media, list) and media and isinstance(media[0], dict) and "uri" in media[0]:
        return "posts"
    return None


def parse_instagram_export(path: Path, name: str) -> ParsedFile:
    parsed = ParsedFile(name)
    for ctx, value in file_values(path, name):
        shape = export_shape(value)
        if shape == "following":
            raise UnknownFormat(
                file=name,
                line=1,
                field="relationships_following",
                message="lists the accounts this account follows, not its followers; SocialLens imports an "
                "account's followers (followers_1.json with --followers-of @handle)",
            )
        if shape == "followers":
            parsed.is_follower_list = True
            for item in value if isinstance(value, list) else [value]:
                for entry in as_dict(item).get("string_list_data") or []:
                    handle = to_handle(as_dict(entry).get("value"), ctx, "string_list_data.value", "instagram")
                    parsed.add_profile(ProfileRecord("instagram", handle, where=ctx.where()))
        elif shape == "posts":
            posts = value if isinstance(value, list) else [value]
            for index, post in enumerate(posts):
                where = Ctx(name, index + 1, "post") if isinstance(value, list) else ctx
                parsed.pending.append(_post_pending(as_dict(post), where, parsed))
        else:
            raise ctx.fail(None, "is not an Instagram export posts or followers file")
    return parsed


def _post_pending(post: dict[str, Any], ctx: Ctx, parsed: ParsedFile) -> PendingOwner:
    media = [as_dict(item) for item in post.get("media") or []]
    if not media:
        raise ctx.fail("media", "is empty: an exported post lists its pictures or videos")
    first = media[0]
    found = MEDIA_ID_RE.search(to_str(first.get("uri")))
    when = to_datetime(post.get("creation_timestamp") or first.get("creation_timestamp"), ctx, "creation_timestamp")
    if found is None and when is None:
        raise ctx.fail("media[0].uri", "names no media id and the post has no time: it cannot be told apart")
    post_id = found.group(1) if found else f"t{int(when.timestamp())}"  # type: ignore[union-attr]
    caption = meta_text(post.get("title") or first.get("title"))
    is_video = to_str(first.get("uri")).lower().endswith(VIDEO_SUFFIXES) or "video_metadata" in first.get(
        "media_metadata", {}
    )
    values = compact(
        {
            "media_type": "carousel" if len(media) > 1 else "video" if is_video else "image",
            "caption": caption,
            "hashtags": parse_hashtags(caption),
            "mentions": parse_mentions(caption, "instagram"),
            "taken_at": when,
        }
    )

    def complete(owner: str, _handles: dict[str, str]) -> None:
        parsed.add_profile(ProfileRecord("instagram", owner, where=ctx.where()))  # the export's account, linked
        parsed.add_post(PostRecord("instagram", owner, post_id, values, {"from_export": True}, where=ctx.where()))

    return PendingOwner(
        "instagram",
        EXPORT_ACCOUNT,
        complete,
        ctx.file,
        ctx.line,
        ctx.unit,
        "media",
        "does not name its account (Instagram's export never does): give --owner @handle, the account whose "
        "export this is",
    )
