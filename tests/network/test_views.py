"""Pages: list, build / import forms, detail with explorer data, exports, compare; charlie gets 404 everywhere."""

from __future__ import annotations

import io

import networkx as nx
import pytest
from django.urls import reverse

from network.models import GraphSnapshot
from tests.network.conftest import DATA


def test_the_list_shows_the_agency_graphs_and_both_forms(alice_client, built_graph):
    response = alice_client.get(reverse("network:graph_list"))
    assert response.status_code == 200
    body = response.content.decode()
    # The graph's own row (a link named after it), not the "Mentions" edge-kind label of the build form.
    assert f'<a href="{reverse("network:graph_detail", args=[built_graph.pk])}">Mentions</a>' in body
    assert 'id="build-form"' in body and 'id="import-form"' in body


def test_charlie_sees_no_graph_of_alice_in_his_list(charlie_client, built_graph):
    response = charlie_client.get(reverse("network:graph_list"))
    body = response.content.decode()
    assert response.status_code == 200 and "No graphs yet" in body
    assert reverse("network:graph_detail", args=[built_graph.pk]) not in body


def test_building_from_the_form_redirects_to_the_new_graph(
    alice_client, agency_graph, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = alice_client.post(
            reverse("network:graph_build"),
            {"name": "From form", "edge_kinds": ["mentions", "tags"], "resolution": "1.0"},
        )
    graph = GraphSnapshot.objects.get(name="From form")
    assert response.status_code == 302 and response.url == reverse("network:graph_detail", args=[graph.pk])
    graph.refresh_from_db()
    assert graph.status == "done" and graph.edge_kinds == ["mentions", "tags"]


def test_a_viewer_gets_a_clear_refusal_from_the_build_form(bob_client, agency_graph):
    response = bob_client.post(reverse("network:graph_build"), {"edge_kinds": ["mentions"], "resolution": "1"})
    assert response.status_code == 403 and "does not allow this" in response.content.decode()
    assert not GraphSnapshot.objects.exists()


def test_uploading_a_bad_file_shows_the_reason_and_stores_nothing(alice_client, agency):
    upload = io.BytesIO(b"1 2 1\n2 3 heavy\n")
    upload.name = "bad.edgelist"
    response = alice_client.post(
        reverse("network:graph_import"), {"file": upload, "format": "edgelist", "direction": "auto", "resolution": "1"}
    )
    assert response.status_code == 400
    assert "Line 2" in response.content.decode() and not GraphSnapshot.objects.exists()


def test_uploading_a_gexf_file_imports_it(alice_client, agency, django_capture_on_commit_callbacks):
    with open(DATA / "small.gexf", "rb") as handle, django_capture_on_commit_callbacks(execute=True):
        response = alice_client.post(
            reverse("network:graph_import"), {"file": handle, "format": "gexf", "direction": "auto", "resolution": "1"}
        )
    graph = GraphSnapshot.objects.get()
    assert response.status_code == 302 and graph.name == "small.gexf" and graph.source_format == "gexf"


def test_the_detail_page_shows_tables_and_the_explorer(alice_client, built_graph):
    response = alice_client.get(reverse("network:graph_detail", args=[built_graph.pk]))
    body = response.content.decode()
    assert response.status_code == 200
    assert 'id="graph-explorer"' in body and "vendor/sigma/sigma.min.js" in body
    assert "@bridge" in body and 'id="communities"' in body and "/profiles/" in body


def test_a_running_graph_shows_a_progress_bar_that_polls(alice_client, alice, agency):
    graph = GraphSnapshot.objects.create(
        organization=agency, name="Pending", progress_done=40, progress_total=100, status="running"
    )
    body = alice_client.get(reverse("network:graph_detail", args=[graph.pk])).content.decode()
    assert 'role="progressbar"' in body and "40%" in body and "hx-trigger" in body
    graph.status = "done"
    graph.save()
    response = alice_client.get(reverse("network:graph_progress", args=[graph.pk]))
    assert response["HX-Refresh"] == "true"


def test_explorer_data_has_positions_edges_and_profile_links(alice_client, built_graph, agency_graph):
    data = alice_client.get(reverse("network:graph_data", args=[built_graph.pk])).json()
    assert len(data["nodes"]) == 11 and len(data["edges"]) == 44 and not data["truncated"]
    a0 = next(node for node in data["nodes"] if node["label"] == "@a0")
    assert a0["profile_url"] == f"/profiles/{agency_graph['a0'].pk}/"
    assert all(isinstance(node["x"], float) for node in data["nodes"])


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_exports_download_a_file_that_reads_back(alice_client, built_graph, fmt):
    response = alice_client.get(reverse("network:graph_export", args=[built_graph.pk, fmt]))
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    graph = (nx.read_gexf if fmt == "gexf" else nx.read_graphml)(io.BytesIO(response.content))
    assert graph.number_of_nodes() == 11 and graph.number_of_edges() == 44
    assert {"pagerank", "community"} <= set(next(iter(graph.nodes(data=True)))[1])


def test_csv_exports(alice_client, built_graph):
    edges = alice_client.get(reverse("network:graph_export", args=[built_graph.pk, "csv"])).content.decode()
    nodes = alice_client.get(reverse("network:graph_export", args=[built_graph.pk, "nodes-csv"])).content.decode()
    assert edges.startswith("source,target,weight") and len(edges.splitlines()) == 45
    assert nodes.startswith("id,label,community,pagerank") and "@bridge" in nodes


def test_comparing_two_snapshots_lists_rising_and_falling(
    alice, agency, alice_client, built_graph, django_capture_on_commit_callbacks
):
    from network import services
    from tests.network.conftest import run_on_commit

    with open(DATA / "small.gexf", "rb") as handle:
        other = run_on_commit(
            django_capture_on_commit_callbacks,
            lambda: services.graph_import(
                user=alice, organization=agency, upload=handle, file_name="small.gexf", fmt="gexf"
            ),
        )
    response = alice_client.get(reverse("network:graph_compare", args=[built_graph.pk]), {"other": other.pk})
    body = response.content.decode()
    assert response.status_code == 200 and 'id="rising"' in body and 'id="falling"' in body
    assert "Alpha" in body and "new" in body and "gone" in body and "@a0" in body


@pytest.mark.parametrize("name", ["graph_detail", "graph_data", "graph_progress", "graph_compare"])
def test_charlie_gets_404_on_alice_graph_pages(charlie_client, built_graph, name):
    response = charlie_client.get(reverse(f"network:{name}", args=[built_graph.pk]), {"other": built_graph.pk})
    assert response.status_code == 404


def test_charlie_gets_404_on_export_and_delete(charlie_client, built_graph):
    assert charlie_client.get(reverse("network:graph_export", args=[built_graph.pk, "gexf"])).status_code == 404
    assert charlie_client.post(reverse("network:graph_delete", args=[built_graph.pk])).status_code == 404
    assert GraphSnapshot.objects.filter(pk=built_graph.pk).exists()


def test_the_owner_can_delete_a_graph(alice_client, built_graph):
    response = alice_client.post(reverse("network:graph_delete", args=[built_graph.pk]))
    assert response.status_code == 302 and not GraphSnapshot.objects.filter(pk=built_graph.pk).exists()


def test_the_build_form_window_covers_whole_days(alice_client, agency_graph, django_capture_on_commit_callbacks):
    from django.utils import timezone

    today = timezone.localdate().isoformat()
    with django_capture_on_commit_callbacks(execute=True):
        response = alice_client.post(
            reverse("network:graph_build"),
            {
                "name": "Today",
                "edge_kinds": ["mentions"],
                "resolution": "1",
                "window_start": today,
                "window_end": today,
            },
        )
    graph = GraphSnapshot.objects.get(name="Today")
    assert response.status_code == 302 and graph.window_end > graph.window_start
    assert (graph.window_end - graph.window_start).total_seconds() > 86000


def test_comparing_from_the_newer_snapshot_still_runs_old_to_new(alice_client, built_graph, agency, alice):
    import datetime as dt

    from network.models import GraphNode, GraphSnapshot

    older = GraphSnapshot.objects.create(
        organization=agency,
        name="Last spring",
        status="done",
        node_count=1,
        window_end=built_graph.created_at - dt.timedelta(days=90),
    )
    GraphNode.objects.create(
        snapshot=older,
        index=0,
        key=GraphNode.objects.filter(snapshot=built_graph).order_by("-pagerank").first().key,
        label="top",
        pagerank=0.001,
    )
    page = alice_client.get(reverse("network:graph_compare", args=[built_graph.pk]), {"other": older.pk})
    direction = page.content.decode().split('id="compare-direction"')[1].split("</p>")[0]
    assert direction.index("Last spring") < direction.index(built_graph.name)
    assert page.context["earlier"] == older and page.context["later"] == built_graph
    # The top account of the newer graph was tiny in the older one: it rises, it does not fall.
    assert page.context["comparison"]["rising"] and not any(
        row["label"] == "top" for row in page.context["comparison"]["falling"]
    )


def test_engine_timings_are_for_staff_and_a_new_hashtag_says_new(alice, alice_client, built_graph):
    url = reverse("network:graph_detail", args=[built_graph.pk])
    summary = dict(built_graph.summary)
    summary["viral_hashtags"] = [
        {"hashtag": "fresh", "accounts": 5, "communities": 2, "earlier": 0, "later": 48, "growth": 49.0, "change": None}
    ]
    GraphSnapshot.objects.filter(pk=built_graph.pk).update(summary=summary)
    body = alice_client.get(url).content.decode()
    assert 'id="timings"' not in body and "seconds" not in body
    assert "×49" not in body and '<span class="badge text-bg-info">new</span>' in body
    alice.is_staff = True
    alice.save(update_fields=["is_staff"])
    assert 'id="timings"' in alice_client.get(url).content.decode()


def test_graph_sizes_have_thousands_separators_on_every_page(alice_client, agency):
    """#27: "2061 accounts" on the graph pages."""
    graph = GraphSnapshot.objects.create(
        organization=agency, name="Big", status="done", node_count=2061, edge_count=12345, community_count=3
    )
    listing = alice_client.get(reverse("network:graph_list")).content.decode()
    detail = alice_client.get(reverse("network:graph_detail", args=[graph.pk])).content.decode()
    dashboard = alice_client.get("/dashboard/").content.decode()
    for page in (listing, detail, dashboard):
        assert "2,061" in page and "2061" not in page.replace("2,061", "")
