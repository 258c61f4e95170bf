"""Celery tasks of accounts (run eagerly here; the lead's integration test covers a real worker)."""

from __future__ import annotations

import re
import zoneinfo
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from accounts.models import Invitation
from accounts.tasks import purge_expired_invitations, send_invitation_email
from tests.factories import InvitationFactory

pytestmark = pytest.mark.django_db


def test_the_invitation_email_names_agency_inviter_role_and_expiry(agency, alice, settings):
    settings.SITE_URL = "https://app.sociallens.test"
    invitation = InvitationFactory(organization=agency, email="dana@example.com", invited_by=alice, role="manager")
    send_invitation_email(invitation.pk)
    message = mail.outbox[-1]
    assert message.subject == "You are invited to Alice Agency on SocialLens"
    assert f"https://app.sociallens.test/invitations/{invitation.token}/" in message.body
    assert "Alice Owner invited you to join Alice Agency as Manager." in message.body
    # #27: dates as the app writes them, in the agency's time zone, named; never "2026-10-21"
    Organization = type(agency)
    Organization.objects.filter(pk=agency.pk).update(timezone="Europe/Berlin")
    send_invitation_email(invitation.pk)
    berlin = timezone.localtime(invitation.expires_at, zoneinfo.ZoneInfo("Europe/Berlin"))
    assert f"expires on {berlin.day} {berlin:%b %Y, %H:%M} Europe/Berlin." in mail.outbox[-1].body
    assert not re.search(r"\d{4}-\d{2}-\d{2}", mail.outbox[-1].body)


def test_no_email_for_an_invitation_revoked_before_the_task_ran(agency):
    invitation = InvitationFactory(organization=agency, revoked_at=timezone.now())
    send_invitation_email(invitation.pk)
    send_invitation_email(987654)  # deleted meanwhile
    assert not mail.outbox


def test_purge_drops_only_long_expired_unaccepted_invitations(agency):
    old = InvitationFactory(organization=agency, expires_at=timezone.now() - timedelta(days=31))
    recent = InvitationFactory(organization=agency, expires_at=timezone.now() - timedelta(days=2))
    accepted = InvitationFactory(
        organization=agency,
        expires_at=timezone.now() - timedelta(days=40),
        accepted_at=timezone.now() - timedelta(days=45),
    )
    assert purge_expired_invitations() == 1
    assert set(Invitation.objects.values_list("pk", flat=True)) == {recent.pk, accepted.pk}
    assert not Invitation.objects.filter(pk=old.pk).exists()
