"""Predicted views (and likes) of a short video from the account's own earlier videos: pure NumPy, no Django.

The measure the issue sets: for each account, its 3 newest videos are predicted from its earlier ones; the error is
the mean squared error of ln(1 + views), against the account's time-weighted baseline (the mean of ln(1 + views) of
its earlier videos, each weighted 0.5 ** (age in days / HALF_LIFE_DAYS) at the target's posting time).

The model predicts the target's distance from that baseline from what is known before posting: the account's
spread, trend, last videos, follower count, how often it posts; the video's length and posting hour; and how old the
target is when its views are read (views grow after posting: the newest videos of a scrape are hours old). A draft
is predicted at DRAFT_AGE_DAYS ("views a week after posting"). The fit is ridge regression on standardised
features (closed form), one for views and one for likes; the 80% interval comes from the held-out errors divided by
the account's spread (split-conformal, normalised), so steady accounts get narrow intervals and erratic ones wide.

Readers take each dataset in its own layout:
- `tiktok-2020` (UCLA DataRes "TikTok_Famous": sug_users_vids*.csv / top_users_vids.csv): create_time (Unix),
  n_plays, n_likes, video_length, hashtags; read at the scrape (the newest video's time: the files carry no scrape
  time).
- `tiktok-2025` (IE403 Vietnamese scrape: user_videos_data.csv): vid_postTime (UTC), vid_scrapeTime (local, UTC+7),
  counts abbreviated ("1.6M"), vid_duration "mm:ss".
- `instagram-2019` (Instagram web profile JSON Lines, ig-influencer-posts-2019): the accounts' videos with
  video_view_count (Instagram's video posts of 2019, the Reels of their day), no lengths.
"""

from __future__ import annotations

import ast
import csv
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import numpy as np

HALF_LIFE_DAYS = 30.0
TEST_VIDEOS = 3
MIN_HISTORY = 3
DRAFT_AGE_DAYS = 7.0
SPREAD_FLOOR = 0.5
INTERVAL = (0.1, 0.9)
FEATURES = (
    "log_followers",
    "followers_minus_base",
    "n_history",
    "spread",
    "last_minus_base",
    "last3_minus_base",
    "median_minus_base",
    "max_minus_base",
    "min_minus_base",
    "trend",
    "gap_days",
    "mean_gap_days",
    "log_age_days",
    "history_log_age_days",
    "log_duration",
    "duration_minus_usual",
    "hashtags",
    "hour_sin",
    "hour_cos",
    "weekend",
    "like_rate",
)


@dataclass(frozen=True)
class Video:
    account: str
    video_id: str
    posted_at: datetime
    views: float
    likes: float | None
    duration: float | None
    hashtags: int
    followers: float | None
    observed_at: datetime  # when its counts were read


# --- readers -------------------------------------------------------------------------------------------------------

_ABBREVIATED = re.compile(r"^\s*([0-9]+(?:\.[0-9]+)?)\s*([KMB]?)\s*$", re.IGNORECASE)


def abbreviated(text: str | None) -> float | None:
    """ "1.6M" → 1600000.0, "353.1K" → 353100.0, "448" → 448.0, "" → None."""
    if text is None or str(text).strip() in ("", "nan", "None"):
        return None
    match = _ABBREVIATED.match(str(text).replace(",", ""))
    if not match:
        return None
    value, unit = float(match.group(1)), match.group(2).upper()
    return value * {"": 1, "K": 1e3, "M": 1e6, "B": 1e9}[unit]


def _files(path: Path, patterns: tuple[str, ...]) -> list[Path]:
    if path.is_file():
        return [path]
    found = sorted({file for pattern in patterns for file in path.glob(pattern)})
    if not found:
        raise ValueError(f"{path} holds none of {', '.join(patterns)}")
    return found


