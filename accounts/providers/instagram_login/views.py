from __future__ import annotations

from typing import Any

from allauth.socialaccount.adapter import get_adapter
from allauth.socialaccount.providers.oauth2.client import OAuth2Error
from allauth.socialaccount.providers.oauth2.views import OAuth2Adapter, OAuth2CallbackView, OAuth2LoginView
from django.http import HttpRequest

GRAPH_VERSION = "v23.0"
PROFILE_FIELDS = "user_id,username,name,account_type,profile_picture_url,followers_count,follows_count,media_count"


class InstagramLoginOAuth2Adapter(OAuth2Adapter):
    provider_id = "instagram_login"
    authorize_url = "https://www.instagram.com/oauth/authorize"
    access_token_url = "https://api.instagram.com/oauth/access_token"  # nosec: a URL, not a secret
    profile_url = f"https://graph.instagram.com/{GRAPH_VERSION}/me"

    def complete_login(self, request: HttpRequest, app: Any, token: Any, **kwargs: Any) -> Any:
        with get_adapter().get_requests_session() as session:
            response = session.get(self.profile_url, params={"access_token": token.token, "fields": PROFILE_FIELDS})
            if response.status_code != 200:
                try:
                    message = response.json()["error"]["message"]
                except (ValueError, KeyError, TypeError):
                    message = response.text[:200]
                raise OAuth2Error(f"Instagram refused the profile request: {message}")
            extra_data = response.json()
        return self.get_provider().sociallogin_from_response(request, extra_data)


oauth2_login = OAuth2LoginView.adapter_view(InstagramLoginOAuth2Adapter)
oauth2_callback = OAuth2CallbackView.adapter_view(InstagramLoginOAuth2Adapter)
