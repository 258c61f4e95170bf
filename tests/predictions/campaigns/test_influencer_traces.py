"""An influencer is an outside creator: on a campaign shared with another creator they see their own work only, not
the other creator's submission count, e-mail address or the reviewers', nor the agency's money (EMV rates)."""

from __future__ import annotations

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.roles import Role
from predictions.campaigns import services
from tests.factories import MembershipFactory, ProfileFactory, UserFactory
from tests.predictions.campaigns.uploads import jpeg_upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def shared_campaign(campaign, alice, agency, rey, ivy, ivy_profile, planned_at):
    """Ivy's campaign with a second creator, Ian, who has submitted twice; Rey reviews; Ivy has not submitted yet."""
    ian = UserFactory(email="ian@example.com", full_name="Ian Other")
    MembershipFactory(user=ian, organization=agency, role=Role.INFLUENCER)
    ian_profile = ProfileFactory(organization=agency, handle="ian.makes", influencer=ian, is_linked=True)
    services.campaign_update(user=alice, campaign=campaign, influencers=[ivy, ian], reviewers=[rey])
    for caption in ("First idea #summer @Brand", "Second idea #summer @Brand"):
        services.submission_create(
            user=ian,
            campaign=campaign,
            profile=ian_profile,
            caption=caption,
            planned_at=planned_at,
            uploads=[jpeg_upload()],
            submit=True,
        )
    return campaign


def _row_count(body: str, campaign_name: str) -> str:
    row = body[body.index(campaign_name) :]
    row = row[: row.index("</tr>")]
    return row.rsplit('<td class="text-end">', 1)[1].split("<", 1)[0].strip()


def test_the_campaigns_list_counts_only_the_influencers_own_submissions(client, ivy, alice, shared_campaign):
    client.force_login(ivy)
    assert _row_count(client.get(reverse("predictions:campaign_list")).content.decode(), "Summer Splash") == "0"
    client.force_login(alice)
    assert _row_count(client.get(reverse("predictions:campaign_list")).content.decode(), "Summer Splash") == "2"


def test_the_campaign_api_shows_an_influencer_only_their_own_address(ivy, alice, shared_campaign, charlie):
    api = APIClient()
    api.force_authenticate(ivy)
    for response in (
        api.get(f"/api/v1/campaigns/{shared_campaign.pk}/"),
        api.get("/api/v1/campaigns/"),
    ):
        assert response.status_code == 200
        body = response.json()
        row = body["results"][0] if "results" in body else body
        assert row["influencers"] == ["ivy@example.com"] and row["reviewers"] == []
        assert "ian@example.com" not in response.content.decode() and "rey@example.com" not in response.content.decode()
    api.force_authenticate(alice)
    row = api.get(f"/api/v1/campaigns/{shared_campaign.pk}/").json()
    assert sorted(row["influencers"]) == ["ian@example.com", "ivy@example.com"] and row["reviewers"] == [
        "rey@example.com"
    ]
    api.force_authenticate(charlie)
    assert api.get(f"/api/v1/campaigns/{shared_campaign.pk}/").status_code == 404


def test_emv_rates_are_the_agencys_not_an_influencers(client, ivy, rey, alice, agency):
    url = reverse("predictions:emv_rates")
    client.force_login(ivy)
    assert client.get(url).status_code == 404
    assert client.post(url, {"currency": "EUR", "like": "9"}).status_code == 404
    client.force_login(rey)
    assert client.get(url).status_code == 200
