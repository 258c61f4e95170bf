"""What the graph explorer draws from a real sparse graph: edges and isolated accounts among the drawn 1,000.

    python bench/bench_explorer_view.py

On SNAP's Higgs reply and mention graphs (ml/datasets/graph-higgs-twitter), the baseline is the first version's
choice (the top 1,000 accounts by PageRank); now is network.engine.explorer_view (the strongest ties, each
community's core, then PageRank, keeping only accounts with an edge among the drawn), with its time.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from network.engine import analyze, explorer_view  # noqa: E402
from network.engine.table import EdgeTable  # noqa: E402

LIMIT = 1000


def drawn(table: EdgeTable, view: np.ndarray) -> dict[str, int]:
    inside = np.isin(table.src, view) & np.isin(table.dst, view) & (table.src != table.dst)
    linked = np.zeros(table.node_count, dtype=bool)
    linked[table.src[inside]] = True
    linked[table.dst[inside]] = True
    return {"accounts": int(view.size), "edges": int(inside.sum()), "isolated": int((~linked[view]).sum())}


def main() -> None:
    results = {}
    for name in ("higgs-reply_network", "higgs-mention_network"):
        path = ROOT / "ml" / "datasets" / "graph-higgs-twitter" / f"{name}.edgelist"
        pairs = [(a, b, float(w)) for a, b, w, *_ in (line.split() for line in path.open())]
        table = EdgeTable.from_pairs(pairs, directed=True)
        analysis = analyze(table, resolution=1.0, betweenness=None)
        baseline = drawn(table, analysis.top(LIMIT))
        started = time.perf_counter()
        view = explorer_view(table, analysis, LIMIT)
        seconds = time.perf_counter() - started
        now = drawn(table, view)
        print(f"{name}: {table.node_count:,} accounts, {table.edge_count:,} edges")
        print(f"  baseline (top {LIMIT:,} by PageRank): {baseline['edges']:,} edges, {baseline['isolated']:,} isolated")
        print(f"  explorer_view: {now['edges']:,} edges, {now['isolated']:,} isolated, chosen in {seconds:.3f} s")
        results[name] = {"baseline": baseline, "now": now, "seconds": round(seconds, 3)}
    print(json.dumps(results))


if __name__ == "__main__":
    main()
