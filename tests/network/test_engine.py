"""The pure-Python engine: readers, writers, analysis on both backends, quality on planted communities."""

from __future__ import annotations

import io

import networkx as nx
import numpy as np
import pytest

from network.engine import (
    EdgeTable,
    GraphFormatError,
    analyze,
    bridge_accounts,
    community_summaries,
    compare_rankings,
    layout_subgraph,
    normalized_mutual_information,
    read_graph,
    viral_hashtags,
    write_graph,
)
from tests.network.conftest import DATA


def _two_cliques_with_bridge() -> EdgeTable:
    pairs = []
    for group in ("a", "b"):
        for i in range(6):
            for j in range(6):
                if i != j:
                    pairs.append((f"{group}{i}", f"{group}{j}", 2.0))
    pairs += [("hub", "a0", 1.0), ("hub", "b0", 1.0), ("a1", "hub", 1.0), ("b1", "hub", 1.0)]
    return EdgeTable.from_pairs(pairs, directed=True)


def test_snap_edge_list_reads_weights_and_skips_comments():
    table = read_graph(DATA / "two_triangles.edgelist", fmt="edgelist")
    assert table.node_count == 6 and table.edge_count == 7 and table.directed
    weights = {(table.keys[s], table.keys[t]): w for s, t, w in zip(table.src, table.dst, table.weight, strict=True)}
    assert weights[("1", "2")] == 2.0 and weights[("3", "4")] == 1.0


def test_edge_list_without_weights_and_with_csv_header():
    table = read_graph(b"source,target\nx,y\ny,z\n", fmt="edgelist", directed=False)
    assert table.keys == ["x", "y", "z"] and list(table.weight) == [1.0, 1.0] and not table.directed


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"1 2 1\n2 3 heavy\n", "Line 2"),
        (b"# only a comment\n", "no edges"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "UTF-8|binary"),
        (b"1 2 -3\n", "negative"),
    ],
)
def test_bad_edge_lists_are_refused_with_a_reason(content, message):
    with pytest.raises(GraphFormatError, match=message):
        read_graph(content, fmt="edgelist")


def test_gexf_and_graphml_are_read_with_labels_weights_and_direction():
    gexf = read_graph(DATA / "small.gexf", fmt="gexf")
    assert gexf.directed and gexf.names == ["Alpha", "Beta", "Gamma"]
    assert sorted(gexf.weight.tolist()) == [1.0, 1.5, 3.0]
    graphml = read_graph(DATA / "small.graphml", fmt="graphml")
    assert not graphml.directed and graphml.node_count == 4 and sorted(graphml.weight.tolist()) == [1.0, 2.0, 4.0]


def test_broken_xml_and_entity_declarations_are_refused():
    with pytest.raises(GraphFormatError, match="not a readable GEXF"):
        read_graph(DATA / "broken.gexf", fmt="gexf")
    bomb = b'<?xml version="1.0"?><!DOCTYPE g [<!ENTITY a "aaaa">]><graphml><graph>&a;</graph></graphml>'
    with pytest.raises(GraphFormatError, match="entities"):
        read_graph(bomb, fmt="graphml")


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_exports_round_trip_with_metrics(fmt):
    table = read_graph(DATA / "two_triangles.edgelist", fmt="edgelist")
    analysis = analyze(table)
    blob = write_graph(
        table, fmt=fmt, node_columns={"pagerank": analysis.pagerank.tolist(), "community": analysis.membership.tolist()}
    )
    again = read_graph(blob, fmt=fmt)
    assert again.node_count == 6 and again.edge_count == 7 and again.directed
    graph = (nx.read_gexf if fmt == "gexf" else nx.read_graphml)(io.BytesIO(blob))
    assert abs(sum(data["pagerank"] for _, data in graph.nodes(data=True)) - 1.0) < 1e-6


