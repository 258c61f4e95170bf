"""Reads for linked profiles, always on behalf of a user (tenancy via accounts.selectors)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db.models import Count, F, Max, Min, QuerySet, Window
from django.db.models.functions import RowNumber

from accounts.models import Organization, User
from accounts.roles import Capability
from accounts.selectors import membership_get, object_get_for_user, scope_to_user
from ml.engine.sponsored import PAID_WINDOW, PaidVsOrganic, paid_vs_organic
from profiles.models import FetchJob, ImportJob, InstagramSession, Post, Profile, Snapshot

ENGAGEMENT_WINDOW = 12  # the latest dated posts every engagement figure reads (profile page, discovery, compare)


@dataclass(frozen=True)
class Engagement:
    """The one definition of engagement, used wherever it is shown.

    on_followers: (likes + comments) / followers, the mean over the window's posts (every platform).
    on_views: (likes + comments + shares) / views, the mean over the window's posts that have views (the usual
    measure on video platforms: TikTok, YouTube, Reels), None where no post has views."""

    on_followers: float | None
    on_views: float | None
    posts: int  # posts in the window
    posts_with_views: int
    average_views: float | None


def engagement_of(posts: list[Post], followers: int | None) -> Engagement:
    """Engagement over `posts` (the newest first; only the ENGAGEMENT_WINDOW newest dated ones count)."""
    window = [post for post in posts if post.taken_at is not None][:ENGAGEMENT_WINDOW]
    on_followers = None
    if followers and window:
        on_followers = sum((post.likes or 0) + (post.comments or 0) for post in window) / len(window) / followers
    viewed = [(post, post.views) for post in window if post.views]
    rates = [((post.likes or 0) + (post.comments or 0) + (post.shares or 0)) / views for post, views in viewed]
    on_views = sum(rates) / len(rates) if rates else None
    average_views = sum(views for _, views in viewed) / len(viewed) if viewed else None
    return Engagement(on_followers, on_views, len(window), len(viewed), average_views)


# Posting frequency needs this many dated posts over at least this many days; fewer say "too few posts to tell".
FREQUENCY_MIN_POSTS = 5
FREQUENCY_MIN_DAYS = 7
# Figures read from the platform longer ago than this are marked as old wherever they show.
OLD_AFTER_DAYS = 90


@dataclass(frozen=True)
class DataAge:
    """When a profile's figures were read, the one definition every page uses.

    `received_at` is when SocialLens got them (a fetch or an import). `read_at` is when the platform was read: the
    fetch time for the platform API; unknown for an imported file (files do not say when they were made), where the
    newest post is the best evidence of the data's age. `as_of` is the date to show beside the figures."""

    source: str  # "api", "import", "entered" (made by the agency's own data, e.g. a demo or a campaign) or "none"
    source_label: str
    received_at: datetime | None
    read_at: datetime | None
    newest_post_at: datetime | None
    now: datetime

    @property
    def as_of(self) -> datetime | None:
        return self.read_at or self.newest_post_at

    @property
    def age_days(self) -> int | None:
        return None if self.as_of is None else max(0, (self.now - self.as_of).days)

    @property
    def is_old(self) -> bool:
        return self.age_days is not None and self.age_days > OLD_AFTER_DAYS


def newest_post_times(profile_ids: list[int]) -> dict[int, datetime]:
    """profile id -> when its newest stored post was published (profiles without dated posts are left out)."""
    rows = (
        Post.objects.filter(profile_id__in=profile_ids, taken_at__isnull=False)
        .values("profile_id")
        .annotate(newest=Max("taken_at"))
        .values_list("profile_id", "newest")
    )
    return dict(rows)


def profile_data_age(profile: Profile, *, newest_post_at: datetime | None) -> DataAge:
    """`newest_post_at`: when its newest stored post was published (a list annotates it on every row; the profile
    page has it from profile_stats), so this reads nothing itself."""
    from django.utils import timezone

    source = profile.last_source or ""
    if profile.last_fetched_at and source == "api":
        kind, label, read_at = "api", "platform API", profile.last_fetched_at
    elif profile.last_fetched_at:
        kind, label, read_at = "import", source.removeprefix("import:") or "a file", None
    elif profile.followers_count is not None or newest_post_at is not None:
        kind, label, read_at = "entered", "the agency's own data", None
    else:
        kind, label, read_at = "none", "", None
    received = profile.last_fetched_at or (profile.created_at if kind == "entered" else None)
    return DataAge(
        source=kind,
        source_label=label,
        received_at=received,
        read_at=read_at,
        newest_post_at=newest_post_at,
        now=timezone.now(),
    )


