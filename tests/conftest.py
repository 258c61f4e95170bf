"""The same three users everywhere: alice (agency owner), bob (member of alice's agency), charlie (another agency)."""

from __future__ import annotations

import os

import pytest
from django.test import Client

from accounts.models import Organization, User
from accounts.roles import Role
from tests.factories import MembershipFactory, OrganizationFactory, UserFactory

pytest_plugins = ["tests.browser_fixtures", "tests.worker_fixtures", "tests.demo_fixtures"]

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")


@pytest.fixture
def agency(db) -> Organization:
    return OrganizationFactory(name="Alice Agency", slug="alice-agency")


@pytest.fixture
def other_agency(db) -> Organization:
    return OrganizationFactory(name="Charlie Co", slug="charlie-co")


@pytest.fixture
def alice(agency) -> User:
    user = UserFactory(email="alice@example.com", full_name="Alice Owner")
    MembershipFactory(user=user, organization=agency, role=Role.OWNER)
    return user


@pytest.fixture
def bob(agency) -> User:
    user = UserFactory(email="bob@example.com", full_name="Bob Member")
    MembershipFactory(user=user, organization=agency, role=Role.VIEWER)
    return user


@pytest.fixture
def charlie(other_agency) -> User:
    user = UserFactory(email="charlie@example.com", full_name="Charlie Outsider")
    MembershipFactory(user=user, organization=other_agency, role=Role.OWNER)
    return user


def _client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def alice_client(alice) -> Client:
    return _client_for(alice)


@pytest.fixture
def bob_client(bob) -> Client:
    return _client_for(bob)


@pytest.fixture
def charlie_client(charlie) -> Client:
    return _client_for(charlie)


@pytest.fixture
def api_client_for():
    from rest_framework.test import APIClient

    def make(user: User) -> APIClient:
        client = APIClient()
        client.force_authenticate(user)
        return client

    return make


def end_platform_pauses(*, everything: bool = False) -> None:
    """Let every platform pause the shared rate limiter stored end now, on whichever backend holds it (Redis
    when Redis is the broker, as in CI; else the database). `everything` also empties the request windows."""
    from profiles.fetchers.ratelimit import RedisBackend, default_backend
    from profiles.models import RateLimitBucket

    backend = default_backend()
    if isinstance(backend, RedisBackend):
        pattern = "sociallens:ratelimit:*" if everything else "sociallens:ratelimit:*:blocked"
        keys = list(backend.client.scan_iter(pattern))
        if keys:
            backend.client.delete(*keys)
    else:
        RateLimitBucket.objects.update(blocked_until=0)


@pytest.fixture(autouse=True)
def _fresh_rate_limits(request):
    """Redis-held limiter state outlives the test transaction: start every test with empty buckets, as the
    database backend does."""
    if (
        "db" in request.fixturenames
        or "transactional_db" in request.fixturenames
        or request.node.get_closest_marker("django_db")
    ):
        from config.celery import app

        if str(app.conf.broker_url).startswith(("redis://", "rediss://")):
            end_platform_pauses(everything=True)
    yield
