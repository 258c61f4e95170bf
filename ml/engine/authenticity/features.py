"""Account features for the authenticity models, computed column-wise with numpy.

Records are plain dicts with canonical keys (see `INSTAGRAM_KEYS` / `X_KEYS`); any key may be missing or None,
because the public datasets (and the platforms) carry different fields. Every feature is a float or NaN; the model
turns NaN into an explicit missing-indicator plus an imputed value, so "unknown" never silently becomes "zero".
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import numpy as np

NAN = float("nan")
_DIGITS = str.maketrans("", "", "0123456789")
_SEPARATORS = re.compile(r"[._]+")

INSTAGRAM_KEYS = (
    "username",
    "username_length",
    "username_digits",
    "username_digit_ratio",
    "full_name",
    "full_name_words",
    "full_name_digit_ratio",
    "name_equals_username",
    "bio",
    "bio_length",
    "followers",
    "following",
    "posts",
    "tagged",
    "is_private",
    "is_verified",
    "has_profile_pic",
    "has_external_url",
    "is_business",
)
X_KEYS = (
    "screen_name",
    "name",
    "description",
    "followers",
    "friends",
    "statuses",
    "favourites",
    "listed",
    "verified",
    "default_profile",
    "default_profile_image",
    "created_at",
    "observed_at",
    # v1.1 profile details; live profiles carry only some of them (a missing one is imputed / flagged missing).
    "has_url",
    "location",
    "geo_enabled",
    "has_extended_profile",
    "has_banner",
    "use_background_image",
    "default_theme",
)

# TikTok (its web API's user and stats fields, as TikAPI, TikTokApi and our importers give them).
TIKTOK_KEYS = ("username", "nickname", "bio", "followers", "following", "hearts", "videos", "is_verified")


@dataclass(frozen=True)
class Feature:
    name: str
    group: str  # features in one group are explained together ("following" + ratio → one reason)


INSTAGRAM_FEATURES: tuple[Feature, ...] = (
    Feature("log_followers", "audience"),
    Feature("log_following", "audience"),
    Feature("follow_ratio", "audience"),
    Feature("log_posts", "posts"),
    Feature("log_tagged", "tagged"),
    Feature("bio_length", "bio"),
    Feature("bio_words", "bio"),
    Feature("has_profile_pic", "avatar"),
    Feature("is_private", "private"),
    Feature("is_verified", "verified"),
    Feature("has_external_url", "external_url"),
    Feature("is_business", "business"),
    Feature("username_length", "username"),
    Feature("username_digits", "username"),
    Feature("username_digit_ratio", "username"),
    Feature("username_words", "username"),
    Feature("username_pattern_letters", "username"),
    Feature("username_pattern_digit_suffix", "username"),
    Feature("username_pattern_separated", "username"),
    Feature("username_pattern_digit_heavy", "username"),
    Feature("full_name_length", "full_name"),
    Feature("full_name_words", "full_name"),
    Feature("full_name_digit_ratio", "full_name"),
    Feature("full_name_non_ascii", "full_name"),
    Feature("name_equals_username", "full_name"),
)

X_FEATURES: tuple[Feature, ...] = (
    Feature("log_statuses", "activity"),
    Feature("log_followers", "audience"),
    Feature("log_friends", "audience"),
    Feature("follow_ratio", "audience"),
    Feature("log_favourites", "likes"),
    Feature("log_listed", "listed"),
    Feature("log_age_days", "age"),
    Feature("statuses_per_day", "activity"),
    Feature("followers_per_day", "growth"),
    Feature("friends_per_day", "growth"),
    Feature("favourites_per_day", "likes"),
    Feature("listed_per_day", "listed"),
    Feature("default_profile", "default_profile"),
    Feature("default_profile_image", "avatar"),
    Feature("verified", "verified"),
    Feature("screen_name_length", "screen_name"),
    Feature("screen_name_digits", "screen_name"),
    Feature("screen_name_likelihood", "screen_name"),
    Feature("name_length", "name"),
    Feature("name_digits", "name"),
    Feature("description_length", "description"),
    # Added after cross-validation on cresci-rtbust (README): RTbust retweet bots like little, are rarely listed,
    # were created in a burst, reuse their screen name as display name and leave the profile bare.
    Feature("favourites_per_status", "likes"),
    Feature("listed_per_follower", "listed"),
    Feature("created_year", "age"),
    Feature("name_screen_name_similarity", "name"),
    Feature("has_url", "profile"),
    Feature("has_location", "profile"),
    Feature("geo_enabled", "profile"),
    Feature("has_extended_profile", "profile"),
    Feature("has_banner", "profile"),
    Feature("use_background_image", "profile"),
    Feature("default_theme", "profile"),
)

TIKTOK_FEATURES: tuple[Feature, ...] = (
    Feature("log_followers", "audience"),
    Feature("log_following", "audience"),
    Feature("follow_ratio", "audience"),
    Feature("log_videos", "videos"),
    Feature("log_hearts", "hearts"),
    Feature("log_hearts_per_video", "hearts"),
    Feature("bio_length", "bio"),
    Feature("bio_words", "bio"),
    Feature("is_verified", "verified"),
    Feature("username_length", "username"),
    Feature("username_digits", "username"),
    Feature("username_digit_ratio", "username"),
    Feature("username_pattern_letters", "username"),
    Feature("username_pattern_digit_suffix", "username"),
    Feature("username_pattern_separated", "username"),
    Feature("username_pattern_digit_heavy", "username"),
    Feature("nickname_length", "nickname"),
    Feature("nickname_equals_username", "nickname"),
)

FEATURES = {"instagram": INSTAGRAM_FEATURES, "x": X_FEATURES, "tiktok": TIKTOK_FEATURES}


def feature_names(platform: str) -> list[str]:
    return [feature.name for feature in FEATURES[platform]]


def columns_from_records(records: Sequence[dict[str, Any]], keys: Iterable[str]) -> dict[str, list[Any]]:
    return {key: [record.get(key) for record in records] for key in keys}


def _num(values: Sequence[Any]) -> np.ndarray:
    return np.array([NAN if value is None else float(value) for value in values], dtype=np.float64)


def _log1p(values: np.ndarray) -> np.ndarray:
    return np.log1p(np.clip(values, 0, None))


def _str_len(values: Sequence[str | None]) -> np.ndarray:
    return np.array([NAN if value is None else len(value) for value in values], dtype=np.float64)


def _digit_count(values: Sequence[str | None]) -> np.ndarray:
    return np.array(
        [NAN if value is None else len(value) - len(value.translate(_DIGITS)) for value in values], dtype=np.float64
    )


def _word_count(values: Sequence[str | None]) -> np.ndarray:
    return np.array([NAN if value is None else len(value.split()) for value in values], dtype=np.float64)


def _ratio(part: np.ndarray, whole: np.ndarray) -> np.ndarray:
    """part / whole; 0 for an empty string, NaN where the string itself is unknown (so a ratio the source gives
    directly, as Kaggle's "nums/length username", is used instead of a made-up 0)."""
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(np.isnan(whole), NAN, np.where(whole > 0, part / whole, 0.0))


def _first_known(*arrays: np.ndarray) -> np.ndarray:
    out = arrays[0].copy()
    for array in arrays[1:]:
        out = np.where(np.isnan(out), array, out)
    return out


def _username_pattern(name: str) -> int:
    """0 letters only, 1 letters then digits, 2 words joined by . or _, 3 mostly digits, -1 something else."""
    if not name:
        return -1
    digits = len(name) - len(name.translate(_DIGITS))
    if digits * 2 > len(name):
        return 3
    if _SEPARATORS.search(name):
        return 2
    if digits == 0:
        return 0
    if name.rstrip("0123456789").isalpha():
        return 1
    return -1


def instagram_matrix(columns: dict[str, list[Any]]) -> np.ndarray:
    """(n, len(INSTAGRAM_FEATURES)) float matrix with NaN where the source did not carry a field."""
    n = len(next(iter(columns.values()))) if columns else 0
    get = lambda key: columns.get(key) or [None] * n  # noqa: E731
    username = get("username")
    full_name = get("full_name")
    bio = get("bio")

    followers, following = _num(get("followers")), _num(get("following"))
    username_length = _first_known(_str_len(username), _num(get("username_length")))
    username_digits = _first_known(_digit_count(username), _num(get("username_digits")))
    with np.errstate(invalid="ignore", divide="ignore"):
        username_digit_ratio = _first_known(_ratio(username_digits, username_length), _num(get("username_digit_ratio")))
        full_name_length = _str_len(full_name)
        full_name_digit_ratio = _first_known(
            _ratio(_digit_count(full_name), full_name_length), _num(get("full_name_digit_ratio"))
        )
    patterns = np.array([-2 if name is None else _username_pattern(name) for name in username])
    pattern_known = np.where(patterns == -2, NAN, 1.0)
    username_words = np.array(
        [NAN if name is None else len([w for w in _SEPARATORS.split(name) if w]) for name in username], dtype=np.float64
    )
    non_ascii = np.array(
        [NAN if value is None else len(value) - len(value.encode("ascii", "ignore")) for value in full_name],
        dtype=np.float64,
    )
    name_equals = _first_known(
        np.array(
            [
                NAN if (u is None or f is None) else float(_normalise(u) == _normalise(f) and bool(u))
                for u, f in zip(username, full_name, strict=True)
            ],
            dtype=np.float64,
        ),
        _num(get("name_equals_username")),
    )
    matrix = np.column_stack(
        [
            _log1p(followers),
            _log1p(following),
            np.log1p(np.clip(followers, 0, None)) - np.log1p(np.clip(following, 0, None)),
            _log1p(_num(get("posts"))),
            _log1p(_num(get("tagged"))),
            np.log1p(_first_known(_str_len(bio), _num(get("bio_length")))),
            _word_count(bio),
            _num(get("has_profile_pic")),
            _num(get("is_private")),
            _num(get("is_verified")),
            _num(get("has_external_url")),
            _num(get("is_business")),
            username_length,
            username_digits,
            username_digit_ratio,
            username_words,
            pattern_known * (patterns == 0),
            pattern_known * (patterns == 1),
            pattern_known * (patterns == 2),
            pattern_known * (patterns == 3),
            full_name_length,
            _first_known(_word_count(full_name), _num(get("full_name_words"))),
            full_name_digit_ratio,
            non_ascii,
            name_equals,
        ]
    )
    return matrix.astype(np.float64)


def tiktok_matrix(columns: dict[str, list[Any]]) -> np.ndarray:
    """(n, len(TIKTOK_FEATURES)) float matrix with NaN where the source did not carry a field."""
    n = len(next(iter(columns.values()))) if columns else 0
    get = lambda key: columns.get(key) or [None] * n  # noqa: E731
    username, nickname, bio = get("username"), get("nickname"), get("bio")
    followers, following = _num(get("followers")), _num(get("following"))
    videos, hearts = _num(get("videos")), _num(get("hearts"))
    username_length, username_digits = _str_len(username), _digit_count(username)
    patterns = np.array([-2 if name is None else _username_pattern(name) for name in username])
    pattern_known = np.where(patterns == -2, NAN, 1.0)
    same = np.array(
        [
            NAN if (u is None or k is None) else float(_normalise(u) == _normalise(k) and bool(u))
            for u, k in zip(username, nickname, strict=True)
        ],
        dtype=np.float64,
    )
    with np.errstate(invalid="ignore", divide="ignore"):
        per_video = np.where(np.isnan(hearts) | np.isnan(videos), NAN, np.clip(hearts, 0, None) / np.maximum(videos, 1))
    matrix = np.column_stack(
        [
            _log1p(followers),
            _log1p(following),
            np.log1p(np.clip(followers, 0, None)) - np.log1p(np.clip(following, 0, None)),
            _log1p(videos),
            _log1p(hearts),
            np.log1p(per_video),
            np.log1p(_str_len(bio)),
            _word_count(bio),
            _num(get("is_verified")),
            username_length,
            username_digits,
            _ratio(username_digits, username_length),
            pattern_known * (patterns == 0),
            pattern_known * (patterns == 1),
            pattern_known * (patterns == 2),
            pattern_known * (patterns == 3),
            _str_len(nickname),
            same,
        ]
    )
    return matrix.astype(np.float64)


_NON_ALNUM = re.compile(r"[^a-z0-9]")


def _normalise(text: str) -> str:
    return _NON_ALNUM.sub("", text.lower())


def parse_twitter_date(value: Any) -> float:
    """Seconds since the epoch from a v1.1 date ('Wed May 15 16:00:19 +0000 2019'), an ISO string, a datetime or
    a number; NaN when absent or unreadable."""
    if value is None or value == "":
        return NAN
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, datetime):
        return (value if value.tzinfo else value.replace(tzinfo=UTC)).timestamp()
    text = str(value).strip().strip('"')
    for fmt in (
        "%a %b %d %H:%M:%S %z %Y",
        "%Y-%m-%dT%H:%M:%S%z",
        "%Y-%m-%d %H:%M:%S%z",
        "%m/%d/%Y %H:%M",
        "%m/%d/%y %H:%M",
        "%Y-%m-%d",
    ):
        try:
            parsed = datetime.strptime(text, fmt)
        except ValueError:
            continue
        return (parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)).timestamp()
    try:  # ISO 8601 as databases return it ('2019-05-15 16:00:19.123456+00:00'); naive means UTC
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return NAN
    return (parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)).timestamp()


