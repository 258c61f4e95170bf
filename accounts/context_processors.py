from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from accounts.roles import Capability
from accounts.selectors import user_memberships


def organization(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    membership = getattr(request, "membership", None)
    return {
        # What the active role may do, by capability ({% if can.manage_data %}): the same role matrix
        # (accounts.roles) the selectors and services check, so a page offers only links and forms that work.
        "can": {capability: bool(membership and membership.can(capability)) for capability in Capability.values},
        "active_membership": membership if membership else None,
        "active_organization": membership.organization if membership else None,
        "all_memberships": user_memberships(user=user),
    }
