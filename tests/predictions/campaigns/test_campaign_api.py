"""/api/v1/ campaigns, submissions (multipart), versions, reviews, comments, outcome and scores; tenant-scoped."""

from __future__ import annotations

import pytest
from django.urls import reverse

from config.jobs import JobStatus
from predictions.campaigns.models import Campaign, SubmissionStatus, VersionScore
from tests.predictions.campaigns.uploads import (
    GOOD_CAPTION,
    PLANNED_BERLIN,
    PLANNED_BERLIN_UTC,
    PLANNED_LOCAL,
    jpeg_upload,
)

pytestmark = pytest.mark.django_db


def test_campaign_create_list_patch_and_roles(api_client_for, alice, bob, charlie, agency, ivy, ivy_profile):
    body = {
        "organization": agency.pk,
        "name": "API camp",
        "brand": "B",
        "starts_on": "2026-12-01",
        "ends_on": "2026-12-20",
        "required_hashtags": ["#x"],
        "influencers": ["ivy@example.com"],
    }
    created = api_client_for(alice).post(reverse("api:campaign-list"), body, format="json")
    assert created.status_code == 201, created.json()
    assert created.json()["influencers"] == ["ivy@example.com"] and created.json()["required_hashtags"] == ["x"]
    pk = created.json()["id"]
    assert api_client_for(bob).post(reverse("api:campaign-list"), body, format="json").status_code == 403
    assert (
        api_client_for(bob).patch(reverse("api:campaign-detail", args=[pk]), {"name": "z"}, format="json").status_code
        == 403
    )
    assert api_client_for(charlie).get(reverse("api:campaign-detail", args=[pk])).status_code == 404
    assert (
        api_client_for(charlie)
        .patch(reverse("api:campaign-detail", args=[pk]), {"name": "z"}, format="json")
        .status_code
        == 404
    )
    assert api_client_for(charlie).post(reverse("api:campaign-list"), body, format="json").status_code == 404
    assert api_client_for(charlie).get(reverse("api:campaign-list")).json()["count"] == 0
    patched = api_client_for(alice).patch(reverse("api:campaign-detail", args=[pk]), {"name": "Renamed"}, format="json")
    assert patched.status_code == 200 and Campaign.objects.get(pk=pk).name == "Renamed"


def test_submission_lifecycle_over_the_api(
    api_client_for, campaign, ivy, ivy_profile, rey, charlie, django_capture_on_commit_callbacks
):
    ivy_api, rey_api = api_client_for(ivy), api_client_for(rey)
    with django_capture_on_commit_callbacks(execute=True):
        created = ivy_api.post(
            reverse("api:submission-list"),
            {
                "campaign": campaign.pk,
                "profile": ivy_profile.pk,
                "caption": GOOD_CAPTION,
                "planned_at": PLANNED_LOCAL,
                "timezone_name": "Europe/Berlin",
                "submit": "true",
                "images": [jpeg_upload("a.jpg"), jpeg_upload("b.jpg")],
            },
            format="multipart",
        )
    assert created.status_code == 201, created.json()
    data = created.json()
    pk = data["id"]
    assert data["status"] == "submitted" and data["latest_version"]["planned_at"] == PLANNED_BERLIN_UTC
    assert len(data["latest_version"]["images"]) == 2 and data["latest_version"]["brief_check"]["ok"] is True
    score_id = data["latest_version"]["score"]["id"]
    # Scoring is enqueued after commit, so the response shows the score still pending; polling shows it done.
    assert data["latest_version"]["score"]["status"] == "pending"
    assert ivy_api.get(reverse("api:score-detail", args=[score_id])).json()["status"] == "done"

    review = rey_api.post(
        reverse("api:submission-reviews", args=[pk]), {"decision": "request_changes", "note": "Crop it"}, format="json"
    )
    assert review.status_code == 201 and review.json()["status"] == "changes_requested"
    assert (
        rey_api.post(reverse("api:submission-comments", args=[pk]), {"body": "Thanks"}, format="json").status_code
        == 201
    )
    with django_capture_on_commit_callbacks(execute=True):
        version = ivy_api.post(
            reverse("api:submission-versions", args=[pk]),
            {"caption": GOOD_CAPTION + " cropped", "planned_at": PLANNED_BERLIN.isoformat()},
            format="multipart",
        )
    assert version.status_code == 201 and version.json()["number"] == 2
    versions = ivy_api.get(reverse("api:submission-versions", args=[pk])).json()
    assert [v["number"] for v in versions] == [1, 2] and versions[0]["caption"] == GOOD_CAPTION
    approve = rey_api.post(reverse("api:submission-reviews", args=[pk]), {"decision": "approve"}, format="json")
    assert approve.json()["status"] == SubmissionStatus.APPROVED
    assert [c["body"] for c in ivy_api.get(reverse("api:submission-comments", args=[pk])).json()] == [
        "Crop it",
        "Thanks",
    ]
    stored = VersionScore.objects.get(pk=score_id)
    assert stored.status == JobStatus.DONE and stored.predicted_likes > 0
    assert ivy_api.get(reverse("api:score-detail", args=[score_id])).json()["predicted_likes"] == stored.predicted_likes

    charlie_api = api_client_for(charlie)
    for url in [
        reverse("api:submission-detail", args=[pk]),
        reverse("api:submission-versions", args=[pk]),
        reverse("api:submission-reviews", args=[pk]),
        reverse("api:submission-comments", args=[pk]),
        reverse("api:score-detail", args=[score_id]),
    ]:
        assert charlie_api.get(url).status_code == 404, url
    assert (
        charlie_api.post(
            reverse("api:submission-reviews", args=[pk]), {"decision": "approve"}, format="json"
        ).status_code
        == 404
    )
    assert charlie_api.get(reverse("api:submission-list")).json()["count"] == 0


def test_api_roles(api_client_for, make_submission, bob, ivy, campaign, ivy_profile):
    submission = make_submission()
    bob_api = api_client_for(bob)
    assert bob_api.get(reverse("api:submission-detail", args=[submission.pk])).status_code == 200
    assert (
        bob_api.post(
            reverse("api:submission-reviews", args=[submission.pk]), {"decision": "approve"}, format="json"
        ).status_code
        == 403
    )
    assert (
        bob_api.post(reverse("api:submission-comments", args=[submission.pk]), {"body": "x"}, format="json").status_code
        == 403
    )
    assert (
        bob_api.post(
            reverse("api:submission-list"),
            {
                "campaign": campaign.pk,
                "profile": ivy_profile.pk,
                "planned_at": PLANNED_LOCAL,
                "images": [jpeg_upload()],
            },
            format="multipart",
        ).status_code
        == 403
    )
    assert (
        api_client_for(ivy)
        .post(reverse("api:submission-reviews", args=[submission.pk]), {"decision": "approve"}, format="json")
        .status_code
        == 403
    )


def test_api_validation_errors_use_the_one_format(api_client_for, campaign, ivy, ivy_profile):
    response = api_client_for(ivy).post(
        reverse("api:submission-list"),
        {"campaign": campaign.pk, "profile": ivy_profile.pk, "planned_at": "next tuesday", "images": [jpeg_upload()]},
        format="multipart",
    )
    assert response.status_code == 400
    assert "planned_at" in response.json()["error"]["fields"]
