"""Influence-graph benchmark: SocialLens' engine (python-igraph C core behind network.engine) beside plain networkx
defaults, in the same process, on the same files.

    python bench/bench_graph.py [--skip-1m] [--networkx-1m] [--lfr-seeds 3]

Stages timed end to end: load the edge list, PageRank, communities (Louvain), modularity, top-K accounts.
Datasets: the Higgs Twitter mention graph (116k nodes, 151k edges, directed, weighted), SNAP ego-Facebook (4k nodes,
88k edges, undirected) and a synthetic 1M-edge graph with planted communities. Community quality: NMI against the
planted partition of networkx's LFR benchmark graphs (mixing parameter mu = 0.3).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx
import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from network.engine import EdgeTable, analyze, normalized_mutual_information, read_graph  # noqa: E402

HIGGS = ROOT / "ml/datasets/graph-higgs-twitter/higgs-mention_network.edgelist"
FACEBOOK = ROOT / "ml/datasets/graph-ego-facebook/facebook_combined.txt"
TOP_K = 20
STAGES = ["load", "pagerank", "communities", "modularity", "top_k"]


def run_engine(path: Path, *, directed: bool) -> tuple[dict[str, float], float, int]:
    timings: dict[str, float] = {}
    started = time.perf_counter()
    table = read_graph(path, fmt="edgelist", directed=directed)
    timings["load"] = time.perf_counter() - started
    analysis = analyze(table, betweenness="off")
    timings["pagerank"] = analysis.timings["build"] + analysis.timings["pagerank"] + analysis.timings["degrees"]
    timings["communities"] = analysis.timings["communities"]
    timings["modularity"] = analysis.timings["modularity"]
    started = time.perf_counter()
    top = [table.keys[i] for i in analysis.top(TOP_K)]
    timings["top_k"] = time.perf_counter() - started + analysis.timings["bridges"]
    assert len(top) == min(TOP_K, table.node_count)
    return timings, analysis.modularity, analysis.community_count


def run_networkx(path: Path, *, directed: bool) -> tuple[dict[str, float], float, int]:
    """What a developer writes with networkx defaults."""
    timings: dict[str, float] = {}
    started = time.perf_counter()
    graph = (
        nx.read_weighted_edgelist(path, create_using=nx.DiGraph if directed else nx.Graph)
        if _has_weights(path)
        else nx.read_edgelist(path, create_using=nx.DiGraph if directed else nx.Graph)
    )
    timings["load"] = time.perf_counter() - started
    started = time.perf_counter()
    ranks = nx.pagerank(graph)
    timings["pagerank"] = time.perf_counter() - started
    started = time.perf_counter()
    communities = nx.community.louvain_communities(graph, seed=42)
    timings["communities"] = time.perf_counter() - started
    started = time.perf_counter()
    modularity = nx.community.modularity(graph, communities)
    timings["modularity"] = time.perf_counter() - started
    started = time.perf_counter()
    top = sorted(ranks, key=ranks.get, reverse=True)[:TOP_K]
    timings["top_k"] = time.perf_counter() - started
    assert len(top) == min(TOP_K, graph.number_of_nodes())
    return timings, modularity, len(communities)


def _has_weights(path: Path) -> bool:
    with open(path) as handle:
        return len(handle.readline().split()) >= 3


def compare(title: str, path: Path, *, directed: bool, networkx_too: bool = True) -> None:
    table = read_graph(path, fmt="edgelist", directed=directed)
    print(
        f"\n== {title}: {table.node_count:,} nodes, {table.edge_count:,} edges, "
        f"{'directed' if directed else 'undirected'}"
    )
    ours, ours_q, ours_c = run_engine(path, directed=directed)
    if networkx_too:
        base, base_q, base_c = run_networkx(path, directed=directed)
    print(f"  {'stage':<12} {'engine (igraph) s':>18} {'networkx defaults s':>20}")
    for stage in STAGES:
        theirs = f"{base[stage]:>20.3f}" if networkx_too else f"{'skipped':>20}"
        print(f"  {stage:<12} {ours[stage]:>18.3f} {theirs}")
    total = sum(ours.values())
    if networkx_too:
        base_total = sum(base.values())
        print(f"  {'TOTAL':<12} {total:>18.3f} {base_total:>20.3f}   speed-up x{base_total / total:.1f}")
        print(f"  modularity   {ours_q:>18.4f} {base_q:>20.4f}   ({ours_c:,} vs {base_c:,} communities)")
    else:
        print(f"  {'TOTAL':<12} {total:>18.3f} {'skipped':>20}")
        print(f"  modularity   {ours_q:>18.4f}   ({ours_c:,} communities)")


def synthetic_edge_list(
    path: Path,
    *,
    nodes: int = 200_000,
    edges: int = 1_000_000,
    communities: int = 400,
    mixing: float = 0.2,
    seed: int = 7,
) -> None:
    """Planted-partition graph: each edge stays inside its source's community with probability 1 - mixing."""
    rng = np.random.default_rng(seed)
    community = rng.integers(0, communities, size=nodes)
    members = [np.nonzero(community == c)[0] for c in range(communities)]
    src = rng.integers(0, nodes, size=edges)
    inside = rng.random(edges) >= mixing
    dst = rng.integers(0, nodes, size=edges)
    for c in range(communities):
        chosen = inside & (community[src] == c)
        dst[chosen] = rng.choice(members[c], size=int(chosen.sum()))
    keep = src != dst
    weight = rng.integers(1, 4, size=edges)
    np.savetxt(path, np.column_stack([src[keep], dst[keep], weight[keep]]), fmt="%d")


