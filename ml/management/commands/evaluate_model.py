"""python manage.py evaluate_model TASK ... — scores the active model on a labeled file; last stdout line is JSON."""

from __future__ import annotations

from importlib import import_module
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from config.errors import ApplicationError

# task -> "module" exposing add_arguments(parser) and evaluate(stdout, **options) -> dict (printed as JSON).
EVALUATORS: dict[str, str] = {
    "account-authenticity": "ml.authenticity",
    "like-prediction": "ml.likes",
    "influencer-category": "ml.categories",
    "influencer-topic": "ml.niches",
    "content-language": "ml.languages",
    "disclosure": "ml.disclosure",
    "sponsored": "ml.sponsored",
    "brand-safety": "ml.brand_safety",
    "video-views": "ml.video_views",
}


class Command(BaseCommand):
    help = "Evaluate the active model of a task on a labeled file; prints one JSON object as the last line."

    def add_arguments(self, parser: Any) -> None:
        subparsers = parser.add_subparsers(dest="task", required=True)
        for task, module in sorted(EVALUATORS.items()):
            import_module(module).add_arguments(subparsers.add_parser(task))

    def handle(self, *args: Any, **options: Any) -> None:
        import json

        module = EVALUATORS.get(options["task"])
        if module is None:
            raise CommandError(f"Unknown task {options['task']!r}.")
        try:
            result = import_module(module).evaluate(**{**options, "stdout": self.stdout})
        except ApplicationError as exc:  # a bad file or option: its message, not a traceback
            raise CommandError(str(exc)) from exc
        self.stdout.write(json.dumps(result))
