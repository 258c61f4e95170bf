"""Instagram web GraphQL nodes (web_profile_info, the shipped dataset, the node names instaloader uses)."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from profiles.importers.parsers.reading import json_values, read_text, require_object
from profiles.importers.parsers.values import (
    Ctx,
    compact,
    to_bool,
    to_datetime,
    to_handle,
    to_id,
    to_int,
    to_str,
    to_url,
)
from profiles.importers.records import (
    ParsedFile,
    PostRecord,
    ProfileRecord,
    normalize_handle,
    parse_hashtags,
    parse_mentions,
)

IG_TYPES = {"GraphImage": "image", "GraphVideo": "video", "GraphSidecar": "carousel",
            "XDTGraphImage": "image", "XDTGraphVideo": "video", "XDTGraphSidecar": "carousel"}


def _ig_caption(value: Any) -> str:
    if isinstance(value, dict):
        edges = value.get("edges") or []
        return to_str(edges[0].get("node", {}).get("text")) if edges else ""
    text = to_str(value)
    return "" if text == "None" else text  # the 2019 scrape wrote a missing caption as "None"


def _ig_unwrap_user(obj: dict[str, Any]) -> dict[str, Any]:
    if isinstance(obj.get("graphql"), dict):
        obj = obj["graphql"]
    if isinstance(obj.get("data"), dict):
        obj = obj["data"]
    if isinstance(obj.get("user"), dict) and "username" not in obj:
        obj = obj["user"]
    return obj


def ig_profile(user: dict[str, Any], ctx: Ctx, source_field: str = "") -> ProfileRecord:
    prefix = f"{source_field}." if source_field else ""
    handle = to_handle(user.get("username"), ctx, prefix + "username")
    values = compact({
        "platform_id": to_id(user.get("id") or user.get("pk"), ctx, prefix + "id", required=False) or None,
        "display_name": to_str(user.get("full_name"))[:200] if "full_name" in user else None,
        "bio": to_str(user.get("biography")) if "biography" in user else None,
        "external_url": to_url(user.get("external_url"))[:500] if "external_url" in user else None,
        "is_verified": to_bool(user.get("is_verified"), ctx, prefix + "is_verified"),
        "is_private": to_bool(user.get("is_private"), ctx, prefix + "is_private"),
        "is_business": to_bool(user.get("is_business_account", user.get("is_business")), ctx,
                             prefix + "is_business_account"),
        "business_category": to_str(user.get("business_category_name") or user.get("category"))[:120] or None,
        "avatar_url": to_url(user.get("profile_pic_url_hd") or (user.get("hd_profile_pic_url_info") or {}).get("url")
                           or user.get("profile_pic_url"))[:1000] or None,
        "followers_count": to_int(user.get("edge_followed_by", user.get("follower_count")), ctx,
                                prefix + "edge_followed_by"),
        "following_count": to_int(user.get("edge_follow", user.get("following_count")), ctx, prefix + "edge_follow"),
        "posts_count": to_int(user.get("edge_owner_to_timeline_media",
                                     user.get("media_count", user.get("all_media_count"))), ctx,
                            prefix + "edge_owner_to_timeline_media"),
    })
    extra = compact({"highlight_reel_count": user.get("highlight_reel_count")})
    return ProfileRecord("instagram", handle, values, extra, where=ctx.where())


def ig_post(node: dict[str, Any], owner: str, ctx: Ctx, field: str = "posts") -> PostRecord:
    post_id = to_id(node.get("id") or node.get("pk"), ctx, f"{field}.id")
    caption = _ig_caption(node.get("edge_media_to_caption", node.get("caption")))
    typename = to_str(node.get("__typename"))
    if typename and typename not in IG_TYPES:
        raise ctx.fail(f"{field}.__typename", f"unknown post type {typename!r}")
    media_type = IG_TYPES.get(typename) or ("video" if node.get("is_video") else "image")
    tagged_edges = (node.get("edge_media_to_tagged_user") or {}).get("edges") or []
    tagged = [normalize_handle(to_str(edge.get("node", {}).get("user", {}).get("username"))) for edge in tagged_edges]
    likes_field = next((name for name in ("edge_liked_by", "edge_media_preview_like", "like_count") if name in node),
                       "edge_liked_by")
    comments_field = next((name for name in ("edge_media_to_comment", "edge_media_to_parent_comment",
                                             "edge_media_preview_comment", "comments", "comment_count")
                           if name in node), "edge_media_to_comment")
    timestamp = node.get("taken_at_timestamp", node.get("date", node.get("taken_at")))
    sponsors = (node.get("edge_media_to_sponsor_user") or {}).get("edges") or []
    shortcode = to_str(node.get("shortcode") or node.get("code"))
    values = compact({
        "shortcode": shortcode,
        "url": f"https://www.instagram.com/p/{shortcode}/" if shortcode else "",
        "media_type": media_type,
        "caption": caption,
        "hashtags": parse_hashtags(caption),
        "mentions": parse_mentions(caption, "instagram"),
        "tagged_accounts": [handle for handle in tagged if handle],
        "taken_at": to_datetime(timestamp, ctx, f"{field}.taken_at_timestamp"),
        "likes": to_int(node.get(likes_field), ctx, f"{field}.{likes_field}"),
        "comments": to_int(node.get(comments_field), ctx, f"{field}.{comments_field}"),
        "views": to_int(node.get("video_view_count", node.get("view_count")), ctx, f"{field}.video_view_count"),
        "image_description": to_str(node.get("accessibility_caption")),
        "is_sponsored": bool(node.get("is_paid_partnership") or sponsors),
    })
    extra = compact({"dimensions": node.get("dimensions"), "location": node.get("location") or None,
                      "comments_disabled": node.get("comments_disabled")})
    return PostRecord("instagram", owner, post_id, values, extra, where=ctx.where())


def parse_instagram_graphql(path: Path, name: str) -> ParsedFile:
    parsed = ParsedFile(name)
    for ctx, value in json_values(read_text(path, name), name):
        user = _ig_unwrap_user(require_object(value, ctx))
        record = ig_profile(user, ctx)
        parsed.add_profile(record)
        posts = user.get("posts")
        if posts is None:
            posts = [edge.get("node", {}) for edge in
                     ((user.get("edge_owner_to_timeline_media") or {}).get("edges") or [])
                     if isinstance(user.get("edge_owner_to_timeline_media"), dict)]
        if not isinstance(posts, list):
            raise ctx.fail("posts", "expected a list of posts")
        for index, node in enumerate(posts):
            if not isinstance(node, dict):
                raise ctx.fail(f"posts[{index}]", "expected a post object")
            parsed.add_post(ig_post(node, record.handle, ctx, field=f"posts[{index}]"))
    return parsed
