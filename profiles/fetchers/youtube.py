"""YouTube through the official Data API v3 (google-api-python-client with an API key, YOUTUBE_API_KEY).

A channel fetch costs three requests, each one quota unit: `channels.list` by handle (or id), `playlistItems.list`
of its uploads playlist (the newest up to 50), and `videos.list` of those videos (50 ids per request). Never
`search.list` (100 units). The API gives 10,000 units a day per project, reset at midnight Pacific time; the units
are counted in the shared limiter's backend (Redis or the database) across every worker, and a fetch that would go
past them waits for the reset (RateLimited) instead of failing. The responses are read by the same parser as an
imported API file (profiles.importers.parsers.youtube_api), so a fetch and an import store the same values.
YouTube gives no follower lists: `platform_followers_fetch` says so.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings

from profiles.fetchers.errors import (
    IntegrationDisabled,
    ProfileNotFound,
    RateLimited,
    UpstreamUnavailable,
    no_follower_lists,
)
from profiles.fetchers.ratelimit import Backend, credential_fingerprint, default_backend
from profiles.importers.parsers.values import Ctx
from profiles.importers.parsers.youtube_api import parse_items
from profiles.importers.records import ParsedFile
from profiles.platforms import platform_get

PACIFIC = ZoneInfo("America/Los_Angeles")  # where YouTube's quota day starts and ends
VIDEOS_PER_REQUEST = 50
CHANNEL_PARTS = "snippet,statistics,contentDetails,brandingSettings"
VIDEO_PARTS = "snippet,statistics,contentDetails"


class Quota:
    """YouTube API units spent today (a Pacific-time day), shared by every worker through the limiter's backend."""

    def __init__(self, credential: str, *, backend: Backend | None = None, clock: Callable[[], datetime] | None = None):
        self.limit = int(getattr(settings, "YOUTUBE_QUOTA_UNITS", 10_000))
        self.backend = backend or default_backend()
        self.clock = clock or (lambda: datetime.now(UTC))
        self.prefix = f"sociallens:quota:youtube:{credential_fingerprint(credential)}"

    def _key(self) -> str:
        return f"{self.prefix}:{self.clock().astimezone(PACIFIC):%Y-%m-%d}"

    def resets_at(self) -> datetime:
        """The next midnight in Pacific time, as an aware UTC time."""
        local = self.clock().astimezone(PACIFIC)
        midnight = datetime(local.year, local.month, local.day, tzinfo=PACIFIC) + timedelta(days=1)
        return midnight.astimezone(UTC)

    def reset(self) -> None:
        """Forget today's count (after a quota increase, or in tests)."""
        self.backend.reset(self._key())

    def used(self) -> int:
        return self.backend.count(self._key(), 26 * 3600)

    def spend(self, units: int = 1) -> None:
        for _ in range(units):
            granted, _, _ = self.backend.try_acquire(self._key(), self.limit, 26 * 3600)
            if not granted:
                raise RateLimited(
                    f"YouTube's daily API quota ({self.limit:,} units) is used up; it resets at midnight Pacific time.",
                    retry_at=self.resets_at(),
                )


def client_for_settings(*, http: Any = None) -> Any:
    """The YouTube Data API client, from the discovery document shipped in google-api-python-client (no request)."""
    if not getattr(settings, "YOUTUBE_API_KEY", ""):
        raise IntegrationDisabled("YouTube fetching is off on this server: no YouTube API key is set.")
    return build_client(http)


def build_client(http: Any = None) -> Any:
    from googleapiclient.discovery import build

    key = settings.YOUTUBE_API_KEY
    return build("youtube", "v3", developerKey=key, http=http, static_discovery=True, cache_discovery=False)


