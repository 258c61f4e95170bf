"""Follower audits: start, claim, run in batches, resume; and the classify-and-store stage the bench measures.

Idempotency: the follower sample is drawn once and stored on the audit; every follower's result is an insert
that ignores an existing (audit, follower) row; counts and the score are recomputed from the rows at the end.
A run interrupted anywhere (killed worker, platform error, rate limit) therefore resumes without double counting.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from typing import Any

import numpy as np
from django.conf import settings
from django.db import connection, transaction
from django.db.models import Count, F, Q
from django.utils import timezone

from accounts.models import User
from accounts.roles import Capability
from accounts.selectors import membership_require
from config.errors import ApplicationError, Conflict
from config.jobs import JobStatus, after_commit
from ml import authenticity
from ml.services import AuthenticityModel, model_version_active
from predictions.audits.models import AudienceCategory, FollowerAudit, FollowerAuditResult
from profiles.models import Profile, Relation, RelationKind

DEFAULT_SAMPLE_SIZE = 1000
MAX_SAMPLE_SIZE = 1_000_000
FETCH_ALL_LIMIT = 50_000  # "all followers" fetched through the platform API stops here (rate limits)


def _enqueue(audit_id: int) -> None:
    from predictions.audits.tasks import audit_run

    audit_run.delay(audit_id)


def follower_ids_stored(*, profile: Profile) -> list[int]:
    return list(
        Relation.objects.filter(target=profile, kind=RelationKind.FOLLOWS, source__platform=profile.platform)
        .order_by("source_id")
        .values_list("source_id", flat=True)
    )


def audit_start(
    *, user: User, profile: Profile, sample_size: int | None = DEFAULT_SAMPLE_SIZE, fetch_followers: bool = False
) -> FollowerAudit:
    """Queue an audit of a linked profile's followers (sample_size None = all stored followers)."""
    from profiles.services import integration_enabled

    membership_require(user=user, organization=profile.organization_id, capability=Capability.MANAGE_DATA)
    if sample_size is not None and not (1 <= sample_size <= MAX_SAMPLE_SIZE):
        raise ApplicationError(
            f"The sample size must be between 1 and {MAX_SAMPLE_SIZE:,} (or all followers).", field="sample_size"
        )
    if not profile.is_linked:
        raise ApplicationError(
            f"@{profile.handle} is not a linked profile: link it before auditing its followers.", field="profile"
        )
    if profile.platform not in authenticity.PLATFORMS:
        raise Conflict(
            f"SocialLens has no authenticity model for {profile.platform_spec.short_label} accounts, so its "
            "followers cannot be audited (Instagram, X and TikTok audiences can).",
            field="profile",
        )
    if fetch_followers and not profile.platform_spec.has_follower_lists:
        raise Conflict(
            f"{profile.platform_spec.short_label} gives no follower lists to fetch: import a follower list instead.",
            field="fetch_followers",
        )
    if fetch_followers and not integration_enabled(platform=profile.platform):
        raise Conflict(  # the request is fine; this server's configuration is what refuses it
            f"{profile.get_platform_display()} fetching is off on this server: import a follower "
            "list instead, or audit the followers already stored.",
            field="fetch_followers",
        )
    if not fetch_followers and not Relation.objects.filter(target=profile, kind=RelationKind.FOLLOWS).exists():
        raise Conflict(
            f"No followers of @{profile.handle} are stored yet. Import a follower list "
            "(profiles › import) or fetch followers from the platform.",
            field="profile",
        )
    model_version = model_version_active(task=authenticity.TASK, platform=profile.platform)
    with transaction.atomic():
        audit = FollowerAudit.objects.create(
            organization_id=profile.organization_id,
            profile=profile,
            requested_by=user,
            sample_size=sample_size,
            fetch_followers=fetch_followers,
            model_version=model_version,
        )
        after_commit(lambda: _enqueue(audit.pk))
    return audit


def audit_claim(*, audit_id: int) -> bool:
    """Conditional claim: a pending or waiting audit, or a RUNNING one whose worker went silent (killed)."""
    now = timezone.now()
    return bool(
        FollowerAudit.objects.filter(
            Q(pk=audit_id) & (Q(status__in=[JobStatus.PENDING, JobStatus.WAITING]) | FollowerAudit.stale_filter())
        ).update(
            status=JobStatus.RUNNING, started_at=now, heartbeat_at=now, waiting_until=None, attempts=F("attempts") + 1
        )
    )


def audit_resume(*, user: User, audit: FollowerAudit) -> FollowerAudit:
    """Re-queue a failed or stalled audit; work already stored is kept and not counted twice."""
    membership_require(user=user, organization=audit.organization_id, capability=Capability.MANAGE_DATA)
    resumable = Q(status__in=[JobStatus.FAILED, JobStatus.WAITING]) | FollowerAudit.stale_filter()
    with transaction.atomic():
        if not FollowerAudit.objects.filter(Q(pk=audit.pk) & resumable).update(
            status=JobStatus.PENDING, error="", finished_at=None
        ):
            raise Conflict("This audit is finished or still running; nothing to resume.")
        after_commit(lambda: _enqueue(audit.pk))
    audit.refresh_from_db()
    return audit


