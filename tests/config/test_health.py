"""/health/ checks the database, the cache and the broker, and says which one failed."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_health_is_ok_when_database_cache_and_broker_answer(client):
    response = client.get("/health/")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "cache", "broker"}
    assert all(check["ok"] for check in body["checks"].values())


@pytest.fixture
def dead_broker(monkeypatch):
    from config.celery import app

    previous = app.conf.broker_url
    dead = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    # Celery reads CELERY_BROKER_URL from the environment before its own setting (as CI sets it).
    monkeypatch.setenv("CELERY_BROKER_URL", dead)
    app.conf.broker_url = dead
    yield
    app.conf.broker_url = previous


def test_health_is_503_naming_the_broker_when_it_is_down_without_its_address(client, dead_broker):
    response = client.get("/health/")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "fail" and body["checks"]["broker"]["ok"] is False
    assert body["checks"]["database"]["ok"] and body["checks"]["cache"]["ok"]
    assert body["checks"]["broker"]["error"] == "the broker did not answer"
    assert "127.0.0.1" not in response.content.decode()


def test_staff_see_the_drivers_own_message(client, dead_broker):
    from tests.factories import UserFactory

    client.force_login(UserFactory(is_staff=True))
    body = client.get("/health/").json()
    assert body["checks"]["broker"]["ok"] is False and "Error" in body["checks"]["broker"]["error"]
