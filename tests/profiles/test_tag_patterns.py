"""Hashtag and mention patterns are written mark first (profiles.platforms.base.tag_pattern) for speed: they must find
exactly what the look-behind-first patterns they replace found, at the same places, on real captions and on the
characters around a mark that decide it."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest

import predictions.campaigns.brief  # noqa: F401 - registers the brief's patterns
import profiles.importers.records  # noqa: F401 - registers the hashtag pattern
from profiles.platforms import PLATFORMS
from profiles.platforms.base import TAG_PATTERNS

DATASETS = Path(__file__).resolve().parents[2] / "ml" / "datasets"
EDGES = [
    "#a", "a#b", "&#x", "##tag", "@#x", "x #y", "#", "é#x", "_#x", "#tag#tag2", " #ü", "\n#x", "&#35;", "#日本",
    "@a@b", ".@x", "a.@b", "@@x", "@x.y", "@", "@@", "x@y", "-@y", "#@x", "@x_", "mail@host.com", "(@x)", "@é",
]  # fmt: skip


def _captions() -> list[str]:
    captions = list(EDGES)
    with (DATASETS / "ig-influencer-posts-2019" / "profiles_slim.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                captions += [post.get("edge_media_to_caption") or "" for post in json.loads(line).get("posts", [])]
    with gzip.open(DATASETS / "ig-influencer-categories-kim2020" / "posts.jsonl.gz", "rt", encoding="utf-8") as lines:
        for index, line in enumerate(lines):
            if index == 5000:
                break
            captions.append(json.loads(line).get("caption") or "")
    return captions


CAPTIONS = _captions()


def test_every_platform_and_the_hashtags_use_a_mark_first_pattern():
    assert all(platform.mention_re in TAG_PATTERNS for platform in PLATFORMS.values())
    assert len(TAG_PATTERNS) >= len(PLATFORMS) + 3  # each platform's mentions, the hashtags, the brief's two


@pytest.mark.parametrize("pattern", list(TAG_PATTERNS), ids=lambda pattern: pattern.pattern)
def test_a_mark_first_pattern_finds_what_the_look_behind_first_pattern_found(pattern):
    plain = re.compile(TAG_PATTERNS[pattern], pattern.flags)
    found = 0
    for caption in CAPTIONS:
        ours = [(match.span(), match.group(1)) for match in pattern.finditer(caption)]
        assert ours == [(match.span(), match.group(1)) for match in plain.finditer(caption)], caption
        found += len(ours)
    assert found > 100  # the captions really hold such marks
