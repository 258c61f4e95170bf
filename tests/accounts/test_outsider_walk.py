"""charlie (another agency) walks every accounts page and API route that takes an id of alice's agency: all 404,
nothing changes. The route list is checked against the URLconf so a new route cannot be forgotten here."""
from __future__ import annotations

import pytest
from django.urls import get_resolver

from accounts import services
from accounts.models import Invitation, Membership, Organization, PersonalToken
from tests.factories import InvitationFactory

pytestmark = pytest.mark.django_db

PAGE_ROUTES = {
    "organization_switch": ("post", "/agencies/{organization}/switch/"),
    "invitation_revoke": ("post", "/agencies/invitations/{invitation}/revoke/"),
    "membership_change_role": ("post", "/agencies/members/{membership}/role/"),
    "membership_remove": ("post", "/agencies/members/{membership}/remove/"),
    "token_revoke": ("post", "/account/tokens/{token}/revoke/"),
}
API_ROUTES = {
    "member-list": [("get", "/api/v1/organizations/{organization}/members/")],
    "member-detail": [("patch", "/api/v1/organizations/{organization}/members/{membership}/"),
                      ("delete", "/api/v1/organizations/{organization}/members/{membership}/")],
    "invitation-list": [("get", "/api/v1/organizations/{organization}/invitations/"),
                        ("post", "/api/v1/organizations/{organization}/invitations/")],
    "invitation-detail": [("delete", "/api/v1/organizations/{organization}/invitations/{invitation}/")],
    "token-detail": [("delete", "/api/v1/tokens/{token}/")],
}


def _routes_with_ids(urlconf: str) -> set[str]:
    resolver = get_resolver(urlconf)
    return {p.name for p in resolver.url_patterns if "<int:" in str(p.pattern)}


def test_every_id_route_is_walked():
    assert _routes_with_ids("accounts.urls") == set(PAGE_ROUTES)
    assert _routes_with_ids("accounts.api_urls") == set(API_ROUTES)


@pytest.fixture
def alice_objects(agency, alice, bob):
    return {
        "organization": agency.pk,
        "membership": Membership.objects.get(user=bob).pk,
        "invitation": InvitationFactory(organization=agency, email="dana@example.com").pk,
        "token": services.token_create(user=alice, name="alice's")[0].pk,
    }


def _snapshot():
    return (list(Organization.objects.values_list("pk", "name")), list(Membership.objects.values_list("pk", "role")),
            list(Invitation.objects.values_list("pk", "revoked_at")),
            list(PersonalToken.objects.values_list("pk", "revoked_at")))


def test_outsider_gets_404_on_every_page_route(charlie_client, alice_objects):
    before = _snapshot()
    for method, template in PAGE_ROUTES.values():
        response = getattr(charlie_client, method)(template.format(**alice_objects), {"role": "owner"})
        assert response.status_code == 404, template
    assert _snapshot() == before


def test_outsider_gets_404_in_the_error_format_on_every_api_route(api_client_for, charlie, alice_objects):
    client = api_client_for(charlie)
    before = _snapshot()
    for routes in API_ROUTES.values():
        for method, template in routes:
            response = getattr(client, method)(template.format(**alice_objects), {"role": "owner",
                                                                                  "email": "c@example.com"},
                                               format="json")
            assert response.status_code == 404, template
            assert response.json()["error"]["code"] == "not_found"
    assert _snapshot() == before
