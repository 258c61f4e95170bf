"""Influence and community analysis over an `EdgeTable`.

Two backends behind one function, `analyze`:
- `igraph` (default): python-igraph's C core. PageRank (PRPACK), Louvain (`community_multilevel`) followed by a
  short Leiden refinement pass started from the Louvain partition (never lowers modularity; on the Higgs mention
  graph it lifts it above networkx's own Louvain), modularity, and betweenness estimated from sampled sources.
- `networkx`: the same steps with networkx's own functions (pagerank, louvain_communities, modularity,
  betweenness_centrality with `k` samples). Slower; kept as the reference the benchmarks compare against.

Communities are found on the undirected graph (each pair once, weights summed), the usual practice for Louvain;
the reported modularity uses the graph's own direction (networkx's definition), resolution 1.
"""

from __future__ import annotations

import math
import random
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from network.engine.table import EdgeTable

BACKENDS = ("igraph", "networkx")
EXACT_BETWEENNESS_MAX_NODES = 5000
DEFAULT_BETWEENNESS_SAMPLES = 256
# Each sampled source costs one pass over every edge: above 2.5M edges the sample shrinks so that sources × edges
# stays at this budget (64 sources at 10M edges, about 30 s on one core), never below BETWEENNESS_MIN_SAMPLES.
BETWEENNESS_EDGE_BUDGET = 640_000_000
BETWEENNESS_MIN_SAMPLES = 64

Progress = Callable[[str], None]


@dataclass
class Analysis:
    pagerank: np.ndarray
    in_strength: np.ndarray
    out_strength: np.ndarray
    degree: np.ndarray
    membership: np.ndarray
    modularity: float
    participation: np.ndarray
    cross_weight: np.ndarray
    neighbour_communities: np.ndarray
    betweenness: np.ndarray | None = None
    betweenness_sampled: int | None = None
    backend: str = "igraph"
    resolution: float = 1.0
    timings: dict[str, float] = field(default_factory=dict)
    # (node, community) -> weight of node's edges into that community; used to name a bridge's communities.
    _pair_node: np.ndarray | None = None
    _pair_community: np.ndarray | None = None
    _pair_weight: np.ndarray | None = None

    @property
    def community_count(self) -> int:
        return int(self.membership.max()) + 1 if self.membership.size else 0

    def top(self, k: int) -> np.ndarray:
        """Indices of the k highest-PageRank nodes (ties broken by index, so results are stable)."""
        return np.argsort(-self.pagerank, kind="stable")[: max(k, 0)]

    def community_links(self, node: int) -> list[tuple[int, float]]:
        if self._pair_node is None or self._pair_community is None or self._pair_weight is None:
            return []
        mask = self._pair_node == node
        pairs = sorted(
            zip(self._pair_community[mask].tolist(), self._pair_weight[mask].tolist(), strict=True),
            key=lambda item: -item[1],
        )
        return [(int(c), float(w)) for c, w in pairs]


