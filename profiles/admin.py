from __future__ import annotations

from django.contrib import admin

from profiles.models import FetchJob, ImportJob, InstagramSession, Post, Profile, Relation, Snapshot


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ["handle", "platform", "organization", "is_linked", "followers_count", "last_fetched_at"]
    list_filter = ["platform", "is_linked"]
    search_fields = ["handle", "display_name"]


@admin.register(Post)
class PostAdmin(admin.ModelAdmin):
    list_display = ["profile", "platform_id", "media_type", "taken_at", "likes", "comments"]
    raw_id_fields = ["profile"]


@admin.register(Snapshot)
class SnapshotAdmin(admin.ModelAdmin):
    list_display = ["profile", "taken_at", "followers_count", "source"]
    raw_id_fields = ["profile"]


@admin.register(Relation)
class RelationAdmin(admin.ModelAdmin):
    list_display = ["source", "kind", "target", "count", "last_seen_at"]
    raw_id_fields = ["source", "target"]


@admin.register(FetchJob, ImportJob)
class JobAdmin(admin.ModelAdmin):
    list_display = ["__str__", "status", "progress_done", "progress_total", "created_at"]


@admin.register(InstagramSession)
class InstagramSessionAdmin(admin.ModelAdmin):
    list_display = ["organization", "username", "updated_at", "last_used_at"]
    exclude = ["encrypted_cookies"]  # never shown, not even encrypted
