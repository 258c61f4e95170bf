"""Reads for follower audits and single-profile checks, always on behalf of the acting user."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from accounts.models import Organization, User
from accounts.roles import Capability
from accounts.selectors import membership_get, object_get_for_user, scope_to_user
from config.errors import ApplicationError, Conflict, NotFound
from ml import authenticity
from ml.services import model_version_active
from predictions.audits.models import AudienceCategory, FollowerAudit, FollowerAuditResult
from profiles.models import Profile


def audits_for_user(*, user: User, organization: Organization | None = None) -> QuerySet[FollowerAudit]:
    queryset = scope_to_user(
        FollowerAudit.objects.select_related("profile", "model_version"), user=user, own_field="profile__influencer"
    )
    if organization is not None:
        queryset = queryset.filter(organization=organization)
    return queryset.order_by("-created_at")


def audit_get(*, user: User, pk: object, capability: str = Capability.VIEW) -> FollowerAudit:
    return object_get_for_user(
        FollowerAudit.objects.select_related("profile", "model_version", "organization"),
        user=user,
        pk=pk,
        capability=capability,
        own_field="profile__influencer",
    )


def audit_results(*, audit: FollowerAudit, category: str | None = None) -> QuerySet[FollowerAuditResult]:
    queryset = audit.results.select_related("follower").order_by("-probability", "follower_id")
    if category:
        if category not in AudienceCategory.values:
            raise ApplicationError(
                f"Unknown category {category!r}; use one of {', '.join(AudienceCategory.values)}.", field="category"
            )
        queryset = queryset.filter(category=category)
    return queryset


def auditable_profiles(*, profiles: QuerySet[Profile]) -> list[Profile]:
    """The profiles with the number of followers stored for each (`stored_followers`): those that can be audited
    now first (most followers stored first), then the others by platform and handle."""
    from django.db.models import Count, Q

    from profiles.models import RelationKind

    annotated = profiles.annotate(
        stored_followers=Count("incoming_relations", filter=Q(incoming_relations__kind=RelationKind.FOLLOWS))
    )

    def order(profile: Any) -> tuple[bool, int, str, str]:
        stored = int(profile.stored_followers)
        return stored == 0, -stored, profile.platform, profile.handle

    return sorted(annotated, key=order)


LIST_PAGE_SIZE = 50  # followers per Instagram follower-list request


def audit_stages(*, audit: FollowerAudit) -> dict[str, Any] | None:
    """Instagram audits are staged: how many followers were judged from the follower list alone, how many were
    fetched in full, and the estimated time left under the platform's rate limit (list pages plus the full
    profiles still expected, at the share fetched so far). None for other platforms."""
    import math

    from django.conf import settings
    from django.db.models import Count, Q

    from profiles.models import RelationKind

    if audit.profile.platform != "instagram":
        return None
    list_only = Q(followers_count__isnull=True, following_count__isnull=True, posts_count__isnull=True)
    fetching = audit.fetch_followers and not audit.sample_ids and not audit.is_finished
    if fetching:
        counts = Profile.objects.filter(
            outgoing_relations__target=audit.profile, outgoing_relations__kind=RelationKind.FOLLOWS
        ).aggregate(total=Count("id"), from_list=Count("id", filter=list_only))
    else:
        counts = audit.results.aggregate(
            total=Count("id"),
            from_list=Count(
                "id",
                filter=Q(
                    follower__followers_count__isnull=True,
                    follower__following_count__isnull=True,
                    follower__posts_count__isnull=True,
                ),
            ),
        )
    from_list, fetched = counts["from_list"], counts["total"] - counts["from_list"]
    remaining = max((audit.progress_total or 0) - (audit.progress_done or 0), 0) if fetching else 0
    if from_list + fetched:
        share = fetched / (from_list + fetched)
    else:
        # Nothing fetched yet: the share measured on validation data when the list model was trained.
        version = audit.model_version
        if version is None:
            try:
                version = model_version_active(task=authenticity.TASK, platform="instagram")
            except ApplicationError:
                version = None
        staged = ((version.metrics or {}).get("staged") or {}) if version else {}
        share = float(staged.get("fetched_share_validation", 1.0))
    requests_left = math.ceil(remaining / LIST_PAGE_SIZE) + math.ceil(remaining * share)
    limit, window = settings.PROFILES_RATE_LIMITS["instagram"]
    return {
        "from_list": from_list,
        "fetched": fetched,
        "requests_left": requests_left,
        "seconds_left": round(requests_left * window / limit) if remaining else 0,
        "rate": f"{limit} requests per {window / 60:.0f} min",
    }


def audit_audience_languages(*, audit: FollowerAudit) -> dict[str, Any] | None:
    """The language mix of the audited followers' names and bios, stored when the audit finished (None before, and
    for audits finished before it was measured)."""
    return audit.audience_languages


def audit_score_history(*, audit: FollowerAudit) -> list[dict[str, Any]]:
    """The audience quality score of every finished audit of the same profile, oldest first."""
    rows = FollowerAudit.objects.filter(
        profile_id=audit.profile_id, status="done", audience_quality_score__isnull=False
    ).order_by("finished_at")
    return [
        {
            "audit_id": row.pk,
            "finished_at": row.finished_at.isoformat() if row.finished_at else None,
            "label": f"{row.finished_at:%Y-%m-%d %H:%M}" if row.finished_at else f"#{row.pk}",
            "score": row.audience_quality_score,
            "classified": row.classified_count,
        }
        for row in rows
    ]


def profile_for_check(
    *,
    user: User,
    organization: Organization,
    reference: str = "",
    platform: str | None = None,
    profile_id: object = None,
) -> Profile:
    """The stored profile of the agency a check is about: by id (any stored profile) or by URL / @handle.

    Raises NotFound (with the parsed platform and handle in `extra`) when the agency has no data about it."""
    from profiles.services import profile_reference_parse

    membership_get(user=user, organization=organization)
    if profile_id not in (None, ""):
        profile = object_get_for_user(Profile.objects.all(), user=user, pk=profile_id, own_field="influencer")
        if profile.organization_id != organization.pk:
            raise NotFound("That profile belongs to another agency than the one you are working in.")
        return profile
    platform, handle = profile_reference_parse(text=reference, default_platform=platform or None)
    stored = Profile.objects.filter(organization=organization, platform=platform, handle=handle).first()
    if stored is None:
        raise NotFound(
            f"@{handle} ({platform}) is not stored in {organization}. Link it to fetch its data, or "
            "import it, then check again.",
            code="profile_not_stored",
            extra={"platform": platform, "handle": handle},
        )
    return stored


def profile_check(*, profile: Profile) -> dict[str, Any]:
    """Category, probability of being inauthentic and top reasons for one stored profile (model cached)."""
    if profile.platform not in authenticity.PLATFORMS:
        raise Conflict(
            f"SocialLens has no authenticity check for {profile.platform_spec.short_label} accounts: no labelled "
            f"set of its accounts exists to learn one from (Instagram, X and TikTok accounts can be checked).",
            code="platform_unsupported",
        )
    row = Profile.objects.filter(pk=profile.pk).values(*authenticity.PROFILE_FIELDS).get()
    if row["followers_count"] is None and row["following_count"] is None and row["posts_count"] is None:
        raise Conflict(
            f"@{profile.handle} has no stored counts yet (followers, following, posts): fetch or "
            "import its profile first.",
            code="profile_empty",
        )
    verdict = authenticity.check_profile_row(row)
    return {
        "profile": {
            "id": profile.pk,
            "platform": profile.platform,
            "handle": profile.handle,
            "url": profile.url,
            "is_linked": profile.is_linked,
        },
        **verdict,
        "category_label": str(AudienceCategory(verdict["category"]).label),
    }


# Audience quality bands (share of real people and influencers among the classified followers, 0-100). The cut-offs
# follow the scale agencies use for audience quality: under 40 most of the audience is mass followers or suspicious.
QUALITY_BANDS = [
    (0, 40, "poor", "danger"),
    (40, 60, "average", "warning"),
    (60, 80, "good", "primary"),
    (80, 101, "excellent", "success"),
]


def audience_quality_band(score: float | None) -> dict[str, Any] | None:
    """The band a score falls in, with every band's thresholds for the scale shown beside it."""
    if score is None:
        return None
    scale = [
        {"label": label, "low": low, "high": min(high, 100), "colour": colour, "current": low <= score < high}
        for low, high, label, colour in QUALITY_BANDS
    ]
    current = next(band for band in scale if band["current"])
    return {"label": current["label"], "colour": current["colour"], "scale": scale}