def _execute(request: Any, quota: Quota, what: str) -> dict[str, Any]:
    from googleapiclient.errors import HttpError

    quota.spend(1)
    try:
        return dict(request.execute(num_retries=0))
    except HttpError as error:
        status = int(error.resp.status)
        reason = str(getattr(error, "error_details", "") or error.reason or "")
        if status == 403 and ("quotaExceeded" in reason or "quota" in str(error.content)):
            raise RateLimited("YouTube says the daily API quota is used up.", retry_at=quota.resets_at()) from error
        if status in (400, 403) and ("API key" in reason or "keyInvalid" in str(error.content)):
            raise IntegrationDisabled(f"YouTube refused the API key ({reason[:120]}).") from error
        if status == 404:
            raise ProfileNotFound(f"YouTube has no {what}.") from error
        if status >= 500 or status == 429:
            raise UpstreamUnavailable(f"YouTube answered {status} to {what}.") from error
        raise UpstreamUnavailable(f"YouTube answered {status} to {what}: {reason[:200]}") from error
    except OSError as error:  # the network (httplib2 raises socket errors)
        raise UpstreamUnavailable(f"YouTube could not be reached for {what}: {error}") from error


def fetch_profile(service: Any, handle: str, *, post_limit: int, quota: Quota) -> tuple[ParsedFile, bool]:
    """The channel and its newest `post_limit` videos, as a ParsedFile (the same records an API file import makes)."""
    spec = platform_get("youtube")
    channels = service.channels()
    if spec.is_id_handle(handle):
        request = channels.list(part=CHANNEL_PARTS, id=handle, maxResults=1)
    else:
        request = channels.list(part=CHANNEL_PARTS, forHandle=f"@{handle}", maxResults=1)
    answer = _execute(request, quota, f"channel @{handle}")
    items = answer.get("items") or []
    if not items:
        raise ProfileNotFound(f"YouTube has no channel @{handle}.")
    channel = items[0]
    parsed = ParsedFile(f"YouTube API @{handle}", source="api")
    parse_items([channel], Ctx(parsed.name, 1, "item"), parsed)
    for record in parsed.profiles:  # the answer names the channel by id when it carries no snippet: it is @handle
        if record.handle == channel["id"]:
            record.handle = handle
    uploads = ((channel.get("contentDetails") or {}).get("relatedPlaylists") or {}).get("uploads") or (
        "UU" + channel["id"][2:]  # every channel's uploads playlist: its id with UU for UC
    )
    wanted = max(0, min(post_limit, VIDEOS_PER_REQUEST))
    if wanted == 0:
        return parsed, False
    page = _execute(
        service.playlistItems().list(part="contentDetails", playlistId=uploads, maxResults=wanted),
        quota,
        f"the uploads of @{handle}",
    )
    ids = [
        (item.get("contentDetails") or {}).get("videoId")
        for item in page.get("items") or []
        if (item.get("contentDetails") or {}).get("videoId")
    ][:wanted]
    for start in range(0, len(ids), VIDEOS_PER_REQUEST):
        batch = ids[start : start + VIDEOS_PER_REQUEST]
        videos = _execute(
            service.videos().list(part=VIDEO_PARTS, id=",".join(batch), maxResults=len(batch)),
            quota,
            f"{len(batch)} videos of @{handle}",
        )
        own = [
            item for item in videos.get("items") or [] if (item.get("snippet") or {}).get("channelId") == channel["id"]
        ]
        parse_items(own, Ctx(parsed.name, start + 1, "video"), parsed)
    for post in parsed.posts:
        post.owner_handle = handle
    parsed.profiles = [record for record in parsed.profiles if record.handle == handle]
    return parsed, False


# --- the platform interface (profiles.platforms: PlatformSpec.fetchers names this module) --------------------------


def platform_profile_fetch(
    organization: object, handle: str, *, post_limit: int, platform: str = ""
) -> tuple[ParsedFile, bool]:
    service = client_for_settings()
    return fetch_profile(service, handle, post_limit=post_limit, quota=Quota(settings.YOUTUBE_API_KEY))


platform_followers_fetch = no_follower_lists(
    "YouTube gives no follower lists: a channel's audience cannot be listed or audited."
)
