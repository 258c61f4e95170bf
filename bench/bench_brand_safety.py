"""Brand-safety screen speed: captions per second on these cores, batched against a naive per-post loop.

    python bench/bench_brand_safety.py [N]   (default 10,000 captions of the shipped kim2020 posts)

Each post is its caption and the words Instagram read in its picture (the dataset's accessibility_caption).
Baseline = what a first version would do: for each post, call the offensive-language model on that one post (one
vectoriser and SVM call per post) and then the lexicons. Now = Screener.screen_posts(): one vectoriser and model call
per batch of posts, then the lexicons. Both run on the same captions in this process and must give the same
flags. Images are not screened (no offline image model with a licence we can ship), so there is no image figure.
"""

from __future__ import annotations

import gzip
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ml.engine.brand_safety import Screener  # noqa: E402

POSTS = ROOT / "ml" / "datasets" / "ig-influencer-categories-kim2020" / "posts.jsonl.gz"
BATCH = 2000  # profiles.safety.SCREEN_BATCH


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with gzip.open(POSTS, "rt", encoding="utf-8") as handle:
        rows = [json.loads(line) for _, line in zip(range(n), handle, strict=False)]
    captions = [(row.get("caption") or "", row.get("accessibility_caption") or "") for row in rows]
    screener = Screener(["energy drink", "rival brand"])
    screener.screen_posts(captions[:10])  # load the model, build the word table

    started = time.perf_counter()
    baseline = [screener.screen_posts([post])[0] for post in captions]
    baseline_seconds = time.perf_counter() - started

    started = time.perf_counter()
    now = [
        flags
        for start in range(0, len(captions), BATCH)
        for flags in screener.screen_posts(captions[start : start + BATCH])
    ]
    now_seconds = time.perf_counter() - started

    differ = sum(1 for a, b in zip(baseline, now, strict=True) if a != b)
    flagged = sum(1 for flags in now if flags)
    print(
        f"{len(captions):,} posts (caption + words in the picture), {flagged:,} flagged ({flagged / len(captions):.1%})"
    )
    print(f"baseline (model called per post): {len(captions) / baseline_seconds:,.0f} posts/s")
    print(f"Screener.screen_posts (batches of {BATCH:,}): {len(captions) / now_seconds:,.0f} posts/s")
    print(f"speed-up {baseline_seconds / now_seconds:.1f}x; posts whose flags differ: {differ}")
    print(
        json.dumps(
            {
                "n": len(captions),
                "flagged": flagged,
                "baseline_per_s": round(len(captions) / baseline_seconds),
                "per_s": round(len(captions) / now_seconds),
                "differ": differ,
            }
        )
    )


if __name__ == "__main__":
    main()
