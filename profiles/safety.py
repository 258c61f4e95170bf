"""Brand safety of stored posts: screening them (ml.engine.brand_safety) into SafetyFlag rows, a creator's grade,
and a reviewer dismissing a flag.

Screening runs inside the discovery refresh (discovery.insights.insights_refresh, a Celery task after every import
and fetch and every 2 minutes on beat for whatever changed), batched: one model call per SCREEN_BATCH posts. A post
remembers the screen that made its flags (`Post.safety_version`: the engine's version and a digest of the agency's
keyword list), so a new engine or a changed list redoes exactly the posts it concerns.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone

from accounts.models import Organization, User
from accounts.roles import Capability
from config.errors import ApplicationError
from profiles.models import Post, Profile, SafetyFlag

SCREEN_BATCH = 2000
FLAGGED_POSTS_SHOWN = 20


def keyword_list(text: str) -> list[str]:
    """The agency's keywords: one phrase a line, blank lines and repeats dropped, in their order."""
    seen: dict[str, str] = {}
    for line in (text or "").splitlines():
        phrase = " ".join(line.split())
        if phrase:
            seen.setdefault(phrase.lower(), phrase)
    return list(seen.values())


def screen_version(organization: Organization) -> str:
    from ml.engine.brand_safety import VERSION

    keywords = "\n".join(k.lower() for k in keyword_list(organization.safety_keywords))
    return f"{VERSION}-{hashlib.sha256(keywords.encode()).hexdigest()[:12]}"


def screen_posts(*, profile_ids: list[int]) -> int:
    """Screen the posts of these profiles that the current screen has not seen; returns how many were screened.

    A flag a reviewer dismissed stays dismissed (with its note) while the post still touches its category, and is
    kept even when it no longer does."""
    from ml.engine.brand_safety import Screener

    by_org: dict[int, list[int]] = defaultdict(list)
    for profile_id, organization_id in Profile.objects.filter(pk__in=profile_ids).values_list("pk", "organization_id"):
        by_org[organization_id].append(profile_id)
    screened = 0
    for organization in Organization.objects.filter(pk__in=list(by_org)):
        version = screen_version(organization)
        screener = Screener(keyword_list(organization.safety_keywords))
        todo = Post.objects.filter(profile_id__in=by_org[organization.pk]).exclude(safety_version=version)
        while batch := list(todo.order_by("pk").only("pk", "caption", "image_description")[:SCREEN_BATCH]):
            flags = screener.screen_posts([(post.caption or "", post.image_description or "") for post in batch])
            _store(batch, flags, version)
            screened += len(batch)
    return screened


def _store(posts: list[Post], flags: list[list], version: str) -> None:
    ids = [post.pk for post in posts]
    with transaction.atomic():
        existing = {(f.post_id, f.category): f for f in SafetyFlag.objects.select_for_update().filter(post_id__in=ids)}
        keep: set[tuple[int, str]] = set()
        create, update = [], []
        for post, found in zip(posts, flags, strict=True):
            for flag in found:
                key = (post.pk, flag.category)
                keep.add(key)
                row = existing.get(key)
                if row is None:
                    create.append(
                        SafetyFlag(post=post, category=flag.category, evidence=list(flag.evidence), source=flag.source)
                    )
                elif row.evidence != list(flag.evidence) or row.source != flag.source:
                    row.evidence, row.source = list(flag.evidence), flag.source
                    update.append(row)
        gone = [row.pk for key, row in existing.items() if key not in keep and row.dismissed_at is None]
        SafetyFlag.objects.filter(pk__in=gone).delete()
        SafetyFlag.objects.bulk_create(create)
        SafetyFlag.objects.bulk_update(update, ["evidence", "source"])
        Post.objects.filter(pk__in=ids).update(safety_version=version)


def screen_stale(*, limit: int = 2000) -> int:
    """The beat's safety net: screen posts the current screen has not seen (a new engine version, a changed keyword
    list whose refresh was lost) for up to `limit` profiles, and write their grades. Returns the profiles done."""
    done = 0
    for organization in Organization.objects.order_by("pk"):
        if done >= limit:
            break
        version = screen_version(organization)
        ids = list(
            Post.objects.filter(profile__organization=organization)
            .exclude(safety_version=version)
            .values_list("profile_id", flat=True)
            .order_by("profile_id")
            .distinct()[: limit - done]
        )
        for start in range(0, len(ids), 200):
            batch = ids[start : start + 200]
            screen_posts(profile_ids=batch)
            regrade(profile_ids=batch)
        done += len(ids)
    return done


@dataclass
class SafetySummary:
    screened: int = 0
    flagged: int = 0  # posts with a flag nobody dismissed
    serious: int = 0  # of those, posts with a flag of medium or high severity (not alcohol or politics alone)
    high_severity: int = 0  # of those, posts with a hate, adult, drugs or violence flag
    categories: dict[str, int] = field(default_factory=dict)  # {category: posts}

    @property
    def grade(self) -> str:
        from ml.engine.brand_safety import grade

        return grade(
            screened=self.screened, flagged=self.flagged, serious=self.serious, high_severity=self.high_severity
        )


