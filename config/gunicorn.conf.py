"""gunicorn settings for production: `gunicorn -c config/gunicorn.conf.py config.wsgi`.

Every value can be overridden from the environment (GUNICORN_* or the usual PORT / WEB_CONCURRENCY)."""

from __future__ import annotations

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", f"0.0.0.0:{os.environ.get('PORT', '8000')}")
# Web requests mostly wait on PostgreSQL: (2 × cores) + 1 sync workers, each with a few threads.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
worker_class = "gthread"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))  # uploads are validated in the request; scoring is a task
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then so a slow leak cannot grow without bound.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = 200
preload_app = False  # each worker opens its own database connections after the fork
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
access_log_format = '{"time":"%(t)s","remote":"%(h)s","request":"%(r)s","status":%(s)s,"bytes":%(B)s,"ms":%(M)s}'

# Garbage collection in a web worker. A worker holds a few hundred thousand objects that live as long as it does
# (Django, the apps, the URL resolver, compiled templates); each full collection walks all of them, a pause of tens
# of milliseconds for whichever requests are in flight. Frozen once the application is loaded (gc.freeze, the
# permanent generation), they are never walked again; a request's own garbage is collected as before. The youngest
# generation is collected every GUNICORN_GC_THRESHOLD new container objects instead of 700 (a page of 100 rows
# makes tens of thousands, and collecting them in the middle of the request frees none: they are still in use).
# GUNICORN_GC_THRESHOLD=0 keeps Python's defaults and freezes nothing (bench/bench_web.py --gc-defaults compares).
GC_THRESHOLD = int(os.environ.get("GUNICORN_GC_THRESHOLD", "20000"))


def post_worker_init(worker: object) -> None:
    """gunicorn hook: the worker has loaded the application (config.wsgi) and serves requests next."""
    import gc

    if GC_THRESHOLD <= 0:
        return
    gc.collect()
    gc.freeze()
    _, middle, oldest = gc.get_threshold()
    gc.set_threshold(GC_THRESHOLD, middle, oldest)
