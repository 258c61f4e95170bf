"""Influence graphs from stored relations at scale: the product's graph build (network.services, the task the `ml`
queue runs) over 1M and 10M stored relations on PostgreSQL, with the seconds and the peak memory of each stage, beside
the row-by-row build it replaced (a Python tuple per relation, a model instance per node) at 1M in the same run.

    python bench/bench_graph_scale.py --postgres postgres://postgres@127.0.0.1:5432/postgres
    python bench/bench_graph_scale.py --postgres URL --edges 1000000,10000000 --skip-baseline
    DATABASE_URL=postgres://... python bench/bench_graph_scale.py

A scratch database is created on the server and dropped afterwards. Its agency holds one profile per node (a tenth of
the edge count) and `follows` relations with planted communities (80% of a node's edges stay inside its block of
2,000 ids, popularity skewed towards the block's first ids). Each size runs in its own process, so each peak
(ru_maxrss) is that build's own. Goal (issue #32): 10M edges under 3 minutes and under 8 GB.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.scratch import scratch_database, server_url  # noqa: E402

BLOCK = 2000


def _peak_mb() -> int:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def load(edges: int) -> int:
    """Profiles and relations for the scratch agency, made inside PostgreSQL (generate_series); its id."""
    from django.db import connection
    from django.utils import timezone

    from accounts.models import Organization
    from profiles.importers.writer import fast_insert
    from profiles.models import Profile

    organization = Organization.objects.create(name="Graph bench", slug=f"graph-{os.getpid()}")
    nodes = max(edges // 10, BLOCK)
    now = timezone.now()
    for start in range(0, nodes, 50000):
        fast_insert(
            Profile,
            [
                {
                    "organization_id": organization.pk,
                    "platform": "instagram",
                    "handle": f"account.{index}",
                    "created_at": now,
                    "updated_at": now,
                }
                for index in range(start, min(start + 50000, nodes))
            ],
        )
    ids = Profile.objects.filter(organization=organization).values_list("pk", flat=True)
    low, high = ids.order_by("pk")[0], ids.order_by("-pk")[0]
    with connection.cursor() as cursor:
        # A node's edges: 80% to its own block of BLOCK consecutive ids, popular ids (random()^3) more often.
        cursor.execute(
            """
            INSERT INTO profiles_relation (organization_id, source_id, target_id, kind, count, first_seen_at,
                                           last_seen_at)
            SELECT %s, s, t, 'follows', 1 + (random() * 3)::int, %s, %s FROM (
                SELECT s, CASE WHEN random() < 0.8
                          THEN %s + ((s - %s) / %s) * %s + floor(%s * power(random(), 3))::bigint
                          ELSE %s + floor(%s * power(random(), 3))::bigint END AS t
                FROM (SELECT %s + floor(random() * %s)::bigint AS s FROM generate_series(1, %s)) AS sources
            ) AS pairs
            WHERE s <> t AND t <= %s
            ON CONFLICT DO NOTHING
            """,
            [
                organization.pk,
                now,
                now,
                low,
                low,
                BLOCK,
                BLOCK,
                BLOCK,
                low,
                nodes,
                low,
                nodes,
                int(edges * 1.08),
                high,
            ],
        )
        cursor.execute("ANALYZE profiles_relation")
    return organization.pk


def old_load_and_save(organization_id: int) -> dict[str, float]:
    """The build before bulk reads: a Python tuple per relation (EdgeTable.from_pairs), and the nodes saved as model
    instances through bulk_create; timed for the load and the save only (the analysis between is the same)."""
    from django.db import transaction

    from network.engine import EdgeTable
    from network.models import GraphNode, GraphSnapshot
    from profiles.models import Profile, Relation

    timings: dict[str, float] = {}
    started = time.perf_counter()
    pairs = [
        (str(source), str(target), float(count))
        for source, target, count in Relation.objects.filter(organization_id=organization_id)
        .values_list("source_id", "target_id", "count")
        .iterator()
    ]
    table = EdgeTable.from_pairs(pairs, directed=True)
    handles = dict(
        Profile.objects.filter(organization_id=organization_id, pk__in=[int(k) for k in table.keys]).values_list(
            "pk", "handle"
        )
    )
    table.names = [f"@{handles.get(int(key), key)}" for key in table.keys]
    timings["load"] = time.perf_counter() - started
    timings["load_peak_mb"] = _peak_mb()
    snapshot = GraphSnapshot.objects.create(organization_id=organization_id, name="old")
    started = time.perf_counter()
    with transaction.atomic():
        rows = [
            GraphNode(snapshot=snapshot, index=i, key=key, label=table.names[i], profile_id=int(key))
            for i, key in enumerate(table.keys)
        ]
        for start in range(0, len(rows), 5000):
            GraphNode.objects.bulk_create(rows[start : start + 5000])
    timings["save"] = time.perf_counter() - started
    timings["edges"] = table.edge_count
    timings["nodes"] = table.node_count
    return timings


def new_build(organization_id: int) -> dict[str, object]:
    """The product's path: a GraphSnapshot analysed by network.services, stage by stage."""
    from network import services
    from network.models import GraphSnapshot, GraphSource

    marks: list[tuple[int, float, int]] = []
    original = GraphSnapshot.report_progress.__func__  # type: ignore[attr-defined]

    def report(cls, pk, *, done, total=None):  # type: ignore[no-untyped-def]
        marks.append((done, time.perf_counter(), _peak_mb()))
        original(cls, pk, done=done, total=total)

    GraphSnapshot.report_progress = classmethod(report)  # type: ignore[assignment,method-assign]
    snapshot = GraphSnapshot.objects.create(
        organization_id=organization_id,
        name="bench",
        source=GraphSource.BUILT,
        edge_kinds=["follows"],
        directed=True,
    )
    started = time.perf_counter()
    services.graph_snapshot_analyze(snapshot_id=snapshot.pk)
    finished = time.perf_counter()
    snapshot.refresh_from_db()
    if snapshot.status != "done":
        raise SystemExit(f"the build failed: {snapshot.error}")
    names = {value: key for key, value in services.STAGE_PROGRESS.items()}
    stages: list[dict[str, object]] = []
    points = [(done, when, peak) for done, when, peak in marks if done in names] + [(100, finished, _peak_mb())]
    for (done, when, _), (_, next_when, next_peak) in zip(points, points[1:], strict=False):
        stages.append({"stage": names[done], "seconds": round(next_when - when, 2), "peak_mb": next_peak})
    merged: dict[str, dict[str, object]] = {}
    for stage in stages:  # the save stage reports once per batch: one line for it
        name = str(stage["stage"])
        if name in merged:
            merged[name]["seconds"] = round(float(merged[name]["seconds"]) + float(stage["seconds"]), 2)  # type: ignore[arg-type]
            merged[name]["peak_mb"] = stage["peak_mb"]
        else:
            merged[name] = dict(stage)
    return {
        "seconds": round(finished - started, 1),
        "peak_mb": _peak_mb(),
        "nodes": snapshot.node_count,
        "edges": snapshot.edge_count,
        "communities": snapshot.community_count,
        "modularity": round(snapshot.modularity or 0, 3),
        "stages": list(merged.values()),
    }


