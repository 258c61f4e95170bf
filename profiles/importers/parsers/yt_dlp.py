"""yt-dlp (and youtube-dl) metadata: `--write-info-json` files, `--dump-json` / `-j` lines and `--dump-single-json`
/ `-J` documents, for YouTube and TikTok.

Shapes read (see profiles/IMPORT_FORMATS.md):
- a video (extractor `youtube` or `TikTok`): the video as a post of its channel, and the channel as a profile;
- a channel or playlist (`_type` "playlist", extractor `youtube:tab` or `tiktok:user`), with or without `entries`:
  the channel as a profile (subscribers, description), each entry as a post;
- flat entries (`--flat-playlist`: `_type` "url"): a post with what the listing gives (views, duration, title),
  owned by the listed channel (`playlist_uploader_id` / `playlist_channel_id`) when the listing is a channel's own.

YouTube names a channel by its @handle (`uploader_id` "@name" or an `/@name` URL) since 2022; a file that names it
only by its "UC…" id is stored under that id, and a later file or fetch with the handle renames the profile (the
id is the channel's platform_id). Subscriber counts are rounded by YouTube to three significant digits: marked so.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from profiles.importers.parsers.reading import file_values, require_object
from profiles.importers.parsers.values import (
    Ctx,
    compact,
    to_bool,
    to_datetime,
    to_handle,
    to_id,
    to_int,
    to_seconds,
    to_str,
    to_url,
)
from profiles.importers.records import ParsedFile, PostRecord, ProfileRecord, parse_hashtags, parse_mentions
from profiles.platforms import platform_get

YOUTUBE_EXTRACTORS = ("youtube", "youtube:tab", "youtube:playlist", "youtube:shorts", "youtube:user")
TIKTOK_EXTRACTORS = ("tiktok", "tiktok:user", "tiktok:collection", "tiktok:tag", "tiktok:sound")
YOUTUBE_SHORT_SECONDS = 180  # YouTube counts vertical videos up to 3 minutes as Shorts (since October 2024)


def is_yt_dlp(obj: dict[str, Any]) -> bool:
    """An object yt-dlp or youtube-dl wrote: its extractor names, or a flat entry's `ie_key`."""
    extractor = to_str(obj.get("extractor") or obj.get("ie_key")).lower()
    key = to_str(obj.get("extractor_key")).lower()
    return (
        extractor in YOUTUBE_EXTRACTORS + TIKTOK_EXTRACTORS
        or key.startswith(("youtube", "tiktok"))
        or (obj.get("_type") == "url" and to_str(obj.get("ie_key")).lower().startswith(("youtube", "tiktok")))
    )


def _platform_of(obj: dict[str, Any]) -> str:
    names = " ".join(to_str(obj.get(key)).lower() for key in ("extractor", "extractor_key", "ie_key"))
    return "tiktok" if "tiktok" in names else "youtube"


def parse_yt_dlp(path: Path, name: str) -> ParsedFile:
    parsed = ParsedFile(name)
    for ctx, value in file_values(path, name):
        obj = require_object(value, ctx)
        parse_info(obj, ctx, parsed)
    return parsed


def parse_info(obj: dict[str, Any], ctx: Ctx, parsed: ParsedFile) -> None:
    """One yt-dlp info dict (a video, a channel or playlist with its entries, a flat entry) into `parsed`: what a
    file holds, and what the yt-dlp fetcher gets from `extract_info`."""
    if not is_yt_dlp(obj):
        raise ctx.fail("extractor", "is not a yt-dlp YouTube or TikTok record")
    _record(obj, ctx, parsed, listing=None)


def _record(obj: dict[str, Any], ctx: Ctx, parsed: ParsedFile, listing: tuple[str, str] | None) -> None:
    platform = _platform_of(obj)
    kind = to_str(obj.get("_type")) or ("playlist" if "entries" in obj or _is_tab(obj) else "video")
    if kind in ("playlist", "multi_video"):
        owner = _channel(obj, ctx, parsed, platform, is_listing=True)
        entries = obj.get("entries")
        if entries is not None and not isinstance(entries, list):
            raise ctx.fail("entries", f"expected a list, got {type(entries).__name__}")
        for index, entry in enumerate(entries or []):
            if entry is None:  # yt-dlp writes null for an entry it could not extract (private, removed)
                continue
            if not isinstance(entry, dict):
                raise ctx.fail(f"entries[{index}]", f"expected an object, got {type(entry).__name__}")
            _record(entry, Ctx(ctx.file, index + 1, "entry"), parsed, listing=owner)
        return
    if kind not in ("video", "url", "url_transparent"):
        raise ctx.fail("_type", f"unsupported yt-dlp record type {kind!r} (a video, a playlist or a flat entry)")
    owner = _channel(obj, ctx, parsed, platform, is_listing=False) if _names_channel(obj, platform) else None
    if owner is None:
        owner = listing or _listing_owner(obj, ctx, parsed, platform)
    if owner is None:
        raise ctx.fail(
            "channel_id",
            "names no channel: a flat entry of someone else's playlist does not say whose video it is. List the "
            "channel's own videos (yt-dlp --flat-playlist -J https://www.youtube.com/@handle/videos) or write "
            "each video's info (--write-info-json)",
        )
    _post(obj, ctx, parsed, platform, owner[1])


