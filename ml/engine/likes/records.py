"""Plain records shared by training, evaluation and scoring, and the Instagram web-profile JSONL reader."""
from __future__ import annotations

import json
import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

MEDIA_TYPES = ("image", "video", "carousel")
_TYPENAMES = {"GraphImage": "image", "GraphVideo": "video", "GraphSidecar": "carousel"}


@dataclass(frozen=True)
class PostRecord:
    """One post: an earlier post of the account (likes known) or the post being predicted (likes unknown)."""

    taken_at: datetime
    caption: str = ""
    media_type: str = "image"
    likes: int | None = None
    comments: int | None = None
    image_description: str = ""
    width: int | None = None
    height: int | None = None

    @property
    def log_likes(self) -> float:
        return math.log1p(max(self.likes or 0, 0))


@dataclass
class AccountRecord:
    handle: str
    followers: int | None
    posts: list[PostRecord] = field(default_factory=list)  # sorted by taken_at, oldest first


def _caption_text(value: Any) -> str:
    # The scrape stores a missing caption as the string "None".
    if value is None or value == "None":
        return ""
    if isinstance(value, dict):  # raw graphql shape: {"edges": [{"node": {"text": ...}}]}
        edges = value.get("edges") or []
        return str(edges[0]["node"]["text"]) if edges else ""
    return str(value)


def _count(value: Any) -> int | None:
    if isinstance(value, dict):
        value = value.get("count")
    return int(value) if isinstance(value, int | float) else None


def post_from_json(raw: dict[str, Any]) -> PostRecord | None:
    """Parse one `posts[]` item of the web-profile schema; None when it has no timestamp."""
    timestamp = raw.get("taken_at_timestamp")
    if not isinstance(timestamp, int | float):
        return None
    media_type = _TYPENAMES.get(raw.get("__typename", ""), "video" if raw.get("is_video") else "image")
    dimensions = raw.get("dimensions") or {}
    return PostRecord(
        taken_at=datetime.fromtimestamp(timestamp, tz=UTC),
        caption=_caption_text(raw.get("edge_media_to_caption")),
        media_type=media_type,
        likes=_count(raw.get("edge_liked_by", raw.get("edge_media_preview_like"))),
        comments=_count(raw.get("edge_media_to_comment")),
        image_description=str(raw.get("accessibility_caption") or ""),
        width=dimensions.get("width"),
        height=dimensions.get("height"),
    )


def account_from_json(raw: dict[str, Any]) -> AccountRecord:
    posts = [p for p in (post_from_json(item) for item in raw.get("posts") or []) if p is not None]
    posts.sort(key=lambda p: p.taken_at)
    return AccountRecord(handle=str(raw.get("username") or raw.get("id") or ""),
                         followers=_count(raw.get("edge_followed_by")), posts=posts)


def read_accounts(path: str | Path) -> Iterator[AccountRecord]:
    """Accounts of an Instagram web-profile JSONL file (one account per line; blank lines skipped)."""
    with open(path, encoding="utf-8") as handle:
        for line_number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                yield account_from_json(json.loads(line))
            except (json.JSONDecodeError, AttributeError, TypeError) as exc:
                raise ValueError(f"{path}:{line_number}: not an Instagram profile object ({exc})") from exc
