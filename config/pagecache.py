"""Rendered-page cache for signed-in reads, invalidated by any write to the database.

A GET of a page or API list by a signed-in user is kept in the shared cache under a key made of everything the
response depends on besides the data: the user, the acting membership, the session's CSRF secret (forms on the page
carry a token for it), the path and query, the headers that pick a representation (Accept, HTMX) and the language.
The data part is one number, the *data version*: every INSERT, UPDATE or DELETE sent through Django's database
connections, in any process (web, worker, beat, shell), increments it, so the next read misses and renders anew.
Writes are seen at the SQL level (a connection execute wrapper), so `bulk_create`, `update()` and raw SQL count as
well as `save()`; there is no list of models to keep up to date. Two writes are not changes a reader can see: the
session table's, and an UPDATE that sets only a job's `heartbeat_at` (INVISIBLE_COLUMNS).

Ordering: a write inside a transaction bumps the version at once *and* again on commit, so a page rendered
between the two (from the old data) is stored under a version that is already superseded.

What is never cached: anonymous requests, token-authenticated API calls (the user is not known yet at this layer),
anything but a 200 HTML or JSON body, responses that set a cookie or say `no-store`/`private`, requests with flash
messages waiting (they must be shown once), and views that changed the session. Entries also expire after
`PAGE_CACHE_SECONDS` (relative times such as "3 minutes ago" stay roughly right). The cache must be shared by every
process that writes (Redis in production); with a per-process memory cache it is off by default
(`PAGE_CACHE_SECONDS=0`), since a worker's writes could not reach the web process's memory.
"""

from __future__ import annotations

import hashlib
import logging
import re
import threading
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse

from config.cache import outage_seen_and_reset

logger = logging.getLogger(__name__)

VERSION_KEY = "pagecache:data-version"
KEY_PREFIX = "pagecache:page"
WRITE_VERBS = ("INSERT", "UPDATE", "DELETE", "REPLACE", "TRUNCATE")
# Written on nearly every request, never shown on a page.
IGNORED_TABLES = ("django_session",)
# Columns no page or API shows: an UPDATE that sets only these changes nothing a reader sees. A running job's
# heartbeat (config.jobs.job_heartbeat, every 15 s per job) would otherwise empty every agency's cached pages.
INVISIBLE_COLUMNS = frozenset({"heartbeat_at"})
_SET_CLAUSE = re.compile(r"^\s*UPDATE\s+\S+\s+SET\s+(.*?)\s+WHERE\s", re.IGNORECASE | re.DOTALL)
_ASSIGNED = re.compile(r'"?(\w+)"?\s*=')
CACHEABLE_TYPES = ("text/html", "application/json")
HIT_HEADER = "X-Page-Cache"

_local = threading.local()


def enabled() -> bool:
    return int(getattr(settings, "PAGE_CACHE_SECONDS", 0) or 0) > 0


# --- the data version ----------------------------------------------------------------------------------------------
def data_version() -> int:
    """The current data version; reading it re-arms the immediate bump of this thread's next write."""
    _local.bumped = False
    if outage_seen_and_reset():
        bump()  # writes made while the cache was unreachable could not move it: pages kept before are stale
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY) or 1
    return int(version)


def bump(*_: Any) -> None:
    """Move the data version on: every cached page becomes a miss."""
    if getattr(_local, "in_bump", False):  # a database cache backend's own writes
        return
    _local.in_bump = True
    try:
        try:
            cache.incr(VERSION_KEY)
        except ValueError:  # not there yet (or evicted)
            cache.set(VERSION_KEY, 1, timeout=None)
    except Exception:  # the cache is down: pages render uncached, a write must not fail for it
        logger.warning("page cache: could not bump the data version", exc_info=True)
    finally:
        _local.in_bump = False


def _is_write(sql: str) -> bool:
    head = sql.lstrip()[:10].upper()
    if not head.startswith(WRITE_VERBS):
        return False
    lowered = sql[:200].lower()
    return not any(table in lowered for table in IGNORED_TABLES) and not _sets_only_invisible_columns(sql)


def _sets_only_invisible_columns(sql: str) -> bool:
    match = _SET_CLAUSE.match(sql)
    if match is None:
        return False
    # Values are placeholders (%s) in Django's SQL, so every `name =` in the clause is an assigned column.
    assigned = {name.lower() for name in _ASSIGNED.findall(match.group(1))}
    return bool(assigned) and assigned <= INVISIBLE_COLUMNS


