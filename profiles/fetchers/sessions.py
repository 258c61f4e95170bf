"""The agency's Instagram session (instaloader cookie dict), Fernet-encrypted at rest with INSTAGRAM_SESSION_KEY."""

from __future__ import annotations

import json
import secrets
from urllib.parse import unquote

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.utils import timezone

from accounts.models import Organization
from config.errors import ApplicationError
from profiles.fetchers.errors import IntegrationDisabled, LoginRequired
from profiles.models import InstagramSession


def _fernet() -> Fernet:
    key = settings.INSTAGRAM_SESSION_KEY
    if not key:
        raise IntegrationDisabled("Instagram fetching is off: INSTAGRAM_SESSION_KEY is not set on the server.")
    try:
        return Fernet(key.encode() if isinstance(key, str) else key)
    except ValueError as exc:
        raise IntegrationDisabled(
            "INSTAGRAM_SESSION_KEY is not a valid Fernet key "
            "(generate one with cryptography.fernet.Fernet.generate_key())."
        ) from exc


def session_store(*, organization: Organization, username: str, cookies: dict[str, str]) -> InstagramSession:
    """Encrypt and store (or replace) the agency's session cookies."""
    username = username.strip().lstrip("@").lower()
    if not username:
        raise ApplicationError("Enter the Instagram username the session belongs to.", field="username")
    if not cookies.get("sessionid"):
        raise ApplicationError("The sessionid cookie is required.", field="sessionid")
    cookies = dict(cookies)
    cookies.setdefault("csrftoken", secrets.token_urlsafe(24))
    if not cookies.get("ds_user_id"):
        # The sessionid cookie starts with the account's user id ("1234567%3A...").
        user_id = unquote(cookies["sessionid"]).split(":", 1)[0]
        if user_id.isdigit():
            cookies["ds_user_id"] = user_id
    token = _fernet().encrypt(json.dumps(cookies).encode()).decode()
    session, _ = InstagramSession.objects.update_or_create(
        organization=organization, defaults={"username": username, "encrypted_cookies": token, "last_error": ""}
    )
    return session


def session_load(*, organization: Organization) -> tuple[str, dict[str, str]] | None:
    """(username, cookies) of the agency's session, or None when it has none."""
    session = InstagramSession.objects.filter(organization=organization).first()
    if session is None:
        return None
    try:
        cookies = json.loads(_fernet().decrypt(session.encrypted_cookies.encode()))
    except InvalidToken as exc:
        raise LoginRequired(
            "The stored Instagram session cannot be decrypted (INSTAGRAM_SESSION_KEY changed); add the session again."
        ) from exc
    return session.username, cookies


def session_save_refreshed(*, organization: Organization, cookies: dict[str, str]) -> None:
    """Instagram rotates cookies; keep the newest so the session stays valid."""
    token = _fernet().encrypt(json.dumps(cookies).encode()).decode()
    InstagramSession.objects.filter(organization=organization).update(
        encrypted_cookies=token, last_used_at=timezone.now(), last_error=""
    )


def session_mark_failed(*, organization: Organization, reason: str) -> None:
    InstagramSession.objects.filter(organization=organization).update(last_error=reason[:1000])
