"""The demo agency (`manage.py seed_demo`), built once per test process and restored for every test that asks for it.

Seeding runs the real models over 300 profiles (MiniLM embeddings for every caption, the like model, the audit,
the graph) and takes over a minute; the tests that need it only read it. So the first test that asks seeds the
test database for real and copies every table into a `zz_demo__<table>` twin (a plain copy of the rows, which
Django's flush between transactional tests never touches); every later test gets the same rows put back, ids
included, in one transaction, in a second or two. Loaded for the whole suite from tests/conftest.py.
"""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import connection, transaction

SNAPSHOT_PREFIX = "zz_demo__"
_snapshot_of: set[str] = set()  # test database names whose demo snapshot exists, in this process


def _quote(name: str) -> str:
    return connection.ops.quote_name(name)


def _tables() -> list[str]:
    return sorted(connection.introspection.django_table_names(only_existing=True, include_views=False))


def _take_snapshot() -> None:
    with connection.cursor() as cursor:
        for table in _tables():
            cursor.execute(f"DROP TABLE IF EXISTS {_quote(SNAPSHOT_PREFIX + table)}")
            cursor.execute(f"CREATE TABLE {_quote(SNAPSHOT_PREFIX + table)} AS SELECT * FROM {_quote(table)}")


def _restore_snapshot() -> None:
    """Replace every table's rows with the snapshot's. Foreign keys are checked at commit (deferred), so the
    order of the tables does not matter; the sequences already stand past the copied ids (they were seeded here)."""
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        elif connection.vendor == "sqlite":
            cursor.execute("PRAGMA defer_foreign_keys = ON")
        for table in _tables():
            cursor.execute(f"DELETE FROM {_quote(table)}")
            cursor.execute(f"INSERT INTO {_quote(table)} SELECT * FROM {_quote(SNAPSHOT_PREFIX + table)}")


@pytest.fixture
def demo_database(transactional_db, settings) -> None:
    """The database as `make run` leaves it (ensure_models + seed_demo), for a transactional test (live server)."""
    settings.CELERY_TASK_ALWAYS_EAGER = True
    name = connection.settings_dict["NAME"]
    if name in _snapshot_of:
        _restore_snapshot()
        return
    call_command("ensure_models", verbosity=0)
    call_command("seed_demo", quiet_passwords=True, force=True, stdout=open("/dev/null", "w"))  # noqa: SIM115
    _take_snapshot()
    _snapshot_of.add(name)
