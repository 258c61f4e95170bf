"""One feature row per (account history, planned post): account context, post content, image and timing.

Everything is relative to what the account itself usually gets, because likes scale with audience size by orders of
magnitude: the regressor predicts `ln(1+likes) − baseline`, where `baseline` is the account's time-weighted mean
log-likes (`time_weighted_baseline`), the same number the evaluation's baseline uses.

Timing: the shipped training data has no timezones, so the absolute hour and weekday are learned in UTC and the
scoring path feeds UTC too (the UI shows slots in the profile's timezone); the timezone-free "hour versus the
account's usual posting hour" and "days since the previous post" carry the habit signal.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import numpy as np

from ..categories.records import CATEGORIES
from .records import MEDIA_TYPES, PostRecord
from .text import MAX_PEOPLE, caption_stats, parse_image_description

BASELINE_HALF_LIFE_POSTS = 3.0
HISTORY_WINDOW = 30
# The account's latest posts re-predicted, each from the posts before it, to fit the interval to the account
# (model.account_range); scoring reads this many posts beyond the history window so each has its full history.
BACKTEST_POSTS = 8
EMBEDDING_COMPONENTS = 16

ACCOUNT_FEATURES = [
    "acc_log_followers",
    "acc_followers_missing",
    "acc_baseline",
    "acc_like_rate",
    "acc_n_history",
    "acc_mean_minus_base",
    "acc_median_minus_base",
    "acc_std",
    "acc_last_minus_base",
    "acc_max_minus_base",
    "acc_min_minus_base",
    "acc_trend",
    "acc_comment_ratio",
    "acc_log_engagement",
    "acc_mean_gap_days",
    "acc_type_minus_base",
    "acc_type_seen",
    "acc_ewm1_minus_base",
    "acc_ewm10_minus_base",
    "acc_prev2_minus_base",
    "acc_last_comment_ratio",
    "acc_last_gap_days",
]
POST_FEATURES = [
    "type_image",
    "type_video",
    "type_carousel",
    "cap_chars",
    "cap_words",
    "cap_hashtags",
    "cap_mentions",
    "cap_emoji",
    "cap_question",
    "cap_empty",
    "cap_chars_vs_account",
    "cap_hashtags_vs_account",
]
EMBEDDING_FEATURES = [f"emb_{i}" for i in range(EMBEDDING_COMPONENTS)]
IMAGE_FEATURES = [
    "img_known",
    "img_people",
    "img_smiling",
    "img_closeup",
    "img_people_vs_account",
    "img_aspect",
    "img_aspect_missing",
    "img_stats_missing",
    "img_brightness",
    "img_contrast",
    "img_colourfulness",
    "img_sharpness",
]
# Image statistics no description can give: always missing in the shipped training data (indicator = 1).
IMAGE_STAT_FEATURES = ["img_brightness", "img_contrast", "img_colourfulness", "img_sharpness"]
TIMING_FEATURES = [
    "t_hour_sin",
    "t_hour_cos",
    "t_dow_sin",
    "t_dow_cos",
    "t_weekend",
    "t_hour_vs_habit",
    "t_gap_days",
    "t_gap_vs_mean",
]
# How long after it went up the post's likes were read, log1p(days) capped at MATURE_DAYS: a post read hours
# after posting shows a fraction of its final likes (the 2019 scrape's newest posts: -0.99 log below the
# baseline when under 6 hours old). Unknown and drafts (the final count is what is predicted) = mature.
OBSERVATION_FEATURES = ["obs_log_days"]
MATURE_DAYS = 30.0
# The account's niche (the discovery niche model's categories), one-hot; "unknown" when no niche is known.
NICHES = CATEGORIES
NICHE_FEATURES = [f"niche_{niche}" for niche in NICHES] + ["niche_unknown"]
FEATURE_NAMES = (
    ACCOUNT_FEATURES
    + POST_FEATURES
    + EMBEDDING_FEATURES
    + IMAGE_FEATURES
    + TIMING_FEATURES
    + OBSERVATION_FEATURES
    + NICHE_FEATURES
)
INDEX = {name: i for i, name in enumerate(FEATURE_NAMES)}
TIMING_INDEX = np.array([INDEX[name] for name in TIMING_FEATURES])


def time_weighted_baseline(
    log_likes: np.ndarray | list[float], half_life_posts: float = BASELINE_HALF_LIFE_POSTS
) -> float:
    """Exponentially decayed mean of ln(1+likes) by post order (oldest first): the newest earlier post has
    weight 1, the one before 2^(−1/h), … (h = `half_life_posts`), so a post h places back counts half."""
    values = np.asarray(log_likes, dtype=np.float64)
    if values.size == 0:
        return 0.0
    ages = np.arange(values.size - 1, -1, -1, dtype=np.float64)
    weights = 0.5 ** (ages / half_life_posts)
    return float(np.sum(weights * values) / np.sum(weights))


@dataclass
class ImageInputs:
    """Image facts for the planned post, from Instagram's description (training) or OpenCV (scoring)."""

    known: bool = False
    people: float = 0.0
    smiling: bool = False
    closeup: bool = False
    aspect_ratio: float | None = None  # height / width
    brightness: float | None = None
    contrast: float | None = None
    colourfulness: float | None = None
    sharpness: float | None = None

    @classmethod
    def from_description(cls, description: str, width: int | None = None, height: int | None = None) -> ImageInputs:
        parsed = parse_image_description(description)
        return cls(
            known=bool(parsed["image_known"]),
            people=parsed["people"],
            smiling=bool(parsed["smiling"]),
            closeup=bool(parsed["closeup"]),
            aspect_ratio=(height / width) if width and height else None,
        )

    @classmethod
    def from_analysis(cls, analysed: list[Any]) -> ImageInputs:
        """From one or more `image.ImageFeatures` (a carousel): the most people, any smile, the first's shape."""
        if not analysed:
            return cls()
        first = analysed[0]
        return cls(
            known=True,
            people=float(max(a.people for a in analysed)),
            smiling=any(a.smiles > 0 for a in analysed),
            closeup=any(a.closeup for a in analysed),
            aspect_ratio=first.aspect_ratio,
            brightness=float(np.mean([a.brightness for a in analysed])),
            contrast=float(np.mean([a.contrast for a in analysed])),
            colourfulness=float(np.mean([a.colourfulness for a in analysed])),
            sharpness=float(np.mean([a.sharpness for a in analysed])),
        )


