"""A GET on a URL that only takes POST (a form's action: /graphs/build/, /profiles/link/…) is someone reloading or
revisiting the address bar after a form error; send them to the page the form lives on instead of a bare 405."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse


class PostOnlyGetRedirectMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            response.status_code != 405
            or request.method not in ("GET", "HEAD")
            or request.path.startswith(("/api/", "/admin/"))
        ):
            return response
        return redirect(_page_above(request.path))


def _page_above(path: str) -> str:
    """The nearest enclosing path that is a page ('/graphs/build/' → '/graphs/'), else the dashboard."""
    parts = [part for part in path.split("/") if part]
    while parts:
        parts.pop()
        candidate = "/" + "/".join(parts) + ("/" if parts else "")
        try:
            resolve(candidate)
        except Resolver404:
            continue
        return candidate
    return reverse("dashboard")
