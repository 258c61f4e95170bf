"""Redis (the cache and the broker) unreachable: signed-in pages still render with the sessions in the database, a
write is committed once and answered with its redirect (never a 500 behind a committed write, which a retry would
repeat), and the job whose message could not be sent is sent by the sweep once the broker is back."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import Invitation
from config import cache as fail_soft
from config import pagecache
from network.models import GraphSnapshot
from profiles.models import Relation, RelationKind
from tests.factories import ProfileFactory

DEAD_REDIS = "redis://127.0.0.1:1/0"  # nothing listens on port 1


@pytest.fixture
def redis_down(settings, monkeypatch):
    from config.celery import app

    settings.CACHES = {"default": {"BACKEND": "config.cache.FailSoftRedisCache", "LOCATION": DEAD_REDIS}}
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    previous = (app.conf.broker_url, app.conf.task_always_eager)
    monkeypatch.setenv("CELERY_BROKER_URL", DEAD_REDIS)  # Celery reads it before its own setting
    # The connection and producer pools are bound to the broker they first connected to: start new ones for the
    # dead broker here (else a send would still reach the real one), and again for the real one after.
    app.conf.broker_url, app.conf.task_always_eager = DEAD_REDIS, False
    app._pool = app.amqp._producer_pool = None
    yield app
    app.conf.broker_url, app.conf.task_always_eager = previous
    app._pool = app.amqp._producer_pool = None


@pytest.mark.django_db(transaction=True)
def test_pages_and_writes_survive_an_unreachable_cache_and_broker_and_the_job_is_sent_later(
    redis_down, client, alice, agency, monkeypatch, caplog
):
    client.force_login(alice)
    assert client.get("/dashboard/").status_code == 200
    assert client.get("/profiles/").status_code == 200

    with caplog.at_level("WARNING", logger="config.jobs"):
        response = client.post("/agencies/invitations/", {"email": "new.hire@example.com", "role": "reviewer"})
    assert response.status_code == 302
    assert "broker unreachable" in caplog.text  # the send really failed, and the write stood
    assert Invitation.objects.filter(email="new.hire@example.com").count() == 1

    first, second = ProfileFactory(organization=agency, handle="one"), ProfileFactory(organization=agency, handle="two")
    Relation.objects.create(organization=agency, source=first, target=second, kind=RelationKind.MENTIONS, count=2)
    response = client.post("/graphs/build/", {"edge_kinds": ["mentions"], "resolution": "1"})
    assert response.status_code == 302
    graph = GraphSnapshot.objects.get()
    assert graph.status == "pending"  # its message was lost with the broker; the row keeps the work

    # The broker answers again (eager here): the sweep sends the job once it has waited unsent long enough.
    redis_down.conf.task_always_eager = True
    monkeypatch.delenv("CELERY_BROKER_URL")
    from config.celery import requeue_stale_jobs

    assert requeue_stale_jobs() == 0  # not yet: a PENDING job may just be waiting in a long queue
    GraphSnapshot.objects.filter(pk=graph.pk).update(created_at=timezone.now() - timedelta(minutes=6))
    assert requeue_stale_jobs() == 1
    graph.refresh_from_db()
    assert graph.status in ("done", "failed") and graph.heartbeat_at is not None
    assert requeue_stale_jobs() == 0  # sent again at most once per period


def test_after_an_outage_the_page_cache_drops_what_it_kept_before():
    before = pagecache.data_version()
    fail_soft._unreachable("get", ConnectionError("down"))
    assert pagecache.data_version() == before + 1
    assert pagecache.data_version() == before + 1  # once per outage
