"""Reads for discovery, always on behalf of a user: search with filters and sorts, lookalikes, shortlists."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import numpy as np
from django.conf import settings
from django.db import connection
from django.db.models import BooleanField, ExpressionWrapper, F, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from accounts.models import Organization, User
from accounts.roles import Capability
from accounts.selectors import membership_require, object_get_for_user
from config.errors import ApplicationError
from discovery.lookalike_index import LOOKALIKE_INDEXES
from discovery.models import ProfileInsight, Shortlist, ShortlistEntry
from ml.services import NICHES
from profiles.platforms import PLATFORMS, platform_names

SORTS = {
    "followers": "followers_count",
    "engagement": "engagement_rate",
    "quality": "quality_score",
    "growth": "growth_30d",
    "paid": "paid_ratio",
    "relevance": "relevance",
}
MAX_COMPARE = 5


@dataclass
class DiscoveryQuery:
    """Parsed filters; every field optional. Built by the page form and the API serializer alike."""

    q: str = ""
    platform: str = ""
    niche: str = ""
    niche_min_share: float | None = None  # 0..1
    followers_min: int | None = None
    followers_max: int | None = None
    engagement_min: float | None = None  # percent, as shown
    engagement_max: float | None = None
    quality_min: float | None = None  # 0..100
    language: str = ""
    country: str = ""
    verified: bool | None = None
    business: bool | None = None
    linked: bool | None = None
    posted_within_days: int | None = None
    sponsored: bool | None = None  # has sponsored posts (yes or likely) among its latest posts
    safety: str = ""  # brand-safety grade at least this good: "A" (A only) or "B" (A or B); unscreened rows drop out
    sort: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.niche and self.niche not in NICHES:
            raise ApplicationError(f"Unknown niche {self.niche!r}; choose one of {', '.join(NICHES)}.", field="niche")
        if self.safety and self.safety not in SAFETY_AT_LEAST:
            raise ApplicationError(
                f"Unknown brand-safety grade {self.safety!r}; choose A (A only) or B (A or B).", field="safety"
            )
        if self.sort and self.sort.lstrip("-") not in SORTS:
            raise ApplicationError(
                f"Unknown sort {self.sort!r}; choose one of {', '.join(SORTS)} (prefix - for ascending).", field="sort"
            )
        # A minimum above its maximum matches nothing (the API answers an empty page); the search form says so
        # before it asks (DiscoveryForm.clean).


SAFETY_AT_LEAST = {"A": ("A",), "B": ("A", "B")}


def discovery_require(*, user: User, organization: Organization) -> None:
    """Discovery is for the agency's staff; an influencer member (an outside creator) is refused with 403."""
    membership_require(user=user, organization=organization, capability=Capability.DISCOVER)


RESULT_DEFERRED = (
    "embedding",
    "search_text",
    "search_vector",
    "typical_post",
    "source_signature",
    "profile__bio",
    "profile__extra",
)


