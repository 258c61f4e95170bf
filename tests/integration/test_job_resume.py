"""A worker killed mid-job (SIGKILL of the whole process group) on a broker that never redelivers: the stale-job
sweep re-queues the job, a new worker takes it over and finishes it without counting anything twice.

The workers run with a short stale period (JOBS_STALE_AFTER_SECONDS=2, beats every 0.5 s) so the test is quick; the
production defaults (60 s, beats every 15 s, sweep every 30 s) are checked in tests/config/test_jobs.py."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest

from config.celery import requeue_stale_jobs
from config.jobs import Job, JobStatus
from ml.services import register_shipped_artifacts
from predictions.audits.models import FollowerAudit, FollowerAuditResult
from predictions.audits.tasks import audit_run
from tests.factories import ProfileFactory
from tests.predictions.audits.audiences import mixed_followers

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

FOLLOWERS = 1200
WORKER_ENV = {"JOBS_STALE_AFTER_SECONDS": "2", "JOBS_HEARTBEAT_SECONDS": "0.5", "AUDITS_BATCH_SIZE": "10"}


def test_an_audit_whose_worker_is_killed_is_resumed_by_the_sweep_without_double_counting(
    start_celery_worker, monkeypatch, alice, agency
):
    register_shipped_artifacts()
    creator = ProfileFactory(organization=agency, handle="creator", platform="instagram")
    mixed_followers(creator, FOLLOWERS)
    monkeypatch.setattr(Job, "stale_after", timedelta(seconds=float(WORKER_ENV["JOBS_STALE_AFTER_SECONDS"])))
    first = start_celery_worker(queues=("ml",), env=WORKER_ENV)
    audit = FollowerAudit.objects.create(organization=agency, profile=creator, requested_by=alice, sample_size=None)
    audit_run.apply_async(args=[audit.pk])  # routed to `ml`

    deadline = time.monotonic() + 120
    while FollowerAuditResult.objects.filter(audit=audit).count() < 20:
        assert first.process.poll() is None, first.log()
        assert time.monotonic() < deadline, f"the audit never got going:\n{first.log()}"
        time.sleep(0.02)
    first.crash()
    killed_at = time.monotonic()
    stored_at_kill = FollowerAuditResult.objects.filter(audit=audit).count()
    audit.refresh_from_db()
    assert audit.status == JobStatus.RUNNING and stored_at_kill < FOLLOWERS, "killed after the end, not mid-job"
    assert requeue_stale_jobs() == 0  # its last beat is fresh: not taken over yet

    second = start_celery_worker(queues=("ml",), env=WORKER_ENV)
    resumed_at = None
    while True:
        audit.refresh_from_db()
        if audit.attempts == 2 and resumed_at is None:
            resumed_at = time.monotonic()
        if audit.is_finished:
            break
        assert second.process.poll() is None, second.log()
        assert time.monotonic() - killed_at < 120, f"not resumed within 2 minutes:\n{second.log()}"
        requeue_stale_jobs()  # what beat runs every 30 s in production
        time.sleep(1)
    finished_at = time.monotonic()

    assert audit.status == JobStatus.DONE, audit.error
    assert audit.attempts == 2  # one start, one takeover: the sweep's extra messages were no-ops
    results = FollowerAuditResult.objects.filter(audit=audit)
    assert results.count() == FOLLOWERS == audit.classified_count == sum(audit.category_counts.values())
    assert results.values("follower_id").distinct().count() == FOLLOWERS
    assert resumed_at is not None
    print(
        f"\nkilled with {stored_at_kill}/{FOLLOWERS} stored; re-claimed {resumed_at - killed_at:.1f} s after the "
        f"kill, finished {finished_at - killed_at:.1f} s after it"
    )
