"""Import the shipped Instagram dataset (ig-influencer-posts-2019: ~1,500 profiles, ~18,000 posts) and print
seconds and posts/s for the bulk importer beside a naive one-row-at-a-time import, run in the same process.

    python bench/bench_import.py                       # SQLite (temporary file)
    python bench/bench_import.py --postgres URL        # SQLite, then PostgreSQL at URL
    DATABASE_URL=postgres://... python bench/bench_import.py   # same: a postgres DATABASE_URL is benchmarked too

Each database runs in its own child process (Django binds one default database per process); inside it the naive
and the bulk import run one after the other into fresh agencies, on the same parsed records.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATASET = ROOT / "ml" / "datasets" / "ig-influencer-posts-2019" / "profiles_slim.jsonl"


def naive_import(organization, files) -> None:  # type: ignore[no-untyped-def]
    """What a first version would do: update_or_create each row (one transaction, so only the ORM cost shows)."""
    from django.db import transaction
    from django.utils import timezone

    from profiles.importers.records import PROFILE_FIELDS
    from profiles.models import Post, Profile, Relation, Snapshot

    now = timezone.now()
    with transaction.atomic():
        for parsed in files:
            owners = {}
            for record in parsed.profiles:
                values = {name: record.values[name] for name in PROFILE_FIELDS if name in record.values}
                profile, _ = Profile.objects.update_or_create(
                    organization=organization,
                    platform=record.platform,
                    handle=record.handle,
                    defaults={
                        **values,
                        "extra": record.extra,
                        "last_source": f"import:{parsed.name}",
                        "last_fetched_at": now,
                    },
                )
                Snapshot.objects.create(
                    profile=profile,
                    taken_at=now,
                    source=f"import:{parsed.name}",
                    followers_count=values.get("followers_count"),
                    following_count=values.get("following_count"),
                    posts_count=values.get("posts_count"),
                )
                owners[record.handle] = profile
            for record in parsed.posts:
                owner = owners[record.owner_handle]
                Post.objects.update_or_create(
                    profile=owner,
                    platform_id=record.platform_id,
                    defaults={**record.values, "extra": record.extra, "fetched_at": now},
                )
                for handle in record.values.get("mentions", []):
                    target, _ = Profile.objects.get_or_create(
                        organization=organization, platform=record.platform, handle=handle[:64]
                    )
                    relation, created = Relation.objects.get_or_create(
                        organization=organization, source=owner, target=target, kind="mentions"
                    )
                    if not created:
                        relation.count += 1
                        relation.save(update_fields=["count"])


def child(database: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from accounts.models import Organization
    from profiles.importers import import_records, parse_files
    from profiles.models import Post

    call_command("migrate", verbosity=0)
    rows = []

    def fresh(slug: str) -> Organization:
        Organization.objects.filter(slug=slug).delete()
        return Organization.objects.create(name=slug, slug=slug)

    started = time.perf_counter()
    files = parse_files([DATASET], fmt="instagram-graphql")
    parse_seconds = time.perf_counter() - started
    posts = sum(len(parsed.posts) for parsed in files)
    profiles = sum(len(parsed.profiles) for parsed in files)

    organization = fresh("bench-naive")
    started = time.perf_counter()
    naive_import(organization, files)
    naive_seconds = time.perf_counter() - started
    rows.append(("naive (update_or_create per row)", parse_seconds + naive_seconds, parse_seconds))

    organization = fresh("bench-bulk")
    started = time.perf_counter()
    files = parse_files([DATASET], fmt="instagram-graphql")
    result = import_records(organization=organization, files=files)
    bulk_seconds = time.perf_counter() - started
    rows.append(("bulk (import_profiles)", bulk_seconds, None))
    assert Post.objects.filter(profile__organization=organization).count() == posts

    started = time.perf_counter()
    again = import_records(organization=organization, files=parse_files([DATASET], fmt="instagram-graphql"))
    rows.append(("bulk re-import (no changes)", time.perf_counter() - started, None))
    assert again.created == 0 and again.updated == 0

    for slug in ("bench-naive", "bench-bulk"):
        Organization.objects.filter(slug=slug).delete()
    print(
        json.dumps(
            {
                "database": connection.vendor,
                "profiles": profiles,
                "posts": posts,
                "created_rows": result.created,
                "runs": [
                    {
                        "import": name,
                        "seconds": round(seconds, 2),
                        "posts_per_second": round(posts / seconds),
                        **({"of_which_parse_seconds": round(parse, 2)} if parse else {}),
                    }
                    for name, seconds, parse in rows
                ],
            }
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--postgres", help="PostgreSQL URL to benchmark too (its tables are migrated).")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    targets = []
    with tempfile.TemporaryDirectory() as folder:
        targets.append(("sqlite", f"sqlite:///{Path(folder) / 'bench.sqlite3'}"))
        postgres = args.postgres or (
            os.environ.get("DATABASE_URL", "")
            if os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))
            else ""
        )
        if postgres:
            targets.append(("postgresql", postgres))
        print(f"Dataset: {DATASET.relative_to(ROOT)}")
        print(f"{'database':<11} {'import':<34} {'seconds':>8} {'posts/s':>9}")
        for name, url in targets:
            env = {
                **os.environ,
                "DATABASE_URL": url,
                "DJANGO_SETTINGS_MODULE": "config.settings.base",
                "CELERY_TASK_ALWAYS_EAGER": "true",
            }
            done = subprocess.run(
                [sys.executable, __file__, "--child", name], env=env, capture_output=True, text=True, cwd=ROOT
            )
            if done.returncode != 0:
                print(done.stderr[-3000:], file=sys.stderr)
                raise SystemExit(f"{name} run failed")
            report = json.loads(done.stdout.strip().splitlines()[-1])
            for run in report["runs"]:
                print(f"{name:<11} {run['import']:<34} {run['seconds']:>8.2f} {run['posts_per_second']:>9,}")
            naive, bulk = report["runs"][0]["seconds"], report["runs"][1]["seconds"]
            print(
                f"{name:<11} {'speed-up':<34} {naive / bulk:>7.1f}x   "
                f"({report['profiles']:,} profiles, {report['posts']:,} posts, {report['created_rows']:,} rows)"
            )


if __name__ == "__main__":
    main()
