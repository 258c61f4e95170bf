"""Writes for influence graphs: start a build, import a file, run the analysis (from the Celery task), delete."""

from __future__ import annotations

import logging
import math
from array import array
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from itertools import combinations
from typing import IO, Any

import numpy as np
from django.db import connections, transaction
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
from profiles.importers.writer import fast_insert_columns
from profiles.models import Post, Profile, Relation

logger = logging.getLogger(__name__)

MAX_UPLOAD_BYTES = 50 * 1024 * 1024
VIEW_NODE_LIMIT = 1000  # the explorer draws at most this many top accounts; tables cover the rest
HASHTAG_CLIQUE_LIMIT = 150  # a hashtag used by more accounts is generic (#love): no co-use edges from it
NODE_BATCH = 20000


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
    with transaction.atomic():
        GraphNode.objects.filter(snapshot=snapshot).delete()
        total_batches = max(1, math.ceil(table.node_count / NODE_BATCH))
        for batch_number, rows in enumerate(_node_rows(snapshot, table, analysis, profile_of, hashtags, x, y), start=1):
            fast_insert_columns(GraphNode, rows)  # COPY on PostgreSQL: no model instance, no dict per node
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
) -> Iterator[dict[str, list[Any]]]:
    """The snapshot's node rows in batches of NODE_BATCH, column by column (as fast_insert_columns takes them)."""
    betweenness = analysis.betweenness
    for start in range(0, table.node_count, NODE_BATCH):
        stop = min(start + NODE_BATCH, table.node_count)
        keys = table.keys[start:stop]
        xs, ys = x[start:stop], y[start:stop]
        yield {
            "snapshot_id": [snapshot.pk] * (stop - start),
            "index": list(range(start, stop)),
            "key": [key[:255] for key in keys],
            "label": [name[:255] for name in table.names[start:stop]],
            "profile_id": [profile_of.get(key) for key in keys],
            "community": analysis.membership[start:stop].tolist(),
            "pagerank": analysis.pagerank[start:stop].tolist(),
            "in_strength": analysis.in_strength[start:stop].tolist(),
            "out_strength": analysis.out_strength[start:stop].tolist(),
            "degree": analysis.degree[start:stop].tolist(),
            "betweenness": [None] * (stop - start) if betweenness is None else betweenness[start:stop].tolist(),
            "participation": analysis.participation[start:stop].tolist(),
            "hashtags": [
                [tag for tag, _ in hashtags[i].most_common(5)] if hashtags and hashtags[i] else []
                for i in range(start, stop)
            ],
            "x": [None if math.isnan(value) else value for value in xs.tolist()],
            "y": [None if math.isnan(value) else value for value in ys.tolist()],
        }


def _build_table(
    snapshot: GraphSnapshot,
) -> tuple[EdgeTable, dict[str, int], list[Counter], list[tuple[int, str, float]], float]:
    """Edges from Relation rows (weight = observed count) and hashtag co-use between accounts' posts.

    Relations are read in one bulk read into arrays and the table is built at array speed (EdgeTable.from_id_arrays),
    so ten million stored relations cost seconds and a few hundred megabytes, not a Python tuple each."""
    organization = snapshot.organization
    kinds = snapshot.edge_kinds
    start, end = snapshot.window_start, snapshot.window_end
    source, target, weight = relation_arrays(_relations(organization=organization, kinds=kinds, start=start, end=end))

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
        users_of: dict[str, set[int]] = {}
        for key, tags in tags_by_profile.items():
            for tag in tags:
                users_of.setdefault(tag, set()).add(int(key))
        shared: Counter = Counter()
        for users in users_of.values():
            if 2 <= len(users) <= HASHTAG_CLIQUE_LIMIT:
                for first, second in combinations(sorted(users), 2):
                    shared[(first, second)] += 1
        if shared:
            firsts = np.fromiter((pair[0] for pair in shared), dtype=np.int64, count=len(shared))
            seconds = np.fromiter((pair[1] for pair in shared), dtype=np.int64, count=len(shared))
            counts = np.fromiter(shared.values(), dtype=np.float64, count=len(shared))
            if snapshot.directed:
                firsts, seconds = np.concatenate([firsts, seconds]), np.concatenate([seconds, firsts])
                counts = np.concatenate([counts, counts])
            source, target = np.concatenate([source, firsts]), np.concatenate([target, seconds])
            weight = np.concatenate([weight, counts])

    table = EdgeTable.from_id_arrays(source, target, weight, directed=snapshot.directed)
    handles = _handles(organization, table)
    table.names = [f"@{handles.get(int(key), key)}" for key in table.keys]
    profile_of = {key: int(key) for key in table.keys}
    none: Counter = Counter()  # shared by every node without hashtags (read only)
    hashtags = [tags_by_profile.get(key, none) for key in table.keys]
    uses: list[tuple[int, str, float]] = []
    if raw_uses:
        index = {key: i for i, key in enumerate(table.keys)}
        uses = [(index[key], tag, when) for key, tag, when in raw_uses if key in index]
    if uses:
        times = [when for _, _, when in uses]
        low = start.timestamp() if start else min(times)
        high = end.timestamp() if end else max(times)
        split = (low + high) / 2
    else:
        split = 0.0
    return table, profile_of, hashtags, uses, split


