"""`EdgeTable`: a compact, library-neutral graph (node keys + integer-coded edges), cheap to store and to convert."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    import igraph
    import networkx as nx


@dataclass
class EdgeTable:
    """Nodes are 0..n-1; `keys[i]` is node i's identifier (platform id, handle or file id), `names[i]` its label."""

    keys: list[str]
    src: np.ndarray
    dst: np.ndarray
    weight: np.ndarray
    directed: bool = True
    names: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.src = np.asarray(self.src, dtype=np.int64)
        self.dst = np.asarray(self.dst, dtype=np.int64)
        self.weight = np.asarray(self.weight, dtype=np.float64)
        if not self.names:
            self.names = list(self.keys)

    @property
    def node_count(self) -> int:
        return len(self.keys)

    @property
    def edge_count(self) -> int:
        return int(self.src.shape[0])

    @classmethod
    def from_pairs(
        cls,
        pairs: list[tuple[str, str, float]],
        *,
        directed: bool = True,
        names: dict[str, str] | None = None,
        extra_nodes: list[str] | None = None,
    ) -> EdgeTable:
        """Build from (source key, target key, weight); parallel edges are summed."""
        index: dict[str, int] = {}
        for key in extra_nodes or []:
            index.setdefault(key, len(index))
        merged: dict[tuple[int, int], float] = {}
        for source, target, weight in pairs:
            s = index.setdefault(source, len(index))
            t = index.setdefault(target, len(index))
            if not directed and s > t:
                s, t = t, s
            merged[(s, t)] = merged.get((s, t), 0.0) + float(weight)
        keys = list(index)
        src = np.fromiter((s for s, _ in merged), dtype=np.int64, count=len(merged))
        dst = np.fromiter((t for _, t in merged), dtype=np.int64, count=len(merged))
        weights = np.fromiter(merged.values(), dtype=np.float64, count=len(merged))
        label_of = names or {}
        return cls(
            keys=keys,
            src=src,
            dst=dst,
            weight=weights,
            directed=directed,
            names=[label_of.get(key, key) for key in keys],
        )

    @classmethod
    def from_id_arrays(
        cls, source: np.ndarray, target: np.ndarray, weight: np.ndarray, *, directed: bool = True
    ) -> EdgeTable:
        """Build from integer node ids (stored profiles' primary keys) in arrays, without a Python object per edge:
        nodes are the distinct ids in ascending order (keys are their decimal strings), parallel edges are summed
        (on an undirected graph, (a, b) and (b, a) are one edge). What from_pairs does, at array speed: ten million
        edges in seconds (bench/bench_graph_scale.py)."""
        source = np.asarray(source, dtype=np.int64)
        target = np.asarray(target, dtype=np.int64)
        weight = np.asarray(weight, dtype=np.float64)
        ids = np.unique(np.concatenate([source, target]))
        src = np.searchsorted(ids, source)
        dst = np.searchsorted(ids, target)
        if not directed:
            src, dst = np.minimum(src, dst), np.maximum(src, dst)
        n = max(len(ids), 1)
        pair, inverse = np.unique(src * n + dst, return_inverse=True)
        summed = np.bincount(inverse, weights=weight, minlength=pair.shape[0])
        keys = [str(value) for value in ids.tolist()]
        return cls(keys=keys, src=pair // n, dst=pair % n, weight=summed, directed=directed)

    @classmethod
    def from_networkx(cls, graph: nx.Graph, *, directed: bool | None = None, weight_attr: str = "weight") -> EdgeTable:
        nodes = list(graph.nodes)
        index = {node: i for i, node in enumerate(nodes)}
        m = graph.number_of_edges()
        src = np.empty(m, dtype=np.int64)
        dst = np.empty(m, dtype=np.int64)
        weight = np.empty(m, dtype=np.float64)
        for i, (u, v, data) in enumerate(graph.edges(data=True)):
            src[i], dst[i] = index[u], index[v]
            raw = data.get(weight_attr, 1.0)
            try:
                weight[i] = float(raw)
            except (TypeError, ValueError) as exc:
                raise ValueError(f"Edge {u} -> {v} has a non-numeric weight {raw!r}.") from exc
        names = [str(graph.nodes[node].get("label", node)) for node in nodes]
        return cls(
            keys=[str(node) for node in nodes],
            src=src,
            dst=dst,
            weight=weight,
            directed=graph.is_directed() if directed is None else directed,
            names=names,
        )

    def to_networkx(self) -> nx.Graph:
        import networkx as nx

        graph: nx.Graph = nx.DiGraph() if self.directed else nx.Graph()
        graph.add_nodes_from(range(self.node_count))
        for s, t, w in zip(self.src.tolist(), self.dst.tolist(), self.weight.tolist(), strict=True):
            if graph.has_edge(s, t):
                graph[s][t]["weight"] += w
            else:
                graph.add_edge(s, t, weight=w)
        return graph

    def to_igraph(self) -> igraph.Graph:
        import igraph as ig

        graph = ig.Graph(n=self.node_count, edges=np.column_stack([self.src, self.dst]), directed=self.directed)
        graph.es["weight"] = self.weight
        return graph

    def undirected_collapsed(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Each unordered pair once with summed weight (what community detection and bridges work on)."""
        low = np.minimum(self.src, self.dst)
        high = np.maximum(self.src, self.dst)
        n = max(self.node_count, 1)
        pair = low * n + high
        unique, inverse = np.unique(pair, return_inverse=True)
        weight = np.bincount(inverse, weights=self.weight, minlength=unique.shape[0])
        return unique // n, unique % n, weight

    # --- compact storage -----------------------------------------------------------------------------------
    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        np.savez_compressed(
            buffer,
            src=self.src.astype(np.int32),
            dst=self.dst.astype(np.int32),
            weight=self.weight.astype(np.float32),
            keys=np.frombuffer("\n".join(_one_line(k) for k in self.keys).encode(), dtype=np.uint8),
            names=np.frombuffer("\n".join(_one_line(k) for k in self.names).encode(), dtype=np.uint8),
            directed=np.array([self.directed]),
        )
        return buffer.getvalue()

    @classmethod
    def from_bytes(cls, blob: bytes) -> EdgeTable:
        with np.load(io.BytesIO(blob), allow_pickle=False) as data:
            keys = data["keys"].tobytes().decode().split("\n")
            names = data["names"].tobytes().decode().split("\n")
            if keys == [""]:
                keys, names = [], []
            return cls(
                keys=keys,
                src=data["src"],
                dst=data["dst"],
                weight=data["weight"],
                directed=bool(data["directed"][0]),
                names=names,
            )


def _one_line(text: str) -> str:
    return str(text).replace("\n", " ").replace("\r", " ")
