"""Platform-neutral records that every parser produces and the writer upserts."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

# Instagram handles: letters, digits, '.', '_' (max 30); X handles: letters, digits, '_' (max 15).
HASHTAG_RE = re.compile(r"(?<![\w&])#(\w{1,100})", re.UNICODE)
IG_MENTION_RE = re.compile(r"(?<![\w.@])@([A-Za-z0-9._]{1,30})")
X_MENTION_RE = re.compile(r"(?<![\w@])@(\w{1,15})", re.ASCII)


class ImportFormatError(Exception):
    """A malformed input file: names the file, the line (or record) and the field."""

    def __init__(self, *, file: str, line: int | None, field: str | None, message: str) -> None:
        self.file, self.line, self.field, self.message = file, line, field, message
        where = file + (f", line {line}" if line is not None else "") + (f", field '{field}'" if field else "")
        super().__init__(f"{where}: {message}")


def parse_hashtags(text: str) -> list[str]:
    return _unique(tag.lower() for tag in HASHTAG_RE.findall(text or ""))


def parse_mentions(text: str, platform: str) -> list[str]:
    pattern = IG_MENTION_RE if platform == "instagram" else X_MENTION_RE
    return _unique(handle.lower().rstrip(".") for handle in pattern.findall(text or "") if handle.strip("."))


def _unique(items: Any) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        if item:
            seen.setdefault(item, None)
    return list(seen)


def normalize_handle(value: str) -> str:
    return value.strip().lstrip("@").lower()


def from_timestamp(value: float | int) -> datetime:
    return datetime.fromtimestamp(float(value), tz=UTC)


PROFILE_FIELDS = ("platform_id", "display_name", "bio", "external_url", "is_verified", "is_private", "is_business",
                  "business_category", "avatar_url", "has_default_avatar", "followers_count", "following_count",
                  "posts_count", "account_created_at")
POST_FIELDS = ("shortcode", "url", "media_type", "caption", "hashtags", "mentions", "tagged_accounts", "taken_at",
               "likes", "comments", "views", "image_description", "is_sponsored")


@dataclass
class ProfileRecord:
    platform: str
    handle: str
    # Only the fields a source actually provides are written, so a sparse source never blanks richer data.
    values: dict[str, Any] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)
    where: str = ""

    @property
    def key(self) -> tuple[str, str]:
        return (self.platform, self.handle)


@dataclass
class PostRecord:
    platform: str
    owner_handle: str
    platform_id: str
    values: dict[str, Any] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)
    reply_to_handle: str = ""
    where: str = ""


@dataclass
class ParsedFile:
    name: str
    profiles: list[ProfileRecord] = field(default_factory=list)
    posts: list[PostRecord] = field(default_factory=list)
    source: str = ""  # shown as "from where" on the profile page; "import:<file name>" unless set (e.g. "api")

    @property
    def source_label(self) -> str:
        return (self.source or f"import:{self.name}")[:300]

    def add_profile(self, record: ProfileRecord) -> None:
        self.profiles.append(record)

    def add_post(self, record: PostRecord) -> None:
        self.posts.append(record)