def audits_resume_stale() -> int:
    """Beat: re-queue audits whose rate-limit wait is over. (An audit whose worker died is re-queued by the one
    stale-job sweep, config.celery.requeue_stale_jobs, through FollowerAudit.task_name.)"""
    now = timezone.now()
    ids = list(
        FollowerAudit.objects.filter(Q(status=JobStatus.WAITING) & Q(waiting_until__lte=now)).values_list(
            "pk", flat=True
        )
    )
    for audit_id in ids:
        _enqueue(audit_id)
    return len(ids)


def _heartbeat(audit_id: int, **fields: Any) -> None:
    FollowerAudit.objects.filter(pk=audit_id).update(heartbeat_at=timezone.now(), **fields)


def _fetch_followers(audit: FollowerAudit) -> None:
    """Fetch the follower sample. Instagram audits are staged: a follower the list model judges confidently from
    its list entry (username, name, picture, private, verified) is not fetched in full (no profile request)."""
    from profiles.services import followers_fetch

    limit = audit.sample_size or min(FETCH_ALL_LIMIT, max(audit.profile.followers_count or 0, DEFAULT_SAMPLE_SIZE))
    judged = None
    if audit.profile.platform == "instagram":
        model_version = audit.model_version or model_version_active(task=authenticity.TASK, platform="instagram")
        judged = authenticity.list_judge(authenticity.model_for_version(model_version))
    followers_fetch(
        profile=audit.profile,
        limit=limit,
        judged_from_list=judged,
        on_progress=lambda done, total: _heartbeat(audit.pk, progress_done=done, progress_total=total),
    )


def _draw_sample(audit: FollowerAudit) -> list[int]:
    follower_ids = follower_ids_stored(profile=audit.profile)
    if audit.sample_size is not None and len(follower_ids) > audit.sample_size:
        follower_ids = sorted(random.Random(audit.pk).sample(follower_ids, audit.sample_size))
    FollowerAudit.objects.filter(pk=audit.pk).update(
        sample_ids=follower_ids, progress_total=len(follower_ids), progress_done=0
    )
    return follower_ids


def _rule_reason(category: str, row: dict[str, Any]) -> list[dict[str, Any]]:
    following, followers = row.get("following_count") or 0, row.get("followers_count") or 0
    if category == AudienceCategory.MASS_FOLLOWER:
        return [{"feature": "rule", "text": f"follows {following:,} accounts (more than 1,500)"}]
    if category == AudienceCategory.INFLUENCER:
        return [{"feature": "rule", "text": f"{followers:,} followers and follows {following:,}"}]
    return []


def _list_reason(row: dict[str, Any]) -> list[dict[str, Any]]:
    facts = [f"username @{row['handle']}"]
    facts.append("no full name" if not row.get("display_name") else f"name “{row['display_name']}”")
    picture = authenticity.has_profile_pic(row)
    if picture is not None:
        facts.append("no profile picture" if not picture else "has a profile picture")
    if row.get("is_private"):
        facts.append("private")
    return [{"feature": "follower_list", "text": "judged from the follower list alone (" + ", ".join(facts) + ")"}]


def audit_classify_batch(*, audit_id: int, platform: str, follower_ids: list[int], model: AuthenticityModel) -> int:
    """Classify one batch of stored follower profiles and insert their result rows (existing rows are kept)."""
    from ml.authenticity import classify_rows, profile_rows

    rows = profile_rows(profile_ids=follower_ids)
    if not rows:
        return 0
    result = classify_rows(rows, platform=platform, model=model)
    from_list = result.from_list if result.from_list is not None else np.zeros(len(rows), dtype=bool)
    suspicious = np.flatnonzero((result.category == AudienceCategory.SUSPICIOUS) & ~from_list)
    reasons = result.reasons_many(suspicious)
    probabilities = np.round(result.probability, 4).tolist()
    categories = result.category.tolist()
    no_reasons = "[]"
    values = []
    for i, row in enumerate(rows):
        category = categories[i]
        if from_list[i] and category == AudienceCategory.SUSPICIOUS:
            reason_json = json.dumps(_list_reason(row))
        elif i in reasons:
            reason_json = json.dumps(reasons[i])
        elif category == AudienceCategory.REAL:
            reason_json = no_reasons
        else:
            reason_json = json.dumps(_rule_reason(category, row))
        values.append((audit_id, row["id"], category, probabilities[i], reason_json))
    _insert_results(values)
    return len(rows)


