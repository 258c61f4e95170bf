"""View decorators other apps may use for agency-scoped pages."""
from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from config.errors import PermissionDenied

View = Callable[..., HttpResponse]


def render_denied(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    """The 403 page with the service's message (a role lacking a capability)."""
    return render(request, "accounts/denied.html", {"message": exc.message}, status=403)


def agency_required(view: View) -> View:
    """Agency pages work on the agency chosen in the switcher; without one, create or join one first."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.membership:
            messages.info(request, "Create an agency first, or accept an invitation to join one.")
            return redirect("organization_create")
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied as exc:
            return render_denied(request, exc)

    return wrapper
