"""Two imports (or fetches) of one agency at once, as fetch workers scaled out run them: both create the profile of
an account they both reply to. Found by bench/bench_fetch_scale.py with two workers: the second transaction's insert
of @esa waited for the first and then failed on the unique handle, failing the fetch."""

from __future__ import annotations

import threading
import time

import pytest
from django.db import connection, connections

from profiles.importers.records import ParsedFile, PostRecord, ProfileRecord
from profiles.importers.writer import import_records
from profiles.models import Profile, Relation

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent writers: PostgreSQL (SQLite has one)"),
]


def _fetched(handle: str, reply_to: str = "esa") -> ParsedFile:
    parsed = ParsedFile(f"x api {handle}", source="api")
    parsed.add_profile(ProfileRecord("x", handle, values={"followers_count": 1000, "display_name": handle}))
    parsed.add_post(
        PostRecord(
            "x", handle, f"{handle}-1", values={"caption": f"@{reply_to} congratulations!"}, reply_to_handle=reply_to
        )
    )
    return parsed


def _waiting_backends() -> int:
    with connections["default"].cursor() as cursor:
        # pg_locks is read live (pg_stat_activity would be one snapshot for the whole transaction)
        cursor.execute("SELECT count(*) FROM pg_locks WHERE NOT granted AND pid <> pg_backend_pid()")
        return int(cursor.fetchone()[0])


def test_two_imports_of_one_agency_that_create_the_same_profile_both_land(agency):
    from django.db import transaction

    import_records(organization=agency, files=[_fetched("jaxa", reply_to="isro")])  # the models load before the race
    first_written, outcome = threading.Event(), {}

    def first() -> None:
        try:
            with transaction.atomic():  # held open until the second import is seen waiting on it
                import_records(organization=agency, files=[_fetched("nasa")])
                outcome["first"] = "written"
                first_written.set()
                deadline = time.monotonic() + 20
                while _waiting_backends() == 0 and time.monotonic() < deadline:
                    time.sleep(0.02)
                outcome["second_waited"] = _waiting_backends() > 0
        finally:
            first_written.set()
            connections.close_all()

    def second() -> None:
        try:
            first_written.wait(60)
            outcome["second"] = import_records(organization=agency, files=[_fetched("spacex")]).as_dict()
        except Exception as exc:  # noqa: BLE001 (the failure is the finding)
            outcome["second"] = repr(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert outcome.get("first") == "written" and outcome["second_waited"], outcome
    assert isinstance(outcome["second"], dict), outcome["second"]
    assert Profile.objects.filter(organization=agency, platform="x", handle="esa").count() == 1
    esa = Profile.objects.get(organization=agency, platform="x", handle="esa")
    repliers = set(Relation.objects.filter(target=esa, kind="replies").values_list("source__handle", flat=True))
    assert repliers == {"nasa", "spacex"}
    assert outcome["second"]["created"] >= 2  # spacex, its post and snapshot; not esa again
