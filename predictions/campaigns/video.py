"""Video drafts are checked before anything is stored, and made playable on the `ml` queue.

Upload: the file is streamed to a temporary file (never read whole into memory; CAMPAIGN_VIDEO_MAX_BYTES, 500 MB by
default), then its headers are read by FFmpeg through PyAV in a child process under limits (ml.services.video_probe):
the extension means nothing. Refused, with the file's name and the reason: not a video, a container other than
MP4/MOV or WebM, a video codec other than H.264/H.265/VP9/AV1, an audio codec other than AAC/Opus, a duration or
frame claim beyond the limits (hours, 16k × 16k), or what the target platform does not take (VideoRules in its
profiles.platforms module: Reels 3 s to 3 minutes, X at most 2:20…). What only hurts reach (not 9:16 on a vertical
feed, under 720p) is a warning shown with the draft, not a refusal.

Processing (SubmissionVideo, a Job on the `ml` queue): one decoding pass in a child process under CPU, memory and
time limits (ml.services.video_process) writes the rendition, poster and strip and measures the features; a file
that cannot be decoded to the end fails the job with the reason, and its files are removed. Scoring follows.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files import File
from django.core.files.uploadedfile import UploadedFile

from config.errors import ApplicationError
from config.jobs import JobStatus, job_heartbeat
from profiles.platforms import platform_get

logger = logging.getLogger(__name__)

MIN_EDGE = 144
MIN_FPS = 1.0  # fewer frames a second is a slide show (or a header lying about its timing)
HD_SHORT_EDGE = 720
VERTICAL = 9 / 16


@dataclass
class ValidatedVideo:
    path: str  # a temporary file holding the upload; removed by `discard` (or moved into storage)
    original_name: str
    size_bytes: int
    probe: dict[str, Any]
    warnings: list[str] = field(default_factory=list)

    def discard(self) -> None:
        try:
            os.unlink(self.path)
        except FileNotFoundError:
            pass


def _mb(value: float) -> str:
    return f"{value / (1024 * 1024):,.0f} MB"


def _duration(seconds: float) -> str:
    whole = int(round(seconds))
    if whole >= 3600:
        return f"{whole // 3600} h {whole % 3600 // 60:02d} min"
    if whole >= 60:
        return f"{whole // 60}:{whole % 60:02d} min"
    return f"{seconds:.1f} s".replace(".0 s", " s")


def _refuse(name: str, reason: str, code: str = "video_invalid") -> ApplicationError:
    return ApplicationError(f"{name}: {reason}.", field="video", code=code)


def _stream_to_disk(upload: UploadedFile, name: str, max_bytes: int) -> tuple[str, int]:
    """Copy the upload to a temporary file in chunks, stopping past `max_bytes` (never the whole file in memory)."""
    if upload.size is not None and upload.size > max_bytes:
        raise _refuse(
            name, f"it is {_mb(upload.size)}; a video draft may be at most {_mb(max_bytes)}", "video_too_large"
        )
    handle, path = tempfile.mkstemp(prefix="draft-", suffix=".video", dir=settings.FILE_UPLOAD_TEMP_DIR or None)
    written = 0
    try:
        with os.fdopen(handle, "wb") as out:
            upload.seek(0)
            for chunk in upload.chunks(1024 * 1024):
                written += len(chunk)
                if written > max_bytes:
                    raise _refuse(
                        name, f"it is larger than {_mb(max_bytes)}, the most a video draft may be", "video_too_large"
                    )
                out.write(chunk)
    except BaseException:
        os.unlink(path)
        raise
    if written == 0:
        os.unlink(path)
        raise _refuse(name, "the file is empty")
    return path, written


def video_validate(
    *, upload: UploadedFile | None = None, platform: str, on_disk: tuple[str, str] | None = None
) -> ValidatedVideo:
    """The upload on disk with what it holds, or ApplicationError naming the file and the reason. `on_disk`: (path,
    name) of a file that arrived by a resumable upload (now this function's: removed if refused)."""
    from ml import services as ml

    if on_disk is not None:
        path, name = on_disk[0], os.path.basename(on_disk[1])[:255]
        size = os.path.getsize(path)
    else:
        assert upload is not None
        name = os.path.basename(upload.name or "video")[:255]
        path, size = _stream_to_disk(upload, name, int(settings.CAMPAIGN_VIDEO_MAX_BYTES))
    try:
        try:
            probe = ml.video_probe(path)
        except ApplicationError as error:
            raise _refuse(name, f"not a video we can read: {error.message}", error.code) from error
        warnings = _check(name, probe, size, platform)
    except BaseException:
        os.unlink(path)
        raise
    return ValidatedVideo(path=path, original_name=name, size_bytes=size, probe=probe, warnings=warnings)


def _check(name: str, probe: dict[str, Any], size: int, platform: str) -> list[str]:
    from ml import services as ml

    spec = platform_get(platform)
    rules = spec.video
    if rules is None:
        raise _refuse(name, f"{spec.label} posts cannot be videos here")
    containers, video_codecs, audio_codecs = ml.VIDEO_CONTAINERS, ml.VIDEO_CODECS, ml.VIDEO_AUDIO_CODECS
    if probe["container"] not in containers:
        raise _refuse(name, f"it is a {probe['container'].split(',')[0]} file; upload an MP4, MOV or WebM video")
    if probe["video_codec"] not in video_codecs:
        raise _refuse(
            name,
            f"its video is {probe['video_codec']}; upload H.264, H.265, VP9 or AV1 (what phones and editors export)",
        )
    if probe["audio_codec"] is not None and probe["audio_codec"] not in audio_codecs:
        raise _refuse(name, f"its sound is {probe['audio_codec']}; upload it with AAC or Opus sound")
    width, height = int(probe["display_width"]), int(probe["display_height"])
    max_edge = int(settings.CAMPAIGN_VIDEO_MAX_EDGE)
    if max(width, height) > max_edge:
        raise _refuse(name, f"it claims {width} × {height} frames; videos may be at most {max_edge} px on a side")
    if min(width, height) < MIN_EDGE:
        raise _refuse(name, f"it is {width} × {height}; videos need at least {MIN_EDGE} px on each side")
    duration = probe["duration"]
    if duration is None or duration <= 0:
        raise _refuse(name, "it does not say how long it is (damaged or a stream, not a file)")
    longest = min(float(rules.max_seconds), float(settings.CAMPAIGN_VIDEO_MAX_SECONDS))
    if duration > longest:
        raise _refuse(
            name,
            f"it is {_duration(duration)} long; {rules.label} videos may be at most {_duration(longest)}",
            "video_too_long",
        )
    if duration < rules.min_seconds:
        raise _refuse(
            name, f"it is {_duration(duration)} long; {rules.label} videos are at least {_duration(rules.min_seconds)}"
        )
    fps = float(probe["fps"] or 0)
    if fps > int(settings.CAMPAIGN_VIDEO_MAX_FPS) or fps < MIN_FPS:
        raise _refuse(name, f"its frame rate ({fps:g} a second) is not one a video draft can have")
    if size > rules.max_bytes:
        raise _refuse(name, f"it is {_mb(size)}; {rules.label} takes at most {_mb(rules.max_bytes)}", "video_too_large")
    warnings = []
    ratio = width / height
    vertical_feed = rules.vertical or (
        rules.shorts_max_seconds is not None and duration <= rules.shorts_max_seconds and height > width
    )
    if vertical_feed and abs(ratio - VERTICAL) > 0.02:
        warnings.append(
            f"It is {width} × {height}, not 9:16: {rules.label if rules.vertical else 'Shorts'} shows it with bars "
            "or cropped, which costs reach."
        )
    if min(width, height) < HD_SHORT_EDGE:
        warnings.append(f"It is under 720p ({width} × {height}): it will look soft on phones.")
    if probe["audio_codec"] is None:
        warnings.append("It has no sound track.")
    return warnings


# --- serving: the files a video draft has, and its comments on the timeline --------------------------------------

VIDEO_FILES = {"web": ("rendition", "video/mp4"), "poster": ("poster", "image/jpeg"), "strip": ("strip", "image/jpeg")}


def video_urls(video: Any, url: Any = None) -> dict[str, str]:
    """The URLs of a video's files that exist: `url(kind)` builds one (the brand's magic link has its own)."""
    if video is None:
        return {}
    from django.urls import reverse

    build = url or (lambda kind: reverse("predictions:submission_video_file", args=[video.pk, kind]))
    return {kind: build(kind) for kind, (field, _) in VIDEO_FILES.items() if getattr(video, field)}


def moments_of(comments: list[Any], video: Any) -> list[Any]:
    """The comments about a moment of this video, each with its place on the timeline (percent)."""
    if video is None or video.duration <= 0:
        return []
    found = [c for c in comments if c.at_seconds is not None and c.version_id == video.version_id]
    for comment in found:
        comment.position = max(0.0, min(100.0, 100 * comment.at_seconds / video.duration))
    return found


# --- processing (the ml queue) --------------------------------------------------------------------------------------


def submission_video_process(*, video_id: int) -> None:
    """Claim and process a version's video; on success its score is queued, on failure both carry the reason."""
    from predictions.campaigns.models import SubmissionVideo, VersionScore

    if not SubmissionVideo.claim(video_id):
        return
    with job_heartbeat(SubmissionVideo, video_id):
        video = SubmissionVideo.objects.select_related("version", "version__submission").get(pk=video_id)
        score_id = VersionScore.objects.filter(version_id=video.version_id).values_list("pk", flat=True).first()
        try:
            _process(video)
        except Exception as error:
            if isinstance(error, ApplicationError):
                reason = f"{video.original_name or 'The video'} could not be processed: {error.message}."
            else:
                logger.exception("processing video %s failed", video_id)
                reason = f"Processing the video failed: {type(error).__name__}: {error}"
            _forget_files(video)  # a file that cannot be decoded is not kept
            SubmissionVideo.fail(video_id, reason)
            if score_id is not None:
                VersionScore.fail(score_id, reason)
            return
        SubmissionVideo.finish(video_id)
    if score_id is not None:
        from predictions.campaigns.tasks import enqueue_scoring

        enqueue_scoring(score_id)


def _process(video: Any) -> None:
    from ml import services as ml
    from predictions.campaigns.models import SubmissionVideo

    SubmissionVideo.report_progress(video.pk, done=0, total=100)
    folder = tempfile.mkdtemp(prefix="draft-video-")
    try:
        features = ml.video_process(
            video.original.path,
            folder,
            on_progress=lambda share: SubmissionVideo.report_progress(video.pk, done=int(share * 100), total=100),
        )
        stem = Path(video.original.name).stem[:60] or "video"
        for field_name, made, file_name in (
            ("rendition", "rendition.mp4", f"{stem}-web.mp4"),
            ("poster", "poster.jpg", f"{stem}-poster.jpg"),
            ("strip", "strip.jpg", f"{stem}-strip.jpg"),
        ):
            source = Path(folder) / made
            if source.exists():
                with source.open("rb") as handle:
                    getattr(video, field_name).save(file_name, File(handle), save=False)
        SubmissionVideo.objects.filter(pk=video.pk).update(
            rendition=video.rendition.name, poster=video.poster.name, strip=video.strip.name, features=features
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _forget_files(video: Any) -> None:
    from predictions.campaigns.models import SubmissionVideo

    for name in ("original", "rendition", "poster", "strip"):
        field_file = getattr(video, name)
        if field_file:
            field_file.delete(save=False)
    SubmissionVideo.objects.filter(pk=video.pk).update(original="", rendition="", poster="", strip="")


def video_checks(features: dict[str, Any]) -> list[dict[str, str]]:
    """What the video does, in words a creator acts on: the hook, the pace, the sound and the frame. Measured on the
    file (ml.engine.video); descriptive, not part of the views model (its training data has no pictures)."""
    if not features:
        return []
    checks = []
    face = features.get("first_face_seconds")
    if face is None:
        checks.append(
            {
                "kind": "hook",
                "ok": "no",
                "text": "No face in the first 3 seconds: the hook rests on the picture and text alone.",
            }
        )
    elif face <= 1.0:
        checks.append({"kind": "hook", "ok": "yes", "text": f"A face in the first second ({face:.1f} s)."})
    else:
        checks.append(
            {"kind": "hook", "ok": "so-so", "text": f"The first face appears at {face:.1f} s, after the first second."}
        )
    pace = float(features.get("cuts_per_10s") or 0.0)
    checks.append(
        {
            "kind": "pace",
            "ok": "yes" if pace >= 1 else "so-so",
            "text": f"{features.get('cuts', 0)} cut{'s' if features.get('cuts') != 1 else ''} ({pace:.1f} per 10 s).",
        }
    )
    if not features.get("has_audio"):
        checks.append(
            {"kind": "sound", "ok": "no", "text": "No sound track: most viewers watch with sound on TikTok and Reels."}
        )
    elif features.get("loudness_dbfs") is not None and features["loudness_dbfs"] < -30:
        checks.append(
            {"kind": "sound", "ok": "so-so", "text": f"Quiet sound ({features['loudness_dbfs']:.0f} dBFS on average)."}
        )
    else:
        loud = features.get("loudness_dbfs")
        checks.append(
            {
                "kind": "sound",
                "ok": "yes",
                "text": "Sound present" + (f" ({loud:.0f} dBFS on average)." if loud is not None else "."),
            }
        )
    return checks


def video_ready(video: Any) -> bool:
    return video is not None and video.status == JobStatus.DONE and bool(video.rendition)
