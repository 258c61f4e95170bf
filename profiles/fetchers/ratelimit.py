"""One rate limiter shared by every worker process, per platform and credential.

A sliding window: at most `limit` requests in any `window` seconds, plus a pause the platform imposed (a 429, or
X's x-rate-limit-remaining reaching 0) that holds every process until it ends. State lives in Redis when Redis is
the broker (one Lua script: atomic, on Redis's own clock), else in the database (RateLimitBucket, row-locked).
Short waits are slept through; a wait longer than `max_sleep` raises RateLimited so the task is retried later
instead of holding a worker.

A request made through `slot()` holds its place in the window from the grant until its answer came back (the slot's
time moves to then): the platform counts a request when it arrives, which is some time after the grant, so a window
counted on grant times alone could hold one request too many at the platform (bench/bench_fetch_scale.py saw 21 of
20 with two workers). Counted from the answer, the next grant comes a full window after the arrival.
"""

from __future__ import annotations

import hashlib
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Protocol

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F

from profiles.fetchers.errors import RateLimited
from profiles.platforms import PLATFORMS


class Backend(Protocol):
    def try_acquire(self, key: str, limit: int, window: float, member: str = "") -> tuple[bool, float, float]:
        """(granted, seconds to wait if not, the grant time or now); `member` names the slot for `settle`."""

    def settle(self, key: str, member: str, granted_at: float, window: float) -> None:
        """The granted slot's time becomes now (its request was answered): it leaves the window a window after."""

    def block_until(self, key: str, until: float) -> None: ...

    def blocked_until(self, key: str) -> float: ...

    def reset(self, key: str) -> None: ...

    def count(self, key: str, window: float) -> int:
        """How many grants the last `window` seconds hold."""


_REDIS_ACQUIRE = """
local now_parts = redis.call('TIME')
local now = tonumber(now_parts[1]) + tonumber(now_parts[2]) / 1000000
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local blocked = tonumber(redis.call('GET', KEYS[2]) or '0')
if blocked > now then
  return {0, tostring(blocked - now), tostring(now)}
end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) < limit then
  redis.call('ZADD', KEYS[1], now, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], math.ceil(window * 1000) + 1000)
  return {1, '0', tostring(now)}
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return {0, tostring(tonumber(oldest[2]) + window - now), tostring(now)}
"""

_REDIS_SETTLE = """
local now_parts = redis.call('TIME')
local now = tonumber(now_parts[1]) + tonumber(now_parts[2]) / 1000000
if redis.call('ZSCORE', KEYS[1], ARGV[1]) then
  redis.call('ZADD', KEYS[1], 'XX', now, ARGV[1])
  redis.call('PEXPIRE', KEYS[1], math.ceil(tonumber(ARGV[2]) * 1000) + 1000)
end
return 1
"""


class RedisBackend:
    def __init__(self, url: str) -> None:
        import redis

        self.client = redis.Redis.from_url(url)
        self._acquire = self.client.register_script(_REDIS_ACQUIRE)
        self._settle = self.client.register_script(_REDIS_SETTLE)

    def try_acquire(self, key: str, limit: int, window: float, member: str = "") -> tuple[bool, float, float]:
        granted, wait, now = self._acquire(
            keys=[key, f"{key}:blocked"], args=[limit, window, member or uuid.uuid4().hex]
        )
        return bool(int(granted)), float(wait), float(now)

    def settle(self, key: str, member: str, granted_at: float, window: float) -> None:
        self._settle(keys=[key], args=[member, window])

    def block_until(self, key: str, until: float) -> None:
        ttl = max(1, int(until - time.time()) + 1)
        # Keep the later of two pauses: a shorter one from another worker must not cut ours short.
        current = self.blocked_until(key)
        if until > current:
            self.client.set(f"{key}:blocked", repr(until), ex=ttl)

    def blocked_until(self, key: str) -> float:
        value = self.client.get(f"{key}:blocked")
        return float(value) if value else 0.0

    def reset(self, key: str) -> None:
        self.client.delete(key, f"{key}:blocked")

    def count(self, key: str, window: float) -> int:
        seconds, micro = self.client.time()
        return int(self.client.zcount(key, seconds + micro / 1e6 - window, "+inf"))


