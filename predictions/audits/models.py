"""Follower audits: classify a sample of a linked profile's followers and score the audience's quality."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from config.jobs import Job


class AudienceCategory(models.TextChoices):
    MASS_FOLLOWER = "mass_follower", "Mass follower"
    INFLUENCER = "influencer", "Influencer"
    SUSPICIOUS = "suspicious", "Suspicious"
    REAL = "real", "Real person"


class FollowerAudit(Job):
    """One audit run. Counts and score are derived from its result rows (never incremented), so a resumed run
    cannot double-count."""

    organization = models.ForeignKey("accounts.Organization", on_delete=models.CASCADE, related_name="follower_audits")
    profile = models.ForeignKey("profiles.Profile", on_delete=models.CASCADE, related_name="follower_audits")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sample_size = models.PositiveIntegerField(
        null=True, blank=True, default=1000, help_text="Followers to classify; empty = all stored followers."
    )
    fetch_followers = models.BooleanField(
        default=False, help_text="Fetch followers from the platform before classifying."
    )
    sample_ids = models.JSONField(
        default=list,
        blank=True,
        editable=False,
        help_text="Follower profile ids drawn for this audit (fixed once drawn).",
    )
    model_version = models.ForeignKey(
        "ml.ModelVersion", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    classified_count = models.PositiveIntegerField(default=0)
    mass_follower_count = models.PositiveIntegerField(default=0)
    influencer_count = models.PositiveIntegerField(default=0)
    suspicious_count = models.PositiveIntegerField(default=0)
    real_count = models.PositiveIntegerField(default=0)
    audience_quality_score = models.FloatField(
        null=True, blank=True, help_text="0-100: share of real people and influencers."
    )
    audience_languages = models.JSONField(
        null=True,
        blank=True,
        editable=False,
        help_text="{languages: [{language, share}], followers, with_text}: the followers' languages, set when it ends.",
    )
    attempts = models.PositiveSmallIntegerField(default=0)

    # A dead worker's audit is re-queued by the stale-job sweep (config.celery.requeue_stale_jobs); its claim
    # (services.audit_claim) counts attempts.
    task_name = "predictions.audits.tasks.audit_run"

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["organization", "-created_at"]), models.Index(fields=["profile", "status"])]

    def __str__(self) -> str:
        return f"Audit #{self.pk} of {self.profile}"

    @property
    def category_counts(self) -> dict[str, int]:
        return {
            AudienceCategory.MASS_FOLLOWER: self.mass_follower_count,
            AudienceCategory.INFLUENCER: self.influencer_count,
            AudienceCategory.SUSPICIOUS: self.suspicious_count,
            AudienceCategory.REAL: self.real_count,
        }


class FollowerAuditResult(models.Model):
    audit = models.ForeignKey(FollowerAudit, on_delete=models.CASCADE, related_name="results")
    follower = models.ForeignKey("profiles.Profile", on_delete=models.CASCADE, related_name="+")
    category = models.CharField(max_length=16, choices=AudienceCategory.choices)
    probability = models.FloatField(help_text="Calibrated probability that the account is fake or a bot.")
    reasons = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-probability"]
        constraints = [models.UniqueConstraint(fields=["audit", "follower"], name="predictions_auditresult_unique")]
        indexes = [models.Index(fields=["audit", "category"])]

    def __str__(self) -> str:
        return f"{self.follower_id}: {self.category} ({self.probability:.2f})"
