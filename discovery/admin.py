from __future__ import annotations

from django.contrib import admin

from discovery.models import ProfileInsight, Shortlist, ShortlistEntry


@admin.register(ProfileInsight)
class ProfileInsightAdmin(admin.ModelAdmin):
    list_display = [
        "handle",
        "platform",
        "organization",
        "niche",
        "niche_share",
        "niche_corrected",
        "content_language",
        "country",
        "followers_count",
        "refreshed_at",
    ]
    list_filter = ["platform", "niche", "content_language"]
    search_fields = ["handle"]
    raw_id_fields = ["profile", "organization", "niche_corrected_by"]
    exclude = ["embedding", "search_vector"]


class ShortlistEntryInline(admin.TabularInline):
    model = ShortlistEntry
    raw_id_fields = ["profile", "added_by"]
    extra = 0


@admin.register(Shortlist)
class ShortlistAdmin(admin.ModelAdmin):
    list_display = ["name", "organization", "created_by", "created_at"]
    raw_id_fields = ["organization", "created_by"]
    inlines = [ShortlistEntryInline]
