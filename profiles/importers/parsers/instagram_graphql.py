"""Instagram's own JSON, in every shape a user can save it:

* web profile objects: `web_profile_info` (`{"data": {"user"}}`), `?__a=1` (`{"graphql": {"user"}}`, and the 2017
  `{"user": {"followed_by", "follows", "media": {"nodes"}}}`), the shipped dataset's lines (`username` + `posts`);
* post pages: `{"graphql": {"shortcode_media"}}`, `{"data": {"xdt_shortcode_media"}}`;
* timeline edges: `[{"node": {...}}]` or `{"edges": [...]}` (post nodes with `owner.username`);
* mobile API feeds: `{"items": [...]}` (feed, clips/reels `items[].media`), also inside a `data` wrapper.

Node names are the ones instaloader reads, so instaloader's own files (instaloader.py) share ig_profile / ig_post.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from profiles.importers.parsers.reading import file_values, require_object
from profiles.importers.parsers.values import (
    Ctx,
    as_dict,
    compact,
    to_bool,
    to_datetime,
    to_handle,
    to_handles,
    to_id,
    to_int,
    to_str,
    to_text,
    to_url,
)
from profiles.importers.records import ParsedFile, PostRecord, ProfileRecord, parse_hashtags, parse_mentions

IG_TYPES = {
    "GraphImage": "image",
    "GraphVideo": "video",
    "GraphSidecar": "carousel",
    "XDTGraphImage": "image",
    "XDTGraphVideo": "video",
    "XDTGraphSidecar": "carousel",
}
MOBILE_TYPES = {1: "image", 2: "video", 8: "carousel"}  # the mobile API's media_type
# Likes: the count Instagram shows (and instaloader's Post.likes) first. `edge_liked_by` is often a smaller figure
# (the likes the viewer may list), so it is only a fallback and is kept in `extra` beside the displayed count.
LIKE_FIELDS = ("edge_media_preview_like", "like_count", "likes", "edge_liked_by")
COMMENT_FIELDS = (
    "edge_media_to_comment",
    "edge_media_to_parent_comment",
    "edge_media_preview_comment",
    "comments",
    "comment_count",
)
VIEW_FIELDS = ("video_view_count", "view_count", "play_count", "video_play_count", "ig_play_count", "video_views")


def _ig_caption(value: Any) -> str:
    if isinstance(value, dict):
        if "edges" in value:
            edges = value.get("edges") or []
            first = edges[0] if edges and isinstance(edges[0], dict) else {}
            return to_str((first.get("node") or {}).get("text"))
        return to_str(value.get("text"))  # mobile API: {"text": ...}
    return to_text(value)  # the 2019 scrape wrote a missing caption as "None"


def _first(node: dict[str, Any], names: tuple[str, ...]) -> str | None:
    return next((name for name in names if node.get(name) is not None), None)


def _with_iphone_struct(node: dict[str, Any]) -> dict[str, Any]:
    """instaloader ≥ 4.10 saves the mobile API's view of a node as `iphone_struct`; its counts fill what the web
    node lacks (never override it)."""
    struct = node.get("iphone_struct")
    if not isinstance(struct, dict):
        return node
    return {
        **{
            key: value
            for key, value in struct.items()
            if key
            in (
                "media_count",
                "follower_count",
                "following_count",
                "like_count",
                "comment_count",
                "play_count",
                "view_count",
            )
        },
        **node,
    }


def ig_profile(user: dict[str, Any], ctx: Ctx, source_field: str = "") -> ProfileRecord:
    prefix = f"{source_field}." if source_field else ""
    user = _with_iphone_struct(user)
    handle = to_handle(user.get("username"), ctx, prefix + "username", "instagram")
    followers = _first(user, ("edge_followed_by", "followed_by", "follower_count"))
    following = _first(user, ("edge_follow", "follows", "following_count"))
    media = _first(user, ("edge_owner_to_timeline_media", "media", "media_count", "mediacount", "all_media_count"))
    category = (
        to_text(user.get("business_category_name"))
        or to_text(user.get("category_name"))
        or to_text(user.get("category"))
    )
    values = compact(
        {
            "platform_id": to_id(user.get("id") or user.get("pk"), ctx, prefix + "id", required=False) or None,
            "display_name": to_str(user.get("full_name"))[:200] if "full_name" in user else None,
            "bio": to_str(user.get("biography")) if "biography" in user else None,
            "external_url": to_url(user.get("external_url"))[:500] if "external_url" in user else None,
            "is_verified": to_bool(user.get("is_verified"), ctx, prefix + "is_verified"),
            "is_private": to_bool(user.get("is_private"), ctx, prefix + "is_private"),
            "is_business": to_bool(
                user.get("is_business_account", user.get("is_business")), ctx, prefix + "is_business_account"
            ),
            "business_category": category[:120] or None,
            "avatar_url": to_url(
                user.get("profile_pic_url_hd")
                or (user.get("hd_profile_pic_url_info") or {}).get("url")
                or user.get("profile_pic_url")
            )[:1000]
            or None,
            "followers_count": to_int(user.get(followers), ctx, prefix + followers) if followers else None,
            "following_count": to_int(user.get(following), ctx, prefix + following) if following else None,
            "posts_count": to_int(user.get(media), ctx, prefix + media) if media else None,
        }
    )
    extra = compact(
        {"highlight_reel_count": to_int(user.get("highlight_reel_count"), ctx, prefix + "highlight_reel_count")}
    )
    return ProfileRecord("instagram", handle, values, extra, where=ctx.where())


def _post_id(node: dict[str, Any], ctx: Ctx, field: str) -> str:
    if node.get("pk"):
        return to_id(node.get("pk"), ctx, f"{field}.pk")
    # The mobile API's id is "<media pk>_<owner pk>"; the web's id is the media pk alone.
    return to_id(to_str(node.get("id")).split("_")[0], ctx, f"{field}.id")


def _media_type(node: dict[str, Any], ctx: Ctx, field: str) -> str:
    typename = to_str(node.get("__typename"))
    if typename:
        if typename not in IG_TYPES:
            raise ctx.fail(f"{field}.__typename", f"unknown post type {typename!r}")
        return IG_TYPES[typename]
    if node.get("media_type") is not None:
        kind = to_int(node.get("media_type"), ctx, f"{field}.media_type")
        if kind not in MOBILE_TYPES:
            raise ctx.fail(f"{field}.media_type", f"unknown media type {kind!r} (1 image, 2 video, 8 carousel)")
        return MOBILE_TYPES[kind]
    return "video" if node.get("is_video") else "image"


def _tagged(node: dict[str, Any], ctx: Ctx, field: str) -> list[str]:
    edges = (node.get("edge_media_to_tagged_user") or {}).get("edges") or []
    names = [((edge.get("node") or {}).get("user") or {}).get("username") for edge in edges if isinstance(edge, dict)]
    usertags = (node.get("usertags") or {}).get("in") or []  # mobile API
    names += [(tag.get("user") or {}).get("username") for tag in usertags if isinstance(tag, dict)]
    return to_handles(names, ctx, f"{field}.tagged_users", "instagram")


def ig_post(node: dict[str, Any], owner: str, ctx: Ctx, field: str = "posts") -> PostRecord:
    node = _with_iphone_struct(node)
    post_id = _post_id(node, ctx, field)
    caption = _ig_caption(node.get("edge_media_to_caption", node.get("caption")))
    likes_field = _first(node, LIKE_FIELDS)
    comments_field = _first(node, COMMENT_FIELDS)
    views_field = _first(node, VIEW_FIELDS)
    timestamp = node.get("taken_at_timestamp", node.get("date", node.get("taken_at")))
    sponsors = (node.get("edge_media_to_sponsor_user") or {}).get("edges") or []
    shortcode = to_str(node.get("shortcode") or node.get("code"))
    product_type = to_str(node.get("product_type"))
    media_type = _media_type(node, ctx, field)
    values = compact(
        {
            "shortcode": shortcode,
            "url": f"https://www.instagram.com/{'reel' if product_type == 'clips' else 'p'}/{shortcode}/"
            if shortcode
            else "",
            "media_type": media_type,
            "caption": caption,
            "hashtags": parse_hashtags(caption),
            "mentions": parse_mentions(caption, "instagram"),
            "tagged_accounts": _tagged(node, ctx, field),
            "taken_at": to_datetime(timestamp, ctx, f"{field}.taken_at_timestamp"),
            "likes": to_int(node.get(likes_field), ctx, f"{field}.{likes_field}") if likes_field else None,
            "comments": to_int(node.get(comments_field), ctx, f"{field}.{comments_field}") if comments_field else None,
            "views": to_int(node.get(views_field), ctx, f"{field}.{views_field}") if views_field else None,
            "image_description": to_str(node.get("accessibility_caption")),
            "is_sponsored": bool(node.get("is_paid_partnership") or sponsors),
        }
    )
    extra = compact(
        {
            "dimensions": node.get("dimensions") if isinstance(node.get("dimensions"), dict) else None,
            "location": node.get("location") or None,
            "comments_disabled": node.get("comments_disabled"),
            "product_type": product_type or None,
        }
    )
    if likes_field != "edge_liked_by" and node.get("edge_liked_by") is not None:
        extra["liked_by_count"] = to_int(node.get("edge_liked_by"), ctx, f"{field}.edge_liked_by")
    return PostRecord("instagram", owner, post_id, values, extra, where=ctx.where())


def _user_posts(user: dict[str, Any], ctx: Ctx) -> tuple[str, list[Any]]:
    if "posts" in user:
        posts = user["posts"]
        if not isinstance(posts, list):
            raise ctx.fail("posts", "expected a list of posts")
        return "posts", posts
    for name, key in (("edge_owner_to_timeline_media", "edges"), ("media", "nodes")):
        container = user.get(name)
        if isinstance(container, dict) and isinstance(container.get(key), list):
            items = container[key]
            return f"{name}.{key}", [
                item.get("node", item) if isinstance(item, dict) and key == "edges" else item for item in items
            ]
    return "posts", []


def _add_user(user: dict[str, Any], ctx: Ctx, parsed: ParsedFile, prefix: str = "") -> None:
    record = ig_profile(user, ctx, prefix)
    parsed.add_profile(record)
    field, posts = _user_posts(user, ctx)
    field = f"{prefix}.{field}" if prefix else field
    for index, node in enumerate(posts):
        if not isinstance(node, dict):
            raise ctx.fail(f"{field}[{index}]", "expected a post object")
        parsed.add_post(ig_post(node, record.handle, ctx, field=f"{field}[{index}]"))


def _add_owned_post(node: dict[str, Any], ctx: Ctx, parsed: ParsedFile, field: str) -> None:
    """A post node that names its owner (post page, timeline edge, mobile item)."""
    if isinstance(node.get("media"), dict) and "user" not in node and "owner" not in node:
        node, field = node["media"], f"{field}.media"  # clips / reels responses: items[].media
    owner = node.get("owner") if isinstance(node.get("owner"), dict) else node.get("user")
    if not isinstance(owner, dict) or not owner.get("username"):
        raise ctx.fail(f"{field}.owner.username", "is missing: a post on its own must name its owner")
    owner_key = "owner" if isinstance(node.get("owner"), dict) else "user"
    record = ig_profile(owner, ctx, f"{field}.{owner_key}")
    parsed.add_profile(record)
    parsed.add_post(ig_post(node, record.handle, ctx, field=field))


def _unwrap(obj: dict[str, Any]) -> dict[str, Any]:
    for key in ("graphql", "data"):
        if isinstance(obj.get(key), dict):
            obj = obj[key]
    return obj


def instagram_shape(obj: Any) -> str | None:
    """Which Instagram shape a JSON value is ('user', 'post', 'items', 'edges', 'node', 'timeline'), or None."""
    if isinstance(obj, list):
        first = obj[0] if obj else None
        if (
            isinstance(first, dict)
            and isinstance(first.get("node"), dict)
            and ("shortcode" in first["node"] or "owner" in first["node"])
        ):
            return "edges"
        return None
    if not isinstance(obj, dict):
        return None
    node = obj.get("node")
    if isinstance(node, dict) and "instaloader" not in obj and ("shortcode" in node or "owner" in node):
        return "node"  # one timeline edge (an item of a JSON array of edges)
    inner = _unwrap(obj)
    if isinstance(inner.get("shortcode_media"), dict) or isinstance(inner.get("xdt_shortcode_media"), dict):
        return "post"
    if isinstance(inner.get("items"), list) and any(
        isinstance(item, dict) and ("code" in item or "media" in item or "pk" in item) for item in inner["items"][:1]
    ):
        return "items"
    if isinstance(inner.get("edges"), list):
        return "edges" if instagram_shape(inner["edges"]) else None
    user = inner.get("user") if isinstance(inner.get("user"), dict) and "username" not in inner else inner
    timeline = user.get("edge_owner_to_timeline_media") if isinstance(user, dict) else None
    if (
        isinstance(user, dict)
        and "username" not in user
        and isinstance(timeline, dict)
        and isinstance(timeline.get("edges"), list)
    ):
        return "timeline"  # a timeline page of the profile query: the user is only its posts' owner
    if (
        isinstance(user, dict)
        and "username" in user
        and any(
            key in user
            for key in (
                "edge_followed_by",
                "followed_by",
                "posts",
                "biography",
                "full_name",
                "edge_owner_to_timeline_media",
            )
        )
    ):
        return "user"
    return None


def parse_instagram_graphql(path: Path, name: str) -> ParsedFile:
    parsed = ParsedFile(name)
    for ctx, value in file_values(path, name):
        shape = instagram_shape(value)
        if shape == "edges":  # a JSON array of timeline edges is one record
            for index, edge in enumerate(value):
                node = edge.get("node") if isinstance(edge, dict) else None
                if not isinstance(node, dict):
                    raise ctx.fail(f"[{index}].node", "expected a post node")
                _add_owned_post(node, ctx, parsed, f"[{index}].node")
            continue
        obj = _unwrap(require_object(value, ctx))
        if shape == "node":
            _add_owned_post(value["node"], ctx, parsed, "node")
        elif shape == "post":
            key = "shortcode_media" if "shortcode_media" in obj else "xdt_shortcode_media"
            _add_owned_post(obj[key], ctx, parsed, key)
        elif shape == "items":
            if isinstance(obj.get("user"), dict) and obj["user"].get("username"):
                parsed.add_profile(ig_profile(obj["user"], ctx, "user"))
            for index, item in enumerate(obj["items"]):
                if not isinstance(item, dict):
                    raise ctx.fail(f"items[{index}]", "expected a media object")
                _add_owned_post(item, ctx, parsed, f"items[{index}]")
        elif shape == "timeline":
            user = as_dict(obj.get("user")) or obj
            for index, edge in enumerate(user["edge_owner_to_timeline_media"]["edges"]):
                field = f"user.edge_owner_to_timeline_media.edges[{index}].node"
                _add_owned_post((edge or {}).get("node") or {}, ctx, parsed, field)
        elif shape == "edges":
            for index, edge in enumerate(obj["edges"]):
                _add_owned_post((edge or {}).get("node") or {}, ctx, parsed, f"edges[{index}].node")
        elif shape == "user" or "username" in obj or isinstance(obj.get("user"), dict):
            if "username" not in obj and isinstance(obj.get("user"), dict):
                _add_user(obj["user"], ctx, parsed, "user" if "graphql" not in value else "")
            else:
                _add_user(obj, ctx, parsed)
        else:
            keys = ", ".join(sorted(str(key) for key in obj)[:8])
            raise ctx.fail(
                None,
                f"not an Instagram profile, post page, timeline or feed (top-level keys: {keys}); "
                "see profiles/IMPORT_FORMATS.md",
            )
    return parsed
