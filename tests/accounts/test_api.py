"""Accounts REST API: tenant-scoped, one error format, personal tokens, OpenAPI schema and docs."""

from __future__ import annotations

import warnings

import pytest
from django.core import mail
from rest_framework.test import APIClient

from accounts.models import Invitation, Membership, Organization, PersonalToken
from accounts.roles import Role
from tests.factories import InvitationFactory

pytestmark = pytest.mark.django_db


def assert_error(response, status: int, code: str | None = None) -> dict:
    assert response.status_code == status, response.content
    body = response.json()["error"]
    assert set(body) >= {"code", "message"} and body["message"]
    if code:
        assert body["code"] == code
    return body


def test_me(api_client_for, alice):
    data = api_client_for(alice).get("/api/v1/me/").json()
    assert data["email"] == "alice@example.com"
    assert data["memberships"] == [
        {
            "organization_id": alice.memberships.get().organization_id,
            "organization_name": "Alice Agency",
            "organization_slug": "alice-agency",
            "role": "owner",
        }
    ]


def test_organizations_list_only_mine_and_create(api_client_for, alice, charlie):
    client = api_client_for(alice)
    data = client.get("/api/v1/organizations/").json()
    assert data["count"] == 1 and data["results"][0]["name"] == "Alice Agency"
    response = client.post("/api/v1/organizations/", {"name": "Side Project"}, format="json")
    assert response.status_code == 201
    assert Membership.objects.get(user=alice, organization_id=response.json()["id"]).role == Role.OWNER
    assert_error(client.post("/api/v1/organizations/", {"name": ""}, format="json"), 400, "invalid")


def test_members_list_and_outsider_404(api_client_for, alice, bob, charlie, agency):
    data = api_client_for(bob).get(f"/api/v1/organizations/{agency.pk}/members/").json()
    assert sorted(m["email"] for m in data["results"]) == ["alice@example.com", "bob@example.com"]
    assert_error(api_client_for(charlie).get(f"/api/v1/organizations/{agency.pk}/members/"), 404, "not_found")


def test_change_role_and_remove_member(api_client_for, alice, bob, charlie, agency):
    membership = Membership.objects.get(user=bob)
    url = f"/api/v1/organizations/{agency.pk}/members/{membership.pk}/"
    assert_error(api_client_for(charlie).patch(url, {"role": "owner"}, format="json"), 404)
    assert_error(api_client_for(charlie).delete(url), 404)
    alice_membership = Membership.objects.get(user=alice)
    assert_error(
        api_client_for(bob).patch(
            f"/api/v1/organizations/{agency.pk}/members/{alice_membership.pk}/", {"role": "viewer"}, format="json"
        ),
        403,
        "permission_denied",
    )
    client = api_client_for(alice)
    assert_error(client.patch(url, {"role": "emperor"}, format="json"), 400, "invalid")
    response = client.patch(url, {"role": "manager"}, format="json")
    assert response.status_code == 200 and response.json()["role"] == "manager"
    assert client.delete(url).status_code == 204
    assert not Membership.objects.filter(pk=membership.pk).exists()


def test_membership_ids_of_another_agency_are_404_even_for_owners(api_client_for, alice, charlie, agency, other_agency):
    charlie_membership = Membership.objects.get(user=charlie)
    response = api_client_for(alice).delete(f"/api/v1/organizations/{agency.pk}/members/{charlie_membership.pk}/")
    assert_error(response, 404)
    assert Membership.objects.filter(pk=charlie_membership.pk).exists()


def test_invitations_create_list_revoke(
    api_client_for, alice, bob, charlie, agency, django_capture_on_commit_callbacks
):
    url = f"/api/v1/organizations/{agency.pk}/invitations/"
    client = api_client_for(alice)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"email": "dana@example.com", "role": "reviewer"}, format="json")
    assert response.status_code == 201 and response.json()["role"] == "reviewer"
    assert mail.outbox[-1].to == ["dana@example.com"]
    assert_error(client.post(url, {"email": "dana@example.com"}, format="json"), 409, "conflict")
    assert_error(client.post(url, {"email": "nope"}, format="json"), 400, "invalid")
    assert [i["email"] for i in client.get(url).json()["results"]] == ["dana@example.com"]

    assert_error(api_client_for(bob).get(url), 403, "permission_denied")
    assert_error(api_client_for(bob).post(url, {"email": "x@example.com"}, format="json"), 403)
    assert_error(api_client_for(charlie).get(url), 404)
    assert_error(api_client_for(charlie).post(url, {"email": "x@example.com"}, format="json"), 404)

    invitation_id = response.json()["id"]
    assert_error(api_client_for(charlie).delete(f"{url}{invitation_id}/"), 404)
    assert_error(api_client_for(bob).delete(f"{url}{invitation_id}/"), 403)
    assert client.delete(f"{url}{invitation_id}/").status_code == 204
    assert Invitation.objects.get(pk=invitation_id).revoked_at is not None
    assert_error(client.delete(f"{url}{invitation_id}/"), 409)


