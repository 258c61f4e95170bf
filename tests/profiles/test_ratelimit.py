from __future__ import annotations

import multiprocessing
import time
import uuid

import pytest

from profiles.fetchers.errors import RateLimited
from profiles.fetchers.ratelimit import DatabaseBackend, RedisBackend, SharedRateLimiter
from tests.profiles import ratelimit_worker

REDIS_URL = "redis://127.0.0.1:6379/3"


def _redis_available() -> bool:
    try:
        return bool(RedisBackend(REDIS_URL).client.ping())
    except Exception:  # noqa: BLE001 - any connection problem means "no Redis here"
        return False


def _run_two_processes(backend: str, target: str, *, limit: int, window: float, calls: int) -> list[float]:
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    key = f"test:{uuid.uuid4().hex}"
    start_at = time.time() + 4.0  # spawned interpreters need a moment to import Django
    workers = [
        context.Process(
            target=ratelimit_worker.hammer, args=(backend, target, key, limit, window, calls, start_at, results)
        )
        for _ in range(2)
    ]
    for worker in workers:
        worker.start()
    reports = [results.get(timeout=90) for _ in workers]
    for worker in workers:
        worker.join(timeout=30)
        assert worker.exitcode == 0
    assert len({pid for pid, _ in reports}) == 2
    return sorted(stamp for _, stamps in reports for stamp in stamps)


def _assert_never_exceeds(grants: list[float], *, limit: int, window: float) -> None:
    # Sliding window: the (i + limit)-th grant is never within `window` seconds of the i-th.
    for first, later in zip(grants, grants[limit:], strict=False):
        assert later - first >= window - 1e-6, (first, later)


@pytest.mark.integration
def test_two_worker_processes_sharing_the_database_limiter_never_exceed_its_rate(tmp_path):
    database_url = f"sqlite:///{tmp_path / 'limiter.sqlite3'}"
    context = multiprocessing.get_context("spawn")
    setup = context.Process(target=ratelimit_worker.create_bucket_table, args=(database_url,))
    setup.start()
    setup.join(timeout=60)
    assert setup.exitcode == 0
    limit, window, calls = 4, 0.6, 6
    grants = _run_two_processes("db", database_url, limit=limit, window=window, calls=calls)
    assert len(grants) == 2 * calls
    _assert_never_exceeds(grants, limit=limit, window=window)
    # 12 grants at 4 per 0.6 s cannot finish faster than two full windows.
    assert grants[-1] - grants[0] >= 2 * window - 1e-6


@pytest.mark.integration
@pytest.mark.skipif(not _redis_available(), reason="needs Redis at 127.0.0.1:6379 (DB 3)")
def test_two_worker_processes_sharing_the_redis_limiter_never_exceed_its_rate():
    limit, window, calls = 4, 0.6, 6
    grants = _run_two_processes("redis", REDIS_URL, limit=limit, window=window, calls=calls)
    _assert_never_exceeds(grants, limit=limit, window=window)
    assert grants[-1] - grants[0] >= 2 * window - 1e-6


@pytest.mark.django_db
def test_database_limiter_raises_rate_limited_when_the_wait_is_long():
    limiter = SharedRateLimiter("test:long", limit=2, window=120, backend=DatabaseBackend(), max_sleep=1)
    limiter.acquire()
    limiter.acquire()
    with pytest.raises(RateLimited) as excinfo:
        limiter.acquire()
    wait = excinfo.value.retry_at.timestamp() - time.time()
    assert 110 < wait <= 120


@pytest.mark.django_db
def test_a_platform_pause_holds_every_user_of_the_key_until_it_ends():
    backend = DatabaseBackend()
    limiter = SharedRateLimiter("test:pause", limit=100, window=60, backend=backend, max_sleep=1)
    other_worker = SharedRateLimiter("test:pause", limit=100, window=60, backend=backend, max_sleep=1)
    limiter.block_until(time.time() + 300)
    with pytest.raises(RateLimited):
        other_worker.acquire()
    limiter.block_until(time.time() + 10)  # a shorter pause never cuts a longer one short
    assert other_worker.blocked_until().timestamp() > time.time() + 200
    limiter.reset()
    assert other_worker.acquire() > 0


@pytest.mark.skipif(not _redis_available(), reason="needs Redis at 127.0.0.1:6379 (DB 3)")
def test_redis_limiter_sleeps_short_waits_and_pauses():
    slept: list[float] = []
    limiter = SharedRateLimiter(
        f"test:{uuid.uuid4().hex}",
        limit=1,
        window=0.2,
        backend=RedisBackend(REDIS_URL),
        max_sleep=5,
        sleep=lambda s: (slept.append(s), time.sleep(s)),
    )
    limiter.acquire()
    limiter.acquire()
    assert slept and 0 < slept[0] <= 0.2
    limiter.block_until(time.time() + 60)
    with pytest.raises(RateLimited):
        limiter.acquire()
    limiter.reset()


@pytest.mark.django_db
def test_a_slot_counts_from_when_its_answer_came_back_on_the_database_backend():
    """The platform counts a request when it arrives, after the grant: a slot held through the request leaves the
    window a full window after its answer, so the next grant can never share a platform window with it."""
    clock = [1000.0]
    backend = DatabaseBackend(clock=lambda: clock[0])
    limiter = SharedRateLimiter("test:slot", limit=1, window=10, backend=backend, max_sleep=0)
    with limiter.slot() as granted:
        assert granted == 1000.0
        clock[0] = 1003.0  # the answer took three seconds
    clock[0] = 1011.0  # a window after the grant, but not after the answer
    assert backend.count("test:slot", 10) == 1
    with pytest.raises(RateLimited) as excinfo:
        limiter.acquire()
    assert excinfo.value.retry_at.timestamp() == pytest.approx(1013.0)
    clock[0] = 1013.5
    assert limiter.acquire() == 1013.5
    assert backend.count("test:slot", 10) == 1  # the answered slot left at 1013


@pytest.mark.skipif(not _redis_available(), reason="needs Redis at 127.0.0.1:6379 (DB 3)")
def test_a_slot_counts_from_when_its_answer_came_back_on_redis():
    limiter = SharedRateLimiter(f"test:{uuid.uuid4().hex}", limit=1, window=0.4, backend=RedisBackend(REDIS_URL))
    with limiter.slot() as first:
        time.sleep(0.3)  # the request in flight
        answered = time.time()
    second = limiter.acquire()
    assert second - answered >= 0.39 and second - first >= 0.69
    without = SharedRateLimiter(f"test:{uuid.uuid4().hex}", limit=1, window=0.4, backend=RedisBackend(REDIS_URL))
    first = without.acquire()
    time.sleep(0.3)
    assert without.acquire() - first < 0.5  # a bare acquire counts from the grant, as before