def audience_quality_comparison(*, audit: FollowerAudit) -> dict[str, Any]:
    """How this audit's score compares with the latest finished audit of each other profile of the same agency."""
    latest: dict[int, float] = {}
    rows = (
        FollowerAudit.objects.filter(
            organization_id=audit.organization_id, status="done", audience_quality_score__isnull=False
        )
        .exclude(profile_id=audit.profile_id)
        .order_by("profile_id", "-finished_at")
        .values_list("profile_id", "audience_quality_score")
    )
    for profile_id, other_score in rows:
        if other_score is not None:
            latest.setdefault(profile_id, other_score)
    others = sorted(latest.values())
    score = audit.audience_quality_score
    if not others or score is None:
        return {"count": len(others)}
    below = sum(1 for other in others if other < score)
    middle = len(others) // 2
    median = others[middle] if len(others) % 2 else (others[middle - 1] + others[middle]) / 2
    return {"count": len(others), "below": below, "median": median, "percentile": round(100 * below / len(others))}


# --- for the apps that build on audits (discovery): what they read of audits, without importing their models -------


def audits_finished_after(*, profile: Any, since: Any) -> QuerySet[FollowerAudit]:
    """Audits of `profile` finished after `since`; both may be OuterRef expressions (discovery's staleness test)."""
    return FollowerAudit.objects.filter(profile=profile, finished_at__gt=since)


def latest_quality_scores(*, profile_ids: list[int]) -> dict[int, float]:
    """The audience quality score of each profile's latest finished audit (profiles never audited are absent)."""
    from config.jobs import JobStatus

    scores: dict[int, float] = {}
    rows = (
        FollowerAudit.objects.filter(
            profile_id__in=profile_ids, status=JobStatus.DONE, audience_quality_score__isnull=False
        )
        .order_by("profile_id", "-finished_at", "-id")
        .values_list("profile_id", "audience_quality_score")
    )
    for profile_id, score in rows:
        if score is not None:
            scores.setdefault(profile_id, score)
    return scores
