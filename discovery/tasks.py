"""Discovery rows follow the data: every two minutes (beat) the stale ones are recomputed in batches on `ml`."""

from __future__ import annotations

from celery import shared_task
from django.core.cache import cache

LOCK_KEY = "discovery:refresh-stale"
LOCK_SECONDS = 20 * 60


@shared_task(name="discovery.tasks.insights_refresh_stale", acks_late=True)
def insights_refresh_stale(limit: int = 2000) -> int:
    """Niche, language, countries, metrics and content vectors of profiles whose posts or counts changed.

    One run at a time (a cache lock): two overlapping beats would only compute the same rows twice."""
    from discovery import services

    if not cache.add(LOCK_KEY, 1, LOCK_SECONDS):
        return 0
    try:
        return services.insights_refresh_stale(limit=limit)
    finally:
        cache.delete(LOCK_KEY)


@shared_task(name="discovery.tasks.insights_refresh", acks_late=True)
def insights_refresh(profile_ids: list[int]) -> int:
    from discovery.insights import insights_refresh as refresh

    return refresh(profile_ids=profile_ids)


@shared_task(name="discovery.tasks.typical_posts_refresh", acks_late=True)
def typical_posts_refresh(profile_ids: list[int]) -> int:
    """The like model's typical post for shortlisted profiles, made ahead of the compare page."""
    from discovery.insights import typical_posts_refresh as refresh

    return refresh(profile_ids=profile_ids)


@shared_task(name="discovery.tasks.lookalike_indexes_refresh", acks_late=True)
def lookalike_indexes_refresh() -> int:
    """Rebuild the approximate lookalike index of agencies with many content vectors (discovery.lookalike_index)."""
    from discovery.lookalike_index import lookalike_indexes_refresh as refresh

    return refresh()