def _insert_results(values: list[tuple[int, int, str, float, str]]) -> None:
    """Insert result rows, keeping any (audit, follower) row already stored: the resume guarantee.

    bulk_create builds a model instance and SQL per row, which costs more than the model itself at 100,000
    followers. PostgreSQL: COPY into a temporary table, then one INSERT ... SELECT ... ON CONFLICT DO NOTHING.
    SQLite: one executemany with ON CONFLICT DO NOTHING."""
    table = connection.ops.quote_name(FollowerAuditResult._meta.db_table)
    columns = "audit_id, follower_id, category, probability, reasons"
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "CREATE TEMPORARY TABLE IF NOT EXISTS predictions_auditresult_load (audit_id bigint, "
                "follower_id bigint, category varchar(16), probability double precision, reasons jsonb) "
                "ON COMMIT DELETE ROWS"
            )
            cursor.execute("TRUNCATE predictions_auditresult_load")
            with cursor.cursor.copy(f"COPY predictions_auditresult_load ({columns}) FROM STDIN") as copy:
                for row in values:
                    copy.write_row(row)
            cursor.execute(
                f"INSERT INTO {table} ({columns}) SELECT {columns} FROM predictions_auditresult_load "
                "ON CONFLICT (audit_id, follower_id) DO NOTHING"
            )
        else:
            cursor.executemany(
                f"INSERT INTO {table} ({columns}) VALUES (%s, %s, %s, %s, %s) "
                "ON CONFLICT (audit_id, follower_id) DO NOTHING",
                values,
            )


def audit_run(
    *, audit_id: int, batch_size: int | None = None, after_batch: Callable[[int], None] | None = None
) -> FollowerAudit:
    """Run a claimed audit to the end: fetch (if asked), draw the sample once, classify what is not stored yet,
    in batches of `batch_size` (AUDITS_BATCH_SIZE) followers, each stored in one transaction."""
    batch_size = batch_size or settings.AUDITS_BATCH_SIZE
    audit = FollowerAudit.objects.select_related("profile", "model_version").get(pk=audit_id)
    if audit.fetch_followers and not audit.sample_ids:
        _fetch_followers(audit)
    sample = audit.sample_ids or _draw_sample(audit)
    if not sample:
        FollowerAudit.fail(
            audit_id, f"No followers of @{audit.profile.handle} are stored, so there is nothing to classify."
        )
        return audit
    model_version = audit.model_version or model_version_active(task=authenticity.TASK, platform=audit.profile.platform)
    model = authenticity.model_for_version(model_version)
    if audit.model_version_id is None:
        FollowerAudit.objects.filter(pk=audit_id).update(model_version=model_version)
    done = set(FollowerAuditResult.objects.filter(audit_id=audit_id).values_list("follower_id", flat=True))
    pending = [follower_id for follower_id in sample if follower_id not in done]
    _heartbeat(audit_id, progress_done=len(done), progress_total=len(sample))
    for start in range(0, len(pending), batch_size):
        audit_classify_batch(
            audit_id=audit_id,
            platform=audit.profile.platform,
            follower_ids=pending[start : start + batch_size],
            model=model,
        )
        _heartbeat(audit_id, progress_done=len(done) + min(len(pending), start + batch_size))
        if after_batch is not None:
            after_batch(start // batch_size)
    return audit_finalise(audit_id=audit_id)


def _audience_languages(audit_id: int) -> dict[str, Any]:
    """The audited followers' languages (one vote per follower, from their name and bio; ml.engine.languages),
    worked out here in the worker: the identifier's models take about 1 GB and seconds to load, too much for a
    page view."""
    from ml.services import audience_languages

    texts = [
        " ".join(part for part in row if part)
        for row in FollowerAuditResult.objects.filter(audit_id=audit_id).values_list(
            "follower__display_name", "follower__bio"
        )
    ]
    mix = audience_languages(texts)
    return {
        "languages": [{"language": code, "share": share} for code, share in mix[:5]],
        "followers": len(texts),
        "with_text": sum(1 for text in texts if text),
    }


def audit_finalise(*, audit_id: int) -> FollowerAudit:
    counts = dict(
        FollowerAuditResult.objects.filter(audit_id=audit_id)
        .values_list("category")
        .annotate(n=Count("id"))
        .values_list("category", "n")
    )
    classified = sum(counts.values())
    good = counts.get(AudienceCategory.REAL, 0) + counts.get(AudienceCategory.INFLUENCER, 0)
    score = round(100 * good / classified, 1) if classified else None
    FollowerAudit.objects.filter(pk=audit_id).update(
        classified_count=classified,
        mass_follower_count=counts.get(AudienceCategory.MASS_FOLLOWER, 0),
        influencer_count=counts.get(AudienceCategory.INFLUENCER, 0),
        suspicious_count=counts.get(AudienceCategory.SUSPICIOUS, 0),
        real_count=counts.get(AudienceCategory.REAL, 0),
        audience_quality_score=score,
        audience_languages=_audience_languages(audit_id),
        progress_done=classified,
        heartbeat_at=timezone.now(),
    )
    FollowerAudit.finish(audit_id)
    return FollowerAudit.objects.get(pk=audit_id)