def test_invitation_of_another_agency_via_my_agency_url_is_404(api_client_for, alice, agency, other_agency):
    foreign = InvitationFactory(organization=other_agency)
    assert_error(api_client_for(alice).delete(f"/api/v1/organizations/{agency.pk}/invitations/{foreign.pk}/"), 404)
    assert_error(
        api_client_for(alice).delete(f"/api/v1/organizations/{other_agency.pk}/invitations/{foreign.pk}/"), 404
    )


def test_tokens_api_create_list_revoke(api_client_for, alice, charlie):
    client = api_client_for(alice)
    response = client.post("/api/v1/tokens/", {"name": "ci"}, format="json")
    assert response.status_code == 201
    raw = response.json()["token"]
    assert raw.startswith("sl_")
    listed = client.get("/api/v1/tokens/").json()["results"]
    assert [t["name"] for t in listed] == ["ci"] and "token" not in listed[0]
    token_id = response.json()["id"]
    assert_error(api_client_for(charlie).delete(f"/api/v1/tokens/{token_id}/"), 404)
    assert client.delete(f"/api/v1/tokens/{token_id}/").status_code == 204
    assert client.get("/api/v1/tokens/").json()["count"] == 0


def test_a_personal_token_authenticates_and_a_revoked_one_gets_401(alice):
    from accounts import services

    token, raw = services.token_create(user=alice, name="script")
    client = APIClient()
    response = client.get("/api/v1/me/", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 200 and response.json()["email"] == "alice@example.com"
    token.refresh_from_db()
    assert token.last_used_at is not None

    services.token_revoke(user=alice, token_id=token.pk)
    body = assert_error(client.get("/api/v1/me/", HTTP_AUTHORIZATION=f"Bearer {raw}"), 401, "authentication_failed")
    assert "revoked" in body["message"]
    assert_error(client.get("/api/v1/me/", HTTP_AUTHORIZATION="Bearer sl_made_up"), 401)
    assert_error(client.get("/api/v1/me/"), 401, "not_authenticated")


def test_only_the_hash_of_a_token_is_stored(alice):
    from accounts import services

    token, raw = services.token_create(user=alice, name="x")
    assert not PersonalToken.objects.filter(key_hash=raw).exists()
    assert raw not in (token.key_hash, token.key_prefix)


def test_schema_generates_without_warnings_and_docs_render(client):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        from drf_spectacular.drainage import GENERATOR_STATS
        from drf_spectacular.generators import SchemaGenerator

        GENERATOR_STATS.reset()
        schema = SchemaGenerator().get_schema(request=None, public=True)
        assert not GENERATOR_STATS._warn_cache and not GENERATOR_STATS._error_cache
    for path in [
        "/api/v1/organizations/",
        "/api/v1/organizations/{organization_id}/members/{membership_id}/",
        "/api/v1/organizations/{organization_id}/invitations/",
        "/api/v1/tokens/{token_id}/",
    ]:
        assert path in schema["paths"]
    assert client.get("/api/schema/").status_code == 200
    docs = client.get("/api/docs/")
    html = docs.content.decode()
    assert docs.status_code == 200 and "/static/vendor/swagger-ui/swagger-ui-bundle.js" in html
    assert "cdn" not in html.lower()


def test_api_organization_create_is_atomic(api_client_for, alice, monkeypatch):
    from accounts import services

    def boom(**kwargs):
        raise RuntimeError("membership insert failed")

    monkeypatch.setattr(services.Membership.objects, "create", boom)
    before = Organization.objects.count()
    with pytest.raises(RuntimeError):
        services.organization_create(user=alice, name="Half")
    assert Organization.objects.count() == before
