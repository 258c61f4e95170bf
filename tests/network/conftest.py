"""Fixtures for the network tests: a small agency graph with two clear communities joined by one bridge account."""

from __future__ import annotations

from datetime import timedelta
from itertools import permutations

import pytest
from django.utils import timezone

from network import services
from network.models import GraphSnapshot
from profiles.models import Relation, RelationKind
from tests.factories import PostFactory, ProfileFactory

DATA = __import__("pathlib").Path(__file__).resolve().parent.parent / "data" / "network"


@pytest.fixture
def agency_graph(agency):
    """Groups a0..a4 and b0..b4 mention each other densely; `bridge` mentions into both groups."""
    now = timezone.now()
    profiles = {}
    for name in [*(f"a{i}" for i in range(5)), *(f"b{i}" for i in range(5)), "bridge"]:
        profiles[name] = ProfileFactory(organization=agency, handle=name, is_linked=name in ("a0", "b0"))
    for group in ("a", "b"):
        for first, second in permutations(range(5), 2):
            Relation.objects.create(
                organization=agency,
                source=profiles[f"{group}{first}"],
                target=profiles[f"{group}{second}"],
                kind=RelationKind.MENTIONS,
                count=3,
                first_seen_at=now - timedelta(days=10),
                last_seen_at=now,
            )
    for target in ("a0", "a1", "b0", "b1"):
        Relation.objects.create(
            organization=agency,
            source=profiles["bridge"],
            target=profiles[target],
            kind=RelationKind.MENTIONS,
            count=1,
            first_seen_at=now - timedelta(days=5),
            last_seen_at=now,
        )
    # An old follow far outside any recent window.
    Relation.objects.create(
        organization=agency,
        source=profiles["a0"],
        target=profiles["b4"],
        kind=RelationKind.FOLLOWS,
        first_seen_at=now - timedelta(days=400),
        last_seen_at=now - timedelta(days=380),
    )
    # #summer grows and crosses communities; #oldnews only early and inside group a.
    for i, name in enumerate(["a0", "a1", "a2"]):
        PostFactory(profile=profiles[name], hashtags=["oldnews"], taken_at=now - timedelta(days=20, hours=i))
    PostFactory(profile=profiles["a3"], hashtags=["summer"], taken_at=now - timedelta(days=19))
    for i, name in enumerate(["a0", "a4", "b0", "b1", "b2", "bridge"]):
        PostFactory(profile=profiles[name], hashtags=["summer", "Beach"], taken_at=now - timedelta(days=1, hours=i))
    return profiles


def run_on_commit(django_capture_on_commit_callbacks, call):
    """Run a service and the Celery task it enqueues on commit (eager in tests)."""
    with django_capture_on_commit_callbacks(execute=True):
        result = call()
    if isinstance(result, GraphSnapshot):
        result.refresh_from_db()
    return result


@pytest.fixture
def built_graph(alice, agency, agency_graph, django_capture_on_commit_callbacks) -> GraphSnapshot:
    return run_on_commit(
        django_capture_on_commit_callbacks,
        lambda: services.graph_build_start(user=alice, organization=agency, name="Mentions", edge_kinds=["mentions"]),
    )


@pytest.fixture
def imported_graph(alice, agency, django_capture_on_commit_callbacks) -> GraphSnapshot:
    with open(DATA / "two_triangles.edgelist", "rb") as handle:
        return run_on_commit(
            django_capture_on_commit_callbacks,
            lambda: services.graph_import(
                user=alice, organization=agency, upload=handle, file_name="two_triangles.edgelist", fmt="edgelist"
            ),
        )
