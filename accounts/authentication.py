from __future__ import annotations

from typing import Any

from django.utils import timezone
from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication, get_authorization_header

from accounts.models import PersonalToken, hash_token


class PersonalTokenAuthentication(TokenAuthentication):
    """`Authorization: Bearer sl_…` (or `Token sl_…`). Tokens are stored hashed and can be revoked."""

    keyword = "Bearer"
    model = PersonalToken

    def authenticate(self, request: Any) -> tuple[Any, PersonalToken] | None:
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() not in (b"bearer", b"token"):
            return None  # not ours: let session authentication try
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed("Invalid Authorization header: expected `Bearer <token>`.")
        try:
            key = parts[1].decode()
        except UnicodeError as exc:
            raise exceptions.AuthenticationFailed("Invalid characters in the API token.") from exc
        return self.authenticate_credentials(key)

    def authenticate_credentials(self, key: str) -> tuple[Any, PersonalToken]:
        token = (
            PersonalToken.objects.select_related("user")
            .filter(key_hash=hash_token(key), revoked_at__isnull=True)
            .first()
        )
        if token is None:
            raise exceptions.AuthenticationFailed("Invalid or revoked API token.")
        if not token.user.is_active:
            raise exceptions.AuthenticationFailed("User inactive or deleted.")
        PersonalToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
        return token.user, token
