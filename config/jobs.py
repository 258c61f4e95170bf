"""Shared shape for rows that track background work: status, progress (done / total) and a readable reason.

Tasks claim a job with a conditional update (`Job.claim`) so a redelivered message never runs it twice. A running
job beats (`heartbeat_at`) whenever it reports progress; one whose worker died (killed, out of memory, machine
restart) stops beating, and after `stale_after` it may be claimed again. `requeue_stale_jobs` (config.celery,
on beat) sends such jobs back to their task, named by the model's `task_name`.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import ClassVar

from django.db import models
from django.db.models import Q, QuerySet
from django.utils import timezone


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

    # How long a RUNNING job may stay silent before it counts as abandoned; longer than its longest quiet stretch.
    stale_after: ClassVar[timedelta] = timedelta(minutes=15)
    # The Celery task that runs a job of this kind, given its id (None: not re-queued automatically).
    task_name: ClassVar[str | None] = None

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
    def stale_jobs(cls) -> QuerySet:
        return cls.objects.filter(cls.stale_filter())

    @classmethod
    def claim(cls, pk: int, *, from_statuses: tuple[str, ...] = (JobStatus.PENDING, JobStatus.WAITING)) -> bool:
        """Atomically move a job to RUNNING; False if another (live) worker has it or it is finished. A RUNNING
        job whose worker has been silent for `stale_after` is taken over."""
        now = timezone.now()
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
