"""TikTok: short video; engagement on views. Read from yt-dlp files today (profiles/importers/parsers/yt_dlp.py)."""

import re

from profiles.platforms.base import PlatformSpec, at_segment

PLATFORM = PlatformSpec(
    key="tiktok",
    label="TikTok",
    short_label="TikTok",
    hosts=frozenset({"tiktok.com", "www.tiktok.com", "m.tiktok.com"}),
    # TikTok usernames: letters, digits, '_' and '.', up to 24 characters, not ending in '.'.
    handle_re=re.compile(r"^[a-z0-9._]{2,24}$"),
    handle_rule="2-24 letters, digits, '.' or '_'",
    mention_re=re.compile(r"(?<![\w.@])@([A-Za-z0-9._]{2,24})"),
    profile_url_format="https://www.tiktok.com/@{handle}",
    post_url_format="https://www.tiktok.com/@{handle}/video/{id}",
    handle_from_path=at_segment,
    example_urls=("https://www.tiktok.com/@khaby.lame",),
    # Nickname 30, bio 80, caption 4,000 (TikTok's own limits since 2023).
    text_limits={"display_name": 30, "bio": 80, "business_category": 120, "caption": 4000, "image_description": 2000},
    engagement_basis="views",
    has_follower_lists=False,
)
