"""The page cache (config/pagecache.py): a signed-in read is served from the cache until any database write, in any
process, and never to another user, another session, or with a flash message waiting."""

from __future__ import annotations

import os
import subprocess
import sys
import threading

import pytest
import redis
from django.conf import settings
from django.db import connection, transaction
from django.test import Client

from accounts.roles import Role
from config import pagecache
from profiles.models import Profile
from tests.factories import MembershipFactory, ProfileFactory, UserFactory

REDIS_URL = os.environ.get("TEST_PAGE_CACHE_REDIS_URL", "redis://127.0.0.1:6379/14")


def _warm(client: Client, path: str) -> str:
    """A page's first GET sets the CSRF cookie (not cacheable: its form tokens belong to that new cookie), the next
    renders and stores; an API list stores at once. Then the same GET is a hit with the same body."""
    stored = client.get(path)
    if stored.get("X-Page-Cache") != "miss":
        stored = client.get(path)
    assert stored["X-Page-Cache"] == "miss"
    hit = client.get(path)
    assert hit["X-Page-Cache"] == "hit"
    assert hit.content == stored.content
    return hit.content.decode()


@pytest.fixture
def listed(agency):
    return ProfileFactory(organization=agency, handle="before_rename")


def test_a_repeated_read_is_served_from_the_cache(alice_client, listed):
    page = _warm(alice_client, "/profiles/")
    assert "before_rename" in page


@pytest.mark.parametrize(
    "write",
    [
        pytest.param(lambda p: (setattr(p, "handle", "after_rename"), p.save()), id="save"),
        pytest.param(lambda p: Profile.objects.filter(pk=p.pk).update(handle="after_rename"), id="update"),
        pytest.param(
            lambda p: connection.cursor().execute(
                f"UPDATE {Profile._meta.db_table} SET handle = %s WHERE id = %s", ["after_rename", p.pk]
            ),
            id="raw-sql",
        ),
    ],
)
def test_any_write_invalidates_the_cached_page(alice_client, listed, write):
    _warm(alice_client, "/profiles/")
    write(listed)
    fresh = alice_client.get("/profiles/")
    assert fresh["X-Page-Cache"] == "miss"
    assert "after_rename" in fresh.content.decode()


def test_bulk_create_invalidates_the_cached_page(alice_client, agency, listed):
    _warm(alice_client, "/profiles/")
    Profile.objects.bulk_create([ProfileFactory.build(organization=agency, handle="bulk_added")])
    assert "bulk_added" in alice_client.get("/profiles/").content.decode()


def test_an_update_that_matches_no_row_keeps_the_cache(alice_client, listed):
    # The stale-job sweep runs every 30 s; an UPDATE that found nothing to requeue changed no page.
    _warm(alice_client, "/profiles/")
    Profile.objects.filter(pk=listed.pk + 10_000).update(handle="nobody")
    Profile.objects.filter(pk=listed.pk + 10_000).delete()
    assert alice_client.get("/profiles/")["X-Page-Cache"] == "hit"
    Profile.objects.filter(pk=listed.pk).update(handle="somebody")
    assert alice_client.get("/profiles/")["X-Page-Cache"] == "miss"


def test_a_running_jobs_heartbeat_keeps_the_cache_and_its_progress_does_not(alice_client, agency, alice, listed):
    from django.utils import timezone

    from config.jobs import JobStatus
    from predictions.audits.models import FollowerAudit

    audit = FollowerAudit.objects.create(
        organization=agency, profile=listed, requested_by=alice, sample_size=10, status=JobStatus.RUNNING
    )
    _warm(alice_client, "/profiles/")
    FollowerAudit.objects.filter(pk=audit.pk, status=JobStatus.RUNNING).update(heartbeat_at=timezone.now())
    assert alice_client.get("/profiles/")["X-Page-Cache"] == "hit"  # shown nowhere: every 15 s per running job
    FollowerAudit.report_progress(audit.pk, done=3, total=10)  # heartbeat and progress together: shown
    assert alice_client.get("/profiles/")["X-Page-Cache"] == "miss"


def test_only_updates_that_set_nothing_but_invisible_columns_are_skipped():
    assert pagecache._sets_only_invisible_columns('UPDATE "audits" SET "heartbeat_at" = %s WHERE "id" = %s')
    for sql in (
        'UPDATE "audits" SET "heartbeat_at" = %s, "progress_done" = %s WHERE "id" = %s',
        'UPDATE "audits" SET "status" = %s WHERE "heartbeat_at" < %s',
        'DELETE FROM "audits" WHERE "heartbeat_at" < %s',
        'INSERT INTO "audits" ("heartbeat_at") VALUES (%s)',
    ):
        assert not pagecache._sets_only_invisible_columns(sql), sql


