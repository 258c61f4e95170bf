"""Audit tasks (routed to the `ml` queue by CELERY_TASK_ROUTES)."""
from __future__ import annotations

from datetime import UTC, datetime

from celery import shared_task

from config.errors import ApplicationError
from predictions.audits.models import FollowerAudit

MAX_RATE_LIMIT_RETRIES = 24
MAX_UPSTREAM_RETRIES = 3


@shared_task(bind=True, name="predictions.audits.tasks.audit_run", acks_late=True, max_retries=MAX_RATE_LIMIT_RETRIES)
def audit_run(self, audit_id: int) -> None:  # type: ignore[no-untyped-def]
    """Claim and run an audit. Rate limits while fetching followers park it as WAITING and retry when allowed;
    any other readable failure marks it FAILED (the page offers Resume; stored results are kept)."""
    from predictions.audits import services
    from profiles.fetchers.errors import RateLimited, UpstreamUnavailable

    if not services.audit_claim(audit_id=audit_id):
        return
    try:
        services.audit_run(audit_id=audit_id)
    except RateLimited as exc:
        services.audit_wait(audit_id=audit_id, until=exc.retry_at, reason=exc.message)
        if self.request.is_eager:
            return  # no broker to hold a delayed retry: the beat entry re-queues it once the wait is over
        if self.request.retries >= self.max_retries:
            FollowerAudit.fail(audit_id, f"Gave up after {self.request.retries} rate-limit waits: {exc.message}")
            return
        wait = (exc.retry_at - datetime.now(UTC)).total_seconds()
        raise self.retry(countdown=max(wait, 5) + min(3600, 30 * 2 ** self.request.retries) * (wait <= 0),
                         exc=exc) from exc
    except UpstreamUnavailable as exc:
        if self.request.is_eager or self.request.retries >= MAX_UPSTREAM_RETRIES:
            FollowerAudit.fail(audit_id, exc.message)
            return
        services.audit_wait(audit_id=audit_id, until=datetime.now(UTC), reason=exc.message)
        raise self.retry(countdown=60 * 2 ** self.request.retries, exc=exc) from exc
    except ApplicationError as exc:
        FollowerAudit.fail(audit_id, exc.message)


@shared_task(name="predictions.audits.tasks.audit_resume_stale")
def audit_resume_stale() -> int:
    from predictions.audits import services

    return services.audits_resume_stale()
