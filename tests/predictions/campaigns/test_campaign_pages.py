"""Campaign pages: list, create/edit, dashboard, upload, review queue, submission actions; roles and tenancy."""

from __future__ import annotations

import pytest
from django.urls import reverse

from config.jobs import JobStatus
from predictions.campaigns.models import Campaign, Submission, SubmissionStatus
from tests.predictions.campaigns.uploads import GOOD_CAPTION, PLANNED_LOCAL, jpeg_upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def login(client):
    def as_user(user):
        client.force_login(user)
        return client

    return as_user


def test_owner_creates_a_campaign_from_the_form(login, alice, ivy, ivy_profile, rey):
    response = login(alice).post(
        reverse("predictions:campaign_create"),
        {
            "name": "Winter",
            "brand": "Snow Co",
            "brief": "Cold",
            "starts_on": "2026-12-01",
            "ends_on": "2026-12-31",
            "required_hashtags": "#snow, #winter",
            "required_mentions": "@snowco",
            "influencers": [ivy.pk],
            "reviewers": [rey.pk],
            "approval_rule": "all",
            "status": "active",
        },
    )
    campaign = Campaign.objects.get(name="Winter")
    assert response.status_code == 302 and response["Location"] == reverse(
        "predictions:campaign_detail", args=[campaign.pk]
    )
    assert campaign.required_hashtags == ["snow", "winter"] and campaign.required_mentions == ["snowco"]
    assert list(campaign.reviewers.all()) == [rey] and campaign.approval_rule == "all"


def test_campaign_form_reports_bad_dates(login, alice):
    response = login(alice).post(
        reverse("predictions:campaign_create"),
        {
            "name": "X",
            "brand": "Y",
            "starts_on": "2026-12-31",
            "ends_on": "2026-12-01",
            "approval_rule": "any",
            "status": "active",
        },
    )
    assert response.status_code == 400 and "cannot end before it starts" in response.content.decode()
    assert not Campaign.objects.exists()


def test_viewer_cannot_create_or_edit_campaigns_or_upload(login, bob, campaign):
    client = login(bob)
    assert client.get(reverse("predictions:campaign_create")).status_code == 403
    assert client.post(reverse("predictions:campaign_edit", args=[campaign.pk]), {"name": "x"}).status_code == 403
    assert client.get(reverse("predictions:submission_create", args=[campaign.pk])).status_code == 403
    assert client.get(reverse("predictions:campaign_detail", args=[campaign.pk])).status_code == 200


def test_influencer_uploads_through_the_page(login, ivy, ivy_profile, campaign, django_capture_on_commit_callbacks):
    client = login(ivy)
    form = client.get(reverse("predictions:submission_create", args=[campaign.pk])).content.decode()
    assert 'id="dropzone"' in form and "js/predictions/submission-upload.js" in form
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("predictions:submission_create", args=[campaign.pk]),
            {
                "profile": ivy_profile.pk,
                "caption": GOOD_CAPTION,
                "planned_at": PLANNED_LOCAL,
                "timezone_name": "Europe/Berlin",
                "action": "submit",
                "images": [jpeg_upload()],
            },
        )
    submission = Submission.objects.get()
    assert response.status_code == 302
    assert submission.status == SubmissionStatus.SUBMITTED and submission.versions.get().score.status == "done"


def test_review_actions_through_the_pages(login, make_submission, rey, ivy, django_capture_on_commit_callbacks):
    submission = make_submission()
    client = login(rey)
    queue = client.get(reverse("predictions:review_queue")).content.decode()
    assert f"#{submission.pk}" in queue
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("predictions:submission_review", args=[submission.pk]),
            {"decision": "request_changes", "note": "More sun"},
        )
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.CHANGES_REQUESTED
    after = client.get(reverse("predictions:review_queue")).content.decode()  # the next page carries the message
    assert "Decision recorded: changes requested." in after and "the submission is changes" not in after
    queue, pending = after.split('id="pending"')
    assert f"#{submission.pk}" not in queue  # out of the reviewer's queue, listed as waiting for the influencer
    assert f"#{submission.pk}" in pending and "waiting for Ivy Influencer (changes requested)" in pending
    trail = client.get(reverse("predictions:submission_detail", args=[submission.pk])).content.decode()
    assert "Submitted → Changes requested" in trail and "→ changes_requested" not in trail

    ivy_client = login(ivy)
    with django_capture_on_commit_callbacks(execute=True):
        response = ivy_client.post(
            reverse("predictions:submission_resubmit", args=[submission.pk]),
            {
                "caption": GOOD_CAPTION + " more sun",
                "planned_at": PLANNED_LOCAL,
                "timezone_name": "UTC",
                "action": "submit",
            },
        )
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.RESUBMITTED and submission.latest_version_number == 2