@dataclass
class AccountContext:
    """What the account's earlier posts say; computed once per scoring call (reused by every candidate slot)."""

    followers: int | None
    n_posts: int
    baseline: float
    log_likes: np.ndarray
    mean_log_likes: float
    median_log_likes: float
    std_log_likes: float
    likes_mean: float
    likes_median: float
    engagement_rate: float | None
    last_taken_at: datetime | None
    habit_hour: float | None
    mean_gap_days: float
    type_means: dict[str, float]
    mean_caption_chars: float
    mean_caption_hashtags: float
    mean_people: float
    values: dict[str, float]
    typical_row: np.ndarray | None = None  # mean post-level features of the earlier posts (for reasons)
    history: list[PostRecord] | None = None

    @classmethod
    def from_history(
        cls,
        history: list[PostRecord],
        followers: int | None,
        prior_like_rate: float | None = None,
        niche: str = "",
    ) -> AccountContext:
        """`prior_like_rate` (typical ln(1+likes) − ln(1+followers) of the training accounts) gives an account
        without earlier posts (cold start) a baseline from its follower count. `niche`: one of NICHES, or ""
        when unknown."""
        posts = [p for p in history if p.likes is not None][-HISTORY_WINDOW:]
        log_likes = np.array([p.log_likes for p in posts], dtype=np.float64)
        n = len(posts)
        baseline = time_weighted_baseline(log_likes)
        if n == 0 and followers and prior_like_rate is not None:
            baseline = math.log1p(followers) + prior_like_rate
        likes = np.array([p.likes for p in posts], dtype=np.float64)
        comments = np.array([p.comments or 0 for p in posts], dtype=np.float64)
        engagement = float(np.mean((likes + comments) / followers)) if followers and n else None
        hours = [p.taken_at.astimezone(UTC).hour + p.taken_at.minute / 60 for p in posts]
        habit_hour = None
        if hours:
            angles = np.array(hours) / 24 * 2 * math.pi
            habit_hour = (math.atan2(np.sin(angles).mean(), np.cos(angles).mean()) / (2 * math.pi) * 24) % 24
        gaps = np.diff([p.taken_at.timestamp() for p in posts]) / 86400 if n > 1 else np.array([])
        type_means = {}
        for media_type in MEDIA_TYPES:
            of_type = [p.log_likes for p in posts if p.media_type == media_type]
            if of_type:
                type_means[media_type] = float(np.mean(of_type))
        stats = [caption_stats(p.caption) for p in posts]
        people = [
            ImageInputs.from_description(p.image_description).people
            for p in posts
            if parse_image_description(p.image_description)["image_known"]
        ]
        followers_log = math.log1p(followers) if followers else 0.0
        trend = float(np.polyfit(np.arange(n), log_likes, 1)[0]) if n >= 3 else 0.0
        values = {
            "acc_log_followers": followers_log,
            "acc_followers_missing": float(not followers),
            "acc_baseline": baseline,
            "acc_like_rate": baseline - followers_log if followers else 0.0,
            # Capped: beyond a handful of posts the count says nothing about reliability, and uncapped it would
            # reveal where a post sits in a scrape of an account's ~12 latest posts (the newest are fresher).
            "acc_n_history": math.log1p(min(n, 8)),
            "acc_mean_minus_base": float(log_likes.mean() - baseline) if n else 0.0,
            "acc_median_minus_base": float(np.median(log_likes) - baseline) if n else 0.0,
            "acc_std": float(log_likes.std()) if n > 1 else 0.0,
            "acc_last_minus_base": float(log_likes[-1] - baseline) if n else 0.0,
            "acc_max_minus_base": float(log_likes.max() - baseline) if n else 0.0,
            "acc_min_minus_base": float(log_likes.min() - baseline) if n else 0.0,
            "acc_trend": float(np.clip(trend, -1, 1)),
            "acc_comment_ratio": float(np.mean(np.log1p(comments)) - log_likes.mean()) if n else 0.0,
            "acc_log_engagement": float(np.log(max(engagement, 1e-5))) if engagement else 0.0,
            "acc_mean_gap_days": float(math.log1p(gaps.mean())) if gaps.size else 0.0,
            "acc_ewm1_minus_base": time_weighted_baseline(log_likes, 1.0) - baseline if n else 0.0,
            "acc_ewm10_minus_base": time_weighted_baseline(log_likes, 10.0) - baseline if n else 0.0,
            "acc_prev2_minus_base": float(log_likes[-2] - baseline) if n > 1 else 0.0,
            # A recent post that drew unusually many comments per like tends to precede a strong one.
            "acc_last_comment_ratio": float(
                np.log1p(comments[-1]) - log_likes[-1] - (np.mean(np.log1p(comments)) - log_likes.mean())
            )
            if n
            else 0.0,
            "acc_last_gap_days": float(math.log1p(gaps[-1])) if gaps.size else 0.0,
            **niche_values(niche),
        }
        prior_likes = math.expm1(baseline) if n == 0 else 0.0
        return cls(
            followers=followers,
            n_posts=n,
            baseline=baseline,
            log_likes=log_likes,
            mean_log_likes=float(log_likes.mean()) if n else baseline,
            median_log_likes=float(np.median(log_likes)) if n else baseline,
            std_log_likes=float(log_likes.std()) if n > 1 else 0.0,
            likes_mean=float(likes.mean()) if n else prior_likes,
            likes_median=float(np.median(likes)) if n else prior_likes,
            engagement_rate=engagement,
            last_taken_at=posts[-1].taken_at if posts else None,
            habit_hour=habit_hour,
            mean_gap_days=float(gaps.mean()) if gaps.size else 0.0,
            type_means=type_means,
            mean_caption_chars=float(np.mean([math.log1p(s["chars"]) for s in stats])) if stats else 0.0,
            mean_caption_hashtags=float(np.mean([math.log1p(s["hashtags"]) for s in stats])) if stats else 0.0,
            mean_people=float(np.mean([math.log1p(p) for p in people])) if people else 0.0,
            values=values,
            history=posts,
        )


