"""The brief check run on every version: required hashtags and mentions, and an ad disclosure that meets the
campaign's jurisdiction (ml.engine.disclosure)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from config.errors import ApplicationError
from ml.services import DEFAULT_JURISDICTION, check_disclosure
from profiles.platforms import platform_get
from profiles.platforms.base import tag_pattern

HASHTAG_RE = tag_pattern("#", r"\w&", r"\w+", re.UNICODE)
MENTION_RE = tag_pattern("@", r"\w", r"[A-Za-z0-9_.]+")

# What the platforms accept. A hashtag is letters, digits and underscores (any script), not digits only (neither
# Instagram nor X links "#2026"); a handle follows Instagram's rules (1-30 of A-Z 0-9 . _, no leading/trailing or
# double dot), which also admit every X handle (1-15 of A-Z 0-9 _).
VALID_HASHTAG_RE = re.compile(r"^(?!\d+$)\w{1,100}$", re.UNICODE)
VALID_HANDLE_RE = re.compile(r"^(?!\.)(?!.*\.\.)(?!.*\.$)[A-Za-z0-9._]{1,30}$")
HASHTAG_RULE = "letters, digits and underscores, not digits only"
MENTION_RULE = "1-30 letters, digits, dots and underscores"
# The same rules for one item of an API list (the document carries them as patterns): the prefix optional.
API_HASHTAG_PATTERN = r"^#?(?!\d+$)\w{1,100}$"
API_MENTION_PATTERN = r"^@?(?!\.)(?!.*\.\.)(?!.*\.$)[A-Za-z0-9._]{1,30}$"
X_POST_MAX_WEIGHT = 280
X_URL_WEIGHT = 23
# twitter-text v3 configuration: code points in these ranges weigh 1, all others (CJK, emoji…) weigh 2.
X_LIGHT_RANGES = ((0, 4351), (8192, 8205), (8208, 8223), (8242, 8247))
URL_RE = re.compile(r"https?://\S+|\bwww\.\S+", re.IGNORECASE)


def normalise_tags(values: Iterable[str] | str, *, prefix: str) -> list[str]:
    """'#Summer, #Beach x' → ['summer', 'beach', 'x'] (lower-case, without the prefix, no duplicates).

    Raises ApplicationError for a tag the platforms would not accept ('#<b>tag</b>', '#2026', '@a..b')."""
    if isinstance(values, str):
        values = re.split(r"[\s,;]+", values)
    pattern, kind, field = (
        (VALID_HASHTAG_RE, "hashtag", "required_hashtags")
        if prefix == "#"
        else (VALID_HANDLE_RE, "mention", "required_mentions")
    )
    seen: list[str] = []
    invalid: list[str] = []
    for value in values:
        raw = value.strip().lstrip(prefix).strip()
        if not raw:
            continue
        if not pattern.match(raw):  # the rule holds for what was written; lower-casing may change the letters
            invalid.append(value.strip())
        elif raw.lower() not in seen:
            seen.append(raw.lower())
    if invalid:
        rule = HASHTAG_RULE if kind == "hashtag" else MENTION_RULE
        raise ApplicationError(f"Not a valid {kind}: {', '.join(invalid)} (use {rule}).", field=field)
    return seen


def x_weighted_length(text: str) -> int:
    """The length X counts against its 280 limit (twitter-text v3): each link counts 23, CJK and emoji 2."""
    weight = 0
    for url in URL_RE.findall(text):
        weight += X_URL_WEIGHT
        text = text.replace(url, "", 1)
    for char in text:
        code = ord(char)
        weight += 1 if any(low <= code <= high for low, high in X_LIGHT_RANGES) else 2
    return weight


def caption_problems(*, caption: str, platform: str) -> list[str]:
    """Why the platform would refuse this caption (empty when it would take it)."""
    problems = []
    hashtags, mentions = caption_hashtags(caption), caption_mentions(caption)
    if platform == "x":
        weight = x_weighted_length(caption)
        if weight > X_POST_MAX_WEIGHT:
            problems.append(
                f"A post on X takes at most {X_POST_MAX_WEIGHT} characters (links count 23, emoji "
                f"and CJK characters 2); this one counts {weight}."
            )
        return problems
    spec = platform_get(platform)
    if spec.title_max is not None:  # YouTube: the first line is the title, the rest the description
        title, _, description = caption.partition("\n")
        if len(title) > spec.title_max:
            problems.append(
                f"A {spec.short_label} title (the first line) takes at most {spec.title_max:,} characters; this one "
                f"has {len(title):,}."
            )
        if len(description.strip()) > spec.text_limits["caption"] - spec.title_max - 2:
            limit = spec.text_limits["caption"] - spec.title_max - 2
            problems.append(
                f"A {spec.short_label} description takes at most {limit:,} characters; this one has "
                f"{len(description.strip()):,}."
            )
    elif len(caption) > spec.text_limits["caption"]:
        problems.append(
            f"A {spec.short_label} caption takes at most {spec.text_limits['caption']:,} characters; this one has "
            f"{len(caption):,}."
        )
    if spec.hashtags_max is not None and len(hashtags) > spec.hashtags_max:
        why = f" ({spec.hashtags_max_reason})" if spec.hashtags_max_reason else ""
        problems.append(
            f"{spec.short_label} allows at most {spec.hashtags_max} hashtags{why}; this caption has {len(hashtags)}."
        )
    if spec.mentions_max is not None and len(mentions) > spec.mentions_max:
        problems.append(
            f"{spec.short_label} allows at most {spec.mentions_max} @mentions; this caption has {len(mentions)}."
        )
    return problems


def caption_hashtags(caption: str) -> list[str]:
    return [tag.lower() for tag in HASHTAG_RE.findall(caption or "")]


def caption_mentions(caption: str) -> list[str]:
    return [handle.lower().rstrip(".") for handle in MENTION_RE.findall(caption or "")]


def brief_check(
    *,
    caption: str,
    required_hashtags: list[str],
    required_mentions: list[str],
    paid_partnership: bool,
    platform: str = "instagram",
    jurisdiction: str = DEFAULT_JURISDICTION,
) -> dict[str, Any]:
    """Required hashtags and mentions, and the ad disclosure under the campaign's jurisdiction (its findings, each
    with the rule it applies, under "compliance")."""
    hashtags = set(caption_hashtags(caption))
    mentions = set(caption_mentions(caption))
    missing_hashtags = [tag for tag in required_hashtags if tag.lower() not in hashtags]
    missing_mentions = [handle for handle in required_mentions if handle.lower() not in mentions]
    disclosure = check_disclosure(
        caption, platform=platform, paid_partnership=paid_partnership, jurisdiction=jurisdiction
    )
    problems = []
    if missing_hashtags:
        problems.append("Missing required hashtags: " + ", ".join(f"#{tag}" for tag in missing_hashtags) + ".")
    if missing_mentions:
        problems.append("Missing required mentions: " + ", ".join(f"@{h}" for h in missing_mentions) + ".")
    problems.extend(disclosure.problems)
    return {
        "ok": not problems,
        "missing_hashtags": missing_hashtags,
        "missing_mentions": missing_mentions,
        "disclosure": disclosure.label if disclosure.compliant else "",
        "compliance": disclosure.as_dict(),
        "problems": problems,
    }
