from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.functional import SimpleLazyObject

from accounts.selectors import active_membership, membership_memo


class ActiveOrganizationMiddleware:
    """Puts the acting membership (accounts.selectors.active_membership) on the request as `request.membership` /
    `request.organization`."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        membership = SimpleLazyObject(lambda: active_membership(request=request))
        request.membership = membership  # type: ignore[attr-defined]
        request.organization = SimpleLazyObject(  # type: ignore[attr-defined]
            lambda: membership.organization if membership else None
        )
        with membership_memo():
            return self.get_response(request)
