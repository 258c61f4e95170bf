"""Inside a request the user's membership is looked up once (a per-request memo), and any membership write empties
the memo, so a role changed mid-request is seen by the next check."""

from __future__ import annotations

import pytest
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext

from accounts.models import Membership
from accounts.roles import Role
from accounts.selectors import membership_get, membership_memo

pytestmark = pytest.mark.django_db


def _membership_queries(queries: CaptureQueriesContext) -> list[str]:
    return [q["sql"] for q in queries.captured_queries if 'FROM "accounts_membership"' in q["sql"]]


def test_the_dashboard_reads_the_membership_once(alice_client, settings) -> None:
    settings.PAGE_CACHE_SECONDS = 0
    alice_client.get("/dashboard/")  # warm per-process caches
    with CaptureQueriesContext(connection) as queries:
        response = alice_client.get("/dashboard/")
    assert response.status_code == 200
    lookups = [sql for sql in _membership_queries(queries) if "COUNT(" not in sql]
    assert len(lookups) == 1, lookups


def test_a_role_change_inside_the_request_is_seen_by_the_next_check(alice, agency) -> None:
    with membership_memo():
        first = membership_get(user=alice, organization=agency)
        assert first.role == Role.OWNER
        with CaptureQueriesContext(connection) as queries:
            assert membership_get(user=alice, organization=agency) is first  # memo: no query
        assert not _membership_queries(queries)
        row = Membership.objects.get(pk=first.pk)
        row.role = Role.VIEWER
        row.save()
        assert membership_get(user=alice, organization=agency).role == Role.VIEWER


def test_a_deleted_membership_is_a_404_at_once(alice, agency) -> None:
    with membership_memo():
        membership = membership_get(user=alice, organization=agency)
        membership.delete()
        with pytest.raises(Http404):
            membership_get(user=alice, organization=agency)


def test_outside_a_request_every_call_reads_the_database(alice, agency) -> None:
    membership_get(user=alice, organization=agency)
    with CaptureQueriesContext(connection) as queries:
        membership_get(user=alice, organization=agency)
    assert len(_membership_queries(queries)) == 1
