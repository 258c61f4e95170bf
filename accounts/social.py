"""Which social sign-in providers are usable, and what is missing for the others (shown on the login page)."""

from __future__ import annotations

from dataclasses import dataclass

from allauth.socialaccount.adapter import get_adapter
from django.http import HttpRequest

# provider id -> (label, environment variable prefix used by config.settings.base._social_app)
SOCIAL_PROVIDERS: dict[str, tuple[str, str]] = {
    "google": ("Google", "GOOGLE"),
    "facebook": ("Facebook", "FACEBOOK"),
    "twitter_oauth2": ("X", "X"),
    "instagram_login": ("Instagram", "INSTAGRAM"),
}


@dataclass(frozen=True)
class ProviderStatus:
    id: str
    name: str
    configured: bool
    missing: str


def social_provider_statuses(*, request: HttpRequest) -> list[ProviderStatus]:
    adapter = get_adapter(request)
    statuses = []
    for provider_id, (name, prefix) in SOCIAL_PROVIDERS.items():
        configured = bool(adapter.list_apps(request, provider=provider_id))
        missing = (
            ""
            if configured
            else (f"set {prefix}_CLIENT_ID and {prefix}_CLIENT_SECRET, or add a {name} social application in the admin")
        )
        statuses.append(ProviderStatus(id=provider_id, name=name, configured=configured, missing=missing))
    return statuses