def test_csv_exports_list_edges_and_node_metrics():
    table = read_graph(DATA / "two_triangles.edgelist", fmt="edgelist")
    edges = write_graph(table, fmt="csv").decode().splitlines()
    assert edges[0] == "source,target,weight" and "1,2,2" in edges and len(edges) == 8
    nodes = write_graph(table, fmt="nodes-csv", node_columns={"community": [0, 0, 0, 1, 1, 1]}).decode()
    assert nodes.splitlines()[0] == "id,label,community" and "4,4,1" in nodes


def test_edge_table_survives_compact_storage():
    table = read_graph(DATA / "small.gexf", fmt="gexf")
    again = EdgeTable.from_bytes(table.to_bytes())
    assert again.keys == table.keys and again.names == table.names and again.directed
    assert np.array_equal(again.src, table.src) and np.allclose(again.weight, table.weight)


def test_two_cliques_become_two_communities_and_the_hub_is_the_bridge():
    table = _two_cliques_with_bridge()
    analysis = analyze(table)
    index = {key: i for i, key in enumerate(table.keys)}
    membership = analysis.membership
    assert len({membership[index[f"a{i}"]] for i in range(6)}) == 1
    assert len({membership[index[f"b{i}"]] for i in range(6)}) == 1
    assert membership[index["a0"]] != membership[index["b0"]]
    assert analysis.modularity > 0.3
    bridges = bridge_accounts(table, analysis, limit=3)
    assert bridges[0]["key"] == "hub" and len(bridges[0]["communities"]) >= 2
    assert analysis.in_strength[index["a0"]] == 2.0 * 5 + 1.0 and analysis.out_strength[index["hub"]] == 2.0
    summaries = community_summaries(table, analysis)
    assert sum(s["size"] for s in summaries) == table.node_count and summaries[0]["size"] >= 6


@pytest.mark.slow
def test_igraph_and_networkx_backends_agree():
    table = read_graph(
        DATA / "../../../ml/datasets/graph-ego-facebook/facebook_combined.txt", fmt="edgelist", directed=False
    )
    fast = analyze(table, backend="igraph", betweenness="off")
    reference = analyze(table, backend="networkx", betweenness="off")
    # networkx's default stopping rule leaves ~1% error on single values; run to convergence they agree to 1e-6.
    assert np.abs(fast.pagerank - reference.pagerank).sum() < 0.05
    converged = nx.pagerank(table.to_networkx(), tol=1e-12)
    assert np.allclose(fast.pagerank, [converged[i] for i in range(table.node_count)], rtol=1e-6)
    assert set(fast.top(5).tolist()) == set(reference.top(5).tolist())
    assert fast.modularity >= reference.modularity - 0.01
    assert normalized_mutual_information(fast.membership, reference.membership) > 0.7


def test_sampled_betweenness_tracks_the_exact_value():
    graph = nx.barabasi_albert_graph(600, 3, seed=1)
    table = EdgeTable.from_networkx(graph)
    exact = analyze(table, betweenness="exact").betweenness
    reference = nx.betweenness_centrality(graph)
    assert np.allclose(exact, [reference[i] for i in range(600)], atol=1e-9)
    sampled = analyze(table, betweenness="sampled", betweenness_samples=200).betweenness
    top_exact = set(np.argsort(-exact)[:10].tolist())
    top_sampled = set(np.argsort(-sampled)[:10].tolist())
    assert len(top_exact & top_sampled) >= 7


def test_louvain_recovers_planted_lfr_communities():
    graph = nx.LFR_benchmark_graph(
        500, 3, 1.5, 0.3, average_degree=15, max_degree=50, min_community=30, max_community=100, seed=7
    )
    planted = {frozenset(graph.nodes[node]["community"]) for node in graph}
    truth = np.empty(graph.number_of_nodes(), dtype=int)
    for label, members in enumerate(planted):
        truth[list(members)] = label
    table = EdgeTable.from_networkx(graph)
    analysis = analyze(table, betweenness="off")
    found = np.empty_like(truth)
    found[[int(key) for key in table.keys]] = analysis.membership
    assert normalized_mutual_information(truth, found) >= 0.9


def test_resolution_controls_community_size():
    table = EdgeTable.from_networkx(nx.connected_caveman_graph(12, 6))
    coarse = analyze(table, resolution=0.1, betweenness="off").community_count
    fine = analyze(table, resolution=2.0, betweenness="off").community_count
    assert coarse < fine


