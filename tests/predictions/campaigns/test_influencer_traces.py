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


def test_the_influencer_dashboard_counts_what_the_list_it_links_to_shows(client, make_submission, ivy):
    """Two of Ivy's five submissions await review, three are drafts: the dashboard says so, and the campaigns page
    it links to lists the same five with two in review."""
    for submit in (True, True, False, False, False):
        make_submission(submit=submit)
    client.force_login(ivy)
    dashboard = client.get(reverse("dashboard")).content.decode()
    summary = dashboard[dashboard.index('id="pending-summary"') :].split("</div>", 1)[0]
    assert "2 of yours in review · 5 in all" in summary
    link = reverse("predictions:campaign_list")
    assert f'href="{link}"' in dashboard
    listed = client.get(link).content.decode()
    mine = listed[listed.index('id="my-submissions"') :].split("</ul>", 1)[0]
    assert mine.count("<li") == 5
    assert mine.count("Submitted") == 2 and mine.count("Draft") == 3
