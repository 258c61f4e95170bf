"""Discovery: one searchable row per stored profile (niche, language, country, engagement, quality, growth, content
vector), kept beside the profile and refreshed when its posts or counts change; and agencies' shortlists.

`ProfileInsight` copies the few profile fields the filters need (followers, verified, business, linked, platform),
so a filtered, sorted page over 100,000 profiles is one indexed scan of one table (bench/bench_discovery.py).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils import timezone

from profiles.platforms import shown_handle


class ProfileInsight(models.Model):
    profile = models.OneToOneField(
        "profiles.Profile", on_delete=models.CASCADE, primary_key=True, related_name="insight"
    )
    organization = models.ForeignKey("accounts.Organization", on_delete=models.CASCADE, related_name="+")
    platform = models.CharField(max_length=16)
    handle = models.CharField(max_length=64)
    followers_count = models.BigIntegerField(null=True, blank=True)
    is_verified = models.BooleanField(default=False)
    is_business = models.BooleanField(default=False)
    is_linked = models.BooleanField(default=False)
    engagement_rate = models.FloatField(null=True, blank=True, help_text="(likes + comments) / followers, latest 12.")
    engagement_rate_views = models.FloatField(
        null=True, blank=True, help_text="(likes + comments + shares) / views, latest 12 with views (video platforms)."
    )
    quality_score = models.FloatField(null=True, blank=True, help_text="Audience quality score of the latest audit.")
    growth_30d = models.FloatField(null=True, blank=True, help_text="Follower change over the last 30 days (share).")
    last_post_at = models.DateTimeField(null=True, blank=True)
    sparkline = models.JSONField(default=list, blank=True, help_text="Follower counts of the latest snapshots.")

    niche = models.CharField(max_length=16, blank=True, default="", help_text="The correction if any, else predicted.")
    niche_share = models.FloatField(null=True, blank=True)
    niche_shares = models.JSONField(default=list, blank=True, help_text="[{category, share}], highest first.")
    niche_reasons = models.JSONField(default=list, blank=True, help_text="Posts that weigh most towards the niche.")
    niche_predicted = models.CharField(max_length=16, blank=True, default="")
    niche_model_version = models.CharField(max_length=64, blank=True, default="")
    niche_corrected = models.CharField(
        max_length=16,
        blank=True,
        default="",
        help_text="A user's correction; wins over the model and is kept for retraining.",
    )
    niche_corrected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    niche_corrected_at = models.DateTimeField(null=True, blank=True)

    content_language = models.CharField(max_length=8, blank=True, default="")
    language_shares = models.JSONField(default=list, blank=True, help_text="[{language, share}] over captions+bio.")
    country = models.CharField(max_length=2, blank=True, default="", help_text="ISO code; empty = unknown.")
    countries = models.JSONField(default=list, blank=True, help_text="[{code, name, posts, bio}] with evidence.")

    sponsored_posts = models.PositiveIntegerField(
        default=0, help_text="Posts marked sponsored (yes or likely) among the latest paid_window posts."
    )
    paid_window = models.PositiveIntegerField(default=0, help_text="Dated posts read for paid vs organic (up to 60).")
    paid_ratio = models.FloatField(
        null=True,
        blank=True,
        help_text="Engagement per sponsored post ÷ per organic post over the same window; empty under 3 of each.",
    )

    safety_grade = models.CharField(
        max_length=1, blank=True, default="", help_text="Brand-safety grade A-C (ml.engine.brand_safety); empty: none."
    )
    safety_screened_posts = models.PositiveIntegerField(default=0, help_text="Posts screened for brand safety.")
    safety_flagged_posts = models.PositiveIntegerField(
        default=0, help_text="Screened posts with a flag nobody dismissed."
    )
    safety_categories = models.JSONField(
        default=dict, blank=True, help_text="{category: posts} over the flags nobody dismissed."
    )

    typical_post = models.JSONField(
        default=dict,
        blank=True,
        help_text="The like model's {p10, p50, p90} (or {error}) for a post like the latest, with computed_at; made "
        "ahead on the ml queue for shortlisted profiles so that compare never loads a model (discovery.tasks).",
    )

    embedding = models.BinaryField(null=True, blank=True, help_text="float16 mean MiniLM vector of recent captions.")
    search_text = models.TextField(blank=True, default="", help_text="Handle, name, bio and recent captions.")
    # PostgreSQL full-text vector of search_text (GIN-indexed by migration 0002); unused on SQLite, where search
    # falls back to matching every term in search_text.
    search_vector = SearchVectorField(null=True, blank=True)
    source_signature = models.CharField(
        max_length=64,
        blank=True,
        default="",
        help_text="Digest of the inputs; a refresh with the same inputs is skipped.",
    )
    error = models.TextField(blank=True, default="", help_text="Why the last refresh failed, shown on the page.")
    refreshed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [
            models.Index(fields=["organization", "-followers_count"], name="disc_org_followers"),
            models.Index(fields=["organization", "-engagement_rate"], name="disc_org_er"),
            models.Index(fields=["organization", "-quality_score"], name="disc_org_aqs"),
            models.Index(fields=["organization", "-growth_30d"], name="disc_org_growth"),
            models.Index(fields=["organization", "niche", "-followers_count"], name="disc_org_niche"),
            models.Index(fields=["organization", "content_language", "-followers_count"], name="disc_org_lang"),
            models.Index(fields=["organization", "country", "-followers_count"], name="disc_org_country"),
            models.Index(fields=["organization", "last_post_at"], name="disc_org_last_post"),
            models.Index(fields=["organization", "safety_grade", "-followers_count"], name="disc_org_safety"),
            models.Index(fields=["organization", "-paid_ratio"], name="disc_org_paid"),
        ]

    def __str__(self) -> str:
        return f"{shown_handle(self.platform, self.handle)}: {self.niche or 'no niche'}"

    @property
    def engagement_percent(self) -> float | None:
        return None if self.engagement_rate is None else self.engagement_rate * 100

    @property
    def engagement_views_percent(self) -> float | None:
        return None if self.engagement_rate_views is None else self.engagement_rate_views * 100

    @property
    def is_corrected(self) -> bool:
        return bool(self.niche_corrected)


class Shortlist(models.Model):
    organization = models.ForeignKey("accounts.Organization", on_delete=models.CASCADE, related_name="shortlists")
    name = models.CharField(max_length=120)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["organization", "name"], name="discovery_shortlist_name")]

    def __str__(self) -> str:
        return self.name


class ShortlistEntry(models.Model):
    shortlist = models.ForeignKey(Shortlist, on_delete=models.CASCADE, related_name="entries")
    profile = models.ForeignKey("profiles.Profile", on_delete=models.CASCADE, related_name="+")
    note = models.TextField(blank=True, default="")
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    added_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["added_at", "id"]
        constraints = [models.UniqueConstraint(fields=["shortlist", "profile"], name="discovery_entry_unique")]

    def __str__(self) -> str:
        return f"{self.shortlist_id}: {self.profile_id}"
