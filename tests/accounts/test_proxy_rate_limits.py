"""Login limits behind a reverse proxy: every request arrives from the proxy's address, so limits must key on the client
address the proxy appends to X-Forwarded-For (TRUSTED_PROXY_COUNT), and never on a header a client could forge
when no proxy is configured."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import Client

from tests.accounts.conftest import TEST_PASSWORD
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"


def _login(client: Client, email: str, password: str, *, client_ip: str | None = None):
    headers = {"REMOTE_ADDR": PROXY}
    if client_ip:
        headers["HTTP_X_FORWARDED_FOR"] = client_ip  # what nginx's $proxy_add_x_forwarded_for sends
    return client.post("/accounts/login/", {"login": email, "password": password}, **headers)


@pytest.fixture
def owners():
    cache.clear()
    return [UserFactory(email=f"owner{i}@example.com") for i in range(12)]


def test_behind_the_proxy_one_guessing_client_does_not_lock_out_the_others(settings, owners):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    guesser = Client()
    for attempt in range(15):
        _login(guesser, f"someone{attempt}@example.com", "wrong", client_ip="203.0.113.66")
    refused = _login(guesser, "someone99@example.com", "wrong", client_ip="203.0.113.66")
    assert "Too many failed login attempts" in refused.content.decode()  # the guesser is limited
    for index, owner in enumerate(owners):
        client = Client()
        _login(client, owner.email, TEST_PASSWORD, client_ip=f"198.51.100.{index + 1}")
        assert client.session.get("_auth_user_id") == str(owner.pk), owner.email


def test_without_a_trusted_proxy_a_forged_forwarded_for_does_not_escape_the_limit(settings, owners):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    client = Client()
    for attempt in range(12):
        _login(client, f"someone{attempt}@example.com", "wrong", client_ip=f"192.0.2.{attempt + 1}")
    response = _login(client, "someone-else@example.com", "wrong", client_ip="192.0.2.200")
    assert "Too many failed login attempts" in response.content.decode()


def test_production_trusts_one_proxy_and_the_api_throttle_follows_the_same_count(settings):
    import os
    import subprocess
    import sys

    from tests.config.test_settings import PROD_ENV

    code = (
        "import django,os;os.environ['DJANGO_SETTINGS_MODULE']='config.settings.prod';django.setup();"
        "from django.conf import settings as s;print(s.ALLAUTH_TRUSTED_PROXY_COUNT, s.REST_FRAMEWORK['NUM_PROXIES'])"
    )
    env = {**os.environ, **PROD_ENV}
    env.pop("TRUSTED_PROXY_COUNT", None)
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.stdout.split() == ["1", "1"], result.stderr
    assert settings.ALLAUTH_TRUSTED_PROXY_COUNT == 0 and settings.REST_FRAMEWORK["NUM_PROXIES"] == 0
