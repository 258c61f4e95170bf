"""Discovery at 100,000 stored profiles on PostgreSQL: p50/p99 per query shape (a filtered, sorted first page of 25
plus its count, through discovery.selectors.discovery_search), indexed and unindexed in the same process; then
lookalikes over the same 100k content vectors beside a row-at-a-time Python scan.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/sl_discovery_bench python bench/bench_discovery.py [--profiles N]

The database is emptied and loaded with synthetic rows (log-normal followers, nine niches, eight languages, a
caption vocabulary for full-text search, random unit vectors). "Unindexed" drops the discovery indexes (the
primary key stays) and re-ANALYZEs, so the planner falls back to scans, as before this feature had indexes.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")

NICHES = ["beauty", "family", "fashion", "fitness", "food", "interior", "other", "pet", "travel"]
LANGUAGES = ["en", "en", "en", "es", "pt", "fr", "de", "it", "id"]
COUNTRIES = ["", "", "US", "GB", "BR", "FR", "DE", "ES", "IT", "ID"]
WORDS = (
    "sunset beach travel outfit ootd recipe brunch vegan gym workout squat puppy kitten interior sofa "
    "makeup lipstick skincare family baby summer paris london wanderlust foodie coffee yoga run style"
).split()


def load(n: int, seed: int = 7) -> tuple[object, object]:
    import numpy as np
    from django.db import connection, transaction
    from django.utils import timezone

    from accounts.models import Organization, User
    from accounts.roles import Role
    from discovery.insights import search_vector_update
    from discovery.models import ProfileInsight
    from profiles.models import Profile

    rng = random.Random(seed)
    vectors = np.random.default_rng(seed).standard_normal((n, 384)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    vectors = vectors.astype(np.float16)
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE discovery_profileinsight, profiles_profile, accounts_organization CASCADE")
    organization = Organization.objects.create(name="Bench agency", slug="bench")
    user, _ = User.objects.get_or_create(email="bench@example.com")
    organization.memberships.create(user=user, role=Role.OWNER)
    other = Organization.objects.create(name="Other agency", slug="other")
    now = timezone.now()
    batch = 5000
    start = time.perf_counter()
    for offset in range(0, n, batch):
        size = min(batch, n - offset)
        with transaction.atomic():
            profiles = Profile.objects.bulk_create(
                [
                    Profile(
                        organization=organization if (offset + i) % 10 else other,
                        platform="instagram",
                        handle=f"creator{offset + i}",
                        display_name=f"Creator {offset + i}",
                    )
                    for i in range(size)
                ]
            )
            rows = []
            for i, profile in enumerate(profiles):
                followers = int(rng.lognormvariate(9.5, 1.6))
                rows.append(
                    ProfileInsight(
                        profile=profile,
                        organization_id=profile.organization_id,
                        platform="instagram",
                        handle=profile.handle,
                        followers_count=followers,
                        is_verified=rng.random() < 0.05,
                        is_business=rng.random() < 0.3,
                        is_linked=rng.random() < 0.02,
                        engagement_rate=rng.betavariate(2, 60),
                        quality_score=rng.uniform(20, 95) if rng.random() < 0.3 else None,
                        growth_30d=rng.gauss(0.01, 0.05),
                        last_post_at=now - timezone.timedelta(days=rng.expovariate(1 / 40)),
                        sparkline=[int(followers * (1 - 0.01 * k)) for k in range(10, 0, -1)],
                        niche=rng.choice(NICHES),
                        niche_share=rng.uniform(0.2, 0.99),
                        content_language=rng.choice(LANGUAGES),
                        country=rng.choice(COUNTRIES),
                        embedding=vectors[offset + i].tobytes(),
                        search_text=f"{profile.handle} {profile.display_name} " + " ".join(rng.sample(WORDS, 12)),
                    )
                )
            ProfileInsight.objects.bulk_create(rows)
        print(f"\r  loaded {offset + size:,}/{n:,}", end="", flush=True)
    search_vector_update()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE discovery_profileinsight")
    print(f"\n  load + full-text vectors: {time.perf_counter() - start:.1f} s")
    return organization, user


def shapes() -> dict[str, dict]:
    return {
        "no filter, by followers": {},
        "niche + followers range, by ER": {
            "niche": "food",
            "followers_min": 10_000,
            "followers_max": 200_000,
            "sort": "engagement",
        },
        "language + country + ER range": {
            "language": "fr",
            "country": "FR",
            "engagement_min": 2.0,
            "engagement_max": 10.0,
        },
        "niche share + AQS + verified, by AQS": {
            "niche": "beauty",
            "niche_min_share": 0.6,
            "quality_min": 60,
            "sort": "quality",
        },
        "posted in 7 days, by growth": {"posted_within_days": 7, "sort": "growth"},
        "full text 'vegan brunch', relevance": {"q": "vegan brunch"},
        "full text + niche + followers": {"q": "sunset", "niche": "travel", "followers_min": 50_000},
    }


def time_shapes(organization, user, repeats: int) -> dict[str, tuple[float, float]]:  # type: ignore[no-untyped-def]
    from discovery.selectors import DiscoveryQuery, discovery_search

    results = {}
    for name, params in shapes().items():
        timings = []
        for _ in range(repeats):
            start = time.perf_counter()
            rows = discovery_search(user=user, organization=organization, query=DiscoveryQuery(**params))
            page = list(rows[:25])
            total = rows.count()
            timings.append((time.perf_counter() - start) * 1000)
        timings.sort()
        results[name] = (statistics.median(timings), timings[min(len(timings) - 1, int(len(timings) * 0.99))])
        assert total >= len(page)
    return results


INDEXES = [
    "disc_org_followers",
    "disc_org_er",
    "disc_org_aqs",
    "disc_org_growth",
    "disc_org_niche",
    "disc_org_lang",
    "disc_org_country",
    "disc_org_last_post",
    "disc_search_vector_gin",
    "disc_pg_followers_count",
    "disc_pg_engagement_rate",
    "disc_pg_quality_score",
    "disc_pg_growth_30d",
    "disc_pg_refreshed",
]


def drop_indexes() -> list[str]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'discovery_profileinsight'")
        definitions = [
            row[1]
            for row in cursor.fetchall()
            if row[0] in INDEXES or row[0].startswith("discovery_profileinsight_organization_id")
        ]
        for definition in definitions:
            cursor.execute(f"DROP INDEX {definition.split(' ON ')[0].split()[-1]}")
        cursor.execute("ANALYZE discovery_profileinsight")
    return definitions


def restore_indexes(definitions: list[str]) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        for definition in definitions:
            cursor.execute(definition)
        cursor.execute("ANALYZE discovery_profileinsight")


def bench_lookalikes(organization, user) -> None:  # type: ignore[no-untyped-def]
    import numpy as np

    from discovery.models import ProfileInsight
    from discovery.selectors import VECTOR_INDEX, lookalikes

    target = ProfileInsight.objects.filter(organization=organization).order_by("pk").first()
    start = time.perf_counter()
    ids, sizes, matrix = VECTOR_INDEX.get(organization.pk)
    build = time.perf_counter() - start
    timings = []
    for _ in range(30):
        start = time.perf_counter()
        lookalikes(user=user, profile_id=target.pk, limit=20)
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    # Baseline: what a first version would do — a Python loop over every stored vector.
    start = time.perf_counter()
    query = np.frombuffer(bytes(target.embedding), dtype=np.float16).astype(np.float32)
    scored = []
    for pk, _followers, blob in (
        ProfileInsight.objects.filter(organization=organization)
        .values_list("pk", "followers_count", "embedding")
        .iterator(chunk_size=5000)
    ):
        vector = np.frombuffer(bytes(blob), dtype=np.float16).astype(np.float32)
        scored.append((float(vector @ query), pk))
    sorted(scored, reverse=True)[:20]
    naive = (time.perf_counter() - start) * 1000
    p50 = statistics.median(timings)
    print(
        f"\nlookalikes over {len(ids):,} vectors: index build (once per change) {build * 1000:.0f} ms; "
        f"query p50 {p50:.1f} ms, p99 {timings[-1]:.1f} ms; row-at-a-time scan {naive:.0f} ms "
        f"(x{naive / p50:.0f})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--profiles", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=40)
    parser.add_argument("--reuse", action="store_true", help="Keep the rows a previous run loaded.")
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("Set DATABASE_URL to a PostgreSQL database (it is emptied): this benchmark is about PostgreSQL.")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from accounts.models import Organization, User

    if args.reuse and Organization.objects.filter(slug="bench").exists():
        organization, user = Organization.objects.get(slug="bench"), User.objects.get(email="bench@example.com")
    else:
        print(f"Loading {args.profiles:,} profiles (90% in the searched agency)…")
        organization, user = load(args.profiles)
    indexed = time_shapes(organization, user, args.repeats)
    definitions = drop_indexes()
    try:
        unindexed = time_shapes(organization, user, max(5, args.repeats // 4))
    finally:
        restore_indexes(definitions)
    print(
        f"\n{'query shape (page of 25 + count)':<40} {'p50 ms':>8} {'p99 ms':>8}   {'unindexed p50':>13} "
        f"{'p99':>8}  {'ratio':>6}"
    )
    for name in indexed:
        (p50, p99), (u50, u99) = indexed[name], unindexed[name]
        print(f"{name:<40} {p50:8.1f} {p99:8.1f}   {u50:13.1f} {u99:8.1f}  x{u50 / p50:5.1f}")
    bench_lookalikes(organization, user)


if __name__ == "__main__":
    main()
