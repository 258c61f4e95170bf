"""Loaded for the whole suite from tests/conftest.py (pytest_plugins).

Playwright (sync API) against Debian's chromium and pytest-django's live_server. Generic: any app's browser
tests can use `browser_page` (one signed-out page) or `make_browser_page()` (one more isolated browser context,
e.g. a second user), and `save_screenshot(page, name)` to keep a picture in test-artifacts/."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-dev-shm-usage",
]
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


def save_screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{re.sub(r'[^A-Za-z0-9_.-]+', '_', name)}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.when == "call":
        item.browser_test_failed = report.failed


@pytest.fixture(scope="session")
def _chromium() -> Iterator[object]:
    """One chromium per test process, started by the first browser test; each test gets fresh contexts in it."""
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the browser tests: install Debian's chromium ({CHROMIUM})")
        pytest.skip(f"browser tests need Debian's chromium at {CHROMIUM} (apt-get install chromium)")
    # Playwright's sync API keeps an event loop in this thread from now on, so Django's async-safety guard would
    # refuse every later ORM call of this process (the browser tests' own, reading the outbox or asserting rows,
    # and every other test's). The calls are synchronous, in the test's own thread: the guard is lifted while
    # the browser lives, and put back after.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
    finally:
        playwright.stop()
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def _playwright_browser(_chromium, live_server) -> object:
    return _chromium


@pytest.fixture
def make_browser_page(_playwright_browser, live_server, request) -> Iterator[Callable[[], object]]:
    pages = []

    def make(user=None, viewport: dict[str, int] | None = None):
        """A page in a fresh browser context; signed in as `user` (through a real session cookie) if given."""
        context = _playwright_browser.new_context(
            base_url=live_server.url, viewport=viewport or {"width": 1280, "height": 900}
        )
        if user is not None:
            from django.conf import settings
            from django.test import Client

            client = Client()
            client.force_login(user)
            context.add_cookies(
                [
                    {
                        "name": settings.SESSION_COOKIE_NAME,
                        "url": live_server.url,
                        "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                    }
                ]
            )
        page = context.new_page()
        page.set_default_timeout(15_000)
        pages.append(page)
        return page

    yield make
    for index, page in enumerate(pages):
        if getattr(request.node, "browser_test_failed", False):
            save_screenshot(page, f"FAILED-{request.node.name}-{index}")
        page.context.close()


@pytest.fixture
def browser_page(make_browser_page):
    return make_browser_page()


@pytest.fixture(scope="session", autouse=True)
def _drop_live_server_db_sessions(django_db_setup, django_db_blocker) -> Iterator[None]:
    """The live server answers keep-alive browser connections from daemon threads that may still hold a
    PostgreSQL session when the test database is dropped; end those sessions (test database only) first."""
    yield
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
