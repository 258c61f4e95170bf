"""Test settings: override only. Celery is eager here; integration tests start real workers themselves."""

from __future__ import annotations

from .base import *  # noqa: F401,F403
from .base import env

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.locmem.EmailBackend")
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=True)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not :memory:, so that real worker processes started by integration tests see the same data.
    VAR_DIR.mkdir(exist_ok=True)  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test.sqlite3")}  # noqa: F405
MEDIA_ROOT = env.path("MEDIA_ROOT", default="/tmp/sociallens-test-media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
REST_FRAMEWORK = {**REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "1000/min", "user": "10000/min"}}  # noqa: F405
# The page cache is on in tests (one process, so the memory cache is shared by the test and the views it calls):
# every test that reads a page after a write also checks that the write invalidated it.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=300)
