"""Celery tasks: ids in, a service call, progress on the job row.

Fetch tasks (names starting profiles.tasks.fetch_) are routed to the `fetch` queue, where the shared rate limiter
spaces platform calls across every worker process."""
from __future__ import annotations

from datetime import UTC, datetime

from celery import shared_task

from profiles.fetchers.errors import FetchError, RateLimited, UpstreamUnavailable
from profiles.models import FetchJob, ImportJob

MAX_RATE_LIMIT_RETRIES = 24
MAX_UPSTREAM_RETRIES = 3


@shared_task(name="profiles.tasks.import_file", acks_late=True)
def import_file(job_id: int) -> None:
    from profiles import services

    if not ImportJob.claim(job_id):
        return
    services.import_job_run(job_id=job_id)


@shared_task(bind=True, name="profiles.tasks.fetch_job", acks_late=True, max_retries=MAX_RATE_LIMIT_RETRIES)
def fetch_job(self, job_id: int) -> None:  # type: ignore[no-untyped-def]
    """Fetch a profile (and recent posts) or a follower sample. A rate limit parks the job as WAITING and retries
    when the platform allows; the work done so far is kept (followers resume from the saved iterator)."""
    from profiles import services

    if not FetchJob.claim(job_id):
        return
    try:
        services.fetch_job_run(job_id=job_id)
    except RateLimited as exc:
        services.fetch_job_wait(job_id=job_id, until=exc.retry_at)
        if self.request.is_eager:
            # No broker to hold a delayed retry (tests, CELERY_TASK_ALWAYS_EAGER): the job stays WAITING and
            # resume_waiting_fetches re-queues it once the wait is over.
            return
        if self.request.retries >= self.max_retries:
            FetchJob.fail(job_id, f"Gave up after {self.request.retries} rate-limit waits: {exc.message}")
            return
        wait = (exc.retry_at - datetime.now(UTC)).total_seconds()
        backoff = min(3600, 30 * 2 ** self.request.retries)
        raise self.retry(countdown=max(wait, 5) + (backoff if wait <= 0 else 0), exc=exc) from exc
    except UpstreamUnavailable as exc:
        if self.request.is_eager or self.request.retries >= MAX_UPSTREAM_RETRIES:
            FetchJob.fail(job_id, exc.message)
            return
        FetchJob.objects.filter(pk=job_id).update(status="pending", error=exc.message)
        raise self.retry(countdown=60 * 2 ** self.request.retries, exc=exc) from exc
    except FetchError as exc:
        FetchJob.fail(job_id, exc.message)


@shared_task(name="profiles.tasks.refresh_linked_profiles")
def refresh_linked_profiles() -> int:
    from profiles import services

    return services.linked_profiles_refresh()


@shared_task(name="profiles.tasks.resume_waiting_fetches")
def resume_waiting_fetches() -> int:
    from profiles import services

    return services.waiting_fetches_resume()
