"""Writes for influence graphs: start a build, import a file, run the analysis (from the Celery task), delete."""

from __future__ import annotations

import logging
import math
from collections import Counter
from datetime import UTC, datetime
from itertools import combinations
from typing import IO, Any

import numpy as np
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from accounts.models import Organization, User
from accounts.roles import Capability
from accounts.selectors import membership_require
from config.errors import ApplicationError, Conflict
from config.jobs import JobStatus, after_commit, job_heartbeat
from network.engine import EdgeTable, GraphFormatError, analyze, read_graph
from network.engine.analysis import (
    bridge_accounts,
    community_summaries,
    explorer_view,
    layout_subgraph,
    top_accounts,
    viral_hashtags,
)
from network.engine.io import FORMATS
from network.models import EdgeKind, GraphNode, GraphSnapshot, GraphSource
from profiles.models import Post, Profile, Relation

logger = logging.getLogger(__name__)

MAX_UPLOAD_BYTES = 50 * 1024 * 1024
VIEW_NODE_LIMIT = 1000  # the explorer draws at most this many top accounts; tables cover the rest
HASHTAG_CLIQUE_LIMIT = 150  # a hashtag used by more accounts is generic (#love): no co-use edges from it
NODE_BATCH = 5000


def graph_build_start(
    *,
    user: User,
    organization: Organization,
    name: str,
    edge_kinds: list[str],
    window_start: datetime | None = None,
    window_end: datetime | None = None,
    resolution: float = 1.0,
    directed: bool = True,
) -> GraphSnapshot:
    """Queue a graph built from the agency's relations and posts; the analysis runs on the `ml` queue."""
    membership_require(user=user, organization=organization, capability=Capability.MANAGE_DATA)
    kinds = _clean_kinds(edge_kinds)
    _check_resolution(resolution)
    if window_start and window_end and window_start > window_end:
        raise ApplicationError("The time window starts after it ends.", field="window_start")
    if not _has_build_data(organization=organization, kinds=kinds, start=window_start, end=window_end):
        raise Conflict(
            "This agency has no relations or posts of the chosen kinds in that time window "
            "yet: link or import profiles first, or widen the window.",
            field="edge_kinds",
        )
    with transaction.atomic():
        snapshot = GraphSnapshot.objects.create(
            organization=organization,
            created_by=user,
            name=name.strip() or _default_name(kinds),
            source=GraphSource.BUILT,
            edge_kinds=kinds,
            window_start=window_start,
            window_end=window_end,
            resolution=resolution,
            directed=directed,
            progress_total=100,
        )
        _enqueue(snapshot.pk)
    return snapshot


def graph_import(
    *,
    user: User,
    organization: Organization,
    upload: IO[bytes],
    file_name: str,
    fmt: str,
    name: str = "",
    directed: bool | None = None,
    resolution: float = 1.0,
) -> GraphSnapshot:
    """Parse the file now (a bad file is refused and nothing is stored), analyse it in the background."""
    membership_require(user=user, organization=organization, capability=Capability.MANAGE_DATA)
    _check_resolution(resolution)
    if fmt not in FORMATS:
        raise ApplicationError(f"Unknown format {fmt!r}: choose one of {', '.join(FORMATS)}.", field="format")
    raw = upload.read(MAX_UPLOAD_BYTES + 1)
    if len(raw) > MAX_UPLOAD_BYTES:
        raise ApplicationError(f"The file is larger than {MAX_UPLOAD_BYTES // (1024 * 1024)} MB.", field="file")
    try:
        table = read_graph(raw, fmt=fmt, directed=directed)
    except GraphFormatError as exc:
        raise ApplicationError(f"{file_name}: {exc}", field="file") from exc
    with transaction.atomic():
        snapshot = GraphSnapshot.objects.create(
            organization=organization,
            created_by=user,
            name=name.strip() or file_name[:200],
            source=GraphSource.IMPORTED,
            source_file_name=file_name[:255],
            source_format=fmt,
            directed=table.directed,
            resolution=resolution,
            node_count=table.node_count,
            edge_count=table.edge_count,
            edges_blob=table.to_bytes(),
            progress_total=100,
        )
        _enqueue(snapshot.pk)
    return snapshot


