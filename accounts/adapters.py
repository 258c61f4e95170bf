from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse

from accounts.selectors import PENDING_INVITATION_SESSION_KEY

logger = logging.getLogger(__name__)


def _pending_invitation_url(request: HttpRequest) -> str | None:
    token = request.session.get(PENDING_INVITATION_SESSION_KEY) if hasattr(request, "session") else None
    return reverse("invitation_accept", args=[token]) if token else None


@dataclass(frozen=True)
class PublicSite:
    """The site as its e-mails name it: SITE_URL, whatever the Site row or the request's Host say."""

    domain: str
    name: str


def public_site() -> PublicSite:
    return PublicSite(domain=urlsplit(settings.SITE_URL).netloc, name="SocialLens")


def public_url(url: str) -> str:
    """An absolute link to this site, moved onto SITE_URL (the path, query and fragment kept)."""
    parts = urlsplit(url)
    base = urlsplit(settings.SITE_URL)
    return urlunsplit((base.scheme, base.netloc, parts.path, parts.query, parts.fragment))


class AccountAdapter(DefaultAccountAdapter):
    """Whoever opened an invitation link before signing up or in lands back on that invitation; every e-mail names
    and links the site by SITE_URL, like the invitation and review e-mails the apps send."""

    URL_KEYS = ("activate_url", "password_reset_url", "signup_url", "login_url", "code_url")

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        context = {**context, "current_site": public_site()}
        for key in self.URL_KEYS:
            if isinstance(context.get(key), str) and context[key].startswith(("http://", "https://")):
                context[key] = public_url(context[key])
        super().send_mail(template_prefix, email, context)

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
