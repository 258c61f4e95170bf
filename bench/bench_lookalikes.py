"""Lookalikes at a million profiles: the approximate index (ml/engine/ann.py: IVF cells, product-quantised codes,
candidates re-ranked with the exact float16 vectors and the follower-size penalty) beside the exact search it
replaces above LOOKALIKES_ANN_MIN (one matrix product over every vector, discovery.selectors.rank_similar), in the
same process, on the same vectors and queries.

    python bench/bench_lookalikes.py                 # 1,000,000 vectors, 300 queries
    python bench/bench_lookalikes.py --vectors 200000 --queries 100

Vectors: profiles made from the 4,212 real MiniLM caption vectors shipped in ml/datasets/ig-influencer-posts-2019
(post-vectors.npz): the posts are grouped into 64 topics (k-means), and each synthetic creator pools 4 to 16 posts,
most from one or two topics of their own, like a creator with a niche, plus a little noise; follower counts are
log-normal. Queries are other profiles made the same way. Reported: build seconds, the index's memory (codes in RAM)
and the vectors' (memory-mapped, shared by the processes of a machine), p50/p99 per query and recall@10 against the
exact ranking (the same score: cosine minus 0.05 per e-fold of follower difference).
Goal (issue #32): p99 <= 100 ms and recall@10 >= 0.95 at 1,000,000 vectors.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
VECTORS = ROOT / "ml" / "datasets" / "ig-influencer-posts-2019" / "post-vectors.npz"
SIZE_WEIGHT = 0.05  # discovery.selectors.rank_similar's


def creators(count: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """(vectors float16, log follower counts) of `count` synthetic creators pooled from real caption vectors."""
    from sklearn.cluster import KMeans

    posts = np.load(VECTORS)["vectors"].astype(np.float32)
    topics = KMeans(n_clusters=64, n_init=2, random_state=0).fit_predict(posts)
    members = [np.flatnonzero(topics == topic) for topic in range(64)]
    rng = np.random.default_rng(seed)
    out = np.empty((count, posts.shape[1]), dtype=np.float16)
    for start in range(0, count, 20000):
        size = min(20000, count - start)
        own = rng.integers(0, 64, size=(size, 2))
        taken = rng.integers(4, 17, size=size)
        block = np.empty((size, posts.shape[1]), dtype=np.float32)
        for row in range(size):
            picks = []
            for _ in range(taken[row]):
                chance = rng.random()
                topic = own[row, 0] if chance < 0.6 else own[row, 1] if chance < 0.85 else rng.integers(0, 64)
                pool = members[topic]
                picks.append(pool[rng.integers(0, len(pool))])
            block[row] = posts[picks].mean(axis=0)
        block += rng.standard_normal(block.shape).astype(np.float32) * 0.01
        block /= np.linalg.norm(block, axis=1, keepdims=True)
        out[start : start + size] = block
    sizes = rng.normal(9.5, 2.0, size=count).clip(0, 20).astype(np.float32)
    return out, sizes


def exact_top(matrix: np.ndarray, sizes: np.ndarray, target: np.ndarray, size: float, k: int) -> np.ndarray:
    scores = matrix @ target - SIZE_WEIGHT * np.abs(sizes - size)
    top = np.argpartition(-scores, k)[:k]
    return top[np.argsort(-scores[top])]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--vectors", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--candidates", type=int, default=4000)  # the product's LOOKALIKES_CANDIDATES
    parser.add_argument("--nprobe", type=int, default=96)  # LOOKALIKES_NPROBE
    args = parser.parse_args()
    from ml.engine import ann

    started = time.perf_counter()
    vectors, sizes = creators(args.vectors, seed=1)
    queries, query_sizes = creators(args.queries, seed=2)
    print(f"{args.vectors:,} creator vectors made in {time.perf_counter() - started:.0f} s")

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    built = ann.build(vectors, np.arange(args.vectors), sizes)
    with tempfile.TemporaryDirectory() as folder:
        ann.save(built, Path(folder) / "index")
        files = {name: os.path.getsize(Path(folder) / "index" / name) for name in ann.FILES}
        index = ann.load(Path(folder) / "index")
        grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
        print(
            f"index {built.meta['kind']}: built in {built.meta['seconds']:.0f} s; in memory "
            f"{files['index.faiss'] / 2**20:.0f} MB (codes), memory-mapped {files['vectors.npy'] / 2**20:.0f} MB "
            f"(float16 vectors); build peak +{grown:.0f} MB"
        )
        exact_matrix = vectors.astype(np.float32)  # the exact path's matrix (discovery.selectors.VECTOR_INDEX)
        exact_times, approximate_times, recalls = [], [], []
        for target, size in zip(queries.astype(np.float32), query_sizes, strict=True):
            started = time.perf_counter()
            truth = exact_top(exact_matrix, sizes, target, float(size), 10)
            exact_times.append(time.perf_counter() - started)
            started = time.perf_counter()
            positions = index.candidates(target, args.candidates, nprobe=args.nprobe)
            pool = np.asarray(index.vectors[np.sort(positions)], dtype=np.float32)
            ordered = np.sort(positions)
            scores = pool @ target - SIZE_WEIGHT * np.abs(index.sizes[ordered] - size)
            found = ordered[np.argsort(-scores)[:10]]
            approximate_times.append(time.perf_counter() - started)
            recalls.append(len(set(truth.tolist()) & set(found.tolist())) / 10)
    for name, times in (("exact (matrix product)", exact_times), ("approximate + re-rank", approximate_times)):
        values = np.array(times) * 1000
        print(f"{name:<24} p50 {np.percentile(values, 50):7.1f} ms   p99 {np.percentile(values, 99):7.1f} ms")
    print(
        f"recall@10 {np.mean(recalls):.3f} (min {np.min(recalls):.1f}) over {args.queries} queries; "
        f"candidates {args.candidates}, nprobe {args.nprobe} of {built.meta['cells']} cells"
    )


if __name__ == "__main__":
    main()