def graph_delete(*, user: User, snapshot: GraphSnapshot) -> None:
    membership_require(user=user, organization=snapshot.organization_id, capability=Capability.MANAGE_DATA)
    snapshot.delete()


def graph_snapshot_analyze(*, snapshot_id: int) -> bool:
    """Claim and run one snapshot's analysis; False if another worker has it or it is finished.

    Everything the snapshot shows is written in one transaction at the end, so a failure leaves no partial
    nodes behind; the row is marked FAILED with a readable reason.
    """
    if not GraphSnapshot.claim(snapshot_id):
        return False
    try:
        with job_heartbeat(GraphSnapshot, snapshot_id):
            _run(GraphSnapshot.objects.select_related("organization").get(pk=snapshot_id))
    except (ApplicationError, GraphFormatError, ValueError) as exc:
        GraphSnapshot.fail(snapshot_id, str(getattr(exc, "message", exc)))
        return True
    except Exception as exc:
        logger.exception("graph analysis %s failed", snapshot_id)
        GraphSnapshot.fail(snapshot_id, f"The analysis stopped unexpectedly ({exc.__class__.__name__}).")
        raise
    GraphSnapshot.finish(snapshot_id)
    return True


# --- the analysis run -----------------------------------------------------------------------------------------
STAGE_PROGRESS = {
    "load": 5,
    "pagerank": 15,
    "communities": 25,
    "modularity": 40,
    "bridges": 42,
    "betweenness": 45,
    "layout": 55,
    "save": 60,
}


def _run(snapshot: GraphSnapshot) -> None:
    def stage(name: str) -> None:
        GraphSnapshot.report_progress(snapshot.pk, done=STAGE_PROGRESS[name], total=100)

    stage("load")
    profile_of: dict[str, int] = {}
    hashtags: list[Counter] | None = None
    uses: list[tuple[int, str, float]] = []
    split = 0.0
    if snapshot.source == GraphSource.BUILT:
        table, profile_of, hashtags, uses, split = _build_table(snapshot)
    else:
        if snapshot.edges_blob is None:
            raise ApplicationError("The imported graph's edges are missing: import the file again.")
        table = EdgeTable.from_bytes(bytes(snapshot.edges_blob))
        profile_of = _match_profiles(snapshot.organization, table)
    if table.edge_count == 0:
        raise ApplicationError("No edges of the chosen kinds in this time window: nothing to analyse.")

    analysis = analyze(table, resolution=snapshot.resolution, betweenness="auto", progress=stage)
    stage("layout")
    view = explorer_view(table, analysis, VIEW_NODE_LIMIT)
    positions = layout_subgraph(table, view, analysis.membership)
    x = np.full(table.node_count, np.nan)
    y = np.full(table.node_count, np.nan)
    x[view], y[view] = positions[:, 0], positions[:, 1]

    summary: dict[str, Any] = {
        "top": top_accounts(table, analysis, 20),
        "communities": community_summaries(table, analysis, limit=50, hashtags=hashtags),
        "bridges": bridge_accounts(table, analysis, limit=20),
        "viral_hashtags": viral_hashtags(uses, analysis.membership, split=split) if uses else [],
        "hashtag_split": datetime.fromtimestamp(split, tz=UTC).isoformat() if uses else None,
        "timings": {key: round(value, 4) for key, value in analysis.timings.items()},
        "betweenness_sampled": analysis.betweenness_sampled,
        "view_nodes": int(view.size),
    }
    for entry in summary["top"] + summary["bridges"]:
        entry["profile_id"] = profile_of.get(entry["key"])
    for community in summary["communities"]:
        for member in community["top_members"]:
            member["profile_id"] = profile_of.get(member["key"])

    stage("save")
    rows = _node_rows(snapshot, table, analysis, profile_of, hashtags, x, y)
    with transaction.atomic():
        GraphNode.objects.filter(snapshot=snapshot).delete()
        total_batches = max(1, math.ceil(len(rows) / NODE_BATCH))
        for batch_number, start in enumerate(range(0, len(rows), NODE_BATCH), start=1):
            GraphNode.objects.bulk_create(rows[start : start + NODE_BATCH])
            GraphSnapshot.report_progress(snapshot.pk, done=60 + int(39 * batch_number / total_batches))
        GraphSnapshot.objects.filter(pk=snapshot.pk, status=JobStatus.RUNNING).update(
            node_count=table.node_count,
            edge_count=table.edge_count,
            community_count=analysis.community_count,
            modularity=analysis.modularity,
            backend=analysis.backend,
            summary=summary,
            edges_blob=table.to_bytes(),
            directed=table.directed,
        )