def discovery_search(*, user: User, organization: Organization, query: DiscoveryQuery) -> QuerySet[ProfileInsight]:
    discovery_require(user=user, organization=organization)
    # A results page reads the row's figures and its profile's name, never the search text, the content vector or
    # the typical post: leaving them in the database halves what a page of 50 rows reads and decodes.
    rows: QuerySet[ProfileInsight] = (
        ProfileInsight.objects.filter(organization=organization)
        .select_related("profile")
        .defer(*RESULT_DEFERRED)
        .annotate(has_embedding=ExpressionWrapper(Q(embedding__isnull=False), output_field=BooleanField()))
    )
    if query.platform:
        rows = rows.filter(platform=query.platform)
    if query.niche:
        rows = rows.filter(niche=query.niche)
        if query.niche_min_share is not None:
            rows = rows.filter(niche_share__gte=query.niche_min_share)
    if query.followers_min is not None:
        rows = rows.filter(followers_count__gte=query.followers_min)
    if query.followers_max is not None:
        rows = rows.filter(followers_count__lte=query.followers_max)
    if query.engagement_min is not None:
        rows = rows.filter(engagement_rate__gte=query.engagement_min / 100)
    if query.engagement_max is not None:
        rows = rows.filter(engagement_rate__lte=query.engagement_max / 100)
    if query.quality_min is not None:
        rows = rows.filter(quality_score__gte=query.quality_min)
    if query.language:
        rows = rows.filter(content_language=query.language.lower())
    if query.country:
        rows = rows.filter(country=query.country.upper())
    for name, value in (("is_verified", query.verified), ("is_business", query.business), ("is_linked", query.linked)):
        if value is not None:
            rows = rows.filter(**{name: value})
    if query.posted_within_days is not None:
        rows = rows.filter(last_post_at__gte=timezone.now() - timedelta(days=query.posted_within_days))
    if query.sponsored is not None:
        rows = rows.filter(sponsored_posts__gt=0) if query.sponsored else rows.filter(sponsored_posts=0)
    if query.safety:
        rows = rows.filter(safety_grade__in=SAFETY_AT_LEAST[query.safety])
    text = query.q.strip()
    ranked = False
    if text:
        rows, ranked = _full_text(rows, text)
    sort = query.sort or ("relevance" if text else "followers")
    descending = not sort.startswith("-")
    key = SORTS[sort.lstrip("-")]
    if key == "relevance":
        if ranked:
            return rows.order_by(F("relevance").desc(), F("followers_count").desc(nulls_last=True), "pk")
        key = "followers_count"
    ordering = F(key).desc(nulls_last=True) if descending else F(key).asc(nulls_last=True)
    return rows.order_by(ordering, "pk")


def _full_text(rows: QuerySet[ProfileInsight], text: str) -> tuple[QuerySet[ProfileInsight], bool]:
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchRank

        search = SearchQuery(text, config="simple", search_type="websearch")
        return rows.filter(search_vector=search).annotate(relevance=SearchRank(F("search_vector"), search)), True
    # SQLite: every term must appear somewhere in handle, name, bio or captions.
    for term in text.lower().split():
        rows = rows.filter(search_text__icontains=term.strip('"'))
    return rows, False


def insight_for_profile(*, user: User, profile_id: int) -> ProfileInsight | None:
    """The discovery row of a profile the user may see (404 otherwise); None until it is first computed."""
    from profiles.selectors import profile_get

    profile = profile_get(user=user, pk=profile_id)
    return ProfileInsight.objects.filter(pk=profile.pk).first()


# --- lookalikes ----------------------------------------------------------------------------------------------------


