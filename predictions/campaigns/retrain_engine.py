"""The like engine behind the weekly retraining decision (feedback.RetrainBackend).

train: the shipped Instagram dataset plus every campaign profile's own posts with the training outcomes, fitted
with the engine's `train_final` (fixed seed), saved as a new artifact folder but not activated here.
predict: scores held-out outcomes exactly as a submission is scored (OpenCV image analysis of the stored images,
the profile's posts before the post as history), with either the active version or the candidate.

The ml.engine imports are lazy: TensorFlow / sentence-transformers load only inside a retraining run.
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils import timezone

from predictions.campaign_models import Submission
from predictions.campaigns.feedback import LIKE_TASK, Candidate, Outcome, RetrainBackend
from profiles.models import Post, Profile


def _post_record(post: Post) -> Any:
    from ml.engine.likes.records import PostRecord

    return PostRecord(taken_at=post.taken_at, caption=post.caption, media_type=post.media_type, likes=post.likes,
                      comments=post.comments, image_description=post.image_description)


def _held_out_post_ids(held_out: list[Outcome]) -> set[int]:
    return set(Submission.objects.filter(pk__in=[o.submission_id for o in held_out], published_post__isnull=False)
               .values_list("published_post_id", flat=True))


def campaign_accounts(*, train_outcomes: list[Outcome], exclude_post_ids: set[int]) -> list[Any]:
    """One engine AccountRecord per campaign profile: its dated posts with likes (held-out posts removed) plus
    outcomes recorded by hand (no Post row) at their planned time."""
    from ml.engine.likes.records import AccountRecord, PostRecord

    accounts = []
    for profile in Profile.objects.filter(pk__in={o.profile_id for o in train_outcomes}):
        posts = [_post_record(p) for p in profile.posts.filter(taken_at__isnull=False, likes__isnull=False)
                 .exclude(pk__in=exclude_post_ids)]
        linked = set(Submission.objects.filter(profile=profile, published_post__isnull=False)
                     .values_list("pk", flat=True))
        for outcome in train_outcomes:
            if outcome.profile_id == profile.pk and outcome.submission_id not in linked:
                posts.append(PostRecord(taken_at=outcome.posted_at, caption=outcome.caption,
                                        media_type=outcome.media_type, likes=outcome.actual_likes))
        posts.sort(key=lambda p: p.taken_at)
        accounts.append(AccountRecord(handle=profile.handle, followers=profile.followers_count, posts=posts))
    return accounts


def _cold_start(context: Any, model: Any, followers: int | None) -> None:
    """No earlier posts: start from the follower count and the training accounts' typical like rate, as scoring
    does (ml.likes)."""
    import math

    rate = model.meta.get("median_like_rate")
    if not followers or rate is None:
        raise ValueError("a held-out outcome's profile has neither earlier posts nor a follower count")
    prior = math.log1p(followers) + rate
    context.baseline = prior
    context.values["acc_baseline"] = prior
    context.values["acc_like_rate"] = rate
    context.likes_mean = context.likes_median = math.expm1(prior)


class EngineRetrainBackend:
    def __init__(self, *, base_dataset: Path | None = None, config_overrides: dict[str, Any] | None = None) -> None:
        from ml import likes

        self.base_dataset = base_dataset or likes.DATASET
        self.config_overrides = config_overrides or {}
        self.held_out_post_ids: set[int] = set()

    def as_backend(self) -> RetrainBackend:
        return RetrainBackend(train=self.train, predict=self.predict)

    def train(self, *, outcomes: list[Outcome], held_out: list[Outcome], seed: int) -> Candidate:
        from ml.engine.likes.records import read_accounts
        from ml.engine.likes.training import CaptionEmbedder, TrainConfig, train_final
        from ml.services import artifacts_dir, model_version_active

        # predict() runs after train() on the same backend: both leave the held-out published posts out.
        self.held_out_post_ids = _held_out_post_ids(held_out)
        base = list(read_accounts(self.base_dataset))
        own = campaign_accounts(train_outcomes=outcomes, exclude_post_ids=self.held_out_post_ids)
        embedder = CaptionEmbedder(Path(settings.BASE_DIR) / "var" / "cache")
        model, info = train_final(base + own, embedder, TrainConfig(seed=seed, **self.config_overrides))
        active = model_version_active(task=LIKE_TASK)
        active_meta = json.loads((artifacts_dir() / active.artifact_path / "meta.json").read_text())
        version = timezone.now().strftime("%Y%m%d-%H%M%S") + f"-s{seed}-campaigns"
        folder = f"{LIKE_TASK}-{version}"
        training_data = (f"{self.base_dataset.parent.name}/{self.base_dataset.name}: {len(base)} accounts + "
                         f"{len(own)} campaign profiles with {len(outcomes)} campaign outcomes")
        meta = {"task": LIKE_TASK, "platform": "", "version": version, "metrics": info,
                "median_like_rate": active_meta.get("median_like_rate"), "training_data": training_data,
                "params": {"seed": seed, **self.config_overrides}}
        model.save(artifacts_dir() / folder, meta)
        return Candidate(version=version, artifact_path=folder, metrics=info, training_data=training_data)

    def predict(self, *, model_version: Candidate | None, outcomes: list[Outcome]) -> list[float]:
        from ml.engine.likes.features import AccountContext
        from ml.engine.likes.image import analyze_image
        from ml.engine.likes.model import LikeModel
        from ml.engine.likes.scoring import score_post
        from ml.services import artifacts_dir, model_version_active

        folder = model_version.artifact_path if model_version else model_version_active(task=LIKE_TASK).artifact_path
        model = LikeModel.load(artifacts_dir() / folder)
        predictions = []
        for outcome in outcomes:
            profile = Profile.objects.get(pk=outcome.profile_id)
            earlier = (profile.posts.filter(taken_at__lt=outcome.posted_at, likes__isnull=False)
                       .exclude(pk__in=self.held_out_post_ids).order_by("taken_at"))
            context = AccountContext.from_history([_post_record(p) for p in earlier], profile.followers_count)
            if not context.n_posts:
                _cold_start(context, model, profile.followers_count)
            images = [analyze_image(path) for path in outcome.image_paths if Path(path).exists()]
            result = score_post(model, context, caption=outcome.caption, media_type=outcome.media_type,
                                planned_at=outcome.posted_at, images=images,
                                now=outcome.posted_at - dt.timedelta(days=1))
            predictions.append(float(result.predicted_likes))
        return predictions
