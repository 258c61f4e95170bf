"""View decorators other apps may use for agency-scoped pages."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

View = Callable[..., HttpResponse]


def agency_required(view: View) -> View:
    """Agency pages work on the agency chosen in the switcher; without one, create or join one first."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.membership:
            messages.info(request, "Create an agency first, or accept an invitation to join one.")
            return redirect("organization_create")
        return view(request, *args, **kwargs)  # a PermissionDenied becomes the 403 page in config.middleware

    return wrapper
