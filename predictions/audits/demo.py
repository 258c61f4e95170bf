"""Demo data for follower audits: a follower list for one linked demo profile, imported through the CSV importer,
and one finished audit of it.

Instagram follower lists cannot be fetched here, so the followers are made from the account statistics published
in the InstaFake dataset (followers, following, posts, bio length, privacy, username length and digits): real
distributions of real and fake accounts, with made-up handles.
"""

from __future__ import annotations

import csv
import json
import random
import string
import tempfile
from pathlib import Path
from typing import Any

from accounts.models import Organization
from accounts.roles import Role
from config.errors import ApplicationError
from ml import authenticity
from ml.services import AUTHENTICITY_DATASETS_DIR as DATASETS_DIR
from ml.services import model_version_active
from predictions.audits import services
from predictions.audits.models import FollowerAudit
from profiles.models import Platform, Profile

DEMO_FOLLOWERS = 600
BIO_WORDS = ["coffee", "travel", "photography", "mom", "runner", "design", "music", "food", "books", "yoga"]


def _handle(rng: random.Random, length: int, digits: int, taken: set[str]) -> str:
    length = max(3, min(int(length or 8), 30))
    digits = max(0, min(int(digits or 0), length - 1))
    while True:
        letters = "".join(rng.choice(string.ascii_lowercase) for _ in range(length - digits))
        handle = letters + "".join(rng.choice(string.digits) for _ in range(digits))
        if handle not in taken:
            taken.add(handle)
            return handle


def _bio(rng: random.Random, length: int) -> str:
    words: list[str] = []
    while len(" ".join(words)) < int(length or 0):
        words.append(rng.choice(BIO_WORDS))
    return " ".join(words)[: int(length or 0)]


def follower_rows(count: int = DEMO_FOLLOWERS, seed: int = 7) -> list[dict[str, Any]]:
    records = []
    for name in ("realAccountData.json", "fakeAccountData.json"):
        records.extend(json.loads((DATASETS_DIR / "instafake" / name).read_text()))
    rng = random.Random(seed)
    rng.shuffle(records)
    taken: set[str] = set()
    return [
        {
            "platform": "instagram",
            "handle": _handle(rng, r["usernameLength"], r["usernameDigitCount"], taken),
            "bio": _bio(rng, r["userBiographyLength"]),
            "is_private": bool(r["userIsPrivate"]),
            "followers_count": r["userFollowerCount"],
            "following_count": r["userFollowingCount"],
            "posts_count": r["userMediaCount"],
        }
        for r in records[:count]
    ]


def seed_audit_demo(*, organization: Organization, stdout: Any) -> None:
    from profiles.services import profiles_import

    if FollowerAudit.objects.filter(organization=organization).exists():
        stdout.write("  follower audit: already there")
        return
    profile = (
        Profile.objects.filter(organization=organization, platform=Platform.INSTAGRAM, is_linked=True)
        .order_by("-followers_count")
        .first()
    )
    owner = organization.memberships.filter(role=Role.OWNER).select_related("user").first()
    if profile is None or owner is None:
        stdout.write("  follower audit: skipped (no linked Instagram profile or owner)")
        return
    try:
        model_version_active(task=authenticity.TASK, platform=profile.platform)
    except ApplicationError as exc:
        stdout.write(f"  follower audit: skipped ({exc.message})")
        return
    rows = follower_rows()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo-followers.csv"
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
        profiles_import(organization=organization, paths=[path], fmt="csv", followers_of=profile)
    audit = services.audit_start(user=owner.user, profile=profile, sample_size=None)
    # Run it here so the demo report is ready at once; the queued message then finds it done and does nothing.
    if services.audit_claim(audit_id=audit.pk):
        audit = services.audit_run(audit_id=audit.pk)
    stdout.write(
        f"  follower audit: @{profile.handle}, {audit.classified_count} followers, "
        f"audience quality {audit.audience_quality_score}"
    )
