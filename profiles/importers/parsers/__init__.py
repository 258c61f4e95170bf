"""Parsers for every supported import format, one module each, plus the registry and format detection.

Each parser turns one file into a `ParsedFile` or raises `ImportFormatError` naming the file, the line (or record)
and the field; nothing is written while parsing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from profiles.importers.parsers.csv_table import parse_csv
from profiles.importers.parsers.gallery_dl import parse_gallery_dl
from profiles.importers.parsers.instagram_export import export_shape, parse_instagram_export
from profiles.importers.parsers.instagram_graphql import (
    ig_post,
    ig_profile,
    instagram_shape,
    parse_instagram_graphql,
)
from profiles.importers.parsers.instaloader import parse_instaloader
from profiles.importers.parsers.reading import file_values
from profiles.importers.parsers.tiktok_export import is_tiktok_export, parse_tiktok_export
from profiles.importers.parsers.tiktok_research import is_tiktok_research, parse_tiktok_research
from profiles.importers.parsers.tiktok_web import is_tiktok_web, parse_tiktok_web
from profiles.importers.parsers.twitter_v1 import parse_twitter_v1, v1_tweet, v1_user
from profiles.importers.parsers.twitter_v2 import (
    parse_twitter_v2,
    v2_tweet,
    v2_user,
)
from profiles.importers.parsers.values import Ctx
from profiles.importers.parsers.x_archive import parse_x_archive
from profiles.importers.parsers.youtube_api import is_youtube_api, parse_youtube_api
from profiles.importers.parsers.yt_dlp import is_yt_dlp, parse_yt_dlp
from profiles.importers.records import ParsedFile, UnknownFormat

__all__ = [
    "FORMATS",
    "PARSERS",
    "Ctx",
    "UnknownFormat",
    "detect_format",
    "ig_post",
    "ig_profile",
    "v1_tweet",
    "v1_user",
    "v2_tweet",
    "v2_user",
]

FORMATS = (
    "instagram-graphql",
    "instaloader",
    "gallery-dl",
    "twitter-v1",
    "twitter-v2",
    "yt-dlp",
    "youtube-api",
    "tiktok-web",
    "tiktok-research",
    "tiktok-export",
    "instagram-export",
    "x-archive",
    "csv",
)

PARSERS: dict[str, Callable[[Path, str], ParsedFile]] = {
    "instagram-graphql": parse_instagram_graphql,
    "instaloader": parse_instaloader,
    "gallery-dl": parse_gallery_dl,
    "twitter-v1": parse_twitter_v1,
    "twitter-v2": parse_twitter_v2,
    "yt-dlp": parse_yt_dlp,
    "youtube-api": parse_youtube_api,
    "tiktok-web": parse_tiktok_web,
    "tiktok-research": parse_tiktok_research,
    "tiktok-export": parse_tiktok_export,
    "instagram-export": parse_instagram_export,
    "x-archive": parse_x_archive,
    "csv": parse_csv,
}


ACCEPTED = (
    "instaloader metadata, gallery-dl metadata, Instagram web or mobile API JSON, X API v1.1 or v2 JSON "
    "(tweepy, twarc, twarc2, academictwitteR), yt-dlp YouTube or TikTok metadata, YouTube Data API JSON, "
    "TikTok web JSON (TikTokApi), TikTok Research API JSON, TikTok's, Instagram's or X's own data export, or the "
    "CSV table; see profiles/IMPORT_FORMATS.md"
)


def _first_item(value: Any) -> Any:
    return value[0] if isinstance(value, list) and value else value


def _is_v2_tweet(obj: dict[str, Any]) -> bool:
    return (
        "text" in obj
        and "id" in obj
        and ("author_id" in obj or isinstance(obj.get("author"), dict) or "edit_history_tweet_ids" in obj)
    )


def format_of(first: Any) -> str | None:
    """The format of a file from its first JSON value (a JSON array's first item), or None."""
    if not isinstance(first, dict):
        return None
    if "instaloader" in first and "node" in first:
        return "instaloader"
    if is_yt_dlp(first):
        return "yt-dlp"
    if is_youtube_api(first):
        return "youtube-api"
    if is_tiktok_web(first):
        return "tiktok-web"
    if is_tiktok_research(first):
        return "tiktok-research"
    if is_tiktok_export(first):
        return "tiktok-export"
    if "category" in first and "subcategory" in first or first.get("category") in ("instagram", "twitter"):
        return "gallery-dl"
    if instagram_shape(first):
        return "instagram-graphql"
    users = first.get("users") if isinstance(first.get("users"), list) else None
    if users is not None and "data" not in first:
        head = _first_item(users)
        return (
            "twitter-v2"
            if isinstance(head, dict) and "username" in head and "screen_name" not in head
            else "twitter-v1"
        )
    if (
        "screen_name" in first
        or isinstance(first.get("statuses"), list)
        or isinstance(first.get("profile"), dict)
        or (isinstance(first.get("user"), dict) and "screen_name" in first["user"])
    ):
        return "twitter-v1"
    if "data" in first or "includes" in first or _is_v2_tweet(first):
        return "twitter-v2"
    return None


def detect_format(path: Path, name: str) -> str:
    """Guess the format of one file from its name and its first JSON value."""
    lower = name.lower()
    if lower.endswith(".csv"):
        return "csv"
    if lower.endswith(".json.xz"):
        return "instaloader"
    if lower.endswith(".js"):
        return "x-archive"
    first: Any = None
    for _, value in file_values(path, name):
        first = value
        break
    chosen = format_of(_first_item(first))
    if chosen is not None:
        return chosen
    if export_shape(first) is not None:
        return "instagram-export"
    if isinstance(first, dict) and {"owner", "text", "answers"} <= set(first):
        found = "instaloader comments (--comments); comments are not imported"
    elif isinstance(first, dict):
        keys = ", ".join(sorted(str(key) for key in first)[:10]) or "none"
        found = f"a JSON object with the keys {keys}"
    else:
        found = f"a JSON {type(first).__name__}" if first is not None else "no JSON value"
    raise UnknownFormat(
        file=name,
        line=1,
        field=None,
        message=f"is not a file SocialLens can import: it holds {found}. Accepted: {ACCEPTED}",
    )
