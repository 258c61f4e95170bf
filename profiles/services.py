"""Writes for linked profiles: linking, imports, fetch jobs, the agency's Instagram session, follower samples."""

from __future__ import annotations

import importlib
import time
import uuid
from collections.abc import Callable
from datetime import timedelta
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from accounts.models import Organization, User
from accounts.roles import Capability
from accounts.selectors import membership_require
from config.errors import ApplicationError
from config.jobs import JobStatus, after_commit
from profiles.fetchers.errors import IntegrationDisabled
from profiles.importers import FORMATS, ImportFormatError, ImportResult, import_records, parse_files
from profiles.importers.records import ParsedFile, ProfileRecord
from profiles.models import FetchJob, FetchKind, ImportJob, Profile
from profiles.platforms import PLATFORMS, platform_for_host, platform_get, platform_names

FOLLOWER_SAMPLE_REUSE = timedelta(hours=24)


def profile_reference_parse(*, text: str, default_platform: str | None = None) -> tuple[str, str]:
    """(platform, handle) from a profile URL of any platform in the registry (profiles.platforms) or an @handle."""
    hosts = ", ".join(sorted({min(spec.hosts, key=len) for spec in PLATFORMS.values()}))
    value = (text or "").strip()
    if not value:
        raise ApplicationError(f"Paste a profile URL ({hosts}) or an @handle.", field="reference")
    lowered = value.lower()
    looks_like_url = "://" in value or "/" in value or platform_for_host(lowered) is not None
    if value.startswith("@") or not looks_like_url:
        if default_platform is None:
            handle = value.lstrip("@").lower()
            raise ApplicationError(f"Choose a platform for @{handle}, or paste the full profile URL.", field="platform")
        return default_platform, _validated_handle(default_platform, platform_get(default_platform).normalize(value))
    url = value if "://" in value else f"https://{value}"
    parsed = urlparse(url)
    host = (parsed.hostname or "").lower()
    spec = platform_for_host(host)
    if spec is None:
        raise ApplicationError(
            f"{host or value!r} is not supported: paste a profile URL ({hosts}), or an @handle.", field="reference"
        )
    found = spec.handle_from_path([segment for segment in parsed.path.split("/") if segment])
    if found is None:
        examples = " or ".join(spec.example_urls)
        raise ApplicationError(
            f"That link is not a profile page. Paste the profile's own URL, e.g. {examples}.",
            field="reference",
        )
    return spec.key, _validated_handle(spec.key, spec.normalize(found))


def _validated_handle(platform: str, handle: str) -> str:
    spec = platform_get(platform)
    if spec.handle_problem(handle) is not None:
        raise ApplicationError(
            f"@{handle} is not a valid {spec.short_label} handle ({spec.handle_rule}).", field="reference"
        )
    return handle


def profile_link(
    *, user: User, organization: Organization, reference: str, platform: str | None = None
) -> tuple[Profile, bool]:
    """Link a profile to the agency (creating it, or promoting a discovered one). Returns (profile, created)."""
    membership_require(user=user, organization=organization, capability=Capability.MANAGE_DATA)
    if platform and platform not in PLATFORMS:
        raise ApplicationError(f"Platform must be {platform_names()}.", field="platform")
    platform, handle = profile_reference_parse(text=reference, default_platform=platform or None)
    with transaction.atomic():
        profile, created = Profile.objects.get_or_create(
            organization=organization, platform=platform, handle=handle, defaults={"is_linked": True}
        )
        if not created and not profile.is_linked:
            profile.is_linked = True
            profile.save(update_fields=["is_linked", "updated_at"])
        if integration_enabled(platform=platform):
            fetch_job = FetchJob.objects.create(
                organization=organization, profile=profile, kind=FetchKind.PROFILE, requested_by=user
            )
            after_commit(lambda: _enqueue_fetch(fetch_job.pk))
    return profile, created


def creator_accounts_join(*, user: User, profile: Profile, other: Profile) -> list[Profile]:
    """Record that `profile` and `other` are the same creator (their accounts on several platforms): the two groups
    they are in become one. Returns the creator's accounts."""
    membership_require(user=user, organization=profile.organization_id, capability=Capability.MANAGE_DATA)
    if other.organization_id != profile.organization_id:
        raise ApplicationError("Choose one of your agency's profiles.", field="other")
    if other.pk == profile.pk:
        raise ApplicationError("Choose another account of this creator.", field="other")
    with transaction.atomic():
        rows = {row.pk: row for row in Profile.objects.select_for_update().filter(pk__in=[profile.pk, other.pk])}
        key = rows[profile.pk].creator_key or rows[other.pk].creator_key or uuid.uuid4()
        joined = {k for k in (rows[profile.pk].creator_key, rows[other.pk].creator_key) if k}
        Profile.objects.filter(organization_id=profile.organization_id, creator_key__in=joined).update(creator_key=key)
        Profile.objects.filter(pk__in=[profile.pk, other.pk]).update(creator_key=key)
    return list(Profile.objects.filter(organization_id=profile.organization_id, creator_key=key).order_by("platform"))


