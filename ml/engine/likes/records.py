"""Plain records shared by training, evaluation and scoring, and the Instagram web-profile JSONL reader."""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
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
    # When its likes were read (a scrape, a fetch). A post read hours after it went up shows a fraction of the
    # likes it ends with; None = read long after (final counts), as for a draft being scored.
    observed_at: datetime | None = None

    @property
    def log_likes(self) -> float:
        return math.log1p(max(self.likes or 0, 0))


@dataclass
class AccountRecord:
    handle: str
    followers: int | None
    posts: list[PostRecord] = field(default_factory=list)  # sorted by taken_at, oldest first
    dataset: str = ""  # which population the account comes from (cross-validation holds whole datasets out)
    niche: str = ""  # the account's niche (features.NICHES), "" when unknown


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


def displayed_likes(raw: dict[str, Any]) -> int | None:
    """The like count Instagram displays (`edge_media_preview_like`, what instaloader's `Post.likes` returns);
    `edge_liked_by` only where the preview count is absent. The two differ on some posts (the liked-by edge is
    often smaller or null), and live profiles are fetched through instaloader, so training must use the same."""
    preview = _count(raw.get("edge_media_preview_like"))
    return preview if preview is not None else _count(raw.get("edge_liked_by"))


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
        likes=displayed_likes(raw),
        comments=_count(raw.get("edge_media_to_comment")),
        image_description=str(raw.get("accessibility_caption") or ""),
        width=dimensions.get("width"),
        height=dimensions.get("height"),
    )


def account_from_json(raw: dict[str, Any]) -> AccountRecord:
    posts = [p for p in (post_from_json(item) for item in raw.get("posts") or []) if p is not None]
    posts.sort(key=lambda p: p.taken_at)
    return AccountRecord(
        handle=str(raw.get("username") or raw.get("id") or ""),
        followers=_count(raw.get("edge_followed_by")),
        posts=posts,
    )


def read_accounts(path: str | Path, dataset: str = "") -> Iterator[AccountRecord]:
    """Accounts of an Instagram web-profile JSONL file (one account per line; blank lines skipped)."""
    with open(path, encoding="utf-8") as handle:
        for line_number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                account = account_from_json(json.loads(line))
            except (json.JSONDecodeError, AttributeError, TypeError) as exc:
                raise ValueError(f"{path}:{line_number}: not an Instagram profile object ({exc})") from exc
            account.dataset = dataset
            yield account


def read_post_nodes(path: str | Path, dataset: str = "kim2020") -> list[AccountRecord]:
    """Accounts from a JSONL of Instagram graphql post nodes, one post a line with its `owner` (the kim2020
    shape). Followers come from `influencers.tsv` beside the file (username, category, followers, …) when it is
    there; an account missing from it has unknown followers."""
    path = Path(path)
    if path.is_dir():
        path = path / "posts.jsonl"
    followers: dict[str, int] = {}
    niches: dict[str, str] = {}
    table = path.parent / "influencers.tsv"
    if table.is_file():
        with open(table, encoding="utf-8") as handle:
            header = handle.readline().rstrip("\n").split("\t")
            if "username" not in header or "followers" not in header:
                raise ValueError(f"{table}: expected a header with username and followers, got {header}")
            user_col, followers_col = header.index("username"), header.index("followers")
            category_col = header.index("category") if "category" in header else None
            for line in handle:
                cells = line.rstrip("\n").split("\t")
                if len(cells) > max(user_col, followers_col) and cells[followers_col].isdigit():
                    followers[cells[user_col].lower()] = int(cells[followers_col])
                if category_col is not None and len(cells) > max(user_col, category_col):
                    niches[cells[user_col].lower()] = cells[category_col].strip().lower()
    by_owner: dict[str, list[PostRecord]] = {}
    with open(path, encoding="utf-8") as handle:
        for line_number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
                owner = raw["owner"]
                owner = owner.get("username") if isinstance(owner, dict) else owner
                post = post_from_json(
                    {**raw, "edge_media_to_caption": raw.get("caption", raw.get("edge_media_to_caption"))}
                )
            except (json.JSONDecodeError, AttributeError, TypeError, KeyError) as exc:
                raise ValueError(f"{path}:{line_number}: not an Instagram post node with an owner ({exc})") from exc
            if post is not None and owner:
                by_owner.setdefault(str(owner), []).append(post)
    if not by_owner:
        raise ValueError(f"{path}: no dated posts with an owner")
    return [
        AccountRecord(
            handle=owner,
            followers=followers.get(owner.lower()),
            posts=sorted(posts, key=lambda p: p.taken_at),
            dataset=dataset,
            niche=niches.get(owner.lower(), ""),
        )
        for owner, posts in sorted(by_owner.items())
    ]


