"""A real Celery worker consuming only the `ml` queue scores a new version: the task is routed there, claims the row,
and the row ends finished (done, or failed with a readable reason) — never stuck.

Needs PostgreSQL (the worker is another process and must see the test database) and Redis; skipped otherwise.
"""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from config.celery import app
from config.jobs import JobStatus
from predictions.campaign_models import VersionScore
from predictions.campaigns import services, tasks
from predictions.campaigns.tasks import score_submission_version
from tests.predictions.test_campaign_fixtures import *  # noqa: F401,F403
from tests.predictions.test_campaign_fixtures import GOOD_CAPTION, jpeg_upload

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

REDIS_URL = os.environ.get("CAMPAIGNS_TEST_REDIS_URL", "redis://127.0.0.1:6379/6")


def _redis_available() -> bool:
    try:
        import redis

        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping())
    except Exception:
        return False


@pytest.fixture
def ml_worker(media_root, monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: a worker process cannot see SQLite's in-memory test database")
    if not _redis_available():
        pytest.skip(f"needs Redis at {REDIS_URL}")
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()
    db = settings.DATABASES["default"]
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test", "CELERY_TASK_ALWAYS_EAGER": "0",
           "CELERY_BROKER_URL": REDIS_URL, "MEDIA_ROOT": str(media_root),
           "DATABASE_URL": f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"}
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "config", "worker", "-Q", "ml", "--pool", "solo", "--loglevel",
         "INFO", "--without-gossip", "--without-mingle", "--without-heartbeat"],
        cwd=Path(settings.BASE_DIR), env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    def enqueue_on_redis(score_id: int) -> None:
        # An explicit connection: the process-wide app keeps its test broker and pools untouched.
        with app.connection_for_write(REDIS_URL) as connection_:
            score_submission_version.apply_async(args=[score_id], connection=connection_)

    monkeypatch.setattr(tasks, "enqueue_scoring", enqueue_on_redis)
    eager = app.conf.task_always_eager
    app.conf.task_always_eager = False
    try:
        yield worker
    finally:
        worker.terminate()
        try:
            output, _ = worker.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            worker.kill()
            output, _ = worker.communicate()
        print(output[-4000:])
        app.conf.task_always_eager = eager
        redis.Redis.from_url(REDIS_URL).flushdb()


def test_a_worker_on_the_ml_queue_finishes_the_score(ml_worker, campaign, ivy, ivy_profile, planned_at):
    submission = services.submission_create(user=ivy, campaign=campaign, profile=ivy_profile, caption=GOOD_CAPTION,
                                            planned_at=planned_at, uploads=[jpeg_upload()], submit=False)
    score = VersionScore.objects.get(version__submission=submission)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        score.refresh_from_db()
        if score.is_finished:
            break
        time.sleep(0.5)
    assert score.is_finished, f"score still {score.status} after 120 s"
    assert score.started_at is not None
    if score.status == JobStatus.FAILED:
        # Without a trained like model on this machine the reason must still be readable.
        assert score.error and "Traceback" not in score.error
    else:
        assert score.predicted_likes > 0 and score.model_version
