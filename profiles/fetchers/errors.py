"""Errors the fetchers raise. All are ApplicationErrors with a message the UI can show as is."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from config.errors import ApplicationError


class FetchError(ApplicationError):
    """A platform fetch failed in a way retrying will not fix (the job is marked FAILED with this message)."""

    code = "fetch_failed"


class RateLimited(FetchError):
    """The platform (or our shared limiter) says wait. Transient: the task retries at `retry_at`."""

    status_code = 429
    code = "rate_limited"

    def __init__(self, message: str, *, retry_at: datetime) -> None:
        super().__init__(message)
        self.retry_at = retry_at


class UpstreamUnavailable(FetchError):
    """A network error or 5xx from the platform. Transient: retried with backoff a bounded number of times."""

    status_code = 502
    code = "upstream_unavailable"


class LoginRequired(FetchError):
    code = "login_required"


class ProfileNotFound(FetchError):
    status_code = 404
    code = "profile_not_found"


class PrivateProfile(FetchError):
    code = "private_profile"


class IntegrationDisabled(FetchError):
    code = "integration_disabled"


def no_follower_lists(message: str) -> Callable[..., None]:
    """The `platform_followers_fetch` of a fetcher whose platform gives no follower lists: it says so."""

    def platform_followers_fetch(organization: object, **kwargs: Any) -> None:
        raise IntegrationDisabled(message)

    return platform_followers_fetch
