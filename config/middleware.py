"""The one place a service's ApplicationError becomes a page response (the API has config.api.exception_handler):
a 403 or 404 page with the service's message, or, for a refused action, the message and a redirect: to where the
view said with `@on_error_redirect`, else back to the referring page (a POST) or a 400 page (a GET).

Views do not catch ApplicationError themselves; the only exception is a form re-rendered with a service's field
error beside its input (the user's entries kept), which is validation, not error handling."""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from config.errors import ApplicationError
from config.redirects import back
from config.views import API_PREFIX

ERROR_REDIRECT_ATTR = "application_error_redirect"


def on_error_redirect(
    viewname: str, *, kwargs: Callable[[dict[str, Any]], dict[str, Any]] | None = None
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Where a refused action of this view leads (the message is shown there): `viewname`, reversed with the view's
    own URL kwargs passed through `kwargs` (e.g. `lambda kw: {"pk": kw["pk"]}`; default: none)."""

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @functools.wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **view_kwargs: Any) -> HttpResponse:
            url_kwargs = kwargs(view_kwargs) if kwargs else {}
            setattr(request, ERROR_REDIRECT_ATTR, reverse(viewname, kwargs=url_kwargs or None))
            return view(request, *args, **view_kwargs)

        return wrapped

    return decorate


class ApplicationErrorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, ApplicationError) or request.path.startswith(API_PREFIX):
            return None
        if exception.status_code in (403, 404):
            return render(
                request, f"{exception.status_code}.html", {"message": exception.message}, status=exception.status_code
            )
        target = getattr(request, ERROR_REDIRECT_ATTR, None)
        if request.method == "GET" and target == request.path:
            target = None  # a page refused on its own GET: redirecting to itself would loop
        if target is None and request.method == "GET":
            return render(request, "400.html", {"message": exception.message}, status=exception.status_code)
        messages.error(request, exception.message)
        return redirect(target or back(request, fallback=request.path))


class DatabaseRetryMiddleware:
    """A read that met a lost database connection (server_error turned it into a 503) is tried once more on a new
    connection: a PostgreSQL restart or failover then costs the reader nothing. Writes are never repeated here (the
    first attempt may have committed); they get the 503 page, which says to try again."""

    SAFE = ("GET", "HEAD", "OPTIONS")
    PAUSE_SECONDS = 0.3  # a restarting PostgreSQL refuses connections for a second or two

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if getattr(response, "database_unreachable", False) and request.method in self.SAFE:
            from django.db import connections

            for connection in connections.all(initialized_only=True):
                connection.close()
            time.sleep(self.PAUSE_SECONDS)
            response = self.get_response(request)
        return response