def niche_values(niche: str) -> dict[str, float]:
    """NICHE_FEATURES of an account: one-hot of its niche, or `niche_unknown` for "" or a name not in NICHES. A niche
    beyond the kim2020 eight (music, sports, …: ml.engine.categories.topics) is "other", as the model saw it."""
    from ml.engine.categories.topics import NEW_NICHES

    known = niche if niche in NICHES else ("other" if niche in NEW_NICHES else "")
    return {f"niche_{name}": float(name == known) for name in NICHES} | {"niche_unknown": float(not known)}


def timing_values(context: AccountContext, planned_at: datetime) -> np.ndarray:
    """The TIMING_FEATURES of a planned time (UTC; see the module docstring)."""
    moment = planned_at.astimezone(UTC)
    hour = moment.hour + moment.minute / 60
    weekday = moment.weekday()
    hour_angle = hour / 24 * 2 * math.pi
    day_angle = weekday / 7 * 2 * math.pi
    habit = 0.0
    if context.habit_hour is not None:
        difference = abs(hour - context.habit_hour) % 24
        habit = min(difference, 24 - difference) / 12
    gap_days = 0.0
    if context.last_taken_at is not None:
        gap_days = max(0.0, (moment - context.last_taken_at).total_seconds() / 86400)
    gap_log = math.log1p(min(gap_days, 365.0))
    return np.array(
        [
            math.sin(hour_angle),
            math.cos(hour_angle),
            math.sin(day_angle),
            math.cos(day_angle),
            float(weekday >= 5),
            habit,
            gap_log,
            gap_log - context.values["acc_mean_gap_days"],
        ]
    )


