from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.conf import settings


def _manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


PROD_ENV = {
    "SECRET_KEY": "x" * 20 + "-prod-secret-" + "y" * 30,
    "ALLOWED_HOSTS": "lens.example.com",
    "DATABASE_URL": "sqlite:////tmp/sociallens-deploy-check.sqlite3",
    "CELERY_BROKER_URL": "redis://127.0.0.1:6379/12",
    "CACHE_URL": "redis://127.0.0.1:6379/12",
    "SITE_URL": "https://lens.example.com",
}


# Set in this test process only, never where the platform is deployed: the browser tests lift Django's async-safety
# guard while their chromium runs (tests/browser_fixtures.py), which the deploy check rightly refuses.
TEST_PROCESS_ONLY = ("DJANGO_ALLOW_ASYNC_UNSAFE",)


@pytest.mark.integration
def test_production_settings_pass_the_deploy_check():
    env = {**{k: v for k, v in os.environ.items() if k not in TEST_PROCESS_ONLY}, **PROD_ENV}
    result = _manage("check", "--deploy", "--fail-level", "WARNING", "--settings=config.settings.prod", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_refuse_to_start_without_a_secret():
    env = {**os.environ, **PROD_ENV}
    del env["SECRET_KEY"]
    result = _manage("check", "--settings=config.settings.prod", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


@pytest.mark.parametrize("missing", ["DATABASE_URL", "CELERY_BROKER_URL", "CACHE_URL", "SITE_URL"])
def test_production_settings_refuse_embedded_defaults_naming_what_is_missing(missing):
    env = {k: v for k, v in {**os.environ, **PROD_ENV}.items() if k not in (missing, "REDIS_URL")}
    result = _manage("check", "--settings=config.settings.prod", env=env)
    assert result.returncode != 0
    assert f"Production settings need {missing}" in result.stderr


def test_production_uses_a_shared_redis_cache_and_hashed_static_files():
    code = (
        "import django,os;os.environ['DJANGO_SETTINGS_MODULE']='config.settings.prod';django.setup();"
        "from django.conf import settings as s;print(s.CACHES['default']['BACKEND'],"
        "s.STORAGES['staticfiles']['BACKEND'], s.CELERY_BROKER_TRANSPORT_OPTIONS['visibility_timeout'])"
    )
    env = {k: v for k, v in {**os.environ, **PROD_ENV}.items() if k != "CACHE_URL"}
    env["REDIS_URL"] = "redis://127.0.0.1:6379/12"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.stdout.split() == [
        "config.cache.FailSoftRedisCache",
        "whitenoise.storage.CompressedManifestStaticFilesStorage",
        "600",
    ], result.stderr


def test_embedded_defaults_need_no_server():
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "CELERY_BROKER_URL")}
    code = (
        "import django,os;os.environ['DJANGO_SETTINGS_MODULE']='config.settings.base';django.setup();"
        "from django.conf import settings as s;print(s.DATABASES['default']['ENGINE'], s.CELERY_BROKER_URL)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.stdout.split() == ["django.db.backends.sqlite3", "filesystem://"], result.stderr