def _node_rows(
    snapshot: GraphSnapshot,
    table: EdgeTable,
    analysis: Any,
    profile_of: dict[str, int],
    hashtags: list[Counter] | None,
    x: np.ndarray,
    y: np.ndarray,
) -> list[GraphNode]:
    betweenness = analysis.betweenness
    pagerank = analysis.pagerank.tolist()
    in_strength = analysis.in_strength.tolist()
    out_strength = analysis.out_strength.tolist()
    degree = analysis.degree.tolist()
    membership = analysis.membership.tolist()
    participation = analysis.participation.tolist()
    xs, ys = x.tolist(), y.tolist()
    rows = []
    for i, key in enumerate(table.keys):
        rows.append(
            GraphNode(
                snapshot=snapshot,
                index=i,
                key=key[:255],
                label=table.names[i][:255],
                profile_id=profile_of.get(key),
                community=membership[i],
                pagerank=pagerank[i],
                in_strength=in_strength[i],
                out_strength=out_strength[i],
                degree=degree[i],
                betweenness=None if betweenness is None else float(betweenness[i]),
                participation=participation[i],
                hashtags=[tag for tag, _ in hashtags[i].most_common(5)] if hashtags else [],
                x=None if math.isnan(xs[i]) else xs[i],
                y=None if math.isnan(ys[i]) else ys[i],
            )
        )
    return rows


def _build_table(
    snapshot: GraphSnapshot,
) -> tuple[EdgeTable, dict[str, int], list[Counter], list[tuple[int, str, float]], float]:
    """Edges from Relation rows (weight = observed count) and hashtag co-use between accounts' posts."""
    organization = snapshot.organization
    kinds = snapshot.edge_kinds
    start, end = snapshot.window_start, snapshot.window_end
    pairs: list[tuple[str, str, float]] = []
    relations = _relations(organization=organization, kinds=kinds, start=start, end=end)
    for source_id, target_id, count in relations.values_list("source_id", "target_id", "count").iterator():
        pairs.append((str(source_id), str(target_id), float(count)))

    posts = _posts(organization=organization, start=start, end=end)
    tags_by_profile: dict[str, Counter] = {}
    raw_uses: list[tuple[str, str, float]] = []
    for profile_id, tags, taken_at in posts.values_list("profile_id", "hashtags", "taken_at").iterator():
        key = str(profile_id)
        for tag in tags or []:
            tag = str(tag).lstrip("#").lower()
            if tag and taken_at is not None:
                tags_by_profile.setdefault(key, Counter())[tag] += 1
                raw_uses.append((key, tag, taken_at.timestamp()))
    if EdgeKind.HASHTAGS in kinds:
        users_of: dict[str, set[str]] = {}
        for key, tags in tags_by_profile.items():
            for tag in tags:
                users_of.setdefault(tag, set()).add(key)
        shared: Counter = Counter()
        for users in users_of.values():
            if 2 <= len(users) <= HASHTAG_CLIQUE_LIMIT:
                for first, second in combinations(sorted(users), 2):
                    shared[(first, second)] += 1
        for (first, second), count in shared.items():
            pairs.append((first, second, float(count)))
            if snapshot.directed:
                pairs.append((second, first, float(count)))

    table = EdgeTable.from_pairs(pairs, directed=snapshot.directed)
    index = {key: i for i, key in enumerate(table.keys)}
    handles = dict(
        Profile.objects.filter(organization=organization, pk__in=[int(k) for k in table.keys]).values_list(
            "pk", "handle"
        )
    )
    table.names = [f"@{handles.get(int(key), key)}" for key in table.keys]
    profile_of = {key: int(key) for key in table.keys}
    hashtags = [tags_by_profile.get(key, Counter()) for key in table.keys]
    uses = [(index[key], tag, when) for key, tag, when in raw_uses if key in index]
    if uses:
        times = [when for _, _, when in uses]
        low = start.timestamp() if start else min(times)
        high = end.timestamp() if end else max(times)
        split = (low + high) / 2
    else:
        split = 0.0
    return table, profile_of, hashtags, uses, split


