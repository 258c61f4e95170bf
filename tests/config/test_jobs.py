from __future__ import annotations

import threading
import time
from datetime import timedelta

import pytest
from django.utils import timezone

from config.celery import requeue_stale_jobs
from config.jobs import JobStatus, job_heartbeat
from network.models import GraphSnapshot
from profiles.models import ImportJob

pytestmark = pytest.mark.django_db


def test_a_job_is_claimed_once_while_its_worker_is_alive(agency):
    job = ImportJob.objects.create(organization=agency)
    assert ImportJob.claim(job.pk)
    assert not ImportJob.claim(job.pk)  # a redelivered message while the first worker still beats
    ImportJob.report_progress(job.pk, done=5, total=10)
    assert not ImportJob.claim(job.pk)


def test_a_job_whose_worker_went_silent_is_taken_over(agency):
    job = ImportJob.objects.create(organization=agency)
    assert ImportJob.claim(job.pk)
    ImportJob.objects.filter(pk=job.pk).update(
        heartbeat_at=timezone.now() - ImportJob.stale_after - timedelta(seconds=1)
    )
    assert list(ImportJob.stale_jobs()) == [ImportJob.objects.get(pk=job.pk)]
    assert ImportJob.claim(job.pk)
    assert not ImportJob.stale_jobs().exists()


def test_finished_jobs_are_never_claimed_again(agency):
    job = ImportJob.objects.create(organization=agency)
    ImportJob.finish(job.pk)
    ImportJob.objects.filter(pk=job.pk).update(heartbeat_at=timezone.now() - timedelta(days=1))
    assert not ImportJob.claim(job.pk)


def test_requeue_sends_an_abandoned_graph_back_to_its_task_which_finishes_it(alice, agency):
    from profiles.models import Relation
    from tests.factories import PostFactory, ProfileFactory

    a, b, c = (ProfileFactory(organization=agency, handle=h) for h in ("ann", "ben", "cat"))
    for source, target in ((a, b), (b, c), (c, a)):
        Relation.objects.create(organization=agency, source=source, target=target, kind="mentions")
    PostFactory(profile=a)
    snapshot = GraphSnapshot.objects.create(
        organization=agency,
        name="abandoned",
        edge_kinds=["mentions"],
        status=JobStatus.RUNNING,
        started_at=timezone.now() - timedelta(hours=1),
        heartbeat_at=timezone.now() - timedelta(hours=1),
    )
    fresh = GraphSnapshot.objects.create(
        organization=agency, name="busy", edge_kinds=["mentions"], status=JobStatus.RUNNING, heartbeat_at=timezone.now()
    )
    assert requeue_stale_jobs() == 1
    snapshot.refresh_from_db()
    fresh.refresh_from_db()
    assert snapshot.status == JobStatus.DONE, snapshot.error
    assert snapshot.node_count == 3
    assert fresh.status == JobStatus.RUNNING


@pytest.mark.django_db(transaction=True)
def test_a_running_job_beats_while_its_task_body_is_silent(agency):
    """A rate-limit sleep or a long model call reports no progress; the heartbeat thread keeps the job alive."""
    old = timezone.now() - timedelta(hours=1)
    job = ImportJob.objects.create(organization=agency, status=JobStatus.RUNNING, started_at=old, heartbeat_at=old)
    parked = ImportJob.objects.create(organization=agency, status=JobStatus.WAITING, heartbeat_at=old)
    with job_heartbeat(ImportJob, job.pk, interval=0.05):
        deadline = time.monotonic() + 10
        while ImportJob.objects.get(pk=job.pk).heartbeat_at == old and time.monotonic() < deadline:
            time.sleep(0.05)  # the body does nothing but wait, like a rate-limit pause
        assert not ImportJob.stale_jobs().filter(pk=job.pk).exists()
        with job_heartbeat(ImportJob, parked.pk, interval=0.05):
            time.sleep(0.3)
    assert ImportJob.objects.get(pk=job.pk).heartbeat_at > old
    assert ImportJob.objects.get(pk=parked.pk).heartbeat_at == old  # only a RUNNING row is beaten
    assert not [t for t in threading.enumerate() if t.name.startswith("heartbeat-")]  # the threads are gone


def test_production_defaults_resume_a_dead_workers_job_within_two_minutes(settings):
    """Worst case: the worker dies just after a beat; the job turns stale after stale_after, and the sweep runs at
    most one interval later, then the task is picked up (a few seconds of margin)."""
    from django.apps import apps

    from config.jobs import Job
    from config.settings import base

    sweep = base.CELERY_BEAT_SCHEDULE["config-requeue-stale-jobs"]
    assert sweep["task"] == "config.celery.requeue_stale_jobs"
    interval = timedelta(seconds=sweep["schedule"].total_seconds())
    assert base.JOBS_HEARTBEAT_SECONDS * 3 <= base.JOBS_STALE_AFTER_SECONDS  # two missed beats are not a death
    jobs = [m for m in apps.get_models() if issubclass(m, Job)]
    assert {m.__name__ for m in jobs if m.task_name} >= {
        "FetchJob",
        "ImportJob",
        "FollowerAudit",
        "GraphSnapshot",
        "VersionScore",
    }
    margin = timedelta(seconds=15)
    for model in jobs:
        assert model.stale_after == timedelta(seconds=base.JOBS_STALE_AFTER_SECONDS), model
        assert model.stale_after + interval + margin < timedelta(minutes=2), model
    # The audit entry only resumes rate-limit waits now; dead workers' audits go through the one sweep.
    assert "audits-resume-stale" not in base.CELERY_BEAT_SCHEDULE
    assert base.CELERY_BEAT_SCHEDULE["audits-resume-waiting"]["task"] == "predictions.audits.tasks.audit_resume_stale"


def test_an_abandoned_job_without_a_task_to_resume_it_fails_with_a_reason(agency):
    from predictions.campaigns.models import RetrainingRun

    long_ago = timezone.now() - timedelta(hours=1)
    dead = RetrainingRun.objects.create(status=JobStatus.RUNNING, started_at=long_ago, heartbeat_at=long_ago)
    alive = RetrainingRun.objects.create(status=JobStatus.RUNNING, started_at=long_ago, heartbeat_at=timezone.now())
    assert requeue_stale_jobs() == 0  # nothing to send back to a task
    dead.refresh_from_db()
    alive.refresh_from_db()
    assert dead.status == JobStatus.FAILED and "worker stopped" in dead.error and dead.finished_at
    assert alive.status == JobStatus.RUNNING and not alive.error
