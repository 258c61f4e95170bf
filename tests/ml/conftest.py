"""Fixtures for the like-prediction tests: a profile with stored posts, held-out accounts, a tiny embedder."""
from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import pytest
from django.conf import settings

DATASET = Path(settings.BASE_DIR) / "ml" / "datasets" / "ig-influencer-posts-2019" / "profiles_slim.jsonl"


class HashEmbedder:
    """Deterministic stand-in for MiniLM in training tests (the real model is exercised by the scoring tests)."""

    def __init__(self) -> None:
        self.vectors: dict[str, np.ndarray] = {}

    def prime(self, captions) -> None:
        for caption in captions:
            self(caption)

    def __call__(self, caption: str) -> np.ndarray:
        if caption not in self.vectors:
            if not caption:
                self.vectors[caption] = np.zeros(384)
            else:
                seed = int(hashlib.sha256(caption.encode()).hexdigest()[:8], 16)
                vector = np.random.default_rng(seed).normal(size=384)
                self.vectors[caption] = vector / np.linalg.norm(vector)
        return self.vectors[caption]


@pytest.fixture(scope="session")
def shipped_lines() -> list[str]:
    return [line for line in DATASET.read_text(encoding="utf-8").split("\n") if line.strip()]


@pytest.fixture(scope="session")
def held_out_lines(shipped_lines) -> list[str]:
    """Accounts the committed artifact never trained on: the 20% the trainer holds out with seed 42."""
    order = np.random.default_rng(42).permutation(len(shipped_lines))
    return [shipped_lines[i] for i in sorted(order[: len(shipped_lines) // 5].tolist())]


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
        PostFactory(profile=profile, taken_at=start + timedelta(days=2 * i), likes=int(rng.integers(9000, 14000)),
                    comments=150, caption=f"Day {i} by the lake #summer",
                    image_description="Image may contain: 1 person, outdoor")
    return profile


def write_jsonl(path: Path, accounts: list[dict]) -> Path:
    path.write_text("\n".join(json.dumps(a) for a in accounts) + "\n", encoding="utf-8")
    return path
