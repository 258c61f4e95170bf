from __future__ import annotations

import os
import subprocess
import sys

from django.conf import settings


def _manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "manage.py", *args], cwd=settings.BASE_DIR, env=env,
                          capture_output=True, text=True, timeout=120)


def test_production_settings_pass_the_deploy_check():
    env = {**os.environ, "SECRET_KEY": "x" * 20 + "-prod-secret-" + "y" * 30, "ALLOWED_HOSTS": "lens.example.com",
           "DATABASE_URL": "sqlite:////tmp/sociallens-deploy-check.sqlite3"}
    result = _manage("check", "--deploy", "--fail-level", "WARNING", "--settings=config.settings.prod", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_refuse_to_start_without_a_secret():
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    env["ALLOWED_HOSTS"] = "lens.example.com"
    result = _manage("check", "--settings=config.settings.prod", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_embedded_defaults_need_no_server():
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "CELERY_BROKER_URL")}
    code = ("import django,os;os.environ['DJANGO_SETTINGS_MODULE']='config.settings.base';django.setup();"
            "from django.conf import settings as s;print(s.DATABASES['default']['ENGINE'], s.CELERY_BROKER_URL)")
    result = subprocess.run([sys.executable, "-c", code], cwd=settings.BASE_DIR, env=env, capture_output=True,
                            text=True, timeout=60)
    assert result.stdout.split() == ["django.db.backends.sqlite3", "filesystem://"], result.stderr