def _match_profiles(organization: Organization, table: EdgeTable) -> dict[str, int]:
    """Imported node ids that are one of the agency's stored profiles (by platform id or handle)."""
    by_platform_id: dict[str, int] = {}
    by_handle: dict[str, int] = {}
    for pk, platform_id, handle in (
        Profile.objects.filter(organization=organization).values_list("pk", "platform_id", "handle").iterator()
    ):
        if platform_id:
            by_platform_id[platform_id] = pk
        by_handle[handle.lower()] = pk
    if not by_platform_id and not by_handle:
        return {}
    matched: dict[str, int] = {}
    for key in table.keys:
        profile_pk = by_platform_id.get(key) or by_handle.get(key.lstrip("@").lower())
        if profile_pk:
            matched[key] = profile_pk
    return matched


def _relations(
    *, organization: Organization, kinds: list[str], start: datetime | None, end: datetime | None
) -> QuerySet[Relation]:
    relations = Relation.objects.filter(
        organization=organization, kind__in=[kind for kind in kinds if kind != EdgeKind.HASHTAGS]
    )
    if start:
        relations = relations.filter(last_seen_at__gte=start)
    if end:
        relations = relations.filter(first_seen_at__lte=end)
    return relations


def _posts(*, organization: Organization, start: datetime | None, end: datetime | None) -> QuerySet[Post]:
    posts = Post.objects.filter(profile__organization=organization, taken_at__isnull=False)
    if start:
        posts = posts.filter(taken_at__gte=start)
    if end:
        posts = posts.filter(taken_at__lte=end)
    return posts


def _has_build_data(
    *, organization: Organization, kinds: list[str], start: datetime | None, end: datetime | None
) -> bool:
    if _relations(organization=organization, kinds=kinds, start=start, end=end).exists():
        return True
    return (
        EdgeKind.HASHTAGS in kinds
        and _posts(organization=organization, start=start, end=end).exclude(hashtags=[]).exists()
    )


def _clean_kinds(edge_kinds: list[str]) -> list[str]:
    kinds = [kind for kind in EdgeKind.values if kind in set(edge_kinds or [])]
    unknown = set(edge_kinds or []) - set(EdgeKind.values)
    if unknown:
        raise ApplicationError(f"Unknown edge type(s): {', '.join(sorted(unknown))}.", field="edge_kinds")
    if not kinds:
        raise ApplicationError("Choose at least one edge type.", field="edge_kinds")
    return kinds


def _check_resolution(resolution: float) -> None:
    if not (0.05 <= resolution <= 20):
        raise ApplicationError(
            "The resolution must be between 0.05 and 20 (1.0 is standard modularity; higher "
            "finds smaller communities).",
            field="resolution",
        )


def _default_name(kinds: list[str]) -> str:
    labels = ", ".join(EdgeKind(kind).label.lower() for kind in kinds)
    return f"{labels.capitalize()} · {timezone.now():%Y-%m-%d %H:%M}"


def _enqueue(snapshot_id: int) -> None:
    from network import tasks

    after_commit(lambda: tasks.graph_snapshot_analyze.delay(snapshot_id))
