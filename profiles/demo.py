"""Demo data for `manage.py seed_demo`: real Instagram accounts from the shipped dataset, the most followed linked.
Idempotent."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from django.conf import settings

from accounts.models import Organization
from config.errors import ApplicationError
from profiles.importers import ImportResult
from profiles.models import Platform, Profile
from profiles.services import profiles_import

DEMO_DATASET = Path(settings.BASE_DIR) / "ml" / "datasets" / "ig-influencer-posts-2019" / "profiles_slim.jsonl"
# TikTok creators (UCLA DataRes scrape, November 2020) and YouTube channels (real yt-dlp and Data API files).
DEMO_TIKTOK = Path(settings.BASE_DIR) / "ml" / "datasets" / "tiktok-videos-datares-2020" / "demo_tiktok.csv"
DEMO_YOUTUBE = Path(settings.BASE_DIR) / "ml" / "datasets" / "youtube-samples"
DEMO_PROFILES = 300
DEMO_LINKED = 40


def _import_as_a_job(organization: Organization, content: str) -> ImportResult:
    """Import the demo file the way an upload is imported (an ImportJob the profiles page lists with its result), run
    here rather than queued; a second run imports it again in place (nothing new) without another job."""
    from django.core.files.base import ContentFile
    from django.utils import timezone

    from accounts.models import Membership
    from accounts.roles import Role
    from config.jobs import JobStatus
    from profiles.models import ImportJob
    from profiles.services import import_job_run

    if ImportJob.objects.filter(organization=organization, original_name=DEMO_DATASET.name).exists():
        with tempfile.TemporaryDirectory() as folder:
            subset = Path(folder) / DEMO_DATASET.name
            subset.write_text(content, encoding="utf-8")
            return profiles_import(organization=organization, paths=[subset], fmt="instagram-graphql")
    owner = Membership.objects.filter(organization=organization, role=Role.OWNER).order_by("pk").first()
    job = ImportJob(
        organization=organization,
        created_by=owner.user if owner else None,
        original_name=DEMO_DATASET.name,
        format="instagram-graphql",
        result={"link": False},
        status=JobStatus.RUNNING,
        started_at=timezone.now(),
    )
    job.file.save(DEMO_DATASET.name, ContentFile(content.encode("utf-8")), save=False)
    job.save()
    import_job_run(job_id=job.pk)
    job.refresh_from_db()
    if job.status != JobStatus.DONE:
        raise ApplicationError(f"The demo import failed: {job.error}")
    return ImportResult(**{k: v for k, v in job.result.items() if k in ImportResult.__dataclass_fields__})


def demo_profiles_load(*, organization: Organization, stdout: Any = None) -> ImportResult:
    """Load the first few hundred real accounts of the shipped 2019 Instagram dataset into the demo agency and
    link the most followed of them. Idempotent: a second run creates and updates nothing."""
    if not DEMO_DATASET.exists():
        raise ApplicationError(f"The demo dataset is missing: {DEMO_DATASET}")
    with DEMO_DATASET.open(encoding="utf-8") as source:
        lines = [line for _, line in zip(range(DEMO_PROFILES), source, strict=False)]
    result = _import_as_a_job(organization, "".join(lines))
    handles = [line.split('"username": "', 1)[1].split('"', 1)[0] for line in lines if '"username": "' in line]
    top = (
        Profile.objects.filter(organization=organization, platform=Platform.INSTAGRAM, handle__in=handles)
        .order_by("-followers_count")
        .values_list("pk", flat=True)[:DEMO_LINKED]
    )
    Profile.objects.filter(pk__in=list(top), is_linked=False).update(is_linked=True)
    if stdout is not None:
        stdout.write(
            f"  Profiles: {result.profiles} Instagram accounts with {result.posts} posts from "
            f"ig-influencer-posts-2019 ({result.created} new rows), {DEMO_LINKED} linked\n"
        )
    return result


def demo_video_profiles_load(*, organization: Organization, stdout: Any = None) -> ImportResult:
    """Link the demo's TikTok creators and YouTube channels (ml/datasets: demo_tiktok.csv, youtube-samples/), imported
    through the same importer as an upload. Idempotent."""
    paths = [DEMO_TIKTOK, DEMO_YOUTUBE]
    missing = [str(path) for path in paths if not path.exists()]
    if missing:
        raise ApplicationError(f"The demo video datasets are missing: {', '.join(missing)}")
    result = profiles_import(organization=organization, paths=paths, fmt="auto", link=True)
    if stdout is not None:
        counts = {
            platform: Profile.objects.filter(organization=organization, platform=platform, is_linked=True).count()
            for platform in (Platform.TIKTOK, Platform.YOUTUBE)
        }
        stdout.write(
            f"  Video creators: {counts[Platform.TIKTOK]} TikTok accounts and {counts[Platform.YOUTUBE]} YouTube "
            f"channels linked, {result.posts} videos\n"
        )
    return result
