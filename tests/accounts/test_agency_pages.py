"""Agency pages: create, settings, members, invitations, roles, leaving; outsiders get 404, viewers 403."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from accounts.models import Invitation, Membership, Organization
from accounts.roles import Role
from tests.accounts.conftest import links_in_last_email
from tests.factories import InvitationFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_creating_an_agency_makes_me_owner_and_switches_to_it(charlie_client, charlie):
    response = charlie_client.post("/agencies/new/", {"name": "Second Shop"}, follow=True)
    organization = Organization.objects.get(name="Second Shop")
    assert Membership.objects.get(user=charlie, organization=organization).role == Role.OWNER
    assert response.redirect_chain[-1][0] == "/agencies/members/"
    assert "Members of Second Shop" in response.content.decode()


def test_creating_an_agency_without_a_name_shows_an_error(alice_client):
    before = Organization.objects.count()
    response = alice_client.post("/agencies/new/", {"name": "   "})
    assert response.status_code == 200
    assert "invalid-feedback" in response.content.decode()
    assert Organization.objects.count() == before


def test_a_user_without_agency_is_sent_to_create_one(client):
    user = UserFactory(email="solo@example.com")
    client.force_login(user)
    response = client.get("/agencies/members/")
    assert response.status_code == 302 and response["Location"] == "/agencies/new/"
    assert "Create your agency" in client.get("/dashboard/").content.decode()


def test_owner_renames_the_agency_and_sets_its_timezone(alice_client, agency):
    response = alice_client.post("/agencies/settings/", {"name": "Alice & Co", "timezone": "Europe/Paris"})
    assert response.status_code == 302
    agency.refresh_from_db()
    assert (agency.name, agency.timezone) == ("Alice & Co", "Europe/Paris")


def test_an_unknown_timezone_is_refused(alice_client, agency):
    response = alice_client.post("/agencies/settings/", {"name": "Alice Agency", "timezone": "Mars/Olympus"})
    assert response.status_code == 200 and "invalid-feedback" in response.content.decode()
    agency.refresh_from_db()
    assert agency.timezone == "UTC"


def test_a_viewer_sees_settings_read_only_and_cannot_change_them(bob_client, agency):
    page = bob_client.get("/agencies/settings/")
    assert page.status_code == 200 and "Only an owner can change these." in page.content.decode()
    response = bob_client.post("/agencies/settings/", {"name": "Bob's now", "timezone": "UTC"})
    assert response.status_code == 403 and "does not allow this" in response.content.decode()
    agency.refresh_from_db()
    assert agency.name == "Alice Agency"


def test_members_page_lists_members_with_roles(alice_client, bob, charlie):
    html = alice_client.get("/agencies/members/").content.decode()
    assert "alice@example.com" in html and "bob@example.com" in html
    assert "charlie@example.com" not in html
    assert 'id="invite-form"' in html


def test_a_viewer_sees_members_but_no_management_controls(bob_client, alice):
    html = bob_client.get("/agencies/members/").content.decode()
    assert "alice@example.com" in html
    assert 'id="invite-form"' not in html and "Remove" not in html


def test_inviting_sends_an_email_with_an_expiring_accept_link(alice_client, agency, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = alice_client.post(
            "/agencies/invitations/", {"email": "Dana@Example.com", "role": "reviewer"}, follow=True
        )
    assert "Invitation sent to dana@example.com." in response.content.decode()
    invitation = Invitation.objects.get(email="dana@example.com")
    assert invitation.role == Role.REVIEWER and invitation.expires_at > timezone.now() + timedelta(days=6)
    message = mail.outbox[-1]
    assert message.to == ["dana@example.com"] and "Alice Agency" in message.subject
    assert any(f"/invitations/{invitation.token}/" in link for link in links_in_last_email("dana@example.com"))
    assert "expires" in message.body


def test_a_duplicate_invitation_is_refused_with_a_message(alice_client, agency, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        alice_client.post("/agencies/invitations/", {"email": "dana@example.com", "role": "viewer"})
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = alice_client.post(
            "/agencies/invitations/", {"email": "DANA@example.com", "role": "viewer"}, follow=True
        )
    assert not callbacks and not mail.outbox  # the refused invitation sends nothing
    assert "dana@example.com already has an open invitation to Alice Agency." in response.content.decode()
    assert Invitation.objects.filter(email="dana@example.com").count() == 1


def test_inviting_an_existing_member_is_refused(alice_client, bob):
    response = alice_client.post("/agencies/invitations/", {"email": "bob@example.com", "role": "viewer"}, follow=True)
    assert "bob@example.com is already a member of Alice Agency." in response.content.decode()
    assert not Invitation.objects.exists()


def test_an_invalid_invitation_email_is_refused(alice_client):
    response = alice_client.post("/agencies/invitations/", {"email": "not-an-email", "role": "viewer"}, follow=True)
    assert "Enter a valid email address." in response.content.decode()
    assert not Invitation.objects.exists()


def test_a_viewer_cannot_invite(bob_client):
    response = bob_client.post("/agencies/invitations/", {"email": "eve@example.com", "role": "viewer"})
    assert response.status_code == 403
    assert not Invitation.objects.exists()


def test_revoking_an_invitation_closes_its_link(alice_client, client, agency, alice):
    invitation = InvitationFactory(organization=agency, email="dana@example.com", invited_by=alice)
    response = alice_client.post(f"/agencies/invitations/{invitation.pk}/revoke/", follow=True)
    assert "Invitation for dana@example.com withdrawn." in response.content.decode()
    assert "This invitation was withdrawn" in client.get(f"/invitations/{invitation.token}/").content.decode()
    again = alice_client.post(f"/agencies/invitations/{invitation.pk}/revoke/", follow=True)
    assert "already accepted or withdrawn" in again.content.decode()


def test_outsiders_get_404_on_every_agency_action(charlie_client, agency, alice, bob):
    invitation = InvitationFactory(organization=agency, email="dana@example.com")
    bob_membership = Membership.objects.get(user=bob)
    assert charlie_client.post(f"/agencies/invitations/{invitation.pk}/revoke/").status_code == 404
    assert charlie_client.post(f"/agencies/members/{bob_membership.pk}/role/", {"role": "manager"}).status_code == 404
    assert charlie_client.post(f"/agencies/members/{bob_membership.pk}/remove/").status_code == 404
    assert charlie_client.post(f"/agencies/{agency.pk}/switch/").status_code == 404
    assert "bob@example.com" not in charlie_client.get("/agencies/members/").content.decode()
    bob_membership.refresh_from_db()
    assert bob_membership.role == Role.VIEWER
    assert Invitation.objects.get(pk=invitation.pk).revoked_at is None


def test_owner_changes_a_role_and_removes_a_member(alice_client, bob):
    membership = Membership.objects.get(user=bob)
    response = alice_client.post(f"/agencies/members/{membership.pk}/role/", {"role": "manager"}, follow=True)
    assert "bob@example.com is now Manager." in response.content.decode()
    membership.refresh_from_db()
    assert membership.role == Role.MANAGER
    response = alice_client.post(f"/agencies/members/{membership.pk}/remove/", follow=True)
    assert "bob@example.com was removed from Alice Agency." in response.content.decode()
    assert not Membership.objects.filter(user=bob).exists()


def test_a_viewer_cannot_change_roles_or_remove(bob_client, alice):
    membership = Membership.objects.get(user=alice)
    assert bob_client.post(f"/agencies/members/{membership.pk}/role/", {"role": "viewer"}).status_code == 403
    assert bob_client.post(f"/agencies/members/{membership.pk}/remove/").status_code == 403
    membership.refresh_from_db()
    assert membership.role == Role.OWNER


def test_a_manager_cannot_touch_an_owner(client, agency, alice):
    manager = UserFactory(email="mia@example.com")
    MembershipFactory(user=manager, organization=agency, role=Role.MANAGER)
    client.force_login(manager)
    owner = Membership.objects.get(user=alice)
    response = client.post(f"/agencies/members/{owner.pk}/role/", {"role": "viewer"}, follow=True)
    assert "Only an owner can grant or take away the owner role." in response.content.decode()
    response = client.post(f"/agencies/members/{owner.pk}/remove/", follow=True)
    assert "Only an owner can remove an owner." in response.content.decode()
    owner.refresh_from_db()
    assert owner.role == Role.OWNER


def test_the_last_owner_cannot_leave_or_demote_themselves(alice_client, alice, agency):
    response = alice_client.post("/agencies/leave/", follow=True)
    assert "Alice Agency needs at least one owner" in response.content.decode()
    own = Membership.objects.get(user=alice)
    response = alice_client.post(f"/agencies/members/{own.pk}/role/", {"role": "viewer"}, follow=True)
    assert "needs at least one owner" in response.content.decode()
    assert Membership.objects.get(user=alice).role == Role.OWNER


def test_a_member_leaves_the_agency(bob_client, bob):
    response = bob_client.post("/agencies/leave/", follow=True)
    assert "You left Alice Agency." in response.content.decode()
    assert not Membership.objects.filter(user=bob).exists()


def test_the_switcher_changes_the_active_agency(client, agency, other_agency):
    user = UserFactory(email="two@example.com")
    MembershipFactory(user=user, organization=agency, role=Role.VIEWER)
    MembershipFactory(user=user, organization=other_agency, role=Role.MANAGER)
    client.force_login(user)
    html = client.get("/dashboard/").content.decode()
    assert 'id="agency-switcher"' in html and "Charlie Co" in html
    response = client.post(f"/agencies/{other_agency.pk}/switch/", {"next": "/agencies/members/"}, follow=True)
    assert response.redirect_chain[-1][0] == "/agencies/members/"
    assert "Members of Charlie Co" in response.content.decode()
    response = client.post(f"/agencies/{agency.pk}/switch/", {"next": "https://evil.example/"})
    assert response["Location"] == "/dashboard/"


def test_switch_requires_post(alice_client, agency, alice):
    from accounts.models import Membership

    before = list(Membership.objects.filter(user=alice).values_list("pk", flat=True))
    # A GET switches nothing; it lands on a page (config.post_only) instead of a bare 405.
    response = alice_client.get(f"/agencies/{agency.pk}/switch/")
    assert response.status_code == 302 and alice_client.get(response["Location"], follow=True).status_code == 200
    assert list(Membership.objects.filter(user=alice).values_list("pk", flat=True)) == before


def test_dashboard_shows_agency_summary(alice_client, bob):
    html = alice_client.get("/dashboard/").content.decode()
    # The summary's own line, not the agency switcher that names the agency on every page.
    assert 'id="dashboard-summary"' in html and "Working in <strong>Alice Agency</strong> as Owner." in html