def read_tiktok_2020(path: Path) -> list[Video]:
    rows: list[dict[str, str]] = []
    for file in _files(path, ("sug_users_vids*.csv", "top_users_vids.csv")):
        with file.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = {"id", "create_time", "user_name", "n_plays"} - set(reader.fieldnames or [])
            if missing:
                raise ValueError(f"{file.name} lacks the columns {', '.join(sorted(missing))} (tiktok-2020 layout)")
            rows.extend(reader)
    times = [int(row["create_time"]) for row in rows if row.get("create_time", "").isdigit()]
    if not times:
        raise ValueError(f"{path} has no videos with a create_time")
    observed = datetime.fromtimestamp(max(times), UTC) + timedelta(hours=1)  # the files carry no scrape time
    videos: dict[tuple[str, str], Video] = {}
    for row in rows:
        views = abbreviated(row.get("n_plays"))
        if views is None or not row.get("create_time", "").isdigit():
            continue
        try:
            tags = len(ast.literal_eval(row.get("hashtags") or "[]"))
        except (ValueError, SyntaxError):
            tags = 0
        duration = abbreviated(row.get("video_length"))
        videos[(row["user_name"].lower(), row["id"])] = Video(
            account=row["user_name"].lower(),
            video_id=row["id"],
            posted_at=datetime.fromtimestamp(int(row["create_time"]), UTC),
            views=views,
            likes=abbreviated(row.get("n_likes")),
            duration=duration if duration else None,
            hashtags=tags,
            followers=abbreviated(row.get("n_followers")),
            observed_at=observed,
        )
    return list(videos.values())


SCRAPER_ZONE = timezone(timedelta(hours=7))  # vid_scrapeTime is the scraper machine's clock (Vietnam)


def _time(text: str, zone: timezone) -> datetime | None:
    text = (text or "").strip()
    if not text:
        return None
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=zone)


def _mmss(text: str) -> float | None:
    parts = (text or "").strip().split(":")
    try:
        numbers = [float(part) for part in parts]
    except ValueError:
        return None
    seconds = 0.0
    for number in numbers:
        seconds = seconds * 60 + number
    return seconds or None


def read_tiktok_2025(path: Path) -> list[Video]:
    videos: dict[tuple[str, str], Video] = {}
    for file in _files(path, ("user_videos_data.csv",)):
        with file.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = {"user_name", "vid_id", "vid_postTime", "vid_nview"} - set(reader.fieldnames or [])
            if missing:
                raise ValueError(f"{file.name} lacks the columns {', '.join(sorted(missing))} (tiktok-2025 layout)")
            for row in reader:
                posted = _time(row.get("vid_postTime", ""), UTC)
                observed = _time(row.get("vid_scrapeTime", ""), SCRAPER_ZONE)
                views = abbreviated(row.get("vid_nview"))
                if posted is None or observed is None or views is None:
                    continue
                tags = [tag for tag in (row.get("vid_hashtags") or "").split(",") if tag.strip()]
                videos[(row["user_name"].lower(), row["vid_id"])] = Video(
                    account=row["user_name"].lower(),
                    video_id=row["vid_id"],
                    posted_at=posted,
                    views=views,
                    likes=abbreviated(row.get("vid_nlike")),
                    duration=_mmss(row.get("vid_duration", "")),
                    hashtags=len(tags),
                    followers=abbreviated(row.get("user_nfollower")),
                    observed_at=max(observed, posted + timedelta(minutes=10)),
                )
    return list(videos.values())


