"""The shared cache is an accelerator, never a dependency of a page: while Redis is unreachable every read is a miss
and every write is dropped (logged), so sessions fall back to the database (cached_db), the page cache renders
afresh, and login limits and API throttles count from zero (they fail open for the outage: a brief window, logged,
against refusing every sign-in of every user). Once Redis answers again, each process that saw the outage moves
the page cache's data version on once (config.pagecache), since writes made meanwhile could not."""

from __future__ import annotations

import logging
import time
from typing import Any

from django.core.cache.backends.base import DEFAULT_TIMEOUT
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


class FailSoftRedisCache(RedisCache):
    """Django's Redis cache, answering as an empty cache (and dropping writes) while Redis is unreachable."""

    def add(self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: Any = None) -> bool:
        try:
            return super().add(key, value, timeout, version=version)
        except UNREACHABLE as error:
            _unreachable("add", error)
            return False

    def get(self, key: Any, default: Any = None, version: Any = None) -> Any:
        try:
            return super().get(key, default, version)
        except UNREACHABLE as error:
            _unreachable("get", error)
            return default

    def set(self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: Any = None) -> None:
        try:
            super().set(key, value, timeout, version=version)
        except UNREACHABLE as error:
            _unreachable("set", error)

    def touch(self, key: Any, timeout: Any = DEFAULT_TIMEOUT, version: Any = None) -> bool:
        try:
            return super().touch(key, timeout, version=version)
        except UNREACHABLE as error:
            _unreachable("touch", error)
            return False

    def delete(self, key: Any, version: Any = None) -> bool:
        try:
            return super().delete(key, version)
        except UNREACHABLE as error:
            _unreachable("delete", error)
            return False

    def get_many(self, keys: Any, version: Any = None) -> dict[Any, Any]:
        try:
            return super().get_many(keys, version)
        except UNREACHABLE as error:
            _unreachable("get_many", error)
            return {}

    def has_key(self, key: Any, version: Any = None) -> bool:
        try:
            return super().has_key(key, version)
        except UNREACHABLE as error:
            _unreachable("has_key", error)
            return False

    def incr(self, key: Any, delta: int = 1, version: Any = None) -> int:
        try:
            return super().incr(key, delta, version)
        except UNREACHABLE as error:
            _unreachable("incr", error)
            raise ValueError(f"Key '{key}' not found (the cache is unreachable)") from error

    def set_many(self, data: Any, timeout: Any = DEFAULT_TIMEOUT, version: Any = None) -> list[Any]:
        try:
            return super().set_many(data, timeout, version=version)
        except UNREACHABLE as error:
            _unreachable("set_many", error)
            return list(data)

    def delete_many(self, keys: Any, version: Any = None) -> None:
        try:
            super().delete_many(keys, version)
        except UNREACHABLE as error:
            _unreachable("delete_many", error)
