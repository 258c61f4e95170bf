"""Shared shape for rows that track background work: status, progress (done / total) and a readable reason.

Tasks claim a job with a conditional update (`Job.claim`) so a redelivered message never runs it twice.
"""
from __future__ import annotations

from django.db import models
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
    def claim(cls, pk: int, *, from_statuses: tuple[str, ...] = (JobStatus.PENDING, JobStatus.WAITING)) -> bool:
        """Atomically move a job to RUNNING; False if another worker has it or it is finished."""
        return bool(
            cls.objects.filter(pk=pk, status__in=from_statuses).update(
                status=JobStatus.RUNNING, started_at=timezone.now(), waiting_until=None
            )
        )

    @classmethod
    def report_progress(cls, pk: int, *, done: int, total: int | None = None) -> None:
        fields: dict[str, int] = {"progress_done": done}
        if total is not None:
            fields["progress_total"] = total
        cls.objects.filter(pk=pk).update(**fields)

    @classmethod
    def finish(cls, pk: int) -> None:
        cls.objects.filter(pk=pk).update(status=JobStatus.DONE, finished_at=timezone.now(), error="")

    @classmethod
    def fail(cls, pk: int, reason: str) -> None:
        cls.objects.filter(pk=pk).update(status=JobStatus.FAILED, finished_at=timezone.now(), error=reason[:2000])