class _VectorIndex:
    """Per organization: every stored content vector as one normalised float32 matrix, rebuilt when rows change.

    One matrix-vector product ranks 100,000 profiles in a few milliseconds (bench/bench_discovery.py), so an
    approximate index would buy nothing at this size."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.cache: dict[int, tuple[Any, np.ndarray, np.ndarray, np.ndarray]] = {}

    def get(self, organization_id: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        from django.db.models import Max

        # Any refresh moves refreshed_at (an indexed max: instant); a deleted profile's id may linger in the
        # matrix until then, and lookalikes() drops ids whose rows are gone.
        stamp = ProfileInsight.objects.filter(organization_id=organization_id).aggregate(latest=Max("refreshed_at"))[
            "latest"
        ]
        with self.lock:
            cached = self.cache.get(organization_id)
            if cached and cached[0] == stamp:
                return cached[1], cached[2], cached[3]
        rows = list(
            ProfileInsight.objects.filter(organization_id=organization_id, embedding__isnull=False).values_list(
                "pk", "followers_count", "embedding"
            )
        )
        ids = np.array([r[0] for r in rows], dtype=np.int64)
        sizes = np.array([np.log1p(r[1] or 0) for r in rows], dtype=np.float32)
        matrix = (
            np.frombuffer(b"".join(bytes(r[2] or b"") for r in rows), dtype=np.float16)
            .reshape(len(rows), -1)
            .astype(np.float32)
            if rows
            else np.zeros((0, 384), np.float32)
        )
        with self.lock:
            self.cache[organization_id] = (stamp, ids, sizes, matrix)
        return ids, sizes, matrix


VECTOR_INDEX = _VectorIndex()


def rank_similar(
    target: np.ndarray,
    target_size: float,
    ids: np.ndarray,
    sizes: np.ndarray,
    matrix: np.ndarray,
    *,
    limit: int,
    exclude: int,
    size_weight: float = 0.05,
) -> list[tuple[int, float]]:
    """Cosine similarity of content, minus a small penalty per e-fold of follower-count difference."""
    if not len(ids):
        return []
    scores = matrix @ target - size_weight * np.abs(sizes - target_size)
    scores[ids == exclude] = -np.inf
    k = min(limit, len(ids) - 1) if (ids == exclude).any() else min(limit, len(ids))
    if k <= 0:
        return []
    top = np.argpartition(-scores, k - 1)[:k]
    top = top[np.argsort(-scores[top])]
    return [(int(ids[i]), float(scores[i])) for i in top if np.isfinite(scores[i])]


def _approximate_pool(
    approximate: Any, organization_id: int, target: np.ndarray, *, platform: str
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The vectors to rank exactly for an agency with an approximate index: the index's LOOKALIKES_CANDIDATES
    nearest (five times as many for one platform, whose accounts may be a small share), their exact float16 vectors,
    and every row refreshed since the index was built, read from the database in place of its indexed copy."""
    count = settings.LOOKALIKES_CANDIDATES * (5 if platform else 1)
    positions = np.sort(approximate.candidates(target, count, nprobe=settings.LOOKALIKES_NPROBE))
    changed = list(
        ProfileInsight.objects.filter(
            organization_id=organization_id, refreshed_at__gt=datetime.fromisoformat(approximate.meta["stamp"])
        ).values_list("pk", "followers_count", "embedding")
        if approximate.meta.get("stamp")
        else []
    )
    ids = approximate.ids[positions]
    keep = ~np.isin(ids, np.array([row[0] for row in changed], dtype=np.int64))
    fresh = [row for row in changed if row[2]]
    ids = np.concatenate([ids[keep], np.array([row[0] for row in fresh], dtype=np.int64)])
    sizes = np.concatenate(
        [approximate.sizes[positions][keep], np.array([np.log1p(row[1] or 0) for row in fresh], dtype=np.float32)]
    )
    vectors = np.asarray(approximate.vectors[positions], dtype=np.float32)[keep]
    if fresh:
        extra = np.frombuffer(b"".join(bytes(row[2] or b"") for row in fresh), dtype=np.float16).reshape(len(fresh), -1)
        vectors = np.concatenate([vectors, extra.astype(np.float32)])
    return ids, sizes, vectors


def lookalikes(
    *, user: User, profile_id: int, limit: int = 20, platform: str = ""
) -> list[tuple[ProfileInsight, float]]:
    """The profiles whose captions read most like this one's, on every platform (captions compare across them) or
    on `platform` only. The creator's own accounts on other platforms are not lookalikes: they are the creator."""
    insight = insight_for_profile(user=user, profile_id=profile_id)
    if insight is None:
        raise Http404("This profile has not been analysed yet.")
    discovery_require(user=user, organization=insight.organization)
    if platform and platform not in PLATFORMS:
        raise ApplicationError(f"Platform must be {platform_names()}.", field="platform")
    if insight.embedding is None:
        raise ApplicationError(f"@{insight.handle} has no captions to compare yet.", code="no_content")
    own = insight.profile.creator_key
    left_out = set(
        ProfileInsight.objects.filter(organization_id=insight.organization_id, profile__creator_key=own).values_list(
            "pk", flat=True
        )
        if own is not None
        else []
    )
    target = np.frombuffer(bytes(insight.embedding), dtype=np.float16).astype(np.float32)
    approximate = LOOKALIKE_INDEXES.get(insight.organization_id)
    if approximate is not None:
        ids, sizes, matrix = _approximate_pool(approximate, insight.organization_id, target, platform=platform)
    else:
        ids, sizes, matrix = VECTOR_INDEX.get(insight.organization_id)
    if platform:  # rank only that platform's vectors
        wanted = ProfileInsight.objects.filter(organization_id=insight.organization_id, profile__platform=platform)
        if approximate is not None:
            wanted = wanted.filter(pk__in=ids.tolist())
        keep = np.isin(ids, np.fromiter(wanted.values_list("pk", flat=True), dtype=ids.dtype))
        ids, sizes, matrix = ids[keep], sizes[keep], matrix[keep]
    ranked = rank_similar(
        target,
        float(np.log1p(insight.followers_count or 0)),
        ids,
        sizes,
        matrix,
        limit=limit + len(left_out),
        exclude=insight.pk,
    )
    ranked = [(pk, score) for pk, score in ranked if pk not in left_out][:limit]
    rows = ProfileInsight.objects.select_related("profile").in_bulk([pk for pk, _ in ranked])
    return [(rows[pk], score) for pk, score in ranked if pk in rows]