def profiles_for_user(
    *, user: User, organization: Organization | None = None, linked_only: bool = True
) -> QuerySet[Profile]:
    queryset = scope_to_user(Profile.objects.all(), user=user, own_field="influencer")
    if organization is not None:
        queryset = queryset.filter(organization=organization)
    if linked_only:
        queryset = queryset.filter(is_linked=True)
    return queryset.order_by("platform", "handle")


def profile_get(*, user: User, pk: object, capability: str = Capability.VIEW) -> Profile:
    return object_get_for_user(
        Profile.objects.select_related("organization"), user=user, pk=pk, capability=capability, own_field="influencer"
    )


def snapshots_for_profile(*, user: User, pk: object) -> QuerySet[Snapshot]:
    profile = profile_get(user=user, pk=pk)
    return profile.snapshots.order_by("taken_at")


def posts_for_profile(*, user: User, pk: object) -> QuerySet[Post]:
    profile = profile_get(user=user, pk=pk)
    return profile.posts.order_by("-taken_at", "-id")


@dataclass
class ProfileStats:
    engagement_rate: float | None  # (likes + comments) / followers, mean over the latest 12 posts
    engagement_posts: int
    engagement: Engagement
    posts_per_week: float | None
    average_likes: float | None
    top_posts: list[Post]
    chart: dict[str, list[Any]]
    latest_posts: list[Post]
    posts_stored: int = 0
    posts_first: datetime | None = None  # when the oldest and newest stored posts were published
    posts_last: datetime | None = None
    data_age: DataAge | None = None
    paid: PaidVsOrganic | None = None
    sponsored_posts: list[Post] = field(default_factory=list)  # the latest flagged posts, with their evidence

    @property
    def chart_points(self) -> int:
        return len(self.chart["labels"])

    @property
    def engagement_percent(self) -> float | None:
        return None if self.engagement_rate is None else self.engagement_rate * 100

    @property
    def engagement_views_percent(self) -> float | None:
        return None if self.engagement.on_views is None else self.engagement.on_views * 100


def latest_posts_per_profile(
    profile_ids: list[int], *, limit: int, fields: tuple[str, ...], dated_only: bool = False
) -> dict[int, list[Post]]:
    """The `limit` newest posts of each profile (undated ones last), newest first. The database numbers each
    profile's posts (a window function), so a profile with 100,000 posts sends `limit` rows, not all of them."""
    order = [F("taken_at").desc(nulls_last=True), F("id").desc()]
    queryset = Post.objects.filter(profile_id__in=profile_ids)
    if dated_only:
        queryset = queryset.filter(taken_at__isnull=False)
    ranked = (
        queryset.annotate(rank=Window(RowNumber(), partition_by=[F("profile_id")], order_by=order))
        .filter(rank__lte=limit)
        .order_by("profile_id", *order)
        .only("id", "profile_id", *fields)
    )
    posts: dict[int, list[Post]] = {pid: [] for pid in profile_ids}
    for post in ranked:
        posts[post.profile_id].append(post)
    return posts


def paid_window_posts(profile_ids: list[int]) -> dict[int, list[Post]]:
    """The latest PAID_WINDOW dated posts of each profile, newest first: the one window every paid-vs-organic figure
    reads (profile page, discovery, compare)."""
    fields = ("taken_at", "caption", "url", "likes", "comments", "sponsored", "sponsored_evidence")
    return latest_posts_per_profile(profile_ids, limit=PAID_WINDOW, fields=fields, dated_only=True)


def paid_of(posts: list[Post], followers: int | None) -> PaidVsOrganic:
    return paid_vs_organic([(p.sponsored, p.likes, p.comments) for p in posts], followers)