def analyze(
    table: EdgeTable,
    *,
    resolution: float = 1.0,
    backend: str = "igraph",
    betweenness: str = "auto",
    betweenness_samples: int = DEFAULT_BETWEENNESS_SAMPLES,
    seed: int = 42,
    progress: Progress | None = None,
) -> Analysis:
    """PageRank, weighted in/out degree, communities + modularity, participation, optional betweenness.

    `betweenness`: "auto" (exact up to 5,000 nodes, sampled above), "exact", "sampled" or "off".
    """
    if backend not in BACKENDS:
        raise ValueError(f"Unknown backend {backend!r}: choose one of {', '.join(BACKENDS)}.")
    if resolution <= 0:
        raise ValueError("The resolution must be positive.")
    timings: dict[str, float] = {}
    report = progress or (lambda stage: None)
    n = table.node_count

    with timed(timings, "degrees"):
        out_strength = np.bincount(table.src, weights=table.weight, minlength=n)
        in_strength = np.bincount(table.dst, weights=table.weight, minlength=n)
        low, high, pair_weight = table.undirected_collapsed()
        not_loop = low != high
        degree = np.bincount(low[not_loop], minlength=n) + np.bincount(high[not_loop], minlength=n)
        if not table.directed:
            # An undirected edge counts towards both ends' in and out strength.
            out_strength = in_strength = out_strength + in_strength

    if backend == "igraph":
        with _single_openmp_thread():
            result = _analyze_igraph(
                table, low, high, pair_weight, resolution=resolution, seed=seed, timings=timings, report=report
            )
    else:
        result = _analyze_networkx(
            table, low, high, pair_weight, resolution=resolution, seed=seed, timings=timings, report=report
        )
    pagerank, membership, modularity, graph = result

    report("bridges")
    with timed(timings, "bridges"):
        membership = _relabel_by_size(membership)
        participation, cross_weight, neighbour_communities, pairs = _participation(
            n, low[not_loop], high[not_loop], pair_weight[not_loop], membership
        )

    analysis = Analysis(
        pagerank=pagerank,
        in_strength=in_strength,
        out_strength=out_strength,
        degree=degree,
        membership=membership,
        modularity=modularity,
        participation=participation,
        cross_weight=cross_weight,
        neighbour_communities=neighbour_communities,
        backend=backend,
        resolution=resolution,
        timings=timings,
        _pair_node=pairs[0],
        _pair_community=pairs[1],
        _pair_weight=pairs[2],
    )
    mode = betweenness
    if mode == "auto":
        mode = "exact" if n <= EXACT_BETWEENNESS_MAX_NODES else "sampled"
    if mode != "off" and n > 2:
        report("betweenness")
        with timed(timings, "betweenness"):
            budget = max(BETWEENNESS_MIN_SAMPLES, BETWEENNESS_EDGE_BUDGET // max(table.edge_count, 1))
            samples = None if mode == "exact" else min(betweenness_samples, budget, n)
            with _single_openmp_thread():
                analysis.betweenness = _betweenness(table, graph, backend=backend, samples=samples, seed=seed)
            analysis.betweenness_sampled = samples
    return analysis


@contextmanager
def timed(timings: dict[str, float], stage: str) -> Iterator[None]:
    """Record the wall time of the enclosed block as `timings[stage]`, in seconds."""
    started = time.perf_counter()
    try:
        yield
    finally:
        timings[stage] = time.perf_counter() - started


def _single_openmp_thread() -> Any:
    """igraph's PageRank (PRPACK) runs on OpenMP, whose threads spin-wait: on a busy 2-core machine that made a
    20 ms PageRank take a second. One thread is as fast on these sizes and never fights the web / worker processes.
    """
    import igraph  # noqa: F401 - loads libgomp first: threadpoolctl can only limit libraries already loaded
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=1, user_api="openmp")


def _analyze_igraph(
    table: EdgeTable,
    low: np.ndarray,
    high: np.ndarray,
    pair_weight: np.ndarray,
    *,
    resolution: float,
    seed: int,
    timings: dict[str, float],
    report: Progress,
) -> tuple[np.ndarray, np.ndarray, float, Any]:
    import igraph as ig

    report("pagerank")
    with timed(timings, "build"):
        graph = table.to_igraph()
    with timed(timings, "pagerank"):
        pagerank = np.asarray(graph.pagerank(weights="weight", directed=table.directed), dtype=np.float64)

    report("communities")
    with timed(timings, "communities"):
        undirected = ig.Graph(n=table.node_count, edges=np.column_stack([low, high]), directed=False)
        undirected.es["weight"] = pair_weight
        # igraph draws from Python's `random` module: seeding it makes the partition reproducible.
        state = random.getstate()
        random.seed(seed)
        try:
            louvain = undirected.community_multilevel(weights="weight", resolution=resolution)
            refined = undirected.community_leiden(
                objective_function="modularity",
                weights="weight",
                resolution=resolution,
                initial_membership=louvain.membership,
                n_iterations=2,
            )
        finally:
            random.setstate(state)
        membership = np.asarray(refined.membership, dtype=np.int64)
        if undirected.modularity(refined.membership, weights="weight", resolution=resolution) < undirected.modularity(
            louvain.membership, weights="weight", resolution=resolution
        ):
            membership = np.asarray(louvain.membership, dtype=np.int64)

    report("modularity")
    with timed(timings, "modularity"):
        modularity = float(graph.modularity(membership.tolist(), weights="weight", directed=table.directed))
    return pagerank, membership, modularity, graph