def read_instagram_2019(path: Path) -> list[Video]:
    """Instagram's web profile JSON (one account per line, `posts` of graphql nodes; ig-influencer-posts-2019): the
    account's videos (`is_video`, `video_view_count`), read at the scrape (the newest post's time: no scrape time)."""
    import json

    accounts = []
    for file in _files(path, ("*.jsonl",)):
        with file.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if line.strip():
                    try:
                        accounts.append(json.loads(line))
                    except ValueError as error:
                        raise ValueError(f"{file.name} line {number} is not JSON ({error})") from error
    posts = [(a, p) for a in accounts for p in a.get("posts") or [] if isinstance(p, dict)]
    times = [int(p["taken_at_timestamp"]) for _, p in posts if str(p.get("taken_at_timestamp", "")).isdigit()]
    if not times:
        raise ValueError(f"{path} has no posts with a taken_at_timestamp (instagram-2019 layout)")
    observed = datetime.fromtimestamp(max(times), UTC) + timedelta(hours=1)
    videos = []
    for account, post in posts:
        views = post.get("video_view_count")
        if not post.get("is_video") or views is None or not str(post.get("taken_at_timestamp", "")).isdigit():
            continue
        caption = post.get("edge_media_to_caption") or ""
        followers = account.get("edge_followed_by")
        videos.append(
            Video(
                account=str(account.get("username", "")).lower(),
                video_id=str(post.get("id") or post.get("shortcode")),
                posted_at=datetime.fromtimestamp(int(post["taken_at_timestamp"]), UTC),
                views=float(views),
                likes=float(post["edge_liked_by"]) if isinstance(post.get("edge_liked_by"), int) else None,
                duration=None,  # the 2019 scrape has no video lengths
                hashtags=caption.count("#") if isinstance(caption, str) else 0,
                followers=float(followers) if isinstance(followers, int) else None,
                observed_at=observed,
            )
        )
    return videos


READERS = {"tiktok-2020": read_tiktok_2020, "tiktok-2025": read_tiktok_2025, "instagram-2019": read_instagram_2019}


def by_account(videos: list[Video]) -> dict[str, list[Video]]:
    grouped: dict[str, list[Video]] = defaultdict(list)
    for video in videos:
        grouped[video.account].append(video)
    for items in grouped.values():
        items.sort(key=lambda video: (video.posted_at, video.video_id))
    return dict(grouped)


# --- features ------------------------------------------------------------------------------------------------------


@dataclass
class History:
    """What an account's earlier videos say, at the moment a new one is posted."""

    base: float  # time-weighted mean ln(1 + views)
    like_base: float | None
    spread: float
    row: np.ndarray  # FEATURES, without the target's own (filled by `features`)


def _weights(history: list[Video], at: datetime) -> np.ndarray:
    ages = np.array([(at - video.posted_at).total_seconds() / 86400 for video in history])
    return 0.5 ** (np.maximum(ages, 0.0) / HALF_LIFE_DAYS)


def baseline(history: list[Video], at: datetime) -> float:
    """The account's time-weighted mean ln(1 + views) of `history` at `at` (the issue's baseline)."""
    weights = _weights(history, at)
    values = np.log1p([video.views for video in history])
    return float(np.sum(weights * values) / np.sum(weights))


def features(
    history: list[Video],
    *,
    posted_at: datetime,
    observed_at: datetime,
    duration: float | None,
    hashtags: int,
    followers: float | None,
) -> History:
    weights = _weights(history, posted_at)
    logs = np.log1p([video.views for video in history])
    base = float(np.sum(weights * logs) / np.sum(weights))
    spread = float(math.sqrt(np.sum(weights * (logs - base) ** 2) / np.sum(weights))) if len(history) > 1 else 1.0
    likes = [(video.likes, video.views) for video in history if video.likes is not None]
    like_logs = np.log1p([like for like, _ in likes]) if likes else np.array([])
    like_weights = _weights([video for video in history if video.likes is not None], posted_at) if likes else None
    like_base = (
        float(np.sum(like_weights * like_logs) / np.sum(like_weights)) if likes and like_weights is not None else None
    )
    recent = logs[-10:]
    trend = float(np.polyfit(np.arange(len(recent)), recent, 1)[0]) if len(recent) >= 3 else 0.0
    gaps = np.diff([video.posted_at.timestamp() for video in history]) / 86400 if len(history) > 1 else np.array([7.0])
    durations = [video.duration for video in history if video.duration]
    usual = float(np.median(durations)) if durations else None
    log_followers = math.log1p(followers) if followers else math.log1p(math.expm1(base) * 10)
    # How old the counts were when read, in days, capped at the horizon a draft is predicted at: views counted more
    # than a week after posting count as a week's (the model never extrapolates the early growth to months).
    history_ages = [_age_days(video.posted_at, video.observed_at) for video in history]
    age = _age_days(posted_at, observed_at)
    hour = posted_at.hour + posted_at.minute / 60
    values = {
        "log_followers": log_followers,
        "followers_minus_base": log_followers - base,
        "n_history": math.log1p(len(history)),
        "spread": spread,
        "last_minus_base": float(logs[-1] - base),
        "last3_minus_base": float(np.mean(logs[-3:]) - base),
        "median_minus_base": float(np.median(logs) - base),
        "max_minus_base": float(np.max(logs) - base),
        "min_minus_base": float(np.min(logs) - base),
        "trend": trend,
        "gap_days": math.log1p(max((posted_at - history[-1].posted_at).total_seconds() / 86400, 0.0)),
        "mean_gap_days": math.log1p(float(np.mean(gaps))),
        "log_age_days": math.log(age),
        "history_log_age_days": float(np.mean(np.log(history_ages))),
        "log_duration": math.log1p(duration) if duration else math.log1p(usual or 15.0),
        "duration_minus_usual": (math.log1p(duration) - math.log1p(usual)) if duration and usual else 0.0,
        "hashtags": float(min(hashtags, 30)),
        "hour_sin": math.sin(2 * math.pi * hour / 24),
        "hour_cos": math.cos(2 * math.pi * hour / 24),
        "weekend": 1.0 if posted_at.weekday() >= 5 else 0.0,
        "like_rate": (like_base - base) if like_base is not None else -3.0,
    }
    # The interval's scale: the account's own spread, with SPREAD_FLOOR added in quadrature (a run of similar
    # videos says little about how far the next one can fall).
    scale = math.sqrt(spread**2 + SPREAD_FLOOR**2)
    return History(base=base, like_base=like_base, spread=scale, row=np.array([values[name] for name in FEATURES]))