def profile_stats(*, profile: Profile) -> ProfileStats:
    latest = list(profile.posts.filter(taken_at__isnull=False).order_by("-taken_at")[:ENGAGEMENT_WINDOW])
    followers = profile.followers_count
    engagement = engagement_of(latest, followers)
    per_week = None
    newest, oldest = (latest[0].taken_at, latest[-1].taken_at) if len(latest) >= 2 else (None, None)
    if newest is not None and oldest is not None and len(latest) >= FREQUENCY_MIN_POSTS:
        span_days = (newest - oldest).total_seconds() / 86400
        per_week = (len(latest) - 1) / span_days * 7 if span_days >= FREQUENCY_MIN_DAYS else None
    likes = [post.likes for post in latest if post.likes is not None]
    if profile.platform_spec.measures_views:  # video platforms: the most watched
        top = list(profile.posts.filter(views__isnull=False).order_by("-views", "-id")[:6])
    else:
        top = list(profile.posts.filter(likes__isnull=False).order_by("-likes", "-id")[:6])
    snapshots = list(profile.snapshots.order_by("taken_at").values("taken_at", "followers_count", "following_count"))
    chart: dict[str, list[Any]] = {
        "labels": [_label(row["taken_at"]) for row in snapshots],
        "followers": [row["followers_count"] for row in snapshots],
        "following": [row["following_count"] for row in snapshots],
    }
    span = profile.posts.aggregate(first=Min("taken_at"), last=Max("taken_at"), stored=Count("pk"))
    window = paid_window_posts([profile.pk])[profile.pk]
    paid = paid_of(window, followers)
    return ProfileStats(
        engagement_rate=engagement.on_followers,
        engagement_posts=engagement.posts,
        engagement=engagement,
        posts_per_week=per_week,
        average_likes=sum(likes) / len(likes) if likes else None,
        top_posts=top,
        chart=chart,
        latest_posts=latest,
        posts_stored=span["stored"],
        posts_first=span["first"],
        posts_last=span["last"],
        data_age=profile_data_age(profile, newest_post_at=span["last"]),
        paid=paid,
        sponsored_posts=[p for p in window if p.sponsored in ("yes", "likely")][:5],
    )


def _label(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M")


def jobs_for_organization(*, user: User, organization: Organization) -> dict[str, Any]:
    membership_get(user=user, organization=organization)
    fetch_jobs = list(
        scope_to_user(
            FetchJob.objects.filter(organization=organization), user=user, own_field="profile__influencer"
        ).select_related("profile")[:10]
    )
    import_jobs = list(scope_to_user(ImportJob.objects.filter(organization=organization), user=user)[:10])
    active = any(not job.is_finished for job in [*fetch_jobs, *import_jobs])
    return {"fetch_jobs": fetch_jobs, "import_jobs": import_jobs, "jobs_active": active}


def organization_profile_counts(*, user: User, organization: Organization) -> dict[str, int]:
    rows = (
        profiles_for_user(user=user, organization=organization, linked_only=False)
        .order_by()
        .values("is_linked")
        .annotate(n=Count("id"))
    )
    counts = {row["is_linked"]: row["n"] for row in rows}
    return {"linked": counts.get(True, 0), "discovered": counts.get(False, 0)}


def creator_accounts(*, profiles: list[Profile]) -> dict[int, list[Profile]]:
    """For each profile, the creator's other accounts (the agency linked them as one person), in one query."""
    keys = {profile.creator_key for profile in profiles if profile.creator_key}
    by_key: dict[Any, list[Profile]] = {}
    if keys:
        for other in Profile.objects.filter(creator_key__in=keys).order_by("platform", "handle"):
            by_key.setdefault(other.creator_key, []).append(other)
    return {
        profile.pk: [other for other in by_key.get(profile.creator_key, []) if other.pk != profile.pk]
        for profile in profiles
    }


def youtube_quota_status() -> dict[str, Any] | None:
    """Today's YouTube API units (used, limit, when they reset), counted across workers; None while YouTube fetching
    is off."""
    from django.conf import settings

    if not settings.YOUTUBE_API_KEY:
        return None
    from profiles.fetchers.youtube import Quota

    quota = Quota(settings.YOUTUBE_API_KEY)
    return {"used": quota.used(), "limit": quota.limit, "resets_at": quota.resets_at()}


def instagram_session_for(*, user: User, organization: Organization) -> InstagramSession | None:
    membership_get(user=user, organization=organization)
    return (
        InstagramSession.objects.filter(organization=organization)
        .only("username", "updated_at", "last_used_at", "last_error")
        .first()
    )
