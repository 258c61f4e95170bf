"""TikTok and YouTube without a key, through yt-dlp (YTDLP_FETCHING; the TikTok Research API and the YouTube Data
API come first where their keys are set).

yt-dlp's extractors follow the platforms' page changes: when one breaks (TikTok's does from time to time), the job
fails with a reason that says so and what to do (update yt-dlp, or import a file) instead of storing less.

- TikTok: the profile page, for the account (followers, following, likes and videos, exact counts, and whether it
  is private), then yt-dlp's user listing (`tiktok:user`, flat): each video comes with its views, likes, comments,
  shares, saves, duration and time, so no request per video; an entry the listing gave without counts is read from
  its own page.
- YouTube: the channel's Videos tab, flat (the subscribers, rounded by YouTube, and each video's views and
  duration), then each video's page (likes, comments, the publish time): one extraction per video, so
  PROFILES_RECENT_POSTS bounds the cost. A video that cannot be read (private, removed) keeps what the tab gave.

Every HTTP request yt-dlp makes takes a slot of the shared limiter (`PROFILES_RATE_LIMITS[platform]`, key
"yt-dlp": this server's address is what the platforms count) first. What yt-dlp returns is read by the same parsers
as imported files (the yt-dlp parser for videos and listings, the TikTok web parser for the profile page's account),
so a fetch and an import store the same values.
"""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime, timedelta
from typing import Any

import yt_dlp
from yt_dlp.networking.exceptions import HTTPError, TransportError
from yt_dlp.utils import DownloadError, ExtractorError
from yt_dlp.version import __version__ as YT_DLP_VERSION

from profiles.fetchers.errors import (
    FetchError,
    PrivateProfile,
    ProfileNotFound,
    RateLimited,
    UpstreamUnavailable,
    no_follower_lists,
)
from profiles.fetchers.ratelimit import SharedRateLimiter, limiter_for
from profiles.importers.parsers.tiktok_web import parse_user_info
from profiles.importers.parsers.values import Ctx
from profiles.importers.parsers.yt_dlp import parse_info
from profiles.importers.records import ParsedFile
from profiles.platforms import platform_get

log = logging.getLogger(__name__)

CREDENTIAL = "yt-dlp"  # the shared limiter's key: requests from this server's address, whoever asks
# TikTok's statusCode on a profile page: the account does not exist or was banned; it is private.
TIKTOK_NO_ACCOUNT = {10202, 10221}
TIKTOK_PRIVATE = 10222
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


class _Logger:
    """yt-dlp's messages to the log (its warnings are about formats and impersonation, which a metadata fetch does
    not use); errors reach the caller as exceptions."""

    def debug(self, message: str) -> None:
        log.debug("yt-dlp: %s", message)

    info = debug

    def warning(self, message: str) -> None:
        log.debug("yt-dlp warning: %s", message)

    def error(self, message: str) -> None:
        log.info("yt-dlp error: %s", message)


class LimitedYoutubeDL(yt_dlp.YoutubeDL):
    """yt-dlp with the shared limiter taken before every HTTP request it makes; counts them (`requests`)."""

    def __init__(self, params: dict[str, Any], *, limiter: SharedRateLimiter, auto_init: bool = True) -> None:
        self.limiter = limiter
        self.requests = 0
        super().__init__(params, auto_init=auto_init)

    def urlopen(self, req: Any) -> Any:
        with self.limiter.slot():
            self.requests += 1
            return super().urlopen(req)


def ydl_params(post_limit: int) -> dict[str, Any]:
    return {
        "quiet": True,
        "no_warnings": True,
        "logger": _Logger(),
        "skip_download": True,
        "extract_flat": "in_playlist",  # a listing's entries as the listing gives them; videos read on purpose
        "playlistend": max(1, post_limit),
        "socket_timeout": 20,
        "extractor_retries": 1,
        "ignore_no_formats_error": True,  # metadata only: a video whose formats cannot be resolved is still read
        "check_formats": False,
    }


def new_ydl(platform: str, *, post_limit: int) -> LimitedYoutubeDL:
    return LimitedYoutubeDL(ydl_params(post_limit), limiter=limiter_for(platform=platform, credential=CREDENTIAL))


