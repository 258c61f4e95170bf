"""Social accounts an agency tracks, their history and their relations.

`Profile` is any platform account the agency has data about: the ones it linked on purpose (`is_linked`), and the
ones discovered through them (followers, mentioned or tagged accounts). Every write is an idempotent upsert on the
unique constraints below.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone as dj_timezone

from config.jobs import Job, JobStatus
from profiles.platforms import PLATFORMS, platform_choices, platform_get, shown_handle
from profiles.platforms.base import PlatformSpec

# The platforms' values and labels, from their registry (profiles.platforms): Platform.INSTAGRAM == "instagram".
Platform = models.TextChoices(  # type: ignore[misc]
    "Platform", [(key.upper(), (key, spec.label)) for key, spec in PLATFORMS.items()]
)


class Profile(models.Model):
    organization = models.ForeignKey("accounts.Organization", on_delete=models.CASCADE, related_name="profiles")
    platform = models.CharField(max_length=16, choices=platform_choices)
    handle = models.CharField(max_length=64, help_text="Lower-case, without the @.")
    platform_id = models.CharField(max_length=64, blank=True, default="")
    display_name = models.CharField(max_length=200, blank=True, default="")
    bio = models.TextField(blank=True, default="")
    external_url = models.URLField(max_length=500, blank=True, default="")
    is_verified = models.BooleanField(null=True, blank=True)
    is_private = models.BooleanField(null=True, blank=True)
    is_business = models.BooleanField(null=True, blank=True)
    business_category = models.CharField(max_length=120, blank=True, default="")
    avatar_url = models.URLField(max_length=1000, blank=True, default="")
    has_default_avatar = models.BooleanField(null=True, blank=True)
    followers_count = models.BigIntegerField(null=True, blank=True)
    following_count = models.BigIntegerField(null=True, blank=True)
    posts_count = models.BigIntegerField(null=True, blank=True)
    account_created_at = models.DateTimeField(null=True, blank=True)
    extra = models.JSONField(default=dict, blank=True, help_text="Platform-specific fields (e.g. X listed_count).")

    is_linked = models.BooleanField(default=False, db_index=True)
    influencer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="linked_profiles"
    )
    timezone = models.CharField(
        max_length=64,
        blank=True,
        default="",
        help_text="Audience timezone for best-time-to-post; the agency's when empty.",
    )
    # The same person's accounts on several platforms, linked by the agency: profiles sharing a key are one creator.
    creator_key = models.UUIDField(null=True, blank=True, db_index=True)
    last_fetched_at = models.DateTimeField(null=True, blank=True)
    last_source = models.CharField(max_length=300, blank=True, default="", help_text="'api' or 'import:<file name>'.")
    created_at = models.DateTimeField(default=dj_timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["platform", "handle"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "platform", "handle"], name="profiles_profile_handle"),
            models.UniqueConstraint(
                fields=["organization", "platform", "platform_id"],
                condition=~models.Q(platform_id=""),
                name="profiles_profile_platform_id",
            ),
        ]
        indexes = [models.Index(fields=["organization", "is_linked"])]

    def __str__(self) -> str:
        return f"{self.shown_handle} ({self.get_platform_display()})"

    @property
    def shown_handle(self) -> str:
        """The account as people read it: "@name", or a YouTube channel id as it is (platforms.shown_handle)."""
        return shown_handle(self.platform, self.handle)

    @property
    def url(self) -> str:
        return platform_get(self.platform).profile_url(self.handle)

    @property
    def platform_spec(self) -> PlatformSpec:
        return platform_get(self.platform)

    @property
    def short_platform(self) -> str:
        return platform_get(self.platform).short_label

    def get_platform_display(self) -> str:
        """The platform's name, read from the registry: Django's own version evaluates the callable choices
        (platform_choices) and normalises them on every call, about 0.1 ms each, once per row of every list."""
        spec = PLATFORMS.get(self.platform)
        return spec.label if spec is not None else self.platform


class Snapshot(models.Model):
    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="snapshots")
    taken_at = models.DateTimeField()
    followers_count = models.BigIntegerField(null=True, blank=True)
    following_count = models.BigIntegerField(null=True, blank=True)
    posts_count = models.BigIntegerField(null=True, blank=True)
    source = models.CharField(max_length=300, blank=True, default="")

    class Meta:
        ordering = ["profile", "taken_at"]
        constraints = [models.UniqueConstraint(fields=["profile", "taken_at"], name="profiles_snapshot_unique")]

    def __str__(self) -> str:
        return f"{self.profile_id} @ {self.taken_at:%Y-%m-%d %H:%M}"


class MediaType(models.TextChoices):
    IMAGE = "image", "Image"
    VIDEO = "video", "Video"
    CAROUSEL = "carousel", "Carousel"
    TEXT = "text", "Text"


class Post(models.Model):
    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="posts")
    platform_id = models.CharField(max_length=64)
    shortcode = models.CharField(max_length=64, blank=True, default="")
    url = models.URLField(max_length=500, blank=True, default="")
    media_type = models.CharField(max_length=16, choices=MediaType.choices, default=MediaType.IMAGE)
    caption = models.TextField(blank=True, default="")
    hashtags = models.JSONField(default=list, blank=True)
    mentions = models.JSONField(default=list, blank=True)
    tagged_accounts = models.JSONField(default=list, blank=True)
    taken_at = models.DateTimeField(null=True, blank=True, db_index=True)
    likes = models.BigIntegerField(null=True, blank=True)
    comments = models.BigIntegerField(null=True, blank=True)
    views = models.BigIntegerField(null=True, blank=True)
    shares = models.BigIntegerField(
        null=True, blank=True, help_text="Shares or reposts, where the platform counts them."
    )
    saves = models.BigIntegerField(
        null=True, blank=True, help_text="Saves or favourites, where the platform counts them."
    )
    duration_seconds = models.FloatField(null=True, blank=True, help_text="A video's length.")
    image_description = models.TextField(
        blank=True, default="", help_text="The platform's own description, e.g. 'Image may contain: …'."
    )
    is_sponsored = models.BooleanField(null=True, blank=True, help_text="The platform's paid-partnership label.")
    sponsored = models.CharField(
        max_length=8,
        blank=True,
        default="",
        choices=[("yes", "Sponsored"), ("likely", "Likely sponsored"), ("no", "Organic")],
        help_text="From the caption and the platform's label (ml.engine.sponsored); set whenever the post is saved.",
    )
    sponsored_evidence = models.JSONField(default=list, blank=True, help_text="[{kind, text}] behind the verdict.")
    safety_version = models.CharField(
        max_length=24,
        blank=True,
        default="",
        help_text="The brand-safety screen (engine version and agency keywords) that made this post's flags; empty: "
        "not screened yet (profiles.safety).",
    )
    extra = models.JSONField(default=dict, blank=True)
    fetched_at = models.DateTimeField(default=dj_timezone.now)

    class Meta:
        ordering = ["-taken_at"]
        constraints = [models.UniqueConstraint(fields=["profile", "platform_id"], name="profiles_post_unique")]

    def __str__(self) -> str:
        return f"{self.profile.handle}/{self.shortcode or self.platform_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.sponsored, self.sponsored_evidence = sponsorship_columns(self.caption, self.is_sponsored)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"caption", "is_sponsored"} & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "sponsored", "sponsored_evidence"}
        super().save(*args, **kwargs)


def sponsorship_columns(caption: str, platform_label: bool | None) -> tuple[str, list[dict[str, str]]]:
    """The `sponsored` verdict and its evidence for a post, as stored (every write path goes through here)."""
    from ml.engine.sponsored import sponsorship

    found = sponsorship(caption or "", platform_label=platform_label)
    return found.verdict, [{"kind": kind, "text": text} for kind, text in found.evidence]


class SafetyFlag(models.Model):
    """A brand-safety category a post touches, with the words that triggered it (ml.engine.brand_safety).

    A reviewer may dismiss a flag with a note: it then no longer counts towards the creator's grade, and it is kept
    (with the note) when the post is screened again, and for retraining."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="safety_flags")
    category = models.CharField(max_length=24)
    evidence = models.JSONField(default=list, blank=True, help_text="The words, hashtags or emoji that triggered it.")
    source = models.CharField(max_length=8, help_text="words, model or agency (the agency's own keyword list).")
    created_at = models.DateTimeField(default=dj_timezone.now)
    dismissed_at = models.DateTimeField(null=True, blank=True)
    dismissed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    dismissal_note = models.TextField(blank=True, default="")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["post", "category"], name="profiles_safetyflag_unique")]

    def __str__(self) -> str:
        return f"{self.post_id}: {self.category}"

    @property
    def label(self) -> str:
        from ml.engine.brand_safety import LABELS

        return LABELS.get(self.category, self.category)


