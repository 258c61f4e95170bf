"""GET /health/: is this process able to serve? Checks the database, the cache and the Celery broker, each with a
short timeout, and answers 200 with each check's result, or 503 naming what failed (for load balancers/monitors)."""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable

from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


def _database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _cache() -> None:
    key, value = f"health:{uuid.uuid4().hex}", uuid.uuid4().hex
    cache.set(key, value, timeout=10)
    if cache.get(key) != value:
        raise RuntimeError("the cache did not return what was stored")
    cache.delete(key)


def _broker() -> None:
    from config.celery import app

    with app.connection_for_write() as conn:
        # One quick retry: a monitor wants an answer in well under a second, not after kombu's 2 s back-off.
        conn.ensure_connection(max_retries=1, interval_start=0.2, interval_step=0, interval_max=0.2, timeout=2)


CHECKS: dict[str, Callable[[], None]] = {"database": _database, "cache": _cache, "broker": _broker}
logger = logging.getLogger(__name__)


@never_cache
@require_GET
def health(request: HttpRequest) -> JsonResponse:
    results: dict[str, dict[str, object]] = {}
    for name, check in CHECKS.items():
        started = time.perf_counter()
        try:
            check()
        except Exception as exc:  # noqa: BLE001  (any failure is reported, never raised: this page must answer)
            # The driver's message names hosts, ports and users: in the logs and for signed-in staff only; anyone
            # else (a load balancer, a passer-by) learns which part is down.
            logger.warning("health: the %s check failed", name, exc_info=True)
            detail = f"{type(exc).__name__}: {exc}"[:300] if request.user.is_staff else f"the {name} did not answer"
            results[name] = {"ok": False, "error": detail}
        else:
            results[name] = {"ok": True}
        results[name]["ms"] = round((time.perf_counter() - started) * 1000, 1)
    healthy = all(result["ok"] for result in results.values())
    return JsonResponse({"status": "ok" if healthy else "fail", "checks": results}, status=200 if healthy else 503)
