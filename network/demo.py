"""Demo data for `manage.py seed_demo`: one analysed influence graph in the demo agency. Idempotent."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
from django.conf import settings
from django.db import transaction

from accounts.models import Organization
from network import services
from network.engine import read_graph
from network.models import EdgeKind, GraphSnapshot, GraphSource
from profiles.models import Relation

EGO_FACEBOOK = Path(settings.BASE_DIR) / "ml" / "datasets" / "graph-ego-facebook" / "facebook_combined.txt"
DEMO_PREFIX = "Demo · "
FACEBOOK_SLICE_NODES = 1100  # ids below this cover six ego networks (0, 107, 348, 414, 686, 698)


def seed_demo_graph(*, organization: Organization, stdout: Any) -> None:
    if GraphSnapshot.objects.filter(organization=organization, name__startswith=DEMO_PREFIX).exists():
        stdout.write("  influence graph: already there")
        return
    if Relation.objects.filter(organization=organization).exists():
        snapshot = _snapshot_from_agency_data(organization)
    else:
        snapshot = _snapshot_from_ego_facebook(organization)
    services.graph_snapshot_analyze(snapshot_id=snapshot.pk)
    snapshot.refresh_from_db()
    stdout.write(
        f"  influence graph: {snapshot.name} · {snapshot.node_count} accounts, "
        f"{snapshot.community_count} communities, status {snapshot.status}"
    )


def _snapshot_from_agency_data(organization: Organization) -> GraphSnapshot:
    with transaction.atomic():
        return GraphSnapshot.objects.create(
            organization=organization,
            name=f"{DEMO_PREFIX}agency relations and hashtags",
            source=GraphSource.BUILT,
            edge_kinds=list(EdgeKind.values),
            progress_total=100,
        )


def _snapshot_from_ego_facebook(organization: Organization) -> GraphSnapshot:
    table = read_graph(EGO_FACEBOOK, fmt="edgelist", directed=False)
    ids = np.array([int(key) for key in table.keys])
    keep_node = ids < FACEBOOK_SLICE_NODES
    keep = keep_node[table.src] & keep_node[table.dst]
    old_to_new = np.full(table.node_count, -1)
    kept = np.nonzero(keep_node)[0]
    old_to_new[kept] = np.arange(kept.size)
    table.src, table.dst, table.weight = old_to_new[table.src[keep]], old_to_new[table.dst[keep]], table.weight[keep]
    table.keys = [table.keys[i] for i in kept]
    table.names = [f"fb-{key}" for key in table.keys]
    with transaction.atomic():
        return GraphSnapshot.objects.create(
            organization=organization,
            name=f"{DEMO_PREFIX}ego-Facebook slice (SNAP)",
            source=GraphSource.IMPORTED,
            source_file_name="facebook_combined.txt",
            source_format="edgelist",
            directed=False,
            node_count=table.node_count,
            edge_count=table.edge_count,
            edges_blob=table.to_bytes(),
            progress_total=100,
        )