def test_viral_hashtags_rank_growth_across_communities():
    membership = np.array([0, 0, 1, 1, 2])
    uses = [
        (0, "old", 1.0),
        (1, "old", 2.0),
        (0, "wave", 1.0),
        (0, "wave", 11.0),
        (2, "wave", 12.0),
        (4, "wave", 13.0),
        (3, "solo", 12.0),
    ]
    rows = viral_hashtags(uses, membership, split=10.0)
    assert [row["hashtag"] for row in rows] == ["wave", "old"]
    wave = rows[0]
    assert wave["communities"] == 3 and wave["earlier"] == 1 and wave["later"] == 3 and wave["growth"] == 2.0
    assert wave["change"] == 3.0  # what the page shows: three times the earlier uses, not the smoothed 2.0


def test_comparing_rankings_finds_rising_falling_new_and_gone():
    before = {"a": 0.5, "b": 0.3, "c": 0.2}
    after = {"a": 0.2, "b": 0.3, "d": 0.5}
    result = compare_rankings(before, after)
    assert result["rising"][0]["key"] == "d" and result["rising"][0]["status"] == "new"
    assert [row["key"] for row in result["falling"]][:2] == ["a", "c"]
    assert (result["common"], result["new"], result["gone"]) == (2, 1, 1)


def test_layout_gives_finite_positions_for_the_shown_subgraph():
    table = _two_cliques_with_bridge()
    analysis = analyze(table)
    nodes = analysis.top(8)
    positions = layout_subgraph(table, nodes, analysis.membership)
    assert positions.shape == (8, 2) and np.isfinite(positions).all() and np.abs(positions).max() <= 1.0 + 1e-9


def test_integer_and_string_ids_read_the_same_and_leading_zeros_are_kept():
    fast = read_graph(b"10 20 1\n20 30 2.5\n", fmt="edgelist")
    assert fast.keys == ["10", "20", "30"] and fast.weight.tolist() == [1.0, 2.5]
    careful = read_graph(b"010 20\n10 20\n", fmt="edgelist")
    assert sorted(careful.keys) == ["010", "10", "20"]


def test_the_explorer_draws_the_accounts_that_carry_the_structure_not_a_disc_of_dots():
    """A sparse graph: a few heavy ties, two clusters, and many high-PageRank accounts with one stray edge each to
    accounts outside the top. The top-N by PageRank is mostly dots; the explorer's view has no isolated account and
    keeps the heaviest tie and both clusters."""
    from network.engine import analyze, explorer_view

    pairs = [("heavy_a", "heavy_b", 50.0)]
    pairs += [(f"a{i}", f"a{j}", 1.0) for i in range(8) for j in range(8) if i != j]  # cluster a
    pairs += [(f"b{i}", f"b{j}", 1.0) for i in range(8) for j in range(8) if i != j]  # cluster b
    pairs += [(f"fan{k}_{i}", f"star{k}", 1.0) for k in range(30) for i in range(3)]  # 30 stars: high PageRank
    table = EdgeTable.from_pairs(pairs, directed=True)
    analysis = analyze(table, resolution=1.0, betweenness=None)
    limit = 30
    view = explorer_view(table, analysis, limit)
    key = {i: k for i, k in enumerate(table.keys)}
    drawn = {key[int(i)] for i in view}
    inside = np.isin(table.src, view) & np.isin(table.dst, view)
    linked = set(table.src[inside].tolist()) | set(table.dst[inside].tolist())
    assert len(view) <= limit and set(view.tolist()) <= linked  # no account without an edge among the drawn
    assert {"heavy_a", "heavy_b"} <= drawn
    assert any(k.startswith("a") and k[1:].isdigit() for k in drawn) and any(
        k.startswith("b") and k[1:].isdigit() for k in drawn
    )
    top = analysis.top(limit)
    top_inside = np.isin(table.src, top) & np.isin(table.dst, top)
    assert inside.sum() > top_inside.sum()  # more of the graph's edges drawn than with the top-N
