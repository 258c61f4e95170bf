"""YouTube: channels by @handle (or their UC… id where a source names no handle), videos and Shorts; engagement
on views. Fetched through the YouTube Data API v3 (profiles/fetchers/youtube.py), or imported from yt-dlp and API
files."""

import re

from profiles.platforms.base import PlatformSpec, VideoRules, at_segment_or_channel, tag_pattern

PLATFORM = PlatformSpec(
    key="youtube",
    label="YouTube",
    short_label="YouTube",
    hosts=frozenset({"youtube.com", "www.youtube.com", "m.youtube.com"}),
    # YouTube handles: 3-30 letters, digits, '_', '-' or '.'.
    handle_re=re.compile(r"^[a-z0-9._-]{3,30}$"),
    handle_rule="3-30 letters, digits, '.', '_' or '-'",
    mention_re=tag_pattern("@", r"\w.@", r"[A-Za-z0-9._-]{3,30}"),
    profile_url_format="https://www.youtube.com/@{handle}",
    post_url_format="https://www.youtube.com/watch?v={id}",
    handle_from_path=at_segment_or_channel,
    example_urls=("https://www.youtube.com/@mkbhd",),
    # Channel name 100, description 1,000; a video's title 100 and description 5,000 (stored as one caption).
    text_limits={
        "display_name": 100,
        "bio": 1000,
        "business_category": 120,
        "caption": 5102,
        "image_description": 2000,
    },
    engagement_basis="views",
    # The Data API with a key; else yt-dlp (no key, no quota: the channel's pages, one request per video).
    fetchers=(("YOUTUBE_API_KEY", "profiles.fetchers.youtube"), ("YTDLP_FETCHING", "profiles.fetchers.ytdlp")),
    has_follower_lists=False,
    title_max=100,
    hashtags_max=60,
    hashtags_max_reason="YouTube ignores every hashtag of a video that has more than 60",
    id_handle_re=re.compile(r"^UC[A-Za-z0-9_-]{22}$"),
    id_url_format="https://www.youtube.com/channel/{id}",
    # Any length up to 12 hours; a vertical video up to 3 minutes is a Short (October 2024).
    video=VideoRules(
        "YouTube", min_seconds=1, max_seconds=12 * 3600, max_bytes=256 * 1024**3, vertical=False, shorts_max_seconds=180
    ),
)
