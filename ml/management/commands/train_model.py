"""python manage.py train_model TASK — trains reproducibly (fixed seeds), registers and activates the version."""

from __future__ import annotations

from importlib import import_module
from typing import Any

from django.core.management.base import BaseCommand, CommandError

# task -> "module:function"; each function takes (stdout, **options) and returns the registered ModelVersion(s).
TRAINERS: dict[str, str] = {
    "account-authenticity": "ml.authenticity:train",
    "like-prediction": "ml.likes:train",
    "influencer-category": "ml.categories:train",
    "influencer-topic": "ml.niches:train",
    "video-views": "ml.video_views:train",
}


class Command(BaseCommand):
    help = "Train a model task and register the new version in the model registry."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("task", choices=sorted(TRAINERS) or ["(none)"])
        parser.add_argument("--no-activate", action="store_true", help="Register without making it active.")
        parser.add_argument("--seed", type=int, default=42)

    def handle(self, *args: Any, **options: Any) -> None:
        target = TRAINERS.get(options["task"])
        if target is None:
            raise CommandError(f"Unknown task {options['task']!r}.")
        module, function = target.split(":")
        getattr(import_module(module), function)(**{**options, "stdout": self.stdout})