def creator_accounts_leave(*, user: User, profile: Profile) -> None:
    """`profile` is not this creator's account after all: it leaves the group (a group of one is no group)."""
    membership_require(user=user, organization=profile.organization_id, capability=Capability.MANAGE_DATA)
    key = profile.creator_key
    if key is None:
        return
    with transaction.atomic():
        Profile.objects.filter(pk=profile.pk).update(creator_key=None)
        rest = Profile.objects.filter(organization_id=profile.organization_id, creator_key=key)
        if rest.count() == 1:
            rest.update(creator_key=None)


def profile_unlink(*, user: User, profile: Profile) -> None:
    membership_require(user=user, organization=profile.organization_id, capability=Capability.MANAGE_DATA)
    Profile.objects.filter(pk=profile.pk).update(is_linked=False, updated_at=timezone.now())


def integration_enabled(*, platform: str) -> bool:
    """Whether this server fetches from `platform`: one of its fetchers has its setting set (Instagram: the session
    encryption key; X: the API bearer token; YouTube: an API key or yt-dlp; TikTok: Research API keys or yt-dlp)."""
    return bool(platform_get(platform).active_fetcher())


# --- imports -------------------------------------------------------------------------------------------------------


def _export_owner(owner: str | None, platform: str | None) -> tuple[str, str] | None:
    """(platform, handle) of --owner: the account a platform's data export belongs to (its files do not say)."""
    if not owner:
        return None
    if not platform:
        raise ApplicationError("Choose the platform of the export's owner (--platform).", field="owner_platform")
    if platform not in PLATFORMS:
        raise ApplicationError(f"Platform must be {platform_names()}.", field="owner_platform")
    return platform, _validated_handle(platform, platform_get(platform).normalize(owner))


def _followers_target(
    organization: Organization, reference: str | Profile | None, platform: str | None
) -> Profile | None:
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
        raise ApplicationError(
            f"--followers-of: @{handle} is not a linked profile of {organization}.", field="followers_of"
        )
    if len(found) > 1:
        raise ApplicationError(
            f"--followers-of: @{handle} is linked on both platforms; pass --platform.", field="followers_of"
        )
    return found[0]


def profiles_import(
    *,
    organization: Organization,
    paths: list[Path],
    fmt: str = "auto",
    link: bool = False,
    followers_of: str | Profile | None = None,
    followers_platform: str | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    on_writing: Callable[[int, int], None] | None = None,
    display_name: str | None = None,
    owner: str | None = None,
    owner_platform: str | None = None,
) -> ImportResult:
    """Parse and validate every file first (nothing is written if one is malformed; `on_progress` reports the
    parsing as it goes, outside any transaction), then upsert all in one transaction (`on_writing` is told the
    profile and post counts just before)."""
    if fmt != "auto" and fmt not in FORMATS:
        raise ApplicationError(f"Unknown format {fmt!r}; choose one of {', '.join(FORMATS)} or auto.", field="format")
    started = time.perf_counter()
    target = _followers_target(organization, followers_of, followers_platform)
    export_owner = _export_owner(owner, owner_platform)
    try:
        names = {paths[0]: display_name} if display_name is not None and len(paths) == 1 else None
        files = parse_files(paths, fmt=fmt, on_progress=on_progress, names=names, owner=export_owner)
    except ImportFormatError as exc:
        raise ApplicationError(
            f"Import rejected, nothing was written. {exc.message}", code="bad_import_file", extra=exc.extra
        ) from exc
    skipped = [f"{parsed.name} ({parsed.skipped})" for parsed in files if parsed.skipped]
    if all(parsed.is_empty for parsed in files):
        detail = f" Skipped: {'; '.join(skipped)}." if skipped else ""
        raise ApplicationError(
            f"Import rejected: the files contain no profiles or posts.{detail}", code="bad_import_file"
        )
    if target is None and any(parsed.is_follower_list for parsed in files):
        listed = next(parsed.name for parsed in files if parsed.is_follower_list)
        raise ApplicationError(
            f"Import rejected, nothing was written. {listed} is a list of followers and does not say whose: import "
            "it with --followers-of @handle (on the upload form: 'Followers of').",
            code="bad_import_file",
        )
    if target is not None:
        foreign = {record.platform for parsed in files for record in parsed.iter_profiles()} - {target.platform}
        if foreign:
            raise ApplicationError(
                f"Import rejected: followers of @{target.handle} must be {target.get_platform_display()} accounts.",
                code="bad_import_file",
            )
    if on_writing is not None:
        # A large file's records wait on disk: they are counted as read (a repeat counts twice until written).
        on_writing(
            len({r.key for parsed in files for r in parsed.profiles}) + sum(parsed.spilled[0] for parsed in files),
            sum(len(parsed.posts) + parsed.spilled[1] for parsed in files),
        )
    try:
        result = import_records(
            organization=organization, files=files, link=link and target is None, followers_of=target
        )
    except ImportFormatError as exc:
        raise ApplicationError(
            f"Import rejected, nothing was written. {exc.message}", code="bad_import_file", extra=exc.extra
        ) from exc
    except IntegrityError as exc:
        raise ApplicationError(
            f"Import rejected, nothing was written: conflicting rows ({exc}).", code="bad_import_file"
        ) from exc
    finally:
        for parsed in files:  # a large file's spool: its temporary file goes now, not at garbage collection
            parsed.close()
    result.seconds = time.perf_counter() - started  # parse + write
    result.skipped = skipped
    return result


