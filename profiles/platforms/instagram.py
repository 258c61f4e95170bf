"""Instagram: instaloader for fetching (profiles/fetchers/instagram.py), engagement on followers."""

import re

from profiles.platforms.base import PlatformSpec, VideoRules, first_segment, tag_pattern

# First path segments that are Instagram's own pages, not accounts.
RESERVED = frozenset(
    {"p", "reel", "reels", "explore", "stories", "accounts", "tv", "direct", "home", "search", "login", "signup"}
)

PLATFORM = PlatformSpec(
    key="instagram",
    label="Instagram",
    short_label="Instagram",
    hosts=frozenset({"instagram.com", "www.instagram.com", "m.instagram.com", "instagr.am"}),
    handle_re=re.compile(r"^[a-z0-9._]{1,30}$"),
    handle_rule="1-30 letters, digits, '.' or '_'",
    mention_re=tag_pattern("@", r"\w.@", r"[A-Za-z0-9._]{1,30}"),
    profile_url_format="https://www.instagram.com/{handle}/",
    post_url_format="https://www.instagram.com/p/{shortcode}/",
    handle_from_path=first_segment(RESERVED),
    example_urls=("https://www.instagram.com/natgeo/",),
    # Its help centre: name 30, bio 150, caption 2,200.
    text_limits={"display_name": 30, "bio": 150, "business_category": 120, "caption": 2200, "image_description": 2000},
    fetchers=(("INSTAGRAM_SESSION_KEY", "profiles.fetchers.instagram"),),
    hashtags_max=30,
    mentions_max=20,
    # Reels: 3 s to 3 minutes (Instagram, January 2025), 9:16 full screen.
    video=VideoRules("Reels", min_seconds=3, max_seconds=180, max_bytes=4 * 1024**3, vertical=True),
)