def _analyze_networkx(
    table: EdgeTable,
    low: np.ndarray,
    high: np.ndarray,
    pair_weight: np.ndarray,
    *,
    resolution: float,
    seed: int,
    timings: dict[str, float],
    report: Progress,
) -> tuple[np.ndarray, np.ndarray, float, Any]:
    import networkx as nx

    report("pagerank")
    with timed(timings, "build"):
        graph = table.to_networkx()
    with timed(timings, "pagerank"):
        ranks = nx.pagerank(graph, weight="weight")
        pagerank = np.array([ranks[i] for i in range(table.node_count)], dtype=np.float64)

    report("communities")
    with timed(timings, "communities"):
        undirected = nx.Graph()
        undirected.add_nodes_from(range(table.node_count))
        undirected.add_weighted_edges_from(zip(low.tolist(), high.tolist(), pair_weight.tolist(), strict=True))
        communities = nx.community.louvain_communities(undirected, weight="weight", resolution=resolution, seed=seed)
        membership = np.empty(table.node_count, dtype=np.int64)
        for label, members in enumerate(communities):
            membership[list(members)] = label

    report("modularity")
    with timed(timings, "modularity"):
        modularity = float(nx.community.modularity(graph, communities, weight="weight"))
    return pagerank, membership, modularity, graph


def _betweenness(table: EdgeTable, graph: Any, *, backend: str, samples: int | None, seed: int) -> np.ndarray:
    """Normalised like networkx (divided by the number of ordered / unordered pairs).

    Sampled: Brandes' accumulation from `samples` random sources, scaled by n / samples (networkx's `k`).
    """
    n = table.node_count
    if backend == "networkx":
        import networkx as nx

        values = nx.betweenness_centrality(graph, k=samples, seed=seed, normalized=True)
        return np.array([values[i] for i in range(n)], dtype=np.float64)
    if samples is None:
        raw = np.asarray(graph.betweenness(directed=table.directed), dtype=np.float64)
        scale = 1.0
    else:
        rng = np.random.default_rng(seed)
        sources = rng.choice(n, size=samples, replace=False).tolist()
        raw = np.asarray(graph.betweenness(directed=table.directed, sources=sources), dtype=np.float64)
        # Counts from all sources equal the exact value, so a uniform sample of k sources scales by n / k.
        scale = n / samples
    pairs: float = (n - 1) * (n - 2)
    if not table.directed:
        pairs /= 2
    return raw * scale / pairs if pairs else raw


def _relabel_by_size(membership: np.ndarray) -> np.ndarray:
    """Community 0 is the largest; ties keep the order of first appearance."""
    if membership.size == 0:
        return membership
    labels, inverse, counts = np.unique(membership, return_inverse=True, return_counts=True)
    order = np.argsort(-counts, kind="stable")
    rank = np.empty_like(order)
    rank[order] = np.arange(order.size)
    return rank[inverse].astype(np.int64)


def _participation(
    n: int, low: np.ndarray, high: np.ndarray, weight: np.ndarray, membership: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray, tuple]:
    """Guimerà–Amaral participation coefficient P_i = 1 - Σ_c (k_ic / k_i)²; 0 = all links inside one community."""
    nodes = np.concatenate([low, high])
    neighbours = np.concatenate([high, low])
    weights = np.concatenate([weight, weight])
    communities = membership[neighbours] if neighbours.size else neighbours
    count = int(membership.max()) + 1 if membership.size else 1
    keys = nodes * count + communities
    unique, inverse = np.unique(keys, return_inverse=True)
    k_ic = np.bincount(inverse, weights=weights, minlength=unique.size)
    pair_node = unique // count
    pair_community = unique % count
    strength = np.bincount(pair_node, weights=k_ic, minlength=n)
    squares = np.bincount(pair_node, weights=k_ic**2, minlength=n)
    with np.errstate(divide="ignore", invalid="ignore"):
        participation = np.where(strength > 0, 1.0 - squares / np.maximum(strength, 1e-300) ** 2, 0.0)
    own = pair_community == membership[pair_node]
    inside = np.bincount(pair_node[own], weights=k_ic[own], minlength=n)
    cross_weight = strength - inside
    neighbour_communities = np.bincount(pair_node, minlength=n)
    return participation, cross_weight, neighbour_communities, (pair_node, pair_community, k_ic)