def import_job_create(
    *,
    user: User,
    organization: Organization,
    upload: UploadedFile,
    fmt: str = "auto",
    link: bool = True,
    followers_of: Profile | None = None,
    owner: str | None = None,
    owner_platform: str | None = None,
) -> ImportJob:
    membership_require(user=user, organization=organization, capability=Capability.MANAGE_DATA)
    export_owner = _export_owner(owner, owner_platform)  # refused before the file is stored
    if fmt != "auto" and fmt not in FORMATS:
        raise ApplicationError(f"Unknown format {fmt!r}.", field="format")
    if followers_of is not None and followers_of.organization_id != organization.pk:
        raise ApplicationError("Choose one of your agency's linked profiles.", field="followers_of")
    name = Path(upload.name or "upload").name[:200]
    if upload.size and upload.size > settings.PROFILES_IMPORT_MAX_BYTES:
        raise ApplicationError(
            f"{name} is larger than {settings.PROFILES_IMPORT_MAX_BYTES // (1024 * 1024)} MB; "
            "import it with manage.py import_profiles instead.",
            field="file",
        )
    with transaction.atomic():
        job = ImportJob(
            organization=organization,
            created_by=user,
            original_name=name,
            format=fmt,
            followers_of=followers_of,
            result={"link": bool(link), **({"owner": list(export_owner)} if export_owner else {})},
        )
        job.file.save(name, upload, save=False)
        job.save()
        after_commit(lambda: _enqueue_import(job.pk))
    return job


