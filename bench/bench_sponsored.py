"""Sponsored-post check speed: posts per second on one core, against every pattern run on every caption.

    python bench/bench_sponsored.py [N]   (default 10,000 captions of the shipped kim2020 posts)

Baseline = the first version of ml.engine.sponsored.sponsorship: each disclosure, tag, phrase, code and link pattern
searched through every caption. Now = the shipped sponsorship(): one pass over the words, and the phrase and pattern
searches only on captions that contain their key words. Both are run on the same captions in this process, and
their verdicts are compared (they must agree on every caption but the few the word pass reads better).
"""

from __future__ import annotations

import gzip
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ml.engine import sponsored as s  # noqa: E402

POSTS = ROOT / "ml" / "datasets" / "ig-influencer-categories-kim2020" / "posts.jsonl.gz"
# The first version's whole-caption patterns, built from the module's own word lists.
CLEAR_RE = s._word_pattern(s.CLEAR_WORDS)
AMBIGUOUS_TAG_RE = re.compile(
    rf"(?<![\w&])#(?:{'|'.join(re.escape(t) for t in sorted(s.AMBIGUOUS_TAGS, key=len, reverse=True))})(?!\w)|"
    r"(?<![\w&])#\w{2,30}(?:partner|ambassador|ambassadress|collab)(?!\w)",
    re.IGNORECASE,
)


def every_pattern(caption: str) -> str:
    """The baseline: all the module's patterns over the whole caption, as the first version ran them."""
    clear = [
        m.group(0) for m in CLEAR_RE.finditer(caption) if s._disclosure_kept(caption, m.start(), m.end(), m.group(0))
    ] + [m.group(0) for m in s.CLEAR_ANYWHERE_RE.finditer(caption)]
    japanese = bool(s.JAPANESE_RE.search(caption))
    tags = [m.group(0) for m in AMBIGUOUS_TAG_RE.finditer(caption)]
    if clear or (japanese and any(t.lower() == "#pr" for t in tags)):
        return s.YES
    hints = (
        tags
        + s.UNPAID_RE.findall(caption)
        + s.AMBIGUOUS_PHRASE_RE.findall(caption)
        + s.CODE_RE.findall(caption)
        + s.AFFILIATE_RE.findall(caption)
    )
    return s.LIKELY if hints else s.NO


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with gzip.open(POSTS, "rt", encoding="utf-8") as handle:
        captions = [json.loads(line).get("caption") or "" for _, line in zip(range(n), handle, strict=False)]
    every_pattern(captions[0]), s.sponsorship(captions[0])  # compile and warm up
    started = time.perf_counter()
    baseline = [every_pattern(c) for c in captions]
    baseline_seconds = time.perf_counter() - started
    started = time.perf_counter()
    now = [s.sponsorship(c).verdict for c in captions]
    now_seconds = time.perf_counter() - started
    differ = sum(1 for a, b in zip(baseline, now, strict=True) if a != b)
    print(f"{len(captions):,} captions")
    print(f"baseline (every pattern on every caption): {len(captions) / baseline_seconds:,.0f} posts/s")
    print(f"sponsorship() (word pass + key-word gates): {len(captions) / now_seconds:,.0f} posts/s")
    print(f"speed-up {baseline_seconds / now_seconds:.1f}x; verdicts that differ: {differ}")
    print(
        json.dumps(
            {
                "n": len(captions),
                "baseline_per_s": round(len(captions) / baseline_seconds),
                "per_s": round(len(captions) / now_seconds),
                "differ": differ,
            }
        )
    )


if __name__ == "__main__":
    main()
