"""Production: no default secret, no silent embedded defaults, HTTPS everywhere; passes `manage.py check --deploy`."""

from __future__ import annotations

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F401,F403
from .base import env

# SQLite, the filesystem broker and a per-process cache are development defaults; in production each must be
# chosen on purpose (the cache: rate limits and throttles must be shared by every web process).
_REQUIRED = {
    "DATABASE_URL": "PostgreSQL, e.g. postgres://user:pass@db:5432/sociallens",
    "CELERY_BROKER_URL": "Redis, e.g. redis://redis:6379/0",
    "CACHE_URL": "a shared cache, e.g. redis://redis:6379/1 (REDIS_URL is accepted too)",
    "SITE_URL": "the public address used in invitation e-mails, e.g. https://lens.example.com",
}
_missing = [
    name for name in _REQUIRED if not os.environ.get(name) and not (name == "CACHE_URL" and os.environ.get("REDIS_URL"))
]
if _missing:
    raise ImproperlyConfigured(
        "Production settings need " + "; ".join(f"{name} ({_REQUIRED[name]})" for name in _missing)
    )

SECRET_KEY = env("SECRET_KEY")
# Behind the TLS-terminating proxy of "Deploying": limits key on the client address it appends. Set 0 when clients
# reach gunicorn directly (the header would then be theirs to forge), 2 behind a load balancer and a proxy.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=1)
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
REST_FRAMEWORK = {**REST_FRAMEWORK, "NUM_PROXIES": TRUSTED_PROXY_COUNT}  # noqa: F405
DEBUG = False
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
# The load balancer's health probe speaks plain HTTP to the app server.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=True)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=True)
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"
EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.smtp.EmailBackend")
# Hashed file names (cache forever) and precompressed copies; `manage.py collectstatic` builds the manifest.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = False
LOG_FORMAT = env("LOG_FORMAT", default="json")
LOGGING["handlers"]["console"]["formatter"] = LOG_FORMAT  # noqa: F405
