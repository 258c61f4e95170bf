"""Approximate nearest neighbours for content vectors (faiss), so lookalikes stay fast at a million profiles.

An inverted-file index (`IVF`): k-means cells over the vectors, each vector stored in its cell as a product-quantised
code (`PQ96x4fs`: 96 sub-spaces of 4 bits, 48 bytes instead of 768 for a float16 vector of 384 dimensions, scanned
with faiss' SIMD "fast scan"); a query scans the codes of the `nprobe` cells nearest to it. Candidates come from the
codes, their order from the exact vectors: the caller asks for many more candidates than it shows and re-ranks them
with the stored float16 vectors, which the index files keep beside it (memory-mapped, so every process of a machine
shares one copy in the page cache).

Small sets (under PQ_MIN vectors) use uncompressed cells (`Flat`). Recall is bounded by the coarse 4-bit codes more
than by the cells scanned: the number of candidates re-ranked decides it (bench/bench_lookalikes.py: recall@10 against
the exact search and p50/p99 per query at 1,000,000 vectors).
"""

from __future__ import annotations

import json
import math
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

PQ_MIN = 10000
PQ_SUBSPACES = 96
TRAIN_MAX = 60000  # vectors sampled to train the cells and codes: enough for 1,000 cells, seconds to train
DEFAULT_NPROBE = 96
FILES = ("index.faiss", "vectors.npy", "ids.npy", "sizes.npy", "meta.json")


def cell_count(n: int) -> int:
    """About √n cells (1,000 at a million vectors, 1 for a handful), each trained on at least 39 points."""
    return max(1, min(4096, int(math.sqrt(n)), n // 39))


@dataclass
class VectorIndex:
    """An index and what re-ranks its candidates: the vectors (float16, row = position), their ids and sizes."""

    index: Any
    vectors: np.ndarray
    ids: np.ndarray
    sizes: np.ndarray
    meta: dict[str, Any]

    def candidates(self, target: np.ndarray, count: int, *, nprobe: int = DEFAULT_NPROBE) -> np.ndarray:
        """Positions of up to `count` vectors nearest to `target` by the index's (approximate) inner product."""
        if not len(self.ids):
            return np.zeros(0, dtype=np.int64)
        self.index.nprobe = min(nprobe, self.meta["cells"])  # the same value from every thread (a setting)
        query = np.asarray(target, dtype=np.float32).reshape(1, -1)
        _, found = self.index.search(query, min(count, len(self.ids)))
        positions = found[0]
        return positions[positions >= 0]


def build(vectors: np.ndarray, ids: np.ndarray, sizes: np.ndarray, *, seed: int = 7, threads: int = 0) -> VectorIndex:
    """Train and fill an index over `vectors` (n × d, normalised); `threads` > 0 caps faiss' OpenMP threads."""
    import faiss

    if threads:
        faiss.omp_set_num_threads(threads)
    started = time.perf_counter()
    data = np.ascontiguousarray(vectors, dtype=np.float32)
    n, d = data.shape
    cells = cell_count(n)
    kind = f"IVF{cells},PQ{PQ_SUBSPACES}x4fs" if n >= PQ_MIN and d % PQ_SUBSPACES == 0 else f"IVF{cells},Flat"
    index = faiss.index_factory(d, kind, faiss.METRIC_INNER_PRODUCT)
    rng = np.random.default_rng(seed)
    sample = data[rng.choice(n, size=min(n, TRAIN_MAX), replace=False)] if n else data
    index.train(sample)
    for start in range(0, n, 100000):
        index.add(data[start : start + 100000])
    meta = {"kind": kind, "cells": cells, "count": int(n), "dimensions": int(d), "seconds": 0.0}
    meta["seconds"] = round(time.perf_counter() - started, 2)
    return VectorIndex(
        index, np.asarray(vectors, dtype=np.float16), np.asarray(ids, np.int64), np.asarray(sizes, np.float32), meta
    )


def save(built: VectorIndex, folder: Path, **meta: Any) -> None:
    """Write the index files into `folder` (made here; a new folder per build, so readers never see half a write)."""
    import faiss

    folder.mkdir(parents=True, exist_ok=False)
    faiss.write_index(built.index, str(folder / "index.faiss"))
    np.save(folder / "vectors.npy", built.vectors)
    np.save(folder / "ids.npy", built.ids)
    np.save(folder / "sizes.npy", built.sizes)
    (folder / "meta.json").write_text(json.dumps({**built.meta, **meta}), encoding="utf-8")


def load(folder: Path) -> VectorIndex:
    """Read an index written by `save`; the vectors are memory-mapped, not read."""
    import faiss

    return VectorIndex(
        index=faiss.read_index(str(folder / "index.faiss")),
        vectors=np.load(folder / "vectors.npy", mmap_mode="r"),
        ids=np.load(folder / "ids.npy"),
        sizes=np.load(folder / "sizes.npy"),
        meta=json.loads((folder / "meta.json").read_text(encoding="utf-8")),
    )
