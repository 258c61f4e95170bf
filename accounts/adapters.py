from __future__ import annotations

import logging
from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.http import HttpRequest
from django.urls import reverse

from accounts.selectors import PENDING_INVITATION_SESSION_KEY

logger = logging.getLogger(__name__)


def _pending_invitation_url(request: HttpRequest) -> str | None:
    token = request.session.get(PENDING_INVITATION_SESSION_KEY) if hasattr(request, "session") else None
    return reverse("invitation_accept", args=[token]) if token else None


class AccountAdapter(DefaultAccountAdapter):
    """Whoever opened an invitation link before signing up or in lands back on that invitation."""

    def get_login_redirect_url(self, request: HttpRequest) -> str:
        return _pending_invitation_url(request) or super().get_login_redirect_url(request)

    def get_signup_redirect_url(self, request: HttpRequest) -> str:
        return _pending_invitation_url(request) or super().get_signup_redirect_url(request)


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def list_apps(self, request: HttpRequest, provider: Any = None, client_id: Any = None) -> list[Any]:
        """allauth asks once per provider (five queries for the login page's buttons): read every app of the site
        once per request and filter here, as allauth's own filter does (provider or provider_id, client_id)."""
        if request is None:
            return super().list_apps(request, provider=provider, client_id=client_id)
        apps = getattr(request, "_sociallens_social_apps", None)
        if apps is None:
            apps = super().list_apps(request)
            request._sociallens_social_apps = apps  # type: ignore[attr-defined]
        return [
            app
            for app in apps
            if (provider is None or provider in (app.provider, app.provider_id))
            and (client_id is None or app.client_id == client_id)
        ]

    def populate_user(self, request: HttpRequest, sociallogin: Any, data: dict[str, Any]) -> Any:
        user = super().populate_user(request, sociallogin, data)
        name = data.get("name") or " ".join(filter(None, [data.get("first_name"), data.get("last_name")]))
        if name and not user.full_name:
            user.full_name = name[:150]
        return user

    def on_authentication_error(
        self, request: HttpRequest, provider: Any, error: Any = None, exception: Any = None, extra_context: Any = None
    ) -> None:
        # The page shows a plain message; the log keeps what the provider actually said.
        logger.warning("Social login with %s failed: %s (%r)", getattr(provider, "id", provider), error, exception)
        super().on_authentication_error(
            request, provider, error=error, exception=exception, extra_context=extra_context
        )
