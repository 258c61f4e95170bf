from __future__ import annotations

# Load the Celery app whenever Django starts so that @shared_task binds to it.
from . import converters  # noqa: F401  (registers the `<id:…>` path converter before any URLconf loads)
from .celery import app as celery_app

__all__ = ("celery_app",)
