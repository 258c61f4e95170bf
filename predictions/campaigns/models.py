"""Campaigns and content review: campaigns, submissions with immutable versions, reviews, comments, the audit
trail, virality scores per version and retraining runs of the like-prediction model."""

from __future__ import annotations

import uuid
from pathlib import Path

from django.conf import settings
from django.db import models
from django.utils import timezone

from config.jobs import Job
from ml.services import DEFAULT_JURISDICTION, JURISDICTION_CHOICES

__all__ = [
    "ApprovalRule",
    "ApprovalStep",
    "Campaign",
    "CampaignStatus",
    "Comment",
    "MediaKind",
    "RetrainingRun",
    "ReviewDecision",
    "ReviewDecisionKind",
    "Submission",
    "SubmissionEvent",
    "SubmissionImage",
    "SubmissionStatus",
    "SubmissionVersion",
    "VersionScore",
]


class CampaignStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    ACTIVE = "active", "Active"
    COMPLETED = "completed", "Completed"
    ARCHIVED = "archived", "Archived"


class ApprovalRule(models.TextChoices):
    ANY = "any", "Any assigned reviewer approves"
    ALL = "all", "All assigned reviewers approve"


class ApprovalStep(models.TextChoices):
    """Who approves content: the agency's reviewers, then (optionally) the brand's external approvers."""

    AGENCY = "agency", "Agency only"
    AGENCY_THEN_BRAND = "agency_then_brand", "Agency, then brand"
    BRAND = "brand", "Brand only"


class Campaign(models.Model):
    organization = models.ForeignKey("accounts.Organization", on_delete=models.CASCADE, related_name="campaigns")
    name = models.CharField(max_length=160)
    brand = models.CharField(max_length=160)
    brief = models.TextField(blank=True, default="")
    starts_on = models.DateField()
    ends_on = models.DateField()
    required_hashtags = models.JSONField(default=list, blank=True, help_text="Lower-case, without the #.")
    required_mentions = models.JSONField(default=list, blank=True, help_text="Lower-case, without the @.")
    jurisdiction = models.CharField(
        max_length=16,
        choices=JURISDICTION_CHOICES,
        default=DEFAULT_JURISDICTION,
        help_text="Whose ad-disclosure rules drafts and published posts are checked against.",
    )
    influencers = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="campaigns_invited")
    reviewers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="campaigns_reviewing",
        help_text="Empty: any member who may review content.",
    )
    approval_rule = models.CharField(max_length=8, choices=ApprovalRule.choices, default=ApprovalRule.ANY)
    approval_step = models.CharField(
        max_length=24,
        choices=ApprovalStep.choices,
        default=ApprovalStep.AGENCY,
        help_text="Brand steps email the campaign's external approvers a magic link.",
    )
    status = models.CharField(max_length=16, choices=CampaignStatus.choices, default=CampaignStatus.ACTIVE)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-starts_on", "name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="predictions_campaign_dates_ordered"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.brand})"


class SubmissionStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"
    CHANGES_REQUESTED = "changes_requested", "Changes requested"
    RESUBMITTED = "resubmitted", "Resubmitted"
    BRAND_REVIEW = "brand_review", "Awaiting brand approval"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"


AWAITING_REVIEW = (SubmissionStatus.SUBMITTED, SubmissionStatus.RESUBMITTED)


class MediaKind(models.TextChoices):
    IMAGE = "image", "Image"
    CAROUSEL = "carousel", "Carousel"
    VIDEO = "video", "Video"


