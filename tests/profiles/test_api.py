from __future__ import annotations

import pytest

from profiles.models import Profile
from tests.factories import PostFactory, ProfileFactory, SnapshotFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def creator(agency):
    profile = ProfileFactory(organization=agency, handle="chef.maria")
    SnapshotFactory(profile=profile)
    PostFactory(profile=profile, caption="Pasta night #pasta")
    return profile


def test_list_and_retrieve_are_tenant_scoped(api_client_for, alice, charlie, creator, other_agency):
    ProfileFactory(organization=other_agency, handle="charlies_creator")
    ProfileFactory(organization=creator.organization, handle="just_a_follower", is_linked=False)
    listed = api_client_for(alice).get("/api/v1/profiles/").json()
    assert [row["handle"] for row in listed["results"]] == ["chef.maria"]
    everything = api_client_for(alice).get("/api/v1/profiles/?linked=all").json()
    assert {row["handle"] for row in everything["results"]} == {"chef.maria", "just_a_follower"}
    detail = api_client_for(alice).get(f"/api/v1/profiles/{creator.pk}/").json()
    assert detail["followers_count"] == 12000 and detail["url"] == "https://www.instagram.com/chef.maria/"
    assert api_client_for(charlie).get(f"/api/v1/profiles/{creator.pk}/").status_code == 404
    assert "chef.maria" not in str(api_client_for(charlie).get("/api/v1/profiles/").json())


def test_snapshots_and_posts_endpoints(api_client_for, alice, charlie, creator):
    snapshots = api_client_for(alice).get(f"/api/v1/profiles/{creator.pk}/snapshots/").json()
    assert snapshots["results"][0]["followers_count"] == 12000
    posts = api_client_for(alice).get(f"/api/v1/profiles/{creator.pk}/posts/").json()
    assert posts["results"][0]["hashtags"] == ["fitness"] and posts["results"][0]["likes"] == 800
    assert api_client_for(charlie).get(f"/api/v1/profiles/{creator.pk}/snapshots/").status_code == 404
    assert api_client_for(charlie).get(f"/api/v1/profiles/{creator.pk}/posts/").status_code == 404


def test_create_by_url_and_by_handle(api_client_for, alice, agency):
    response = api_client_for(alice).post("/api/v1/profiles/", {"reference": "https://x.com/NASA"}, format="json")
    assert response.status_code == 201 and response.json()["handle"] == "nasa"
    again = api_client_for(alice).post("/api/v1/profiles/", {"reference": "@nasa", "platform": "x"}, format="json")
    assert again.status_code == 200 and again.json()["id"] == response.json()["id"]
    assert Profile.objects.filter(organization=agency).count() == 1


def test_create_rejects_bad_input_with_the_api_error_format(api_client_for, alice):
    response = api_client_for(alice).post("/api/v1/profiles/", {"reference": "https://vk.com/someone"}, format="json")
    assert response.status_code == 400
    assert "not supported" in response.json()["error"]["message"]


def test_viewer_gets_403_and_outsider_404_on_create(api_client_for, bob, charlie, agency):
    body = {"reference": "https://x.com/nasa", "organization": agency.pk}
    assert api_client_for(bob).post("/api/v1/profiles/", body, format="json").status_code == 403
    assert api_client_for(charlie).post("/api/v1/profiles/", body, format="json").status_code == 404
    assert not Profile.objects.exists()
