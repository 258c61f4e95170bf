"""Social accounts an agency tracks, their history and their relations.

`Profile` is any platform account the agency has data about: the ones it linked on purpose (`is_linked`), and the
ones discovered through them (followers, mentioned or tagged accounts). Every write is an idempotent upsert on the
unique constraints below.
"""
from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone as dj_timezone


class Platform(models.TextChoices):
    INSTAGRAM = "instagram", "Instagram"
    X = "x", "X (Twitter)"


class Profile(models.Model):
    organization = models.ForeignKey("accounts.Organization", on_delete=models.CASCADE, related_name="profiles")
    platform = models.CharField(max_length=16, choices=Platform.choices)
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
    influencer = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="linked_profiles")
    timezone = models.CharField(max_length=64, blank=True, default="",
                                help_text="Audience timezone for best-time-to-post; the agency's when empty.")
    last_fetched_at = models.DateTimeField(null=True, blank=True)
    last_source = models.CharField(max_length=300, blank=True, default="",
                                   help_text="'api' or 'import:<file name>'.")
    created_at = models.DateTimeField(default=dj_timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["platform", "handle"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "platform", "handle"], name="profiles_profile_handle"),
            models.UniqueConstraint(fields=["organization", "platform", "platform_id"],
                                    condition=~models.Q(platform_id=""), name="profiles_profile_platform_id"),
        ]
        indexes = [models.Index(fields=["organization", "is_linked"])]

    def __str__(self) -> str:
        return f"@{self.handle} ({self.get_platform_display()})"

    @property
    def url(self) -> str:
        if self.platform == Platform.INSTAGRAM:
            return f"https://www.instagram.com/{self.handle}/"
        return f"https://x.com/{self.handle}"


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
    image_description = models.TextField(blank=True, default="",
                                         help_text="The platform's own description, e.g. 'Image may contain: …'.")
    is_sponsored = models.BooleanField(null=True, blank=True)
    extra = models.JSONField(default=dict, blank=True)
    fetched_at = models.DateTimeField(default=dj_timezone.now)

    class Meta:
        ordering = ["-taken_at"]
        constraints = [models.UniqueConstraint(fields=["profile", "platform_id"], name="profiles_post_unique")]

    def __str__(self) -> str:
        return f"{self.profile.handle}/{self.shortcode or self.platform_id}"


class RelationKind(models.TextChoices):
    FOLLOWS = "follows", "Follows"
    MENTIONS = "mentions", "Mentions"
    TAGS = "tags", "Tags"
    REPLIES = "replies", "Replies to"


class Relation(models.Model):
    """A directed edge between two accounts: `source` follows / mentions / tags / replies to `target`."""

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
