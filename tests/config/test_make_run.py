"""`make run` serves the platform as people will judge it: the Procfile's web process, started as honcho starts it
(its own settings, no DEBUG in the environment), answers every error with the product's own pages and the API's
error format, never Django's technical pages, and still serves its static files."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import time
from pathlib import Path

import pytest
import requests
from django.conf import settings
from django.test import Client

from tests.factories import ProfileFactory
from tests.worker_fixtures import _database_url_for_test_db

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

PROCFILE = Path(settings.BASE_DIR) / "Procfile"
TECHNICAL_PAGE = ("URLconf", "DEBUG = True", "Traceback", "technical_500", "Django tried these URL patterns")


def _procfile_command(name: str) -> str:
    for line in PROCFILE.read_text().splitlines():
        if line.startswith(f"{name}:"):
            return line.split(":", 1)[1].strip()
    raise AssertionError(f"no {name} process in the Procfile")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def make_run_web(tmp_path):
    """The Procfile's web process on a free port, on this test's database, with the environment `make run` gives."""
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "DJANGO_SETTINGS_MODULE", "PYTEST_XDIST_WORKER")}
    env |= {
        "WEB_PORT": str(port),
        "DATABASE_URL": _database_url_for_test_db(),
        "PATH": f"{Path(settings.BASE_DIR) / '.venv' / 'bin'}:{env.get('PATH', '')}",
    }
    log = (tmp_path / "web.log").open("w")
    process = subprocess.Popen(
        ["sh", "-c", _procfile_command("web")],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the web process exited: {(tmp_path / 'web.log').read_text()[-3000:]}")
        try:
            requests.get(f"{base}/accounts/login/", timeout=2)
            break
        except requests.ConnectionError:
            time.sleep(0.2)
    else:
        pytest.fail("the web process did not answer within 60 s")
    try:
        yield base
    finally:
        os.killpg(process.pid, 15)
        process.wait(timeout=20)
        log.close()


def _assert_product_page(response: requests.Response, status: int, marker: str) -> None:
    assert response.status_code == status, response.url
    assert response.headers["Content-Type"].startswith("text/html")
    assert not any(word in response.text for word in TECHNICAL_PAGE), response.text[:500]
    assert marker in response.text and "SocialLens" in response.text


def test_the_web_process_of_make_run_shows_the_products_error_pages(make_run_web, alice, charlie, agency):
    profile = ProfileFactory(organization=agency, handle="only_alices")
    client = Client()
    client.force_login(charlie)
    cookies = {settings.SESSION_COOKIE_NAME: client.cookies[settings.SESSION_COOKIE_NAME].value}

    _assert_product_page(requests.get(f"{make_run_web}/no-such-page/", timeout=10), 404, 'id="error-404"')
    signed_in = requests.get(f"{make_run_web}/no-such-page/", cookies=cookies, timeout=10)
    _assert_product_page(signed_in, 404, 'id="error-404"')
    other_agency = requests.get(f"{make_run_web}/profiles/{profile.pk}/", cookies=cookies, timeout=10)
    _assert_product_page(other_agency, 404, 'id="error-404"')

    api = requests.get(f"{make_run_web}/api/v1/no-such-thing/", cookies=cookies, timeout=10)
    assert api.status_code == 404 and api.json() == {"error": {"code": "not_found", "message": "Not found."}}

    login = requests.get(f"{make_run_web}/accounts/login/", timeout=10)
    assert login.status_code == 200
    stylesheets = re.findall(r'href="(/static/[^"]+\.css)"', login.text)
    assert stylesheets, "the login page links no stylesheet"
    for path in stylesheets:
        assert requests.get(f"{make_run_web}{path}", timeout=10).status_code == 200, path


def test_under_make_run_every_role_and_a_stranger_get_the_products_403_and_404(make_run_web, agency):
    """#27: each role, signed in to the web process `make run` starts: another agency's page is the product's 404,
    the admin (site staff only) the product's 403 saying so; logged out, the admin asks to sign in."""
    from accounts.roles import Role
    from tests.factories import MembershipFactory, OrganizationFactory, UserFactory

    elsewhere = ProfileFactory(organization=OrganizationFactory(slug="elsewhere"), handle="elsewhere_only")
    for role in Role.values:
        user = UserFactory(email=f"{role}@example.com")
        MembershipFactory(user=user, organization=agency, role=role)
        client = Client()
        client.force_login(user)
        cookies = {settings.SESSION_COOKIE_NAME: client.cookies[settings.SESSION_COOKIE_NAME].value}
        not_ours = requests.get(f"{make_run_web}/profiles/{elsewhere.pk}/", cookies=cookies, timeout=10)
        _assert_product_page(not_ours, 404, 'id="error-404"')
        admin = requests.get(f"{make_run_web}/admin/", cookies=cookies, timeout=10)
        _assert_product_page(admin, 403, 'id="error-403"')
        assert "Django admin is for the site" in admin.text, role
    logged_out = requests.get(f"{make_run_web}/admin/", timeout=10, allow_redirects=True)
    assert logged_out.status_code == 200 and "URLconf" not in logged_out.text


def test_a_server_error_is_the_products_500_page_and_the_apis_error_format(rf):
    from config.views import server_error

    page = server_error(rf.get("/campaigns/"))
    assert page.status_code == 500 and b'id="error-500"' in page.content and b"Traceback" not in page.content
    api = server_error(rf.get("/api/v1/campaigns/"))
    assert api.status_code == 500 and b'"code": "server_error"' in api.content.replace(b'":"', b'": "')
