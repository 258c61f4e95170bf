from __future__ import annotations

import pytest
from django.http import Http404

from accounts.roles import Capability
from accounts.selectors import membership_require, object_get_for_user
from config.errors import PermissionDenied
from profiles.models import Profile
from tests.factories import ProfileFactory


@pytest.mark.django_db
def test_an_outsider_cannot_see_another_agencys_profile(alice, charlie, agency):
    profile = ProfileFactory(organization=agency)
    assert object_get_for_user(Profile.objects.all(), user=alice, pk=profile.pk) == profile
    with pytest.raises(Http404):
        object_get_for_user(Profile.objects.all(), user=charlie, pk=profile.pk)


@pytest.mark.django_db
def test_a_viewer_may_read_but_not_manage_data(bob, agency):
    profile = ProfileFactory(organization=agency)
    assert object_get_for_user(Profile.objects.all(), user=bob, pk=profile.pk) == profile
    with pytest.raises(PermissionDenied):
        object_get_for_user(Profile.objects.all(), user=bob, pk=profile.pk, capability=Capability.MANAGE_DATA)
    with pytest.raises(PermissionDenied):
        membership_require(user=bob, organization=agency, capability=Capability.MANAGE_MEMBERS)


@pytest.mark.django_db
def test_dashboard_shows_the_active_agency(alice_client):
    response = alice_client.get("/dashboard/")
    assert response.status_code == 200
    # The dashboard's own line, not the agency switcher that names the agency on every page.
    assert "Working in <strong>Alice Agency</strong> as Owner." in response.content.decode()


@pytest.mark.django_db
def test_switching_to_an_agency_you_are_not_in_is_a_404(alice_client, other_agency):
    response = alice_client.post(f"/agencies/{other_agency.pk}/switch/")
    assert response.status_code == 404


@pytest.mark.django_db
def test_api_me_lists_memberships(api_client_for, alice):
    response = api_client_for(alice).get("/api/v1/me/")
    assert response.status_code == 200
    assert response.json()["memberships"][0]["organization_slug"] == "alice-agency"


@pytest.mark.django_db
def test_api_errors_use_one_format(client):
    response = client.get("/api/v1/me/")
    assert response.status_code in (401, 403)
    assert set(response.json()["error"]) >= {"code", "message"}


@pytest.mark.django_db
def test_scope_to_user_names_the_agencies_without_joining_memberships(alice, charlie, agency, other_agency):
    """Every list a user reads goes through scope_to_user: the agencies come from the request's memberships (read
    once), so the query holds no join through the membership table and no DISTINCT, and still shows exactly the
    agency-wide rows, an influencer only their own, an outsider nothing."""
    from accounts.roles import Role
    from accounts.selectors import membership_memo, scope_to_user
    from tests.factories import MembershipFactory, UserFactory

    mine, theirs = ProfileFactory(organization=agency), ProfileFactory(organization=other_agency)
    creator = UserFactory(email="creator@example.com")
    MembershipFactory(user=creator, organization=agency, role=Role.INFLUENCER)
    MembershipFactory(user=creator, organization=other_agency, role=Role.VIEWER)
    owned = ProfileFactory(organization=agency, influencer=creator)
    with membership_memo():
        queryset = scope_to_user(Profile.objects.all(), user=alice, own_field="influencer")
        sql = str(queryset.query).lower()
        assert "accounts_membership" not in sql and "distinct" not in sql
        assert set(queryset) == {mine, owned}
        assert set(scope_to_user(Profile.objects.all(), user=charlie, own_field="influencer")) == {theirs}
        assert set(scope_to_user(Profile.objects.all(), user=creator, own_field="influencer")) == {owned, theirs}
        assert set(scope_to_user(Profile.objects.all(), user=creator)) == {theirs}
        assert not scope_to_user(Profile.objects.all(), user=UserFactory(email="nobody@example.com")).exists()
