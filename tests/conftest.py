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

# The files whose tests load MiniLM (the caption encoder, ~4 s with torch) or lingua's language models (~6 s), both
# loaded once per process. pytest-xdist's loadfile scheduler runs them as one unit on one worker, so a run pays each
# load once instead of once per worker (make test-fast: 68 s -> about 55 s on 2 cores). A file outside this list that
# loads one in a fast test is named in a warning at the end of the run.
MODEL_FILES = frozenset(
    f"tests/{path}.py"
    for path in (
        "discovery/test_audience_language",
        "discovery/test_declared_niche",
        "discovery/test_engine",
        "discovery/test_insights",
        "discovery/test_lookalikes",
        "discovery/test_niche_blend",
        "discovery/test_paid_vs_organic",
        "discovery/test_search",
        "discovery/test_shortlists",
        "ml/test_languages",
        "ml/test_topics",
        "predictions/audits/test_audit_demo",
        "predictions/audits/test_audits",
        "predictions/campaigns/test_campaign_api",
        "predictions/campaigns/test_campaign_feedback",
        "predictions/campaigns/test_campaign_page_lists",
        "predictions/campaigns/test_campaign_pages",
        "predictions/campaigns/test_campaign_scoring",
        "predictions/campaigns/test_disclosure_review",
        "predictions/campaigns/test_influencer_traces",
        "predictions/campaigns/test_pending",
        "predictions/campaigns/test_review_workflow",
        "predictions/campaigns/test_submission_uploads",
        "predictions/campaigns/test_video_drafts",
        "predictions/campaigns/test_resumable_uploads",
        "predictions/results/test_demo",
        "predictions/results/test_links",
        "predictions/results/test_report",
        "predictions/test_staged_audits",
        "profiles/test_concurrent_imports",
        "profiles/test_import_refreshes_niche",
        "profiles/test_pages",
    )
)
_SLOW_MARKERS = ("browser", "integration", "slow")


class _ModelFilesTogether:
    """loadfile, with MODEL_FILES as one scope (xdist_group cannot tag groups under pytest 9.2: README). A plugin
    registered only beside pytest-xdist, so `-p no:xdist` still runs."""

    @staticmethod
    def pytest_xdist_make_scheduler(config, log):
        if config.getoption("dist") != "loadfile":
            return None
        from xdist.scheduler import LoadFileScheduling

        class Scheduling(LoadFileScheduling):
            def _split_scope(self, nodeid: str) -> str:
                scope = super()._split_scope(nodeid)
                return "heavy-models" if scope in MODEL_FILES else scope

        return Scheduling(config, log)


def pytest_configure(config):
    if config.pluginmanager.hasplugin("xdist"):
        config.pluginmanager.register(_ModelFilesTogether(), "model-files-together")


def _models_loaded() -> tuple[bool, bool]:
    from ml.engine import languages
    from ml.engine.likes import text

    return text._model is not None, languages.detector.value is not None


_models_before = pytest.StashKey[tuple[bool, bool]]()


def pytest_runtest_setup(item):
    item.stash[_models_before] = _models_loaded()


def pytest_runtest_teardown(item):
    path = item.nodeid.split("::")[0]
    if path in MODEL_FILES or any(item.get_closest_marker(m) for m in _SLOW_MARKERS):
        return
    before = item.stash.get(_models_before, (True, True))
    for name, was, now in zip(("MiniLM", "lingua"), before, _models_loaded(), strict=True):
        if now and not was:
            item.warn(pytest.PytestWarning(f"{path} loads {name}: add it to MODEL_FILES in tests/conftest.py"))


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