def community_summaries(
    table: EdgeTable,
    analysis: Analysis,
    *,
    limit: int = 50,
    members: int = 5,
    hashtags: list[Counter] | None = None,
    hashtag_limit: int = 5,
) -> list[dict[str, Any]]:
    """Size, share, top members by PageRank and top hashtags for the `limit` largest communities."""
    n = table.node_count
    sizes = np.bincount(analysis.membership, minlength=analysis.community_count)
    order = np.argsort(-analysis.pagerank, kind="stable")
    by_rank = analysis.membership[order]
    summaries = []
    for community in range(min(limit, analysis.community_count)):
        ranked = order[by_rank == community]
        top = ranked[:members]
        tags: Counter = Counter()
        if hashtags:
            for node in ranked.tolist():
                tags.update(hashtags[node])
        summaries.append(
            {
                "id": community,
                "size": int(sizes[community]),
                "share": round(float(sizes[community]) / n, 4) if n else 0.0,
                "pagerank_share": round(float(analysis.pagerank[ranked].sum()), 4),
                "top_members": [_node_brief(table, analysis, int(i)) for i in top],
                "top_hashtags": [[tag, count] for tag, count in tags.most_common(hashtag_limit)],
            }
        )
    return summaries


def bridge_accounts(table: EdgeTable, analysis: Analysis, *, limit: int = 20) -> list[dict[str, Any]]:
    """Accounts whose ties spread over several communities: participation × cross-community weight."""
    candidates = np.nonzero(analysis.neighbour_communities >= 2)[0]
    if candidates.size == 0:
        return []
    score = analysis.participation[candidates] * np.log1p(analysis.cross_weight[candidates])
    ranked = candidates[np.argsort(-score, kind="stable")[:limit]]
    bridges = []
    for node in ranked.tolist():
        brief = _node_brief(table, analysis, node)
        brief.update(
            {
                "participation": round(float(analysis.participation[node]), 4),
                "cross_weight": float(analysis.cross_weight[node]),
                "communities": [c for c, _ in analysis.community_links(node)[:5]],
            }
        )
        bridges.append(brief)
    return bridges


def _node_brief(table: EdgeTable, analysis: Analysis, node: int) -> dict[str, Any]:
    return {
        "index": node,
        "key": table.keys[node],
        "name": table.names[node],
        "pagerank": float(analysis.pagerank[node]),
        "community": int(analysis.membership[node]),
        "in_strength": float(analysis.in_strength[node]),
        "out_strength": float(analysis.out_strength[node]),
    }


def top_accounts(table: EdgeTable, analysis: Analysis, k: int) -> list[dict[str, Any]]:
    return [_node_brief(table, analysis, int(i)) for i in analysis.top(k)]


