"""Fetch workers scale out: 1, 2, 4 and 8 real Celery worker processes on the `fetch` queue fetch X profiles through
tweepy's real Client, against recorded API v2 responses served over HTTP with a simulated latency, while the shared
rate limiter (Redis) holds X's limit across all of them.

    python bench/bench_fetch_scale.py --postgres postgres://postgres@127.0.0.1:5432/postgres
    python bench/bench_fetch_scale.py --postgres URL --redis redis://127.0.0.1:6379/12 --workers 1,2,4,8 --latency 0.25

Each worker is its own `celery worker -Q fetch --concurrency 1` process (a node of its own, as on separate
machines), started from this file so that its HTTP adapter sends https://api.twitter.com to the local recorded-response
server, and so that it notes each slot the limiter grants. Nothing else in the worker is changed: the fetch task, the
retry policy, the import of the fetched records and the Redis limiter are the product's.

Two rounds per worker count:
- *open*: a limit far above what the workers can ask for; jobs per second should rise with the workers (the baseline is
  one worker, in the same run);
- *limited*: `--limit` requests per `--window` seconds on each X endpoint (X limits per endpoint); throughput should
  rise until the limit binds, and no window of that length may hold more than the limit, counted both on the
  limiter's grants (Redis clock) and on the requests the server received (what the platform counts).

A scratch database is created on the server and dropped afterwards; the Redis database given is flushed before each
round (use one nothing else uses).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from bisect import bisect_left
from collections import defaultdict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.scratch import scratch_database, server_url  # noqa: E402

RECORDED = ROOT / "tests" / "data" / "profiles" / "x"
X_HOST = "https://api.twitter.com"
TOKEN = "bench-recorded-token"


# --- the recorded-response server ----------------------------------------------------------------------------------


def _account_id(username: str) -> str:
    return str(10_000_000 + zlib.crc32(username.lower().encode()) % 900_000_000)


class Recorded:
    """X API v2 answers made from the recorded NASA responses, with the asked account's username and id put in (each
    fetched account is its own), after `latency` seconds; every request's arrival time is kept per endpoint."""

    def __init__(self, latency: float) -> None:
        self.latency = latency
        self.user = json.loads((RECORDED / "user_nasa.json").read_text())
        self.tweets = json.loads((RECORDED / "tweets_nasa.json").read_text())
        self.lock = threading.Lock()
        self.arrivals: dict[str, list[float]] = defaultdict(list)

    def answer(self, path: str) -> tuple[int, dict]:
        from profiles.fetchers.twitter import endpoint_scope

        arrived = time.time()
        with self.lock:
            self.arrivals[endpoint_scope(path)].append(arrived)
        time.sleep(self.latency)
        route = path.split("?")[0]
        if match := re.fullmatch(r"/2/users/by/username/([^/]+)", route):
            username = match.group(1)
            user = {**self.user["data"], "username": username, "name": username, "id": _account_id(username)}
            return 200, {"data": user}
        if match := re.fullmatch(r"/2/users/(\d+)/tweets", route):
            account = match.group(1)
            tweets = json.loads(json.dumps(self.tweets))
            for position, tweet in enumerate(tweets["data"]):
                tweet["id"] = tweet["edit_history_tweet_ids"][0] = f"{account}{position:04d}"
                tweet["author_id"] = account
            tweets["meta"]["newest_id"], tweets["meta"]["oldest_id"] = tweets["data"][0]["id"], tweets["data"][-1]["id"]
            return 200, tweets
        return 404, {"title": "Not Found Error", "detail": route}

    def serve(self) -> ThreadingHTTPServer:
        recorded = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                status, body = recorded.answer(self.path)
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: object) -> None:
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        return server


# --- one worker process --------------------------------------------------------------------------------------------


