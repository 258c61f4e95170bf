"""The feedback loop: actual likes of published posts come back to their submissions, and a weekly run retrains
the like model from those outcomes, activating the new version only if it beats the active one on held-out data.
"""
from __future__ import annotations

import datetime as dt
import difflib
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from accounts.roles import Capability
from accounts.selectors import membership_require
from config.errors import ApplicationError
from config.jobs import JobStatus
from predictions.campaign_models import RetrainingRun, Submission, SubmissionStatus, SubmissionVersion
from predictions.campaigns.services import _event
from profiles.models import Post

MATCH_WINDOW = dt.timedelta(hours=48)
MIN_CAPTION_SIMILARITY = 0.6
LIKE_TASK = "like-prediction"


def _require_manager(user: User, submission: Submission) -> None:
    membership_require(user=user, organization=submission.campaign.organization_id,
                       capability=Capability.MANAGE_DATA)


@transaction.atomic
def submission_link_post(*, user: User | None, submission: Submission, post: Post, source: str = "post") -> Submission:
    """Tie a submission to the post that was actually published; its likes become the outcome."""
    if user is not None:
        _require_manager(user, submission)
    if post.profile_id != submission.profile_id:
        raise ApplicationError("That post belongs to another profile than the submission's.", field="post")
    submission.published_post = post
    submission.actual_likes = post.likes
    submission.actual_recorded_at = timezone.now()
    submission.actual_source = source
    submission.save(update_fields=["published_post", "actual_likes", "actual_recorded_at", "actual_source",
                                   "updated_at"])
    _event(submission, actor=user, action="outcome_recorded",
           detail=f"Linked to published post {post.shortcode or post.platform_id} ({post.likes} likes).")
    return submission


@transaction.atomic
def submission_record_actual_likes(*, user: User, submission: Submission, likes: int) -> Submission:
    _require_manager(user, submission)
    if likes < 0:
        raise ApplicationError("Likes cannot be negative.", field="actual_likes")
    submission.actual_likes = likes
    submission.actual_recorded_at = timezone.now()
    submission.actual_source = "manual"
    submission.save(update_fields=["actual_likes", "actual_recorded_at", "actual_source", "updated_at"])
    _event(submission, actor=user, action="outcome_recorded", detail=f"Actual likes set by hand: {likes}.")
    return submission


def _caption_similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, " ".join(a.lower().split()), " ".join(b.lower().split())).ratio()


def post_match_for_version(*, version: SubmissionVersion) -> Post | None:
    """The profile's post published within 48 h of the planned time whose caption is most like the approved one."""
    candidates = Post.objects.filter(profile_id=version.submission.profile_id,
                                     taken_at__gte=version.planned_at - MATCH_WINDOW,
                                     taken_at__lte=version.planned_at + MATCH_WINDOW)
    best, best_score = None, MIN_CAPTION_SIMILARITY
    for post in candidates:
        score = _caption_similarity(version.caption, post.caption)
        if score >= best_score:
            best, best_score = post, score
    return best


def submissions_match_published_posts(*, now: dt.datetime | None = None) -> int:
    """Link approved submissions whose planned time has passed to their published posts; returns how many."""
    now = now or timezone.now()
    linked = 0
    pending = Submission.objects.filter(status=SubmissionStatus.APPROVED, published_post__isnull=True,
                                        actual_likes__isnull=True).select_related("campaign")
    for submission in pending:
        version = submission.versions.order_by("-number").first()
        if version is None or version.planned_at > now:
            continue
        post = post_match_for_version(version=version)
        if post is not None and post.likes is not None:
            submission_link_post(user=None, submission=submission, post=post, source="matched")
            linked += 1
    return linked


# --- retraining ------------------------------------------------------------------------------------------------

@dataclass
class Outcome:
    """One campaign post with its known result: what the model is retrained and judged on."""

    submission_id: int
    profile_id: int
    caption: str
    posted_at: dt.datetime
    media_type: str
    image_paths: list[str]
    actual_likes: int
    predicted_likes: float | None


@dataclass
class Candidate:
    version: str
    artifact_path: str
    metrics: dict[str, Any] = field(default_factory=dict)
    training_data: str = ""


@dataclass
class RetrainBackend:
    """What the retraining decision needs from the like engine.

    train(outcomes, held_out, seed) trains a candidate on the training outcomes (plus the engine's own base data),
    never on anything of `held_out`, and registers nothing; predict(model_version, outcomes) returns predicted
    likes per outcome for a given version (None = the active one).
    """

    train: Callable[..., Candidate]
    predict: Callable[..., list[float]]


def log_mse(predicted: list[float], actual: list[int]) -> float:
    return sum((math.log1p(max(p, 0.0)) - math.log1p(a)) ** 2 for p, a in zip(predicted, actual, strict=True)) / len(
        actual)


