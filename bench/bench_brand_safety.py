"""Brand-safety screen speed: captions per second on these cores, batched against a naive per-post loop.

    python bench/bench_brand_safety.py [N]   (default 10,000 captions of the shipped kim2020 posts)

Baseline = what a first version would do: for each post, call the offensive-language model on that one caption
(one vectoriser and SVM call per post) and then the lexicons. Now = Screener.screen(): one vectoriser and model call
per batch of captions, then the lexicons. Both run on the same captions in this process and must give the same
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
        captions = [json.loads(line).get("caption") or "" for _, line in zip(range(n), handle, strict=False)]
    screener = Screener(["energy drink", "rival brand"])
    screener.screen(captions[:10])  # load the model, compile the lexicons

    started = time.perf_counter()
    baseline = [screener.screen([caption])[0] for caption in captions]
    baseline_seconds = time.perf_counter() - started

    started = time.perf_counter()
    now = [
        flags for start in range(0, len(captions), BATCH) for flags in screener.screen(captions[start : start + BATCH])
    ]
    now_seconds = time.perf_counter() - started

    differ = sum(1 for a, b in zip(baseline, now, strict=True) if a != b)
    flagged = sum(1 for flags in now if flags)
    print(f"{len(captions):,} captions, {flagged:,} flagged ({flagged / len(captions):.1%})")
    print(f"baseline (model called per post): {len(captions) / baseline_seconds:,.0f} posts/s")
    print(f"Screener.screen (batches of {BATCH:,}): {len(captions) / now_seconds:,.0f} posts/s")
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