def test_another_user_never_gets_the_cached_page(alice_client, agency, listed):
    _warm(alice_client, "/dashboard/")
    dana = UserFactory(email="dana@example.com", full_name="Dana Viewer")
    MembershipFactory(user=dana, organization=agency, role=Role.VIEWER)
    client = Client()
    client.force_login(dana)
    client.get("/dashboard/")
    page = client.get("/dashboard/")
    assert page["X-Page-Cache"] == "miss"
    assert "dana@example.com" in page.content.decode() or "Dana" in page.content.decode()
    assert "Alice Owner" not in page.content.decode()


def test_another_session_of_the_same_user_renders_its_own_csrf_token(alice, alice_client, listed):
    _warm(alice_client, "/profiles/")
    second = Client()
    second.force_login(alice)
    second.get("/profiles/")
    assert second.get("/profiles/")["X-Page-Cache"] == "miss"


def test_a_waiting_flash_message_is_shown_not_skipped(alice_client, listed):
    _warm(alice_client, "/profiles/")
    from django.contrib.messages.storage.cookie import CookieStorage

    storage = CookieStorage(None)
    alice_client.cookies[storage.cookie_name] = storage._encode([_message("Import finished")])
    page = alice_client.get("/profiles/")
    assert "X-Page-Cache" not in page
    assert "Import finished" in page.content.decode()
    assert "Import finished" not in alice_client.get("/profiles/").content.decode()  # shown once


def _message(text: str):
    from django.contrib.messages import constants
    from django.contrib.messages.storage.base import Message

    return Message(constants.SUCCESS, text)


def test_an_api_list_is_cached_and_invalidated_too(alice_client, listed):
    _warm(alice_client, "/api/v1/profiles/")
    Profile.objects.filter(pk=listed.pk).update(handle="api_renamed")
    assert "api_renamed" in alice_client.get("/api/v1/profiles/").content.decode()


def test_anonymous_and_posts_are_never_cached(client, alice_client, listed):
    client.get("/accounts/login/")
    assert "X-Page-Cache" not in client.get("/accounts/login/")
    response = alice_client.post("/profiles/", {})
    assert "X-Page-Cache" not in response


def test_with_the_cache_off_nothing_is_stored(alice_client, listed, settings):
    settings.PAGE_CACHE_SECONDS = 0
    alice_client.get("/profiles/")
    alice_client.get("/profiles/")
    assert "X-Page-Cache" not in alice_client.get("/profiles/")


@pytest.mark.django_db(transaction=True)
def test_a_commit_in_another_thread_invalidates_the_page(alice_client, listed):
    _warm(alice_client, "/profiles/")

    def rename() -> None:
        with transaction.atomic():
            Profile.objects.filter(pk=listed.pk).update(handle="renamed_in_thread")
        connection.close()

    thread = threading.Thread(target=rename)
    thread.start()
    thread.join()
    assert "renamed_in_thread" in alice_client.get("/profiles/").content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_write_inside_a_transaction_bumps_again_on_commit(listed):
    before = pagecache.data_version()
    with transaction.atomic():
        Profile.objects.filter(pk=listed.pk).update(handle="x1")
        Profile.objects.filter(pk=listed.pk).update(handle="x2")
    # Once at the first statement, once at commit; the second statement neither bumps nor queues a second callback.
    assert pagecache.data_version() == before + 2


WRITER = """
import django, os
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.base"
django.setup()
from django.db import connection
with connection.cursor() as cursor:
    cursor.execute("CREATE TABLE IF NOT EXISTS scratch (x integer)")
    cursor.execute("INSERT INTO scratch VALUES (1)")
"""


def _redis_up() -> bool:
    try:
        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


