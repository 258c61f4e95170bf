"""Fixtures for the accounts tests (the shared alice/bob/charlie live in tests/conftest.py)."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client

from tests.factories import TEST_PASSWORD

LINK_RE = re.compile(r"https?://[^\s]+")


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    # allauth keeps rate-limit counters in the cache; tests must not inherit each other's attempts.
    cache.clear()
    yield
    cache.clear()


def login_with_password(client: Client, email: str, password: str = TEST_PASSWORD):
    """Sign in through allauth's real login form (records the authentication, unlike force_login)."""
    return client.post("/accounts/login/", {"login": email, "password": password})


def links_in_last_email(to: str) -> list[str]:
    messages = [m for m in mail.outbox if to in m.to]
    assert messages, f"no email sent to {to}; outbox: {[m.to for m in mail.outbox]}"
    return LINK_RE.findall(messages[-1].body)


def path_of(url: str) -> str:
    return "/" + url.split("://", 1)[1].split("/", 1)[1]