def _age_days(posted_at: datetime, observed_at: datetime) -> float:
    return min(max((observed_at - posted_at).total_seconds() / 86400, 0.01), DRAFT_AGE_DAYS)


@dataclass
class Example:
    account: str
    history: History
    views: float
    likes: float | None


def examples(grouped: dict[str, list[Video]], *, targets: str) -> list[Example]:
    """`targets` "last": each account's TEST_VIDEOS newest videos predicted from the ones before them (what the
    measure does); "all": every video with at least MIN_HISTORY earlier ones (training)."""
    found = []
    for account, items in grouped.items():
        if targets == "last":
            if len(items) < TEST_VIDEOS + MIN_HISTORY:
                continue
            cut = len(items) - TEST_VIDEOS
            chosen = [(items[:cut], target) for target in items[cut:]]
        else:
            chosen = [(items[:index], items[index]) for index in range(MIN_HISTORY, len(items))]
        for history, target in chosen:
            found.append(
                Example(
                    account=account,
                    history=features(
                        history,
                        posted_at=target.posted_at,
                        observed_at=target.observed_at,
                        duration=target.duration,
                        hashtags=target.hashtags,
                        followers=target.followers,
                    ),
                    views=target.views,
                    likes=target.likes,
                )
            )
    return found


# --- the model -----------------------------------------------------------------------------------------------------


@dataclass
class Ridge:
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    bias: float

    @classmethod
    def fit(cls, rows: np.ndarray, targets: np.ndarray, *, alpha: float) -> Ridge:
        mean, scale = rows.mean(axis=0), rows.std(axis=0)
        scale[scale < 1e-9] = 1.0
        x = (rows - mean) / scale
        bias = float(targets.mean())
        gram = x.T @ x + alpha * np.eye(x.shape[1])
        weights = np.linalg.solve(gram, x.T @ (targets - bias))
        return cls(mean, scale, weights, bias)

    def predict(self, rows: np.ndarray) -> np.ndarray:
        return ((np.atleast_2d(rows) - self.mean) / self.scale) @ self.weights + self.bias

    def contributions(self, row: np.ndarray, typical: np.ndarray) -> np.ndarray:
        """How much each feature moves this prediction away from the one for `typical` values (log units)."""
        return (row - typical) / self.scale * self.weights


