"""The approximate lookalike index of agencies with many content vectors: built on the `ml` queue, read by every
process that answers lookalikes.

Files live in LOOKALIKES_INDEX_DIR/org-<id>/<version>/ (ml/engine/ann.py FILES); `org-<id>/current` names the
version to read and is replaced atomically once a build is complete, so a reader never sees half an index. The
index knows the time of the data it was built from (`stamp`, the agency's latest refresh then): rows refreshed after
it are scored exactly from the database beside the index's candidates (discovery.selectors.lookalikes), so a new or
changed profile is a lookalike at once, before the next build.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
from django.conf import settings
from django.db.models import Count, Max
from django.utils import timezone

from discovery.models import ProfileInsight

logger = logging.getLogger(__name__)
POINTER = "current"


def _folder(organization_id: int) -> Path:
    return Path(settings.LOOKALIKES_INDEX_DIR) / f"org-{organization_id}"


def lookalike_index_refresh(*, organization_id: int, force: bool = False) -> dict[str, Any] | None:
    """Build the agency's index when it has LOOKALIKES_ANN_MIN vectors or more and its index is missing, or older
    than its data and either than LOOKALIKES_INDEX_EVERY_MINUTES or by more than LOOKALIKES_INDEX_MAX_DELTA refreshed
    rows (`force`: build regardless). Below the minimum
    its index, if any, is removed (lookalikes are then exact). Returns the new index's meta, or None."""
    from ml.services import ann_build, ann_save

    rows = ProfileInsight.objects.filter(organization_id=organization_id, embedding__isnull=False)
    count = rows.count()
    folder = _folder(organization_id)
    if count < settings.LOOKALIKES_ANN_MIN and not force:
        if folder.exists():
            shutil.rmtree(folder, ignore_errors=True)
        return None
    stamp = ProfileInsight.objects.filter(organization_id=organization_id).aggregate(latest=Max("refreshed_at"))[
        "latest"
    ]
    current = _current_meta(organization_id)  # the meta alone: the worker need not load the index to decide
    if current is not None and not force:
        if current["stamp"] == (stamp.isoformat() if stamp else None):
            return None
        age = timezone.now() - datetime.fromisoformat(current["built_at"])
        # Rows refreshed since the build are read from the database by every lookalike query: past
        # LOOKALIKES_INDEX_MAX_DELTA of them the index is rebuilt at once, not after its interval.
        since = current["stamp"]
        delta = rows.filter(refreshed_at__gt=datetime.fromisoformat(since)).count() if since else count
        if (
            age < timedelta(minutes=settings.LOOKALIKES_INDEX_EVERY_MINUTES)
            and delta <= settings.LOOKALIKES_INDEX_MAX_DELTA
        ):
            return None
    started = time.perf_counter()
    ids = np.empty(count, dtype=np.int64)
    sizes = np.empty(count, dtype=np.float32)
    vectors: np.ndarray | None = None
    filled = 0
    query = rows.order_by("pk").values_list("pk", "followers_count", "embedding")
    for pk, followers, embedding in query.iterator(chunk_size=20000):
        vector = np.frombuffer(bytes(embedding), dtype=np.float16)
        if vectors is None:
            vectors = np.empty((count, vector.size), dtype=np.float16)
        if filled >= count:  # rows added while reading: the next build has them, the delta meanwhile
            break
        ids[filled], sizes[filled], vectors[filled] = pk, np.log1p(followers or 0), vector
        filled += 1
    if vectors is None:
        return None
    built = ann_build(vectors[:filled], ids[:filled], sizes[:filled])
    version = timezone.now().strftime("%Y%m%d-%H%M%S-%f")
    ann_save(
        built,
        folder / version,
        stamp=stamp.isoformat() if stamp else None,
        built_at=timezone.now().isoformat(),
        read_seconds=round(time.perf_counter() - started - built.meta["seconds"], 2),
    )
    pointer = folder / f".{POINTER}.{os.getpid()}"
    pointer.write_text(version, encoding="utf-8")
    os.replace(pointer, folder / POINTER)
    for old in folder.iterdir():  # older versions: a reader that loaded one keeps its open files
        if old.is_dir() and old.name != version:
            shutil.rmtree(old, ignore_errors=True)
    logger.info(
        "lookalike index of organization %s: %s vectors in %.1f s", organization_id, filled, built.meta["seconds"]
    )
    return dict(built.meta)


def _current_meta(organization_id: int) -> dict[str, Any] | None:
    """meta.json of the agency's current index, or None when it has none (or it cannot be read)."""
    folder = _folder(organization_id)
    try:
        version = (folder / POINTER).read_text(encoding="utf-8").strip()
        meta: dict[str, Any] = json.loads((folder / version / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return meta


def lookalike_indexes_refresh() -> int:
    """Refresh the index of every agency at or above LOOKALIKES_ANN_MIN vectors (and drop those that fell below);
    how many were built."""
    large = set(
        ProfileInsight.objects.filter(embedding__isnull=False)
        .values("organization_id")
        .annotate(vectors=Count("pk"))
        .filter(vectors__gte=settings.LOOKALIKES_ANN_MIN)
        .values_list("organization_id", flat=True)
    )
    root = Path(settings.LOOKALIKES_INDEX_DIR)
    indexed = {int(path.name[4:]) for path in root.glob("org-*") if path.name[4:].isdigit()} if root.exists() else set()
    built = 0
    for organization_id in sorted(large | indexed):
        built += lookalike_index_refresh(organization_id=organization_id) is not None
    return built


class _Indexes:
    """Per process: each agency's current index, loaded once per version."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.cache: dict[int, tuple[str, Any]] = {}

    def get(self, organization_id: int) -> Any | None:
        from ml.services import ann_load

        folder = _folder(organization_id)
        try:
            version = (folder / POINTER).read_text(encoding="utf-8").strip()
        except OSError:
            return None
        with self.lock:
            cached = self.cache.get(organization_id)
            if cached is not None and cached[0] == version:
                return cached[1]
        try:
            loaded = ann_load(folder / version)
        except (OSError, ValueError, RuntimeError):
            logger.warning("lookalike index %s of organization %s could not be read", version, organization_id)
            return None
        with self.lock:
            self.cache[organization_id] = (version, loaded)
        return loaded


LOOKALIKE_INDEXES = _Indexes()
