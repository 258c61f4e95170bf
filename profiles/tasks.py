"""Celery tasks: ids in, a service call, progress on the job row. Fetch tasks (profiles.tasks.fetch_*) are routed
to the `fetch` queue."""
from __future__ import annotations

from celery import shared_task

from profiles.models import ImportJob


@shared_task(name="profiles.tasks.import_file", acks_late=True)
def import_file(job_id: int) -> None:
    from profiles import services

    if not ImportJob.claim(job_id):
        return
    services.import_job_run(job_id=job_id)