def feature_row(
    context: AccountContext,
    *,
    caption: str,
    media_type: str,
    planned_at: datetime,
    image: ImageInputs,
    caption_embedding: np.ndarray,
    observed_days: float | None = None,
) -> np.ndarray:
    """The full feature vector (FEATURE_NAMES order) of one planned post; `caption_embedding` is already
    projected to EMBEDDING_COMPONENTS dimensions. `observed_days`: how long after posting its likes were read
    (None: final counts, as a draft's prediction is)."""
    row = np.zeros(len(FEATURE_NAMES), dtype=np.float64)
    for name, value in context.values.items():
        row[INDEX[name]] = value
    media_type = media_type if media_type in MEDIA_TYPES else "image"
    if media_type in context.type_means:
        row[INDEX["acc_type_minus_base"]] = context.type_means[media_type] - context.baseline
        row[INDEX["acc_type_seen"]] = 1.0
    row[INDEX[f"type_{media_type}"]] = 1.0
    stats = caption_stats(caption)
    chars = math.log1p(stats["chars"])
    hashtags = math.log1p(stats["hashtags"])
    row[INDEX["cap_chars"]] = chars
    row[INDEX["cap_words"]] = math.log1p(stats["words"])
    row[INDEX["cap_hashtags"]] = hashtags
    row[INDEX["cap_mentions"]] = math.log1p(stats["mentions"])
    row[INDEX["cap_emoji"]] = math.log1p(stats["emoji"])
    row[INDEX["cap_question"]] = stats["has_question"]
    row[INDEX["cap_empty"]] = float(stats["chars"] == 0)
    row[INDEX["cap_chars_vs_account"]] = chars - context.mean_caption_chars
    row[INDEX["cap_hashtags_vs_account"]] = hashtags - context.mean_caption_hashtags
    start = INDEX["emb_0"]
    row[start : start + EMBEDDING_COMPONENTS] = caption_embedding[:EMBEDDING_COMPONENTS]
    people = math.log1p(min(image.people, MAX_PEOPLE))
    row[INDEX["img_known"]] = float(image.known)
    row[INDEX["img_people"]] = people
    row[INDEX["img_smiling"]] = float(image.smiling)
    row[INDEX["img_closeup"]] = float(image.closeup)
    row[INDEX["img_people_vs_account"]] = (people - context.mean_people) if image.known else 0.0
    if image.aspect_ratio:
        row[INDEX["img_aspect"]] = math.log(image.aspect_ratio)
    else:
        row[INDEX["img_aspect_missing"]] = 1.0
    if image.brightness is None or image.contrast is None or image.colourfulness is None or image.sharpness is None:
        row[INDEX["img_stats_missing"]] = 1.0
    else:
        row[INDEX["img_brightness"]] = image.brightness / 255
        row[INDEX["img_contrast"]] = image.contrast / 128
        row[INDEX["img_colourfulness"]] = image.colourfulness / 100
        row[INDEX["img_sharpness"]] = math.log1p(image.sharpness)
    row[TIMING_INDEX] = timing_values(context, planned_at)
    row[INDEX["obs_log_days"]] = observation_value(observed_days)
    return row