def _changed_rows(sql: str, context: dict[str, Any]) -> bool:
    """False only when an UPDATE or DELETE touched no row (a periodic sweep that matched nothing must not
    invalidate every page). Anything else counts as a change: a statement with RETURNING reports its rows only
    once they are fetched, and -1 means the driver does not know."""
    if not sql.lstrip()[:6].upper().startswith(("UPDATE", "DELETE")) or "RETURNING" in sql.upper():
        return True
    cursor = context.get("cursor")
    try:
        return cursor is None or cursor.rowcount != 0
    except Exception:
        return True


def _bump_on_commit() -> None:
    bump()


def write_watcher(execute: Callable[..., Any], sql: str, params: Any, many: bool, context: dict[str, Any]) -> Any:
    """Connection execute wrapper: runs the statement, then bumps the version if it wrote."""
    result = execute(sql, params, many, context)
    if isinstance(sql, str) and _is_write(sql) and _changed_rows(sql, context):
        connection = context["connection"]
        if not connection.in_atomic_block:
            bump()
        else:
            # Once now (also what tests see, whose transaction never commits) and once when the transaction commits.
            if not getattr(_local, "bumped", False):
                _local.bumped = True
                bump()
            if not any(entry[1] is _bump_on_commit for entry in connection.run_on_commit):
                transaction.on_commit(_bump_on_commit, using=connection.alias)
    return result


def watch_connection(sender: Any, connection: Any, **_: Any) -> None:
    """`connection_created` receiver: every new database connection reports its writes."""
    if write_watcher not in connection.execute_wrappers:
        connection.execute_wrappers.append(write_watcher)


# --- the middleware ------------------------------------------------------------------------------------------------
def _pending_messages(request: HttpRequest) -> bool:
    storage = getattr(request, "_messages", None)
    try:
        return storage is not None and len(storage) > 0
    except Exception:
        return True


def page_key(request: HttpRequest, version: int) -> str | None:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    csrf_secret = request.COOKIES.get(settings.CSRF_COOKIE_NAME, "")
    membership = getattr(request, "membership", None)
    parts = [
        str(user.pk),
        str(membership.pk if membership else ""),
        hashlib.sha256(csrf_secret.encode()).hexdigest()[:16],
        request.get_full_path(),
        request.META.get("HTTP_ACCEPT", ""),
        request.META.get("HTTP_HX_REQUEST", ""),
        request.META.get("HTTP_HX_TARGET", ""),
        getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE),
    ]
    digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()
    return f"{KEY_PREFIX}:{version}:{digest}"


def _storable(request: HttpRequest, response: HttpResponse, session_key_before: str | None) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if not response.get("Content-Type", "").startswith(CACHEABLE_TYPES):
        return False
    cache_control = response.get("Cache-Control", "")
    if "no-store" in cache_control or "private" in cache_control or response.has_header("Content-Disposition"):
        return False
    if not request.COOKIES.get(settings.CSRF_COOKIE_NAME) and request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False  # the page holds a token for a CSRF cookie this response is about to set: not replayable
    session = getattr(request, "session", None)
    if session is not None and (session.modified or session.session_key != session_key_before):
        return False
    return not _pending_messages(request)


class PageCacheMiddleware:
    """Serves a signed-in GET from the page cache when the data has not changed since it was rendered."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not self._applies(request):
            return self.get_response(request)
        try:
            key = page_key(request, data_version())
            cached = cache.get(key) if key else None
        except Exception:  # the cache is down: render as if it were off
            logger.warning("page cache: lookup failed", exc_info=True)
            return self.get_response(request)
        if cached is not None:
            response = self._rebuild(cached)
            response[HIT_HEADER] = "hit"
            return response
        session = getattr(request, "session", None)
        session_key_before = session.session_key if session is not None else None
        response = self.get_response(request)
        if key and _storable(request, response, session_key_before):
            headers = {name: value for name, value in response.items() if name.lower() != "content-length"}
            try:
                cache.set(key, (response.status_code, headers, response.content), settings.PAGE_CACHE_SECONDS)
            except Exception:
                logger.warning("page cache: store failed", exc_info=True)
            response[HIT_HEADER] = "miss"
        return response

    def _applies(self, request: HttpRequest) -> bool:
        if not enabled() or request.method != "GET":
            return False
        if request.path.startswith(tuple(settings.PAGE_CACHE_EXCLUDED_PATHS)) or _pending_messages(request):
            return False
        user = getattr(request, "user", None)
        return bool(user is not None and user.is_authenticated)

    @staticmethod
    def _rebuild(cached: tuple[int, dict[str, str], bytes]) -> HttpResponse:
        status, headers, content = cached
        response = HttpResponse(content, status=status)
        for name, value in headers.items():
            response[name] = value
        return response
