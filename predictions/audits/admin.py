from __future__ import annotations

from django.contrib import admin

from predictions.audits.models import FollowerAudit, FollowerAuditResult


@admin.register(FollowerAudit)
class FollowerAuditAdmin(admin.ModelAdmin):
    list_display = [
        "id",
        "profile",
        "organization",
        "status",
        "progress_done",
        "progress_total",
        "audience_quality_score",
        "model_version",
        "created_at",
    ]
    list_filter = ["status"]
    search_fields = ["profile__handle"]
    raw_id_fields = ["profile", "requested_by", "model_version"]
    exclude = ["sample_ids"]


@admin.register(FollowerAuditResult)
class FollowerAuditResultAdmin(admin.ModelAdmin):
    list_display = ["audit", "follower", "category", "probability"]
    list_filter = ["category"]
    raw_id_fields = ["audit", "follower"]