def safety_summaries(profile_ids: list[int]) -> dict[int, SafetySummary]:
    """Each profile's screened and flagged post counts: three grouped queries for the whole batch."""
    from ml.engine.brand_safety import CATEGORIES

    high = [c.key for c in CATEGORIES if c.severity >= 3]
    serious = [c.key for c in CATEGORIES if c.severity >= 2]
    summaries = {pid: SafetySummary() for pid in profile_ids}
    screened = (
        Post.objects.filter(profile_id__in=profile_ids)
        .exclude(safety_version="")
        .values("profile_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for row in screened:
        summaries[row["profile_id"]].screened = row["n"]
    live = SafetyFlag.objects.filter(post__profile_id__in=profile_ids, dismissed_at__isnull=True)
    posts = (
        live.values("post__profile_id")
        .annotate(
            flagged=Count("post", distinct=True),
            serious=Count("post", distinct=True, filter=Q(category__in=serious)),
            high=Count("post", distinct=True, filter=Q(category__in=high)),
        )
        .order_by()
    )
    for row in posts:
        summary = summaries[row["post__profile_id"]]
        summary.flagged, summary.serious, summary.high_severity = row["flagged"], row["serious"], row["high"]
    by_category = live.values("post__profile_id", "category").annotate(n=Count("post", distinct=True))
    for row in by_category.order_by("post__profile_id", "category"):
        summaries[row["post__profile_id"]].categories[row["category"]] = row["n"]
    return summaries


def regrade(*, profile_ids: list[int]) -> None:
    """Write the current grades onto the discovery rows (after a dismissal; the refresh writes them otherwise)."""
    from discovery.models import ProfileInsight

    for profile_id, summary in safety_summaries(profile_ids).items():
        ProfileInsight.objects.filter(pk=profile_id).update(
            safety_grade=summary.grade,
            safety_screened_posts=summary.screened,
            safety_flagged_posts=summary.flagged,
            safety_categories=summary.categories,
        )


def flagged_posts(*, profile: Profile, dismissed: bool = False) -> QuerySet[Post]:
    """The profile's posts with a live flag (or, with dismissed=True, a dismissed one), newest first, flags loaded."""
    from django.db.models import Exists, OuterRef, Prefetch

    flags = SafetyFlag.objects.filter(dismissed_at__isnull=not dismissed).select_related("dismissed_by")
    return (
        profile.posts.filter(Exists(flags.filter(post=OuterRef("pk"))))
        .order_by(F("taken_at").desc(nulls_last=True), "-pk")
        .prefetch_related(Prefetch("safety_flags", queryset=flags.order_by("category"), to_attr="shown_flags"))
    )


def flag_get(*, user: User, pk: object) -> SafetyFlag:
    """A flag on a profile this user's agency holds, for a member who may review content (else 404 / 403)."""
    from accounts.selectors import object_get_for_user

    return object_get_for_user(
        SafetyFlag.objects.select_related("post__profile"),
        user=user,
        pk=pk,
        capability=Capability.REVIEW_CONTENT,
        organization_field="post__profile__organization",
    )


def flag_dismiss(*, user: User, flag: SafetyFlag, note: str) -> SafetyFlag:
    """Dismiss a flag with the reviewer's note (required: it is what retraining and the next reviewer read)."""
    note = note.strip()
    if not note:
        raise ApplicationError("Say why the flag does not apply (the note is kept with it).", code="invalid")
    if len(note) > 1000:
        raise ApplicationError("Keep the note under 1,000 characters.", code="invalid")
    with transaction.atomic():
        flag.dismissed_at, flag.dismissed_by, flag.dismissal_note = timezone.now(), user, note
        flag.save(update_fields=["dismissed_at", "dismissed_by", "dismissal_note"])
        regrade(profile_ids=[flag.post.profile_id])
    return flag


def flag_restore(*, flag: SafetyFlag) -> SafetyFlag:
    with transaction.atomic():
        flag.dismissed_at, flag.dismissed_by, flag.dismissal_note = None, None, ""
        flag.save(update_fields=["dismissed_at", "dismissed_by", "dismissal_note"])
        regrade(profile_ids=[flag.post.profile_id])
    return flag


def keywords_update(*, user: User, organization: Organization, text: str) -> list[str]:
    """Save the agency's keyword list (owners and managers) and queue every one of its profiles for screening."""
    from accounts.selectors import membership_require

    membership_require(user=user, organization=organization, capability=Capability.MANAGE_DATA)
    keywords = keyword_list(text)
    if len(keywords) > 500:
        raise ApplicationError("Keep the list to 500 phrases.", code="invalid")
    if any(len(k) > 100 for k in keywords):
        raise ApplicationError("A keyword phrase is at most 100 characters.", code="invalid")
    organization.safety_keywords = "\n".join(keywords)
    organization.save(update_fields=["safety_keywords"])
    ids = list(Profile.objects.filter(organization=organization).values_list("pk", flat=True))
    Profile.objects.filter(pk__in=ids).update(updated_at=timezone.now())

    from config.jobs import after_commit
    from discovery.services import insights_refresh_enqueue

    # The profiles' new updated_at makes them stale: the beat scan screens them should the broker be down now.
    after_commit(lambda: insights_refresh_enqueue(profile_ids=ids))
    return keywords
