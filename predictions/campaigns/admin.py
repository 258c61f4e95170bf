"""Django admin for campaign review."""

from __future__ import annotations

from django.contrib import admin

from predictions.campaigns.models import (
    Campaign,
    Comment,
    RetrainingRun,
    ReviewDecision,
    Submission,
    SubmissionEvent,
    SubmissionImage,
    SubmissionVersion,
    VersionScore,
)


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    list_display = ["name", "brand", "organization", "starts_on", "ends_on", "status", "approval_rule"]
    list_filter = ["status", "organization"]
    search_fields = ["name", "brand"]
    filter_horizontal = ["influencers", "reviewers"]


class VersionInline(admin.TabularInline):
    model = SubmissionVersion
    extra = 0
    fields = ["number", "caption", "planned_at", "timezone_name", "paid_partnership", "created_at"]
    readonly_fields = fields
    can_delete = False


class EventInline(admin.TabularInline):
    model = SubmissionEvent
    extra = 0
    fields = ["created_at", "actor", "action", "from_status", "to_status", "version_number", "detail"]
    readonly_fields = fields
    can_delete = False


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    list_display = ["pk", "campaign", "influencer", "profile", "status", "latest_version_number", "actual_likes"]
    list_filter = ["status"]
    inlines = [VersionInline, EventInline]
    raw_id_fields = ["published_post", "profile"]


@admin.register(VersionScore)
class VersionScoreAdmin(admin.ModelAdmin):
    list_display = ["version", "status", "predicted_likes", "virality_score", "model_version", "error"]
    list_filter = ["status"]


@admin.register(RetrainingRun)
class RetrainingRunAdmin(admin.ModelAdmin):
    list_display = [
        "created_at",
        "status",
        "decision",
        "new_outcomes",
        "candidate_version",
        "active_version",
        "detail",
        "error",
    ]


admin.site.register([SubmissionImage, ReviewDecision, Comment, SubmissionEvent])