class RelationKind(models.TextChoices):
    FOLLOWS = "follows", "Follows"
    MENTIONS = "mentions", "Mentions"
    TAGS = "tags", "Tags"
    REPLIES = "replies", "Replies to"
    RETWEETS = "retweets", "Retweets / reposts"


class Relation(models.Model):
    """A directed edge between two accounts: `source` follows / mentions / tags / replies to / retweets `target`."""

    organization = models.ForeignKey("accounts.Organization", on_delete=models.CASCADE, related_name="relations")
    source = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="outgoing_relations")
    target = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="incoming_relations")
    kind = models.CharField(max_length=16, choices=RelationKind.choices)
    count = models.PositiveIntegerField(default=1)
    first_seen_at = models.DateTimeField(default=dj_timezone.now)
    last_seen_at = models.DateTimeField(default=dj_timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["source", "target", "kind"], name="profiles_relation_unique"),
        ]
        indexes = [models.Index(fields=["organization", "kind"]), models.Index(fields=["target", "kind"])]

    def __str__(self) -> str:
        return f"{self.source_id} {self.kind} {self.target_id}"


# --- Background work, credentials and shared rate-limit state (additive to the shared data model) ------------------


class FetchKind(models.TextChoices):
    PROFILE = "profile", "Profile and recent posts"
    FOLLOWERS = "followers", "Follower sample"


