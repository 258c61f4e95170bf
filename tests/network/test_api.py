"""REST API: tenant-scoped list / create / retrieve, nodes, communities, export, compare."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse

from network.models import EdgeKind, GraphNode, GraphSnapshot
from tests.network.conftest import DATA


def test_listing_shows_only_the_users_agencies(api_client_for, alice, charlie, built_graph):
    alice_list = api_client_for(alice).get(reverse("api:graph-list")).json()
    assert [row["id"] for row in alice_list["results"]] == [built_graph.pk]
    assert api_client_for(charlie).get(reverse("api:graph-list")).json()["results"] == []


def test_creating_a_build_returns_202_and_runs(
    api_client_for, alice, agency, agency_graph, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = api_client_for(alice).post(
            reverse("api:graph-list"), {"name": "API", "edge_kinds": ["mentions"], "resolution": 1.2}, format="json"
        )
    assert response.status_code == 202 and response.json()["source"] == "built"
    graph = GraphSnapshot.objects.get(pk=response.json()["id"])
    assert graph.status == "done" and graph.resolution == 1.2 and graph.organization == agency


def test_importing_through_the_api(api_client_for, alice, agency, django_capture_on_commit_callbacks):
    with open(DATA / "small.graphml", "rb") as handle, django_capture_on_commit_callbacks(execute=True):
        response = api_client_for(alice).post(
            reverse("api:graph-list"), {"file": handle, "format": "graphml"}, format="multipart"
        )
    assert response.status_code == 202
    detail = api_client_for(alice).get(reverse("api:graph-detail", args=[response.json()["id"]])).json()
    assert detail["status"] == "done" and detail["node_count"] == 4 and detail["directed"] is False
    assert "communities" in detail["summary"]


def test_a_bad_upload_gets_the_api_error_format_and_stores_nothing(api_client_for, alice, agency):
    upload = io.BytesIO(b"a b c d\nx\n")
    upload.name = "broken.txt"
    response = api_client_for(alice).post(
        reverse("api:graph-list"), {"file": upload, "format": "edgelist"}, format="multipart"
    )
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid" and "broken.txt" in error["message"] and "file" in error["fields"]
    assert not GraphSnapshot.objects.exists()


def test_without_edge_kinds_or_a_file_it_builds_from_every_kind(api_client_for, alice, agency, agency_graph):
    response = api_client_for(alice).post(reverse("api:graph-list"), {"name": "x"}, format="json")
    assert response.status_code == 202 and response.json()["source"] == "built"
    assert sorted(GraphSnapshot.objects.get(name="x").edge_kinds) == sorted(EdgeKind.values)


def test_a_file_needs_its_format(api_client_for, alice, agency):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("g.txt", b"a b\n", content_type="text/plain")
    response = api_client_for(alice).post(reverse("api:graph-list"), {"file": upload}, format="multipart")
    assert response.status_code == 400 and "format" in response.json()["error"]["fields"]


def test_charlie_cannot_create_in_alices_agency(api_client_for, charlie, agency, agency_graph):
    response = api_client_for(charlie).post(
        reverse("api:graph-list"), {"organization": agency.pk, "edge_kinds": ["mentions"]}, format="json"
    )
    assert response.status_code == 404 and not GraphSnapshot.objects.exists()


def test_a_viewer_gets_403_on_create(api_client_for, bob, agency, agency_graph):
    response = api_client_for(bob).post(reverse("api:graph-list"), {"edge_kinds": ["mentions"]}, format="json")
    assert response.status_code == 403 and response.json()["error"]["code"] == "permission_denied"


def test_nodes_filter_by_community_degree_and_search(api_client_for, alice, built_graph, agency_graph):
    client = api_client_for(alice)
    url = reverse("api:graph-nodes", args=[built_graph.pk])
    everyone = client.get(url).json()
    assert everyone["count"] == 11 and everyone["results"][0]["pagerank"] >= everyone["results"][1]["pagerank"]
    a0 = client.get(url, {"search": "@a0"}).json()["results"][0]
    assert a0["profile_url"] == f"/profiles/{agency_graph['a0'].pk}/"
    same = client.get(url, {"community": a0["community"]}).json()
    assert 5 <= same["count"] <= 6 and all(row["community"] == a0["community"] for row in same["results"])
    assert client.get(url, {"min_degree": 5}).json()["count"] == 4
    assert client.get(url, {"ordering": "nonsense"}).status_code == 400


def test_communities_endpoint(api_client_for, alice, built_graph):
    data = api_client_for(alice).get(reverse("api:graph-communities", args=[built_graph.pk])).json()
    assert data["count"] == 2 and len(data["communities"]) == 2 and data["bridges"][0]["name"] == "@bridge"


def test_export_endpoint(api_client_for, alice, built_graph):
    client = api_client_for(alice)
    response = client.get(reverse("api:graph-export", args=[built_graph.pk, "graphml"]))
    assert response.status_code == 200 and b"<graphml" in response.content
    assert client.get(reverse("api:graph-export", args=[built_graph.pk, "pdf"])).status_code == 400


def test_compare_endpoint(api_client_for, alice, built_graph, imported_graph):
    data = api_client_for(alice).get(reverse("api:graph-compare", args=[built_graph.pk, imported_graph.pk])).json()
    # Built graphs key nodes by profile id, the file by its own ids ("1".."6"), so some keys may coincide.
    before = set(GraphNode.objects.filter(snapshot=built_graph).values_list("key", flat=True))
    after = set(GraphNode.objects.filter(snapshot=imported_graph).values_list("key", flat=True))
    assert (data["common"], data["gone"], data["new"]) == (
        len(before & after),
        len(before - after),
        len(after - before),
    )
    assert data["falling"] and data["gone"] >= 5


@pytest.mark.parametrize(
    ("name", "extra"),
    [("api:graph-detail", []), ("api:graph-nodes", []), ("api:graph-communities", []), ("api:graph-export", ["gexf"])],
)
def test_charlie_gets_404_on_alices_graph(api_client_for, charlie, built_graph, name, extra):
    response = api_client_for(charlie).get(reverse(name, args=[built_graph.pk, *extra]))
    assert response.status_code == 404


def test_charlie_cannot_delete_and_alice_can(api_client_for, alice, charlie, built_graph):
    url = reverse("api:graph-detail", args=[built_graph.pk])
    assert api_client_for(charlie).delete(url).status_code == 404
    assert api_client_for(alice).delete(url).status_code == 204
    assert not GraphSnapshot.objects.exists()


def test_listing_filters_by_organization_and_rejects_nonsense(api_client_for, alice, agency, built_graph):
    client = api_client_for(alice)
    assert client.get(reverse("api:graph-list"), {"organization": agency.pk}).json()["count"] == 1
    assert client.get(reverse("api:graph-list"), {"organization": agency.pk + 999}).json()["count"] == 0
    assert client.get(reverse("api:graph-list"), {"organization": "abc"}).status_code == 400