def observation_value(observed_days: float | None) -> float:
    days = MATURE_DAYS if observed_days is None else min(max(observed_days, 0.0), MATURE_DAYS)
    return math.log1p(days)


def observed_days(post: Any) -> float | None:
    """Days between a post going up and its likes being read (None when it was not recorded)."""
    observed_at = getattr(post, "observed_at", None)
    if observed_at is None or post.taken_at is None:
        return None
    return (observed_at - post.taken_at).total_seconds() / 86400


def post_feature_row(context: AccountContext, post: Any, caption_embedding: np.ndarray) -> np.ndarray:
    """feature_row of a stored or dataset post (a PostRecord): its caption, type, time and image description, never
    its likes or comments."""
    return feature_row(
        context,
        caption=post.caption,
        media_type=post.media_type,
        planned_at=post.taken_at,
        image=ImageInputs.from_description(post.image_description, post.width, post.height),
        caption_embedding=caption_embedding,
        observed_days=observed_days(post),
    )


def typical_row(context: AccountContext) -> np.ndarray:
    """The account's average post as a feature row: what "usual for this account" means in the reasons.
    Caption embedding is left at the corpus average (0 after projection); timing at the habitual hour."""
    if context.typical_row is not None:
        return context.typical_row
    posts = context.history or []
    rows = [post_feature_row(context, post, np.zeros(EMBEDDING_COMPONENTS)) for post in posts]
    typical = np.mean(rows, axis=0) if rows else np.zeros(len(FEATURE_NAMES))
    known = [r for r in rows if r[INDEX["img_known"]] > 0]
    for name in ("img_known", "img_people", "img_smiling", "img_closeup", "img_people_vs_account"):
        typical[INDEX[name]] = float(np.mean([r[INDEX[name]] for r in known])) if known else 0.0
    if context.habit_hour is not None:
        angle = context.habit_hour / 24 * 2 * math.pi
        typical[INDEX["t_hour_sin"]], typical[INDEX["t_hour_cos"]] = math.sin(angle), math.cos(angle)
    typical[INDEX["t_hour_vs_habit"]] = 0.0
    typical[INDEX["t_gap_days"]] = context.values["acc_mean_gap_days"]
    typical[INDEX["t_gap_vs_mean"]] = 0.0
    typical[INDEX["obs_log_days"]] = observation_value(None)  # "usual" = final counts, as predicted
    context.typical_row = typical
    return typical


def history_rows(
    posts: list[PostRecord],
    followers: int | None,
    niche: str,
    vectors: np.ndarray,
    start: int,
) -> tuple[list[int], np.ndarray, np.ndarray]:
    """Rows of `posts[start:]` (dated, oldest first), each as if planned then: from the posts before it that have
    likes, and its own caption, type, time and image description, never its likes. Returns (indices kept, rows,
    baselines). `vectors[i]`: the projected caption embedding of `posts[i]`. Posts without likes, or without an
    earlier post with likes, are skipped. The evaluation protocol's targets and the account's backtest
    (model.account_range) are both made here."""
    kept: list[int] = []
    rows: list[np.ndarray] = []
    baselines: list[float] = []
    for index in range(max(start, 1), len(posts)):
        post = posts[index]
        history = [p for p in posts[:index] if p.likes is not None]
        if post.likes is None or not history:
            continue
        context = AccountContext.from_history(history, followers, niche=niche)
        kept.append(index)
        rows.append(post_feature_row(context, post, vectors[index]))
        baselines.append(context.baseline)
    return kept, np.array(rows).reshape(len(rows), len(FEATURE_NAMES)), np.array(baselines)
