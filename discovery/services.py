"""Writes for discovery: niche corrections, shortlists and their bulk actions, and the refresh of discovery rows."""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils import timezone

from accounts.models import Organization, User
from accounts.roles import Capability
from accounts.selectors import membership_require
from config.errors import ApplicationError, Conflict, NotFound
from discovery.insights import insights_refresh, stale_profiles
from discovery.models import ProfileInsight, Shortlist, ShortlistEntry
from discovery.selectors import discovery_require, shortlist_get
from ml.services import NICHES
from profiles.models import Profile

REFRESH_BATCH = 200
ENQUEUE_BATCH = 500


def niche_correct(*, user: User, profile_id: int, category: str) -> ProfileInsight:
    """A user's niche for a profile: it wins over the model from now on and is kept for retraining
    (discovery.selectors.niche_corrections). An empty category hands the niche back to the model."""
    from discovery.selectors import insight_for_profile

    insight = insight_for_profile(user=user, profile_id=profile_id)
    if insight is None:
        raise Conflict("This profile has not been analysed yet; try again in a minute.", code="not_ready")
    membership_require(user=user, organization=insight.organization_id, capability=Capability.MANAGE_DATA)
    if category and category not in NICHES:
        raise ApplicationError(f"Unknown niche {category!r}; choose one of {', '.join(NICHES)}.", field="category")
    insight.niche_corrected = category
    insight.niche_corrected_by = user if category else None
    insight.niche_corrected_at = timezone.now() if category else None
    insight.niche = category or insight.niche_predicted
    shares = {row["category"]: row["share"] for row in insight.niche_shares}
    insight.niche_share = 1.0 if category else shares.get(insight.niche_predicted)
    insight.save(update_fields=["niche_corrected", "niche_corrected_by", "niche_corrected_at", "niche", "niche_share"])
    return insight


def insights_refresh_enqueue(*, profile_ids: list[int]) -> int:
    """Queue the niche/language refresh of profiles whose posts changed: one ml task per ENQUEUE_BATCH profiles
    (deduplicated), so a 1,000-profile import is two tasks. The beat scan stays as the safety net. Returns the
    number of tasks sent."""
    from discovery.tasks import insights_refresh as refresh_task

    unique = sorted(set(profile_ids))
    for start in range(0, len(unique), ENQUEUE_BATCH):
        refresh_task.delay(unique[start : start + ENQUEUE_BATCH])
    return (len(unique) + ENQUEUE_BATCH - 1) // ENQUEUE_BATCH


def on_posts_changed(*, profile_ids: list[int], **_: Any) -> None:
    """profiles.signals.posts_changed receiver (connected in discovery.apps)."""
    insights_refresh_enqueue(profile_ids=profile_ids)


def insights_refresh_stale(*, limit: int = 2000, embed: bool = True) -> int:
    """Refresh up to `limit` stale discovery rows, in batches; returns how many rows were (re)computed."""
    ids = list(stale_profiles().order_by("pk").values_list("pk", flat=True)[:limit])
    changed = 0
    for start in range(0, len(ids), REFRESH_BATCH):
        changed += insights_refresh(profile_ids=ids[start : start + REFRESH_BATCH], embed=embed)
    return changed


def insights_refresh_organization(*, organization: Organization, embed: bool = True, progress: Any = iter) -> int:
    ids = list(Profile.objects.filter(organization=organization).order_by("pk").values_list("pk", flat=True))
    changed = 0
    for start in progress(range(0, len(ids), REFRESH_BATCH)):
        changed += insights_refresh(profile_ids=ids[start : start + REFRESH_BATCH], embed=embed)
    return changed


# --- shortlists ----------------------------------------------------------------------------------------------------


def shortlist_create(*, user: User, organization: Organization, name: str) -> Shortlist:
    discovery_require(user=user, organization=organization)
    name = name.strip()
    if not name:
        raise ApplicationError("Give the list a name.", field="name")
    if len(name) > 120:
        raise ApplicationError("A list name has at most 120 characters.", field="name")
    try:
        with transaction.atomic():
            return Shortlist.objects.create(organization=organization, name=name, created_by=user)
    except IntegrityError as exc:
        raise Conflict(f"A list called {name!r} already exists.", field="name") from exc


def shortlist_delete(*, user: User, pk: object) -> None:
    shortlist_get(user=user, pk=pk).delete()


def shortlist_add(*, user: User, pk: object, profile_ids: list[int], note: str = "") -> int:
    """Add profiles (of the list's agency only) to a list; ones already on it keep their note. Returns how many
    were added."""
    shortlist = shortlist_get(user=user, pk=pk)
    wanted = list(dict.fromkeys(int(i) for i in profile_ids))
    if not wanted:
        raise ApplicationError("Choose at least one profile.", field="profiles")
    found = set(Profile.objects.filter(organization=shortlist.organization, pk__in=wanted).values_list("pk", flat=True))
    missing = [i for i in wanted if i not in found]
    if missing:
        # Another agency's profile is as unknown here as one that does not exist: 404, like everywhere.
        raise Http404(f"No such profile: {', '.join(map(str, missing[:5]))}.")
    before = shortlist.entries.count()
    ShortlistEntry.objects.bulk_create(
        [ShortlistEntry(shortlist=shortlist, profile_id=i, note=note, added_by=user) for i in wanted],
        ignore_conflicts=True,
    )
    from discovery.insights import typical_posts_enqueue

    missing_figures = ProfileInsight.objects.filter(pk__in=wanted, typical_post={}).values_list("pk", flat=True)
    typical_posts_enqueue(profile_ids=list(missing_figures))  # ready before anyone opens compare
    return shortlist.entries.count() - before


def shortlist_entry_update(*, user: User, pk: object, profile_id: int, note: str | None) -> ShortlistEntry:
    """Set the entry's note; None leaves it as it is (a PATCH without a note)."""
    shortlist = shortlist_get(user=user, pk=pk)
    entry = shortlist.entries.filter(profile_id=profile_id).first()
    if entry is None:
        raise NotFound("This profile is not on the list.", field="profile")
    if note is not None:
        entry.note = note[:5000]
        entry.save(update_fields=["note"])
    return entry


def shortlist_remove(*, user: User, pk: object, profile_id: int) -> None:
    shortlist = shortlist_get(user=user, pk=pk)
    shortlist.entries.filter(profile_id=profile_id).delete()


def shortlist_link_all(*, user: User, pk: object) -> int:
    """Link every profile of the list to the agency (fetching each where the platform integration is on)."""
    from profiles.services import profile_link

    shortlist = shortlist_get(user=user, pk=pk, capability=Capability.MANAGE_DATA)
    linked = 0
    with transaction.atomic():
        for entry in shortlist.entries.select_related("profile").filter(profile__is_linked=False):
            profile_link(
                user=user,
                organization=shortlist.organization,
                reference=entry.profile.handle,
                platform=entry.profile.platform,
            )
            linked += 1
    return linked


def shortlist_audit_all(*, user: User, pk: object) -> dict[str, Any]:
    """Start a follower audit for every linked profile on the list; say which could not start and why."""
    from predictions.audits.services import audit_start

    shortlist = shortlist_get(user=user, pk=pk, capability=Capability.MANAGE_DATA)
    started, skipped = [], []
    for entry in shortlist.entries.select_related("profile"):
        try:
            audit = audit_start(user=user, profile=entry.profile)
        except ApplicationError as exc:
            skipped.append({"handle": entry.profile.handle, "reason": exc.message})
        else:
            started.append(audit.pk)
    return {"started": started, "skipped": skipped}
