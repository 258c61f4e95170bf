"""Reads, always on behalf of an acting user. Tenancy lives here, once.

Rules every app follows through these helpers:
- an object of an agency the user is not a member of does not exist for them (404);
- a member whose role lacks the capability gets a 403 (config.errors.PermissionDenied).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Count, Model, OuterRef, Q, QuerySet, Subquery
from django.http import Http404, HttpRequest

from accounts.models import Invitation, Membership, Organization, PersonalToken, User
from accounts.roles import AGENCY_WIDE_ROLES, Capability
from config.errors import ApplicationError, PermissionDenied

M = TypeVar("M", bound=Model)

ACTIVE_ORGANIZATION_SESSION_KEY = "active_organization_id"
PENDING_INVITATION_SESSION_KEY = "pending_invitation"

# One request asks "is this user a member, in which role?" from several selectors (a dashboard: six times). Inside a
# request (ActiveOrganizationMiddleware) the answer is kept in a per-request memo, keyed by (user id, agency id);
# any membership saved or deleted anywhere empties it (accounts.apps), so a role change is seen at once.
_memberships_memo: ContextVar[dict[tuple[Any, ...], Any] | None] = ContextVar("memberships_memo", default=None)


@contextmanager
def membership_memo() -> Iterator[None]:
    token = _memberships_memo.set({})
    try:
        yield
    finally:
        _memberships_memo.reset(token)


def membership_memo_clear(**_: object) -> None:
    memo = _memberships_memo.get()
    if memo:
        memo.clear()


def _remember(user: User, membership: Membership) -> Membership:
    membership.user = user  # the acting user object: reading membership.user costs no query
    memo = _memberships_memo.get()
    if memo is not None:
        memo[(user.pk, membership.organization_id)] = membership
    return membership


def organizations_for_user(*, user: User) -> QuerySet[Organization]:
    if not user.is_authenticated:
        return Organization.objects.none()
    return Organization.objects.filter(memberships__user=user).distinct()


def memberships_for_user(*, user: User) -> QuerySet[Membership]:
    return Membership.objects.filter(user=user).select_related("organization")


def user_memberships(*, user: User) -> list[Membership]:
    """Every membership of the user with its agency (memberships_for_user's order), read once per request."""
    if not user.is_authenticated:
        return []
    memo = _memberships_memo.get()
    key = ("all", user.pk)
    if memo is not None and key in memo:
        return list(memo[key])
    rows = [_remember(user, membership) for membership in memberships_for_user(user=user)]
    if memo is not None:
        memo[key] = rows
    return list(rows)


def scope_to_user(
    queryset: QuerySet[M], *, user: User, organization_field: str = "organization", own_field: str | None = None
) -> QuerySet[M]:
    """Limit any tenant queryset to what the user may see: every row of the agencies where their role sees the
    agency's data (VIEW_AGENCY), and, where it does not (an influencer), only the rows whose `own_field` is the
    user (their own profiles, their own audits); none at all when the queryset has no `own_field`."""
    if not user.is_authenticated:
        return queryset.none()
    # The user's memberships are read once per request (user_memberships), so the filter names the agencies by id:
    # no join through the membership table and no DISTINCT on every list the user reads.
    memberships = user_memberships(user=user)
    wide = sorted({m.organization_id for m in memberships if m.role in AGENCY_WIDE_ROLES})
    narrow = sorted({m.organization_id for m in memberships if m.role not in AGENCY_WIDE_ROLES})
    visible = Q(**{f"{organization_field}__in": wide}) if wide else None
    if own_field and narrow:
        own = Q(**{f"{organization_field}__in": narrow, own_field: user})
        visible = own if visible is None else visible | own
    return queryset.none() if visible is None else queryset.filter(visible)


def membership_get(*, user: User, organization: Organization | int) -> Membership:
    """The user's membership in an agency, or 404 if they are not a member (outsiders learn nothing)."""
    org_id = organization.pk if isinstance(organization, Organization) else organization
    memo = _memberships_memo.get()
    if memo is not None and (user.pk, org_id) in memo:
        return memo[(user.pk, org_id)]
    try:
        membership = Membership.objects.select_related("organization").get(user=user, organization_id=org_id)
    except (Membership.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404("No such agency.") from exc
    return _remember(user, membership)


def membership_require(*, user: User, organization: Organization | int, capability: str) -> Membership:
    """404 for outsiders, 403 for members whose role lacks `capability`."""
    membership = membership_get(user=user, organization=organization)
    if not membership.can(capability):
        raise PermissionDenied(
            f"Your role ({membership.get_role_display()}) in {membership.organization} does not allow this."
        )
    return membership


def object_get_for_user(
    queryset: QuerySet[M],
    *,
    user: User,
    pk: object,
    organization_field: str = "organization",
    capability: str = Capability.VIEW,
    own_field: str | None = None,
) -> M:
    """Fetch one tenant object: 404 unless the user may see it (scope_to_user), 403 if their role lacks
    `capability`."""
    try:
        obj = scope_to_user(queryset, user=user, organization_field=organization_field, own_field=own_field).get(pk=pk)
    except (ObjectDoesNotExist, ValueError, TypeError) as exc:
        raise Http404("Not found.") from exc
    if capability != Capability.VIEW:
        org_id = _organization_id_of(obj, organization_field)
        membership_require(user=user, organization=org_id, capability=capability)
    return obj


def _organization_id_of(obj: Model, organization_field: str) -> int:
    target: object = obj
    parts = organization_field.split("__")
    for part in parts[:-1]:
        target = getattr(target, part)
    return getattr(target, f"{parts[-1]}_id")


def active_membership(*, request: HttpRequest, organization_id: int | None = None) -> Membership | None:
    """The membership a request acts through, the one rule for every page and endpoint: the agency it names
    (`organization_id`; 404 unless the user is a member), else the agency chosen in the switcher (session), else
    the user's first. None for a user in no agency."""
    user = request.user
    if not user.is_authenticated:
        return None
    if organization_id is not None:
        return membership_get(user=user, organization=organization_id)
    memberships = user_memberships(user=user)
    wanted = request.session.get(ACTIVE_ORGANIZATION_SESSION_KEY)
    if wanted is not None:
        chosen = [m for m in memberships if str(m.organization_id) == str(wanted)]
        if chosen:
            return chosen[0]
    return min(memberships, key=lambda m: (m.created_at, m.pk)) if memberships else None


def active_organization(*, request: HttpRequest, organization_id: int | None = None) -> Organization:
    """The agency a request acts for (see active_membership); a readable error for a user in no agency."""
    membership = active_membership(request=request, organization_id=organization_id)
    if membership is None:
        raise ApplicationError("You are not a member of any agency yet.", field="organization")
    return membership.organization


def invitation_get_by_token(*, token: str) -> Invitation:
    try:
        return Invitation.objects.select_related("organization", "invited_by").get(token=token)
    except Invitation.DoesNotExist as exc:
        raise Http404("This invitation link is not valid.") from exc


# An invitation still open: the members page lists these and the dashboard counts them (one definition).
OPEN_INVITATION = Q(accepted_at__isnull=True, revoked_at__isnull=True)


def invitations_for_organization(*, user: User, organization: Organization) -> QuerySet[Invitation]:
    agency_member_get(user=user, organization=organization)
    membership_require(user=user, organization=organization, capability=Capability.MANAGE_MEMBERS)
    return organization.invitations.filter(OPEN_INVITATION)


def organization_member_counts(*, user: User, organization: Organization) -> dict[str, int]:
    """Members and open invitations of an agency, for any of its members (the list itself is for managers)."""
    membership_get(user=user, organization=organization)

    def count(rows: QuerySet[Any]) -> Subquery:
        return Subquery(rows.order_by().values("organization").annotate(n=Count("pk")).values("n"))

    counts = (  # one query for both
        Organization.objects.filter(pk=organization.pk)
        .annotate(
            members=count(Membership.objects.filter(organization=OuterRef("pk"))),
            open_invitations=count(Invitation.objects.filter(OPEN_INVITATION, organization=OuterRef("pk"))),
        )
        .values("members", "open_invitations")
        .get()
    )
    return {name: counts[name] or 0 for name in ("members", "open_invitations")}


def agency_member_get(*, user: User, organization: Organization | int) -> Membership:
    """The membership of someone who sees the agency's own data; an influencer (outside creator) gets the
    outsider's 404."""
    membership = membership_get(user=user, organization=organization)
    if not membership.can(Capability.VIEW_AGENCY):
        raise Http404("No such agency.")
    return membership


def members_for_organization(*, user: User, organization: Organization) -> QuerySet[Membership]:
    agency_member_get(user=user, organization=organization)
    return organization.memberships.select_related("user").order_by("user__email")


def tokens_for_user(*, user: User) -> QuerySet[PersonalToken]:
    return PersonalToken.objects.filter(user=user, revoked_at__isnull=True)
