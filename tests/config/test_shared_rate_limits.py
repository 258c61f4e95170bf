"""Login rate limits hold across processes when the cache is shared (Redis, as production configures it): two
processes each try 4 logins from the same address against a limit of 5 per minute; 5 pass in all, not 8."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid

import pytest
import redis
from django.conf import settings

REDIS_URL = os.environ.get("TEST_CACHE_REDIS_URL", "redis://127.0.0.1:6379/12")

ATTEMPTS = """
import django, os, sys
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.base"
django.setup()
from allauth.core import ratelimit
from django.test import RequestFactory, override_settings
request = RequestFactory().post("/accounts/login/", REMOTE_ADDR=sys.argv[1])
with override_settings(ACCOUNT_RATE_LIMITS={"login": "5/m/ip"}):
    print(sum(ratelimit.consume(request, action="login") for _ in range(4)))
"""


def _redis_up() -> bool:
    try:
        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


def _allowed_in_two_processes(cache_url: str) -> int:
    address = f"10.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}.7"  # a fresh counter for every run
    env = {k: v for k, v in os.environ.items() if k != "REDIS_URL"}
    env["CACHE_URL"] = cache_url
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", ATTEMPTS, address],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=120) for run in runs]
    assert all(run.returncode == 0 for run in runs), outputs
    return sum(int(out.strip().splitlines()[-1]) for out, _ in outputs)


@pytest.mark.integration
@pytest.mark.skipif(not _redis_up(), reason=f"needs Redis at {REDIS_URL} (CI has it)")
def test_a_login_limit_holds_across_two_processes_with_the_shared_cache():
    assert _allowed_in_two_processes(REDIS_URL) == 5


def test_a_per_process_memory_cache_lets_each_process_count_alone():
    # Why production must not use it: the same limit lets 8 through.
    assert _allowed_in_two_processes("locmemcache://") == 8
