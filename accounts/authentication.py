from __future__ import annotations

from typing import Any

from django.utils import timezone
from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication

from accounts.models import PersonalToken, hash_token


class PersonalTokenAuthentication(TokenAuthentication):
    """`Authorization: Bearer sl_…` (or `Token sl_…`). Tokens are stored hashed and can be revoked."""

    keyword = "Bearer"
    model = PersonalToken

    def authenticate(self, request: Any) -> tuple[Any, PersonalToken] | None:
        header = request.META.get("HTTP_AUTHORIZATION", "")
        if header.startswith("Token "):
            request.META["HTTP_AUTHORIZATION"] = "Bearer " + header[len("Token "):]
        return super().authenticate(request)

    def authenticate_credentials(self, key: str) -> tuple[Any, PersonalToken]:
        token = (PersonalToken.objects.select_related("user")
                 .filter(key_hash=hash_token(key), revoked_at__isnull=True).first())
        if token is None:
            raise exceptions.AuthenticationFailed("Invalid or revoked API token.")
        if not token.user.is_active:
            raise exceptions.AuthenticationFailed("User inactive or deleted.")
        PersonalToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
        return token.user, token
