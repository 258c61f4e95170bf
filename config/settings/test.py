"""Test settings: override only. Celery is eager here; integration tests start real workers themselves.

`make test` runs the suite in parallel (pytest-xdist): each worker process (PYTEST_XDIST_WORKER = gw0, gw1, …)
gets its own test database (pytest-django suffixes its name), media folder, filesystem-broker folders, mail folder
and Redis database, so no two workers ever share state. Real Celery workers started by integration tests are
handed the already-isolated values explicitly (tests/worker_fixtures.py) and run without the variable."""

from __future__ import annotations

import os
from urllib.parse import urlsplit, urlunsplit

import environ

from .base import *  # noqa: F401,F403
from .base import env

XDIST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
XDIST_INDEX = int(XDIST_WORKER[2:]) if XDIST_WORKER.startswith("gw") and XDIST_WORKER[2:].isdigit() else 0
_SUFFIX = f"-{XDIST_WORKER}" if XDIST_WORKER else ""


def _redis_db_for_worker(url: str) -> str:
    """The worker's own Redis database: the configured one for gw0, then every second one below it (15, 13, 11…),
    which stays clear of the fixed databases single tests use on their own (14 page cache, 12 settings and shared
    limits, 3 the limiter's two-process check)."""
    parts = urlsplit(url)
    db = int(parts.path.strip("/") or 0)
    return urlunsplit(parts._replace(path=f"/{(db - 2 * XDIST_INDEX) % 16}"))


PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# whitenoise indexes every static file (~1,000 with the npm vendor folders) when its middleware loads, and the test
# client loads the middleware anew for every client: looking files up per request instead (as `make dev` does) took
# 36 s off the fast suite. What production serves is checked by the production smoke test.
WHITENOISE_AUTOREFRESH = True
EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.locmem.EmailBackend")
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=True)
YTDLP_FETCHING = env.bool("YTDLP_FETCHING", default=False)  # no network here: tests that fetch replay and set it
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not :memory:, so that real worker processes started by integration tests see the same data.
    VAR_DIR.mkdir(exist_ok=True)  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test.sqlite3")}  # noqa: F405
MEDIA_ROOT = env.path("MEDIA_ROOT", default=f"/tmp/sociallens-test-media{_SUFFIX}")
CAMPAIGN_UPLOAD_PARTS_DIR = env.path("CAMPAIGN_UPLOAD_PARTS_DIR", default=f"/tmp/sociallens-test-parts{_SUFFIX}")
LOOKALIKES_INDEX_DIR = env.path("LOOKALIKES_INDEX_DIR", default=f"/tmp/sociallens-test-lookalikes{_SUFFIX}")
if XDIST_WORKER:
    EMAIL_FILE_PATH = f"{EMAIL_FILE_PATH}{_SUFFIX}"  # noqa: F405
    if CELERY_BROKER_URL.startswith("filesystem://"):  # noqa: F405
        BROKER_DIR = environ.Path(f"{BROKER_DIR()}{_SUFFIX}")  # noqa: F405
        CELERY_BROKER_TRANSPORT_OPTIONS = {  # noqa: F405
            **CELERY_BROKER_TRANSPORT_OPTIONS,  # noqa: F405
            "data_folder_in": str(BROKER_DIR("out")),
            "data_folder_out": str(BROKER_DIR("out")),
            "processed_folder": str(BROKER_DIR("processed")),
            "control_folder": str(BROKER_DIR("control")),
        }
    elif CELERY_BROKER_URL.startswith(("redis://", "rediss://")):  # noqa: F405
        CELERY_BROKER_URL = _redis_db_for_worker(CELERY_BROKER_URL)  # noqa: F405
        # Celery reads this variable before its settings: the producer must use the worker's database too.
        os.environ["CELERY_BROKER_URL"] = CELERY_BROKER_URL
    if PROFILES_RATE_LIMIT_REDIS_URL:  # noqa: F405
        PROFILES_RATE_LIMIT_REDIS_URL = _redis_db_for_worker(PROFILES_RATE_LIMIT_REDIS_URL)  # noqa: F405
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
REST_FRAMEWORK = {**REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "1000/min", "user": "10000/min"}}  # noqa: F405
# The page cache is on in tests (one process, so the memory cache is shared by the test and the views it calls):
# every test that reads a page after a write also checks that the write invalidated it.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=300)
