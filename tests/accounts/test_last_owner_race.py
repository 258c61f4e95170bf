"""The last-owner rule holds under concurrency: two owners demoting each other at the same instant (each in its own
thread, connection and transaction) leave the agency with one owner, round after round. Needs PostgreSQL: its row
locks are what is under test (SQLite serialises every write transaction anyway)."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from accounts import services
from accounts.models import Membership
from accounts.roles import Role
from config.errors import ApplicationError
from tests.factories import MembershipFactory, OrganizationFactory, UserFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row locks of PostgreSQL under test; set DATABASE_URL=postgres://… (CI does)",
    ),
]

ROUNDS = 20


def test_two_owners_demoting_each_other_at_once_leave_exactly_one_owner():
    outcomes: list[str] = []
    for round_number in range(ROUNDS):
        organization = OrganizationFactory(name=f"Race {round_number}", slug=f"race-{round_number}")
        first, second = (UserFactory(email=f"owner{n}-{round_number}@example.com") for n in (1, 2))
        a = MembershipFactory(user=first, organization=organization, role=Role.OWNER)
        b = MembershipFactory(user=second, organization=organization, role=Role.OWNER)
        start = threading.Barrier(2)

        def demote(actor, membership, barrier: threading.Barrier) -> None:
            membership = Membership.objects.get(pk=membership.pk)
            barrier.wait(timeout=30)
            try:
                services.membership_change_role(user=actor, membership=membership, role=Role.MANAGER)
                outcomes.append("demoted")
            except ApplicationError as exc:
                outcomes.append(exc.code)
            finally:
                connections.close_all()

        threads = [
            threading.Thread(target=demote, args=(first, b, start)),
            threading.Thread(target=demote, args=(second, a, start)),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        owners = Membership.objects.filter(organization=organization, role=Role.OWNER).count()
        assert owners == 1, f"round {round_number}: {owners} owners"
    # One demotion per round went through; the other was refused, by the last-owner rule or because the actor
    # had just lost the owner role.
    assert outcomes.count("demoted") == ROUNDS, outcomes
