"""Fetch jobs and follower audits share one retry policy for platform errors (profiles.fetchers.retry)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from config.errors import ApplicationError
from config.jobs import JobStatus
from predictions.audits.models import FollowerAudit
from predictions.audits.tasks import audit_run
from profiles.fetchers.errors import RateLimited, UpstreamUnavailable
from profiles.fetchers.retry import MAX_RATE_LIMIT_RETRIES, MAX_UPSTREAM_RETRIES, run_with_platform_retries
from profiles.models import FetchJob
from profiles.tasks import fetch_job
from tests.factories import FetchJobFactory, ProfileFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["fetch", "audit"])
def job_and_task(request, agency, alice):
    profile = ProfileFactory(organization=agency)
    if request.param == "fetch":
        return FetchJob, FetchJobFactory(profile=profile, status=JobStatus.RUNNING).pk, fetch_job
    audit = FollowerAudit.objects.create(
        organization=agency, profile=profile, requested_by=alice, status=JobStatus.RUNNING
    )
    return FollowerAudit, audit.pk, audit_run


def _raise(exc: Exception):
    def run() -> None:
        raise exc

    return run


def _run(task, job, job_id, exc, *, retries: int, is_eager: bool) -> None:
    task.push_request(retries=retries, is_eager=is_eager)
    try:
        run_with_platform_retries(task, job=job, job_id=job_id, run=_raise(exc))
    finally:
        task.pop_request()


def test_a_rate_limit_without_a_broker_leaves_the_job_waiting_with_the_platforms_reason(job_and_task):
    job, job_id, task = job_and_task
    until = datetime.now(UTC) + timedelta(minutes=7)
    _run(task, job, job_id, RateLimited("Instagram asks to wait 7 minutes.", retry_at=until), retries=0, is_eager=True)
    row = job.objects.get(pk=job_id)
    assert row.status == JobStatus.WAITING and row.waiting_until == until
    assert row.error == "Instagram asks to wait 7 minutes."


def test_the_last_allowed_rate_limit_wait_fails_the_job_with_the_count(job_and_task):
    job, job_id, task = job_and_task
    _run(
        task,
        job,
        job_id,
        RateLimited("Still limited.", retry_at=datetime.now(UTC)),
        retries=MAX_RATE_LIMIT_RETRIES,
        is_eager=False,
    )
    row = job.objects.get(pk=job_id)
    assert row.status == JobStatus.FAILED
    assert row.error == f"Gave up after {MAX_RATE_LIMIT_RETRIES} rate-limit waits: Still limited."


def test_an_upstream_outage_past_its_retries_fails_the_job(job_and_task):
    job, job_id, task = job_and_task
    _run(task, job, job_id, UpstreamUnavailable("X answered 503."), retries=MAX_UPSTREAM_RETRIES, is_eager=False)
    row = job.objects.get(pk=job_id)
    assert (row.status, row.error) == (JobStatus.FAILED, "X answered 503.")


def test_any_other_readable_error_fails_the_job_at_once(job_and_task):
    job, job_id, task = job_and_task
    _run(task, job, job_id, ApplicationError("The profile is private."), retries=0, is_eager=False)
    row = job.objects.get(pk=job_id)
    assert (row.status, row.error) == (JobStatus.FAILED, "The profile is private.")
