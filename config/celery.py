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
app.conf.task_queues = tuple(Queue(name, Exchange(name, type="direct"), routing_key=name)
                             for name in ("default", "fetch", "ml"))
app.autodiscover_tasks()


def ensure_broker_dirs() -> None:
    """kombu's filesystem transport needs its folders to exist before a producer or worker touches them."""
    from django.conf import settings

    if str(settings.CELERY_BROKER_URL).startswith("filesystem://"):
        for key in ("data_folder_in", "data_folder_out", "processed_folder", "control_folder"):
            os.makedirs(settings.CELERY_BROKER_TRANSPORT_OPTIONS[key], exist_ok=True)
