from __future__ import annotations

from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone

from accounts.models import Invitation
from config.formatting import moment_in


@shared_task(acks_late=True)
def send_invitation_email(invitation_id: int) -> None:
    invitation = Invitation.objects.select_related("organization", "invited_by").filter(pk=invitation_id).first()
    if invitation is None or not invitation.is_open:
        return
    link = settings.SITE_URL.rstrip("/") + reverse("invitation_accept", args=[invitation.token])
    inviter = invitation.invited_by.display_name if invitation.invited_by else "Someone"
    send_mail(
        subject=f"You are invited to {invitation.organization} on SocialLens",
        message=(
            f"{inviter} invited you to join {invitation.organization} as {invitation.get_role_display()}.\n\n"
            f"Accept the invitation: {link}\n\n"
            f"The link expires on {moment_in(invitation.expires_at, invitation.organization.timezone)}."
        ),
        from_email=None,
        recipient_list=[invitation.email],
    )


@shared_task
def purge_expired_invitations() -> int:
    cutoff = timezone.now() - timedelta(days=30)
    deleted, _ = Invitation.objects.filter(accepted_at__isnull=True, expires_at__lt=cutoff).delete()
    return deleted