def betweenness_sample(path: Path) -> None:
    table = read_graph(path, fmt="edgelist", directed=True)
    started = time.perf_counter()
    analysis = analyze(table, betweenness="sampled", betweenness_samples=256)
    print(
        f"  betweenness (256 sampled sources, igraph): {analysis.timings['betweenness']:.3f} s "
        f"(whole analysis incl. bridges {time.perf_counter() - started:.3f} s)"
    )


def lfr_quality(seeds: int) -> None:
    print("\n== Community quality: networkx LFR benchmark, n=1000, tau1=3, tau2=1.5, mu=0.3, <k>=20")
    print(f"  {'seed':<6} {'NMI engine':>11} {'NMI nx louvain':>15} {'Q engine':>9} {'Q nx':>7}")
    engine_scores = []
    for seed in range(1, seeds + 1):
        graph = nx.LFR_benchmark_graph(
            1000, 3, 1.5, 0.3, average_degree=20, max_degree=50, min_community=20, max_community=100, seed=seed
        )
        graph.remove_edges_from(nx.selfloop_edges(graph))
        planted = {frozenset(graph.nodes[node]["community"]) for node in graph}
        truth = np.empty(graph.number_of_nodes(), dtype=int)
        for label, group in enumerate(planted):
            truth[list(group)] = label
        table = EdgeTable.from_networkx(graph)
        analysis = analyze(table, betweenness="off")
        ours = np.empty_like(truth)
        ours[[int(key) for key in table.keys]] = analysis.membership
        reference = nx.community.louvain_communities(graph, seed=seed)
        theirs = np.empty_like(truth)
        for label, group in enumerate(reference):
            theirs[list(group)] = label
        nmi = normalized_mutual_information(truth, ours)
        engine_scores.append(nmi)
        print(
            f"  {seed:<6} {nmi:>11.4f} {normalized_mutual_information(truth, theirs):>15.4f} "
            f"{analysis.modularity:>9.4f} {nx.community.modularity(graph, reference):>7.4f}"
        )
    print(f"  mean NMI (engine) = {np.mean(engine_scores):.4f}  (goal >= 0.9)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--skip-1m", action="store_true", help="Skip the synthetic 1M-edge graph.")
    parser.add_argument(
        "--networkx-1m",
        action="store_true",
        help="Also run plain networkx on the 1M-edge graph (several minutes on 2 cores).",
    )
    parser.add_argument("--lfr-seeds", type=int, default=3)
    args = parser.parse_args()
    print(
        f"network.engine benchmark · {os.cpu_count()} CPUs · networkx {nx.__version__} · "
        f"igraph {__import__('igraph').__version__}"
    )
    compare("Higgs Twitter mention graph", HIGGS, directed=True)
    betweenness_sample(HIGGS)
    compare("SNAP ego-Facebook", FACEBOOK, directed=False)
    if not args.skip_1m:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "synthetic-1m.edgelist"
            started = time.perf_counter()
            synthetic_edge_list(path)
            print(f"\n(synthetic graph written in {time.perf_counter() - started:.1f} s, not timed below)")
            compare("Synthetic planted-partition graph", path, directed=True, networkx_too=args.networkx_1m)
            if not args.networkx_1m:
                print(
                    "  networkx baseline skipped on the 1M-edge graph: its Louvain alone takes minutes on 2 cores "
                    "(run with --networkx-1m to include it)"
                )
    lfr_quality(args.lfr_seeds)


if __name__ == "__main__":
    main()
