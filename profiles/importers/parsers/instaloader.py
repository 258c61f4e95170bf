"""instaloader's own metadata files: {"node": {...}, "instaloader": {"node_type": ...}} (.json or .json.xz)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from profiles.importers.parsers.instagram_graphql import ig_post, ig_profile
from profiles.importers.parsers.reading import file_values, require_object
from profiles.importers.parsers.values import Ctx, as_dict, to_str
from profiles.importers.records import ParsedFile, PendingOwner, UnknownFormat

# What instaloader also saves but SocialLens has no place for: refused with a message, never stored as nothing.
UNSUPPORTED_NODES = {
    "StoryItem": "a story item (stories expire and carry no likes or comments)",
    "Hashtag": "a hashtag page",
    "Highlight": "a story highlight",
}


def parse_instaloader(path: Path, name: str) -> ParsedFile:
    """instaloader's own metadata files: {"node": {...}, "instaloader": {"node_type": "Profile" | "Post"}}."""
    parsed = ParsedFile(name)
    for ctx, value in file_values(path, name):
        obj = require_object(value, ctx)
        node = obj.get("node")
        meta = as_dict(obj.get("instaloader"))
        node_type = to_str(meta.get("node_type"))
        if not isinstance(node, dict):
            raise ctx.fail("node", "missing: this is not an instaloader metadata file")
        if node_type == "Profile":
            parsed.add_profile(ig_profile(node, ctx, "node"))
        elif node_type == "Post":
            owner = as_dict(node.get("owner"))
            if owner.get("username"):
                owner_record = ig_profile(owner, ctx, "node.owner")
                parsed.add_profile(owner_record)
                parsed.add_post(ig_post(node, owner_record.handle, ctx, field="node"))
            elif owner.get("id"):
                # Older instaloader versions saved the timeline's owner as {"id"} only; the profile's own file
                # (<username>_<id>.json.xz, in the same download folder) names it.
                _await_owner(parsed, node, to_str(owner["id"]), ctx)
            else:
                raise ctx.fail("node.owner.username", "is missing (instaloader writes it for posts of a profile)")
        elif node_type in UNSUPPORTED_NODES:
            raise UnknownFormat(
                file=ctx.file,
                line=ctx.line,
                unit=ctx.unit,
                field="instaloader.node_type",
                message=f"this file is {UNSUPPORTED_NODES[node_type]}, which SocialLens does not "
                "import; import the profile's posts and profile files",
            )
        else:
            raise ctx.fail("instaloader.node_type", f"unsupported node type {node_type!r} (Profile or Post)")
    return parsed


def _await_owner(parsed: ParsedFile, node: dict[str, Any], owner_id: str, ctx: Ctx) -> None:
    def complete(owner: str, _handles: dict[str, str]) -> None:
        parsed.add_post(ig_post(node, owner, ctx, field="node"))

    parsed.pending.append(
        PendingOwner(
            "instagram",
            owner_id,
            complete,
            ctx.file,
            ctx.line,
            ctx.unit,
            "node.owner.username",
            f"is missing and no file of the import is the profile with account id {owner_id}: import the post files "
            "together with the profile's own <username>_<id>.json(.xz) file (import the download folder)",
        )
    )
