"""Entry points for the separate worker processes of the shared-limiter test (spawned, so each has its own
interpreter, Django setup and database connection, like Celery worker processes)."""

from __future__ import annotations

import os
import time
from typing import Any


def _setup(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    import django

    django.setup()


def create_bucket_table(database_url: str) -> None:
    _setup(database_url)
    from django.db import connection

    from profiles.models import RateLimitBucket

    with connection.schema_editor() as editor:
        editor.create_model(RateLimitBucket)


def hammer(
    backend: str, target: str, key: str, limit: int, window: float, calls: int, start_at: float, results: Any
) -> None:
    """Take `calls` slots as fast as the limiter allows; report the grant times."""
    if backend == "db":
        _setup(target)
        from profiles.fetchers.ratelimit import DatabaseBackend

        chosen: Any = DatabaseBackend()
    else:
        _setup("sqlite:///:memory:")
        from profiles.fetchers.ratelimit import RedisBackend

        chosen = RedisBackend(target)
    from profiles.fetchers.ratelimit import SharedRateLimiter

    limiter = SharedRateLimiter(key, limit=limit, window=window, backend=chosen, max_sleep=60)
    while time.time() < start_at:  # start together, so the two processes really compete
        time.sleep(0.005)
    granted = [limiter.acquire() for _ in range(calls)]
    results.put((os.getpid(), granted))
