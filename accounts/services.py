"""Writes for accounts and agencies. Keyword-only, typed, atomic; errors are ApplicationError with a user message."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from zoneinfo import available_timezones

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify

from accounts.models import Invitation, Membership, Organization, PersonalToken, User, hash_token
from accounts.roles import Capability, Role
from accounts.selectors import membership_require
from config.errors import ApplicationError, Conflict, NotFound
from config.jobs import after_commit


def _unique_slug(name: str) -> str:
    base = slugify(name)[:120] or "agency"
    slug, n = base, 1
    while Organization.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@transaction.atomic
def organization_create(*, user: User, name: str) -> Organization:
    name = (name or "").strip()
    if not name:
        raise ApplicationError("An agency needs a name.", field="name")
    organization = Organization.objects.create(name=name[:120], slug=_unique_slug(name), created_by=user)
    Membership.objects.create(user=user, organization=organization, role=Role.OWNER)
    return organization


@transaction.atomic
def organization_update(*, user: User, organization: Organization, name: str, timezone_name: str) -> Organization:
    membership_require(user=user, organization=organization, capability=Capability.MANAGE_ORGANIZATION)
    name = (name or "").strip()
    if not name:
        raise ApplicationError("An agency needs a name.", field="name")
    if timezone_name not in available_timezones():
        raise ApplicationError(f"Unknown time zone “{timezone_name}”.", field="timezone")
    organization.name = name[:120]
    organization.timezone = timezone_name
    organization.save(update_fields=["name", "timezone"])
    return organization


@transaction.atomic
def organization_branding_update(
    *, user: User, organization: Organization, brand_color: str, logo: Any = None, remove_logo: bool = False
) -> Organization:
    """Colour and logo on the reports the agency sends. The logo is validated and re-encoded before it is stored."""
    from accounts.branding import color_validate, logo_validate

    membership_require(user=user, organization=organization, capability=Capability.MANAGE_ORGANIZATION)
    organization.brand_color = color_validate(brand_color)
    if logo is not None:
        organization.logo_png = logo_validate(logo)
    elif remove_logo:
        organization.logo_png = None
    organization.save(update_fields=["brand_color", "logo_png"])
    return organization


@transaction.atomic
def invitation_create(*, user: User, organization: Organization, email: str, role: str) -> Invitation:
    membership_require(user=user, organization=organization, capability=Capability.MANAGE_MEMBERS)
    email = (email or "").strip().lower()
    try:
        validate_email(email)
    except DjangoValidationError as exc:
        raise ApplicationError("Enter a valid email address.", field="email") from exc
    if role not in Role.values:
        raise ApplicationError(f"Unknown role “{role}”.", field="role")
    if role == Role.OWNER and not membership_require(
        user=user, organization=organization, capability=Capability.VIEW
    ).can(Capability.MANAGE_ORGANIZATION):
        raise ApplicationError("Only an owner can invite another owner.", field="role", code="permission_denied")
    if Membership.objects.filter(organization=organization, user__email__iexact=email).exists():
        raise Conflict(f"{email} is already a member of {organization}.", field="email")
    # An expired open invitation would block the unique constraint: close it before issuing a new one.
    organization.invitations.filter(
        email__iexact=email, accepted_at__isnull=True, revoked_at__isnull=True, expires_at__lte=timezone.now()
    ).update(revoked_at=timezone.now())
    try:
        with transaction.atomic():
            invitation = Invitation.objects.create(
                organization=organization,
                email=email,
                role=role,
                invited_by=user,
                expires_at=timezone.now() + timedelta(days=settings.INVITATION_TTL_DAYS),
            )
    except IntegrityError as exc:
        raise Conflict(f"{email} already has an open invitation to {organization}.", field="email") from exc
    after_commit(lambda: _send_invitation_email(invitation.pk))
    return invitation


def _send_invitation_email(invitation_id: int) -> None:
    from accounts.tasks import send_invitation_email

    send_invitation_email.delay(invitation_id)


@transaction.atomic
def invitation_accept(*, user: User, token: str) -> Membership:
    invitation = Invitation.objects.select_for_update().select_related("organization").filter(token=token).first()
    if invitation is None:
        raise ApplicationError("This invitation link is not valid.", code="invitation_invalid")
    if invitation.accepted_at is not None:
        raise ApplicationError("This invitation has already been used.", code="invitation_used")
    if invitation.revoked_at is not None:
        raise ApplicationError("This invitation was withdrawn. Ask for a new one.", code="invitation_revoked")
    if invitation.is_expired:
        raise ApplicationError("This invitation has expired. Ask for a new one.", code="invitation_expired")
    if invitation.email.lower() != user.email.lower():
        raise ApplicationError(
            f"This invitation is for {invitation.email}; you are signed in as {user.email}.",
            code="invitation_wrong_user",
        )
    membership, _ = Membership.objects.get_or_create(
        user=user, organization=invitation.organization, defaults={"role": invitation.role}
    )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return membership


@transaction.atomic
def invitation_revoke(*, user: User, invitation: Invitation) -> None:
    membership_require(user=user, organization=invitation.organization, capability=Capability.MANAGE_MEMBERS)
    updated = Invitation.objects.filter(pk=invitation.pk, accepted_at__isnull=True, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    if not updated:
        raise Conflict(
            f"The invitation for {invitation.email} was already accepted or withdrawn.", code="invitation_closed"
        )


def _lock_owners(organization_id: int) -> set[int]:
    """Lock the agency's owner rows (in pk order, so two callers cannot deadlock) and return their ids.

    Called first in every write that may take the owner role away, inside its transaction: two owners demoting each
    other at once then run one after the other, and the second sees the first's change instead of both passing the
    last-owner check on the same stale count."""
    return set(
        Membership.objects.select_for_update()
        .filter(organization_id=organization_id, role=Role.OWNER)
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def _refresh(membership: Membership) -> None:
    try:
        membership.refresh_from_db(fields=["role"])
    except Membership.DoesNotExist as exc:
        raise NotFound("This person is no longer a member of the agency.") from exc


def _ensure_an_owner_remains(organization: Organization, leaving: Membership) -> None:
    owners = _lock_owners(organization.pk)
    if owners == {leaving.pk}:
        raise ApplicationError(
            f"{organization} needs at least one owner: make someone else owner first.", code="last_owner"
        )


@transaction.atomic
def membership_leave(*, user: User, organization: Organization) -> None:
    _lock_owners(organization.pk)
    membership = Membership.objects.select_for_update().filter(user=user, organization=organization).first()
    if membership is None:
        raise ApplicationError("You are not a member of this agency.", code="not_member")
    _ensure_an_owner_remains(organization, membership)
    membership.delete()


@transaction.atomic
def membership_remove(*, user: User, membership: Membership) -> None:
    _lock_owners(membership.organization_id)
    _refresh(membership)
    actor = membership_require(user=user, organization=membership.organization_id, capability=Capability.MANAGE_MEMBERS)
    if membership.role == Role.OWNER and not actor.can(Capability.MANAGE_ORGANIZATION):
        raise ApplicationError("Only an owner can remove an owner.", code="permission_denied")
    _ensure_an_owner_remains(membership.organization, membership)
    membership.delete()


@transaction.atomic
def membership_change_role(*, user: User, membership: Membership, role: str) -> Membership:
    _lock_owners(membership.organization_id)  # before the actor's own role is read: it may just have changed
    _refresh(membership)
    actor = membership_require(user=user, organization=membership.organization_id, capability=Capability.MANAGE_MEMBERS)
    if role not in Role.values:
        raise ApplicationError(f"Unknown role “{role}”.", field="role")
    if Role.OWNER in (role, membership.role) and not actor.can(Capability.MANAGE_ORGANIZATION):
        raise ApplicationError("Only an owner can grant or take away the owner role.", code="permission_denied")
    if membership.role == Role.OWNER and role != Role.OWNER:
        _ensure_an_owner_remains(membership.organization, membership)
    membership.role = role
    membership.save(update_fields=["role"])
    return membership


@transaction.atomic
def token_create(*, user: User, name: str) -> tuple[PersonalToken, str]:
    """Returns the token row and its raw value, which is never stored and shown only this once."""
    name = (name or "").strip()
    if not name:
        raise ApplicationError("Give the token a name so you can recognise it later.", field="name")
    raw = PersonalToken.generate()
    token = PersonalToken.objects.create(user=user, name=name[:80], key_hash=hash_token(raw), key_prefix=raw[:10])
    return token, raw


def token_revoke(*, user: User, token_id: int) -> None:
    updated = PersonalToken.objects.filter(pk=token_id, user=user, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    if not updated:
        from django.http import Http404

        raise Http404("No such token.")
