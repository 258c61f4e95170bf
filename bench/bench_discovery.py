"""Discovery at 100,000 or 1,000,000 stored profiles on PostgreSQL: p50/p99 per query shape (a filtered, sorted first
page of 25 plus its count, through discovery.selectors.discovery_search), indexed and unindexed in the same process.
Lookalikes have their own bench (bench_lookalikes.py, a million vectors).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/sl_discovery_bench python bench/bench_discovery.py [--profiles N]

The database is emptied and loaded with synthetic rows made inside PostgreSQL (log-normal followers, nine niches,
eight languages, a caption vocabulary for full-text search), then VACUUM ANALYZEd as autovacuum keeps a live table.
"Unindexed" drops the discovery indexes (the primary key stays) and re-ANALYZEs, so the planner falls back to
scans, as before this feature had indexes. Goal (issue #32): p99 <= 200 ms for every shape at a million.
"""

from __future__ import annotations

import argparse
import os
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


def _insert_select(model, overrides: dict[str, str], source: str, params: list) -> None:  # type: ignore[no-untyped-def]
    """INSERT INTO the model's table SELECT: the columns in `overrides` from SQL expressions over `source`, every
    other column its field's default (what a Django-made row would hold), bound as parameters."""
    import json

    from django.db import connection, models

    columns, values, bound = [], [], []
    for field in model._meta.concrete_fields:
        if field.primary_key and field.column not in overrides:
            continue  # the sequence numbers it
        columns.append(connection.ops.quote_name(field.column))
        if field.column in overrides:
            values.append(overrides[field.column])
            continue
        default = field.get_default()  # "" for a text field without one, None otherwise
        if isinstance(field, models.JSONField):
            values.append("%s::jsonb")
            bound.append(json.dumps(default))
        else:
            values.append("%s")
            bound.append(default)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {model._meta.db_table} ({', '.join(columns)}) SELECT {', '.join(values)} FROM {source}",
            [*bound, *params],
        )


def load(n: int, seed: int = 7) -> tuple[object, object]:
    """Synthetic rows made inside PostgreSQL (generate_series; a million in minutes where a Python loop took half
    an hour): log-normal followers, nine niches, eight languages, 12 caption words each for full-text search.
    Embeddings are random bytes of the real width (a results page never reads them)."""
    from django.db import connection
    from django.utils import timezone

    from accounts.models import Organization, User
    from accounts.roles import Role
    from discovery.insights import search_vector_update
    from discovery.models import ProfileInsight
    from profiles.models import Profile

    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE discovery_profileinsight, profiles_profile, accounts_organization CASCADE")
        cursor.execute("SELECT setseed(%s)", [seed / 100])
    organization = Organization.objects.create(name="Bench agency", slug="bench")
    user, _ = User.objects.get_or_create(email="bench@example.com")
    organization.memberships.create(user=user, role=Role.OWNER)
    other = Organization.objects.create(name="Other agency", slug="other")
    now = timezone.now()
    start = time.perf_counter()
    _insert_select(
        Profile,
        {
            "organization_id": f"CASE WHEN i %% 10 = 0 THEN {other.pk} ELSE {organization.pk} END",
            "platform": "'instagram'",
            "handle": "'creator' || i",
            "display_name": "'Creator ' || i",
            "created_at": f"'{now.isoformat()}'::timestamptz",
            "updated_at": f"'{now.isoformat()}'::timestamptz",
        },
        "generate_series(0, %s) AS i",
        [n - 1],
    )
    print(f"  profiles: {time.perf_counter() - start:.1f} s", flush=True)
    pick = lambda values: "(ARRAY[{}])[1 + floor(random() * {})::int]".format(  # noqa: E731
        ", ".join(f"'{value}'" for value in values), len(values)
    )
    words = "ARRAY[{}]".format(", ".join(f"'{word}'" for word in WORDS))
    _insert_select(
        ProfileInsight,
        {
            "profile_id": "p.id",
            "organization_id": "p.organization_id",
            "platform": "'instagram'",
            "handle": "p.handle",
            "followers_count": "exp(9.5 + 1.6 * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()))::bigint",
            "is_verified": "random() < 0.05",
            "is_business": "random() < 0.3",
            "is_linked": "random() < 0.02",
            "engagement_rate": "random() * 0.066",
            "quality_score": "CASE WHEN random() < 0.3 THEN 20 + random() * 75 END",
            "growth_30d": "0.01 + 0.05 * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random())",
            "last_post_at": f"'{now.isoformat()}'::timestamptz - make_interval(secs => -ln(1 - random()) * 40 * 86400)",
            "sparkline": "'[100, 101, 102, 103, 104, 105, 106, 107, 108, 109]'::jsonb",
            "niche": pick(NICHES),
            "niche_share": "0.2 + random() * 0.79",
            "content_language": pick(LANGUAGES),
            "country": pick(COUNTRIES),
            "embedding": "convert_to(repeat(md5(p.id::text || random()::text), 24), 'UTF8')",
            "search_text": f"p.handle || ' ' || p.display_name || ' ' || array_to_string(ARRAY(SELECT ({words})"
            f"[1 + floor(random() * {len(WORDS)})::int] FROM generate_series(1, 12) WHERE p.id > 0), ' ')",
            "refreshed_at": f"'{now.isoformat()}'::timestamptz",
        },
        "profiles_profile AS p",
        [],
    )
    print(f"  insights: {time.perf_counter() - start:.1f} s", flush=True)
    search_vector_update()
    with connection.cursor() as cursor:
        # What autovacuum keeps up on a live server. The profiles too: every result page joins them, and with no
        # statistics the planner takes the million-row table for an empty one (a nested loop over every profile
        # made the full-text shape 2.0 s instead of 0.95 s).
        cursor.execute("VACUUM ANALYZE discovery_profileinsight")
        cursor.execute("VACUUM ANALYZE profiles_profile")
    print(f"  load + full-text vectors: {time.perf_counter() - start:.1f} s")
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
    "disc_org_filters",
    "disc_org_niche_filters",
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


if __name__ == "__main__":
    main()