class DatabaseBackend:
    """RateLimitBucket rows. The first statement of each transaction is an UPDATE of the row, which takes its write
    lock: on PostgreSQL a row lock, on SQLite the database write lock (a read-first transaction there could not
    upgrade once another process wrote, and would fail with "database is locked")."""

    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        self.clock = clock

    def _ensure(self, key: str) -> None:
        from profiles.models import RateLimitBucket

        if not RateLimitBucket.objects.filter(key=key).exists():
            try:
                with transaction.atomic():
                    RateLimitBucket.objects.create(key=key)
            except IntegrityError:
                pass  # another process created it first

    def try_acquire(self, key: str, limit: int, window: float, member: str = "") -> tuple[bool, float, float]:
        from profiles.models import RateLimitBucket

        self._ensure(key)
        with transaction.atomic():
            RateLimitBucket.objects.filter(key=key).update(version=F("version") + 1)
            bucket = RateLimitBucket.objects.get(key=key)
            now = self.clock()
            if bucket.blocked_until > now:
                return False, bucket.blocked_until - now, now
            hits = [hit for hit in bucket.hits if hit > now - window]
            if len(hits) < limit:
                hits.append(now)
                RateLimitBucket.objects.filter(pk=bucket.pk).update(hits=hits)
                return True, 0.0, now
            RateLimitBucket.objects.filter(pk=bucket.pk).update(hits=hits)
            return False, min(hits) + window - now, now

    def settle(self, key: str, member: str, granted_at: float, window: float) -> None:
        """The hit stamped `granted_at` takes the time now (hits are stamps, not named: any hit of that stamp is
        the same slot)."""
        from profiles.models import RateLimitBucket

        with transaction.atomic():
            RateLimitBucket.objects.filter(key=key).update(version=F("version") + 1)
            hits = RateLimitBucket.objects.filter(key=key).values_list("hits", flat=True).first()
            if hits and granted_at in hits:
                hits[hits.index(granted_at)] = max(self.clock(), granted_at)
                RateLimitBucket.objects.filter(key=key).update(hits=hits)

    def block_until(self, key: str, until: float) -> None:
        from profiles.models import RateLimitBucket

        self._ensure(key)
        with transaction.atomic():
            RateLimitBucket.objects.filter(key=key, blocked_until__lt=until).update(blocked_until=until)

    def blocked_until(self, key: str) -> float:
        from profiles.models import RateLimitBucket

        return RateLimitBucket.objects.filter(key=key).values_list("blocked_until", flat=True).first() or 0.0

    def reset(self, key: str) -> None:
        from profiles.models import RateLimitBucket

        RateLimitBucket.objects.filter(key=key).delete()

    def count(self, key: str, window: float) -> int:
        from profiles.models import RateLimitBucket

        hits = RateLimitBucket.objects.filter(key=key).values_list("hits", flat=True).first() or []
        now = self.clock()
        return sum(1 for hit in hits if hit > now - window)


class SharedRateLimiter:
    def __init__(
        self,
        key: str,
        *,
        limit: int,
        window: float,
        backend: Backend,
        max_sleep: float = 30.0,
        sleep: Callable[[float], None] = time.sleep,
        label: str = "",
    ) -> None:
        self.key, self.limit, self.window, self.backend = key, limit, window, backend
        self.max_sleep, self.sleep, self.label = max_sleep, sleep, label or key

    def acquire(self, member: str = "") -> float:
        """Wait for a slot and take it; returns the grant time (unix seconds, the backend's clock)."""
        while True:
            granted, wait, now = self.backend.try_acquire(self.key, self.limit, self.window, member)
            if granted:
                return now
            if wait > self.max_sleep:
                raise RateLimited(
                    f"Waiting for the {self.label} rate limit.", retry_at=datetime.fromtimestamp(now + wait, tz=UTC)
                )
            self.sleep(max(wait, 0.001))

    @contextmanager
    def slot(self) -> Iterator[float]:
        """Take a slot for one request made inside the block; the slot counts from when the block ends (the answer
        came back, or the request failed), not from the grant. Yields the grant time."""
        member = uuid.uuid4().hex
        granted = self.acquire(member)
        try:
            yield granted
        finally:
            self.backend.settle(self.key, member, granted, self.window)

    def block_until(self, until: datetime | float) -> None:
        stamp = until.timestamp() if isinstance(until, datetime) else float(until)
        self.backend.block_until(self.key, stamp)

    def blocked_until(self) -> datetime | None:
        stamp = self.backend.blocked_until(self.key)
        return datetime.fromtimestamp(stamp, tz=UTC) if stamp > time.time() else None

    def reset(self) -> None:
        self.backend.reset(self.key)


def default_backend() -> Backend:
    url = getattr(settings, "PROFILES_RATE_LIMIT_REDIS_URL", "") or ""
    if not url and str(settings.CELERY_BROKER_URL).startswith(("redis://", "rediss://")):
        url = settings.CELERY_BROKER_URL
    return RedisBackend(url) if url else DatabaseBackend()


def credential_fingerprint(credential: str) -> str:
    """A stable, non-secret name for a credential (token, session user) to key its shared bucket."""
    return hashlib.sha256(credential.encode()).hexdigest()[:16] if credential else "anonymous"


def limiter_for(
    *, platform: str, credential: str, scope: str = "", backend: Backend | None = None
) -> SharedRateLimiter:
    limits = getattr(settings, "PROFILES_RATE_LIMITS", {})
    limit, window = limits.get(platform, (60, 60.0))
    key = f"sociallens:ratelimit:{platform}:{credential_fingerprint(credential)}" + (f":{scope}" if scope else "")
    label = PLATFORMS[platform].label if platform in PLATFORMS else platform
    return SharedRateLimiter(
        key,
        limit=int(limit),
        window=float(window),
        backend=backend or default_backend(),
        max_sleep=float(getattr(settings, "PROFILES_RATE_LIMIT_MAX_SLEEP", 30.0)),
        label=label,
    )
