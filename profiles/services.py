"""Writes for linked profiles: linking, imports, fetch jobs, the agency's Instagram session, follower samples."""
from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlparse

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import Organization, User
from accounts.roles import Capability
from accounts.selectors import membership_require
from config.errors import ApplicationError
from config.jobs import JobStatus
from profiles.importers import FORMATS, ImportFormatError, ImportResult, import_records, parse_files
from profiles.models import FetchJob, FetchKind, ImportJob, Platform, Profile

INSTAGRAM_HOSTS = {"instagram.com", "www.instagram.com", "m.instagram.com", "instagr.am"}
X_HOSTS = {"x.com", "www.x.com", "twitter.com", "www.twitter.com", "mobile.twitter.com", "mobile.x.com"}
INSTAGRAM_HANDLE_RE = re.compile(r"^[a-z0-9._]{1,30}$")
X_HANDLE_RE = re.compile(r"^[a-z0-9_]{1,15}$")
# First path segments that are Instagram / X pages, not accounts.
RESERVED_PATHS = {"p", "reel", "reels", "explore", "stories", "accounts", "tv", "direct", "home", "search", "i",
                  "settings", "intent", "share", "hashtag", "messages", "notifications", "login", "signup"}


def profile_reference_parse(*, text: str, default_platform: str | None = None) -> tuple[str, str]:
    """(platform, handle) from an instagram.com / x.com / twitter.com URL or an @handle."""
    value = (text or "").strip()
    if not value:
        raise ApplicationError("Paste a profile URL (instagram.com, x.com or twitter.com) or an @handle.",
                               field="reference")
    lowered = value.lower()
    looks_like_url = "://" in value or "/" in value or lowered in INSTAGRAM_HOSTS | X_HOSTS
    if value.startswith("@") or not looks_like_url:
        handle = value.lstrip("@").lower()
        platform = default_platform
        if platform is None:
            raise ApplicationError(f"Choose a platform for @{handle}, or paste the full profile URL.",
                                   field="platform")
        return platform, _validated_handle(platform, handle)
    url = value if "://" in value else f"https://{value}"
    parsed = urlparse(url)
    host = (parsed.hostname or "").lower()
    if host in INSTAGRAM_HOSTS:
        platform = Platform.INSTAGRAM
    elif host in X_HOSTS:
        platform = Platform.X
    else:
        raise ApplicationError(f"{host or value!r} is not supported: paste an instagram.com, x.com or twitter.com "
                               "profile URL, or an @handle.", field="reference")
    segments = [segment for segment in parsed.path.split("/") if segment]
    if not segments or segments[0].lower() in RESERVED_PATHS:
        raise ApplicationError("That link is not a profile page. Paste the profile's own URL, e.g. "
                               "https://www.instagram.com/natgeo/ or https://x.com/nasa.", field="reference")
    return platform, _validated_handle(platform, segments[0].lstrip("@").lower())


def _validated_handle(platform: str, handle: str) -> str:
    pattern = INSTAGRAM_HANDLE_RE if platform == Platform.INSTAGRAM else X_HANDLE_RE
    if not pattern.match(handle) or (platform == Platform.INSTAGRAM and handle.strip(".") != handle):
        rule = ("1-30 letters, digits, '.' or '_'" if platform == Platform.INSTAGRAM
                else "1-15 letters, digits or '_'")
        raise ApplicationError(f"@{handle} is not a valid {Platform(platform).label} handle ({rule}).",
                               field="reference")
    return handle


def profile_link(*, user: User, organization: Organization, reference: str,
                 platform: str | None = None) -> tuple[Profile, bool]:
    """Link a profile to the agency (creating it, or promoting a discovered one). Returns (profile, created)."""
    membership_require(user=user, organization=organization, capability=Capability.MANAGE_DATA)
    if platform and platform not in Platform.values:
        raise ApplicationError("Platform must be instagram or x.", field="platform")
    platform, handle = profile_reference_parse(text=reference, default_platform=platform or None)
    with transaction.atomic():
        profile, created = Profile.objects.get_or_create(organization=organization, platform=platform,
                                                         handle=handle, defaults={"is_linked": True})
        if not created and not profile.is_linked:
            profile.is_linked = True
            profile.save(update_fields=["is_linked", "updated_at"])
        if integration_enabled(platform=platform):
            fetch_job = FetchJob.objects.create(organization=organization, profile=profile, kind=FetchKind.PROFILE,
                                                requested_by=user)
            transaction.on_commit(lambda: _enqueue_fetch(fetch_job.pk))
    return profile, created


def profile_unlink(*, user: User, profile: Profile) -> None:
    membership_require(user=user, organization=profile.organization_id, capability=Capability.MANAGE_DATA)
    Profile.objects.filter(pk=profile.pk).update(is_linked=False, updated_at=timezone.now())


