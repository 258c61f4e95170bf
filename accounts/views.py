from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from accounts import services
from accounts.selectors import ACTIVE_ORGANIZATION_SESSION_KEY, invitation_get_by_token, membership_get
from config.errors import ApplicationError


def home(request: HttpRequest) -> HttpResponse:
    return redirect("dashboard" if request.user.is_authenticated else "account_login")


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/dashboard.html", {})


@login_required
def organization_create(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        try:
            organization = services.organization_create(user=request.user, name=request.POST.get("name", ""))
        except ApplicationError as exc:
            messages.error(request, exc.message)
        else:
            request.session[ACTIVE_ORGANIZATION_SESSION_KEY] = organization.pk
            messages.success(request, f"{organization} is ready. Invite your team next.")
            return redirect("organization_settings")
    return render(request, "accounts/organization_create.html", {})


@login_required
@require_POST
def organization_switch(request: HttpRequest, organization_id: int) -> HttpResponse:
    membership = membership_get(user=request.user, organization=organization_id)
    request.session[ACTIVE_ORGANIZATION_SESSION_KEY] = membership.organization_id
    messages.info(request, f"Now working in {membership.organization}.")
    return redirect(request.POST.get("next") or "dashboard")


def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    invitation = invitation_get_by_token(token=token)
    if not request.user.is_authenticated:
        request.session["pending_invitation"] = token
        return render(request, "accounts/invitation_landing.html", {"invitation": invitation})
    if request.method == "POST":
        try:
            membership = services.invitation_accept(user=request.user, token=token)
        except ApplicationError as exc:
            messages.error(request, exc.message)
        else:
            request.session[ACTIVE_ORGANIZATION_SESSION_KEY] = membership.organization_id
            messages.success(request, f"Welcome to {membership.organization}.")
            return redirect("dashboard")
    return render(request, "accounts/invitation_accept.html", {"invitation": invitation})


@login_required
def organization_settings(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/organization_settings.html", {})
