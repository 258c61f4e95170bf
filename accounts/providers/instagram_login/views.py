from __future__ import annotations

from typing import Any

from allauth.socialaccount.adapter import get_adapter
from allauth.socialaccount.providers.oauth2.client import OAuth2Client, OAuth2Error
from allauth.socialaccount.providers.oauth2.views import OAuth2Adapter, OAuth2CallbackView, OAuth2LoginView
from django.http import HttpRequest

GRAPH_VERSION = "v23.0"
PROFILE_FIELDS = "user_id,username,name,account_type,profile_picture_url,followers_count,follows_count,media_count"


def _instagram_error_message(response: Any) -> str:
    try:
        payload = response.json()
    except ValueError:
        return response.text[:200]
    if isinstance(payload.get("error"), dict):
        return str(payload["error"].get("message", payload["error"]))
    return str(payload.get("error_message") or payload.get("error") or payload)[:200]


class InstagramLoginOAuth2Client(OAuth2Client):
    """The token endpoint answers either flat JSON or, as Meta documents it, `{"data": [{...}]}`: accept both."""

    def get_access_token(
        self, code: str, pkce_code_verifier: str | None = None, extra_data: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        data = {
            "client_id": self.consumer_key,
            "client_secret": self.consumer_secret,
            "grant_type": "authorization_code",
            "redirect_uri": self.callback_url,
            "code": code,
        }
        with get_adapter().get_requests_session() as session:
            response = session.post(self.access_token_url, data=data)
        if response.status_code != 200:
            raise OAuth2Error(f"Instagram refused the code exchange: {_instagram_error_message(response)}")
        try:
            payload = response.json()
        except ValueError as exc:
            raise OAuth2Error("Instagram answered the code exchange with something other than JSON.") from exc
        if isinstance(payload.get("data"), list) and payload["data"]:
            payload = payload["data"][0]
        if "access_token" not in payload:
            raise OAuth2Error("Instagram's answer to the code exchange holds no access token.")
        return payload


class InstagramLoginOAuth2Adapter(OAuth2Adapter):
    provider_id = "instagram_login"
    authorize_url = "https://www.instagram.com/oauth/authorize"
    access_token_url = "https://api.instagram.com/oauth/access_token"  # nosec: a URL, not a secret
    profile_url = f"https://graph.instagram.com/{GRAPH_VERSION}/me"
    client_class = InstagramLoginOAuth2Client

    def complete_login(self, request: HttpRequest, app: Any, token: Any, **kwargs: Any) -> Any:
        with get_adapter().get_requests_session() as session:
            response = session.get(self.profile_url, params={"access_token": token.token, "fields": PROFILE_FIELDS})
            if response.status_code != 200:
                raise OAuth2Error(f"Instagram refused the profile request: {_instagram_error_message(response)}")
            extra_data = response.json()
        return self.get_provider().sociallogin_from_response(request, extra_data)


oauth2_login = OAuth2LoginView.adapter_view(InstagramLoginOAuth2Adapter)
oauth2_callback = OAuth2CallbackView.adapter_view(InstagramLoginOAuth2Adapter)
