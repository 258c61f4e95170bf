"""Classify-and-store speed of follower audits: 100,000 stored follower profiles → features → model → result rows.

    python bench/bench_authenticity.py [--n 100000] [--baseline 2000]

Uses DATABASE_URL when set (e.g. PostgreSQL), else a fresh SQLite file in /tmp. Prints accounts/s for the batched
path the audit task uses (services.audit_classify_batch) beside a row-at-a-time loop over the same rows.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
if "DATABASE_URL" not in os.environ:
    db_path = Path("/tmp/sociallens-bench-authenticity.sqlite3")
    db_path.unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{db_path}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--baseline", type=int, default=2000, help="Rows for the row-at-a-time loop.")
    parser.add_argument("--batch", type=int, default=5000)
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command
    from django.db.models import Count

    call_command("migrate", verbosity=0)
    from accounts.models import Organization
    from ml import authenticity
    from ml.services import register_shipped_artifacts
    from predictions.audits import services
    from predictions.audits.models import FollowerAudit, FollowerAuditResult
    from profiles.models import Profile

    register_shipped_artifacts()
    organization, _ = Organization.objects.get_or_create(slug="bench", defaults={"name": "Bench"})
    Profile.objects.filter(organization=organization).delete()
    creator = Profile.objects.create(
        organization=organization, platform="instagram", handle="creator", is_linked=True, followers_count=args.n
    )
    rng = random.Random(7)
    words = ["anna", "ola", "travel", "food", "photo", "daily", "sun", "x", "real", "life"]
    t0 = time.perf_counter()
    followers = []
    for i in range(args.n):
        kind = rng.random()
        handle = (
            f"{rng.choice(words)}{rng.randrange(10**7)}"
            if kind < 0.3
            else f"{rng.choice(words)}.{rng.choice(words)}_{i}"
        )
        followers.append(
            Profile(
                organization=organization,
                platform="instagram",
                handle=handle[:30] + str(i),
                display_name="" if kind < 0.3 else f"{rng.choice(words).title()} {rng.choice(words).title()}",
                bio="" if kind < 0.4 else "coffee, runs and " * rng.randrange(1, 5),
                followers_count=int(rng.lognormvariate(5, 2)),
                following_count=int(rng.lognormvariate(6, 1.3)),
                posts_count=int(rng.lognormvariate(3, 2)),
                has_default_avatar=kind < 0.25,
                is_private=kind > 0.8,
            )
        )
    Profile.objects.bulk_create(followers, batch_size=5000)
    ids = list(
        Profile.objects.filter(organization=organization)
        .exclude(pk=creator.pk)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    print(
        f"setup: {len(ids):,} follower profiles in {time.perf_counter() - t0:.1f}s "
        f"({os.environ['DATABASE_URL'].split(':')[0]})"
    )

    authenticity._cache.clear()
    t0 = time.perf_counter()
    check_row = Profile.objects.filter(pk=ids[0]).values(*authenticity.PROFILE_FIELDS).get()
    authenticity.check_profile_row(check_row)
    cold_check = time.perf_counter() - t0
    t0 = time.perf_counter()
    for follower_id in ids[1:201]:
        authenticity.check_profile_row(
            Profile.objects.filter(pk=follower_id).values(*authenticity.PROFILE_FIELDS).get()
        )
    warm_check = (time.perf_counter() - t0) / 200
    print(
        f"single-profile check: first call (loads the model) {cold_check * 1000:.0f} ms, "
        f"then {warm_check * 1000:.1f} ms each (mean of 200, incl. the DB read and reasons)"
    )

    model_version, model = authenticity.active_model("instagram")
    # Warm up outside the timing: a large batch loads the compiled tree predictor, as the first audit batch would.
    model.predict_proba_matrix(model.features({"username": ["warmup"] * 5000}))
    audit = FollowerAudit.objects.create(
        organization=organization, profile=creator, model_version=model_version, sample_ids=ids
    )

    t0, c0 = time.perf_counter(), time.process_time()
    for start in range(0, len(ids), args.batch):
        services.audit_classify_batch(
            audit_id=audit.pk, platform="instagram", follower_ids=ids[start : start + args.batch], model=model
        )
    batched, batched_cpu = time.perf_counter() - t0, time.process_time() - c0
    stored = FollowerAuditResult.objects.filter(audit=audit).count()
    assert stored == len(ids), (stored, len(ids))

    baseline_audit = FollowerAudit.objects.create(
        organization=organization, profile=creator, model_version=model_version
    )
    subset = ids[: args.baseline]
    t0, c0 = time.perf_counter(), time.process_time()
    for follower_id in subset:  # the naive way: one query, one prediction, one insert per follower
        row = Profile.objects.filter(pk=follower_id).values(*authenticity.PROFILE_FIELDS).get()
        result = authenticity.classify_rows([row], platform="instagram", model=model)
        reasons = result.reasons(0) if result.category[0] == "suspicious" else []
        FollowerAuditResult.objects.create(
            audit=baseline_audit,
            follower_id=follower_id,
            category=str(result.category[0]),
            probability=float(result.probability[0]),
            reasons=reasons,
        )
    naive, naive_cpu = time.perf_counter() - t0, time.process_time() - c0
    categories = dict(
        FollowerAuditResult.objects.filter(audit=audit)
        .values_list("category")
        .annotate(n=Count("id"))
        .values_list("category", "n")
    )
    print(f"categories: {categories}")
    print(
        f"batched classify-and-store : {len(ids):>7,} accounts in {batched:6.2f}s = "
        f"{len(ids) / batched:>9,.0f} accounts/s  (CPU time of this process: {len(ids) / batched_cpu:,.0f}/s)"
    )
    print(
        f"row-at-a-time loop         : {len(subset):>7,} accounts in {naive:6.2f}s = "
        f"{len(subset) / naive:>9,.0f} accounts/s  (CPU time of this process: {len(subset) / naive_cpu:,.0f}/s)"
    )
    print(f"load average while running: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (shared machine)")
    print(f"speed-up: {len(ids) / batched / (len(subset) / naive):.0f}x")


if __name__ == "__main__":
    main()
