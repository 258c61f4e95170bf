"""Campaign results for the brand: per-post metric history of published posts, creator fees, the agency's EMV
rates, read-only share links to a campaign report, and the brand's external approvers with their magic links."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone

__all__ = ["ApprovalLink", "CreatorFee", "EmvRates", "ExternalApprover", "PostMetric", "ReportShareLink"]

MONEY = {"max_digits": 12, "decimal_places": 2, "validators": [MinValueValidator(Decimal("0"))]}
RATE = {"max_digits": 10, "decimal_places": 4, "validators": [MinValueValidator(Decimal("0"))]}


class PostMetric(models.Model):
    """One reading of a published post's counters, taken when the tracker found fresh data (a fetch or import)."""

    post = models.ForeignKey("profiles.Post", on_delete=models.CASCADE, related_name="metrics")
    recorded_at = models.DateTimeField(default=timezone.now, db_index=True)
    likes = models.BigIntegerField(null=True, blank=True)
    comments = models.BigIntegerField(null=True, blank=True)
    views = models.BigIntegerField(null=True, blank=True)
    shares = models.BigIntegerField(null=True, blank=True)
    source = models.CharField(max_length=300, blank=True, default="", help_text="'api', 'import:<file>', 'seed'.")

    class Meta:
        ordering = ["post", "recorded_at"]
        constraints = [models.UniqueConstraint(fields=["post", "recorded_at"], name="results_postmetric_unique")]

    def __str__(self) -> str:
        return f"{self.post_id} @ {self.recorded_at:%Y-%m-%d %H:%M}: {self.likes} likes"


class CreatorFee(models.Model):
    """What the agency pays one creator for one campaign (in the agency's EMV currency)."""

    campaign = models.ForeignKey("campaigns.Campaign", on_delete=models.CASCADE, related_name="creator_fees")
    influencer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    amount = models.DecimalField(**MONEY)  # type: ignore[arg-type]
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["campaign", "influencer"], name="results_creatorfee_one_per_creator")
        ]

    def __str__(self) -> str:
        return f"{self.amount} for {self.influencer_id} on campaign {self.campaign_id}"


class EmvRates(models.Model):
    """Earned media value per action, per agency. Vendors disagree on these; the report prints the formula."""

    DEFAULTS = {"like": Decimal("0.08"), "comment": Decimal("0.50"), "view": Decimal("0.02"), "share": Decimal("1.00")}

    organization = models.OneToOneField("accounts.Organization", on_delete=models.CASCADE, related_name="emv_rates")
    currency = models.CharField(max_length=3, default="EUR")
    like = models.DecimalField(default=DEFAULTS["like"], **RATE)  # type: ignore[arg-type]
    comment = models.DecimalField(default=DEFAULTS["comment"], **RATE)  # type: ignore[arg-type]
    view = models.DecimalField(default=DEFAULTS["view"], **RATE)  # type: ignore[arg-type]
    share = models.DecimalField(default=DEFAULTS["share"], **RATE)  # type: ignore[arg-type]
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "EMV rates"

    def __str__(self) -> str:
        return f"EMV rates of {self.organization_id}"


class ReportShareLink(models.Model):
    """A read-only link to one campaign's report for the brand. The URL carries a signed id and a secret whose
    SHA-256 is kept here; revoking or expiry makes the link say so."""

    campaign = models.ForeignKey("campaigns.Campaign", on_delete=models.CASCADE, related_name="share_links")
    label = models.CharField(max_length=120, blank=True, default="")
    secret_digest = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    last_opened_at = models.DateTimeField(null=True, blank=True)
    open_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Share link {self.pk} of campaign {self.campaign_id}"

    @property
    def state(self) -> str:
        if self.revoked_at is not None:
            return "revoked"
        if self.expires_at <= timezone.now():
            return "expired"
        return "active"


class ExternalApprover(models.Model):
    """A brand contact who approves content through magic links, without an account."""

    campaign = models.ForeignKey("campaigns.Campaign", on_delete=models.CASCADE, related_name="external_approvers")
    email = models.EmailField()
    name = models.CharField(max_length=160, blank=True, default="")
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["email"]
        constraints = [models.UniqueConstraint(fields=["campaign", "email"], name="results_externalapprover_unique")]

    def __str__(self) -> str:
        return f"{self.email} (campaign {self.campaign_id})"


class ApprovalLink(models.Model):
    """One magic link: one approver, one version of one submission, one decision. Never a session."""

    approver = models.ForeignKey(ExternalApprover, on_delete=models.CASCADE, related_name="links")
    submission = models.ForeignKey("campaigns.Submission", on_delete=models.CASCADE, related_name="approval_links")
    version = models.ForeignKey("campaigns.SubmissionVersion", on_delete=models.CASCADE, related_name="+")
    secret_digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    used_at = models.DateTimeField(null=True, blank=True)
    decision = models.CharField(max_length=24, blank=True, default="")
    note = models.TextField(blank=True, default="")
    closed_reason = models.CharField(
        max_length=200,
        blank=True,
        default="",
        help_text="Why the link no longer works when someone else decided first.",
    )

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["approver", "version"], name="results_approvallink_one_per_version")
        ]

    def __str__(self) -> str:
        return f"Approval link for {self.approver.email} on {self.version}"

    @property
    def decision_label(self) -> str:
        return {"approve": "Approved", "request_changes": "Changes requested"}.get(self.decision, self.decision)
