"""Make sure every model task has an active version: register shipped artifacts, train what is missing."""

from __future__ import annotations

from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand

from ml.models import ModelTask, ModelVersion
from ml.services import register_shipped_artifacts

# task -> platforms it is trained for ("" = platform-independent). Filled in as each model lands.
REQUIRED_MODELS: dict[str, list[str]] = {
    "account-authenticity": ["instagram", "x", "tiktok"],
    "like-prediction": [""],
    "influencer-category": [""],
    "influencer-topic": [""],
    "video-views": [""],
}


class Command(BaseCommand):
    help = "Register shipped model artifacts and train any model task that has no active version."

    def handle(self, *args: Any, **options: Any) -> None:
        for model_version in register_shipped_artifacts():
            self.stdout.write(f"Registered {model_version}")
        for task, platforms in REQUIRED_MODELS.items():
            missing = [
                p for p in platforms if not ModelVersion.objects.filter(task=task, platform=p, is_active=True).exists()
            ]
            if missing:
                self.stdout.write(f"Training {ModelTask(task).label} ({', '.join(missing) or 'all'})…")
                call_command("train_model", task, stdout=self.stdout)
        self.stdout.write("Models ready.")
