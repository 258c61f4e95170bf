"""Pure-Python graph engine: loading, analysing and writing influence graphs. No Django imports here.

The data model is `EdgeTable` (node keys + integer-coded edge arrays). Analysis runs on python-igraph (C) by
default — PageRank, Louvain (`community_multilevel`) refined by a Leiden pass, modularity, sampled betweenness — and
on plain networkx behind the same interface (`backend="networkx"`) for comparison and small graphs.
"""

from __future__ import annotations

from network.engine.analysis import (
    Analysis,
    analyze,
    bridge_accounts,
    community_summaries,
    compare_rankings,
    explorer_view,
    layout_subgraph,
    normalized_mutual_information,
    viral_hashtags,
)
from network.engine.io import GraphFormatError, read_graph, write_graph
from network.engine.table import EdgeTable

__all__ = [
    "Analysis",
    "EdgeTable",
    "GraphFormatError",
    "analyze",
    "bridge_accounts",
    "community_summaries",
    "compare_rankings",
    "explorer_view",
    "layout_subgraph",
    "normalized_mutual_information",
    "read_graph",
    "viral_hashtags",
    "write_graph",
]
