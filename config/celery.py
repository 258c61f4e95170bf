"""The Celery app: settings come from Django's (CELERY_ namespace); queues default, fetch and ml."""

from __future__ import annotations

import os

from celery import Celery
from kombu import Exchange, Queue

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")

app = Celery("sociallens")
app.config_from_object("django.conf:settings", namespace="CELERY")
# Each queue gets its own exchange and routing key: left empty, Celery binds all three to the default exchange
# with the key "default", and a task routed to one queue would be delivered to every queue.
app.conf.task_queues = tuple(
    Queue(name, Exchange(name, type="direct"), routing_key=name) for name in ("default", "fetch", "ml")
)
app.autodiscover_tasks()


def ensure_broker_dirs() -> None:
    """kombu's filesystem transport needs its folders to exist before a producer or worker touches them."""
    from django.conf import settings

    if str(settings.CELERY_BROKER_URL).startswith("filesystem://"):
        for key in ("data_folder_in", "data_folder_out", "processed_folder", "control_folder"):
            os.makedirs(settings.CELERY_BROKER_TRANSPORT_OPTIONS[key], exist_ok=True)


@app.task(name="config.celery.requeue_stale_jobs", ignore_result=True)
def requeue_stale_jobs() -> int:
    """Send every abandoned RUNNING job (its worker stopped beating) back to its task; the task's claim takes it
    over and the work resumes from what the job stored. Returns how many were re-queued."""
    from django.apps import apps as django_apps
    from django.utils import timezone

    from config.jobs import Job, JobStatus

    app.loader.import_default_modules()  # every app's tasks module, so each task_name resolves in any process
    requeued = 0
    for model in django_apps.get_models():
        if not issubclass(model, Job):
            continue
        if not model.task_name:
            # A job its task creates as it starts (the weekly retraining run) has no task to resume it: say on
            # the row that its worker stopped, instead of leaving it RUNNING for ever.
            model.stale_jobs().update(
                status=JobStatus.FAILED,
                finished_at=timezone.now(),
                error=f"Its worker stopped (no sign of life for {int(model.stale_after.total_seconds())} s); "
                "the next scheduled run starts afresh.",
            )
            continue
        for pk in model.stale_jobs().values_list("pk", flat=True):
            app.tasks[model.task_name].apply_async(args=[pk])
            requeued += 1
        unsent = list(model.objects.filter(model.unsent_filter()).values_list("pk", flat=True))
        if unsent:
            model.objects.filter(pk__in=unsent).update(heartbeat_at=timezone.now())
        for pk in unsent:
            app.tasks[model.task_name].apply_async(args=[pk])
            requeued += 1
    return requeued
