"""Parsers for every supported import format, one module each, plus the registry and format detection.

Each parser turns one file into a `ParsedFile` or raises `ImportFormatError` naming the file, the line (or record)
and the field; nothing is written while parsing."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from profiles.importers.parsers.csv_table import parse_csv
from profiles.importers.parsers.gallery_dl import parse_gallery_dl
from profiles.importers.parsers.instagram_graphql import ig_post, ig_profile, parse_instagram_graphql
from profiles.importers.parsers.instaloader import parse_instaloader
from profiles.importers.parsers.reading import json_values, read_text
from profiles.importers.parsers.twitter_v1 import parse_twitter_v1, v1_tweet, v1_user
from profiles.importers.parsers.twitter_v2 import parse_twitter_v2, v2_tweet, v2_user
from profiles.importers.parsers.values import Ctx
from profiles.importers.records import ImportFormatError, ParsedFile

__all__ = ["FORMATS", "PARSERS", "Ctx", "detect_format", "ig_post", "ig_profile", "v1_tweet", "v1_user", "v2_tweet",
           "v2_user"]

FORMATS = ("instagram-graphql", "instaloader", "gallery-dl", "twitter-v1", "twitter-v2", "csv")

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