@dataclass
class VideoViewsModel:
    views: Ridge
    likes: Ridge
    views_band: tuple[float, float]  # q10, q90 of the held-out error divided by the account's spread
    likes_band: tuple[float, float]
    typical: np.ndarray
    meta: dict[str, Any] = field(default_factory=dict)

    def to_arrays(self) -> dict[str, np.ndarray]:
        arrays: dict[str, np.ndarray] = {"typical": self.typical}
        for name in ("views", "likes"):
            ridge = getattr(self, name)
            arrays[f"{name}_mean"], arrays[f"{name}_scale"] = ridge.mean, ridge.scale
            arrays[f"{name}_weights"], arrays[f"{name}_bias"] = ridge.weights, np.array([ridge.bias])
        arrays["bands"] = np.array([*self.views_band, *self.likes_band])
        return arrays

    @classmethod
    def from_arrays(cls, arrays: Any, meta: dict[str, Any]) -> VideoViewsModel:
        ridges = {
            name: Ridge(
                arrays[f"{name}_mean"],
                arrays[f"{name}_scale"],
                arrays[f"{name}_weights"],
                float(arrays[f"{name}_bias"][0]),
            )
            for name in ("views", "likes")
        }
        bands = arrays["bands"]
        return cls(
            ridges["views"],
            ridges["likes"],
            (float(bands[0]), float(bands[1])),
            (float(bands[2]), float(bands[3])),
            arrays["typical"],
            meta,
        )

    def save(self, folder: str | Path, meta: dict[str, Any]) -> None:
        import json

        path = Path(folder)
        path.mkdir(parents=True, exist_ok=True)
        np.savez(path / "weights.npz", **self.to_arrays())  # type: ignore[arg-type]
        (path / "meta.json").write_text(json.dumps({**meta, "features": list(FEATURES)}, indent=2, sort_keys=True))

    @classmethod
    def load(cls, folder: str | Path) -> VideoViewsModel:
        import json

        path = Path(folder)
        meta = json.loads((path / "meta.json").read_text())
        if meta.get("features") != list(FEATURES):
            raise ValueError("its features are not this code's (retrain it)")
        with np.load(path / "weights.npz", allow_pickle=False) as arrays:
            return cls.from_arrays({key: arrays[key] for key in arrays.files}, meta)

    def predict(self, history: History) -> dict[str, float]:
        """Views and likes (p10, p50, p90) for one target."""
        centre = history.base + float(self.views.predict(history.row)[0])
        out = {
            "views": math.expm1(centre),
            "views_low": math.expm1(centre + self.views_band[0] * history.spread),
            "views_high": math.expm1(centre + self.views_band[1] * history.spread),
        }
        like_base = history.like_base if history.like_base is not None else history.base - 3.0
        like_centre = like_base + float(self.likes.predict(history.row)[0])
        out.update(
            likes=math.expm1(like_centre),
            likes_low=math.expm1(like_centre + self.likes_band[0] * history.spread),
            likes_high=math.expm1(like_centre + self.likes_band[1] * history.spread),
        )
        return {key: max(0.0, value) for key, value in out.items()}


