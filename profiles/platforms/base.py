"""What SocialLens knows about one platform, in one place (profiles.platforms has one module per platform).

A platform is data plus two small functions: how to read a handle out of a profile URL's path, and where its
fetcher lives. Apps ask the registry (`profiles.platforms.platform_get`) instead of branching on names, so adding a
platform is its module and a line in the registry."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

# Each pattern tag_pattern() built -> the source of the same pattern written look-behind first (tests compile it and
# compare their matches; nothing else needs it, so it is not compiled here).
TAG_PATTERNS: dict[re.Pattern[str], str] = {}


def tag_pattern(mark: str, not_after: str, body: str, flags: int = 0) -> re.Pattern[str]:
    """A hashtag or mention: `mark` ('#', '@') not right after a character of the class `not_after`, then `body` as
    group 1. The same matches as `(?<![not_after])mark(body)`, but written mark first: the regex engine then jumps
    from one mark to the next instead of testing the look-behind at every position of a caption (3-9x faster on the
    shipped captions; the look-behind after the mark checks the same character, the one before the mark)."""
    mark = re.escape(mark)
    pattern = re.compile(rf"{mark}(?<![{not_after}]{mark})({body})", flags)
    TAG_PATTERNS[pattern] = rf"(?<![{not_after}]){mark}({body})"
    return pattern


# What each fetcher module is, for people: the profile page says which one reads the platform on this server.
FETCHER_LABELS = {
    "profiles.fetchers.instagram": "instaloader, with the agency's Instagram session",
    "profiles.fetchers.twitter": "the X API v2 (tweepy), with this server's bearer token",
    "profiles.fetchers.youtube": "the YouTube Data API v3, within its daily quota",
    "profiles.fetchers.tiktok_research": "TikTok's Research API, with this server's research project",
    "profiles.fetchers.ytdlp": "yt-dlp on the public pages, without a key",
}


@dataclass(frozen=True)
class VideoRules:
    """What the platform takes as a video post (content review checks a video draft against it)."""

    label: str  # what creators call the format there: "Reels", "TikTok", "YouTube"
    min_seconds: float
    max_seconds: float
    max_bytes: int
    vertical: bool  # a full-screen vertical feed: a draft that is not 9:16 loses reach (a warning, not a refusal)
    # YouTube: a vertical video up to this long is a Short (shown in the Shorts feed)
    shorts_max_seconds: float | None = None


@dataclass(frozen=True)
class PlatformSpec:
    key: str  # the stored value: Profile.platform, API and import files
    label: str  # what people read
    short_label: str  # in running text: "a valid X handle"
    hosts: frozenset[str]  # the hosts of its profile URLs
    handle_re: re.Pattern[str]  # a valid handle, lower-case, without '@'
    handle_rule: str  # the same rule in words, for error messages
    mention_re: re.Pattern[str]  # an @mention inside a caption (group 1 the handle)
    profile_url_format: str  # "...{handle}..."
    post_url_format: str  # "...{handle}...{id}...{shortcode}..."
    handle_from_path: Callable[[list[str]], str | None]  # URL path segments → handle, None: not a profile page
    example_urls: tuple[str, ...]  # shown when a pasted link is not a profile page
    text_limits: dict[str, int]  # the most a person can write in each field (characters)
    # How engagement rate is measured on this platform: "followers" ((likes + comments) / followers per post) or
    # "views" ((likes + comments + shares) / views, the usual measure on video platforms).
    engagement_basis: str = "followers"
    # How this server fetches the platform, in order of preference: (the setting that switches it on, the dotted
    # path of the fetcher module with platform_profile_fetch / platform_followers_fetch). The first whose setting
    # is set is used; none set: fetching is off (import files instead).
    fetchers: tuple[tuple[str, str], ...] = ()
    has_follower_lists: bool = True  # False where the platform gives no follower list (YouTube)
    # What a post may carry (content review refuses a draft the platform would): hashtags and @mentions at most, and
    # for YouTube the title (a draft's first line) apart from the description (the rest).
    hashtags_max: int | None = None
    mentions_max: int | None = None
    title_max: int | None = None
    hashtags_max_reason: str = ""
    # An account id that stands in for a handle where a source names none (YouTube's "UC…" channel ids): kept as
    # written (ids are case-sensitive), linked by `id_url_format`; the next file or fetch with the handle renames it.
    id_handle_re: re.Pattern[str] | None = None
    id_url_format: str = ""
    video: VideoRules | None = None  # None: the platform takes no video posts SocialLens can review

    @property
    def can_fetch(self) -> bool:
        """Whether SocialLens has a fetcher for this platform at all (whether it is on is `active_fetcher`)."""
        return bool(self.fetchers)

    @property
    def fetch_settings(self) -> str:
        """The settings that switch fetching on, for staff: "YOUTUBE_API_KEY or YTDLP_FETCHING"."""
        return " or ".join(setting for setting, _ in self.fetchers)

    def active_fetcher_label(self) -> str:
        """How this server fetches the platform, in words for the profile page ("" when fetching is off)."""
        return FETCHER_LABELS.get(self.active_fetcher(), "")

    def active_fetcher(self) -> str:
        """The dotted path of the fetcher this server uses for the platform, "" when fetching is off."""
        from django.conf import settings

        return next((module for setting, module in self.fetchers if getattr(settings, setting, "")), "")

    @property
    def measures_views(self) -> bool:
        """A video platform: its posts are judged by views, its engagement rate is on views."""
        return self.engagement_basis == "views"

    def normalize(self, handle: str) -> str:
        """The stored form of a handle as written or read from a URL: lower-case without '@', ids as they are."""
        value = handle.strip()
        value = value[1:] if value.startswith("@") else value
        if self.id_handle_re is not None and self.id_handle_re.match(value):
            return value
        return value.lower()

    def is_id_handle(self, handle: str) -> bool:
        return self.id_handle_re is not None and bool(self.id_handle_re.match(handle))

    def shown_handle(self, handle: str) -> str:
        """How people read the account: "@name", but an id standing in for a handle as it is (a YouTube channel
        without a handle is "UC…", which no one writes with '@' and youtube.com/@UC… does not open)."""
        return handle if self.is_id_handle(handle) else f"@{handle}"

    def handle_problem(self, handle: str) -> str | None:
        """Why `handle` (lower-case, without '@') is not valid on this platform, or None."""
        if self.handle_re.match(handle) and handle.strip(".") == handle or self.is_id_handle(handle):
            return None
        shown = handle.encode("unicode_escape").decode("ascii")[:40]
        return f"{shown!r} is not a valid {self.short_label} handle ({self.handle_rule})"

    def profile_url(self, handle: str) -> str:
        if self.is_id_handle(handle):
            return self.id_url_format.format(id=handle)
        return self.profile_url_format.format(handle=handle)

    def post_url(self, *, handle: str, post_id: str, shortcode: str = "") -> str:
        return self.post_url_format.format(handle=handle, id=post_id, shortcode=shortcode or post_id)

    def mentions(self, text: str) -> list[str]:
        return list(self.mention_re.findall(text or ""))


def first_segment(reserved: frozenset[str]) -> Callable[[list[str]], str | None]:
    """instagram.com/<handle>/, x.com/<handle>: the first path segment, unless it is one of the site's own pages."""

    def read(segments: list[str]) -> str | None:
        if not segments or segments[0].lower() in reserved:
            return None
        return segments[0].lstrip("@")

    return read


def at_segment(segments: list[str]) -> str | None:
    """tiktok.com/@<handle>, youtube.com/@<handle>: the first path segment when it starts with '@'."""
    if segments and segments[0].startswith("@") and len(segments[0]) > 1:
        return segments[0][1:]
    return None


def at_segment_or_channel(segments: list[str]) -> str | None:
    """youtube.com/@<handle>, or youtube.com/channel/<UC… id>."""
    if len(segments) >= 2 and segments[0].lower() == "channel":
        return segments[1]
    return at_segment(segments)
