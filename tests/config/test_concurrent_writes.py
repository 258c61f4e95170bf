"""Concurrent writes on the embedded default (SQLite, a file shared by threads and processes) wait for each other
instead of failing with "database is locked": eight reviewers comment at the same instant, each from its own thread
with its own database connection, through the real page view."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.db import connection, connections
from django.test import Client
from django.utils import timezone

from accounts.roles import Role
from predictions.campaigns import services as campaign_services
from predictions.campaigns.models import Comment
from tests.factories import MembershipFactory, ProfileFactory, UserFactory
from tests.test_outsider_walk import _jpeg

pytestmark = pytest.mark.django_db(transaction=True)

REVIEWERS = 8
COMMENTS_EACH = 4


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the embedded default: SQLite's write lock")
def test_eight_reviewers_commenting_at_once_all_succeed(agency, alice, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    assert connection.settings_dict["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    influencer = UserFactory(email="ivy@example.com")
    MembershipFactory(user=influencer, organization=agency, role=Role.INFLUENCER)
    reviewers = [UserFactory(email=f"reviewer{n}@example.com") for n in range(REVIEWERS)]
    for reviewer in reviewers:
        MembershipFactory(user=reviewer, organization=agency, role=Role.REVIEWER)
    profile = ProfileFactory(organization=agency, influencer=influencer, is_linked=True)
    campaign = campaign_services.campaign_create(
        user=alice,
        organization=agency,
        name="Launch",
        brand="Brand",
        starts_on=dt.date.today(),
        ends_on=dt.date.today() + dt.timedelta(days=30),
        influencers=[influencer],
        reviewers=reviewers,
    )
    submission = campaign_services.submission_create(
        user=influencer,
        campaign=campaign,
        profile=profile,
        caption="Draft #ad",
        planned_at=timezone.now() + dt.timedelta(days=2),
        uploads=[_jpeg()],
        submit=True,
    )

    start = threading.Barrier(REVIEWERS)
    statuses: list[int] = []
    errors: list[BaseException] = []

    def comment(reviewer) -> None:
        client = Client(raise_request_exception=False)
        client.force_login(reviewer)
        try:
            start.wait(timeout=30)
            for n in range(COMMENTS_EACH):
                response = client.post(
                    f"/campaigns/submissions/{submission.pk}/comment/", {"body": f"{reviewer.email} says {n}"}
                )
                statuses.append(response.status_code)
        except BaseException as exc:  # noqa: BLE001  (reported below, with the thread's traceback lost otherwise)
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=comment, args=(reviewer,)) for reviewer in reviewers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert not errors, errors
    assert statuses.count(302) == REVIEWERS * COMMENTS_EACH, statuses
    assert Comment.objects.filter(submission=submission).count() == REVIEWERS * COMMENTS_EACH
