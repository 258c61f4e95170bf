"""A lost database connection (a PostgreSQL restart or failover) never shows a 500: a read is tried once more on a
new connection, anything else gets a 503 "try again" page or the API's error body, with Retry-After."""

from __future__ import annotations

import pytest
from django.db import OperationalError, connection
from django.db.backends.utils import CursorWrapper

pytestmark = pytest.mark.django_db(transaction=True)

LOST = "server closed the connection unexpectedly\n\tThis probably means the server terminated abnormally"


@pytest.fixture
def connection_lost_once(monkeypatch):
    """The next query of the request fails as a dropped PostgreSQL connection does; later ones work."""
    real = CursorWrapper.execute
    state = {"armed": False, "failures": 0}

    def execute(self, sql, params=None):
        if state["armed"] and state["failures"] == 0:
            state["failures"] += 1
            raise OperationalError(LOST)
        return real(self, sql, params)

    monkeypatch.setattr(CursorWrapper, "execute", execute)
    return state


def test_a_page_read_on_a_dropped_connection_is_retried_and_answers(alice_client, connection_lost_once):
    alice_client.raise_request_exception = False  # answer as a server does, not re-raise the logged first failure
    connection_lost_once["armed"] = True
    response = alice_client.get("/profiles/")
    assert connection_lost_once["failures"] == 1
    assert response.status_code == 200 and b"profiles-table" in response.content


def test_a_write_on_a_dropped_connection_is_a_503_not_a_500_and_not_repeated(alice_client, connection_lost_once):
    alice_client.raise_request_exception = False
    connection_lost_once["armed"] = True
    response = alice_client.post("/profiles/link/", {"reference": "https://x.com/nasa"})
    assert response.status_code == 503 and response["Retry-After"] == "5"
    assert b"The database is not reachable" in response.content and b"Traceback" not in response.content
    assert connection_lost_once["failures"] == 1


def test_the_api_says_503_in_its_error_format(api_client_for, alice, connection_lost_once, monkeypatch):
    from config.middleware import DatabaseRetryMiddleware

    client = api_client_for(alice)
    client.raise_request_exception = False
    monkeypatch.setattr(DatabaseRetryMiddleware, "SAFE", ())  # as if it failed again on the retry
    connection_lost_once["armed"] = True
    response = client.get("/api/v1/profiles/")
    assert response.status_code == 503 and response["Retry-After"] == "5"
    assert response.json()["error"]["code"] == "database_unavailable"


def test_a_bad_query_is_still_a_500_not_hidden_as_an_outage(client, monkeypatch):
    from config.views import database_unreachable

    assert not database_unreachable(OperationalError("no such table: profiles_profile"))
    assert database_unreachable(OperationalError(LOST))


@pytest.mark.skipif(connection.vendor != "postgresql", reason="terminates a real PostgreSQL backend")
def test_a_terminated_postgresql_backend_mid_session_costs_the_reader_nothing(alice_client, settings):
    import psycopg

    alice_client.raise_request_exception = False
    alice_client.get("/profiles/")  # the request's connection is open and kept (CONN_MAX_AGE)
    pid = connection.cursor().connection.info.backend_pid
    params = connection.get_connection_params()
    with psycopg.connect(
        **{k: v for k, v in params.items() if k in ("dbname", "user", "host", "port", "password")}
    ) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", [pid])
    response = alice_client.get("/profiles/")
    assert response.status_code == 200
