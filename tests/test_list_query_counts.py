"""Every list page and list endpoint issues the same number of queries for 5 rows as for 50: no query per row.
Rows are made directly (not through the services) so that 50 of each stay cheap to build."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.roles import Role
from network.models import GraphSnapshot
from predictions.audits.models import FollowerAudit
from predictions.campaigns.models import Campaign, Submission, SubmissionStatus, SubmissionVersion
from tests.factories import MembershipFactory, ProfileFactory, UserFactory

pytestmark = pytest.mark.django_db

API_LISTS = [
    "/api/v1/campaigns/",
    "/api/v1/submissions/",
    "/api/v1/profiles/",
    "/api/v1/audits/",
    "/api/v1/graphs/",
    "/api/v1/organizations/",
    "/api/v1/organizations/{org}/members/",
]
PAGE_LISTS = [
    "/campaigns/",
    "/campaigns/review/",
    "/profiles/",
    "/campaigns/audits/",
    "/graphs/",
    "/agencies/members/",
    "/dashboard/",
]


def _rows(agency, alice, n: int) -> None:
    today = dt.date.today()
    for i in range(n):
        influencer = UserFactory(email=f"creator{n}-{i}@example.com")
        MembershipFactory(user=influencer, organization=agency, role=Role.INFLUENCER)
        profile = ProfileFactory(
            organization=agency,
            handle=f"creator{n}_{i}",
            influencer=influencer,
            is_linked=True,
            followers_count=1000 + i,
        )
        campaign = Campaign.objects.create(
            organization=agency,
            name=f"Campaign {i}",
            brand="Brand",
            starts_on=today,
            ends_on=today + dt.timedelta(days=30),
            created_by=alice,
        )
        campaign.influencers.add(influencer)
        campaign.reviewers.add(alice)
        submission = Submission.objects.create(
            campaign=campaign, influencer=influencer, profile=profile, status=SubmissionStatus.SUBMITTED
        )
        SubmissionVersion.objects.create(
            submission=submission,
            number=1,
            caption=f"draft {i} #ad",
            planned_at=timezone.now() + dt.timedelta(days=2),
            created_by=influencer,
        )
        FollowerAudit.objects.create(organization=agency, profile=profile, requested_by=alice, sample_size=10)
        GraphSnapshot.objects.create(organization=agency, created_by=alice, name=f"Graph {i}")


def _count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(queries)


@pytest.mark.parametrize("route", API_LISTS + PAGE_LISTS)
def test_a_list_issues_the_same_queries_for_5_rows_as_for_50(route, agency, alice, django_assert_num_queries, settings):
    settings.PAGE_CACHE_SECONDS = 0  # the view's own queries, every time (config/pagecache.py would answer repeats)
    url = route.format(org=agency.pk)
    client = APIClient()
    client.force_login(alice)
    _rows(agency, alice, 5)
    client.get(url)  # warm per-process caches (content types, site) so both counts see the same state
    with_5 = _count(client, url)
    _rows(agency, alice, 45)
    with django_assert_num_queries(with_5):
        client.get(url)


def test_every_row_of_the_submissions_list_shows_its_own_latest_version(agency, alice):
    """The list serialises every row's latest version with one shared VersionOut (predictions/campaigns/api.py): each
    row must still show its own, as the submission's own endpoint does."""
    _rows(agency, alice, 5)
    revised = Submission.objects.filter(campaign__organization=agency).order_by("pk")[2]
    SubmissionVersion.objects.create(
        submission=revised,
        number=2,
        caption="second draft, new words",
        planned_at=timezone.now() + dt.timedelta(days=3),
        created_by=revised.influencer,
    )
    client = APIClient()
    client.force_login(alice)
    rows = client.get("/api/v1/submissions/").json()["results"]
    assert len(rows) == 5
    captions = {row["id"]: row["latest_version"]["caption"] for row in rows}
    assert captions[revised.pk] == "second draft, new words"
    assert len(set(captions.values())) == 5  # no row shows another row's version
    for row in rows:
        assert client.get(f"/api/v1/submissions/{row['id']}/").json()["latest_version"] == row["latest_version"]
