"""YouTube Data API v3 responses (google-api-python-client's `.execute()` results, or the raw JSON bodies):
`channels.list`, `videos.list` and `playlistItems.list`, whole responses or their bare items.

- A channel (`youtube#channel`): handle from `snippet.customUrl` ("@name"), else the channel id stands in for it;
  subscribers from `statistics.subscriberCount` (a string; YouTube rounds it to 3 significant digits, and hides it
  when `hiddenSubscriberCount` is true: then it is not stored, and the profile says it is hidden).
- A video (`youtube#video`): a post of `snippet.channelId` with `statistics` (counts as strings; a count the owner
  hid is absent, not 0), `contentDetails.duration` (ISO 8601, "PT1H6M40S") and `snippet.publishedAt`.
- A playlist item (`youtube#playlistItem`): the video id is `snippet.resourceId.videoId` (or
  `contentDetails.videoId`); `snippet.publishedAt` is when it was added to the playlist, so the video's own time is
  `contentDetails.videoPublishedAt`, and nothing else. Playlist items carry no counts: they name videos to read
  with `videos.list`. Deleted and private videos ("Private video", no `videoPublishedAt`) are skipped.
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
    to_id,
    to_int,
    to_str,
)
from profiles.importers.records import ParsedFile, PostRecord, ProfileRecord, parse_hashtags, parse_mentions
from profiles.platforms import platform_get

KINDS = ("youtube#channel", "youtube#video", "youtube#playlistItem")
LIST_KINDS = ("youtube#channelListResponse", "youtube#videoListResponse", "youtube#playlistItemListResponse")
DURATION_RE = re.compile(r"^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$")
UNAVAILABLE_TITLES = ("Private video", "Deleted video")


def is_youtube_api(obj: dict[str, Any]) -> bool:
    return to_str(obj.get("kind")) in KINDS + LIST_KINDS


def parse_youtube_api(path: Path, name: str) -> ParsedFile:
    parsed = ParsedFile(name)
    for ctx, value in file_values(path, name):
        obj = require_object(value, ctx)
        kind = to_str(obj.get("kind"))
        if kind in LIST_KINDS:
            items = obj.get("items", [])
            if not isinstance(items, list):
                raise ctx.fail("items", f"expected a list, got {type(items).__name__}")
            for index, item in enumerate(items):
                _item(require_object(item, Ctx(ctx.file, index + 1, "item")), Ctx(ctx.file, index + 1, "item"), parsed)
        elif kind in KINDS:
            _item(obj, ctx, parsed)
        else:
            raise ctx.fail("kind", f"is not a YouTube Data API channel, video or playlist item: {kind[:60]!r}")
    return parsed


def parse_items(items: list[Any], ctx: Ctx, parsed: ParsedFile) -> None:
    """Items of an API response (the fetcher's answers): each read as an imported item would be."""
    for index, item in enumerate(items):
        where = Ctx(ctx.file, (ctx.line or 1) + index, ctx.unit)
        _item(require_object(item, where), where, parsed)


def _item(obj: dict[str, Any], ctx: Ctx, parsed: ParsedFile) -> None:
    kind = to_str(obj.get("kind"))
    if kind == "youtube#channel":
        _channel(obj, ctx, parsed)
    elif kind == "youtube#video":
        _video(obj, ctx, parsed)
    elif kind == "youtube#playlistItem":
        _playlist_item(obj, ctx, parsed)
    else:
        raise ctx.fail("kind", f"is not a channel, video or playlist item: {kind[:60]!r}")


def _channel_id(value: Any, ctx: Ctx, field: str) -> str:
    channel_id = to_id(value, ctx, field)
    if not platform_get("youtube").is_id_handle(channel_id):
        raise ctx.fail(field, f"is not a YouTube channel id (UC and 22 letters): {channel_id[:40]!r}")
    return channel_id


def _channel(obj: dict[str, Any], ctx: Ctx, parsed: ParsedFile) -> None:
    channel_id = _channel_id(obj.get("id"), ctx, "id")
    snippet, statistics = as_dict(obj.get("snippet")), as_dict(obj.get("statistics"))
    custom = to_str(snippet.get("customUrl"))
    handle = to_handle(custom if custom.startswith("@") else channel_id, ctx, "snippet.customUrl", "youtube")
    hidden = to_bool(statistics.get("hiddenSubscriberCount"), ctx, "statistics.hiddenSubscriberCount")
    subscribers = None if hidden else to_int(statistics.get("subscriberCount"), ctx, "statistics.subscriberCount")
    values = compact(
        {
            "platform_id": channel_id,
            "display_name": to_str(snippet.get("title"))[:200] or None,
            "bio": to_str(snippet.get("description")) or None,
            "followers_count": subscribers,
            "posts_count": to_int(statistics.get("videoCount"), ctx, "statistics.videoCount"),
            "account_created_at": to_datetime(snippet.get("publishedAt"), ctx, "snippet.publishedAt"),
        }
    )
    uploads = to_str(as_dict(as_dict(obj.get("contentDetails")).get("relatedPlaylists")).get("uploads"))
    extra = compact(
        {
            "followers_rounded": True if subscribers is not None else None,
            "followers_hidden": True if hidden else None,
            "total_views": to_int(statistics.get("viewCount"), ctx, "statistics.viewCount"),
            "country": to_str(snippet.get("country")) or None,
            "uploads_playlist": uploads or None,
            "channel_keywords": to_str(as_dict(as_dict(obj.get("brandingSettings")).get("channel")).get("keywords"))
            or None,
        }
    )
    parsed.add_profile(ProfileRecord("youtube", handle, values, extra, where=ctx.where()))


def duration_seconds(value: Any, ctx: Ctx, field: str) -> float | None:
    """ISO 8601 durations as the API writes them ("PT4M13S", "PT1H6M40S", "P1DT2H"; "P0D" for a live stream)."""
    text = to_str(value)
    if not text:
        return None
    match = DURATION_RE.match(text)
    if match is None or text in ("P", "PT"):
        raise ctx.fail(field, f"is not an ISO 8601 duration: {text[:40]!r}")
    days, hours, minutes, seconds = (float(part) if part else 0.0 for part in match.groups())
    return days * 86400 + hours * 3600 + minutes * 60 + seconds


def _owner(snippet: dict[str, Any], ctx: Ctx, parsed: ParsedFile) -> str:
    channel_id = _channel_id(snippet.get("channelId"), ctx, "snippet.channelId")
    handle = to_handle(channel_id, ctx, "snippet.channelId", "youtube")
    title = to_str(snippet.get("channelTitle"))[:200]
    parsed.add_profile(
        ProfileRecord("youtube", handle, compact({"platform_id": channel_id, "display_name": title or None}))
    )
    return handle


def _text_values(snippet: dict[str, Any], owner: str, video_id: str) -> tuple[str, dict[str, Any]]:
    """A video's title, and its post values from the snippet: the title and description as one caption."""
    title, description = to_str(snippet.get("title")), to_str(snippet.get("description"))
    caption = "\n\n".join(part for part in (title, description) if part)
    return title, {
        "url": platform_get("youtube").post_url(handle=owner, post_id=video_id),
        "media_type": "video",
        "caption": caption,
        "hashtags": parse_hashtags(caption),
        "mentions": parse_mentions(caption, "youtube"),
    }


def _video(obj: dict[str, Any], ctx: Ctx, parsed: ParsedFile) -> None:
    video_id = to_id(obj.get("id"), ctx, "id")
    snippet, statistics = as_dict(obj.get("snippet")), as_dict(obj.get("statistics"))
    details = as_dict(obj.get("contentDetails"))
    if not snippet:
        raise ctx.fail("snippet", "is missing: request the video with part=snippet,statistics,contentDetails")
    owner = _owner(snippet, ctx, parsed)
    title, text = _text_values(snippet, owner, video_id)
    values = compact(
        {
            **text,
            "taken_at": to_datetime(snippet.get("publishedAt"), ctx, "snippet.publishedAt"),
            "views": to_int(statistics.get("viewCount"), ctx, "statistics.viewCount"),
            "likes": to_int(statistics.get("likeCount"), ctx, "statistics.likeCount"),
            "comments": to_int(statistics.get("commentCount"), ctx, "statistics.commentCount"),
            "duration_seconds": duration_seconds(details.get("duration"), ctx, "contentDetails.duration"),
        }
    )
    extra = compact(
        {
            "title": title or None,
            "tags": [to_str(tag) for tag in snippet.get("tags") or []][:50] or None,
            "category_id": to_str(snippet.get("categoryId")) or None,
            "definition": to_str(details.get("definition")) or None,
            "live": None
            if snippet.get("liveBroadcastContent") == "none"
            else to_str(snippet.get("liveBroadcastContent")),
            "language": to_str(snippet.get("defaultAudioLanguage") or snippet.get("defaultLanguage")) or None,
        }
    )
    parsed.add_post(PostRecord("youtube", owner, video_id, values, extra, where=ctx.where()))


def _playlist_item(obj: dict[str, Any], ctx: Ctx, parsed: ParsedFile) -> None:
    snippet, details = as_dict(obj.get("snippet")), as_dict(obj.get("contentDetails"))
    video_id = to_str(as_dict(snippet.get("resourceId")).get("videoId") or details.get("videoId"))
    if not video_id:
        raise ctx.fail("snippet.resourceId.videoId", "is missing")
    if to_str(snippet.get("title")) in UNAVAILABLE_TITLES and not details.get("videoPublishedAt"):
        return  # a private or deleted video: nothing to read
    if not snippet.get("channelId"):
        raise ctx.fail(
            "snippet.channelId",
            "is missing: playlist items read with part=contentDetails only do not say whose videos they are; "
            "request part=snippet,contentDetails, or import the videos.list response of these videos",
        )
    if snippet.get("videoOwnerChannelId"):  # written since 2020: the video's own channel
        owner_snippet = {
            "channelId": snippet["videoOwnerChannelId"],
            "channelTitle": snippet.get("videoOwnerChannelTitle"),
        }
    elif to_str(snippet.get("playlistId")).startswith("UU"):  # a channel's uploads: its own videos
        owner_snippet = snippet
    else:
        raise ctx.fail(
            "snippet.videoOwnerChannelId",
            "is missing: this item names the playlist's owner (snippet.channelId), not the video's, and the "
            "playlist is not a channel's uploads; import the videos.list response of these videos instead",
        )
    owner = _owner(owner_snippet, ctx, parsed)
    title, text = _text_values(snippet, owner, video_id)
    values = compact(
        {
            **text,
            # snippet.publishedAt is when the video was added to the playlist, not when it was published
            "taken_at": to_datetime(details.get("videoPublishedAt"), ctx, "contentDetails.videoPublishedAt"),
        }
    )
    parsed.add_post(PostRecord("youtube", owner, video_id, values, {"title": title} if title else {}, ctx.where()))
