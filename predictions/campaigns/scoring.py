"""Scoring one submission version with the like-prediction engine (ml.likes), on the `ml` queue.

The engine door is `ml.likes.score_draft(...) -> LikeScore` and `ml.likes.annotate_image(path, boxes, out_path)`;
both are imported lazily so web requests never load TensorFlow or OpenCV.
"""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Callable
from typing import Any

from django.core.files import File

from config.errors import ApplicationError
from config.jobs import JobStatus, job_heartbeat
from predictions.campaigns.models import SubmissionImage, SubmissionVideo, VersionScore

# Where a profile's niche comes from: discovery (which builds on predictions) registers its selector at start-up
# (discovery/apps.py), so scoring reads the agency's niche without predictions importing discovery.
_niche_sources: list[Callable[..., str]] = []


def niche_source_register(source: Callable[..., str]) -> None:
    """Register `source(profile=…) -> str` (the profile's niche, "" when unknown); the latest registered wins."""
    if source not in _niche_sources:
        _niche_sources.append(source)


def profile_niche(*, profile: Any) -> str:
    return _niche_sources[-1](profile=profile) if _niche_sources else ""


logger = logging.getLogger(__name__)


def engine_score_draft(**kwargs: Any) -> Any:
    from ml.likes import score_draft

    return score_draft(**kwargs)


def engine_annotate_image(path: str, boxes: list[Any], out_path: str) -> Any:
    from ml.likes import annotate_image

    return annotate_image(path, boxes, out_path)


def _face_boxes(features: dict[str, Any]) -> list[Any]:
    for key in ("face_boxes", "faces_boxes", "faces"):
        value = features.get(key)
        if isinstance(value, list):
            return value
    return []


def _faces_preview(row: SubmissionImage, features: dict[str, Any]) -> None:
    """Draw the detected faces on a copy of the image, stored beside it."""
    boxes = _face_boxes(features)
    with tempfile.TemporaryDirectory() as folder:
        out_path = os.path.join(folder, "faces.jpg")
        engine_annotate_image(row.image.path, boxes, out_path)
        if not os.path.exists(out_path):
            return
        stem = os.path.splitext(os.path.basename(row.image.name))[0]
        with open(out_path, "rb") as handle:
            row.faces_preview.save(f"{stem}-faces.jpg", File(handle), save=False)
    SubmissionImage.objects.filter(pk=row.pk).update(faces_preview=row.faces_preview.name)


def _standing(profile: Any, result: Any) -> dict[str, Any]:
    """Where the draft is expected to land among the account's latest posts (ml.engine.likes.standing)."""
    from ml.services import STANDING_RECENT_POSTS as RECENT_POSTS
    from ml.services import standing_among

    recent = list(
        profile.posts.filter(likes__isnull=False, taken_at__isnull=False)
        .order_by("-taken_at")
        .values_list("likes", flat=True)[:RECENT_POSTS]
    )
    standing = standing_among(
        recent,
        p50=float(result.predicted_likes),
        p10=float(result.predicted_likes_low),
        p90=float(result.predicted_likes_high),
    )
    return standing.to_dict() if standing else {}


def version_score_run(*, score_id: int) -> VersionScore | None:
    """Claim the score row and fill it; a failure leaves a readable reason on the row. Idempotent."""
    if not VersionScore.claim(score_id):
        return None
    with job_heartbeat(VersionScore, score_id):
        return _version_score_fill(score_id=score_id)


