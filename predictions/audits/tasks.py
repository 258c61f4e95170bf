"""Audit tasks (routed to the `ml` queue by CELERY_TASK_ROUTES)."""

from __future__ import annotations

from celery import Task, shared_task

from config.jobs import job_heartbeat
from predictions.audits.models import FollowerAudit
from profiles.fetchers.retry import MAX_RATE_LIMIT_RETRIES, run_with_platform_retries


@shared_task(bind=True, name="predictions.audits.tasks.audit_run", acks_late=True, max_retries=MAX_RATE_LIMIT_RETRIES)
def audit_run(self: Task, audit_id: int) -> None:
    """Claim and run an audit under the platform retry policy (profiles.fetchers.retry): rate limits while
    fetching followers park it as WAITING; a failure leaves a readable reason (the page offers Resume; stored
    results are kept)."""
    from predictions.audits import services

    if not services.audit_claim(audit_id=audit_id):
        return
    with job_heartbeat(FollowerAudit, audit_id):
        run_with_platform_retries(
            self, job=FollowerAudit, job_id=audit_id, run=lambda: services.audit_run(audit_id=audit_id)
        )


@shared_task(name="predictions.audits.tasks.audit_resume_stale")
def audit_resume_stale() -> int:
    from predictions.audits import services

    return services.audits_resume_stale()
