"""TikTok through its Research API, for customers whose research project TikTok approved (client credentials:
TIKTOK_RESEARCH_CLIENT_KEY and TIKTOK_RESEARCH_CLIENT_SECRET). Preferred to yt-dlp where set.

- Token: `POST /v2/oauth/token/` (grant_type client_credentials); valid two hours, kept in the cache until five
  minutes before it ends, and asked anew once when TikTok says it is no longer valid.
- The account: `POST /v2/research/user/info/` {"username"}.
- Its videos: `POST /v2/research/video/query/` for `username EQ handle`. TikTok searches at most 30 days per query,
  so the newest window is asked first and older windows after it (TIKTOK_RESEARCH_WINDOWS of them) until
  PROFILES_RECENT_POSTS videos are found; a window's pages follow its `cursor` and `search_id`.
Every request takes a slot of the shared limiter ("tiktok-research": TikTok's 1,000 requests a day per project by
default); TikTok saying the day's limit is reached pauses the job until midnight UTC. The answers are read by the
same parser as an imported Research API file (profiles.importers.parsers.tiktok_research), ids above 2^53 exact.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

import requests
from django.conf import settings
from django.core.cache import cache

from profiles.fetchers.errors import (
    FetchError,
    IntegrationDisabled,
    PrivateProfile,
    ProfileNotFound,
    RateLimited,
    UpstreamUnavailable,
    no_follower_lists,
)
from profiles.fetchers.ratelimit import SharedRateLimiter, credential_fingerprint, limiter_for
from profiles.importers.parsers.tiktok_research import parse_body
from profiles.importers.parsers.values import Ctx
from profiles.importers.records import ImportFormatError, ParsedFile, resolve_pending_owners

API = "https://open.tiktokapis.com/v2"
USER_FIELDS = (
    "display_name,bio_description,avatar_url,is_verified,follower_count,following_count,likes_count,video_count"
)
VIDEO_FIELDS = (
    "id,create_time,username,region_code,video_description,music_id,like_count,comment_count,share_count,"
    "view_count,favorites_count,hashtag_names,video_duration"
)
WINDOW_DAYS = 30  # the longest span one video/query may cover
MAX_COUNT = 100  # the most videos one page may hold
TIMEOUT = 30


class ResearchClient:
    """The Research API over one requests session, under the shared limiter."""

    def __init__(
        self,
        client_key: str,
        client_secret: str,
        *,
        session: requests.Session | None = None,
        limiter: SharedRateLimiter | None = None,
        today: Callable[[], date] | None = None,
    ) -> None:
        self.client_key, self.client_secret = client_key, client_secret
        self.session = session or requests.Session()
        self.limiter = limiter or limiter_for(platform="tiktok-research", credential=client_key)
        self.today = today or (lambda: datetime.now(UTC).date())
        self.token_key = f"sociallens:tiktok-research-token:{credential_fingerprint(client_key)}"
        self.requests = 0

    def _post(self, url: str, **kwargs: Any) -> requests.Response:
        with self.limiter.slot():
            self.requests += 1
            try:
                return self.session.post(url, timeout=TIMEOUT, **kwargs)
            except requests.RequestException as error:
                raise UpstreamUnavailable(f"TikTok's Research API could not be reached: {error}") from error

    def token(self, *, fresh: bool = False) -> str:
        if not fresh:
            cached = cache.get(self.token_key)
            if cached:
                return str(cached)
        response = self._post(
            f"{API}/oauth/token/",
            data={
                "client_key": self.client_key,
                "client_secret": self.client_secret,
                "grant_type": "client_credentials",
            },
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
        body = _json(response, "the token request")
        token = body.get("access_token")
        if response.status_code >= 400 or not token:
            reason = body.get("error_description") or body.get("error") or response.status_code
            raise IntegrationDisabled(f"TikTok refused the Research API client key ({reason}).")
        cache.set(self.token_key, token, max(60, int(body.get("expires_in") or 7200) - 300))
        return str(token)

    def call(self, endpoint: str, fields: str, payload: dict[str, Any], what: str) -> dict[str, Any]:
        """One Research API call; its answer ({"data", "error"}) when TikTok says "ok"."""
        for attempt in (0, 1):
            response = self._post(
                f"{API}/research/{endpoint}/",
                params={"fields": fields},
                data=json.dumps(payload),
                headers={
                    "Authorization": f"Bearer {self.token(fresh=attempt == 1)}",
                    "Content-Type": "application/json",
                },
            )
            body = _json(response, what)
            error = body.get("error") if isinstance(body.get("error"), dict) else {}
            code, message = str(error.get("code") or ""), str(error.get("message") or "")
            if code in ("", "ok") and response.status_code < 400:
                return body
            if code == "access_token_invalid" and attempt == 0:
                cache.delete(self.token_key)
                continue
            raise self._error(response.status_code, code, message, what)
        raise FetchError(f"TikTok's Research API kept refusing a fresh token for {what}.")

    def _error(self, status: int, code: str, message: str, what: str) -> FetchError:
        said = f"{code}: {message}" if message else code or str(status)
        if status == 429 or code == "rate_limit_exceeded":
            tomorrow = datetime.combine(self.today() + timedelta(days=1), datetime.min.time(), tzinfo=UTC)
            self.limiter.block_until(tomorrow)
            return RateLimited(f"TikTok's Research API daily limit is reached ({said}).", retry_at=tomorrow)
        if status >= 500 or code == "internal_error":
            return UpstreamUnavailable(f"TikTok's Research API answered {status} to {what} ({said}).")
        lowered = message.lower()
        if "private" in lowered:
            return PrivateProfile(f"{what} is private: the Research API does not give it ({said}).")
        if status == 404 or "not exist" in lowered or "not found" in lowered:
            return ProfileNotFound(f"TikTok has no {what} ({said}).")
        if code in ("access_token_invalid", "scope_not_authorized", "scope_permission_missed") or status in (401, 403):
            return IntegrationDisabled(f"TikTok refused this project's Research API access for {what} ({said}).")
        return FetchError(f"TikTok's Research API refused {what} ({said}).")


def _json(response: requests.Response, what: str) -> dict[str, Any]:
    try:
        body = response.json()  # Python's json keeps 19-digit ids as exact integers
    except ValueError as error:
        if response.status_code >= 500:
            raise UpstreamUnavailable(f"TikTok's Research API answered {response.status_code} to {what}.") from error
        raise FetchError(f"TikTok's Research API answered {what} with something that is not JSON.") from error
    if not isinstance(body, dict):
        raise FetchError(f"TikTok's Research API answered {what} with a JSON {type(body).__name__}, not an object.")
    return body


def _read(body: dict[str, Any], parsed: ParsedFile, where: str) -> None:
    try:
        parse_body(body, Ctx(parsed.name, 1, where), parsed)
    except ImportFormatError as error:
        raise FetchError(f"TikTok's Research API answer could not be read: {error}") from error


def fetch_profile(client: ResearchClient, handle: str, *, post_limit: int) -> tuple[ParsedFile, bool]:
    parsed = ParsedFile(f"TikTok Research API @{handle}", source="api")
    _read(client.call("user/info", USER_FIELDS, {"username": handle}, f"account @{handle}"), parsed, "user/info")
    resolve_pending_owners([parsed], ("tiktok", handle))  # user/info does not name its account: it is @handle
    end = client.today()
    windows = int(getattr(settings, "TIKTOK_RESEARCH_WINDOWS", 6))

    def found() -> int:  # the account's own videos so far (an answer could carry others': duets, stitches)
        return len({post.platform_id for post in parsed.posts if post.owner_handle == handle})

    for _ in range(windows):
        if found() >= post_limit:
            break
        start = end - timedelta(days=WINDOW_DAYS - 1)
        payload: dict[str, Any] = {
            "query": {"and": [{"operation": "EQ", "field_name": "username", "field_values": [handle]}]},
            "start_date": f"{start:%Y%m%d}",
            "end_date": f"{end:%Y%m%d}",
            "max_count": MAX_COUNT,
        }
        while found() < post_limit:
            body = client.call("video/query", VIDEO_FIELDS, payload, f"the videos of @{handle}")
            _read(body, parsed, f"video/query {start:%Y-%m-%d}..{end:%Y-%m-%d}")
            data = body.get("data") or {}
            if not data.get("has_more") or data.get("cursor") in (None, payload.get("cursor")):
                break  # the window is done (or TikTok sent the same page again: never loop on it)
            payload = {**payload, "cursor": data.get("cursor"), "search_id": data.get("search_id")}
        end = start - timedelta(days=1)
    own = list({post.platform_id: post for post in parsed.posts if post.owner_handle == handle}.values())
    own.sort(key=lambda post: post.values.get("taken_at") or datetime.min.replace(tzinfo=UTC), reverse=True)
    parsed.posts = own[:post_limit]
    parsed.profiles = [record for record in parsed.profiles if record.handle == handle]
    return parsed, False


# --- the platform interface (profiles.platforms: PlatformSpec.fetchers names this module) --------------------------


def client_for_settings() -> ResearchClient:
    key, secret = settings.TIKTOK_RESEARCH_CLIENT_KEY, settings.TIKTOK_RESEARCH_CLIENT_SECRET
    if not (key and secret):
        raise IntegrationDisabled("TikTok Research API fetching is off: its client key and secret are not both set.")
    return ResearchClient(key, secret)


def platform_profile_fetch(
    organization: object, handle: str, *, post_limit: int, platform: str = "tiktok"
) -> tuple[ParsedFile, bool]:
    return fetch_profile(client_for_settings(), handle, post_limit=post_limit)


platform_followers_fetch = no_follower_lists(
    "TikTok gives no follower lists: an account's audience cannot be listed or audited."
)