BY_KEY_MAX = 5000  # a graph of more nodes reads its handles with one pass over the agency's profiles


def _handles(organization: Organization, table: EdgeTable) -> dict[int, str]:
    profiles = Profile.objects.filter(organization=organization).order_by()
    if table.node_count <= BY_KEY_MAX:
        return dict(profiles.filter(pk__in=[int(key) for key in table.keys]).values_list("pk", "handle"))
    wanted = np.asarray([int(key) for key in table.keys], dtype=np.int64)  # ascending, as from_id_arrays made them
    pks: list[int] = []
    names: list[str] = []
    for pk, handle in profiles.values_list("pk", "handle").iterator(chunk_size=50000):
        pks.append(pk)
        names.append(handle)
    found = np.asarray(pks, dtype=np.int64)
    position = np.minimum(np.searchsorted(wanted, found), max(wanted.size - 1, 0))
    hit = wanted[position] == found if wanted.size else np.zeros(found.size, dtype=bool)
    return {pks[i]: names[i] for i in np.flatnonzero(hit).tolist()}


# PostgreSQL's binary COPY of (bigint, bigint, bigint) rows: a 2-byte field count, then each field's 4-byte length
# and 8 bytes, big-endian (https://www.postgresql.org/docs/current/sql-copy.html, "Binary Format").
COPY_ROW = np.dtype(
    [("fields", ">i2"), ("l0", ">i4"), ("a", ">i8"), ("l1", ">i4"), ("b", ">i8"), ("l2", ">i4"), ("c", ">i8")]
)
COPY_SIGNATURE = b"PGCOPY\n\xff\r\n\x00"


def relation_arrays(relations: QuerySet[Relation]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(source ids, target ids, counts) of the relations, read in bulk: on PostgreSQL one binary COPY parsed
    straight into arrays, elsewhere (SQLite) in chunks of rows."""
    query = relations.order_by().values_list("source_id", "target_id", "count")
    connection = connections[query.db]
    sql, params = query.query.sql_with_params()
    if connection.vendor == "postgresql":
        statement = (
            f"COPY (SELECT a::bigint, b::bigint, c::bigint FROM ({sql}) AS r(a, b, c)) TO STDOUT (FORMAT BINARY)"
        )
        data = bytearray()
        with connection.cursor() as cursor, cursor.cursor.copy(statement, params) as copy:
            for block in copy:
                data += block
        return _binary_copy_rows(bytes(data))
    columns: list[array] = [array("q"), array("q"), array("q")]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        while rows := cursor.fetchmany(20000):
            for column, values in zip(columns, zip(*rows, strict=True), strict=True):
                column.extend(values)
    source, target, count = (np.frombuffer(column, dtype=np.int64) for column in columns)
    return source, target, count.astype(np.float64)


def _binary_copy_rows(data: bytes) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    if not data.startswith(COPY_SIGNATURE):
        raise ValueError("PostgreSQL's COPY did not answer in its binary format.")
    extension = int.from_bytes(data[15:19], "big")
    body = data[19 + extension : -2]  # after the header; before the trailer's -1 field count
    if len(body) % COPY_ROW.itemsize or data[-2:] != b"\xff\xff":
        raise ValueError("PostgreSQL's binary COPY of the relations was cut short.")
    rows = np.frombuffer(body, dtype=COPY_ROW)
    if rows.size and not (
        (rows["fields"] == 3).all() and (rows["l0"] == 8).all() and (rows["l1"] == 8).all() and (rows["l2"] == 8).all()
    ):
        raise ValueError("PostgreSQL's binary COPY of the relations holds an unexpected row.")
    return rows["a"].astype(np.int64), rows["b"].astype(np.int64), rows["c"].astype(np.float64)


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
