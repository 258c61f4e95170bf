"""A scratch PostgreSQL database for a benchmark: made (or dropped) on the server a URL names; its URL returned."""

from __future__ import annotations

import os
from urllib.parse import urlsplit, urlunsplit


def scratch_database(url: str, name: str, *, create: bool) -> str:
    """Drop `name` on the server of `url` if it exists, then create it again when `create`; the URL of `name`."""
    import psycopg

    parts = urlsplit(url)
    with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {name}")
        if create:
            connection.execute(f"CREATE DATABASE {name}")
    return urlunsplit(parts._replace(path=f"/{name}"))


def server_url(given: str | None) -> str:
    """The PostgreSQL server a bench runs on: --postgres, else a postgres DATABASE_URL, else "" (the bench skips)."""
    database = os.environ.get("DATABASE_URL", "")
    return given or (database if database.startswith(("postgres://", "postgresql://")) else "")
