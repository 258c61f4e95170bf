"""Accepting invitations: the happy path through sign-up, and every broken link case, never half-done."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import Invitation, Membership, User
from accounts.roles import Role
from tests.accounts.conftest import links_in_last_email, login_with_password, path_of
from tests.factories import InvitationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def invitation(agency, alice) -> Invitation:
    return InvitationFactory(organization=agency, email="dana@example.com", role=Role.REVIEWER, invited_by=alice)


def test_sign_up_through_an_invitation_lands_back_on_it(client, invitation, agency):
    landing = client.get(f"/invitations/{invitation.token}/")
    assert landing.status_code == 200 and "Join Alice Agency" in landing.content.decode()

    client.post(
        "/accounts/signup/",
        {"email": "dana@example.com", "password1": "a-Long-pass-123", "password2": "a-Long-pass-123"},
    )
    link = next(u for u in links_in_last_email("dana@example.com") if "/confirm-email/" in u)
    response = client.post(path_of(link))
    assert response.status_code == 302 and response["Location"] == f"/invitations/{invitation.token}/"

    response = client.post(f"/invitations/{invitation.token}/", follow=True)
    assert "Welcome to Alice Agency." in response.content.decode()
    dana = User.objects.get(email="dana@example.com")
    assert Membership.objects.get(user=dana, organization=agency).role == Role.REVIEWER
    invitation.refresh_from_db()
    assert invitation.accepted_by == dana
    assert "pending_invitation" not in client.session


def test_signing_in_through_an_invitation_lands_back_on_it(client, invitation):
    UserFactory(email="dana@example.com")
    client.get(f"/invitations/{invitation.token}/")
    response = login_with_password(client, "dana@example.com")
    assert response["Location"] == f"/invitations/{invitation.token}/"


def test_a_reused_invitation_link_is_refused(client, invitation, agency):
    dana = UserFactory(email="dana@example.com")
    client.force_login(dana)
    client.post(f"/invitations/{invitation.token}/")
    response = client.post(f"/invitations/{invitation.token}/", follow=True)
    assert "This invitation has already been used." in response.content.decode()
    assert Membership.objects.filter(user=dana, organization=agency).count() == 1


def test_an_expired_invitation_is_refused(client, invitation, agency):
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    assert "This invitation expired" in client.get(f"/invitations/{invitation.token}/").content.decode()
    dana = UserFactory(email="dana@example.com")
    client.force_login(dana)
    response = client.post(f"/invitations/{invitation.token}/", follow=True)
    assert "This invitation has expired. Ask for a new one." in response.content.decode()
    assert not Membership.objects.filter(user=dana).exists()


def test_an_invitation_for_another_address_is_refused(charlie_client, charlie, invitation, agency):
    page = charlie_client.get(f"/invitations/{invitation.token}/")
    assert "This invitation is for dana@example.com" in page.content.decode()
    response = charlie_client.post(f"/invitations/{invitation.token}/", follow=True)
    assert (
        "This invitation is for dana@example.com; you are signed in as charlie@example.com."
        in response.content.decode()
    )
    assert not Membership.objects.filter(user=charlie, organization=agency).exists()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


def test_an_unknown_invitation_token_is_a_404(client):
    assert client.get("/invitations/not-a-token/").status_code == 404


def test_an_expired_invitation_can_be_issued_again(alice_client, invitation):
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - timedelta(days=1))
    response = alice_client.post("/agencies/invitations/", {"email": "dana@example.com", "role": "viewer"}, follow=True)
    assert "Invitation sent to dana@example.com." in response.content.decode()
    assert Invitation.objects.filter(email="dana@example.com", revoked_at__isnull=True).count() == 1
