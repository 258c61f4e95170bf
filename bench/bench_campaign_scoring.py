"""Campaign review speed on a warm process: upload validation and scoring a submission version end to end.

    HF_HUB_OFFLINE=1 python bench/bench_campaign_scoring.py [--runs 20]

1. Upload: validating one 1080×1080 JPEG (Pillow header checks, verify, full decode, EXIF transpose, re-encode)
   against the naive baseline of storing the bytes unchecked.
2. Scoring: `version_score_run` (what the `ml` worker runs per new version: engine call, faces preview drawn and
   stored, progress and result rows written) against the baseline of calling the engine door
   `ml.likes.score_draft` alone — the difference is the workflow's own overhead.
Runs on a throw-away SQLite database and media folder (config.settings.test), with the shipped like model.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
WORK = Path(tempfile.mkdtemp(prefix="bench-campaigns-"))
os.environ["DATABASE_URL"] = f"sqlite:///{WORK / 'db.sqlite3'}"
os.environ["MEDIA_ROOT"] = str(WORK / "media")
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"

import django  # noqa: E402

django.setup()

from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.core.management import call_command  # noqa: E402
from PIL import Image, ImageDraw  # noqa: E402


def beach_jpeg() -> bytes:
    image = Image.effect_noise((1080, 1080), 40).convert("RGB")
    draw = ImageDraw.Draw(image)
    draw.ellipse([390, 330, 690, 690], fill=(240, 200, 170))
    draw.ellipse([465, 440, 505, 480], fill=(40, 40, 40))
    draw.ellipse([575, 440, 615, 480], fill=(40, 40, 40))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"p50 {statistics.median(ordered) * 1000:7.1f} ms   p95 {p95 * 1000:7.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    runs = parser.parse_args().runs
    call_command("migrate", verbosity=0)

    import datetime as dt

    from django.utils import timezone

    from accounts.models import Membership, Organization, User
    from accounts.roles import Role
    from config.jobs import JobStatus
    from ml.likes import score_draft
    from predictions.campaigns import services
    from predictions.campaigns.models import VersionScore
    from predictions.campaigns.scoring import version_score_run
    from predictions.campaigns.uploads import image_validate
    from profiles.models import Post, Profile

    data = beach_jpeg()
    upload_times, naive_times = [], []
    for index in range(runs):
        upload = SimpleUploadedFile("beach.jpg", data, content_type="image/jpeg")
        start = time.perf_counter()
        image_validate(upload=upload)
        upload_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        (WORK / f"naive-{index}.jpg").write_bytes(SimpleUploadedFile("beach.jpg", data).read())
        naive_times.append(time.perf_counter() - start)
    print(f"upload 1080x1080 JPEG ({len(data) / 1024:.0f} KiB), {runs} runs")
    print(f"  validated + re-encoded : {percentiles(upload_times)}")
    print(f"  naive (store unchecked): {percentiles(naive_times)}")

    organization = Organization.objects.create(name="Bench", slug="bench")
    owner = User.objects.create_user(email="owner@bench.local")
    ivy = User.objects.create_user(email="ivy@bench.local")
    Membership.objects.create(user=owner, organization=organization, role=Role.OWNER)
    Membership.objects.create(user=ivy, organization=organization, role=Role.INFLUENCER)
    profile = Profile.objects.create(
        organization=organization,
        platform="instagram",
        handle="ivy",
        is_linked=True,
        influencer=ivy,
        followers_count=52000,
        timezone="Europe/Berlin",
    )
    start_at = timezone.now() - dt.timedelta(days=60)
    for index in range(30):
        Post.objects.create(
            profile=profile,
            platform_id=str(index),
            caption=f"Post {index} #daily",
            taken_at=start_at + dt.timedelta(days=2 * index),
            likes=2000 + 37 * index,
        )
    campaign = services.campaign_create(
        user=owner,
        organization=organization,
        name="Bench",
        brand="B",
        starts_on=timezone.localdate(),
        ends_on=timezone.localdate() + dt.timedelta(days=7),  # the planned post (in 2 days) falls inside it
        influencers=[ivy],
    )
    caption = "Golden hour at the lake with @brand ☀️🌊 #summer #ad"
    planned = timezone.now() + dt.timedelta(days=2)
    # Test settings run Celery eagerly: creating the version scores it once (cold); the timed runs are warm.
    submission = services.submission_create(
        user=ivy,
        campaign=campaign,
        profile=profile,
        caption=caption,
        planned_at=planned,
        uploads=[SimpleUploadedFile("b.jpg", data)],
    )
    version = submission.versions.get()
    image_path = version.images.get().image.path
    score_draft(
        profile=profile, caption=caption, planned_at=planned, media_type="image", image_paths=[image_path]
    )  # warm: model, MiniLM and cascades loaded once per worker

    flow_times, door_times = [], []
    score = version.score
    for _ in range(runs):
        VersionScore.objects.filter(pk=score.pk).update(status=JobStatus.PENDING)
        start = time.perf_counter()
        version_score_run(score_id=score.pk)
        flow_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        score_draft(profile=profile, caption=caption, planned_at=planned, media_type="image", image_paths=[image_path])
        door_times.append(time.perf_counter() - start)
    score.refresh_from_db()
    assert score.status == JobStatus.DONE, score.error
    print(f"score one version (1080x1080 JPEG + caption), warm, {runs} runs, model {score.model_version}")
    print(
        f"  version_score_run (workflow)    : {percentiles(flow_times)}   throughput "
        f"{len(flow_times) / sum(flow_times):.1f}/s"
    )
    print(
        f"  ml.likes.score_draft alone      : {percentiles(door_times)}   throughput "
        f"{len(door_times) / sum(door_times):.1f}/s"
    )


if __name__ == "__main__":
    main()