def _arrays(found: list[Example]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    rows = np.array([example.history.row for example in found])
    bases = np.array([example.history.base for example in found])
    spreads = np.array([example.history.spread for example in found])
    views = np.log1p([example.views for example in found])
    like_bases = np.array(
        [e.history.like_base if e.history.like_base is not None else e.history.base - 3.0 for e in found]
    )
    likes = np.array([math.log1p(e.likes) if e.likes is not None else np.nan for e in found])
    return rows, bases, spreads, views, like_bases, likes


def account_split(accounts: list[str], *, share: float, seed: int) -> set[str]:
    """A seeded share of accounts (by a hash of the name: stable across runs and datasets)."""
    import hashlib

    return {
        account
        for account in accounts
        if int(hashlib.sha256(f"{seed}:{account}".encode()).hexdigest()[:8], 16) / 0xFFFFFFFF < share
    }


def _fit(grouped: dict[str, list[Video]], alpha: float) -> tuple[Ridge, Ridge, int]:
    found = examples(grouped, targets="all")
    rows, bases, _, views, like_bases, likes = _arrays(found)
    known = ~np.isnan(likes)
    return (
        Ridge.fit(rows, views - bases, alpha=alpha),
        Ridge.fit(rows[known], likes[known] - like_bases[known], alpha=alpha),
        len(found),
    )


def train(
    grouped: dict[str, list[Video]], *, seed: int = 42, alpha: float = 10.0, folds: int = 5
) -> tuple[VideoViewsModel, dict[str, Any]]:
    """Fit on every video with history; the interval comes from cross-fitting: the accounts are split into `folds`
    seeded groups, each group's newest videos (as the measure predicts them) are predicted by a fit without that
    group, and the 10th and 90th percentiles of those errors, divided by the account's spread, are the band."""
    accounts = sorted(grouped)
    group_of = {account: index % folds for index, account in enumerate(sorted(accounts, key=lambda a: _hash(a, seed)))}
    view_errors: list[np.ndarray] = []
    like_errors: list[np.ndarray] = []
    for fold in range(folds):
        views_model, likes_model, _ = _fit({a: v for a, v in grouped.items() if group_of[a] != fold}, alpha)
        held = examples({a: v for a, v in grouped.items() if group_of[a] == fold}, targets="last")
        if not held:
            continue
        rows, bases, spreads, views, like_bases, likes = _arrays(held)
        view_errors.append((views - (bases + views_model.predict(rows))) / spreads)
        known = ~np.isnan(likes)
        like_errors.append((likes[known] - (like_bases[known] + likes_model.predict(rows[known]))) / spreads[known])
    views_model, likes_model, count = _fit(grouped, alpha)
    all_views, all_likes = np.concatenate(view_errors), np.concatenate(like_errors)
    rows = np.array([example.history.row for example in examples(grouped, targets="last")])
    model = VideoViewsModel(
        views=views_model,
        likes=likes_model,
        views_band=(float(np.quantile(all_views, INTERVAL[0])), float(np.quantile(all_views, INTERVAL[1]))),
        likes_band=(float(np.quantile(all_likes, INTERVAL[0])), float(np.quantile(all_likes, INTERVAL[1]))),
        typical=np.median(rows, axis=0),
    )
    return model, {
        "train_examples": count,
        "train_accounts": len(grouped),
        "calibration_examples": int(len(all_views)),
        "folds": folds,
    }


def _hash(name: str, seed: int) -> str:
    import hashlib

    return hashlib.sha256(f"{seed}:{name}".encode()).hexdigest()


def evaluate(model: VideoViewsModel, grouped: dict[str, list[Video]]) -> dict[str, Any]:
    """The issue's measure on `grouped`: each account's 3 newest videos from its earlier ones."""
    found = examples(grouped, targets="last")
    if not found:
        raise ValueError(
            f"no account has {TEST_VIDEOS + MIN_HISTORY} or more videos (its {TEST_VIDEOS} newest are predicted "
            f"from at least {MIN_HISTORY} earlier ones)"
        )
    errors, base_errors, like_errors, like_base_errors, inside = [], [], [], [], 0
    for example in found:
        predicted = model.predict(example.history)
        actual = math.log1p(example.views)
        errors.append((actual - math.log1p(predicted["views"])) ** 2)
        base_errors.append((actual - example.history.base) ** 2)
        inside += predicted["views_low"] <= example.views <= predicted["views_high"]
        if example.likes is not None and example.history.like_base is not None:
            like_actual = math.log1p(example.likes)
            like_errors.append((like_actual - math.log1p(predicted["likes"])) ** 2)
            like_base_errors.append((like_actual - example.history.like_base) ** 2)
    return {
        "n": len(found),
        "accounts": len({example.account for example in found}),
        "log_mse": round(float(np.mean(errors)), 4),
        "baseline_log_mse": round(float(np.mean(base_errors)), 4),
        "likes_log_mse": round(float(np.mean(like_errors)), 4) if like_errors else None,
        "likes_baseline_log_mse": round(float(np.mean(like_base_errors)), 4) if like_base_errors else None,
        "coverage": round(inside / len(found), 4),
    }
