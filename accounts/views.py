from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from accounts import services
from accounts.branding import branding
from accounts.decorators import agency_required
from accounts.forms import (
    BrandingForm,
    InvitationForm,
    OrganizationCreateForm,
    OrganizationSettingsForm,
    RoleForm,
    TokenForm,
)
from accounts.models import Invitation, Membership
from accounts.roles import Capability, Role
from accounts.selectors import (
    ACTIVE_ORGANIZATION_SESSION_KEY,
    PENDING_INVITATION_SESSION_KEY,
    invitation_get_by_token,
    invitations_for_organization,
    members_for_organization,
    membership_get,
    object_get_for_user,
    tokens_for_user,
)
from config.errors import ApplicationError, PermissionDenied
from config.middleware import on_error_redirect
from config.redirects import safe_url


def home(request: HttpRequest) -> HttpResponse:
    return redirect("dashboard" if request.user.is_authenticated else "account_login")


@login_required
def organization_create(request: HttpRequest) -> HttpResponse:
    form = OrganizationCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            organization = services.organization_create(user=request.user, name=form.cleaned_data["name"])
        except ApplicationError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            request.session[ACTIVE_ORGANIZATION_SESSION_KEY] = organization.pk
            messages.success(request, f"{organization} is ready. Invite your team next.")
            return redirect("organization_members")
    return render(request, "accounts/organization_create.html", {"form": form})


@login_required
@require_POST
def organization_switch(request: HttpRequest, organization_id: int) -> HttpResponse:
    membership = membership_get(user=request.user, organization=organization_id)
    request.session[ACTIVE_ORGANIZATION_SESSION_KEY] = membership.organization_id
    messages.info(request, f"Now working in {membership.organization}.")
    next_url = request.POST.get("next", "")
    return redirect(safe_url(request, next_url, fallback=reverse("dashboard")))


@on_error_redirect("invitation_accept", kwargs=lambda kw: {"token": kw["token"]})
def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    invitation = invitation_get_by_token(token=token)
    if not request.user.is_authenticated:
        # Sign-up / sign-in come back here afterwards (accounts.adapters reads this key).
        request.session[PENDING_INVITATION_SESSION_KEY] = token
        return render(request, "accounts/invitation_landing.html", {"invitation": invitation})
    if request.method == "POST":
        membership = services.invitation_accept(user=request.user, token=token)
        request.session.pop(PENDING_INVITATION_SESSION_KEY, None)
        request.session[ACTIVE_ORGANIZATION_SESSION_KEY] = membership.organization_id
        messages.success(request, f"Welcome to {membership.organization}.")
        return redirect("organization_members")
    return render(request, "accounts/invitation_accept.html", {"invitation": invitation})


@agency_required
def organization_settings(request: HttpRequest) -> HttpResponse:
    organization = request.organization
    can_manage = request.membership.can(Capability.MANAGE_ORGANIZATION)
    form = OrganizationSettingsForm(
        request.POST or None, initial={"name": organization.name, "timezone": organization.timezone}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.organization_update(
                user=request.user,
                organization=organization,
                name=form.cleaned_data["name"],
                timezone_name=form.cleaned_data["timezone"],
            )
        except PermissionDenied:
            raise
        except ApplicationError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            messages.success(request, "Agency settings saved.")
            return redirect("organization_settings")
    return render(
        request,
        "accounts/organization_settings.html",
        {
            "form": form,
            "can_manage": can_manage,
            "branding": branding(organization),
            "can_edit_keywords": request.membership.can(Capability.MANAGE_DATA),
            "show_keywords": request.membership.can(Capability.VIEW_AGENCY),
        },
    )


@agency_required
@require_POST
def organization_branding(request: HttpRequest) -> HttpResponse:
    """The agency's colour and logo on the reports it sends (owner only: the service checks)."""
    form = BrandingForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.organization_branding_update(
                user=request.user,
                organization=request.organization,
                brand_color=form.cleaned_data["brand_color"],
                logo=form.cleaned_data["logo"],
                remove_logo=form.cleaned_data["remove_logo"],
            )
        except PermissionDenied:
            raise
        except ApplicationError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, "Report branding saved.")
    else:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return redirect("organization_settings")


