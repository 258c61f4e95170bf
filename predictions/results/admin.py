"""Django admin for campaign results. Link secrets are stored only as digests, so nothing here can reveal a URL."""

from __future__ import annotations

from django.contrib import admin

from predictions.results.models import ApprovalLink, CreatorFee, EmvRates, ExternalApprover, PostMetric, ReportShareLink


@admin.register(PostMetric)
class PostMetricAdmin(admin.ModelAdmin):
    list_display = ["post", "recorded_at", "likes", "comments", "views", "source"]
    list_select_related = ["post__profile"]
    raw_id_fields = ["post"]


@admin.register(CreatorFee)
class CreatorFeeAdmin(admin.ModelAdmin):
    list_display = ["campaign", "influencer", "amount", "updated_at"]
    raw_id_fields = ["campaign", "influencer", "updated_by"]


@admin.register(EmvRates)
class EmvRatesAdmin(admin.ModelAdmin):
    list_display = ["organization", "currency", "like", "comment", "view", "share", "updated_at"]


@admin.register(ReportShareLink)
class ReportShareLinkAdmin(admin.ModelAdmin):
    list_display = [
        "campaign",
        "label",
        "created_by",
        "created_at",
        "expires_at",
        "revoked_at",
        "last_opened_at",
        "open_count",
    ]
    exclude = ["secret_digest"]
    readonly_fields = ["campaign", "created_by", "created_at", "last_opened_at", "open_count"]


@admin.register(ExternalApprover)
class ExternalApproverAdmin(admin.ModelAdmin):
    list_display = ["email", "name", "campaign", "created_at", "revoked_at"]
    search_fields = ["email", "name"]


@admin.register(ApprovalLink)
class ApprovalLinkAdmin(admin.ModelAdmin):
    list_display = [
        "approver",
        "submission",
        "version",
        "created_at",
        "expires_at",
        "used_at",
        "decision",
        "revoked_at",
    ]
    exclude = ["secret_digest"]
    readonly_fields = ["approver", "submission", "version", "created_at", "used_at", "decision", "note"]
