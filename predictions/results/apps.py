from __future__ import annotations

from django.apps import AppConfig


class ResultsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "predictions.results"
    label = "results"
    verbose_name = "Campaign results for the brand"
