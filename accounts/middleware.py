from __future__ import annotations

from collections.abc import Callable
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from accounts.selectors import active_membership, membership_memo


class ActiveOrganizationMiddleware:
    """Puts the acting membership (accounts.selectors.active_membership) on the request as `request.membership` /
    `request.organization`, and shows a signed-in member's times in their agency's time zone (agency settings);
    everyone else's, and every API answer's, stay in UTC. Pages name the zone they write in
    ({% timezone_name %})."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        membership = SimpleLazyObject(lambda: active_membership(request=request))
        request.membership = membership  # type: ignore[attr-defined]
        request.organization = SimpleLazyObject(  # type: ignore[attr-defined]
            lambda: membership.organization if membership else None
        )
        with membership_memo():
            zone = _agency_zone(request)
            if zone is None:
                return self.get_response(request)
            with timezone.override(zone):
                return self.get_response(request)


def _agency_zone(request: HttpRequest) -> ZoneInfo | None:
    if request.path.startswith("/api/") or not request.user.is_authenticated:
        return None
    organization = request.organization  # type: ignore[attr-defined]
    name = getattr(organization, "timezone", "") if organization else ""
    if not name or name == "UTC":
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None
