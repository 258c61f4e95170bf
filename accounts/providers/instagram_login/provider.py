from __future__ import annotations

from typing import Any

from allauth.socialaccount.providers.base import ProviderAccount
from allauth.socialaccount.providers.oauth2.provider import OAuth2Provider

from accounts.providers.instagram_login.views import InstagramLoginOAuth2Adapter


class InstagramLoginAccount(ProviderAccount):
    def get_profile_url(self) -> str | None:
        username = self.account.extra_data.get("username")
        return f"https://www.instagram.com/{username}/" if username else None

    def get_avatar_url(self) -> str | None:
        return self.account.extra_data.get("profile_picture_url")

    def to_str(self) -> str:
        return self.account.extra_data.get("username") or super().to_str()


class InstagramLoginProvider(OAuth2Provider):
    id = "instagram_login"
    name = "Instagram"
    account_class = InstagramLoginAccount
    oauth2_adapter_class = InstagramLoginOAuth2Adapter

    def get_default_scope(self) -> list[str]:
        return ["instagram_business_basic"]

    def extract_uid(self, data: dict[str, Any]) -> str:
        # user_id is the app-scoped Instagram professional account id; `id` is the same for /me.
        return str(data.get("user_id") or data["id"])

    def extract_common_fields(self, data: dict[str, Any]) -> dict[str, Any]:
        # Instagram never returns an email address: sign-up asks for one.
        return {"username": data.get("username"), "name": data.get("name")}

    def extract_extra_data(self, data: dict[str, Any]) -> dict[str, Any]:
        return data


provider_classes = [InstagramLoginProvider]
