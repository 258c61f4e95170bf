"""Celery tasks: ids in, a service call, progress on the job row.

The fetch task is routed to the `fetch` queue (settings.CELERY_TASK_ROUTES), where the shared rate limiter spaces
platform calls across every worker process."""

from __future__ import annotations

from celery import Task, shared_task

from config.jobs import job_heartbeat
from profiles.fetchers.retry import MAX_RATE_LIMIT_RETRIES, run_with_platform_retries
from profiles.models import FetchJob, ImportJob


@shared_task(name="profiles.tasks.import_file", acks_late=True)
def import_file(job_id: int) -> None:
    from profiles import services

    if not ImportJob.claim(job_id):
        return
    with job_heartbeat(ImportJob, job_id):
        services.import_job_run(job_id=job_id)


@shared_task(bind=True, name="profiles.tasks.fetch_job", acks_late=True, max_retries=MAX_RATE_LIMIT_RETRIES)
def fetch_job(self: Task, job_id: int) -> None:
    """Fetch a profile (and recent posts) or a follower sample under the platform retry policy
    (profiles.fetchers.retry); the work done so far is kept (followers resume from the saved iterator)."""
    from profiles import services

    if not FetchJob.claim(job_id):
        return
    with job_heartbeat(FetchJob, job_id):  # rate-limit sleeps are long quiet stretches
        run_with_platform_retries(self, job=FetchJob, job_id=job_id, run=lambda: services.fetch_job_run(job_id=job_id))


@shared_task(name="profiles.tasks.refresh_linked_profiles")
def refresh_linked_profiles() -> int:
    from profiles import services

    return services.linked_profiles_refresh()


@shared_task(name="profiles.tasks.resume_waiting_fetches")
def resume_waiting_fetches() -> int:
    from profiles import services

    return services.waiting_fetches_resume()


@shared_task(name="profiles.tasks.brand_safety_screen_stale", acks_late=True)
def brand_safety_screen_stale(limit: int = 2000) -> int:
    """Screen posts no current screen has seen (profiles.safety.screen_stale)."""
    from profiles.safety import screen_stale

    return screen_stale(limit=limit)