class FetchJob(Job):
    """One platform fetch for a linked profile, run on the `fetch` queue."""

    task_name = "profiles.tasks.fetch_job"

    organization = models.ForeignKey("accounts.Organization", on_delete=models.CASCADE, related_name="fetch_jobs")
    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="fetch_jobs")
    kind = models.CharField(max_length=16, choices=FetchKind.choices, default=FetchKind.PROFILE)
    follower_limit = models.PositiveIntegerField(default=0)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    attempts = models.PositiveIntegerField(default=0)
    result = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["organization", "status"])]

    def __str__(self) -> str:
        return f"fetch {self.kind} {self.profile_id} ({self.status})"


def _import_upload_path(instance: ImportJob, filename: str) -> str:
    return f"imports/{instance.organization_id}/{dj_timezone.now():%Y%m%d%H%M%S}-{filename}"


class ImportJob(Job):
    """An uploaded file imported in the background (large files), with progress for the page."""

    task_name = "profiles.tasks.import_file"
    # A file whose import kills its worker (memory, a crash) would otherwise be taken over by the stale-job sweep
    # forever: after this many starts it is failed with the reason on the row.
    max_attempts: ClassVar[int] = 3

    organization = models.ForeignKey("accounts.Organization", on_delete=models.CASCADE, related_name="import_jobs")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    file = models.FileField(upload_to=_import_upload_path, max_length=500)
    original_name = models.CharField(max_length=255)
    format = models.CharField(max_length=32, default="auto")
    followers_of = models.ForeignKey(Profile, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    result = models.JSONField(default=dict, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0, help_text="How many times a worker started this import.")

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"import {self.original_name} ({self.status})"

    @classmethod
    def claim(cls, pk: int, *, from_statuses: tuple[str, ...] = (JobStatus.PENDING, JobStatus.WAITING)) -> bool:
        """Job.claim, counting starts; a job taken over after `max_attempts` starts is failed instead."""
        now = dj_timezone.now()
        gave_up = cls.objects.filter(Q(pk=pk) & cls.stale_filter() & Q(attempts__gte=cls.max_attempts)).update(
            status=JobStatus.FAILED,
            finished_at=now,
            error=f"Gave up after {cls.max_attempts} attempts: the worker importing this file stopped each time "
            "(out of memory or killed). Split the file into smaller ones and import them again.",
        )
        if gave_up:
            return False
        return bool(
            cls.objects.filter(Q(pk=pk) & (Q(status__in=from_statuses) | cls.stale_filter())).update(
                status=JobStatus.RUNNING,
                started_at=now,
                heartbeat_at=now,
                waiting_until=None,
                attempts=F("attempts") + 1,
            )
        )


class InstagramSession(models.Model):
    """An agency's Instagram login session (instaloader cookies), Fernet-encrypted at rest and reused by fetches."""

    organization = models.OneToOneField(
        "accounts.Organization", on_delete=models.CASCADE, related_name="instagram_session"
    )
    username = models.CharField(max_length=64)
    encrypted_cookies = models.TextField(help_text="Fernet token of the JSON cookie dict.")
    created_at = models.DateTimeField(default=dj_timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True, default="")

    def __str__(self) -> str:
        return f"Instagram session @{self.username}"


class RateLimitBucket(models.Model):
    """Database-backed shared rate limiter state (used when the broker is not Redis).

    `hits` is the sliding-window log of grant times (unix seconds); `blocked_until` is a platform-imposed pause."""

    key = models.CharField(max_length=200, unique=True)
    hits = models.JSONField(default=list, blank=True)
    blocked_until = models.FloatField(default=0.0)
    version = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return self.key


class FollowerCursor(models.Model):
    """Where a follower sample of a linked profile stands, so an interrupted fetch resumes without duplicates."""

    profile = models.OneToOneField(Profile, on_delete=models.CASCADE, related_name="follower_cursor")
    state = models.JSONField(default=dict, blank=True, help_text="Frozen instaloader iterator or X next_token.")
    fetched = models.PositiveIntegerField(default=0)
    target = models.PositiveIntegerField(default=0)
    finished = models.BooleanField(default=False)
    started_at = models.DateTimeField(default=dj_timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"followers of {self.profile_id}: {self.fetched}/{self.target}"
