"""X (Twitter): tweepy for fetching (profiles/fetchers/twitter.py), engagement on followers."""

import re

from profiles.platforms.base import PlatformSpec, VideoRules, first_segment, tag_pattern

RESERVED = frozenset(
    {"i", "home", "explore", "search", "settings", "intent", "share", "hashtag", "messages", "notifications", "login"}
)

PLATFORM = PlatformSpec(
    key="x",
    label="X (Twitter)",
    short_label="X",
    hosts=frozenset({"x.com", "www.x.com", "twitter.com", "www.twitter.com", "mobile.twitter.com", "mobile.x.com"}),
    handle_re=re.compile(r"^[a-z0-9_]{1,15}$"),
    handle_rule="1-15 letters, digits or '_'",
    mention_re=tag_pattern("@", r"\w@", r"\w{1,15}", re.ASCII),
    profile_url_format="https://x.com/{handle}",
    post_url_format="https://x.com/{handle}/status/{id}",
    handle_from_path=first_segment(RESERVED),
    example_urls=("https://x.com/nasa",),
    # Name 50, bio 160, a Premium long post 25,000.
    text_limits={"display_name": 50, "bio": 160, "business_category": 120, "caption": 25000, "image_description": 2000},
    fetchers=(("X_BEARER_TOKEN", "profiles.fetchers.twitter"),),
    # X: up to 2 minutes 20 seconds and 512 MB without Premium.
    video=VideoRules("X", min_seconds=0.5, max_seconds=140, max_bytes=512 * 1024**2, vertical=False),
)