def _is_tab(obj: dict[str, Any]) -> bool:
    return to_str(obj.get("extractor")).lower() in ("youtube:tab", "tiktok:user") or to_str(obj.get("id")).startswith(
        ("PL", "UU", "@")
    )


def _names_channel(obj: dict[str, Any], platform: str) -> bool:
    if platform == "tiktok":
        return bool(obj.get("uploader") or obj.get("uploader_id") or obj.get("channel_id"))
    return bool(obj.get("channel_id") or _youtube_handle(obj))


def _youtube_handle(obj: dict[str, Any]) -> str:
    """The channel's @handle from a YouTube record: `uploader_id` "@name", else an /@name URL."""
    for key in ("uploader_id", "channel_handle"):
        value = to_str(obj.get(key))
        if value.startswith("@"):
            return value
    for key in ("uploader_url", "channel_url"):
        segments = [part for part in urlparse(to_str(obj.get(key))).path.split("/") if part]
        if segments and segments[0].startswith("@"):
            return segments[0]
    return ""


def _channel(
    obj: dict[str, Any], ctx: Ctx, parsed: ParsedFile, platform: str, *, is_listing: bool
) -> tuple[str, str] | None:
    """The record's channel as a ProfileRecord (added to `parsed`); (platform, handle), or None when a playlist is
    not a channel's own and names no channel."""
    if platform == "tiktok":
        return _tiktok_account(obj, ctx, parsed, is_listing=is_listing)
    channel_id = to_str(obj.get("channel_id"))
    if channel_id and not platform_get("youtube").is_id_handle(channel_id):
        raise ctx.fail("channel_id", f"is not a YouTube channel id (UC and 22 letters): {channel_id[:40]!r}")
    handle_text = _youtube_handle(obj) or channel_id
    if not handle_text:
        return None
    handle = to_handle(handle_text, ctx, "uploader_id", "youtube")
    own_listing = is_listing and (
        to_str(obj.get("id")) in (channel_id, handle_text)
        or to_str(obj.get("title")).endswith((" - Videos", " - Shorts", " - Home"))
    )
    values: dict[str, Any] = {
        "platform_id": to_id(channel_id, ctx, "channel_id", required=False) or None,
        "display_name": to_str(obj.get("channel") or obj.get("uploader"))[:200] or None,
        "followers_count": to_int(obj.get("channel_follower_count"), ctx, "channel_follower_count"),
        "is_verified": to_bool(obj.get("channel_is_verified"), ctx, "channel_is_verified"),
    }
    extra: dict[str, Any] = {}
    if values["followers_count"] is not None:
        extra["followers_rounded"] = True  # YouTube shows subscribers to 3 significant digits
    if own_listing:
        values["bio"] = to_str(obj.get("description")) or None
        tags = [to_str(tag) for tag in obj.get("tags") or [] if to_str(tag)]
        if tags:
            extra["channel_keywords"] = tags[:50]
    parsed.add_profile(ProfileRecord("youtube", handle, compact(values), extra, where=ctx.where()))
    return ("youtube", handle)


def _tiktok_account(obj: dict[str, Any], ctx: Ctx, parsed: ParsedFile, *, is_listing: bool) -> tuple[str, str] | None:
    """A TikTok account: `uploader` is its @name, `uploader_id` its numeric id, `channel_id` its secUid. A user
    listing (tiktok:user) has the secUid as its id and the @name as its title."""
    if is_listing:
        name = to_str(obj.get("uploader") or obj.get("title"))
        secuid = to_str(obj.get("channel_id") or obj.get("id"))
        platform_id = to_str(obj.get("uploader_id"))
    else:
        name = to_str(obj.get("uploader"))
        secuid = to_str(obj.get("channel_id"))
        platform_id = to_str(obj.get("uploader_id"))
    if not name:
        url_handle = platform_get("tiktok").handle_from_path(
            [part for part in urlparse(to_str(obj.get("uploader_url"))).path.split("/") if part]
        )
        if url_handle and not url_handle.startswith("MS4w"):  # a secUid in the URL is no handle
            name = url_handle
    if not name:
        return None
    handle = to_handle(name, ctx, "uploader", "tiktok")
    values = compact(
        {
            "platform_id": to_id(platform_id, ctx, "uploader_id", required=False) or None,
            "display_name": to_str(obj.get("channel") or obj.get("creator"))[:200] or None,
            "followers_count": to_int(obj.get("channel_follower_count"), ctx, "channel_follower_count"),
        }
    )
    extra = {"sec_uid": secuid} if secuid else {}
    parsed.add_profile(ProfileRecord("tiktok", handle, values, extra, where=ctx.where()))
    return ("tiktok", handle)