def test_viewer_gets_403_on_review_and_comment(login, bob, make_submission):
    submission = make_submission()
    client = login(bob)
    assert (
        client.post(reverse("predictions:submission_review", args=[submission.pk]), {"decision": "approve"}).status_code
        == 403
    )
    assert (
        client.post(reverse("predictions:submission_comment", args=[submission.pk]), {"body": "hi"}).status_code == 403
    )
    assert (
        client.post(reverse("predictions:submission_outcome", args=[submission.pk]), {"actual_likes": 5}).status_code
        == 403
    )
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.SUBMITTED and not submission.comments.exists()


def test_dashboard_counts_by_status_and_predicted_reach(login, alice, make_submission):
    scores = [make_submission().versions.get().score, make_submission(submit=False).versions.get().score]
    page = login(alice).get(reverse("predictions:campaign_detail", args=[Campaign.objects.get().pk]))
    html = page.content.decode()
    assert page.context["dashboard"]["total"] == 2
    counts = {value: n for value, _, n in page.context["dashboard"]["by_status"]}
    assert counts["submitted"] == 1 and counts["draft"] == 1
    reach = sum(score.predicted_likes for score in scores)
    assert all(score.status == JobStatus.DONE for score in scores) and reach > 0
    assert page.context["dashboard"]["predicted_likes"] == reach
    assert f'id="predicted-likes">{round(reach):,} likes' in html


def test_another_influencer_cannot_open_ivys_submission(login, make_submission, agency):
    from accounts.roles import Role
    from tests.factories import MembershipFactory, UserFactory

    submission = make_submission()
    other = UserFactory(email="omar@example.com")
    MembershipFactory(user=other, organization=agency, role=Role.INFLUENCER)
    client = login(other)
    assert client.get(reverse("predictions:submission_detail", args=[submission.pk])).status_code == 404
    assert client.get(reverse("predictions:campaign_detail", args=[submission.campaign_id])).status_code == 404


def test_charlie_gets_404_everywhere(charlie_client, make_submission):
    submission = make_submission()
    score = submission.versions.get().score
    pk, campaign_pk = submission.pk, submission.campaign_id
    gets = [
        reverse("predictions:campaign_detail", args=[campaign_pk]),
        reverse("predictions:campaign_edit", args=[campaign_pk]),
        reverse("predictions:submission_create", args=[campaign_pk]),
        reverse("predictions:submission_detail", args=[pk]),
        reverse("predictions:submission_version", args=[pk, 1]),
        reverse("predictions:submission_resubmit", args=[pk]),
        reverse("predictions:score_card", args=[score.pk]),
    ]
    for url in gets:
        assert charlie_client.get(url).status_code == 404, url
    posts = [
        reverse("predictions:submission_review", args=[pk]),
        reverse("predictions:submission_comment", args=[pk]),
        reverse("predictions:submission_submit", args=[pk]),
        reverse("predictions:submission_outcome", args=[pk]),
        reverse("predictions:score_retry", args=[score.pk]),
    ]
    for url in posts:
        assert charlie_client.post(url, {"decision": "approve", "body": "x"}).status_code == 404, url
    listing = charlie_client.get(reverse("predictions:campaign_list"))
    assert listing.status_code == 200 and "Summer Splash" not in listing.content.decode()
    assert f"#{pk}" not in charlie_client.get(reverse("predictions:review_queue")).content.decode()


def test_images_are_served_only_to_people_who_may_see_the_submission(
    make_submission, rey, charlie_client, login, agency
):
    from accounts.roles import Role
    from tests.factories import MembershipFactory, UserFactory

    submission = make_submission()
    row = submission.versions.get().images.get()
    original = reverse("predictions:submission_image", args=[row.pk, "original"])
    faces = reverse("predictions:submission_image", args=[row.pk, "faces"])
    client = login(rey)
    response = client.get(original)
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert b"".join(response.streaming_content)[:2] == b"\xff\xd8"
    assert client.get(faces).status_code == 200
    assert charlie_client.get(original).status_code == 404
    other = UserFactory(email="omar@example.com")
    MembershipFactory(user=other, organization=agency, role=Role.INFLUENCER)
    assert login(other).get(original).status_code == 404


def test_dashboard_entries_of_one_campaign_and_creator_say_what_differs(make_submission, alice_client):
    """#27: "Summer Glow · Ivy Influencer" appeared twice with nothing to tell the two apart."""
    first, second = make_submission(), make_submission(caption="Second take #summerglow @glowco #ad")
    page = alice_client.get("/dashboard/").content.decode()
    details = [part.split("</div>", 1)[0] for part in page.split('class="small text-body-secondary entry-detail">')[1:]]
    assert any(f"#{first.pk} · v1" in detail for detail in details), details
    assert any(f"#{second.pk} · v1" in detail for detail in details), details
    assert len(details) == len(set(details))  # no two entries read the same