def import_job_run(*, job_id: int) -> None:
    """Run a claimed import job. Parsing reports progress and beats on the row as it goes (outside the write
    transaction, so the page sees it); any failure marks the job FAILED with a readable reason."""
    job = ImportJob.objects.get(pk=job_id)
    last_beat = [0.0]

    def on_progress(done: int, total: int) -> None:
        # Parsing is the first 90% of the bar; the single write transaction is the rest.
        now = time.monotonic()
        if now - last_beat[0] >= 0.5 or done >= total:
            last_beat[0] = now
            ImportJob.report_progress(job_id, done=(done * 9) // 10, total=total)

    def on_writing(profiles: int, posts: int) -> None:
        job.result = {**job.result, "stage": "writing", "writing": {"profiles": profiles, "posts": posts}}
        ImportJob.objects.filter(pk=job_id).update(result=job.result, heartbeat_at=timezone.now())

    try:
        result = profiles_import(
            organization=job.organization,
            paths=[Path(job.file.path)],
            fmt=job.format,
            link=bool(job.result.get("link")),
            followers_of=job.followers_of,
            on_progress=on_progress,
            on_writing=on_writing,
            display_name=job.original_name,
            owner=(job.result.get("owner") or [None, None])[1],
            owner_platform=(job.result.get("owner") or [None, None])[0],
        )
    except ApplicationError as exc:
        ImportJob.fail(job_id, exc.message)
        return
    except Exception as exc:  # never a job left RUNNING: the row says what happened
        ImportJob.fail(job_id, f"Import failed ({type(exc).__name__}: {str(exc)[:300]}). Nothing was written.")
        raise
    ImportJob.objects.filter(pk=job_id).update(
        result={**job.result, **result.as_dict(), "stage": "done"}, progress_done=F("progress_total")
    )
    ImportJob.finish(job_id)


def _enqueue_import(job_id: int) -> None:
    from profiles.tasks import import_file

    import_file.delay(job_id)


def _enqueue_fetch(job_id: int) -> None:
    from profiles.tasks import fetch_job

    fetch_job.delay(job_id)


# --- fetching ------------------------------------------------------------------------------------------------------


def fetch_job_create(
    *, user: User, profile: Profile, kind: str = FetchKind.PROFILE, follower_limit: int | None = None
) -> FetchJob:
    membership_require(user=user, organization=profile.organization_id, capability=Capability.MANAGE_DATA)
    if not integration_enabled(platform=profile.platform):
        raise IntegrationDisabled(
            f"{profile.get_platform_display()} fetching is off on this server "
            f"({_integration_key(profile.platform)} is not set). Import files instead."
        )
    if kind not in FetchKind.values:
        raise ApplicationError("Unknown fetch kind.", field="kind")
    limit = follower_limit if follower_limit is not None else settings.PROFILES_FOLLOWER_SAMPLE
    if kind == FetchKind.FOLLOWERS and not 1 <= limit <= 10000:
        raise ApplicationError("Follower sample size must be between 1 and 10,000.", field="follower_limit")
    active = FetchJob.objects.filter(
        profile=profile, kind=kind, status__in=[JobStatus.PENDING, JobStatus.RUNNING, JobStatus.WAITING]
    ).first()
    if active is not None:
        return active
    with transaction.atomic():
        job = FetchJob.objects.create(
            organization_id=profile.organization_id,
            profile=profile,
            kind=kind,
            follower_limit=limit if kind == FetchKind.FOLLOWERS else 0,
            requested_by=user,
        )
        after_commit(lambda: _enqueue_fetch(job.pk))
    return job


def _integration_key(platform: str) -> str:
    return platform_get(platform).fetch_settings or "no fetcher yet"


def profile_fetch(*, profile: Profile) -> dict[str, object]:
    """Fetch a linked profile and its recent posts from the platform API and upsert them (new snapshot each time)."""
    if not integration_enabled(platform=profile.platform):
        raise IntegrationDisabled(f"{profile.get_platform_display()} fetching is off on this server.")
    fetcher = _fetcher(profile.platform)
    parsed, is_private = fetcher.platform_profile_fetch(
        profile.organization, profile.handle, post_limit=settings.PROFILES_RECENT_POSTS, platform=profile.platform
    )
    result = import_records(organization=profile.organization, files=[parsed], always_snapshot=True)
    Profile.objects.filter(pk=profile.pk).update(last_fetched_at=timezone.now(), last_source="api")
    return {**result.as_dict(), "private": is_private}


def followers_fetch(
    *,
    profile: Profile,
    limit: int,
    on_progress: Callable[[int, int], None] | None = None,
    judged_from_list: Callable[[ProfileRecord], bool] | None = None,
) -> int:
    """Fetch up to `limit` followers of a linked profile through its platform's fetcher, under the shared limiter.

    Upserts each follower as a Profile (followers/following/posts counts, bio, verified, avatar...) and a
    Relation(kind=FOLLOWS, source=follower, target=profile). Resumable: the iterator state is saved after every
    batch, so calling again after RateLimited (or a crash) continues where it stopped; upserts never duplicate.
    A sample completed in the last 24 hours with at least `limit` followers is reused without requests.
    Instagram, `judged_from_list` (staged audits): followers it accepts from their list entry are stored as the
    list gave them (no counts), without a profile request each.
    Returns how many followers this sample holds. Raises RateLimited (with retry_at) when the platform says wait,
    LoginRequired / PrivateProfile / ProfileNotFound / IntegrationDisabled otherwise."""
    from profiles.models import FollowerCursor

    if limit < 1:
        raise ApplicationError("The follower sample size must be at least 1.", field="limit")
    if not profile.is_linked:
        raise ApplicationError(f"@{profile.handle} is not a linked profile.")
    if not integration_enabled(platform=profile.platform):
        raise IntegrationDisabled(
            f"{profile.get_platform_display()} fetching is off on this server "
            f"({_integration_key(profile.platform)} is not set); import a follower list "
            "with import_profiles --followers-of instead."
        )
    cursor, _ = FollowerCursor.objects.get_or_create(profile=profile)
    fresh = timezone.now() - cursor.updated_at < FOLLOWER_SAMPLE_REUSE
    resumable = bool(cursor.state.get("frozen") or cursor.state.get("next_token"))
    if cursor.fetched and fresh and (cursor.fetched >= limit or cursor.finished) and cursor.fetched:
        if on_progress:
            on_progress(cursor.fetched, cursor.fetched)
        return cursor.fetched
    if not (resumable and not cursor.finished and cursor.fetched < limit):
        cursor.state, cursor.fetched, cursor.finished, cursor.started_at = {}, 0, False, timezone.now()
    cursor.target = limit
    cursor.save()

    def on_batch(records: list[ProfileRecord], state: dict[str, object]) -> None:
        if records:
            parsed = ParsedFile(f"{profile.get_platform_display()} followers", source="api")
            parsed.profiles.extend(records)
            import_records(organization=profile.organization, files=[parsed], followers_of=profile)
        cursor.fetched = min(limit, cursor.fetched + len(records))
        cursor.state = state
        cursor.finished = bool(state.get("finished"))
        cursor.save(update_fields=["fetched", "state", "finished", "updated_at"])
        if on_progress:
            on_progress(cursor.fetched, limit)

    _fetcher(profile.platform).platform_followers_fetch(
        profile.organization,
        handle=profile.handle,
        platform_id=profile.platform_id,
        state=cursor.state,
        wanted=limit - cursor.fetched,
        on_batch=on_batch,
        judged_from_list=judged_from_list,
    )
    return cursor.fetched


def _fetcher(platform: str) -> Any:
    """The fetcher module `platform` uses on this server (PlatformSpec.active_fetcher), imported when first needed
    (the clients are slow to import)."""
    module = platform_get(platform).active_fetcher()
    if not module:
        raise IntegrationDisabled(f"{platform_get(platform).label} fetching is off on this server.")
    return importlib.import_module(module)


def fetch_job_run(*, job_id: int) -> None:
    """Run a claimed fetch job. Fetch errors propagate to the task (RateLimited is retried, others fail the job)."""
    job = FetchJob.objects.select_related("profile__organization").get(pk=job_id)
    FetchJob.objects.filter(pk=job_id).update(attempts=job.attempts + 1)
    if job.kind == FetchKind.FOLLOWERS:
        count = followers_fetch(
            profile=job.profile,
            limit=job.follower_limit,
            on_progress=lambda done, total: FetchJob.report_progress(job_id, done=done, total=total),
        )
        result: dict[str, object] = {"followers": count}
    else:
        FetchJob.report_progress(job_id, done=0, total=1)
        result = profile_fetch(profile=job.profile)
        FetchJob.report_progress(job_id, done=1, total=1)
    FetchJob.objects.filter(pk=job_id).update(result=result)
    FetchJob.finish(job_id)


def linked_profiles_refresh() -> int:
    """Queue a profile fetch for every linked profile whose platform integration is on (the daily beat task)."""
    queued = 0
    for profile in Profile.objects.filter(is_linked=True).select_related("organization"):
        if not integration_enabled(platform=profile.platform):
            continue
        busy = FetchJob.objects.filter(
            profile=profile,
            kind=FetchKind.PROFILE,
            status__in=[JobStatus.PENDING, JobStatus.RUNNING, JobStatus.WAITING],
        ).exists()
        if busy:
            continue
        job = FetchJob.objects.create(organization_id=profile.organization_id, profile=profile, kind=FetchKind.PROFILE)
        after_commit(partial(_enqueue_fetch, job.pk))
        queued += 1
    return queued


def waiting_fetches_resume() -> int:
    """Re-queue WAITING fetch jobs whose wait ended a while ago (their retry message was lost or never sent)."""
    overdue = FetchJob.objects.filter(status=JobStatus.WAITING, waiting_until__lt=timezone.now() - timedelta(minutes=2))
    ids = list(overdue.values_list("pk", flat=True))
    for pk in ids:
        _enqueue_fetch(pk)
    return len(ids)


def instagram_session_save(
    *, user: User, organization: Organization, username: str, sessionid: str, csrftoken: str = ""
) -> None:
    """Store the agency's Instagram session (encrypted) for fetches that need a login (followers)."""
    from profiles.fetchers import sessions

    membership_require(user=user, organization=organization, capability=Capability.MANAGE_DATA)
    cookies = {"sessionid": sessionid.strip()}
    if csrftoken.strip():
        cookies["csrftoken"] = csrftoken.strip()
    sessions.session_store(organization=organization, username=username, cookies=cookies)


def instagram_session_delete(*, user: User, organization: Organization) -> None:
    from profiles.models import InstagramSession

    membership_require(user=user, organization=organization, capability=Capability.MANAGE_DATA)
    InstagramSession.objects.filter(organization=organization).delete()