def viral_hashtags(
    uses: Iterable[tuple[int, str, float]],
    membership: np.ndarray,
    *,
    split: float,
    limit: int = 20,
    min_accounts: int = 2,
) -> list[dict[str, Any]]:
    """Hashtags spreading across communities and growing from the earlier to the later window.

    `uses` are (node, hashtag, unix time); `split` separates the earlier window from the later one.
    Score = communities reached × log(1 + accounts) × growth, growth = (later + 1) / (earlier + 1).
    """
    accounts: dict[str, set[int]] = {}
    communities: dict[str, Counter] = {}
    before: Counter = Counter()
    after: Counter = Counter()
    for node, tag, when in uses:
        accounts.setdefault(tag, set()).add(node)
        communities.setdefault(tag, Counter())[int(membership[node])] += 1
        (after if when >= split else before)[tag] += 1
    rows: list[dict[str, Any]] = []
    for tag, users in accounts.items():
        if len(users) < min_accounts:
            continue
        spread = communities[tag]
        total = sum(spread.values())
        entropy = -sum((c / total) * math.log(c / total) for c in spread.values())
        growth = (after[tag] + 1) / (before[tag] + 1)
        rows.append(
            {
                "hashtag": tag,
                "uses": total,
                "accounts": len(users),
                "communities": len(spread),
                "spread_entropy": round(entropy, 4),
                "earlier": before[tag],
                "later": after[tag],
                "growth": round(growth, 3),  # smoothed, for the ranking
                # what people read: later ÷ earlier uses, None when the hashtag is new in the later half
                "change": round(after[tag] / before[tag], 1) if before[tag] else None,
                "score": round(len(spread) * math.log1p(len(users)) * growth, 4),
            }
        )
    rows.sort(key=lambda row: (-row["score"], row["hashtag"]))
    return rows[:limit]


def compare_rankings(
    base: dict[str, float], other: dict[str, float], *, names: dict[str, str] | None = None, limit: int = 10
) -> dict[str, Any]:
    """Rising and falling accounts between two snapshots by PageRank scaled to the graph size (mean 1.0).

    Scaling makes graphs of different sizes comparable; an account missing from one side counts as 0 there.
    """
    names = names or {}
    scale_base = len(base) or 1
    scale_other = len(other) or 1
    keys = set(base) | set(other)
    rows: list[dict[str, Any]] = []
    for key in keys:
        before = base.get(key, 0.0) * scale_base
        after = other.get(key, 0.0) * scale_other
        rows.append(
            {
                "key": key,
                "name": names.get(key, key),
                "before": round(before, 4),
                "after": round(after, 4),
                "change": round(after - before, 4),
                "status": "new" if key not in base else ("gone" if key not in other else "both"),
            }
        )
    rising = sorted((r for r in rows if r["change"] > 0), key=lambda r: (-r["change"], r["key"]))[:limit]
    falling = sorted((r for r in rows if r["change"] < 0), key=lambda r: (r["change"], r["key"]))[:limit]
    return {
        "rising": rising,
        "falling": falling,
        "common": len(set(base) & set(other)),
        "new": len(set(other) - set(base)),
        "gone": len(set(base) - set(other)),
    }


