"""The shared cache is an accelerator, never a dependency of a page: while Redis is unreachable every read is a miss
and every write is dropped (logged), so sessions fall back to the database (cached_db), the page cache renders
afresh, and login limits and API throttles count from zero (they fail open for the outage: a brief window, logged,
against refusing every sign-in of every user). Once Redis answers again, each process that saw the outage moves
the page cache's data version on once (config.pagecache), since writes made meanwhile could not."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)
LOG_EVERY_SECONDS = 30.0
_state = {"outage_seen": False, "logged_at": 0.0}


def outage_seen_and_reset() -> bool:
    """True once after this process found the cache unreachable (then False until the next outage)."""
    seen, _state["outage_seen"] = _state["outage_seen"], False
    return seen


def _unreachable(operation: str, error: Exception) -> None:
    _state["outage_seen"] = True
    now = time.monotonic()
    if now - _state["logged_at"] >= LOG_EVERY_SECONDS:  # one line per half minute, not one per request
        _state["logged_at"] = now
        logger.warning("cache unreachable (%s): %s; serving without it", operation, error)


def _fail_soft(name: str, fallback: Callable[..., Any]) -> Callable[..., Any]:
    """RedisCache's `name`, answering `fallback(*arguments)` (what an empty cache would) while Redis is unreachable."""
    method = getattr(RedisCache, name)

    def call(self: RedisCache, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except UNREACHABLE as error:
            _unreachable(name, error)
            return fallback(*args, **kwargs)

    call.__name__ = name
    return call


def _missing_key(key: Any, *_: Any, **__: Any) -> int:
    raise ValueError(f"Key '{key}' not found (the cache is unreachable)")


class FailSoftRedisCache(RedisCache):
    """Django's Redis cache, answering as an empty cache (and dropping writes) while Redis is unreachable."""

    add = _fail_soft("add", lambda *_, **__: False)
    get = _fail_soft("get", lambda key, default=None, version=None: default)
    set = _fail_soft("set", lambda *_, **__: None)
    touch = _fail_soft("touch", lambda *_, **__: False)
    delete = _fail_soft("delete", lambda *_, **__: False)
    get_many = _fail_soft("get_many", lambda *_, **__: {})
    has_key = _fail_soft("has_key", lambda *_, **__: False)
    incr = _fail_soft("incr", _missing_key)
    set_many = _fail_soft("set_many", lambda data, *_, **__: list(data))
    delete_many = _fail_soft("delete_many", lambda *_, **__: None)
