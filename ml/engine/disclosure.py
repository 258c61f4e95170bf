"""Does a caption disclose an ad as a jurisdiction's regulator asks? Rules, not a model: each finding cites its rule.

    from ml.engine.disclosure import check_disclosure
    result = check_disclosure("#ad Loving my new trainers from @brand", platform="instagram",
                              paid_partnership=False, jurisdiction="uk-asa")
    result.compliant, result.label, [f.message for f in result.findings]

What each jurisdiction asks, from its regulator's published guidance for influencers (each rule below carries its
source and address, and the reasons shown to reviewers quote it):

- US, FTC: "Disclosures 101 for Social Media Influencers" (FTC staff, 2019; the FTC's words are US government work)
  and the Endorsement Guides (16 CFR Part 255, 2023). Clear words ("ad", "advertisement", "sponsored", "paid
  partnership"), not vague ones ("sp", "spon", "collab", "thanks" or "ambassador" alone), hard to miss: not only
  behind "more", not mixed into a group of hashtags, and not left to the platform's own disclosure tool alone.
- UK, ASA/CAP with the CMA: "Influencers' guide to making clear that ads are ads" (3rd edition, 2023) and CAP Code
  rule 2.1 (marketing must be obviously identifiable). The labels that always work are "Ad", "Advert",
  "Advertising", "Advertisement" and "Advertisement feature"; "sponsored", "in partnership with", "thanks to",
  "gifted", "sp/spon", "collab", "PR", "ambassador" or "affiliate" alone do not make an ad obviously identifiable.
  The label goes up front (seen before anyone engages), not among the hashtags, and the platform's "Paid
  partnership" tool alone is not enough.

How "hard to miss" and "up front" are decided here (our reading, written down so that it can be argued with):
the label must start within the part of the caption the platform shows before "more" (VISIBLE_CHARACTERS; the
whole post on X), must not sit inside a run of three or more hashtags unless it opens the caption, and for "up
front" must start within the first UP_FRONT_CHARACTERS characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

# What the platforms show of a caption before "more" (Instagram cuts the feed caption at about 125 characters).
VISIBLE_CHARACTERS: dict[str, int | None] = {"instagram": 125, "x": None, "tiktok": 100, "youtube": 100}
DEFAULT_VISIBLE = 125
UP_FRONT_CHARACTERS = 30
HASHTAG_RUN = 3


@dataclass(frozen=True)
class Rule:
    code: str
    says: str  # the guidance in its own words, or closely paraphrased where marked
    source: str
    url: str


@dataclass(frozen=True)
class Jurisdiction:
    code: str
    name: str
    clear_labels: tuple[str, ...]  # words that disclose on their own (matched as words or hashtags)
    unclear_labels: tuple[str, ...]  # words that do not disclose on their own
    up_front: bool
    rules: dict[str, Rule] = field(default_factory=dict)


_FTC_101 = "FTC, Disclosures 101 for Social Media Influencers (2019)"
_FTC_101_URL = "https://www.ftc.gov/business-guidance/resources/disclosures-101-social-media-influencers"
_ASA_GUIDE = "ASA/CAP and CMA, Influencers' guide to making clear that ads are ads (3rd ed., 2023)"
_ASA_GUIDE_URL = "https://www.asa.org.uk/resource/influencers-guide.html"

JURISDICTIONS: dict[str, Jurisdiction] = {
    "us-ftc": Jurisdiction(
        code="us-ftc",
        name="United States (FTC)",
        clear_labels=(
            "ad",
            "advert",
            "advertisement",
            "advertising",
            "sponsored",
            "paid partnership",
            "paidpartnership",
            "paid promotion",
            "paid ad",
        ),
        unclear_labels=("sp", "spon", "collab", "thanks", "thank you", "ambassador"),
        up_front=False,
        rules={
            "label": Rule(
                "label",
                "Simple and clear terms like “advertisement,” “ad,” and “sponsored” are clear; "
                "“#ad” or “#sponsored” are fine.",
                _FTC_101,
                _FTC_101_URL,
            ),
            "unclear": Rule(
                "unclear",
                "Don't use vague or confusing terms like “sp,” “spon,” or “collab,” or "
                "stand-alone terms like “thanks” or “ambassador.”",
                _FTC_101,
                _FTC_101_URL,
            ),
            "visible": Rule(
                "visible",
                "Disclosures are likely to be missed if they appear only … at the end of "
                "posts … or anywhere that requires a person to click MORE.",
                _FTC_101,
                _FTC_101_URL,
            ),
            "hashtags": Rule(
                "hashtags", "Don't mix your disclosure into a group of hashtags or links.", _FTC_101, _FTC_101_URL
            ),
            "tool": Rule(
                "tool",
                "Don't assume that a platform's disclosure tool is good enough, but consider "
                "using it in addition to your own, good disclosure.",
                _FTC_101,
                _FTC_101_URL,
            ),
        },
    ),
    "uk-asa": Jurisdiction(
        code="uk-asa",
        name="United Kingdom (ASA/CAP and CMA)",
        clear_labels=("ad", "advert", "advertising", "advertisement", "advertisement feature"),
        unclear_labels=(
            "sponsored",
            "sp",
            "spon",
            "in partnership with",
            "paid partnership",
            "thanks to",
            "thank you",
            "gifted",
            "collab",
            "in collaboration with",
            "pr",
            "ambassador",
            "partner",
            "affiliate",
            "brought to you by",
        ),
        up_front=True,
        rules={
            "label": Rule(
                "label",
                "(paraphrased) Label ads “Ad”, “Advert”, “Advertising”, “Advertisement” or "
                "“Advertisement feature”; “#ad” works too.",
                _ASA_GUIDE,
                _ASA_GUIDE_URL,
            ),
            "unclear": Rule(
                "unclear",
                "(paraphrased) “Sponsored”, “in partnership with”, “thanks to”, “gifted”, "
                "“sp/spon”, “collab”, “PR” or “ambassador” alone do not make clear that a post is an "
                "ad.",
                _ASA_GUIDE,
                _ASA_GUIDE_URL,
            ),
            "up_front": Rule(
                "up_front",
                "(paraphrased) The label must be upfront: seen before anyone engages with "
                "the post, at its start, on every device (CAP Code 2.1: marketing communications "
                "must be obviously identifiable as such).",
                _ASA_GUIDE,
                _ASA_GUIDE_URL,
            ),
            "hashtags": Rule(
                "hashtags",
                "(paraphrased) A label hidden among other hashtags, or on the last line of "
                "a long caption, is not prominent.",
                _ASA_GUIDE,
                _ASA_GUIDE_URL,
            ),
            "tool": Rule(
                "tool",
                "(paraphrased) A platform's own “Paid partnership” tool is not enough on its "
                "own: add a label such as “Ad”.",
                _ASA_GUIDE,
                _ASA_GUIDE_URL,
            ),
        },
    ),
}
DEFAULT_JURISDICTION = "us-ftc"
JURISDICTION_CHOICES = [(j.code, j.name) for j in JURISDICTIONS.values()]


@dataclass(frozen=True)
class Finding:
    rule: str
    ok: bool
    message: str
    says: str
    source: str
    url: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "ok": self.ok,
            "message": self.message,
            "says": self.says,
            "source": self.source,
            "url": self.url,
        }


@dataclass(frozen=True)
class Disclosure:
    jurisdiction: str
    compliant: bool
    label: str  # the label that discloses ("#ad", "Sponsored"), or ""
    at: int | None  # where it starts in the caption
    findings: list[Finding]

    @property
    def problems(self) -> list[str]:
        return [f.message for f in self.findings if not f.ok]

    def as_dict(self) -> dict[str, Any]:
        return {
            "jurisdiction": self.jurisdiction,
            "jurisdiction_name": JURISDICTIONS[self.jurisdiction].name,
            "compliant": self.compliant,
            "label": self.label,
            "at": self.at,
            "findings": [f.as_dict() for f in self.findings],
        }


def _pattern(label: str) -> re.Pattern[str]:
    """The label as a word or phrase, or as a hashtag of its words run together ("#paidpartnership")."""
    words = label.split()
    phrase = r"\s+".join(re.escape(w) for w in words)
    tag = re.escape("".join(words))
    return re.compile(rf"(?<![\w#@-])(?:{phrase})(?![\w-])|(?<![\w&])#{tag}(?![\w])", re.IGNORECASE)


_PATTERNS: dict[str, re.Pattern[str]] = {}


def _find(caption: str, labels: tuple[str, ...]) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for label in labels:
        pattern = _PATTERNS.setdefault(label, _pattern(label))
        found.extend((m.start(), m.group(0)) for m in pattern.finditer(caption))
    return sorted(found)


_HASHTAG_RUN_RE = re.compile(rf"(?:#\w+[\s,.]*){{{HASHTAG_RUN},}}", re.UNICODE)


def _in_hashtag_run(caption: str, at: int) -> bool:
    """Inside a run of HASHTAG_RUN or more hashtags, unless the run opens the caption ("#ad #gym #mood Leg day")."""
    opening = len(caption) - len(caption.lstrip())
    return any(m.start() <= at < m.end() and m.start() > opening for m in _HASHTAG_RUN_RE.finditer(caption))


def check_disclosure(
    caption: str, *, platform: str, paid_partnership: bool, jurisdiction: str = DEFAULT_JURISDICTION
) -> Disclosure:
    """Check one caption of paid content against `jurisdiction`'s rules; every finding carries its rule."""
    rules = JURISDICTIONS.get(jurisdiction)
    if rules is None:
        raise ValueError(f"Unknown jurisdiction {jurisdiction!r}: one of {', '.join(JURISDICTIONS)}.")
    caption = caption or ""
    start = len(caption) - len(caption.lstrip())
    visible = VISIBLE_CHARACTERS.get(platform, DEFAULT_VISIBLE)
    findings: list[Finding] = []

    def finding(rule: str, ok: bool, message: str) -> None:
        r = rules.rules[rule]
        findings.append(Finding(rule, ok, message, r.says, r.source, r.url))

    clear = _find(caption, rules.clear_labels)
    # A clear label counts where it is best placed: the earliest one outside a hashtag run, else the earliest.
    placed = [(at, text) for at, text in clear if not _in_hashtag_run(caption, at)]
    if not clear:
        unclear = _find(caption, rules.unclear_labels)
        if unclear:
            words = list(dict.fromkeys(f"“{text}”" for _, text in unclear))
            verb = "does" if len(words) == 1 else "do"
            finding(
                "unclear",
                False,
                f"{', '.join(words)} {verb} not disclose an ad on {'its' if len(words) == 1 else 'their'} own under "
                f"{rules.name}: use a clear label such as “Ad”.",
            )
        elif paid_partnership:
            finding(
                "tool",
                False,
                f"Only the platform's paid-partnership label discloses this ad: under "
                f"{rules.name} add a clear label such as “Ad” to the caption too.",
            )
        else:
            finding("label", False, "No ad disclosure: add a clear label such as “Ad” at the start of the caption.")
        return Disclosure(rules.code, False, "", None, findings)

    label_at, label = (placed or clear)[0]
    finding("label", True, f"Discloses with “{label}”.")
    if visible is not None and label_at >= visible:
        finding(
            "visible" if "visible" in rules.rules else "up_front",
            False,
            f"“{label}” starts at character {label_at + 1}, after the {visible} characters "
            f"{platform.title() if platform != 'x' else 'X'} shows before “more”: move it to the start.",
        )
    if _in_hashtag_run(caption, label_at):
        finding("hashtags", False, f"“{label}” is mixed into a group of hashtags: put it on its own, at the start.")
    if rules.up_front and label_at - start >= UP_FRONT_CHARACTERS and not (visible is not None and label_at >= visible):
        finding(
            "up_front",
            False,
            f"“{label}” is not up front (it starts at character {label_at + 1}): put the label before anything else.",
        )
    compliant = all(f.ok for f in findings)
    return Disclosure(rules.code, compliant, label, label_at, findings)