def integration_enabled(*, platform: str) -> bool:
    """Instagram fetching needs the session encryption key; X needs the API bearer token."""
    if platform == Platform.INSTAGRAM:
        return bool(settings.INSTAGRAM_SESSION_KEY)
    return bool(settings.X_BEARER_TOKEN)


# --- imports -------------------------------------------------------------------------------------------------------

def _followers_target(organization: Organization, reference: str | Profile | None,
                      platform: str | None) -> Profile | None:
    if reference is None or reference == "":
        return None
    if isinstance(reference, Profile):
        return reference
    handle = reference.strip().lstrip("@").lower()
    candidates = Profile.objects.filter(organization=organization, handle=handle, is_linked=True)
    if platform:
        candidates = candidates.filter(platform=platform)
    found = list(candidates[:2])
    if not found:
        raise ApplicationError(f"--followers-of: @{handle} is not a linked profile of {organization}.",
                               field="followers_of")
    if len(found) > 1:
        raise ApplicationError(f"--followers-of: @{handle} is linked on both platforms; pass --platform.",
                               field="followers_of")
    return found[0]


def profiles_import(*, organization: Organization, paths: list[Path], fmt: str = "auto", link: bool = False,
                    followers_of: str | Profile | None = None, followers_platform: str | None = None,
                    on_progress: Callable[[int, int], None] | None = None) -> ImportResult:
    """Parse every file first (nothing is written if one is malformed), then upsert all in one transaction."""
    if fmt != "auto" and fmt not in FORMATS:
        raise ApplicationError(f"Unknown format {fmt!r}; choose one of {', '.join(FORMATS)} or auto.", field="format")
    target = _followers_target(organization, followers_of, followers_platform)
    try:
        files = parse_files(paths, fmt=fmt)
    except ImportFormatError as exc:
        raise ApplicationError(f"Import rejected, nothing was written. {exc}", code="bad_import_file",
                               extra={"file": exc.file, "line": exc.line, "field": exc.field}) from exc
    if not any(parsed.profiles or parsed.posts for parsed in files):
        raise ApplicationError("Import rejected: the files contain no profiles or posts.", code="bad_import_file")
    if target is not None:
        foreign = {record.platform for parsed in files for record in parsed.profiles} - {target.platform}
        if foreign:
            raise ApplicationError(f"Import rejected: followers of @{target.handle} must be "
                                   f"{target.get_platform_display()} accounts.", code="bad_import_file")
    try:
        return import_records(organization=organization, files=files, link=link and target is None,
                              followers_of=target, on_progress=on_progress)
    except IntegrityError as exc:
        raise ApplicationError(f"Import rejected, nothing was written: conflicting rows ({exc}).",
                               code="bad_import_file") from exc


def import_job_create(*, user: User, organization: Organization, upload: UploadedFile, fmt: str = "auto",
                      link: bool = True, followers_of: Profile | None = None) -> ImportJob:
    membership_require(user=user, organization=organization, capability=Capability.MANAGE_DATA)
    if fmt != "auto" and fmt not in FORMATS:
        raise ApplicationError(f"Unknown format {fmt!r}.", field="format")
    if followers_of is not None and followers_of.organization_id != organization.pk:
        raise ApplicationError("Choose one of your agency's linked profiles.", field="followers_of")
    name = Path(upload.name or "upload").name[:200]
    with transaction.atomic():
        job = ImportJob(organization=organization, created_by=user, original_name=name, format=fmt,
                        followers_of=followers_of, result={"link": bool(link)})
        job.file.save(name, upload, save=False)
        job.save()
        transaction.on_commit(lambda: _enqueue_import(job.pk))
    return job


def import_job_run(*, job_id: int) -> None:
    """Run a claimed import job; a bad file marks it FAILED with the readable reason."""
    job = ImportJob.objects.get(pk=job_id)

    def on_progress(done: int, total: int) -> None:
        ImportJob.report_progress(job_id, done=done, total=total)

    try:
        result = profiles_import(organization=job.organization, paths=[Path(job.file.path)], fmt=job.format,
                                 link=bool(job.result.get("link")), followers_of=job.followers_of,
                                 on_progress=on_progress)
    except ApplicationError as exc:
        ImportJob.fail(job_id, exc.message.replace(Path(job.file.path).name, job.original_name))
        return
    ImportJob.objects.filter(pk=job_id).update(result={**job.result, **result.as_dict()})
    ImportJob.finish(job_id)


def _enqueue_import(job_id: int) -> None:
    from profiles.tasks import import_file

    import_file.delay(job_id)


def _enqueue_fetch(job_id: int) -> None:
    from profiles.tasks import fetch_profile

    fetch_profile.delay(job_id)


__all__ = ["JobStatus"]
