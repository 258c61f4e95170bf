from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from ml.models import ModelVersion
from ml.services import model_version_activate


@admin.register(ModelVersion)
class ModelVersionAdmin(admin.ModelAdmin):
    list_display = ["task", "platform", "version", "is_active", "created_at", "headline_metrics"]
    list_filter = ["task", "platform", "is_active"]
    search_fields = ["version", "training_data"]
    readonly_fields = ["metrics", "params", "created_at"]
    actions = ["activate"]

    @admin.display(description="metrics")
    def headline_metrics(self, obj: ModelVersion) -> str:
        return ", ".join(f"{k}={v:.3f}" for k, v in obj.metrics.items() if isinstance(v, float))[:120]

    @admin.action(description="Make the selected version active for its task and platform")
    def activate(self, request: HttpRequest, queryset: QuerySet[ModelVersion]) -> None:
        if queryset.values("task", "platform").distinct().count() != queryset.count():
            self.message_user(request, "Pick at most one version per task and platform.", messages.ERROR)
            return
        for model_version in queryset:
            model_version_activate(model_version=model_version)
        self.message_user(request, f"Activated {queryset.count()} version(s).", messages.SUCCESS)
