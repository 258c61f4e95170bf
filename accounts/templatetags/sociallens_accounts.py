from __future__ import annotations

from typing import Any

from django import template

from accounts.social import ProviderStatus, social_provider_statuses

register = template.Library()


@register.simple_tag(takes_context=True)
def unconfigured_social_providers(context: dict[str, Any]) -> list[ProviderStatus]:
    request = context.get("request")
    if request is None:
        return []
    return [status for status in social_provider_statuses(request=request) if not status.configured]