@agency_required
def organization_members(request: HttpRequest) -> HttpResponse:
    organization = request.organization
    can_manage = request.membership.can(Capability.MANAGE_MEMBERS)
    context = {
        "members": members_for_organization(user=request.user, organization=organization),
        "invitations": invitations_for_organization(user=request.user, organization=organization) if can_manage else [],
        "can_manage": can_manage,
        "is_owner": request.membership.can(Capability.MANAGE_ORGANIZATION),
        "invite_form": InvitationForm(),
        "roles": Role.choices,
    }
    return render(request, "accounts/organization_members.html", context)


def _apply(request: HttpRequest, action: Callable[[], Any], success: str) -> HttpResponse:
    """Run a member-management action; a refusal is shown on the members page (config.middleware, through each
    view's @on_error_redirect)."""
    action()
    messages.success(request, success)
    return redirect("organization_members")


@agency_required
@require_POST
@on_error_redirect("organization_members")
def invitation_create(request: HttpRequest) -> HttpResponse:
    form = InvitationForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, errors[0])
        return redirect("organization_members")
    email = form.cleaned_data["email"].strip().lower()
    return _apply(
        request,
        lambda: services.invitation_create(
            user=request.user, organization=request.organization, email=email, role=form.cleaned_data["role"]
        ),
        f"Invitation sent to {email}.",
    )


@agency_required
@require_POST
@on_error_redirect("organization_members")
def invitation_revoke(request: HttpRequest, invitation_id: int) -> HttpResponse:
    invitation = object_get_for_user(
        Invitation.objects.all(), user=request.user, pk=invitation_id, capability=Capability.MANAGE_MEMBERS
    )
    return _apply(
        request,
        lambda: services.invitation_revoke(user=request.user, invitation=invitation),
        f"Invitation for {invitation.email} withdrawn.",
    )


@agency_required
@require_POST
@on_error_redirect("organization_members")
def membership_change_role(request: HttpRequest, membership_id: int) -> HttpResponse:
    membership = object_get_for_user(
        Membership.objects.select_related("user", "organization"),
        user=request.user,
        pk=membership_id,
        capability=Capability.MANAGE_MEMBERS,
    )
    form = RoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose one of the listed roles.")
        return redirect("organization_members")
    role = form.cleaned_data["role"]
    return _apply(
        request,
        lambda: services.membership_change_role(user=request.user, membership=membership, role=role),
        f"{membership.user.email} is now {Role(role).label}.",
    )


@agency_required
@require_POST
@on_error_redirect("organization_members")
def membership_remove(request: HttpRequest, membership_id: int) -> HttpResponse:
    membership = object_get_for_user(
        Membership.objects.select_related("user", "organization"),
        user=request.user,
        pk=membership_id,
        capability=Capability.MANAGE_MEMBERS,
    )
    return _apply(
        request,
        lambda: services.membership_remove(user=request.user, membership=membership),
        f"{membership.user.email} was removed from {membership.organization}.",
    )


@agency_required
@require_POST
@on_error_redirect("organization_settings")
def organization_leave(request: HttpRequest) -> HttpResponse:
    organization = request.organization
    services.membership_leave(user=request.user, organization=organization)
    request.session.pop(ACTIVE_ORGANIZATION_SESSION_KEY, None)
    messages.success(request, f"You left {organization}.")
    return redirect("dashboard")


@login_required
def token_list(request: HttpRequest) -> HttpResponse:
    form = TokenForm(request.POST or None)
    raw_token = None
    if request.method == "POST" and form.is_valid():
        try:
            token, raw_token = services.token_create(user=request.user, name=form.cleaned_data["name"])
        except ApplicationError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, f"Token “{token.name}” created. Copy it now: it will not be shown again.")
            form = TokenForm()
    return render(
        request,
        "accounts/token_list.html",
        {"form": form, "raw_token": raw_token, "tokens": tokens_for_user(user=request.user)},
    )


@login_required
@require_POST
def token_revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    services.token_revoke(user=request.user, token_id=token_id)
    messages.success(request, "Token revoked: it no longer works.")
    return redirect("token_list")
