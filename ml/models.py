"""The model registry: every trained model version with its data, metrics and date; one active per task+platform."""

from __future__ import annotations

from django.db import models
from django.utils import timezone


class ModelTask(models.TextChoices):
    ACCOUNT_AUTHENTICITY = "account-authenticity", "Account authenticity"
    LIKE_PREDICTION = "like-prediction", "Like prediction"
    INFLUENCER_CATEGORY = "influencer-category", "Influencer category"
    INFLUENCER_TOPIC = "influencer-topic", "Niches beyond the kim2020 eight"
    VIDEO_VIEWS = "video-views", "Video views"


class ModelVersion(models.Model):
    task = models.CharField(max_length=32, choices=ModelTask.choices)
    platform = models.CharField(max_length=16, blank=True, default="", help_text="instagram, x, or empty.")
    version = models.CharField(max_length=64)
    artifact_path = models.CharField(max_length=500, help_text="Relative to ML_ARTIFACTS_DIR.")
    training_data = models.TextField(blank=True, default="", help_text="Datasets, sizes and licences.")
    metrics = models.JSONField(default=dict, blank=True)
    params = models.JSONField(default=dict, blank=True)
    is_active = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["task", "platform", "-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["task", "platform", "version"], name="ml_modelversion_unique"),
            models.UniqueConstraint(
                fields=["task", "platform"], condition=models.Q(is_active=True), name="ml_modelversion_one_active"
            ),
        ]

    def __str__(self) -> str:
        suffix = f"/{self.platform}" if self.platform else ""
        return f"{self.task}{suffix} {self.version}{' (active)' if self.is_active else ''}"
