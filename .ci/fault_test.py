"""Fault test: gunicorn with the production settings while its Redis is stopped and restarted, and while its
PostgreSQL connections are cut, with a signed-in browser session and an API client reading and writing throughout.

Run by .ci/prod_smoke.sh (its environment: prod settings, the smoke database, the smoke user and token). Starts its
own redis-server on FAULT_REDIS_PORT, so the Redis that CI shares is never touched, and its own gunicorn on
FAULT_PORT against it. Prints the figures and fails on any 500 (a 503 "try again" is allowed only while the database
is being cut), on a write answered with an error that was stored anyway, and on a write stored twice.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
PORT = int(os.environ.get("FAULT_PORT", "8766"))
REDIS_PORT = int(os.environ.get("FAULT_REDIS_PORT", "6391"))
BASE = f"http://127.0.0.1:{PORT}"
EMAIL, PASSWORD, TOKEN = os.environ["FAULT_EMAIL"], os.environ["FAULT_PASSWORD"], os.environ["FAULT_TOKEN"]
DATABASE = os.environ["DATABASE_URL"].rsplit("/", 1)[1]
PAGES = ["/dashboard/", "/profiles/", "/campaigns/", "/discovery/", "/campaigns/audits/"]


def start_redis(folder: str) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(
        ["redis-server", "--port", str(REDIS_PORT), "--save", "", "--appendonly", "no", "--dir", folder],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        if subprocess.run(["redis-cli", "-p", str(REDIS_PORT), "ping"], capture_output=True).stdout.strip() == b"PONG":
            return process
        time.sleep(0.05)
    raise SystemExit("fault test: redis-server did not start")


def start_web(log: Path) -> subprocess.Popen[bytes]:
    env = dict(os.environ)
    env |= {
        "CACHE_URL": f"redis://127.0.0.1:{REDIS_PORT}/0",
        "CELERY_BROKER_URL": f"redis://127.0.0.1:{REDIS_PORT}/1",
        "GUNICORN_BIND": f"127.0.0.1:{PORT}",
        "SITE_URL": BASE,
    }
    process = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "gunicorn"), "-c", "config/gunicorn.conf.py", "config.wsgi"],
        cwd=ROOT,
        env=env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )
    try:
        for _ in range(300):
            try:
                if requests.get(f"{BASE}/health/", timeout=5).status_code == 200:
                    return process
            except (requests.ConnectionError, requests.Timeout):
                pass  # not listening yet, or a first answer slowed by imports on a busy machine: ask again
            time.sleep(0.2)
        raise SystemExit(f"fault test: gunicorn did not answer: {log.read_text()[-2000:]}")
    except BaseException:
        process.terminate()  # never leave a gunicorn behind holding the smoke database
        process.wait(timeout=20)
        raise


def signed_in_session() -> requests.Session:
    session = requests.Session()
    page = session.get(f"{BASE}/accounts/login/", timeout=10).text
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    response = session.post(
        f"{BASE}/accounts/login/",
        data={"csrfmiddlewaretoken": csrf, "login": EMAIL, "password": PASSWORD},
        headers={"Referer": f"{BASE}/accounts/login/"},
        timeout=10,
    )
    if "/accounts/login/" in response.url:
        raise SystemExit("fault test: the smoke user could not sign in")
    return session


class Traffic:
    """Reads (pages in the session, the API with the token) and writes (a shortlist per write) in turn."""

    def __init__(self, session: requests.Session) -> None:
        self.session = session
        self.api = requests.Session()
        self.api.headers["Authorization"] = f"Bearer {TOKEN}"
        self.statuses: dict[str, Counter[int]] = {}
        self.writes: dict[str, int] = {}  # shortlist name -> status of the POST that made it
        self.sent = 0

    def run(self, phase: str, seconds: float, during: object = None) -> None:
        counts = self.statuses.setdefault(phase, Counter())
        end = time.monotonic() + seconds
        i = 0
        while time.monotonic() < end:
            i += 1
            self.sent += 1
            try:
                if i % 5 == 0:
                    name = f"fault-{phase.replace(' ', '-')}-{i}-{time.monotonic_ns()}"
                    status = self.api.post(f"{BASE}/api/v1/shortlists/", json={"name": name}, timeout=15).status_code
                    self.writes[name] = status
                elif i % 5 == 4:
                    status = self.api.get(f"{BASE}/api/v1/shortlists/", timeout=15).status_code
                else:
                    status = self.session.get(f"{BASE}{PAGES[i % len(PAGES)]}", timeout=15).status_code
            except requests.RequestException:
                status = 0  # no answer at all
            counts[status] += 1
            if callable(during):
                during(i)


def psql(database: str, sql: str) -> str:
    return subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", os.environ.get("PGUSER", "postgres"), "-d", database, "-qAtc", sql],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def cut_database_connections() -> None:
    psql(
        "postgres",
        f"SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
        f"WHERE datname = '{DATABASE}' AND pid <> pg_backend_pid()",
    )


def stored_shortlists() -> Counter[str]:
    return Counter(psql(DATABASE, "SELECT name FROM discovery_shortlist WHERE name LIKE 'fault-%'").splitlines())


def main() -> int:
    folder = tempfile.mkdtemp()
    redis = start_redis(folder)
    try:
        web = start_web(Path(folder) / "web.log")
    except BaseException:
        redis.terminate()
        raise
    try:
        traffic = Traffic(signed_in_session())
        traffic.run("before", 3)
        redis.terminate()
        redis.wait(timeout=10)
        traffic.run("redis down", 8)
        stopped_at = time.monotonic()
        redis = start_redis(folder)
        recovered = None
        while recovered is None and time.monotonic() - stopped_at < 30:
            body = requests.get(f"{BASE}/health/", timeout=5).json()
            if body.get("status") == "ok":
                recovered = round(time.monotonic() - stopped_at, 2)
            time.sleep(0.1)
        traffic.run("redis back", 3)
        cuts = []

        def cut(i: int) -> None:
            if i % 15 == 0:
                cut_database_connections()
                cuts.append(i)

        traffic.run("database cut", 6, during=cut)
        traffic.run("after", 3)
    finally:
        web.terminate()
        web.wait(timeout=20)
        redis.terminate()
        redis.wait(timeout=10)
    stored = stored_shortlists()
    doubled = sorted(name for name, n in stored.items() if n > 1)
    behind_error = sorted(name for name, status in traffic.writes.items() if status >= 400 and stored[name])
    lost = sorted(name for name, status in traffic.writes.items() if status == 201 and not stored[name])
    report = {
        "requests": traffic.sent,
        "statuses": {phase: dict(sorted(counts.items())) for phase, counts in traffic.statuses.items()},
        "writes": len(traffic.writes),
        "writes_stored_twice": len(doubled),
        "writes_stored_behind_an_error": len(behind_error),
        "writes_acknowledged_but_lost": len(lost),
        "seconds_to_healthy_after_redis_restart": recovered,
        "database_connection_cuts": len(cuts),
    }
    print(json.dumps(report, indent=1))
    failures = []
    for phase, counts in traffic.statuses.items():
        bad = {s: n for s, n in counts.items() if s >= 500 or s == 0}
        if phase == "database cut":
            bad.pop(503, None)  # "try again" while the database is unreachable is the promised answer
        if bad:
            failures.append(f"{phase}: {bad}")
    if doubled or behind_error or lost:
        failures.append(f"writes: doubled {doubled[:3]}, stored behind an error {behind_error[:3]}, lost {lost[:3]}")
    if not cuts:
        failures.append("the database connections were never cut")
    if recovered is None:
        failures.append("/health/ did not report ok within 30 s of Redis coming back")
    for failure in failures:
        print(f"FAULT FAIL: {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
