from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from accounts.selectors import user_memberships


def organization(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    membership = getattr(request, "membership", None)
    return {
        "active_membership": membership if membership else None,
        "active_organization": membership.organization if membership else None,
        "all_memberships": user_memberships(user=user),
    }