def _listing_owner(obj: dict[str, Any], ctx: Ctx, parsed: ParsedFile, platform: str) -> tuple[str, str] | None:
    """A flat `-j` line of a channel's own listing: the channel is the playlist's (`playlist_id` is the channel's
    id or handle); a line of someone else's playlist names no owner."""
    if platform != "youtube":
        return None
    playlist_id = to_str(obj.get("playlist_id"))
    channel_id = to_str(obj.get("playlist_channel_id") or obj.get("playlist_uploader_id"))
    if not channel_id or playlist_id not in (channel_id, to_str(obj.get("playlist_uploader_id"))):
        return None
    listing = {
        "channel_id": channel_id if platform_get("youtube").is_id_handle(channel_id) else "",
        "uploader_id": to_str(obj.get("playlist_uploader_id")),
        "channel": to_str(obj.get("playlist_channel") or obj.get("playlist_uploader")).strip(),
    }
    return _channel(listing, ctx, parsed, "youtube", is_listing=False)


def _upload_time(obj: dict[str, Any], ctx: Ctx) -> tuple[datetime | None, bool]:
    """When the video was published: `timestamp` (exact), else `release_timestamp`, else `upload_date` (a day,
    YYYYMMDD, read as midnight UTC; the second value says so)."""
    for key in ("timestamp", "release_timestamp"):
        if obj.get(key) not in (None, ""):
            return to_datetime(obj.get(key), ctx, key), False
    day = to_str(obj.get("upload_date"))
    if not day:
        return None, False
    try:
        return datetime.strptime(day, "%Y%m%d").replace(tzinfo=UTC), True
    except ValueError:
        raise ctx.fail("upload_date", f"is not a date (YYYYMMDD): {day[:40]!r}") from None


def _post(obj: dict[str, Any], ctx: Ctx, parsed: ParsedFile, platform: str, owner: str) -> None:
    video_id = to_id(obj.get("id"), ctx, "id")
    title, description = to_str(obj.get("title")), to_str(obj.get("description"))
    if platform == "tiktok":
        caption = description or title  # yt-dlp's TikTok title is the caption cut to 72 characters
    else:
        caption = "\n\n".join(part for part in (title, description) if part)
    taken_at, day_only = _upload_time(obj, ctx)
    url = to_url(obj.get("webpage_url"))
    if obj.get("_type") == "url" or not url.startswith(("https://www.youtube.com", "https://www.tiktok.com")):
        url = to_url(obj.get("url")) if "watch?v=" in to_str(obj.get("url")) else url
    width, height = to_int(obj.get("width"), ctx, "width"), to_int(obj.get("height"), ctx, "height")
    duration = to_seconds(obj.get("duration"), ctx, "duration")
    is_short = "/shorts/" in url or (
        platform == "youtube"
        and duration is not None
        and duration <= YOUTUBE_SHORT_SECONDS
        and width is not None
        and height is not None
        and height > width
    )
    tags = [to_str(tag) for tag in obj.get("tags") or [] if to_str(tag)]
    values = compact(
        {
            "url": url or platform_get(platform).post_url(handle=owner, post_id=video_id),
            "media_type": "video",
            "caption": caption,
            "hashtags": parse_hashtags(caption),
            "mentions": parse_mentions(caption, platform),
            "taken_at": taken_at,
            "likes": to_int(obj.get("like_count"), ctx, "like_count"),
            "comments": to_int(obj.get("comment_count"), ctx, "comment_count"),
            "views": to_int(obj.get("view_count"), ctx, "view_count"),
            "shares": to_int(obj.get("repost_count"), ctx, "repost_count"),
            "saves": to_int(obj.get("save_count"), ctx, "save_count"),
            "duration_seconds": duration,
        }
    )
    extra = compact(
        {
            "title": title or None,
            "tags": tags[:50] or None,
            "categories": [to_str(item) for item in obj.get("categories") or []] or None,
            "width": width,
            "height": height,
            "is_short": is_short or None,
            "live_status": to_str(obj.get("live_status")) or None,
            "language": to_str(obj.get("language")) or None,
            "track": to_str(obj.get("track")) or None,
            "artist": to_str(obj.get("artist") or ", ".join(to_str(a) for a in obj.get("artists") or [])) or None,
            "upload_day_only": day_only or None,
        }
    )
    parsed.add_post(PostRecord(platform, owner, video_id, values, extra, where=ctx.where()))
