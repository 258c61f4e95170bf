"""A 1,000-follower Instagram audit, staged vs full, replayed through instaloader from recorded responses.

    python bench/bench_staged_audit.py [--followers 1000] [--fake-share 0.3]

The follower-list pages (50 followers each) and the per-follower profile answers have the shapes recorded in
tests/data/profiles/instagram (followers_page1.json, user_info_by_id.json), filled with real account names and
flags from ml/datasets/ig-influencer-posts-2019 plus bare, digit-named accounts without picture or name (the
fake-looking share). Both audits run the real path: audit task → followers_fetch → instaloader → classification.
Prints requests made, the replay's wall time, and the time those requests take under the shared rate limit
(PROFILES_RATE_LIMITS["instagram"], default 150 requests per 11 minutes), staged vs full (the baseline: every
follower fetched in full).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path
from urllib.parse import parse_qs

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
if "DATABASE_URL" not in os.environ:
    db_path = Path("/tmp/sociallens-bench-staged-audit.sqlite3")
    db_path.unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{db_path}"

RECORDED = ROOT / "tests" / "data" / "profiles" / "instagram"
IG = "https://www.instagram.com"
PAGE = 50
ANONYMOUS_PICTURE = (
    "https://scontent.cdninstagram.com/v/t51.2885-19/44884218_345707102882519_2446069589734326272_n"
    ".jpg?ig_cache_key=YW5vbnltb3VzX3Byb2ZpbGVfcGlj.2"
)


def audience(n: int, fake_share: float, seed: int = 7) -> list[dict[str, object]]:
    """List nodes and full-profile numbers of `n` followers."""
    rng = random.Random(seed)
    real = [
        json.loads(line)
        for line in (ROOT / "ml" / "datasets" / "ig-influencer-posts-2019" / "profiles_slim.jsonl")
        .read_text(encoding="utf-8")
        .split("\n")
        if line.strip()
    ]
    rng.shuffle(real)
    followers = []
    for i in range(n):
        if rng.random() < fake_share:
            handle = f"{rng.choice('abcdefghjkmnpqrstuvwxyz')}{rng.randrange(10**9, 10**10)}"
            node = {
                "username": handle,
                "full_name": "",
                "profile_pic_url": ANONYMOUS_PICTURE,
                "is_private": False,
                "is_verified": False,
            }
            counts = {
                "follower_count": rng.randrange(0, 40),
                "following_count": rng.randrange(800, 7500),
                "media_count": rng.randrange(0, 3),
                "biography": "",
            }
        else:
            account = real[i % len(real)]
            # The real handle as it is (a digit suffix would make every real follower look digit-named, the
            # list model's strongest fake cue); a suffix only once the 1,512 accounts are used up.
            repeat = i // len(real)
            node = {
                "username": f"{account['username']}{repeat}" if repeat else account["username"],
                "full_name": account.get("full_name") or "",
                "profile_pic_url": f"https://scontent.cdninstagram.com/{account['username']}.jpg",
                "is_private": bool(account.get("is_private")),
                "is_verified": bool(account.get("is_verified")),
            }
            counts = {
                "follower_count": rng.randrange(80, 5000),
                "following_count": rng.randrange(50, 900),
                "media_count": rng.randrange(5, 600),
                "biography": account.get("biography") or "",
            }
        node["id"] = str(10_000_000 + i)
        node.update(followed_by_viewer=False, requested_by_viewer=False)
        followers.append({"node": node, "counts": counts})
    return followers


def run(staged: bool, followers: list[dict[str, object]]) -> dict[str, float]:
    import responses

    from accounts.models import Organization, User
    from ml import authenticity
    from predictions.audits.models import FollowerAudit, FollowerAuditResult
    from predictions.audits.tasks import audit_run
    from profiles.fetchers import sessions
    from profiles.fetchers.ratelimit import limiter_for
    from profiles.models import FollowerCursor, Profile

    organization, _ = Organization.objects.get_or_create(slug="bench", defaults={"name": "Bench"})
    user, _ = User.objects.get_or_create(email="bench@example.com")
    Profile.objects.filter(organization=organization).exclude(handle="natgeo").delete()
    FollowerCursor.objects.all().delete()
    sessions.session_store(
        organization=organization, username="agency_scout", cookies={"sessionid": "4242%3AabcDEF%3A12"}
    )
    creator, _ = Profile.objects.get_or_create(
        organization=organization,
        platform="instagram",
        handle="natgeo",
        defaults={"is_linked": True, "followers_count": 281_000_000},
    )
    limiter_for(platform="instagram", credential="agency_scout").reset()
    owner_info = json.loads((RECORDED / "user_info_by_id.json").read_text())["787132"]
    by_id = {f["node"]["id"]: f for f in followers}
    pages = [followers[i : i + PAGE] for i in range(0, len(followers), PAGE)]
    calls = {"list": 0, "profile": 0, "other": 0}

    def follower_page(request):  # type: ignore[no-untyped-def]
        calls["list"] += 1
        after = json.loads(request.params["variables"]).get("after")
        index = int(after.removeprefix("cursor")) if after else 0
        more = index + 1 < len(pages)
        body = {
            "data": {
                "user": {
                    "edge_followed_by": {
                        "count": len(followers),
                        "page_info": {"has_next_page": more, "end_cursor": f"cursor{index + 1}"},
                        "edges": [{"node": f["node"]} for f in pages[index]],
                    }
                }
            },
            "status": "ok",
        }
        return 200, {"Content-Type": "application/json"}, json.dumps(body)

    def user_info(request):  # type: ignore[no-untyped-def]
        user_id = json.loads(parse_qs(request.body)["variables"][0])["id"]
        if user_id == "787132":
            calls["other"] += 1
            return 200, {"Content-Type": "application/json"}, json.dumps(owner_info)
        calls["profile"] += 1
        follower = by_id[user_id]
        user = {
            **follower["node"],
            "pk": user_id,
            **follower["counts"],
            "friendship_status": {"following": False, "followed_by": True},
        }
        return 200, {"Content-Type": "application/json"}, json.dumps({"data": {"user": user}, "status": "ok"})

    audit = FollowerAudit.objects.create(
        organization=organization, profile=creator, requested_by=user, sample_size=len(followers), fetch_followers=True
    )
    _, model = authenticity.active_model("instagram")
    list_model = model.list_model
    if not staged:
        model.list_model = None  # the full audit: every follower's profile is fetched
    try:
        with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
            rsps.get(
                f"{IG}/natgeo/", body=(RECORDED / "profile_page_natgeo.html").read_text(), content_type="text/html"
            )
            rsps.add_callback(responses.GET, f"{IG}/graphql/query", callback=follower_page)
            rsps.add_callback(responses.POST, f"{IG}/graphql/query", callback=user_info)
            started = time.perf_counter()
            audit_run.apply(args=[audit.pk])
            wall = time.perf_counter() - started
            calls["other"] += len(rsps.calls) - calls["list"] - calls["profile"] - calls["other"]
    finally:
        model.list_model = list_model
    audit.refresh_from_db()
    if audit.status != "done":
        raise SystemExit(f"audit ended {audit.status}: {audit.error}")
    from django.conf import settings

    limit, window = settings.PROFILES_RATE_LIMITS["instagram"]
    requests = calls["list"] + calls["profile"] + calls["other"]
    return {
        "followers": FollowerAuditResult.objects.filter(audit=audit).count(),
        "requests": requests,
        "list_requests": calls["list"],
        "profile_requests": calls["profile"],
        "wall_s": round(wall, 2),
        "rate_limited_minutes": round(requests * window / limit / 60, 1),
        "audience_quality_score": audit.audience_quality_score,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--followers", type=int, default=1000)
    parser.add_argument("--fake-share", type=float, default=0.3)
    args = parser.parse_args()

    import django

    django.setup()
    from cryptography.fernet import Fernet
    from django.conf import settings
    from django.core.management import call_command

    settings.INSTAGRAM_SESSION_KEY = settings.INSTAGRAM_SESSION_KEY or Fernet.generate_key().decode()
    settings.PROFILES_RATE_LIMITS = {**settings.PROFILES_RATE_LIMITS, "instagram": (10**9, 660.0)}
    call_command("migrate", verbosity=0)
    from ml.services import register_shipped_artifacts

    register_shipped_artifacts()
    followers = audience(args.followers, args.fake_share)
    settings.PROFILES_RATE_LIMITS = {**settings.PROFILES_RATE_LIMITS, "instagram": (10**9, 660.0)}
    full = run(False, followers)
    staged = run(True, followers)
    # Time under the platform's limit, at the production setting (the replay itself ran unthrottled).
    from config.settings import base

    limit, window = base.PROFILES_RATE_LIMITS["instagram"]
    for result in (full, staged):
        result["rate_limited_minutes"] = round(result["requests"] * window / limit / 60, 1)
    print(f"full   : {full}")
    print(f"staged : {staged}")
    print(
        json.dumps(
            {
                "followers": args.followers,
                "full": full,
                "staged": staged,
                "requests_ratio": round(staged["requests"] / full["requests"], 3),
                "wall_ratio": round(staged["wall_s"] / full["wall_s"], 3),
                "rate_limit": f"{limit} requests / {window / 60:.0f} min",
            }
        )
    )


if __name__ == "__main__":
    main()
