"""An influencer is an outside creator: their own linked profiles, their own audits, the campaigns they are invited
to; not the agency's other profiles, audits, graphs or member list (404, as for an outsider)."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from accounts.roles import ROLE_CAPABILITIES, Capability, Role
from predictions.audits.models import FollowerAudit
from tests.factories import MembershipFactory, ProfileFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def ivy(agency):
    user = UserFactory(email="ivy@example.com")
    MembershipFactory(user=user, organization=agency, role=Role.INFLUENCER)
    return user


@pytest.fixture
def world(agency, alice, ivy):
    own = ProfileFactory(organization=agency, handle="ivy_creates", influencer=ivy, is_linked=True)
    research = ProfileFactory(organization=agency, handle="agency_research_target", is_linked=True)
    own_audit = FollowerAudit.objects.create(organization=agency, profile=own, requested_by=alice, sample_size=10)
    other_audit = FollowerAudit.objects.create(
        organization=agency, profile=research, requested_by=alice, sample_size=10
    )
    return {"own": own, "research": research, "own_audit": own_audit, "other_audit": other_audit}


def test_an_influencer_sees_their_own_profile_and_audit_and_nothing_else_of_the_agency(ivy, world, agency):
    api = APIClient()
    api.force_authenticate(ivy)
    handles = [p["handle"] for p in api.get("/api/v1/profiles/").json()["results"]]
    assert handles == ["ivy_creates"]
    assert api.get(f"/api/v1/profiles/{world['own'].pk}/").status_code == 200
    assert api.get(f"/api/v1/profiles/{world['research'].pk}/").status_code == 404
    audits = [a["id"] for a in api.get("/api/v1/audits/").json()["results"]]
    assert audits == [world["own_audit"].pk]
    assert api.get(f"/api/v1/audits/{world['other_audit'].pk}/").status_code == 404
    assert api.get(f"/api/v1/organizations/{agency.pk}/members/").status_code == 404


def test_an_influencers_pages_hide_the_member_list_and_the_agencys_research(ivy, world, client):
    client.force_login(ivy)
    assert client.get("/agencies/members/").status_code == 404
    body = client.get("/profiles/").content.decode()
    assert "ivy_creates" in body and "agency_research_target" not in body
    assert "agency_research_target" not in client.get("/dashboard/").content.decode()
    assert client.get(f"/profiles/{world['research'].pk}/").status_code == 404


def test_the_other_roles_still_see_the_whole_agency(bob, world):
    api = APIClient()
    api.force_authenticate(bob)  # a viewer
    handles = {p["handle"] for p in api.get("/api/v1/profiles/").json()["results"]}
    assert handles == {"ivy_creates", "agency_research_target"}


def test_only_the_influencer_role_lacks_the_agency_wide_view():
    lacking = {role for role, capabilities in ROLE_CAPABILITIES.items() if Capability.VIEW_AGENCY not in capabilities}
    assert lacking == {Role.INFLUENCER}
