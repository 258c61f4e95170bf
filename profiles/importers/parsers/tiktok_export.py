"""TikTok's own "Download your data" export in JSON (`user_data_tiktok.json`, older `user_data.json`).

What a creator hands over without any scraping. Read: the account (`Profile` → `Profile Info` → `ProfileMap`:
`userName`, `bioDescription`, `likesReceived`, `profilePhoto`; older exports `Profile Information`) and the creator's
own videos (`Post` → `Posts` → `VideoList`, older `Video` → `Videos` → `VideoList`: `Date` "YYYY-MM-DD HH:MM:SS" in
UTC, `Link` whose last number is the video id, `Likes` as a string). Nothing else is read: the export also holds
the person's e-mail, phone, birth date, messages and watch history, which SocialLens never stores. Values "None",
"N/A" and null mean "not given". The export carries no view counts; import TikTokApi or yt-dlp files for those.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from profiles.importers.parsers.reading import file_values, require_object
from profiles.importers.parsers.values import Ctx, as_dict, compact, to_handle, to_int, to_str, to_url
from profiles.importers.records import ParsedFile, PostRecord, ProfileRecord, parse_hashtags, parse_mentions
from profiles.platforms import platform_get

VIDEO_ID_RE = re.compile(r"/(\d{8,25})/?(?:[?#]|$)")
NOT_GIVEN = ("None", "N/A", "")


def is_tiktok_export(obj: dict[str, Any]) -> bool:
    return isinstance(obj.get("Profile"), dict) and any(
        key in obj for key in ("Post", "Video", "Your Activity", "Activity")
    )


def _given(value: Any) -> Any:
    return None if value is None or (isinstance(value, str) and value.strip() in NOT_GIVEN) else value


def parse_tiktok_export(path: Path, name: str) -> ParsedFile:
    parsed = ParsedFile(name)
    for ctx, value in file_values(path, name):
        obj = require_object(value, ctx)
        profile = as_dict(obj.get("Profile"))
        info = as_dict(as_dict(profile.get("Profile Info") or profile.get("Profile Information")).get("ProfileMap"))
        if not info:
            raise ctx.fail("Profile.Profile Info.ProfileMap", "is missing: this is not a TikTok data export")
        handle = to_handle(_given(info.get("userName")), ctx, "Profile.Profile Info.ProfileMap.userName", "tiktok")
        extra = compact({"total_likes": to_int(_given(info.get("likesReceived")), ctx, "ProfileMap.likesReceived")})
        values = compact(
            {
                "bio": to_str(_given(info.get("bioDescription"))) or None,
                "avatar_url": to_url(_given(info.get("profilePhoto")))[:1000] or None,
            }
        )
        parsed.add_profile(ProfileRecord("tiktok", handle, values, extra, where=ctx.where()))
        posts = as_dict(obj.get("Post")).get("Posts") or as_dict(obj.get("Video")).get("Videos")
        for index, video in enumerate(as_dict(posts).get("VideoList") or []):
            _video(
                require_object(video, Ctx(ctx.file, index + 1, "video")),
                Ctx(ctx.file, index + 1, "video"),
                handle,
                parsed,
            )
    return parsed


def _video(video: dict[str, Any], ctx: Ctx, handle: str, parsed: ParsedFile) -> None:
    link = to_str(_given(video.get("Link") or video.get("link")))
    match = VIDEO_ID_RE.search(link)
    if match is None:
        raise ctx.fail("Link", f"does not end in a TikTok video id: {link[:80]!r}")
    when = to_str(_given(video.get("Date") or video.get("date")))
    try:
        taken_at = datetime.strptime(when, "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC) if when else None
    except ValueError:
        raise ctx.fail("Date", f"is not a date (YYYY-MM-DD HH:MM:SS): {when[:40]!r}") from None
    caption = to_str(_given(video.get("Title") or video.get("Description")))
    values = compact(
        {
            "url": platform_get("tiktok").post_url(handle=handle, post_id=match.group(1)),
            "media_type": "video",
            "caption": caption,
            "hashtags": parse_hashtags(caption),
            "mentions": parse_mentions(caption, "tiktok"),
            "taken_at": taken_at,
            "likes": to_int(_given(video.get("Likes")), ctx, "Likes"),
        }
    )
    parsed.add_post(PostRecord("tiktok", handle, match.group(1), values, where=ctx.where()))
