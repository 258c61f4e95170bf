"""Rendered-page cache for signed-in reads, invalidated by any write to the database.

A GET of a page or API list by a signed-in user is kept in the shared cache under a key made of everything the
response depends on besides the data: the user, the acting membership, the session's CSRF secret (forms on the page
carry a token for it), the path and query, the headers that pick a representation (Accept, HTMX) and the language.
The data part is a set of *data versions*: every INSERT, UPDATE or DELETE sent through Django's database
connections, in any process (web, worker, beat, shell), increments one or more of them, so the next read misses and
renders anew.

Versions are scoped by agency, so that one agency's writes and running jobs do not empty another agency's pages.
A write to an agency's data (the tables of AGENCY_TABLE_PREFIXES) made inside `write_scope(organization ids)` moves
only those agencies' versions; every other write moves the site-wide version. Scopes are set where the writer is
known: a signed-in request writes for every agency its user belongs to (tenancy lets a user write no other agency's
data; so a creator in two agencies moves both), a job's task for the job's agency (`config.jobs`), a discovery
refresh for the agencies of its profiles. A page's key holds the site-wide version and the version of every agency
its viewer belongs to (all they can be shown), read in one round trip. Writes with no scope (the shell, beat sweeps,
Django admin, token-authenticated API calls, anonymous links) move the site-wide version as before.
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
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse

from config.cache import outage_seen_and_reset

logger = logging.getLogger(__name__)

VERSION_KEY = "pagecache:data-version"
AGENCY_VERSION_KEY = "pagecache:data-version:agency:{}"
# Tables whose rows each belong to one agency (by organization, or through a profile, campaign or submission of it).
AGENCY_TABLE_PREFIXES = ("audits_", "campaigns_", "discovery_", "network_", "profiles_", "results_")
# ...except these, shared by every agency: a retraining run changes the models every agency's scores come from.
SHARED_TABLES = frozenset({"campaigns_retrainingrun"})
_WRITTEN_TABLE = re.compile(r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?', re.IGNORECASE)
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
_scope: ContextVar[frozenset[int]] = ContextVar("pagecache_write_scope", default=frozenset())


@contextmanager
def write_scope(organization_ids: Iterable[int | None]) -> Iterator[None]:
    """Writes to agency data inside the block belong to these agencies: only their pages are invalidated. An empty
    scope (nobody known) leaves every write site-wide."""
    token = _scope.set(frozenset(pk for pk in organization_ids if pk is not None))
    try:
        yield
    finally:
        _scope.reset(token)


def enabled() -> bool:
    return int(getattr(settings, "PAGE_CACHE_SECONDS", 0) or 0) > 0


# --- the data version ----------------------------------------------------------------------------------------------
def _fresh() -> int:
    # A version made anew (first use, or evicted) starts above any an evicted key could have reached, so a page
    # stored under the old one is never served again.
    return int(time.time() * 1000)


def data_versions(organization_ids: Iterable[int] = ()) -> str:
    """The site-wide version and these agencies' versions, as one key part; reading them re-arms the immediate
    bump of this thread's next write."""
    _local.bumped = set()
    if outage_seen_and_reset():
        bump()  # writes made while the cache was unreachable could not move it: pages kept before are stale
    keys = [VERSION_KEY, *(AGENCY_VERSION_KEY.format(pk) for pk in sorted(set(organization_ids)))]
    found = cache.get_many(keys)
    for key in keys:
        if key not in found:
            cache.add(key, _fresh(), timeout=None)
            found[key] = cache.get(key) or 0
    return "-".join(str(int(found[key])) for key in keys)


def data_version() -> int:
    """The site-wide data version (moved by every write no agency scope covers)."""
    return int(data_versions().split("-")[0])


def bump(*_: Any, keys: Iterable[str] = (VERSION_KEY,)) -> None:
    """Move these data versions on (the site-wide one by default: every cached page becomes a miss)."""
    if getattr(_local, "in_bump", False):  # a database cache backend's own writes
        return
    _local.in_bump = True
    try:
        for key in keys:
            try:
                cache.incr(key)
            except ValueError:  # not there yet (or evicted)
                cache.set(key, _fresh(), timeout=None)
    except Exception:  # the cache is down: pages render uncached, a write must not fail for it
        logger.warning("page cache: could not bump the data version", exc_info=True)
    finally:
        _local.in_bump = False


def _version_keys(sql: str) -> tuple[str, ...]:
    """The versions a write moves: its scope's agencies' for agency data written in a scope, else the site's."""
    scope = _scope.get()
    if scope:
        match = _WRITTEN_TABLE.match(sql)
        table = match.group(1).lower() if match else ""
        if table.startswith(AGENCY_TABLE_PREFIXES) and table not in SHARED_TABLES:
            return tuple(AGENCY_VERSION_KEY.format(pk) for pk in sorted(scope))
    return (VERSION_KEY,)


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


class _BumpOnCommit:
    """The versions a transaction's writes moved, moved again when it commits (one callback per transaction)."""

    def __init__(self) -> None:
        self.keys: set[str] = set()

    def __call__(self) -> None:
        bump(keys=sorted(self.keys))


def write_watcher(execute: Callable[..., Any], sql: str, params: Any, many: bool, context: dict[str, Any]) -> Any:
    """Connection execute wrapper: runs the statement, then bumps the versions it moved if it wrote."""
    result = execute(sql, params, many, context)
    if isinstance(sql, str) and _is_write(sql) and _changed_rows(sql, context):
        connection = context["connection"]
        keys = _version_keys(sql)
        if not connection.in_atomic_block:
            bump(keys=keys)
        else:
            # Once now (also what tests see, whose transaction never commits) and once when the transaction commits.
            bumped = getattr(_local, "bumped", None)
            if bumped is None:
                bumped = _local.bumped = set()
            if not bumped.issuperset(keys):
                bump(keys=[key for key in keys if key not in bumped])
                bumped.update(keys)
            pending = next(
                (entry[1] for entry in connection.run_on_commit if isinstance(entry[1], _BumpOnCommit)), None
            )
            if pending is None:
                pending = _BumpOnCommit()
                transaction.on_commit(pending, using=connection.alias)
            pending.keys.update(keys)
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


def viewer_organizations(request: HttpRequest) -> list[int]:
    """Every agency the signed-in user belongs to (the memberships the request reads anyway, once)."""
    from accounts.selectors import user_memberships

    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return []
    return [membership.organization_id for membership in user_memberships(user=user)]


def page_key(request: HttpRequest, version: int | str) -> str | None:
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
        if not enabled():
            return self.get_response(request)
        organizations = self._writer_organizations(request)
        with write_scope(organizations):
            return self._serve(request, organizations)

    @staticmethod
    def _writer_organizations(request: HttpRequest) -> list[int]:
        """The agencies a request's writes belong to: its signed-in user's, outside Django admin (where staff edit
        any agency's rows)."""
        if request.path.startswith(tuple(settings.PAGE_CACHE_EXCLUDED_PATHS)):
            return []
        try:
            return viewer_organizations(request)
        except Exception:  # the session or membership read failed: no scope, writes move the site-wide version
            logger.warning("page cache: could not read the user's agencies", exc_info=True)
            return []

    def _serve(self, request: HttpRequest, organizations: list[int]) -> HttpResponse:
        if not self._applies(request):
            return self.get_response(request)
        try:
            key = page_key(request, data_versions(organizations))
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