def worker(name: str) -> None:
    """A Celery worker on the fetch queue, its X calls sent to the recorded server, its limiter grants noted."""
    import django

    django.setup()
    from django.conf import settings
    from requests.adapters import HTTPAdapter

    from config.celery import app
    from profiles.fetchers import ratelimit

    server, grants = os.environ["BENCH_X_SERVER"], os.environ["BENCH_GRANTS"]
    settings.PROFILES_RATE_LIMITS = {
        **settings.PROFILES_RATE_LIMITS,
        "x": (int(os.environ["BENCH_X_LIMIT"]), float(os.environ["BENCH_X_WINDOW"])),
    }
    send = HTTPAdapter.send

    def send_to_recorded(self, request, **kwargs):  # type: ignore[no-untyped-def]
        if request.url.startswith(X_HOST):
            request.url = server + request.url[len(X_HOST) :]
        return send(self, request, **kwargs)

    HTTPAdapter.send = send_to_recorded  # type: ignore[method-assign]
    try_acquire = ratelimit.RedisBackend.try_acquire

    def noting(self, key, limit, window, member=""):  # type: ignore[no-untyped-def]
        granted, wait, now = try_acquire(self, key, limit, window, member)
        if granted:
            with open(grants, "a") as out:  # one short append per grant: whole lines across processes
                out.write(f"{now!r} {key}\n")
        return granted, wait, now

    ratelimit.RedisBackend.try_acquire = noting  # type: ignore[method-assign]
    app.worker_main(
        [
            "worker",
            "-Q",
            "fetch",
            "--concurrency",
            "1",
            "--pool",
            "prefork",
            "--loglevel",
            "WARNING",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "-n",
            f"{name}@%h",
        ]
    )


# --- the rounds ----------------------------------------------------------------------------------------------------


def max_in_window(times: list[float], window: float) -> int:
    """The most events any half-open interval [t, t + window) holds."""
    ordered = sorted(times)
    return max((bisect_left(ordered, start + window) - index for index, start in enumerate(ordered)), default=0)


