"""Every redirect built from user input (a `next` field, the Referer header) goes through here, so it can only
lead back into this site."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme


def safe_url(request: HttpRequest, candidate: str | None, fallback: str) -> str:
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return fallback


def back(request: HttpRequest, fallback: str = "/") -> str:
    """Where "go back" leads: the referring page when it is on this site, else `fallback`."""
    return safe_url(request, request.META.get("HTTP_REFERER"), fallback)