def _causes(error: BaseException) -> list[BaseException]:
    """The error and what it wraps (DownloadError → ExtractorError → the network error)."""
    chain: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in chain:
        chain.append(current)
        wrapped = getattr(current, "exc_info", None)
        inner = wrapped[1] if isinstance(wrapped, tuple) and len(wrapped) > 1 else None
        current = inner or getattr(current, "cause", None) or current.__cause__
        if not isinstance(current, BaseException):
            current = None
    return chain


def _message(error: BaseException) -> str:
    """yt-dlp's message without its colour codes, "ERROR:" and the extractor's advice to command-line users (the
    sentences after the first)."""
    text = _ANSI.sub("", str(error)).strip()
    text = re.sub(r"^ERROR:\s*", "", text)
    return re.split(r"(?<=[\w)])\. (?=[A-Z])", text, maxsplit=1)[0].rstrip(".")[:300]


def _broken(label: str, what: str, text: str) -> FetchError:
    return FetchError(
        f"yt-dlp {YT_DLP_VERSION} could not read {label}'s answer for {what}: {text}. {label} changes its pages "
        "from time to time and yt-dlp follows within days: ask your administrator to update yt-dlp, or import a "
        "file instead (yt-dlp --dump-single-json of the profile, or the creator's own data export) on the "
        "profiles page."
    )


def translated(error: BaseException, *, label: str, what: str) -> FetchError:
    """A yt-dlp error as the fetch error the job understands, with a reason a person can act on."""
    for cause in _causes(error):
        if isinstance(cause, FetchError):
            return cause  # our limiter, raised inside a request
        if isinstance(cause, HTTPError):
            status = cause.status
            if status == 404:
                return ProfileNotFound(f"{label} has no {what} (404).")
            if status == 429:
                until = datetime.now(UTC) + timedelta(minutes=15)
                return RateLimited(f"{label} asked this server to slow down (429).", retry_at=until)
            if status >= 500:
                return UpstreamUnavailable(f"{label} answered {status} to {what}.")
        if isinstance(cause, TransportError):
            return UpstreamUnavailable(f"{label} could not be reached for {what}: {_message(cause)}")
    text = _message(error)
    lowered = text.lower()
    if "private" in lowered or "log into an account" in lowered or "login" in lowered and "required" in lowered:
        return PrivateProfile(f"{what} is private on {label}: only its followers see it ({text}).")
    return _broken(label, what, text)


def _extract(ydl: LimitedYoutubeDL, url: str, *, label: str, what: str, process: bool = True) -> dict[str, Any]:
    try:
        info = ydl.extract_info(url, download=False, process=process)
    except (DownloadError, ExtractorError) as error:
        raise translated(error, label=label, what=what) from error
    if not isinstance(info, dict):
        raise FetchError(f"yt-dlp {YT_DLP_VERSION} returned nothing for {what} on {label}.")
    return dict(ydl.sanitize_info(info))


def _entries(info: dict[str, Any], limit: int) -> list[dict[str, Any]]:
    return [entry for entry in info.get("entries") or [] if isinstance(entry, dict)][:limit]


# --- TikTok --------------------------------------------------------------------------------------------------------


def _tiktok_page_account(ydl: LimitedYoutubeDL, handle: str, parsed: ParsedFile) -> dict[str, Any]:
    """The account from its profile page's own data, through yt-dlp's TikTok extractor (its headers, cookies and
    impersonation); returns the page's `userInfo`. A page without it (a verification page, a new layout) stops the
    fetch: yt-dlp's listing starts from the same page."""
    spec = platform_get("tiktok")
    url = spec.profile_url(handle)
    extractor = ydl.get_info_extractor("TikTokUser")
    try:
        webpage = extractor._download_webpage(
            url,
            handle,
            note=False,
            impersonate=True,
            headers=extractor._generate_blockbuster_headers(),
        )
    except (DownloadError, ExtractorError) as error:
        raise translated(error, label="TikTok", what=f"@{handle}") from error
    detail = extractor._get_universal_data(webpage, handle).get("webapp.user-detail") or {}
    status = detail.get("statusCode")
    info = detail.get("userInfo") if isinstance(detail.get("userInfo"), dict) else {}
    if not info or not isinstance(info.get("user"), dict):
        if status in TIKTOK_NO_ACCOUNT:
            raise ProfileNotFound(f"TikTok has no account @{handle} (removed or banned; TikTok status {status}).")
        if status == TIKTOK_PRIVATE:
            raise PrivateProfile(f"@{handle} is private on TikTok: only its followers see its videos.")
        found = f" (TikTok status {status})" if status is not None else ""
        raise _broken("TikTok", f"@{handle}", f"the profile page carried no account data{found}")
    parse_user_info(info, Ctx(parsed.name, 1, "profile page"), parsed)
    return info