def explorer_view(table: EdgeTable, analysis: Analysis, limit: int) -> np.ndarray:
    """The accounts the explorer draws: the ones that carry the structure, not merely the top of one ranking.

    A top-N by PageRank of a sparse graph (a hashtag event, an agency's mentions) is mostly accounts with no edge
    among each other: a disc of dots. Instead, within `limit` accounts:
    1. the endpoints of the strongest edges (a third of the budget), so the heaviest ties are drawn;
    2. every community's core: its highest-PageRank members, a share of a third of the budget in proportion to the
       community's size (at least two each, largest communities first), so each cluster shows;
    3. the highest-PageRank accounts with any edge, for the rest;
    then only accounts with an edge to another drawn account are kept, and the budget is refilled with the
    highest-PageRank neighbours of what is drawn. Returns node indices, highest PageRank first.
    """
    n = table.node_count
    if n == 0 or limit <= 0:
        return np.zeros(0, dtype=np.int64)
    loops = table.src == table.dst
    src, dst, weight = table.src[~loops], table.dst[~loops], table.weight[~loops]
    has_edge = np.zeros(n, dtype=bool)
    has_edge[src] = True
    has_edge[dst] = True
    if not has_edge.any():
        return analysis.top(limit)
    chosen = np.zeros(n, dtype=bool)
    count = 0

    def add(candidates: np.ndarray, budget: int) -> None:
        nonlocal count
        for node in candidates[: 4 * limit + 2 * budget].tolist():  # enough to fill any budget, never the whole graph
            if count >= budget:
                return
            if not chosen[node]:
                chosen[node] = True
                count += 1

    order = np.argsort(-weight, kind="stable")
    strong = np.column_stack([src[order], dst[order]]).ravel()
    add(strong, max(2, limit // 3))
    by_rank = np.argsort(-analysis.pagerank, kind="stable")
    by_rank = by_rank[has_edge[by_rank]]
    members = analysis.membership[by_rank]
    sizes = np.bincount(analysis.membership[has_edge], minlength=int(analysis.membership.max()) + 1)
    core_budget = limit // 3
    total = max(int(sizes.sum()), 1)
    for community in np.argsort(-sizes, kind="stable"):
        if sizes[community] == 0 or count >= 2 * limit // 3:
            break
        quota = max(2, round(core_budget * sizes[community] / total))
        add(by_rank[members == community][:quota], count + quota)
    add(by_rank, limit)
    # Keep what has an edge among the drawn accounts, then refill with the best-ranked neighbours of the drawn.
    for _ in range(3):
        linked = np.zeros(n, dtype=bool)
        inside = chosen[src] & chosen[dst]
        linked[src[inside]] = True
        linked[dst[inside]] = True
        chosen &= linked
        count = int(chosen.sum())
        if count >= limit:
            break
        touching = chosen[src] ^ chosen[dst]
        neighbours = np.zeros(n, dtype=bool)
        neighbours[np.where(chosen[src[touching]], dst[touching], src[touching])] = True
        if not neighbours.any():
            break
        add(by_rank[neighbours[by_rank]], limit)
    picked = np.flatnonzero(chosen)
    return picked[np.argsort(-analysis.pagerank[picked], kind="stable")][:limit]


def layout_subgraph(
    table: EdgeTable, nodes: np.ndarray, membership: np.ndarray, *, seed: int = 42, iterations: int = 300
) -> np.ndarray:
    """Force-directed positions (igraph, C) for the induced subgraph on `nodes`.

    Starting points group each community around its own spot on a circle, so communities land as clusters.
    Returns an array of shape (len(nodes), 2) scaled to [-1, 1].
    """
    import igraph as ig

    count = nodes.size
    if count == 0:
        return np.zeros((0, 2))
    position = np.full(table.node_count, -1, dtype=np.int64)
    position[nodes] = np.arange(count)
    keep = (position[table.src] >= 0) & (position[table.dst] >= 0) & (table.src != table.dst)
    edges = np.column_stack([position[table.src[keep]], position[table.dst[keep]]])
    graph = ig.Graph(n=count, edges=edges, directed=False)
    graph.es["weight"] = np.log1p(table.weight[keep]).tolist() if keep.any() else []
    rng = np.random.default_rng(seed)
    communities = membership[nodes]
    angle = (communities % 64) / 64.0 * 2 * math.pi
    radius = 1.0 + 0.3 * (communities // 64)
    start = np.column_stack([radius * np.cos(angle), radius * np.sin(angle)]) * math.sqrt(count)
    start += rng.normal(scale=math.sqrt(count) * 0.15, size=(count, 2))
    if len(graph.connected_components()) <= 10:
        # Mostly one piece (an ego network, an agency's own accounts): Kamada-Kawai spreads each community out
        # instead of packing it into a dot, at ~1.5 s for 1,000 nodes.
        layout = graph.layout_kamada_kawai(seed=start.tolist())
    else:
        # Many pieces (a viral event's top accounts): Fruchterman-Reingold handles disconnected parts gracefully.
        layout = graph.layout_fruchterman_reingold(
            weights="weight" if keep.any() else None, niter=iterations, seed=start.tolist(), grid="nogrid"
        )
    coords = np.asarray(layout.coords, dtype=np.float64)
    coords -= coords.mean(axis=0)
    extent = np.abs(coords).max() or 1.0
    return coords / extent


def normalized_mutual_information(first: Iterable[int], second: Iterable[int]) -> float:
    import igraph as ig

    return float(ig.compare_communities(list(first), list(second), method="nmi"))