def _version_score_fill(*, score_id: int) -> VersionScore | None:
    score = VersionScore.objects.select_related(
        "version", "version__submission", "version__submission__profile", "version__submission__campaign"
    ).get(pk=score_id)
    version = score.version
    images = list(version.images.all())
    video = SubmissionVideo.objects.filter(version=version).first()
    image_paths = [row.image.path for row in images]
    if video is not None:
        if video.status != JobStatus.DONE:
            VersionScore.fail(score_id, video.error or "The video has not been processed yet.")
            return VersionScore.objects.get(pk=score_id)
        image_paths = [video.poster.path] if video.poster else []  # the poster frame stands for the picture

    try:
        result = engine_score_draft(
            profile=version.submission.profile,
            caption=version.caption,
            planned_at=version.planned_at,
            media_type=version.media_type,
            image_paths=image_paths,
            timezone_name=version.timezone_name or None,
            window=(version.submission.campaign.starts_on, version.submission.campaign.ends_on),
            niche=profile_niche(profile=version.submission.profile),
        )
        VersionScore.report_progress(score_id, done=1)
        # The engine's per-image features carry the server path of the file: never stored or shown.
        image_features = [
            {k: v for k, v in dict(item).items() if k != "path"} for item in (result.image_features or [])
        ]
        for index, (row, features) in enumerate(zip(images, image_features, strict=False), start=2):
            try:
                _faces_preview(row, features)
            except Exception as exc:  # a preview is a nicety: never fail the score for it
                logger.warning("faces preview for image %s failed: %s", row.pk, exc)
            VersionScore.report_progress(score_id, done=index)
        VersionScore.objects.filter(pk=score_id).update(
            predicted_likes=float(result.predicted_likes),
            predicted_likes_low=float(result.predicted_likes_low),
            predicted_likes_high=float(result.predicted_likes_high),
            ratio_to_mean=None if result.ratio_to_mean is None else float(result.ratio_to_mean),
            virality_score=float(result.virality_score),
            standing=_standing(version.submission.profile, result),
            best_times=_jsonable(result.best_times),
            timing=_jsonable({**result.timing, "basis": result.best_times_basis}),
            reasons=_jsonable(result.reasons),
            image_features=_jsonable(image_features),
            model_version=str(result.model_version or ""),
        )
        if video is not None:
            _score_views(score_id, version, video)
    except ApplicationError as exc:
        VersionScore.fail(score_id, exc.message)
        return VersionScore.objects.get(pk=score_id)
    except ImportError as exc:
        VersionScore.fail(score_id, f"The scoring engine is not installed on this worker ({exc}).")
        return VersionScore.objects.get(pk=score_id)
    except Exception as exc:
        logger.exception("scoring version %s failed", version.pk)
        VersionScore.fail(score_id, f"Scoring failed: {type(exc).__name__}: {exc}")
        return VersionScore.objects.get(pk=score_id)
    VersionScore.finish(score_id)
    return VersionScore.objects.get(pk=score_id)


def engine_score_video(**kwargs: Any) -> dict[str, Any]:
    from ml.video_views import score_video

    return score_video(**kwargs)


def _score_views(score_id: int, version: Any, video: SubmissionVideo) -> None:
    """Predicted views (a week after posting) with their interval and standing, and what the video does."""
    from ml.services import standing_among
    from predictions.campaigns.brief import caption_hashtags
    from predictions.campaigns.video import video_checks

    profile = version.submission.profile
    views = engine_score_video(
        profile=profile,
        planned_at=version.planned_at,
        duration=video.duration or None,
        hashtags=len(caption_hashtags(version.caption)),
    )
    details: dict[str, Any] = {"checks": video_checks(video.features)}
    if "missing" in views:
        details["missing"] = views["missing"]
        VersionScore.objects.filter(pk=score_id).update(video=details)
        return
    standing = standing_among(
        views.pop("recent_views"),
        p50=float(views["views"]),
        p10=float(views["views_low"]),
        p90=float(views["views_high"]),
    )
    details.update(
        standing=standing.to_dict() if standing else {},
        reasons=views["reasons"],
        likes={key: views[key] for key in ("likes", "likes_low", "likes_high")},
        baseline=views["baseline"],
        history=views["history"],
        age_days=views["age_days"],
        model_version=views["model_version"],
    )
    VersionScore.objects.filter(pk=score_id).update(
        predicted_views=float(views["views"]),
        predicted_views_low=float(views["views_low"]),
        predicted_views_high=float(views["views_high"]),
        video=_jsonable(details),
    )


def version_score_retry(*, score: VersionScore) -> VersionScore:
    """Put a failed score back in the queue."""
    from predictions.campaigns.tasks import enqueue_scoring

    if score.status != JobStatus.FAILED:
        raise ApplicationError("Only a failed score can be retried.", code="conflict")
    VersionScore.objects.filter(pk=score.pk, status=JobStatus.FAILED).update(
        status=JobStatus.PENDING, error="", progress_done=0, started_at=None, finished_at=None
    )
    enqueue_scoring(score.pk)
    score.refresh_from_db()
    return score


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value
