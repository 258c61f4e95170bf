"""What is pending, for whom: the dashboard and the review queue name who each submission waits for, across
campaigns, for owners who are not named reviewers too."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from predictions.campaigns import selectors, services

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewed_campaign(campaign, alice, rey):
    return services.campaign_update(user=alice, campaign=campaign, reviewers=[rey])


def test_the_owners_dashboard_says_what_waits_for_whom(client, alice, rey, ivy, reviewed_campaign, make_submission):
    waiting = make_submission()
    sent_back = make_submission()
    services.submission_review(user=rey, submission=sent_back, decision="request_changes", note="Brighter please")
    client.force_login(alice)
    page = client.get("/dashboard/").content.decode()
    # Alice is no named reviewer: nothing waits for her, but she sees both and whom they wait for.
    assert "0 waiting for your review · 2 pending in all" in page
    assert "waiting for Rey Reviewer" in page and "waiting for Ivy Influencer (changes requested)" in page
    assert f"/campaigns/submissions/{waiting.pk}/" in page and f"/campaigns/submissions/{sent_back.pk}/" in page


def test_the_named_reviewer_sees_it_as_theirs_and_the_queue_lists_everything_pending(
    client, rey, reviewed_campaign, make_submission
):
    make_submission()
    client.force_login(rey)
    assert "1 waiting for your review · 1 pending in all" in client.get("/dashboard/").content.decode()
    queue = client.get("/campaigns/review/").content.decode()
    assert "Everything pending across campaigns" in queue and "waiting for Rey Reviewer · <strong>you</strong>" in queue


def test_another_agency_sees_none_of_it(client, charlie, reviewed_campaign, make_submission, other_agency):
    submission = make_submission()
    assert selectors.pending_submissions(user=charlie, organization=other_agency) == []
    client.force_login(charlie)
    page = client.get("/dashboard/").content.decode()
    assert "0 pending in all" in page and f"/campaigns/submissions/{submission.pk}/" not in page
    assert client.get(f"/campaigns/submissions/{submission.pk}/").status_code == 404


def test_pending_takes_the_same_queries_for_2_and_6_submissions(alice, agency, reviewed_campaign, make_submission):
    counts = []
    for total in (2, 6):
        while len(selectors.pending_submissions(user=alice, organization=agency)) < total:
            make_submission()
        with CaptureQueriesContext(connection) as queries:
            assert len(selectors.pending_submissions(user=alice, organization=agency)) == total
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_the_queue_lists_each_submission_once_for_named_and_unnamed_reviewers(
    alice, rey, agency, campaign, make_submission
):
    """Reviewers are tested with EXISTS, not joined: two named reviewers do not list a submission twice, the query
    has no DISTINCT, a campaign without named reviewers is everyone's and a named one only its reviewers'."""
    submission = make_submission()
    assert [s.pk for s in selectors.review_queue_for_user(user=rey, organization=agency)] == [submission.pk]
    services.campaign_update(user=alice, campaign=campaign, reviewers=[rey, alice])
    with CaptureQueriesContext(connection) as queries:
        assert [s.pk for s in selectors.review_queue_for_user(user=rey, organization=agency)] == [submission.pk]
    assert "DISTINCT" not in queries[-1]["sql"]
    services.campaign_update(user=alice, campaign=campaign, reviewers=[alice])
    assert list(selectors.review_queue_for_user(user=rey, organization=agency)) == []
    assert [s.pk for s in selectors.review_queue_for_user(user=alice, organization=agency)] == [submission.pk]