# --- shortlists ----------------------------------------------------------------------------------------------------


def shortlists_for(*, user: User, organization: Organization) -> QuerySet[Shortlist]:
    discovery_require(user=user, organization=organization)
    from django.db.models import Count

    return Shortlist.objects.filter(organization=organization).annotate(size=Count("entries")).order_by("name")


def shortlist_get(*, user: User, pk: object, capability: str = Capability.DISCOVER) -> Shortlist:
    shortlist = object_get_for_user(Shortlist.objects.select_related("organization"), user=user, pk=pk)
    discovery_require(user=user, organization=shortlist.organization)
    if capability != Capability.DISCOVER:
        membership_require(user=user, organization=shortlist.organization, capability=capability)
    return shortlist


def shortlist_entries(*, shortlist: Shortlist) -> QuerySet[ShortlistEntry]:
    return shortlist.entries.select_related("profile", "profile__insight").order_by("added_at", "id")


def shortlist_compare(*, user: User, pk: object, profile_ids: list[int]) -> list[dict[str, Any]]:
    """Up to five of a list's profiles side by side, with predicted likes for a typical post of each: the figures
    made ahead on the ml queue when the profile was shortlisted or its data changed (discovery.insights
    .typical_posts_refresh); {"pending": True} until then. No model is loaded here."""
    shortlist = shortlist_get(user=user, pk=pk)
    entries = list(shortlist_entries(shortlist=shortlist))
    if profile_ids:
        wanted = set(profile_ids)
        entries = [e for e in entries if e.profile_id in wanted]
    if len(entries) > MAX_COMPARE:
        if profile_ids:
            raise ApplicationError(f"Compare at most {MAX_COMPARE} profiles at a time.", field="profiles")
        entries = entries[:MAX_COMPARE]
    columns = []
    for entry in entries:
        insight = getattr(entry.profile, "insight", None)
        typical = insight.typical_post if insight is not None else {}
        columns.append(
            {"entry": entry, "profile": entry.profile, "insight": insight, "typical_post": typical or {"pending": True}}
        )
    return columns


def profile_niche(*, profile: Any) -> str:
    """The profile's niche (the agency's correction, else the model's); "" before its first refresh."""
    return ProfileInsight.objects.filter(pk=profile.pk).values_list("niche", flat=True).first() or ""


def typical_post_likes(*, profile: Any) -> dict[str, Any]:
    """The like model's p10/p50/p90 for a post like the profile's latest one, planned for the next hour."""
    from ml.likes import score_draft

    latest = profile.posts.exclude(caption="").order_by(F("taken_at").desc(nulls_last=True)).first()
    caption = latest.caption if latest else ""
    media = latest.media_type if latest and latest.media_type in ("image", "video", "carousel") else "image"
    try:
        score = score_draft(
            profile=profile,
            caption=caption,
            planned_at=timezone.now() + timedelta(hours=1),
            media_type=media,
            image_paths=[],
            niche=profile_niche(profile=profile),
        )
    except ApplicationError as exc:
        return {"error": exc.message}
    return {"p50": score.predicted_likes, "p10": score.predicted_likes_low, "p90": score.predicted_likes_high}


def insights_by_profile(profile_ids: list[int]) -> dict[int, ProfileInsight]:
    return ProfileInsight.objects.in_bulk(profile_ids)


def niche_corrections(*, organization: Organization | None = None) -> QuerySet[ProfileInsight]:
    """Rows a user corrected: the labels kept for retraining the niche model."""
    rows = ProfileInsight.objects.exclude(niche_corrected="")
    return rows.filter(organization=organization) if organization is not None else rows


__all__ = ["DiscoveryQuery", "discovery_search", "lookalikes", "shortlists_for", "shortlist_get", "Q"]
