"""Building, importing and analysing snapshots through the services and the Celery task."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.utils import timezone

from config.errors import ApplicationError, PermissionDenied
from network import services
from network.models import GraphNode, GraphSnapshot
from tests.network.conftest import DATA, run_on_commit


def test_building_from_mentions_finds_both_groups_and_the_bridge(built_graph, agency_graph):
    graph = built_graph
    assert graph.status == "done", graph.error
    assert (graph.node_count, graph.edge_count) == (11, 44)
    assert graph.community_count == 2 and graph.modularity > 0.3
    nodes = {node.label: node for node in GraphNode.objects.filter(snapshot=graph)}
    assert len({nodes[f"@a{i}"].community for i in range(5)}) == 1
    assert nodes["@a0"].community != nodes["@b0"].community
    assert nodes["@a0"].profile_id == agency_graph["a0"].pk
    assert graph.summary["bridges"][0]["name"] == "@bridge"
    assert graph.summary["top"][0]["profile_id"] is not None
    assert all(node.x is not None for node in nodes.values())
    assert graph.progress_percent == 100 and graph.backend == "igraph"


def test_hashtag_co_use_links_accounts_and_viral_hashtags_are_ranked(
    alice, agency, agency_graph, django_capture_on_commit_callbacks
):
    graph = run_on_commit(
        django_capture_on_commit_callbacks,
        lambda: services.graph_build_start(
            user=alice, organization=agency, name="Both", edge_kinds=["mentions", "hashtags"]
        ),
    )
    assert graph.status == "done", graph.error
    viral = {row["hashtag"]: row for row in graph.summary["viral_hashtags"]}
    assert viral["summer"]["growth"] > 1 and viral["summer"]["communities"] >= 2
    assert viral["summer"]["later"] == 6 and viral["summer"]["earlier"] == 1
    assert graph.summary["viral_hashtags"][0]["hashtag"] in ("summer", "beach")
    assert viral["oldnews"]["growth"] < 1
    a0 = GraphNode.objects.get(snapshot=graph, label="@a0")
    assert "summer" in a0.hashtags
    community_tags = {tag for c in graph.summary["communities"] for tag, _ in c["top_hashtags"]}
    assert "summer" in community_tags


def test_the_time_window_leaves_out_old_relations(alice, agency, agency_graph, django_capture_on_commit_callbacks):
    recent = run_on_commit(
        django_capture_on_commit_callbacks,
        lambda: services.graph_build_start(
            user=alice,
            organization=agency,
            name="Recent follows",
            edge_kinds=["follows", "mentions"],
            window_start=timezone.now() - timedelta(days=30),
        ),
    )
    everything = run_on_commit(
        django_capture_on_commit_callbacks,
        lambda: services.graph_build_start(
            user=alice, organization=agency, name="All follows", edge_kinds=["follows", "mentions"]
        ),
    )
    assert recent.edge_count == 44 and everything.edge_count == 45
    with pytest.raises(ApplicationError, match="no relations or posts"):
        services.graph_build_start(
            user=alice,
            organization=agency,
            name="Old",
            edge_kinds=["follows"],
            window_start=timezone.now() - timedelta(days=30),
        )


def test_a_viewer_cannot_build_or_import(bob, agency, agency_graph):
    with pytest.raises(PermissionDenied):
        services.graph_build_start(user=bob, organization=agency, name="x", edge_kinds=["mentions"])
    with pytest.raises(PermissionDenied):
        services.graph_import(
            user=bob, organization=agency, upload=io.BytesIO(b"1 2\n"), file_name="a.txt", fmt="edgelist"
        )
    assert not GraphSnapshot.objects.exists()


def test_unknown_edge_types_and_resolutions_are_refused(alice, agency, agency_graph):
    with pytest.raises(ApplicationError, match="Unknown edge type"):
        services.graph_build_start(user=alice, organization=agency, name="x", edge_kinds=["likes"])
    with pytest.raises(ApplicationError, match="resolution"):
        services.graph_build_start(user=alice, organization=agency, name="x", edge_kinds=["mentions"], resolution=0)


def test_importing_an_edge_list_analyses_it_and_maps_known_profiles(alice, agency, imported_graph):
    graph = imported_graph
    assert graph.status == "done" and graph.source == "imported"
    assert (graph.node_count, graph.edge_count, graph.community_count) == (6, 7, 2)
    assert GraphNode.objects.filter(snapshot=graph).count() == 6
    assert not GraphNode.objects.filter(snapshot=graph, profile__isnull=False).exists()


def test_imported_nodes_link_to_stored_profiles_by_platform_id(alice, agency, django_capture_on_commit_callbacks):
    from tests.factories import ProfileFactory

    profile = ProfileFactory(organization=agency, handle="someone", platform_id="4")
    with open(DATA / "two_triangles.edgelist", "rb") as handle:
        graph = run_on_commit(
            django_capture_on_commit_callbacks,
            lambda: services.graph_import(
                user=alice, organization=agency, upload=handle, file_name="t.edgelist", fmt="edgelist"
            ),
        )
    assert GraphNode.objects.get(snapshot=graph, key="4").profile_id == profile.pk


@pytest.mark.parametrize(
    ("name", "fmt", "message"),
    [
        ("bad_weight.edgelist", "edgelist", "Line 2"),
        ("broken.gexf", "gexf", "not a readable GEXF"),
        ("small.gexf", "graphml", "not a readable GRAPHML"),
    ],
)
def test_bad_files_are_refused_and_nothing_is_stored(alice, agency, name, fmt, message):
    with open(DATA / name, "rb") as handle, pytest.raises(ApplicationError, match=message) as caught:
        services.graph_import(user=alice, organization=agency, upload=handle, file_name=name, fmt=fmt)
    assert caught.value.field == "file" and name in caught.value.message
    assert not GraphSnapshot.objects.exists() and not GraphNode.objects.exists()


def test_running_the_task_twice_does_not_redo_the_work(imported_graph):
    assert services.graph_snapshot_analyze(snapshot_id=imported_graph.pk) is False
    assert GraphNode.objects.filter(snapshot=imported_graph).count() == 6


def test_a_failed_analysis_is_marked_with_a_reason_and_leaves_no_nodes(
    alice, agency, agency_graph, django_capture_on_commit_callbacks
):
    from profiles.models import Relation

    def start_then_remove_data():
        snapshot = services.graph_build_start(user=alice, organization=agency, name="x", edge_kinds=["mentions"])
        Relation.objects.all().delete()
        return snapshot

    graph = run_on_commit(django_capture_on_commit_callbacks, start_then_remove_data)
    assert graph.status == "failed" and "No edges" in graph.error
    assert not GraphNode.objects.filter(snapshot=graph).exists()


@pytest.mark.django_db
def test_relations_are_read_in_bulk_exactly_as_the_orm_reads_them(agency, agency_graph):
    """The binary COPY (PostgreSQL) or chunked read gives every relation of the window and kinds, id for id."""
    from profiles.models import Relation

    now = timezone.now()
    for kinds, start, end in (
        (["mentions", "follows"], None, None),
        (["mentions"], now - timedelta(days=7), None),
        (["follows"], None, now - timedelta(days=200)),
        (["retweets"], None, None),
    ):
        relations = services._relations(organization=agency, kinds=kinds, start=start, end=end)
        source, target, count = services.relation_arrays(relations)
        expected = sorted(relations.values_list("source_id", "target_id", "count"))
        assert sorted(zip(source.tolist(), target.tolist(), count.tolist(), strict=True)) == [
            (s, t, float(c)) for s, t, c in expected
        ]
    assert Relation.objects.filter(organization=agency).count() == 45


def test_a_table_from_id_arrays_is_the_table_from_pairs():
    """Parallel edges summed, an undirected graph's (a, b) and (b, a) one edge, each key keeping its edges."""
    import numpy as np

    from network.engine import EdgeTable

    pairs = [(5, 9, 1.0), (9, 5, 2.0), (5, 9, 3.0), (12, 5, 1.5), (9, 12, 1.0), (40, 5, 0.5)]
    for directed in (True, False):
        made = EdgeTable.from_id_arrays(
            np.array([p[0] for p in pairs]),
            np.array([p[1] for p in pairs]),
            np.array([p[2] for p in pairs]),
            directed=directed,
        )
        reference = EdgeTable.from_pairs([(str(s), str(t), w) for s, t, w in pairs], directed=directed)

        def edges(table: EdgeTable) -> dict[tuple[str, ...], float]:
            found: dict[tuple[str, ...], float] = {}
            for s, t, w in zip(table.src.tolist(), table.dst.tolist(), table.weight.tolist(), strict=True):
                key = (table.keys[s], table.keys[t])
                found[key if table.directed else tuple(sorted(key))] = w
            return found

        assert made.keys == ["5", "9", "12", "40"]
        assert edges(made) == edges(reference)
        assert made.edge_count == (5 if directed else 4)


def test_a_large_graph_reads_its_handles_in_one_pass_with_the_same_labels(
    monkeypatch, alice, agency, agency_graph, django_capture_on_commit_callbacks
):
    """Above BY_KEY_MAX nodes the handles come from one pass over the agency's profiles: every node keeps its
    @handle, as the keyed read gives it."""
    monkeypatch.setattr(services, "BY_KEY_MAX", 1)
    graph = run_on_commit(
        django_capture_on_commit_callbacks,
        lambda: services.graph_build_start(user=alice, organization=agency, name="Big", edge_kinds=["mentions"]),
    )
    assert graph.status == "done", graph.error
    labels = dict(GraphNode.objects.filter(snapshot=graph).values_list("profile_id", "label"))
    assert labels == {profile.pk: f"@{profile.handle}" for profile in agency_graph.values()}
