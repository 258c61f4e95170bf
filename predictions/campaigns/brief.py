"""The brief check run on every version: required hashtags and mentions, and an ad disclosure."""
from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

HASHTAG_RE = re.compile(r"(?<![\w&])#(\w+)", re.UNICODE)
MENTION_RE = re.compile(r"(?<![\w])@([A-Za-z0-9_.]+)")
AD_DISCLOSURE_HASHTAGS = ("ad", "sponsored")


def normalise_tags(values: Iterable[str] | str, *, prefix: str) -> list[str]:
    """'#Summer, #Beach x' → ['summer', 'beach', 'x'] (lower-case, without the prefix, no duplicates)."""
    if isinstance(values, str):
        values = re.split(r"[\s,;]+", values)
    seen: list[str] = []
    for value in values:
        cleaned = value.strip().lstrip(prefix).strip().lower().rstrip(".")
        if cleaned and cleaned not in seen:
            seen.append(cleaned)
    return seen


def caption_hashtags(caption: str) -> list[str]:
    return [tag.lower() for tag in HASHTAG_RE.findall(caption or "")]


def caption_mentions(caption: str) -> list[str]:
    return [handle.lower().rstrip(".") for handle in MENTION_RE.findall(caption or "")]


def brief_check(*, caption: str, required_hashtags: list[str], required_mentions: list[str],
                paid_partnership: bool) -> dict[str, Any]:
    hashtags = set(caption_hashtags(caption))
    mentions = set(caption_mentions(caption))
    missing_hashtags = [tag for tag in required_hashtags if tag.lower() not in hashtags]
    missing_mentions = [handle for handle in required_mentions if handle.lower() not in mentions]
    disclosure = ""
    if paid_partnership:
        disclosure = "paid-partnership label"
    else:
        disclosure = next((f"#{tag}" for tag in AD_DISCLOSURE_HASHTAGS if tag in hashtags), "")
    problems = []
    if missing_hashtags:
        problems.append("Missing required hashtags: " + ", ".join(f"#{tag}" for tag in missing_hashtags) + ".")
    if missing_mentions:
        problems.append("Missing required mentions: " + ", ".join(f"@{h}" for h in missing_mentions) + ".")
    if not disclosure:
        problems.append("No ad disclosure: add #ad or #sponsored, or turn on the paid-partnership label.")
    return {
        "ok": not problems,
        "missing_hashtags": missing_hashtags,
        "missing_mentions": missing_mentions,
        "disclosure": disclosure,
        "problems": problems,
    }
