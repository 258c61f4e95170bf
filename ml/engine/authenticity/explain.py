"""Audience categories and plain-words reasons built from per-group contributions."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np

from ..wording import count_noun

MASS_FOLLOWER_FOLLOWING = 1500
INFLUENCER_FOLLOWERS = 5000

CATEGORY_MASS_FOLLOWER = "mass_follower"
CATEGORY_INFLUENCER = "influencer"
CATEGORY_SUSPICIOUS = "suspicious"
CATEGORY_REAL = "real"
CATEGORIES = (CATEGORY_MASS_FOLLOWER, CATEGORY_INFLUENCER, CATEGORY_SUSPICIOUS, CATEGORY_REAL)


def categorise(
    followers: np.ndarray, following: np.ndarray, probability: np.ndarray, threshold: float = 0.5
) -> np.ndarray:
    """One category per account, first rule that matches: mass follower (follows > 1,500), influencer
    (> 5,000 followers and follows < 1,500), suspicious (model says fake/bot), real person. Unknown counts never
    match the count rules."""
    followers = np.nan_to_num(np.asarray(followers, dtype=np.float64), nan=-1)
    following = np.nan_to_num(np.asarray(following, dtype=np.float64), nan=-1)
    return np.select(
        [
            following > MASS_FOLLOWER_FOLLOWING,
            (followers > INFLUENCER_FOLLOWERS) & (following >= 0) & (following < MASS_FOLLOWER_FOLLOWING),
            np.asarray(probability) >= threshold,
        ],
        [CATEGORY_MASS_FOLLOWER, CATEGORY_INFLUENCER, CATEGORY_SUSPICIOUS],
        default=CATEGORY_REAL,
    )


def _known(value: Any) -> bool:
    return value is not None and not (isinstance(value, float) and math.isnan(value))


def reason_text(platform: str, group: str, record: dict[str, Any]) -> str | None:
    """A short plain sentence about one feature group of one account, or None when its data is missing."""
    get: Callable[[str], Any] = record.get
    if group == "audience":
        following = get("friends") if platform == "x" else get("following")
        if not _known(following) and not _known(get("followers")):
            return None
        return f"follows {count_noun(following, 'account')}, followed by {count_noun(get('followers'), 'account')}"
    if group == "posts":
        return (
            None
            if not _known(get("posts"))
            else ("has never posted" if not get("posts") else f"has {count_noun(get('posts'), 'post')}")
        )
    if group == "videos":
        videos = get("videos")
        return (
            None
            if not _known(videos)
            else ("has posted no video" if not videos else f"has posted {count_noun(videos, 'video')}")
        )
    if group == "hearts":
        hearts = get("hearts")
        return None if not _known(hearts) else f"its videos have {count_noun(hearts, 'like')} in all"
    if group == "nickname":
        nickname = get("nickname")
        return None if nickname is None else ("no nickname" if not nickname.strip() else f"nickname “{nickname}”")
    if group == "activity":
        return None if not _known(get("statuses")) else f"has posted {count_noun(get('statuses'), 'tweet')}"
    if group == "bio":
        bio = get("bio")
        length = len(bio) if bio is not None else get("bio_length")
        if not _known(length):
            return None
        return "empty bio" if not length else f"bio of {count_noun(length, 'character')}"
    if group == "description":
        text = get("description")
        return (
            None
            if text is None
            else (
                "empty profile description"
                if not text.strip()
                else f"profile description of {count_noun(len(text), 'character')}"
            )
        )
    if group == "avatar":
        if platform == "instagram":
            pic = get("has_profile_pic")
            return None if pic is None else ("has a profile picture" if pic else "no profile picture")
        default = get("default_profile_image")
        return None if default is None else ("default profile image" if default else "own profile image")
    if group == "username":
        name = get("username")
        if name is not None:
            digits = sum(c.isdigit() for c in name)
            return f"username @{name} ({count_noun(len(name), 'character')}, {count_noun(digits, 'digit')})"
        if _known(get("username_digits")):
            return (
                f"username has {count_noun(get('username_digits'), 'digit')} in "
                f"{count_noun(get('username_length') or 0, 'character')}"
            )
        if _known(get("username_digit_ratio")):
            return f"{round(100 * get('username_digit_ratio'))}% of the username is digits"
        return None
    if group == "screen_name":
        name = get("screen_name")
        return None if name is None else f"screen name @{name} ({count_noun(sum(c.isdigit() for c in name), 'digit')})"
    if group == "full_name":
        if get("full_name") is not None:
            return "no full name" if not get("full_name").strip() else f"full name “{get('full_name')}”"
        words = get("full_name_words")
        if not _known(words):
            return None
        return "no full name" if not words else f"full name of {count_noun(words, 'word')}"
    if group == "name":
        return None if get("name") is None else f"display name “{get('name')}”"
    flags = {
        "private": ("is_private", "private account", "public account"),
        "verified": ("verified" if platform == "x" else "is_verified", "verified", "not verified"),
        "external_url": ("has_external_url", "has a link in bio", "no link in bio"),
        "business": ("is_business", "business account", "personal account"),
        "default_profile": ("default_profile", "never customised the profile theme", "customised profile theme"),
    }
    if group in flags:
        key, yes, no = flags[group]
        return None if get(key) is None else (yes if get(key) else no)
    if group == "tagged":
        return None if not _known(get("tagged")) else f"tagged in {count_noun(get('tagged'), 'post')}"
    if group == "likes":
        return None if not _known(get("favourites")) else f"has liked {count_noun(get('favourites'), 'tweet')}"
    if group == "listed":
        return None if not _known(get("listed")) else f"on {count_noun(get('listed'), 'list')}"
    if group == "profile":
        details = [
            text
            for key, text in (("has_url", "a website link"), ("location", "a location"), ("has_banner", "a banner"))
            if get(key)
        ]
        if not any(get(key) is not None for key in ("has_url", "location", "has_banner")):
            return None
        return "profile has " + ", ".join(details) if details else "bare profile: no website, location or banner"
    if group == "age" or group == "growth":
        return None if get("created_at") is None else "account age and growth per day"
    return None


def top_reasons(
    platform: str,
    groups: list[str],
    contributions: np.ndarray,
    record: dict[str, Any],
    *,
    towards_fake: bool,
    limit: int = 3,
) -> list[dict[str, Any]]:
    """The groups that pushed hardest towards the verdict, as sentences with their log-odds contribution."""
    order = np.argsort(-contributions if towards_fake else contributions)
    reasons = []
    for index in order:
        value = float(contributions[index])
        if value <= 0.05 if towards_fake else value >= -0.05:
            break
        text = reason_text(platform, groups[index], record)
        if text:
            reasons.append({"feature": groups[index], "text": text, "contribution": round(value, 3)})
        if len(reasons) == limit:
            break
    return reasons


def top_reasons_batch(
    platform: str,
    groups: list[str],
    contributions: np.ndarray,
    towards_fake: np.ndarray,
    record_for: Any,
    *,
    limit: int = 3,
) -> list[list[dict[str, Any]]]:
    """`top_reasons` for many accounts at once: one argsort for the batch; records built only when needed."""
    signed = contributions * np.where(towards_fake, 1.0, -1.0)[:, None]
    order = np.argsort(-signed, axis=1)[:, : limit + 3]
    out: list[list[dict[str, Any]]] = []
    for k in range(len(signed)):
        reasons: list[dict[str, Any]] = []
        record = None
        for g in order[k]:
            if signed[k, g] <= 0.05:
                break
            if record is None:
                record = record_for(k)
            text = reason_text(platform, groups[g], record)
            if text:
                reasons.append(
                    {"feature": groups[g], "text": text, "contribution": round(float(contributions[k, g]), 3)}
                )
                if len(reasons) == limit:
                    break
        out.append(reasons)
    return out
