"""Influencer/post records in the Kim et al. (WWW 2020) formats: influencers.tsv labels and graphql posts JSONL.

A file is read whole or refused: a line that is not a JSON post object, or a labels file without the
username/category header, raises ``ValueError`` naming the line, never silently skipped.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from ml.engine.jsonl import json_objects

CATEGORIES: tuple[str, ...] = ("beauty", "family", "fashion", "fitness", "food", "interior", "other", "pet", "travel")
# Two rows of the source carry typos; they mean fashion.
_LABEL_FIXES = {"fasion": "fashion", "fashion 0.5": "fashion"}


@dataclass
class PostText:
    caption: str = ""
    image_description: str = ""
    location: str = ""
    post_id: str = ""

    @property
    def hashtags(self) -> list[str]:
        return [word[1:].lower() for word in self.caption.split() if word.startswith("#") and len(word) > 1]


@dataclass
class InfluencerPosts:
    """What the classifier reads about one influencer: identity fields and their posts' texts."""

    username: str
    full_name: str = ""
    bio: str = ""
    business_category: str = ""
    posts: list[PostText] = field(default_factory=list)


def _open_text(path: str | Path) -> IO[str]:
    path = Path(path)
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8")
    return path.open(encoding="utf-8")


def normalise_label(raw: str) -> str:
    label = _LABEL_FIXES.get(raw.strip().lower(), raw.strip().lower())
    if label not in CATEGORIES:
        raise ValueError(f"unknown category {raw!r}; expected one of {', '.join(CATEGORIES)}")
    return label


def read_labels(path: str | Path) -> dict[str, str]:
    """username -> category from a tab-separated file whose header names `username` and `category`."""
    with _open_text(path) as handle:
        header = handle.readline().rstrip("\n").split("\t")
        if "username" not in header or "category" not in header:
            raise ValueError(
                f"{path}: the first line must be a tab-separated header with username and category (got {header[:5]})"
            )
        user_col, cat_col = header.index("username"), header.index("category")
        labels: dict[str, str] = {}
        for number, line in enumerate(handle, start=2):
            if not line.strip():
                continue
            cells = line.rstrip("\n").split("\t")
            if len(cells) <= max(user_col, cat_col):
                raise ValueError(f"{path}:{number}: expected {len(header)} tab-separated columns")
            try:
                labels[cells[user_col].strip().lower()] = normalise_label(cells[cat_col])
            except ValueError as exc:
                raise ValueError(f"{path}:{number}: {exc}") from exc
    if not labels:
        raise ValueError(f"{path}: no labelled influencers")
    return labels


def _post_from_node(node: dict) -> tuple[str, str, PostText]:
    owner = node.get("owner")
    if isinstance(owner, dict):
        owner = owner.get("username")
    if not owner:
        raise ValueError("post has no owner username")
    caption = node.get("caption")
    if caption is None:
        edges = (node.get("edge_media_to_caption") or {}).get("edges") or []
        caption = edges[0]["node"]["text"] if edges else ""
    location = node.get("location") or ""
    if isinstance(location, dict):
        location = location.get("name") or ""
    return (
        str(owner).lower(),
        str(node.get("full_name") or ""),
        PostText(
            caption=str(caption or ""),
            image_description=str(node.get("accessibility_caption") or ""),
            location=str(location),
            post_id=str(node.get("id") or node.get("shortcode") or ""),
        ),
    )


def iter_posts(lines: Iterable[str], source: str = "posts") -> Iterator[tuple[str, str, PostText]]:
    for number, node in json_objects(lines, source):
        try:
            yield _post_from_node(node)
        except (ValueError, KeyError, IndexError, TypeError) as exc:
            raise ValueError(f"{source}:{number}: {exc}") from exc


def read_influencers(path: str | Path) -> list[InfluencerPosts]:
    """Group a posts JSONL (optionally .gz) by owner, in first-seen order."""
    grouped: dict[str, InfluencerPosts] = {}
    with _open_text(path) as handle:
        for owner, full_name, post in iter_posts(handle, source=str(path)):
            record = grouped.setdefault(owner, InfluencerPosts(username=owner, full_name=full_name))
            record.posts.append(post)
    if not grouped:
        raise ValueError(f"{path}: no posts")
    return list(grouped.values())