class Submission(models.Model):
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="submissions")
    influencer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="submissions")
    profile = models.ForeignKey("profiles.Profile", on_delete=models.PROTECT, related_name="submissions")
    status = models.CharField(
        max_length=24, choices=SubmissionStatus.choices, default=SubmissionStatus.DRAFT, db_index=True
    )
    latest_version_number = models.PositiveIntegerField(default=0)
    published_post = models.ForeignKey(
        "profiles.Post", null=True, blank=True, on_delete=models.SET_NULL, related_name="campaign_submissions"
    )
    actual_likes = models.BigIntegerField(null=True, blank=True)
    actual_recorded_at = models.DateTimeField(null=True, blank=True)
    actual_source = models.CharField(
        max_length=32, blank=True, default="", help_text="'post' (linked published post), 'matched' or 'manual'."
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at"]

    def __str__(self) -> str:
        return f"Submission #{self.pk} by {self.influencer} for {self.campaign}"

    @property
    def awaiting_review(self) -> bool:
        return self.status in AWAITING_REVIEW


class SubmissionVersion(models.Model):
    """One immutable upload of a submission. Services only ever create these; nothing updates them."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    caption = models.TextField(blank=True, default="")
    planned_at = models.DateTimeField()
    timezone_name = models.CharField(max_length=64, default="UTC")
    paid_partnership = models.BooleanField(default=False, help_text="The platform's paid-partnership label is on.")
    media_type = models.CharField(max_length=16, choices=MediaKind.choices, default=MediaKind.IMAGE)
    brief_check = models.JSONField(default=dict, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["submission", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["submission", "number"], name="predictions_submissionversion_number")
        ]

    def __str__(self) -> str:
        return f"v{self.number} of submission #{self.submission_id}"

    @property
    def brief_ok(self) -> bool:
        return bool(self.brief_check.get("ok"))


def _image_upload_to(instance: SubmissionImage, filename: str) -> str:
    return f"submissions/{instance.version.submission_id}/v{instance.version.number}/{filename}"


class SubmissionImage(models.Model):
    version = models.ForeignKey(SubmissionVersion, on_delete=models.CASCADE, related_name="images")
    position = models.PositiveSmallIntegerField(default=0)
    image = models.ImageField(upload_to=_image_upload_to, width_field="width", height_field="height")
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    original_name = models.CharField(max_length=255, blank=True, default="")
    faces_preview = models.ImageField(upload_to=_image_upload_to, blank=True, default="")

    class Meta:
        ordering = ["version", "position"]

    def __str__(self) -> str:
        return f"Image {self.position + 1} of {self.version}"


def _video_upload_to(instance: SubmissionVideo, filename: str) -> str:
    return f"submissions/{instance.version.submission_id}/v{instance.version.number}/video/{filename}"


class SubmissionVideo(Job):
    """A version's video: the original as uploaded (kept, never served), and what the `ml` queue makes of it in one
    decoding pass under limits (ml.engine.video): the web-playable rendition, the poster, the thumbnail strip and
    the features scoring explains itself with. Scoring starts when this is done."""

    task_name = "predictions.campaigns.tasks.process_submission_video"
    organization_lookup = "version__submission__campaign__organization_id"

    version = models.OneToOneField(SubmissionVersion, on_delete=models.CASCADE, related_name="video")
    original = models.FileField(upload_to=_video_upload_to, max_length=300, blank=True)  # removed if it fails
    original_name = models.CharField(max_length=255, blank=True, default="")
    size_bytes = models.BigIntegerField(default=0)
    probe = models.JSONField(default=dict, blank=True, help_text="Container, codecs, size, rate, duration, rotation.")
    warnings = models.JSONField(default=list, blank=True, help_text="What only hurts reach (not 9:16, under 720p).")
    rendition = models.FileField(upload_to=_video_upload_to, max_length=300, blank=True, default="")
    poster = models.ImageField(upload_to=_video_upload_to, max_length=300, blank=True, default="")
    strip = models.ImageField(upload_to=_video_upload_to, max_length=300, blank=True, default="")
    features = models.JSONField(default=dict, blank=True)

    def __str__(self) -> str:
        return f"Video of {self.version}"

    @property
    def duration(self) -> float:
        return float(self.features.get("duration") or self.probe.get("duration") or 0.0)

    @property
    def display_size(self) -> tuple[int, int]:
        return int(self.probe.get("display_width") or 0), int(self.probe.get("display_height") or 0)


class VersionScore(Job):
    """The like prediction for one version, computed on the `ml` queue."""

    task_name = "predictions.campaigns.tasks.score_submission_version"
    organization_lookup = "version__submission__campaign__organization_id"

    version = models.OneToOneField(SubmissionVersion, on_delete=models.CASCADE, related_name="score")
    predicted_likes = models.FloatField(null=True, blank=True)
    predicted_likes_low = models.FloatField(null=True, blank=True, help_text="p10")
    predicted_likes_high = models.FloatField(null=True, blank=True, help_text="p90")
    # Video drafts: predicted views with their 80% interval (ml.engine.video_views).
    predicted_views = models.FloatField(null=True, blank=True)
    predicted_views_low = models.FloatField(null=True, blank=True, help_text="p10")
    predicted_views_high = models.FloatField(null=True, blank=True, help_text="p90")
    # Video drafts: the views prediction's standing, reasons and basis, and what the video does (checks).
    video = models.JSONField(default=dict, blank=True)
    ratio_to_mean = models.FloatField(null=True, blank=True)
    virality_score = models.FloatField(null=True, blank=True, help_text="P(likes ≥ 2 × account median).")
    standing = models.JSONField(
        default=dict,
        blank=True,
        help_text="{of, beats, expected_beats, median_beats}: where the draft lands among the account's latest posts.",
    )
    best_times = models.JSONField(default=list, blank=True)
    timing = models.JSONField(
        default=dict,
        blank=True,
        help_text="The account's weekday × 3-hour heatmap (ml.engine.likes.timing) and the best times' basis.",
    )
    reasons = models.JSONField(default=list, blank=True)
    image_features = models.JSONField(default=list, blank=True)
    model_version = models.CharField(max_length=64, blank=True, default="")

    def __str__(self) -> str:
        return f"Score of {self.version} ({self.status})"

    @property
    def standing_marks(self) -> list[bool]:
        """One mark per recent post compared, the first `beats` filled: the standing as a bar."""
        standing = self.standing or {}
        return [i < int(standing.get("beats", 0)) for i in range(int(standing.get("of", 0)))]

    @property
    def best_times_display(self) -> list[dict[str, object]]:
        """best_times with a readable label for the slot ('Tue 24 Nov, 18:00') in the slot's own offset."""
        import datetime as dt

        rows = []
        for slot in self.best_times or []:
            row = dict(slot)
            try:
                when = dt.datetime.fromisoformat(str(slot.get("slot")))
                row["label"] = when.strftime("%a %d %b, %H:%M")
            except (TypeError, ValueError):
                row["label"] = str(slot.get("slot", ""))
            rows.append(row)
        return rows


class ReviewDecisionKind(models.TextChoices):
    APPROVE = "approve", "Approve"
    REQUEST_CHANGES = "request_changes", "Request changes"
    REJECT = "reject", "Reject"


class ReviewDecision(models.Model):
    version = models.ForeignKey(SubmissionVersion, on_delete=models.CASCADE, related_name="decisions")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decision = models.CharField(max_length=24, choices=ReviewDecisionKind.choices)
    note = models.TextField(blank=True, default="")
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(fields=["version", "reviewer"], name="predictions_reviewdecision_one_per_reviewer")
        ]

    def __str__(self) -> str:
        return f"{self.get_decision_display()} by {self.reviewer} on {self.version}"