def _setup_django(database_url: str, redis_url: str) -> None:
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.base",
            "DATABASE_URL": database_url,
            "CELERY_BROKER_URL": redis_url,
            "X_BEARER_TOKEN": TOKEN,
            "CELERY_TASK_ALWAYS_EAGER": "false",
        }
    )
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def run_round(
    *,
    workers: int,
    jobs: int,
    limit: int,
    window: float,
    latency: float,
    database_url: str,
    redis_url: str,
    label: str,
) -> dict[str, object]:
    import redis
    from django.db.models import Count
    from django.utils import timezone

    from accounts.models import Membership, Organization, User
    from accounts.roles import Role
    from config.celery import app
    from config.jobs import JobStatus
    from profiles import services
    from profiles.models import FetchJob, Profile

    redis.Redis.from_url(redis_url).flushdb()
    recorded = Recorded(latency)
    server = recorded.serve()
    grants = Path(tempfile.mkstemp(prefix="bench-grants-", suffix=".txt")[1])
    env = {
        **os.environ,
        "BENCH_X_SERVER": f"http://127.0.0.1:{server.server_address[1]}",
        "BENCH_GRANTS": str(grants),
        "BENCH_X_LIMIT": str(limit),
        "BENCH_X_WINDOW": str(window),
    }
    processes = [
        subprocess.Popen(
            [sys.executable, __file__, "--worker", f"bench-{label}-{index}"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for index in range(workers)
    ]
    try:
        deadline = time.time() + 180
        while len(app.control.ping(timeout=1.0) or []) < workers:
            if time.time() > deadline or any(process.poll() is not None for process in processes):
                raise SystemExit(f"workers did not start: {[p.stderr.read()[-2000:] for p in processes if p.poll()]}")
        organization = Organization.objects.create(name=f"Fetch bench {label}", slug=f"fetch-{label}-{os.getpid()}")
        user = User.objects.create_user(email=f"{label}-{os.getpid()}@bench.example", password=None)
        Membership.objects.create(user=user, organization=organization, role=Role.OWNER)
        profiles = Profile.objects.bulk_create(
            Profile(organization=organization, platform="x", handle=f"bench_{label}_{n}", is_linked=True)
            for n in range(jobs)
        )
        started = timezone.now()
        clock = time.perf_counter()
        made = [services.fetch_job_create(user=user, profile=profile).pk for profile in profiles]
        queued = time.perf_counter() - clock
        pending = FetchJob.objects.filter(pk__in=made)
        while True:
            statuses = dict(pending.order_by().values_list("status").annotate(n=Count("pk")))
            finished = statuses.get(JobStatus.DONE, 0) + statuses.get(JobStatus.FAILED, 0)
            if finished >= jobs:
                break
            if time.perf_counter() - clock > 600:
                raise SystemExit(f"round {label}: only {finished} of {jobs} jobs finished in 10 minutes: {statuses}")
            time.sleep(0.2)
        failed = list(pending.filter(status=JobStatus.FAILED).values_list("error", flat=True)[:3])
        if failed:
            raise SystemExit(f"round {label}: jobs failed: {failed}")
        last = max(pending.values_list("finished_at", flat=True))
        seconds = (last - started).total_seconds()
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        server.shutdown()
    by_key: dict[str, list[float]] = defaultdict(list)
    for line in grants.read_text().splitlines():
        stamp, key = line.split(" ", 1)
        by_key[key].append(float(stamp))
    grants.unlink()
    requests_made = sum(len(times) for times in recorded.arrivals.values())
    return {
        "workers": workers,
        "jobs": jobs,
        "seconds": seconds,
        "jobs_per_s": jobs / seconds,
        "requests_per_s": requests_made / seconds,
        "requests": requests_made,
        "queued_s": queued,
        "grants": sum(len(times) for times in by_key.values()),
        "max_grants_in_window": max((max_in_window(times, window) for times in by_key.values()), default=0),
        "max_arrivals_in_window": max(
            (max_in_window(times, window) for times in recorded.arrivals.values()), default=0
        ),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--postgres", help="PostgreSQL server URL (a scratch database is made on it)")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/12", help="a Redis database for broker and limiter")
    parser.add_argument("--workers", default="1,2,4,8", help="comma-separated worker process counts")
    parser.add_argument("--latency", type=float, default=0.25, help="seconds the recorded server waits per request")
    parser.add_argument("--jobs-per-worker", type=int, default=30, help="profile fetches per worker in a round")
    parser.add_argument("--limit", type=int, default=20, help="requests per window per X endpoint (limited rounds)")
    parser.add_argument("--window", type=float, default=10.0, help="the limited rounds' window, seconds")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker)
        return
    args.postgres = server_url(args.postgres)
    if not args.postgres:
        print("bench_fetch_scale: skipped, it needs PostgreSQL (--postgres URL or a postgres DATABASE_URL) and Redis")
        return
    name = f"bench_fetch_{os.getpid()}"
    url = scratch_database(args.postgres, name, create=True)
    try:
        env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "config.settings.base"}
        subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], env=env, check=True, cwd=ROOT)
        _setup_django(url, args.redis)
        counts = [int(value) for value in args.workers.split(",")]
        print(
            f"X profile fetches (2 requests each, {args.latency * 1000:.0f} ms simulated latency per request), "
            f"{args.jobs_per_worker} jobs per worker; limited rounds: {args.limit} requests per {args.window:g} s "
            "per endpoint"
        )
        print(
            f"{'workers':>7} | {'open: jobs/s':>12} {'x 1 worker':>10} {'req/s':>6} | {'limited: jobs/s':>15} "
            f"{'req/s':>6} {'max grants/window':>17} {'max arrivals/window':>19}"
        )
        first: float | None = None
        for workers in counts:
            jobs = args.jobs_per_worker * workers
            common = {
                "workers": workers,
                "latency": args.latency,
                "database_url": url,
                "redis_url": args.redis,
            }
            open_round = run_round(jobs=jobs, limit=1_000_000, window=args.window, label=f"open{workers}", **common)
            limited_jobs = 4 * args.limit  # four windows' worth at the limit, whatever the worker count
            limited = run_round(
                jobs=limited_jobs, limit=args.limit, window=args.window, label=f"limit{workers}", **common
            )
            first = first or float(open_round["jobs_per_s"])  # type: ignore[arg-type]
            speedup = float(open_round["jobs_per_s"]) / first  # type: ignore[arg-type]
            print(
                f"{workers:>7} | {open_round['jobs_per_s']:>12.2f} {speedup:>9.2f}x "
                f"{open_round['requests_per_s']:>6.1f} | {limited['jobs_per_s']:>15.2f} "
                f"{limited['requests_per_s']:>6.1f} "
                f"{limited['max_grants_in_window']:>10} of {args.limit:<4} {limited['max_arrivals_in_window']:>12} of "
                f"{args.limit:<4}",
                flush=True,
            )
            print("  " + json.dumps({"open": open_round, "limited": limited}), flush=True)
    finally:
        from django.db import connections

        connections.close_all()
        scratch_database(args.postgres, name, create=False)


if __name__ == "__main__":
    main()