def child(args: argparse.Namespace) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    organization_id = int(args.organization)
    if args.child == "old":
        print(json.dumps(old_load_and_save(organization_id)))
    else:
        print(json.dumps(new_build(organization_id)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--postgres", help="PostgreSQL server URL (a scratch database is made on it)")
    parser.add_argument("--edges", default="1000000,10000000", help="comma-separated relation counts")
    parser.add_argument("--skip-baseline", action="store_true", help="skip the row-by-row build at the first size")
    parser.add_argument("--keep", action="store_true", help="keep the scratch database (its name is printed)")
    parser.add_argument("--reuse", help="a database kept by --keep: its data is analysed again, not made")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--organization", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args)
        return
    args.postgres = server_url(args.postgres)
    if not args.postgres:
        print("bench_graph_scale: skipped, it needs PostgreSQL (--postgres URL or a postgres DATABASE_URL)")
        return
    sizes = [int(value) for value in args.edges.split(",")]
    for position, edges in enumerate(sizes):
        name = args.reuse or f"bench_graph_{os.getpid()}_{edges}"
        url = urlunsplit(urlsplit(args.postgres)._replace(path=f"/{name}")) if args.reuse else None
        url = url or scratch_database(args.postgres, name, create=True)
        env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "config.settings.base"}
        try:
            subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], env=env, check=True, cwd=ROOT)
            started = time.perf_counter()
            if args.reuse:
                code = (
                    "from accounts.models import Organization; print(Organization.objects.get(name='Graph bench').pk)"
                )
            else:
                code = f"from bench.bench_graph_scale import load; print(load({edges}))"
            made = subprocess.run(
                [sys.executable, "-c", f"import sys, django; sys.path.insert(0, '.'); django.setup(); {code}"],
                env=env,
                cwd=ROOT,
                check=True,
                capture_output=True,
                text=True,
            )
            organization = made.stdout.strip().splitlines()[-1]
            if not args.reuse:
                print(f"{edges:,} relations requested: stored in {time.perf_counter() - started:.0f} s")
            runs = ["new"] if args.skip_baseline or position else ["old", "new"]
            for kind in runs:
                done = subprocess.run(
                    [sys.executable, __file__, "--child", kind, "--organization", organization],
                    env=env,
                    cwd=ROOT,
                    capture_output=True,
                    text=True,
                )
                if done.returncode != 0:
                    print(done.stderr[-3000:], file=sys.stderr)
                    raise SystemExit(f"{kind} run failed")
                report = json.loads(done.stdout.strip().splitlines()[-1])
                if kind == "old":
                    print(
                        f"  baseline (row by row): load {report['load']:.1f} s (peak {report['load_peak_mb']:,} MB), "
                        f"save {report['save']:.1f} s; {report['nodes']:,} nodes, {report['edges']:,} edges"
                    )
                    continue
                print(
                    f"  SocialLens: {report['seconds']:.1f} s, peak {report['peak_mb']:,} MB; {report['nodes']:,} "
                    f"nodes, {report['edges']:,} edges, {report['communities']:,} communities, "
                    f"modularity {report['modularity']}"
                )
                for stage in report["stages"]:
                    print(f"    {stage['stage']:<12} {stage['seconds']:>7.2f} s   peak {stage['peak_mb']:>6,} MB")
        finally:
            if args.keep or args.reuse:
                print(f"  kept database {name}")
            else:
                scratch_database(args.postgres, name, create=False)


if __name__ == "__main__":
    main()
