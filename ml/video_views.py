"""Video views: train, evaluate and score with the video-views model (ml.engine.video_views).

    python manage.py train_model video-views
    python manage.py evaluate_model video-views PATH --format {tiktok-2020,tiktok-2025}

Training reads the shipped copy of the UCLA DataRes TikTok files (ml/datasets/tiktok-videos-datares-2020, SOURCE.md),
holds a seeded fifth of the accounts out, fits on the rest and reports the held-out figures (the registered model is
the one measured). A draft is scored from the profile's own stored posts with views (TikTok, YouTube, Reels).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils import timezone

from config.errors import ApplicationError
from ml.engine.likes.standing import RECENT_POSTS

TASK = "video-views"
HELD_OUT_SHARE = 0.2
SPLIT_SEED = 20261206
DATASETS = {
    "tiktok-2020": (Path(settings.BASE_DIR) / "ml" / "datasets" / "tiktok-videos-datares-2020", "tiktok-2020"),
    "tiktok-2025": (
        Path(settings.BASE_DIR) / "ml" / "datasets" / "tiktok-videos-vn-2025" / "raw_data.csv",
        "tiktok-2025",
    ),
    "instagram-2019": (
        Path(settings.BASE_DIR) / "ml" / "datasets" / "ig-influencer-posts-2019" / "profiles_slim.jsonl",
        "instagram-2019",
    ),
}


def _engine() -> Any:
    from ml.engine import video_views

    return video_views


def _read(path: Path, layout: str) -> dict[str, list[Any]]:
    engine = _engine()
    if layout not in engine.READERS:
        raise ApplicationError(f"--format must be one of {', '.join(sorted(engine.READERS))}.", field="format")
    if not path.exists():
        raise ApplicationError(f"{path} does not exist.", field="path")
    try:
        return engine.by_account(engine.READERS[layout](path))
    except (ValueError, KeyError, UnicodeDecodeError) as exc:
        raise ApplicationError(f"{path} cannot be read as {layout}: {exc}.", field="path") from exc


def _datasets() -> dict[str, dict[str, list[Any]]]:
    """The shipped training data, per dataset, accounts named "dataset:handle" (two scrapes may share a handle)."""
    found = {}
    for name, (path, layout) in DATASETS.items():
        grouped = _read(path, layout)
        found[name] = {f"{name}:{account}": videos for account, videos in grouped.items()}
    return found


def train(*, stdout: Any, seed: int = 42, no_activate: bool = False, **options: Any) -> Any:
    """Fit on both scrapes' training accounts; report each scrape's held-out accounts, and how a fit on the 2020
    scrape alone does on all the 2025 accounts (the other scrape: what a new platform era looks like)."""
    from ml.services import model_version_publish

    engine = _engine()
    training: dict[str, list[Any]] = {}
    testing: dict[str, dict[str, list[Any]]] = {}
    for name, grouped in _datasets().items():
        held = engine.account_split(sorted(grouped), share=HELD_OUT_SHARE, seed=SPLIT_SEED)
        training.update({account: videos for account, videos in grouped.items() if account not in held})
        testing[name] = {account: videos for account, videos in grouped.items() if account in held}
    stdout.write(
        f"Video views: {len(training)} training accounts; held out: "
        + ", ".join(f"{len(accounts)} of {name}" for name, accounts in testing.items())
    )
    model, info = engine.train(training, seed=seed)
    metrics: dict[str, Any] = {}
    for name, accounts in testing.items():
        result = engine.evaluate(model, accounts)
        result["ratio_to_baseline"] = round(result["log_mse"] / result["baseline_log_mse"], 4)
        metrics[f"held_out_{name}"] = result
    alone = {account: videos for account, videos in training.items() if account.startswith("tiktok-2020:")}
    other = {**testing["tiktok-2025"], **{a: v for a, v in training.items() if a.startswith("tiktok-2025:")}}
    transfer_model, _ = engine.train(alone, seed=seed)
    transfer = engine.evaluate(transfer_model, other)
    transfer["ratio_to_baseline"] = round(transfer["log_mse"] / transfer["baseline_log_mse"], 4)
    metrics["other_scrape_2020_fit_on_2025"] = transfer
    headline = metrics["held_out_tiktok-2020"]
    version = timezone.now().strftime("%Y%m%d-%H%M%S") + f"-s{seed}"
    meta = {
        "task": TASK,
        "platform": "",
        "version": version,
        "metrics": {
            **{key: headline[key] for key in ("n", "log_mse", "baseline_log_mse", "coverage", "ratio_to_baseline")},
            **metrics,
            **info,
            "held_out": f"{HELD_OUT_SHARE:.0%} of each dataset's accounts by a seeded hash ({SPLIT_SEED})",
        },
        "training_data": "UCLA DataRes TikTok_Famous 2020 (ml/datasets/tiktok-videos-datares-2020), the IE403 "
        "Vietnamese For You scrape 2025 (ml/datasets/tiktok-videos-vn-2025/raw_data.csv) and the Instagram videos of "
        "the 2019 influencer scrape (ml/datasets/ig-influencer-posts-2019): "
        f"{len(training)} accounts, {sum(len(v) for v in training.values())} videos",
        "params": {
            "seed": seed,
            "alpha": 10.0,
            "half_life_days": engine.HALF_LIFE_DAYS,
            "draft_age_days": engine.DRAFT_AGE_DAYS,
            "spread_floor": engine.SPREAD_FLOOR,
        },
    }
    return model_version_publish(
        model=model, meta=meta, folder=f"{TASK}-{version}", activate=not no_activate, stdout=stdout
    )


def _active() -> tuple[Any, str]:
    from ml.services import loaded_artifact, model_version_active

    version = model_version_active(task=TASK)
    model = loaded_artifact(version=version, load=_engine().VideoViewsModel.load, what="video-views model")
    return model, version.version


def add_arguments(parser: Any) -> None:
    parser.add_argument("path", help="A file or folder in the dataset's own layout.")
    parser.add_argument("--format", required=True, choices=["tiktok-2020", "tiktok-2025", "instagram-2019"])


def evaluate(*, path: str, format: str, stdout: Any, **options: Any) -> dict[str, Any]:
    grouped = _read(Path(path), format)
    model, version = _active()
    try:
        result = _engine().evaluate(model, grouped)
    except ValueError as exc:
        raise ApplicationError(f"{path}: {exc}.", field="path") from exc
    stdout.write(f"video-views {version} on {path} ({format}): {result['accounts']} accounts")
    return result


# --- scoring a draft -----------------------------------------------------------------------------------------------

# What a feature says when this draft's value is above / below the typical training value; the effect on views
# (the ridge's contribution, up or down) is stated beside it.
REASONS = {
    "last_minus_base": ("Its latest video did better than its usual", "Its latest video did worse than its usual"),
    "last3_minus_base": ("Its last three videos ran above its usual", "Its last three videos ran below its usual"),
    "trend": ("Its views are trending up", "Its views are trending down"),
    "spread": ("Its views swing widely from video to video", "Its views are steady from video to video"),
    "log_duration": ("A longer video than most", "A shorter video than most"),
    "duration_minus_usual": ("Longer than its usual videos", "Shorter than its usual videos"),
    "gap_days": ("A longer pause since its last video than most", "Posted soon after its last video"),
    "hashtags": ("More hashtags than most", "Fewer hashtags than most"),
    "followers_minus_base": ("Many followers for its usual views", "Few followers for its usual views"),
    "hour_sin": ("The planned hour", "The planned hour"),
    "hour_cos": ("The planned hour", "The planned hour"),
    "weekend": ("Posting at the weekend", "Posting on a weekday"),
}


def _videos(posts: Iterable[Any], *, account: str, followers: float | None, now: datetime) -> list[Any]:
    engine = _engine()
    found = []
    for post in posts:
        if post.views is None or post.taken_at is None:
            continue
        found.append(
            engine.Video(
                account=account,
                video_id=str(post.platform_id),
                posted_at=post.taken_at,
                views=float(post.views),
                likes=float(post.likes) if post.likes is not None else None,
                duration=float(post.duration_seconds) if post.duration_seconds else None,
                hashtags=len(post.hashtags or []),
                followers=followers,
                observed_at=max(post.fetched_at or now, post.taken_at + timedelta(minutes=10)),
            )
        )
    found.sort(key=lambda video: video.posted_at)
    return found


def score_video(*, profile: Any, planned_at: datetime, duration: float | None, hashtags: int) -> dict[str, Any]:
    """Views and likes a week after posting (p10, p50, p90) with the reasons, from the profile's stored posts with
    views; {"missing": why} when it has too few."""
    engine = _engine()
    now = timezone.now()
    posts = profile.posts.filter(views__isnull=False, taken_at__isnull=False, taken_at__lt=planned_at).order_by(
        "-taken_at"
    )[:60]
    history = _videos(posts, account=profile.handle, followers=profile.followers_count, now=now)
    if len(history) < engine.MIN_HISTORY:
        return {
            "missing": f"@{profile.handle} has {len(history)} stored post{'s' if len(history) != 1 else ''} with "
            f"views; views are predicted from at least {engine.MIN_HISTORY} (fetch or import its recent videos)."
        }
    model, version = _active()
    state = engine.features(
        history,
        posted_at=planned_at,
        observed_at=planned_at + timedelta(days=engine.DRAFT_AGE_DAYS),
        duration=duration,
        hashtags=hashtags,
        followers=profile.followers_count,
    )
    predicted = model.predict(state)
    contributions = model.views.contributions(state.row, model.typical)
    order = sorted(range(len(engine.FEATURES)), key=lambda index: -abs(contributions[index]))
    reasons, seen = [], set()
    for index in order:
        name = engine.FEATURES[index]
        if name not in REASONS or abs(contributions[index]) < 0.05:
            continue
        text = REASONS[name][0 if state.row[index] > model.typical[index] else 1]
        if text in seen:
            continue
        seen.add(text)
        change = math.expm1(abs(contributions[index])) * 100
        reasons.append(
            {
                "text": f"{text}: {'+' if contributions[index] > 0 else '−'}{change:.0f}% views",
                "contribution": round(float(contributions[index]), 3),
                "feature": name,
                "above_typical": bool(state.row[index] > model.typical[index]),
            }
        )
        if len(reasons) == 3:
            break
    # the latest videos' views, newest first: what the standing compares the draft with (as likes for pictures)
    recent = [video.views for video in reversed(history[-RECENT_POSTS:])]
    return {
        **{key: round(value) for key, value in predicted.items()},
        "baseline": round(math.expm1(state.base)),
        "history": len(history),
        "recent_views": recent,
        "reasons": reasons,
        "model_version": version,
        "age_days": engine.DRAFT_AGE_DAYS,
    }
