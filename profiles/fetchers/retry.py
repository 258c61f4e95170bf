"""The one retry policy for work that calls a platform: fetch jobs and follower audits.

- RateLimited: the job waits (WAITING until the platform allows, with its reason) and the task retries then, at
  most MAX_RATE_LIMIT_RETRIES times; after that the job fails with the reason.
- UpstreamUnavailable (network error, 5xx): the job waits and the task retries with exponential backoff, at most
  MAX_UPSTREAM_RETRIES times, then the job fails.
- Any other ApplicationError: the job fails with its message at once (retrying would not help).
- Anything else (a bug, a response no parser expected): the job fails with the error named, never left RUNNING
  for the stale-job sweep to retry forever; the exception is re-raised so the worker logs its traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from celery import Task

from config.errors import ApplicationError
from config.jobs import Job
from profiles.fetchers.errors import RateLimited, UpstreamUnavailable

MAX_RATE_LIMIT_RETRIES = 24
MAX_UPSTREAM_RETRIES = 3


def run_with_platform_retries(task: Task, *, job: type[Job], job_id: int, run: Callable[[], object]) -> None:
    """Run a claimed job's work under the policy above; `task` is the bound Celery task running it."""
    retries = task.request.retries
    try:
        run()
    except RateLimited as exc:
        job.wait(job_id, until=exc.retry_at, reason=exc.message)
        if task.request.is_eager:
            # No broker to hold a delayed retry (tests, CELERY_TASK_ALWAYS_EAGER): the job stays WAITING and its
            # beat entry re-queues it once the wait is over.
            return
        if retries >= MAX_RATE_LIMIT_RETRIES:
            job.fail(job_id, f"Gave up after {retries} rate-limit waits: {exc.message}")
            return
        wait = (exc.retry_at - datetime.now(UTC)).total_seconds()
        backoff = min(3600, 30 * 2**retries)  # a retry time already passed: the limiter is still saying no
        raise task.retry(
            countdown=max(wait, 5) + (backoff if wait <= 0 else 0), exc=exc, max_retries=MAX_RATE_LIMIT_RETRIES
        ) from exc
    except UpstreamUnavailable as exc:
        if task.request.is_eager or retries >= MAX_UPSTREAM_RETRIES:
            job.fail(job_id, exc.message)
            return
        countdown = 60 * 2**retries
        job.wait(job_id, until=datetime.now(UTC) + timedelta(seconds=countdown), reason=exc.message)
        raise task.retry(countdown=countdown, exc=exc, max_retries=MAX_RATE_LIMIT_RETRIES) from exc
    except ApplicationError as exc:
        job.fail(job_id, exc.message)
    except Exception as exc:
        job.fail(job_id, f"Failed unexpectedly ({type(exc).__name__}: {str(exc)[:300]}); the error is logged.")
        raise
