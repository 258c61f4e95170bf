"""seed_demo leaves a populated influence graph in the demo agency, once."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from network.models import GraphNode, GraphSnapshot


@pytest.mark.slow
def test_seed_demo_imports_an_analysed_graph_once(db):
    call_command("seed_demo", "--quiet-passwords", "--force", stdout=io.StringIO())
    graph = GraphSnapshot.objects.get()
    assert graph.status == "done" and graph.organization.slug == "demo-agency"
    assert graph.node_count > 500 and graph.community_count >= 4 and graph.modularity > 0.5
    assert GraphNode.objects.filter(snapshot=graph).count() == graph.node_count
    call_command("seed_demo", "--quiet-passwords", "--force", stdout=io.StringIO())
    assert GraphSnapshot.objects.count() == 1


def test_seed_demo_builds_from_agency_relations_when_present(db, agency_graph):
    from accounts.models import Organization
    from network.demo import seed_demo_graph

    # The demo step alone: seed_demo also loads demo profiles, whose relations would join this graph.
    organization = Organization.objects.get(slug="alice-agency")
    seed_demo_graph(organization=organization, stdout=io.StringIO())
    graph = GraphSnapshot.objects.get()
    assert graph.source == "built" and graph.status == "done" and graph.node_count == 11