class Comment(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="comments")
    version = models.ForeignKey(
        SubmissionVersion, null=True, blank=True, on_delete=models.SET_NULL, related_name="comments"
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    body = models.TextField()
    # A moment of the version's video the comment is about ("0:07 the logo is cut off"), in seconds.
    at_seconds = models.FloatField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"Comment by {self.author} on submission #{self.submission_id}"

    @property
    def moment(self) -> str:
        """The moment as people write it: "0:07", "1:02:03"."""
        return moment_label(self.at_seconds) if self.at_seconds is not None else ""


def moment_label(seconds: float) -> str:
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class SubmissionEvent(models.Model):
    """Audit trail: who did what, when. Append-only."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=40)
    actor_email = models.EmailField(
        blank=True, default="", help_text="An external approver's email (they have no account)."
    )
    from_status = models.CharField(max_length=24, blank=True, default="")
    to_status = models.CharField(max_length=24, blank=True, default="")
    version_number = models.PositiveIntegerField(null=True, blank=True)
    detail = models.TextField(blank=True, default="")
    created_at = models.DateTimeField(default=timezone.now, editable=False, db_index=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.action} on submission #{self.submission_id} by {self.actor}"

    @property
    def action_label(self) -> str:
        return self.action.replace("_", " ").capitalize()

    @property
    def from_status_label(self) -> str:
        """The status as people read it ("Changes requested"), never its code."""
        return _status_label(self.from_status)

    @property
    def to_status_label(self) -> str:
        return _status_label(self.to_status)


def _status_label(code: str) -> str:
    return str(dict(SubmissionStatus.choices).get(code, code.replace("_", " ").capitalize()))


class RetrainingRun(Job):
    """One weekly retraining decision of the like-prediction model from campaign outcomes."""

    organization_lookup = None  # the shared model: every agency's scores

    new_outcomes = models.PositiveIntegerField(default=0)
    decision = models.CharField(max_length=24, blank=True, default="", help_text="skipped / kept_active / activated")
    candidate_version = models.CharField(max_length=64, blank=True, default="")
    active_version = models.CharField(max_length=64, blank=True, default="")
    metrics = models.JSONField(default=dict, blank=True)
    detail = models.TextField(blank=True, default="")

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Retraining run {self.pk}: {self.decision or self.status}"


class ResumableUpload(models.Model):
    """A video draft arriving in pieces (tus protocol, predictions.campaigns.resumable): the part file grows to
    `length`; the submission form then takes it by its id."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    filename = models.CharField(max_length=255, blank=True, default="")
    length = models.BigIntegerField()
    offset = models.BigIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Upload {self.id} ({self.offset}/{self.length})"

    @property
    def path(self) -> Path:
        folder = Path(settings.CAMPAIGN_UPLOAD_PARTS_DIR)
        folder.mkdir(parents=True, exist_ok=True)
        return folder / f"{self.id}.part"

    @property
    def complete(self) -> bool:
        return self.offset == self.length
