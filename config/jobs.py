"""Shared shape for rows that track background work: status, progress (done / total) and a readable reason.

Tasks claim a job with a conditional update (`Job.claim`) so a redelivered message never runs it twice. A running
job beats (`heartbeat_at`) from a thread of its own (`job_heartbeat`, every JOBS_HEARTBEAT_SECONDS) while the task
body runs, whatever the body is doing (a rate-limit sleep, a long model call), and also when it reports progress.
One whose worker died (killed, out of memory, machine restart) stops beating, and after `stale_after`
(JOBS_STALE_AFTER_SECONDS) it may be claimed again. `requeue_stale_jobs` (config.celery, on beat every 30 s) sends
such jobs back to their task, named by the model's `task_name`.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from typing import ClassVar

from django.conf import settings
from django.db import connection, models, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerUnreachable
from redis.exceptions import ConnectionError as RedisUnreachable

from config.pagecache import write_scope

logger = logging.getLogger(__name__)


def after_commit(send: Callable[[], object]) -> None:
    """Run `send` (a task send, a mail hand-off) once the transaction commits. A broker that cannot be reached then
    is logged, never raised: the write is committed, and an error page behind it would make the user retry and
    repeat it. A job stays PENDING on its row and requeue_stale_jobs sends it once the broker answers again."""

    def run() -> None:
        try:
            send()
        except (BrokerUnreachable, RedisUnreachable) as error:
            logger.warning("broker unreachable: a task was not sent after its commit (%s)", error)

    transaction.on_commit(run)


class JobStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    RUNNING = "running", "Running"
    WAITING = "waiting", "Waiting for rate limit"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"


class Job(models.Model):
    status = models.CharField(max_length=16, choices=JobStatus.choices, default=JobStatus.PENDING, db_index=True)
    progress_done = models.PositiveIntegerField(default=0)
    progress_total = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True, help_text="Readable reason for a failure, shown in the UI.")
    waiting_until = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True, help_text="Last sign of life of the worker running it.")

    # How long a RUNNING job may stay silent before it counts as abandoned: a few missed heartbeats (job_heartbeat
    # beats every JOBS_HEARTBEAT_SECONDS whatever the task body is doing), so a dead worker's job resumes quickly.
    stale_after: ClassVar[timedelta] = timedelta(seconds=settings.JOBS_STALE_AFTER_SECONDS)
    # How long a PENDING job may wait unclaimed before its message counts as lost (the broker was down when it was
    # sent, config.jobs.after_commit) and is sent again, at most once per period (a long queue only delays it).
    unsent_after: ClassVar[timedelta] = timedelta(seconds=settings.JOBS_UNSENT_AFTER_SECONDS)
    # The Celery task that runs a job of this kind, given its id (None: not re-queued automatically).
    task_name: ClassVar[str | None] = None
    # The lookup of the agency a job works for (None: a job of every agency): a running job's writes, its progress
    # above all, then empty only that agency's cached pages (config.pagecache.write_scope).
    organization_lookup: ClassVar[str | None] = "organization_id"

    class Meta:
        abstract = True

    @property
    def progress_percent(self) -> int:
        if self.status == JobStatus.DONE:
            return 100
        if not self.progress_total:
            return 0
        return min(100, round(100 * self.progress_done / self.progress_total))

    @property
    def is_finished(self) -> bool:
        return self.status in (JobStatus.DONE, JobStatus.FAILED)

    @classmethod
    def stale_filter(cls) -> Q:
        cutoff = timezone.now() - cls.stale_after
        return Q(status=JobStatus.RUNNING) & (
            Q(heartbeat_at__lt=cutoff) | Q(heartbeat_at__isnull=True, started_at__lt=cutoff)
        )

    @classmethod
    def unsent_filter(cls) -> Q:
        cutoff = timezone.now() - cls.unsent_after
        # heartbeat_at, unused while PENDING, records when the sweep last sent it again.
        return Q(status=JobStatus.PENDING) & (
            Q(heartbeat_at__lt=cutoff) | Q(heartbeat_at__isnull=True, created_at__lt=cutoff)
        )

    @classmethod
    def stale_jobs(cls) -> QuerySet:
        return cls.objects.filter(cls.stale_filter())

    @classmethod
    def organization_of(cls, pk: int) -> int | None:
        """The agency this job works for, or None (a job of every agency, or gone)."""
        if cls.organization_lookup is None:
            return None
        return cls.objects.filter(pk=pk).values_list(cls.organization_lookup, flat=True).first()

    @classmethod
    def claim(cls, pk: int, *, from_statuses: tuple[str, ...] = (JobStatus.PENDING, JobStatus.WAITING)) -> bool:
        """Atomically move a job to RUNNING; False if another (live) worker has it or it is finished. A RUNNING
        job whose worker has been silent for `stale_after` is taken over."""
        now = timezone.now()
        with write_scope([cls.organization_of(pk)]):
            return bool(
                cls.objects.filter(Q(pk=pk) & (Q(status__in=from_statuses) | cls.stale_filter())).update(
                    status=JobStatus.RUNNING, started_at=now, heartbeat_at=now, waiting_until=None
                )
            )

    @classmethod
    def report_progress(cls, pk: int, *, done: int, total: int | None = None) -> None:
        fields: dict[str, object] = {"progress_done": done, "heartbeat_at": timezone.now()}
        if total is not None:
            fields["progress_total"] = total
        cls.objects.filter(pk=pk).update(**fields)

    @classmethod
    def finish(cls, pk: int) -> None:
        cls.objects.filter(pk=pk).update(status=JobStatus.DONE, finished_at=timezone.now(), error="")

    @classmethod
    def wait(cls, pk: int, *, until: datetime, reason: str) -> None:
        """Park a job as WAITING until `until`, with the reason the UI shows; its task or a beat entry resumes it."""
        cls.objects.filter(pk=pk).update(status=JobStatus.WAITING, waiting_until=until, error=reason[:2000])

    @classmethod
    def fail(cls, pk: int, reason: str) -> None:
        cls.objects.filter(pk=pk).update(status=JobStatus.FAILED, finished_at=timezone.now(), error=reason[:2000])


@contextmanager
def job_heartbeat(job: type[Job], pk: int, *, interval: float | None = None) -> Iterator[None]:
    """Beat `heartbeat_at` of a claimed job from a daemon thread every `interval` seconds (JOBS_HEARTBEAT_SECONDS)
    while the block runs, so a long quiet stretch (a rate-limit sleep, one long model call) never looks like a dead
    worker. Only a RUNNING row is touched: a job parked as WAITING or finished is left alone. The thread's database
    connection is closed when the block exits (a thread's connection is its own in Django). The block's writes are
    scoped to the job's agency (config.pagecache.write_scope)."""
    seconds = float(settings.JOBS_HEARTBEAT_SECONDS if interval is None else interval)
    stop = threading.Event()

    def beat() -> None:
        try:
            while not stop.wait(seconds):
                # Autocommit, one short UPDATE: on SQLite (IMMEDIATE transactions, busy timeout) it waits for a
                # writer instead of failing; on PostgreSQL it only locks the job's own row.
                job.objects.filter(pk=pk, status=JobStatus.RUNNING).update(heartbeat_at=timezone.now())
        except Exception:  # a missed beat must never break the task; the next beat (or the claim) recovers
            logger.exception("heartbeat of %s %s stopped", job.__name__, pk)
        finally:
            connection.close()

    thread = threading.Thread(target=beat, name=f"heartbeat-{job.__name__}-{pk}", daemon=True)
    thread.start()
    try:
        with write_scope([job.organization_of(pk)]):  # the body's writes are this job's agency's
            yield
    finally:
        stop.set()
        thread.join(timeout=seconds + 30)