def read_instafake_genuine(path: str | Path, dataset: str = "instafake") -> list[AccountRecord]:
    """InstaFake's automated-task accounts (`nonautomatedAccountData.json`): follower count and per-post likes,
    comments and upload times (no captions, handles or images: those inputs are unknown). The set names no
    accounts, so each gets a stable handle from its follower count and first upload time."""
    with open(path, encoding="utf-8") as handle:
        try:
            rows = json.load(handle)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}: not JSON ({exc})") from exc
    if not isinstance(rows, list):
        raise ValueError(f"{path}: expected a JSON list of InstaFake accounts")
    accounts = []
    for number, row in enumerate(rows, 1):
        try:
            likes, comments, times = row["mediaLikeNumbers"], row["mediaCommentNumbers"], row["mediaUploadTimes"]
            followers = int(row["userFollowerCount"])
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"{path}: account {number} lacks InstaFake's per-post fields ({exc})") from exc
        if not (len(likes) == len(comments) == len(times)):
            raise ValueError(f"{path}: account {number} has per-post arrays of different lengths")
        posts = sorted(
            (
                PostRecord(taken_at=datetime.fromtimestamp(int(t), tz=UTC), likes=int(n), comments=int(c))
                for n, c, t in zip(likes, comments, times, strict=True)
            ),
            key=lambda p: p.taken_at,
        )
        first = int(min(times)) if times else 0
        accounts.append(
            AccountRecord(handle=f"instafake-{followers}-{first}", followers=followers, posts=posts, dataset=dataset)
        )
    return accounts


FORMATS = ("web-profile", "post-nodes", "instafake")
SCRAPE_WINDOW_DAYS = 7


def infer_scrape_time(accounts: list[AccountRecord]) -> datetime | None:
    """When a file of accounts was read, if it is one scrape: the newest post in it, when at least half of the
    accounts posted within SCRAPE_WINDOW_DAYS before that (active accounts read at one time all have a recent
    post). None for a collection gathered over months (kim2020, InstaFake): their counts are taken as final."""
    newest = [account.posts[-1].taken_at for account in accounts if account.posts]
    if not newest:
        return None
    end = max(newest)
    recent = sum((end - taken).total_seconds() < SCRAPE_WINDOW_DAYS * 86400 for taken in newest)
    return end if recent * 2 >= len(newest) else None


def with_observed_at(accounts: list[AccountRecord], observed_at: datetime | None) -> list[AccountRecord]:
    """Every post without its own observation time gets `observed_at` (no-op for None)."""
    if observed_at is None:
        return accounts
    for account in accounts:
        account.posts = [p if p.observed_at else replace(p, observed_at=observed_at) for p in account.posts]
    return accounts


def read_any(
    path: str | Path, fmt: str = "web-profile", dataset: str = "", observed_at: datetime | None = None
) -> list[AccountRecord]:
    """Accounts of a file in one of FORMATS: web-profile JSONL (the 2019 set, the default), post-nodes JSONL
    (kim2020: one post a line, followers from influencers.tsv beside it), instafake (nonautomatedAccountData.json).
    Posts are marked as read at `observed_at`, or at `infer_scrape_time` of the file when it is one scrape."""
    if fmt == "web-profile":
        accounts = list(read_accounts(path, dataset or "ig-influencer-posts-2019"))
    elif fmt == "post-nodes":
        accounts = read_post_nodes(path, dataset or "kim2020")
    elif fmt == "instafake":
        accounts = read_instafake_genuine(path, dataset or "instafake")
    else:
        raise ValueError(f"unknown format {fmt!r} (expected one of {', '.join(FORMATS)})")
    return with_observed_at(accounts, observed_at or infer_scrape_time(accounts))


DATASETS_DIR = Path(__file__).resolve().parents[2] / "datasets"
# The populations the like model trains on: name -> (format, path under ml/datasets).
TRAINING_SETS: dict[str, tuple[str, str]] = {
    "ig-influencer-posts-2019": ("web-profile", "ig-influencer-posts-2019/profiles_slim.jsonl"),
    "kim2020": ("post-nodes", "ig-influencer-categories-kim2020/posts.jsonl"),
    "instafake": ("instafake", "instafake/nonautomatedAccountData.json"),
}


def training_accounts(names: list[str] | None = None) -> list[AccountRecord]:
    accounts: list[AccountRecord] = []
    for name in names or list(TRAINING_SETS):
        fmt, relative = TRAINING_SETS[name]
        accounts.extend(read_any(DATASETS_DIR / relative, fmt, name))
    return accounts
