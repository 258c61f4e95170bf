"""TikTok: short video; engagement on views. Fetched through the Research API or yt-dlp; files of yt-dlp, TikTokApi,
the Research API and TikTok's own data export are imported."""

import re

from profiles.platforms.base import PlatformSpec, VideoRules, at_segment, tag_pattern

PLATFORM = PlatformSpec(
    key="tiktok",
    label="TikTok",
    short_label="TikTok",
    hosts=frozenset({"tiktok.com", "www.tiktok.com", "m.tiktok.com"}),
    # TikTok usernames: letters, digits, '_' and '.', up to 24 characters, not ending in '.'. Letters are Latin for
    # new accounts, but older ones carry other scripts (the Research API returns Arabic usernames): \w, not a-z.
    handle_re=re.compile(r"^[\w.]{2,24}$"),
    handle_rule="2-24 letters, digits, '.' or '_'",
    mention_re=tag_pattern("@", r"\w.@", r"[A-Za-z0-9._]{2,24}"),
    profile_url_format="https://www.tiktok.com/@{handle}",
    post_url_format="https://www.tiktok.com/@{handle}/video/{id}",
    handle_from_path=at_segment,
    example_urls=("https://www.tiktok.com/@khaby.lame",),
    # Nickname 30, bio 80, caption 4,000 (TikTok's own limits since 2023).
    text_limits={"display_name": 30, "bio": 80, "business_category": 120, "caption": 4000, "image_description": 2000},
    engagement_basis="views",
    # TikTok's Research API for customers who have access (client credentials), else yt-dlp on the public pages.
    fetchers=(
        ("TIKTOK_RESEARCH_CLIENT_KEY", "profiles.fetchers.tiktok_research"),
        ("YTDLP_FETCHING", "profiles.fetchers.ytdlp"),
    ),
    has_follower_lists=False,
    # TikTok: uploads of 3 s to 60 minutes (since 2024; 10 minutes when filmed in the app), 9:16 full screen.
    video=VideoRules("TikTok", min_seconds=3, max_seconds=3600, max_bytes=10 * 1024**3, vertical=True),
)
