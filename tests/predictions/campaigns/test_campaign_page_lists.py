"""The campaign page names who works on it and shows each submission's thumbnail and latest score."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from predictions.campaigns import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def staffed_campaign(campaign, alice, rey):
    return services.campaign_update(user=alice, campaign=campaign, reviewers=[rey])


def test_the_campaign_page_lists_people_thumbnails_and_scores(client, alice, staffed_campaign, make_submission):
    submission = make_submission()
    version = submission.versions.get()
    client.force_login(alice)
    page = client.get(f"/campaigns/{staffed_campaign.pk}/").content.decode()
    people = page.split('id="campaign-people"')[1].split('id="submissions"')[0]
    assert 'data-person="influencer">Ivy Influencer<' in people and 'data-person="reviewer">Rey Reviewer<' in people
    row = page.split('id="submissions"')[1]
    assert f"/campaigns/images/{version.images.get().pk}/original/" in row and 'class="submission-thumb"' in row
    assert f"{round(version.score.predicted_likes):,}" in row
    standing = version.score.standing
    assert standing["of"] > 0 and f"beats {standing['beats']} of {standing['of']}" in row


def test_the_influencer_does_not_see_who_else_is_invited(client, ivy, staffed_campaign, make_submission):
    make_submission()
    client.force_login(ivy)
    assert 'id="campaign-people"' not in client.get(f"/campaigns/{staffed_campaign.pk}/").content.decode()


def test_charlie_gets_404(client, charlie, staffed_campaign):
    client.force_login(charlie)
    assert client.get(f"/campaigns/{staffed_campaign.pk}/").status_code == 404


def test_the_page_takes_the_same_queries_for_2_and_5_submissions(client, alice, staffed_campaign, make_submission):
    client.force_login(alice)
    counts = []
    for total in (2, 5):
        while staffed_campaign.submissions.count() < total:
            make_submission()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/campaigns/{staffed_campaign.pk}/").status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
