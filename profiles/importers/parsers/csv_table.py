"""The CSV table format (one row per post, profile columns repeated)."""

from __future__ import annotations

import csv
from pathlib import Path

from profiles.importers.parsers.reading import text_lines
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
from profiles.importers.records import (
    ImportFormatError,
    ParsedFile,
    PostRecord,
    ProfileRecord,
    parse_hashtags,
    parse_mentions,
)
from profiles.platforms import PLATFORMS, platform_names

CSV_PROFILE_COLUMNS = (
    "platform",
    "handle",
    "platform_id",
    "display_name",
    "bio",
    "external_url",
    "is_verified",
    "is_private",
    "followers_count",
    "following_count",
    "posts_count",
)
CSV_POST_COLUMNS = (
    "post_id",
    "post_shortcode",
    "post_url",
    "post_type",
    "taken_at",
    "caption",
    "likes",
    "comments",
    "views",
    "shares",
    "saves",
    "duration_seconds",
    "image_description",
)
CSV_COLUMNS = CSV_PROFILE_COLUMNS + CSV_POST_COLUMNS
# A row without post_type: what that platform's posts mostly are.
DEFAULT_MEDIA_TYPE = {"instagram": "image", "x": "text"}


def parse_csv(path: Path, name: str) -> ParsedFile:
    parsed = ParsedFile(name)
    reader = csv.DictReader(text_lines(path, name))
    header = [column.strip() for column in reader.fieldnames or []]
    missing = [column for column in ("platform", "handle") if column not in header]
    if missing:
        raise ImportFormatError(file=name, line=1, field=missing[0], message="required column is missing")
    unknown = [column for column in header if column not in CSV_COLUMNS]
    if unknown:
        raise ImportFormatError(
            file=name, line=1, field=unknown[0], message="unknown column (see profiles/IMPORT_FORMATS.md)"
        )
    reader.fieldnames = header
    # Rows of one account repeat its columns: a row whose account cells equal the row before's is that account again,
    # already checked and (while it is still in memory) already recorded.
    previous: tuple[tuple[str | None, ...], ProfileRecord] | None = None
    for row in reader:
        ctx = Ctx(name, reader.line_num)
        cells = tuple(row.get(column) for column in CSV_PROFILE_COLUMNS)
        if previous is not None and previous[0] == cells:
            record = previous[1]
            if not (parsed.profiles and parsed.profiles[-1] is record):  # moved to the spool since: record it again
                record = ProfileRecord(record.platform, record.handle, dict(record.values), where=ctx.where())
                parsed.add_profile(record)
        else:
            record = _add_profile(parsed, row, ctx)
        previous = (cells, record)
        platform, handle = record.platform, record.handle
        post_id = to_str(row.get("post_id"))
        if not post_id:
            filled = next((column for column in CSV_POST_COLUMNS if to_str(row.get(column))), None)
            if filled:
                raise ctx.fail("post_id", f"is empty but the post column '{filled}' is filled")
            continue
        media_type = to_str(row.get("post_type")).lower() or DEFAULT_MEDIA_TYPE.get(platform, "video")
        if media_type not in ("image", "video", "carousel", "text"):
            raise ctx.fail("post_type", "must be image, video, carousel or text")
        caption = to_str(row.get("caption"))
        shortcode = to_str(row.get("post_shortcode"))
        default_url = (
            ""
            if platform == "instagram" and not shortcode
            else PLATFORMS[platform].post_url(handle=handle, post_id=post_id, shortcode=shortcode)
        )
        post_values = compact(
            {
                "shortcode": shortcode,
                "url": to_url(row.get("post_url")) or default_url,
                "media_type": media_type,
                "caption": caption,
                "hashtags": parse_hashtags(caption),
                "mentions": parse_mentions(caption, platform),
                "taken_at": to_datetime(row.get("taken_at"), ctx, "taken_at"),
                "likes": to_int(row.get("likes"), ctx, "likes"),
                "comments": to_int(row.get("comments"), ctx, "comments"),
                "views": to_int(row.get("views"), ctx, "views"),
                "shares": to_int(row.get("shares"), ctx, "shares"),
                "saves": to_int(row.get("saves"), ctx, "saves"),
                "duration_seconds": to_seconds(row.get("duration_seconds"), ctx, "duration_seconds"),
                "image_description": to_str(row.get("image_description")),
            }
        )
        parsed.add_post(PostRecord(platform, handle, to_id(post_id, ctx, "post_id"), post_values, where=ctx.where()))
    return parsed


def _add_profile(parsed: ParsedFile, row: dict[str, str | None], ctx: Ctx) -> ProfileRecord:
    """Check a row's account columns and record the account."""
    platform = to_str(row.get("platform")).lower()
    platform = {"twitter": "x", "ig": "instagram", "yt": "youtube"}.get(platform, platform)
    if platform not in PLATFORMS:
        raise ctx.fail("platform", f"must be {platform_names()}, got {row.get('platform')!r}")
    handle = to_handle(row.get("handle"), ctx, "handle", platform)
    values = compact(
        {
            "platform_id": to_id(row.get("platform_id"), ctx, "platform_id", required=False) or None,
            "display_name": to_str(row.get("display_name"))[:200] or None,
            "bio": to_str(row.get("bio")) or None,
            "external_url": to_url(row.get("external_url"))[:500] or None,
            "is_verified": to_bool(row.get("is_verified"), ctx, "is_verified"),
            "is_private": to_bool(row.get("is_private"), ctx, "is_private"),
            "followers_count": to_int(row.get("followers_count"), ctx, "followers_count"),
            "following_count": to_int(row.get("following_count"), ctx, "following_count"),
            "posts_count": to_int(row.get("posts_count"), ctx, "posts_count"),
        }
    )
    record = ProfileRecord(platform, handle, values, where=ctx.where())
    parsed.add_profile(record)
    return record