@pytest.mark.integration
@pytest.mark.skipif(not _redis_up(), reason=f"needs Redis at {REDIS_URL} (CI has it)")
def test_a_write_in_another_process_moves_the_shared_version(tmp_path):
    """What lets a worker's write invalidate the web's pages: both see one version in Redis."""
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "PAGE_CACHE_SECONDS")}
    env |= {"CACHE_URL": REDIS_URL, "DATABASE_URL": f"sqlite:///{tmp_path / 'w.sqlite3'}"}
    server = redis.Redis.from_url(REDIS_URL)
    keys = lambda: [k for k in server.keys("*") if k.endswith(pagecache.VERSION_KEY.encode())]  # noqa: E731
    done = subprocess.run(
        [sys.executable, "-c", WRITER], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    (key,) = keys()
    first = int(server.get(key))
    subprocess.run([sys.executable, "-c", WRITER], cwd=settings.BASE_DIR, env=env, check=True, timeout=120)
    assert int(server.get(key)) > first
    server.delete(key)


# --- agency scopes: one agency's writes and running jobs leave another agency's pages cached ---------------------


@pytest.fixture
def other_audit(other_agency, charlie):
    from config.jobs import JobStatus
    from predictions.audits.models import FollowerAudit

    profile = ProfileFactory(organization=other_agency, handle="elsewhere")
    return FollowerAudit.objects.create(
        organization=other_agency, profile=profile, requested_by=charlie, sample_size=10, status=JobStatus.RUNNING
    )


def test_another_agencys_running_job_keeps_the_page_cached_and_its_own_does_not(
    alice_client, agency, alice, listed, other_audit
):
    from config.jobs import JobStatus, job_heartbeat
    from predictions.audits.models import FollowerAudit

    _warm(alice_client, "/profiles/")
    with job_heartbeat(FollowerAudit, other_audit.pk, interval=3600):  # as the audit task runs it
        FollowerAudit.report_progress(other_audit.pk, done=4, total=10)
        FollowerAudit.finish(other_audit.pk)
    assert alice_client.get("/profiles/")["X-Page-Cache"] == "hit"
    own = FollowerAudit.objects.create(
        organization=agency, profile=listed, requested_by=alice, sample_size=10, status=JobStatus.RUNNING
    )
    _warm(alice_client, "/profiles/")
    with job_heartbeat(FollowerAudit, own.pk, interval=3600):
        FollowerAudit.report_progress(own.pk, done=4, total=10)
    assert alice_client.get("/profiles/")["X-Page-Cache"] == "miss"
    assert FollowerAudit.claim(other_audit.pk, from_statuses=(JobStatus.DONE,))  # a claim is its job's agency's too
    assert alice_client.get("/profiles/")["X-Page-Cache"] == "hit"


def test_a_users_write_through_a_page_moves_only_their_agencies(alice_client, charlie_client, listed, other_agency):
    _warm(alice_client, "/profiles/")
    linked = charlie_client.post("/profiles/link/", {"reference": "https://www.instagram.com/charlies.pick/"})
    assert linked.status_code == 302
    assert Profile.objects.filter(organization=other_agency, handle="charlies.pick").exists()
    assert alice_client.get("/profiles/")["X-Page-Cache"] == "hit"
    charlies = charlie_client.get("/profiles/")
    assert "charlies.pick" in charlies.content.decode()
    alice_client.post("/profiles/link/", {"reference": "https://www.instagram.com/alices.pick/"}, follow=True)
    fresh = alice_client.get("/profiles/")
    assert fresh["X-Page-Cache"] == "miss" and "alices.pick" in fresh.content.decode()


def test_a_member_of_two_agencies_is_shown_either_agencys_writes(
    alice_client, alice, listed, other_agency, other_audit
):
    from config.jobs import job_heartbeat
    from predictions.audits.models import FollowerAudit

    MembershipFactory(user=alice, organization=other_agency, role=Role.VIEWER)
    _warm(alice_client, "/profiles/")  # acting in her first agency, but she may be shown the other one's data
    with job_heartbeat(FollowerAudit, other_audit.pk, interval=3600):
        FollowerAudit.report_progress(other_audit.pk, done=5, total=10)
    assert alice_client.get("/profiles/")["X-Page-Cache"] == "miss"


def test_shared_tables_and_unscoped_writes_move_every_agency(alice_client, agency, other_agency, listed):
    from accounts.models import Organization

    _warm(alice_client, "/profiles/")
    with pagecache.write_scope([other_agency.pk]):
        ProfileFactory(organization=other_agency, handle="scoped_elsewhere")
    assert alice_client.get("/profiles/")["X-Page-Cache"] == "hit"
    with pagecache.write_scope([other_agency.pk]):  # not agency data (names, members): everyone's pages
        Organization.objects.filter(pk=agency.pk).update(name="Renamed Agency")
    assert alice_client.get("/profiles/")["X-Page-Cache"] == "miss"
    assert alice_client.get("/profiles/")["X-Page-Cache"] == "hit"
    ProfileFactory(organization=other_agency, handle="nobody_knows_whose")  # no scope: the shell, beat, admin
    assert alice_client.get("/profiles/")["X-Page-Cache"] == "miss"


@pytest.mark.django_db(transaction=True)
def test_a_scoped_write_inside_a_transaction_bumps_its_agency_again_on_commit(agency, other_agency, listed):
    version = lambda: pagecache.data_versions([agency.pk, other_agency.pk])  # noqa: E731
    site, mine, theirs = map(int, version().split("-"))
    with transaction.atomic(), pagecache.write_scope([agency.pk]):
        Profile.objects.filter(pk=listed.pk).update(handle="y1")
        Profile.objects.filter(pk=listed.pk).update(handle="y2")
    assert list(map(int, version().split("-"))) == [site, mine + 2, theirs]