def fetch_tiktok(ydl: LimitedYoutubeDL, handle: str, *, post_limit: int) -> tuple[ParsedFile, bool]:
    spec = platform_get("tiktok")
    parsed = ParsedFile(f"TikTok @{handle} (yt-dlp {YT_DLP_VERSION})", source="api")
    info = _tiktok_page_account(ydl, handle, parsed)
    user = info.get("user") or {}
    if user.get("privateAccount") is True:
        return parsed, True
    stats = {**(info.get("stats") or {}), **(info.get("statsV2") or {})}
    if str(stats.get("videoCount", "")) == "0" or post_limit < 1:
        return parsed, False
    listing = _extract(ydl, spec.profile_url(handle), label="TikTok", what=f"the videos of @{handle}")
    entries = _entries(listing, post_limit)
    for index, entry in enumerate(entries):
        if entry.get("view_count") is None and entry.get("url"):
            entries[index] = _extract(ydl, entry["url"], label="TikTok", what=f"video {entry.get('id')}", process=False)
    listing["entries"] = entries
    parse_info(listing, Ctx(parsed.name, 1, "listing"), parsed)
    _keep_own(parsed, "tiktok", handle)
    return parsed, False


# --- YouTube -------------------------------------------------------------------------------------------------------


def fetch_youtube(ydl: LimitedYoutubeDL, handle: str, *, post_limit: int) -> tuple[ParsedFile, bool]:
    spec = platform_get("youtube")
    parsed = ParsedFile(f"YouTube @{handle} (yt-dlp {YT_DLP_VERSION})", source="api")
    tab = _extract(ydl, spec.profile_url(handle) + "/videos", label="YouTube", what=f"channel @{handle}")
    channel_id = tab.get("channel_id")
    entries = _entries(tab, post_limit)
    for index, entry in enumerate(entries):
        url = entry.get("url") or entry.get("webpage_url")
        if not url:
            continue
        try:
            video = _extract(ydl, url, label="YouTube", what=f"video {entry.get('id')}", process=False)
        except (RateLimited, UpstreamUnavailable):
            raise  # the platform or the network: the job waits and retries
        except FetchError as error:  # this video only (private, removed, unreadable)
            log.info("YouTube video %s kept as the tab listed it: %s", entry.get("id"), error)
            continue
        if channel_id and video.get("channel_id") not in (None, channel_id):
            continue  # a video of another channel in the tab (a collaboration): not this channel's post
        entries[index] = video
    tab["entries"] = entries
    parse_info(tab, Ctx(parsed.name, 1, "channel"), parsed)
    own = handle if not spec.is_id_handle(handle) else channel_id or handle
    _keep_own(parsed, "youtube", own)
    return parsed, False


def _keep_own(parsed: ParsedFile, platform: str, handle: str) -> None:
    """Only the fetched account's own posts (a listing can carry others' videos: duets, collaborations)."""
    parsed.posts = [post for post in parsed.posts if (post.platform, post.owner_handle) == (platform, handle)]


# --- the platform interface (profiles.platforms: PlatformSpec.fetchers names this module) --------------------------


def platform_profile_fetch(
    organization: object, handle: str, *, post_limit: int, platform: str = "tiktok"
) -> tuple[ParsedFile, bool]:
    with new_ydl(platform, post_limit=post_limit) as ydl:
        if platform == "tiktok":
            return fetch_tiktok(ydl, handle, post_limit=post_limit)
        return fetch_youtube(ydl, handle, post_limit=post_limit)


platform_followers_fetch = no_follower_lists(
    "TikTok and YouTube give no follower lists to yt-dlp: audiences cannot be listed."
)
