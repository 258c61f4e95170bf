"""Fixtures for the like-prediction tests: a profile with stored posts, the accounts the shipped model never saw."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import pytest
from django.conf import settings

DATASET = Path(settings.BASE_DIR) / "ml" / "datasets" / "ig-influencer-posts-2019" / "profiles_slim.jsonl"
SHIPPED_ARTIFACTS = Path(settings.BASE_DIR) / "ml" / "artifacts"


@pytest.fixture(scope="session")
def shipped_lines() -> list[str]:
    return [line for line in DATASET.read_text(encoding="utf-8").split("\n") if line.strip()]


@pytest.fixture(scope="session")
def held_out_lines(shipped_lines) -> list[str]:
    """Accounts the committed artifact never trained on: those its recorded split holds out (the trainer's own
    ml.engine.likes.split rule, read back from the artifact's meta, so the fixture cannot drift from it)."""
    from ml.engine.likes.records import account_from_json
    from ml.engine.likes.split import AccountSplit

    artifacts = sorted(SHIPPED_ARTIFACTS.glob("like-prediction-*/meta.json"))
    assert len(artifacts) == 1, f"expected exactly one shipped like-prediction artifact, found {artifacts}"
    split = AccountSplit.from_meta(json.loads(artifacts[0].read_text())["split"])
    assert split is not None, "the shipped like-prediction artifact records no split"
    return [line for line in shipped_lines if split.is_held_out(account_from_json(json.loads(line)).handle)]


@pytest.fixture
def held_out_file(tmp_path, held_out_lines) -> Path:
    path = tmp_path / "held_out.jsonl"
    path.write_text("\n".join(held_out_lines[:80]) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def scored_profile(db):
    from tests.factories import PostFactory, ProfileFactory

    profile = ProfileFactory(handle="sunny.days", followers_count=250_000, timezone="Europe/Berlin")
    start = datetime(2026, 9, 1, 17, tzinfo=UTC)
    rng = np.random.default_rng(3)
    for i in range(14):
        PostFactory(
            profile=profile,
            taken_at=start + timedelta(days=2 * i),
            likes=int(rng.integers(9000, 14000)),
            comments=150,
            caption=f"Day {i} by the lake #summer",
            image_description="Image may contain: 1 person, outdoor",
        )
    return profile


def write_jsonl(path: Path, accounts: list[dict]) -> Path:
    path.write_text("\n".join(json.dumps(a) for a in accounts) + "\n", encoding="utf-8")
    return path