def outcomes_since(since: dt.datetime | None) -> list[Outcome]:
    submissions = Submission.objects.filter(actual_likes__isnull=False).select_related("published_post")
    if since is not None:
        submissions = submissions.filter(actual_recorded_at__gt=since)
    outcomes = []
    for submission in submissions.order_by("pk"):
        version = submission.versions.order_by("-number").prefetch_related("images").select_related("score").first()
        if version is None:
            continue
        score = getattr(version, "score", None)
        posted_at = submission.published_post.taken_at if submission.published_post_id else None
        outcomes.append(Outcome(
            submission_id=submission.pk, profile_id=submission.profile_id, caption=version.caption,
            posted_at=posted_at or version.planned_at, media_type=version.media_type,
            image_paths=[row.image.path for row in version.images.all()], actual_likes=int(submission.actual_likes),
            predicted_likes=score.predicted_likes if score is not None else None,
        ))
    return outcomes


def split_held_out(outcomes: list[Outcome]) -> tuple[list[Outcome], list[Outcome]]:
    """Deterministic split: every fifth outcome (by submission id) is held out, never trained on."""
    ordered = sorted(outcomes, key=lambda o: o.submission_id)
    held_out = [o for i, o in enumerate(ordered) if i % 5 == 4]
    train = [o for i, o in enumerate(ordered) if i % 5 != 4]
    return train, held_out


def default_backend() -> RetrainBackend:
    """The like engine: trains on the shipped dataset plus campaign outcomes."""
    from predictions.campaigns.retrain_engine import EngineRetrainBackend

    return EngineRetrainBackend().as_backend()


def likes_retrain_if_enough_outcomes(*, min_new_outcomes: int | None = None, backend: RetrainBackend | None = None,
                                     seed: int = 42) -> RetrainingRun:
    """The weekly decision. Skips when too few new outcomes; otherwise trains a candidate, scores both it and the
    active version on held-out outcomes, and activates the candidate only if its log-MSE is lower."""
    from ml.models import ModelVersion
    from ml.services import model_version_register

    min_new = settings.CAMPAIGN_RETRAIN_MIN_OUTCOMES if min_new_outcomes is None else min_new_outcomes
    active = ModelVersion.objects.filter(task=LIKE_TASK, is_active=True).order_by("-created_at").first()
    outcomes = outcomes_since(active.created_at if active else None)
    run = RetrainingRun.objects.create(new_outcomes=len(outcomes), active_version=active.version if active else "",
                                       status=JobStatus.RUNNING, started_at=timezone.now(), progress_total=3)
    if len(outcomes) < min_new:
        RetrainingRun.objects.filter(pk=run.pk).update(
            decision="skipped", detail=f"{len(outcomes)} new outcomes since the active model; {min_new} needed.")
        RetrainingRun.finish(run.pk)
        run.refresh_from_db()
        return run
    try:
        train, held_out = split_held_out(outcomes)
        backend = backend or default_backend()
        candidate = backend.train(outcomes=train, held_out=held_out, seed=seed)
        RetrainingRun.report_progress(run.pk, done=1)
        actual = [o.actual_likes for o in held_out]
        active_loss = log_mse(backend.predict(model_version=None, outcomes=held_out), actual)
        candidate_loss = log_mse(backend.predict(model_version=candidate, outcomes=held_out), actual)
        RetrainingRun.report_progress(run.pk, done=2)
        better = candidate_loss < active_loss
        metrics = {"held_out": len(held_out), "trained_on": len(train), "active_log_mse": active_loss,
                   "candidate_log_mse": candidate_loss}
        model_version_register(task=LIKE_TASK, version=candidate.version, artifact_path=candidate.artifact_path,
                               metrics={**candidate.metrics, "campaign_held_out": metrics},
                               training_data=candidate.training_data, activate=better)
        RetrainingRun.objects.filter(pk=run.pk).update(
            decision="activated" if better else "kept_active", candidate_version=candidate.version, metrics=metrics,
            detail=(f"Candidate log-MSE {candidate_loss:.4f} vs active {active_loss:.4f} on {len(held_out)} "
                    f"held-out outcomes: {'activated' if better else 'kept the active version'}."),
            progress_done=3)
        RetrainingRun.finish(run.pk)
    except ApplicationError as exc:
        RetrainingRun.objects.filter(pk=run.pk).update(decision="failed")
        RetrainingRun.fail(run.pk, exc.message)
    except Exception as exc:
        RetrainingRun.objects.filter(pk=run.pk).update(decision="failed")
        RetrainingRun.fail(run.pk, f"Retraining failed: {type(exc).__name__}: {exc}")
    run.refresh_from_db()
    return run