def bigram_table(names: Iterable[str]) -> dict[str, float]:
    """Log-probabilities of character bigrams (with ^ and $ for start/end) learnt from screen names."""
    counts: dict[str, int] = {}
    for name in names:
        padded = f"^{name.lower()}$"
        for i in range(len(padded) - 1):
            counts[padded[i : i + 2]] = counts.get(padded[i : i + 2], 0) + 1
    total = sum(counts.values()) + len(counts) + 1
    table = {bigram: math.log((count + 1) / total) for bigram, count in counts.items()}
    table[""] = math.log(1 / total)  # unseen bigram
    return table


def _likelihood(name: str | None, table: dict[str, float]) -> float:
    if name is None or not table:
        return NAN
    padded = f"^{name.lower()}$"
    unseen = table[""]
    scores = [table.get(padded[i : i + 2], unseen) for i in range(len(padded) - 1)]
    return sum(scores) / len(scores)


def _similarity(a: str | None, b: str | None) -> float:
    """Share of characters the two names have in common (difflib ratio after lower-casing), NaN if one is absent."""
    if a is None or b is None:
        return NAN
    import difflib

    return difflib.SequenceMatcher(None, a.lower(), b.lower()).ratio()


def x_matrix(columns: dict[str, list[Any]], *, bigrams: dict[str, float] | None = None) -> np.ndarray:
    n = len(next(iter(columns.values()))) if columns else 0
    get = lambda key: columns.get(key) or [None] * n  # noqa: E731
    statuses, followers, friends = _num(get("statuses")), _num(get("followers")), _num(get("friends"))
    favourites, listed = _num(get("favourites")), _num(get("listed"))
    created = np.array([parse_twitter_date(value) for value in get("created_at")], dtype=np.float64)
    observed = np.array([parse_twitter_date(value) for value in get("observed_at")], dtype=np.float64)
    age_days = np.clip((observed - created) / 86400.0, 1.0, None)
    screen_name, name = get("screen_name"), get("name")

    def per_day(values: np.ndarray) -> np.ndarray:
        return np.log1p(np.clip(values, 0, None) / age_days)

    matrix = np.column_stack(
        [
            _log1p(statuses),
            _log1p(followers),
            _log1p(friends),
            _log1p(followers) - _log1p(friends),
            _log1p(favourites),
            _log1p(listed),
            np.log(age_days),
            per_day(statuses),
            per_day(followers),
            per_day(friends),
            per_day(favourites),
            per_day(listed),
            _num(get("default_profile")),
            _num(get("default_profile_image")),
            _num(get("verified")),
            _str_len(screen_name),
            _digit_count(screen_name),
            np.array([_likelihood(value, bigrams or {}) for value in screen_name], dtype=np.float64),
            _str_len(name),
            _digit_count(name),
            _str_len(get("description")),
            _log1p(favourites) - _log1p(statuses),
            _log1p(listed) - _log1p(followers),
            1970.0 + created / (86400.0 * 365.2425),
            np.array([_similarity(a, b) for a, b in zip(screen_name, name, strict=True)], dtype=np.float64),
            _num(get("has_url")),
            np.array(
                [NAN if value is None else float(bool(str(value).strip())) for value in get("location")],
                dtype=np.float64,
            ),
            _num(get("geo_enabled")),
            _num(get("has_extended_profile")),
            _num(get("has_banner")),
            _num(get("use_background_image")),
            _num(get("default_theme")),
        ]
    )
    return matrix.astype(np.float64)


def feature_matrix(
    platform: str, columns: dict[str, list[Any]], *, bigrams: dict[str, float] | None = None
) -> np.ndarray:
    if platform == "instagram":
        return instagram_matrix(columns)
    if platform == "x":
        return x_matrix(columns, bigrams=bigrams)
    if platform == "tiktok":
        return tiktok_matrix(columns)
    raise ValueError(f"Unknown platform {platform!r}")


def keys_for(platform: str) -> tuple[str, ...]:
    return {"instagram": INSTAGRAM_KEYS, "x": X_KEYS, "tiktok": TIKTOK_KEYS}[platform]
