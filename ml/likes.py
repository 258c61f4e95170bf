"""Like prediction, the Django-facing door: score a planned post for a linked profile, train and evaluate.

    from ml.likes import score_draft, annotate_image
    score = score_draft(profile=profile, caption="…", planned_at=aware_dt, media_type="image",
                        image_paths=["/path/a.jpg"])
    score.to_dict()  # JSON-serialisable

The model lives in ml/engine/likes (pure Python); this module reads the profile's stored posts, picks the active
registry version and caches the loaded model per process.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings

from config.errors import ApplicationError

TASK = "like-prediction"
DATASET = Path(settings.BASE_DIR) / "ml" / "datasets" / "ig-influencer-posts-2019" / "profiles_slim.jsonl"
MEDIA_TYPES = ("image", "video", "carousel")
# Overrides of ml.engine.likes.training.TrainConfig (whose defaults were chosen by grouped cross-validation).
TRAIN_SETTINGS: dict[str, Any] = {}


@dataclass
class LikeScore:
    predicted_likes: int  # p50
    predicted_likes_low: int  # p10
    predicted_likes_high: int  # p90
    ratio_to_mean: float
    virality_score: float  # P(likes ≥ 2 × the account's median likes), 0..1
    reasons: list[dict[str, Any]]  # feature, direction "up"/"down", text, contribution (log-likes)
    best_times: list[dict[str, Any]]  # slot (aware datetime in the profile's timezone), predicted_likes, lift
    image_features: list[dict[str, Any]]  # per image: faces [{x, y, w, h, smiling, eyes}], brightness, …
    model_version: str
    account_mean_likes: float = 0.0
    account_median_likes: float = 0.0
    timezone: str = "UTC"
    notes: list[str] = field(default_factory=list)
    # The account's weekday × 3-hour heatmap (ml.engine.likes.timing.TimingMap.to_dict) and whether the best times
    # come from it ("history") or from the model ("model").
    timing: dict[str, Any] = field(default_factory=dict)
    best_times_basis: str = "model"

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["best_times"] = [{**slot, "slot": slot["slot"].isoformat()} for slot in self.best_times]
        return data


def _active_model() -> tuple[Any, str]:
    from ml.engine.likes.model import LikeModel
    from ml.services import loaded_artifact, model_version_active, register_shipped_artifacts

    try:
        version = model_version_active(task=TASK)
    except ApplicationError:
        register_shipped_artifacts()  # a fresh database: the committed artifact is the first version
        version = model_version_active(task=TASK)
    return loaded_artifact(version=version, load=LikeModel.load, what="like model"), version.version


def _zone(name: str | None) -> ZoneInfo:
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ApplicationError(f"Unknown timezone {name!r}.", code="invalid") from exc


def profile_history(profile: Any) -> list[Any]:
    """The profile's most recent dated posts with likes, oldest first, as engine records: the history window the
    features read, and BACKTEST_POSTS more so each backtested post has a full window too."""
    from ml.engine.likes.features import BACKTEST_POSTS, HISTORY_WINDOW
    from ml.engine.likes.records import PostRecord

    latest = profile.posts.filter(taken_at__isnull=False, likes__isnull=False).order_by("-taken_at")
    posts = list(latest[: HISTORY_WINDOW + BACKTEST_POSTS])
    return [
        PostRecord(
            taken_at=p.taken_at,
            caption=p.caption,
            media_type=p.media_type,
            likes=p.likes,
            comments=p.comments,
            image_description=p.image_description,
            observed_at=p.fetched_at,
        )
        for p in reversed(posts)
    ]


def timing_history(profile: Any) -> list[Any]:
    """The profile's newest dated posts with likes (up to timing.MAX_POSTS), oldest first: what the best-times
    heatmap reads (more than the model's history window: a heatmap needs months, not the last 30 posts)."""
    from ml.engine.likes.records import PostRecord
    from ml.engine.likes.timing import MAX_POSTS

    latest = profile.posts.filter(taken_at__isnull=False, likes__isnull=False).order_by("-taken_at")
    return [
        PostRecord(taken_at=t, likes=n) for t, n in reversed(list(latest.values_list("taken_at", "likes")[:MAX_POSTS]))
    ]


def _account_context(profile: Any, history: list[Any], model: Any, niche: str = "") -> Any:
    from ml.engine.likes.features import AccountContext

    if not history and (not profile.followers_count or model.prior_like_rate is None):
        raise ApplicationError(
            f"@{profile.handle} has no posts with likes and no follower count yet: fetch or "
            "import the profile before scoring.",
            code="no_history",
        )
    # Cold start (no earlier posts): the baseline is the follower count times the training accounts' typical
    # likes per follower; the model was trained on such posts too (ml.engine.likes.training.build_examples).
    return AccountContext.from_history(history, profile.followers_count, model.prior_like_rate, niche)


def score_draft(
    *,
    profile: Any,
    caption: str,
    planned_at: datetime,
    media_type: str,
    image_paths: list[str],
    timezone_name: str | None = None,
    now: datetime | None = None,
    window: tuple[date, date] | None = None,
    niche: str = "",
) -> LikeScore:
    """Predict likes for a planned post of `profile` (a profiles.models.Profile) from its stored posts.
    `niche`: the profile's niche (discovery's, one of ml.engine.likes.features.NICHES), "" when unknown."""
    from ml.engine.likes.image import analyze_image
    from ml.engine.likes.scoring import fit_account_range, score_post, single_threaded
    from ml.engine.likes.timing import timing_map

    if planned_at.tzinfo is None:
        raise ApplicationError("The planned time needs a timezone.", code="invalid")
    if media_type not in MEDIA_TYPES:
        raise ApplicationError(
            f"Unknown media type {media_type!r} (expected one of {', '.join(MEDIA_TYPES)}).", code="invalid"
        )
    zone = _zone(timezone_name or profile.timezone or getattr(profile.organization, "timezone", "") or "UTC")
    model, version = _active_model()
    history = profile_history(profile)
    context = _account_context(profile, history, model, niche)
    timing = timing_map(timing_history(profile), zone)
    with single_threaded():
        analysed = []
        for path in image_paths:
            try:
                analysed.append(analyze_image(path))
            except (OSError, ValueError) as exc:
                raise ApplicationError(f"Could not read the image {Path(path).name}: {exc}", code="invalid") from exc
        result = score_post(
            model,
            context,
            caption=caption or "",
            media_type=media_type,
            planned_at=planned_at,
            images=analysed,
            zone=zone,
            now=now,
            window=window,
            fitted_range=fit_account_range(model, history, profile.followers_count, niche),
            timing=timing,
        )
    notes = []
    if not history:
        notes.append("No earlier posts with likes: the prediction starts from the follower count only.")
    if not analysed:
        notes.append("No image was analysed: faces and smiles count as unknown.")
    return LikeScore(
        predicted_likes=result.predicted_likes,
        predicted_likes_low=result.predicted_likes_low,
        predicted_likes_high=result.predicted_likes_high,
        ratio_to_mean=result.ratio_to_mean,
        virality_score=result.virality_score,
        reasons=result.reasons,
        best_times=result.best_times,
        image_features=[a.to_dict() for a in analysed],
        model_version=version,
        account_mean_likes=round(result.account_mean_likes, 1),
        account_median_likes=round(result.account_median_likes, 1),
        timezone=str(zone.key),
        notes=notes,
        timing=timing.to_dict(),
        best_times_basis=result.best_times_basis,
    )


def annotate_image(path: str, boxes: list[dict[str, Any]], out_path: str) -> str:
    """Write a JPEG preview of the image at `path` with the face `boxes` (from image_features) drawn."""
    from ml.engine.likes.image import annotate_image as draw

    try:
        return str(draw(path, boxes, out_path))
    except (OSError, ValueError) as exc:
        raise ApplicationError(f"Could not draw the preview of {Path(path).name}: {exc}", code="invalid") from exc


# -- train_model like-prediction, and the feedback loop's retraining ------------------------------------------


def train(*, stdout: Any, seed: int = 42, no_activate: bool = False, data: str | None = None, **options: Any) -> Any:
    """Train on the shipped accounts outside the held-out split (ml.engine.likes.split: ~80%), measure on the
    held-out ~20% (never trained on), register the version."""
    from ml.engine.likes.records import TRAINING_SETS, read_any, training_accounts

    if data:
        path = Path(data)
        accounts, source = read_any(path, "web-profile", "ig-influencer-posts-2019"), f"{path.parent.name}/{path.name}"
    else:
        accounts, source = training_accounts(), " + ".join(TRAINING_SETS)
    version, _, _ = _fit_register(accounts, seed=seed, activate=not no_activate, stdout=stdout, source=source)
    return version


def retrain_if_better(
    *, min_new_posts: int = 50, seed: int = 42, data: str | None = None, stdout: Any = None, outcome_posts: Any = None
) -> dict[str, Any]:
    """Feedback loop (the weekly beat task predictions.campaigns.tasks.likes_retrain_weekly calls it): when the
    stored profiles have at least `min_new_posts` posts with likes that arrived since the active version was
    trained, train a candidate on the shipped accounts plus the stored profiles, score it and the active version
    on the same held-out accounts, and activate the candidate only if its log_mse is lower.

    The split is a stable function of each account (ml.engine.likes.split), so the comparison accounts are those
    held out by the candidate's split AND by the split recorded in the active version's meta: neither model ever
    trained on them, however the set of accounts grew. An active version without a recorded split (trained
    before the rule) cannot be compared fairly: that raises ApplicationError before any training.

    `outcome_posts(since)` may name more posts (ids) that count as new, e.g. campaign posts whose link to a
    submission was recorded after `since` (the active version's creation) although the post was fetched earlier.
    Returns a summary dict: "status" (skipped / kept / activated), "new_posts", "active", and after a training
    "candidate", "previous_active", "candidate_log_mse", "previous_log_mse", "held_out_accounts"
    (how many comparison accounts were scored)."""
    import io

    from django.db.models import Q

    from ml.engine.likes.records import TRAINING_SETS, AccountRecord, read_any, training_accounts
    from ml.engine.likes.split import DEFAULT_SPLIT, AccountSplit, comparison_accounts
    from ml.engine.likes.training import CaptionEmbedder, evaluate
    from ml.models import ModelVersion
    from ml.services import model_version_activate
    from profiles.models import Post, Profile

    stdout = stdout or io.StringIO()
    active_model, active_version = _active_model()
    active_row = ModelVersion.objects.get(task=TASK, platform="", is_active=True)
    new = Q(fetched_at__gt=active_row.created_at)
    if outcome_posts is not None:
        new |= Q(pk__in=list(outcome_posts(active_row.created_at)))
    new_posts = Post.objects.filter(new, likes__isnull=False, taken_at__isnull=False).count()
    if new_posts < min_new_posts:
        return {"status": "skipped", "new_posts": new_posts, "active": active_version}
    stored = []
    for profile in Profile.objects.filter(platform="instagram").exclude(posts=None).prefetch_related("posts"):
        posts = profile_history(profile)
        if len(posts) >= 4:
            stored.append(AccountRecord(handle=profile.handle, followers=profile.followers_count, posts=posts))
    accounts = (read_any(data, "web-profile", "ig-influencer-posts-2019") if data else training_accounts()) + stored
    shipped = Path(data).name if data else " + ".join(TRAINING_SETS)
    active_split = AccountSplit.from_meta(active_model.meta.get("split"))
    if active_split is None:
        raise ApplicationError(
            f"The active like model {active_version} records no train/held-out split, so no account can be shown "
            f"to be unseen by it and a comparison would favour it. Retrain it with `python manage.py train_model "
            f"{TASK}` first.",
            code="no_split",
        )
    compared = [a for a in comparison_accounts(accounts, DEFAULT_SPLIT, active_split) if len(a.posts) >= 4]
    if not compared:
        raise ApplicationError(
            "No account with at least 4 posts is held out by both the candidate's and the "
            f"active version's ({active_version}) split: nothing to compare on.",
            code="no_held_out",
        )
    candidate, candidate_model, _ = _fit_register(
        accounts, seed=seed, activate=False, stdout=stdout, source=f"{shipped} + {len(stored)} stored profiles"
    )
    embedder = CaptionEmbedder(Path(settings.BASE_DIR) / "var" / "cache")
    active_result = evaluate(compared, active_model, embedder)
    candidate_result = evaluate(compared, candidate_model, embedder)
    better = candidate_result.log_mse < active_result.log_mse
    if better:
        model_version_activate(model_version=candidate)
    return {
        "status": "activated" if better else "kept",
        "new_posts": new_posts,
        "candidate": candidate.version,
        "active": candidate.version if better else active_version,
        "previous_active": active_version,
        "candidate_log_mse": round(candidate_result.log_mse, 4),
        "previous_log_mse": round(active_result.log_mse, 4),
        "held_out_accounts": candidate_result.accounts,
    }


def _fit_register(
    accounts: list[Any], *, seed: int, activate: bool, stdout: Any, source: str
) -> tuple[Any, Any, list[Any]]:
    """Group split by account with the stable split (ml.engine.likes.split.DEFAULT_SPLIT: an account is held out
    by a salted hash of its handle, whatever else is in the set), train on the rest, measure on the held-out
    accounts, save the artifact (the split rule in its meta) and register it."""

    from django.utils import timezone
    from tqdm import tqdm

    from ml.engine.likes.split import DEFAULT_SPLIT
    from ml.engine.likes.training import (
        CaptionEmbedder,
        TrainConfig,
        embedded_captions,
        evaluate,
        score_by_dataset,
        summarise_protocols,
        train_final,
    )
    from ml.services import model_version_publish

    train_accounts, test_accounts = DEFAULT_SPLIT.partition(accounts)
    if not train_accounts or not test_accounts:
        raise ApplicationError(
            f"{len(accounts)} accounts give {len(train_accounts)} training and "
            f"{len(test_accounts)} held-out accounts: too few to train and measure.",
            code="too_few_accounts",
        )
    stdout.write(
        f"Like prediction: {len(train_accounts)} training accounts, {len(test_accounts)} held-out accounts ({source})."
    )
    embedder = CaptionEmbedder(Path(settings.BASE_DIR) / "var" / "cache", progress=True)
    embedder.prime(c for a in accounts for c in embedded_captions(a, a.posts))
    config = TrainConfig(seed=seed, **TRAIN_SETTINGS)
    # The bar counts epochs of every ensemble member; early stopping usually ends it before the total.
    with tqdm(total=config.epochs * config.ensemble, desc="training", unit="epoch") as bar:

        def on_epoch(epoch: int, logs: dict[str, float]) -> None:
            bar.update(1)
            bar.set_postfix(loss=f"{logs.get('loss', 0):.3f}", val=f"{logs.get('val_loss', 0):.3f}")

        model, info = train_final(
            train_accounts,
            embedder,
            config,
            on_epoch=on_epoch,
            progress=lambda it: tqdm(it, desc="features", unit="account"),
        )
    held_out = evaluate(
        [a for a in test_accounts if a.dataset in ("", "ig-influencer-posts-2019")] or test_accounts, model, embedder
    )
    by_dataset = {
        name or "stored": summarise_protocols(results)
        for name, results in score_by_dataset(test_accounts, model, embedder).items()
    }
    version = timezone.now().strftime("%Y%m%d-%H%M%S") + f"-s{seed}"
    folder = f"{TASK}-{version}"
    metrics = {
        **held_out.as_dict(),
        "reduction": round(1 - held_out.log_mse / held_out.baseline_log_mse, 4),
        "interval_coverage_80": round(held_out.interval_coverage, 4),
        "held_out_by_dataset": by_dataset,
        "split": f"{DEFAULT_SPLIT.held_out_share:.0%} of accounts held out by a salted hash of the handle "
        f"(ml.engine.likes.split, salt {DEFAULT_SPLIT.salt})",
        **info,
    }
    meta = {
        "task": TASK,
        "platform": "",
        "version": version,
        "metrics": metrics,
        "split": DEFAULT_SPLIT.to_meta(),
        "training_data": f"{source}: {len(train_accounts)} accounts ({len(train_accounts) / len(accounts):.0%})",
        "params": {"seed": seed, **{k: list(v) if isinstance(v, tuple) else v for k, v in asdict(config).items()}},
    }
    model_version = model_version_publish(model=model, meta=meta, folder=folder, activate=activate, stdout=stdout)
    return model_version, model, test_accounts


# -- evaluate_model like-prediction PATH ------------------------------------------------------------------------


def add_arguments(parser: Any) -> None:
    parser.add_argument(
        "path", help="Instagram web-profile JSONL (one account per line, with `posts`), or see --format."
    )
    parser.add_argument(
        "--format",
        dest="data_format",
        default="web-profile",
        choices=["web-profile", "post-nodes", "instafake"],
        help="web-profile (default): the 2019 set's shape; post-nodes: one Instagram post node a "
        "line with its owner (kim2020; followers from influencers.tsv beside it); instafake: "
        "InstaFake's nonautomatedAccountData.json.",
    )
    parser.add_argument(
        "--observed-at",
        dest="observed_at",
        help="When the file's like counts were read (ISO date or time, UTC if no zone). Default: the newest post "
        "in the file when the file is one scrape (half its accounts posted within a week of it), else the counts "
        "are taken as final.",
    )


def evaluate(
    *, stdout: Any, path: str, data_format: str = "web-profile", observed_at: str | None = None, **options: Any
) -> dict[str, Any]:
    """For each account with ≥4 dated posts, predict its last 3 posts from everything before each; compare with
    the time-weighted mean baseline (see ml.engine.likes.features.time_weighted_baseline)."""
    from ml.engine.likes.records import read_any
    from ml.engine.likes.training import CaptionEmbedder

    source = Path(path)
    if not source.exists():
        raise ApplicationError(f"{path} does not exist.", code="invalid")
    when = None
    if observed_at:
        try:
            when = datetime.fromisoformat(observed_at)
        except ValueError as exc:
            raise ApplicationError(f"--observed-at {observed_at!r}: not an ISO date or time.", code="invalid") from exc
        when = when if when.tzinfo else when.replace(tzinfo=UTC)
    try:
        # kim2020-shaped files are read as that set, whose captions the model never saw embedded (training.py).
        dataset = "kim2020" if data_format == "post-nodes" else "evaluated"
        accounts = read_any(source, data_format, dataset=dataset, observed_at=when)
    except (ValueError, UnicodeDecodeError, OSError) as exc:
        raise ApplicationError(str(exc), code="invalid") from exc
    model, version = _active_model()
    embedder = CaptionEmbedder(progress=False)
    from ml.engine.likes.training import evaluate as evaluate_protocol

    reliability: dict[str, Any] = {}
    result = evaluate_protocol(accounts, model, embedder, calibration_out=reliability)
    cold = evaluate_protocol(accounts, model, embedder, cold_start=True)
    stdout.write(
        f"like-prediction {version}: {result.accounts} accounts, {result.targets} targets, "
        f"80% interval coverage {result.interval_coverage:.3f}"
    )
    return {
        **result.as_dict(),
        "ratio_to_baseline": result.summary()["ratio_to_baseline"],
        "interval_coverage_80": round(result.interval_coverage, 4),
        "cold_start": cold.summary(),
        "calibration": reliability,
    }
