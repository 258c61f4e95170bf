"""Reads for influence graphs, always on behalf of a user (another agency's graph is a 404)."""

from __future__ import annotations

from typing import Any

import numpy as np
from django.db.models import Count, F, Q, QuerySet

from accounts.models import Organization, User
from accounts.selectors import object_get_for_user, scope_to_user
from config.errors import ApplicationError
from network.engine import EdgeTable, compare_rankings, write_graph
from network.engine.io import EXPORT_FORMATS
from network.models import GraphNode, GraphSnapshot

NODE_ORDERINGS = {
    "pagerank": "-pagerank",
    "in_strength": "-in_strength",
    "out_strength": "-out_strength",
    "degree": "-degree",
    "betweenness": "-betweenness",
    "participation": "-participation",
}
EXPORT_TYPES = {
    "gexf": ("application/gexf+xml", "gexf"),
    "graphml": ("application/graphml+xml", "graphml"),
    "csv": ("text/csv", "edges.csv"),
    "nodes-csv": ("text/csv", "nodes.csv"),
}


def graph_list(*, user: User, organization: Organization | None = None) -> QuerySet[GraphSnapshot]:
    graphs = scope_to_user(GraphSnapshot.objects.all(), user=user).defer("edges_blob", "summary")
    if organization is not None:
        graphs = graphs.filter(organization=organization)
    return graphs.select_related("organization", "created_by")


def graph_get(*, user: User, pk: object) -> GraphSnapshot:
    return object_get_for_user(GraphSnapshot.objects.select_related("organization"), user=user, pk=pk)


def graph_nodes(
    *,
    snapshot: GraphSnapshot,
    community: int | None = None,
    min_degree: int | None = None,
    search: str = "",
    ordering: str = "pagerank",
) -> QuerySet[GraphNode]:
    if ordering not in NODE_ORDERINGS:
        raise ApplicationError(
            f"Unknown ordering {ordering!r}: choose one of {', '.join(NODE_ORDERINGS)}.", field="ordering"
        )
    nodes = GraphNode.objects.filter(snapshot=snapshot)
    if community is not None:
        nodes = nodes.filter(community=community)
    if min_degree:
        nodes = nodes.filter(degree__gte=min_degree)
    if search.strip():
        term = search.strip().lstrip("@")
        nodes = nodes.filter(Q(key__iexact=term) | Q(label__icontains=term))
    # PostgreSQL sorts NULL first in descending order; betweenness is NULL when it was not computed.
    return nodes.order_by(F(NODE_ORDERINGS[ordering].lstrip("-")).desc(nulls_last=True), "index")


def graph_communities(*, snapshot: GraphSnapshot) -> list[dict[str, Any]]:
    return list(snapshot.summary.get("communities", []))


def profile_url(profile_id: int | None) -> str | None:
    return f"/profiles/{profile_id}/" if profile_id else None


def graph_explorer_data(*, snapshot: GraphSnapshot) -> dict[str, Any]:
    """The explorer's subgraph: the top accounts that have a layout position, and the edges among them."""
    rows = (
        GraphNode.objects.filter(snapshot=snapshot, x__isnull=False)
        .order_by("-pagerank", "index")
        .values(
            "index",
            "key",
            "label",
            "community",
            "pagerank",
            "in_strength",
            "out_strength",
            "degree",
            "betweenness",
            "participation",
            "hashtags",
            "profile_id",
            "x",
            "y",
        )
    )
    nodes: list[dict[str, Any]] = [
        {key: value for key, value in row.items() if key != "profile_id"}
        | {"profile_url": profile_url(row["profile_id"])}
        for row in rows
    ]
    edges: list[list[float]] = []
    if nodes and snapshot.edges_blob:
        table = EdgeTable.from_bytes(bytes(snapshot.edges_blob))
        shown = np.zeros(table.node_count, dtype=bool)
        shown[[node["index"] for node in nodes]] = True
        keep = shown[table.src] & shown[table.dst] & (table.src != table.dst)
        edges = [
            [int(s), int(t), float(w)]
            for s, t, w in zip(
                table.src[keep].tolist(), table.dst[keep].tolist(), table.weight[keep].tolist(), strict=True
            )
        ]
    return {
        "id": snapshot.pk,
        "name": snapshot.name,
        "directed": snapshot.directed,
        "total_nodes": snapshot.node_count,
        "total_edges": snapshot.edge_count,
        "truncated": len(nodes) < snapshot.node_count,
        # Every community's whole size (the summary lists only the largest 50).
        "communities": [
            {"id": row["community"], "size": row["n"]}
            for row in GraphNode.objects.filter(snapshot=snapshot, community__isnull=False)
            .values("community")
            .annotate(n=Count("pk"))
            .order_by("community")
        ],
        "nodes": nodes,
        "edges": edges,
    }


def graph_export(*, snapshot: GraphSnapshot, fmt: str) -> tuple[bytes, str, str]:
    """(content, content type, file name) for gexf, graphml, csv (edges) or nodes-csv (metrics per node)."""
    if fmt not in EXPORT_FORMATS:
        raise ApplicationError(
            f"Unknown export format {fmt!r}: choose one of {', '.join(EXPORT_FORMATS)}.", field="format"
        )
    if not snapshot.edges_blob:
        raise ApplicationError("This graph has no data to export yet.")
    table = EdgeTable.from_bytes(bytes(snapshot.edges_blob))
    columns: dict[str, list[Any]] = {}
    if fmt != "csv":
        fields = ["community", "pagerank", "in_strength", "out_strength", "degree", "betweenness", "participation"]
        rows = list(GraphNode.objects.filter(snapshot=snapshot).order_by("index").values_list("index", *fields))
        if len(rows) == table.node_count:
            for position, name in enumerate(fields, start=1):
                columns[name] = [row[position] for row in rows]
    content_type, suffix = EXPORT_TYPES[fmt]
    stem = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in snapshot.name)[:60] or "graph"
    return write_graph(table, fmt=fmt, node_columns=columns), content_type, f"{stem}.{suffix}"


def graph_compare(*, base: GraphSnapshot, other: GraphSnapshot, limit: int = 10) -> dict[str, Any]:
    """Rising and falling accounts from the earlier snapshot to the later one, by size-scaled PageRank, whichever
    of the two the comparison was started from. Earlier means the time window ends earlier (or, for imported
    graphs without a window, it was made earlier)."""
    if base.organization_id != other.organization_id:
        raise ApplicationError("Both graphs must belong to the same agency.")
    if _snapshot_time(other) < _snapshot_time(base):
        base, other = other, base
    before = dict(GraphNode.objects.filter(snapshot=base).values_list("key", "pagerank"))
    after_rows = list(GraphNode.objects.filter(snapshot=other).values_list("key", "pagerank", "label", "profile_id"))
    after = {key: rank for key, rank, _, _ in after_rows}
    names = dict(GraphNode.objects.filter(snapshot=base).values_list("key", "label"))
    names.update({key: label for key, _, label, _ in after_rows})
    result = compare_rankings(before, after, names=names, limit=limit)
    profiles = {key: profile_id for key, _, _, profile_id in after_rows if profile_id}
    for row in result["rising"] + result["falling"]:
        row["profile_url"] = profile_url(profiles.get(row["key"]))
    return {**result, "earlier_id": base.pk, "later_id": other.pk}


def _snapshot_time(snapshot: GraphSnapshot) -> tuple[Any, Any, int]:
    return (snapshot.window_end or snapshot.created_at, snapshot.created_at, snapshot.pk)
