from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from config.celery import requeue_stale_jobs
from config.jobs import JobStatus
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
