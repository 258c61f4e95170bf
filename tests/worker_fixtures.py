"""Real Celery worker processes for integration tests (loaded for the whole suite from tests/conftest.py).

The worker runs as a separate process (`celery -A config worker`) against the same broker the suite is configured
with (Redis in CI, kombu's filesystem transport otherwise) and the same test database, on a queue of its own so no
other worker on the machine can take its tasks.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.db import connection

from config.celery import app as celery_app
from config.celery import ensure_broker_dirs


def _database_url_for_test_db() -> str:
    db = connection.settings_dict
    if db["ENGINE"] == "django.db.backends.sqlite3":
        return f"sqlite:///{db['NAME']}"
    user = db.get("USER") or ""
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    auth = f"{user}{password}@" if user else ""
    return f"postgres://{auth}{db.get('HOST') or '127.0.0.1'}:{db.get('PORT') or 5432}/{db['NAME']}"


@dataclass
class Worker:
    queues: tuple[str, ...]
    process: subprocess.Popen
    mail_dir: Path
    log_path: Path

    @property
    def queue(self) -> str:
        return self.queues[0]

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")[-4000:]

    def crash(self) -> None:
        """SIGKILL the worker and its pool children at once (its own process group), as an OOM kill or a lost
        machine would: nothing is acknowledged, cleaned up or handed back."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=20)


@pytest.fixture
def start_celery_worker(transactional_db, tmp_path, settings) -> Iterator:
    """Factory: start a real worker process on the given queues (default: a private queue of its own, so no other
    worker on the machine can take its tasks). `env` adds settings for the worker (e.g. MEDIA_ROOT)."""
    ensure_broker_dirs()
    workers: list[Worker] = []

    def start(queues: tuple[str, ...] | None = None, env: dict[str, str] | None = None) -> Worker:
        queues = queues or (f"itest-{uuid.uuid4().hex[:8]}",)
        mail_dir = tmp_path / f"mail-{len(workers)}"
        mail_dir.mkdir()
        log_path = tmp_path / f"worker-{len(workers)}.log"
        # The worker is handed this xdist worker's own database, broker, media and mail folders explicitly, and runs
        # without PYTEST_XDIST_WORKER so the test settings do not derive them a second time.
        worker_env = {
            **{name: value for name, value in os.environ.items() if name != "PYTEST_XDIST_WORKER"},
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "CELERY_TASK_ALWAYS_EAGER": "false",
            "DATABASE_URL": _database_url_for_test_db(),
            "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": str(mail_dir),
            "MEDIA_ROOT": str(settings.MEDIA_ROOT),
            "CELERY_BROKER_DIR": str(settings.BROKER_DIR),
            **(env or {}),
        }
        command = [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "config",
            "worker",
            "-Q",
            ",".join(queues),
            "--concurrency",
            "1",
            "--pool",
            "prefork",
            "--loglevel",
            "INFO",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "-n",
            f"{queues[0]}-{uuid.uuid4().hex[:6]}@%h",
        ]
        with log_path.open("w") as log:
            process = subprocess.Popen(
                command,
                cwd=settings.BASE_DIR,
                env=worker_env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # a process group of its own, so crash() takes the pool children too
            )
        worker = Worker(queues=tuple(queues), process=process, mail_dir=mail_dir, log_path=log_path)
        workers.append(worker)
        return worker

    celery_app.conf.task_always_eager = False
    try:
        yield start
    finally:
        celery_app.conf.task_always_eager = settings.CELERY_TASK_ALWAYS_EAGER
        for worker in workers:
            if worker.process.poll() is None:
                worker.process.terminate()
        for worker in workers:
            try:
                worker.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                worker.process.kill()


@pytest.fixture
def celery_worker_process(start_celery_worker) -> Worker:
    """One real worker process on a private queue; send tasks with `queue=worker.queue`."""
    return start_celery_worker()


def wait_for(predicate, *, timeout: float, worker: Worker, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        if worker.process.poll() is not None:
            pytest.fail(f"worker exited with {worker.process.returncode} before {what}:\n{worker.log()}")
        time.sleep(0.2)
    pytest.fail(f"timed out after {timeout}s waiting for {what}; worker log:\n{worker.log()}")
