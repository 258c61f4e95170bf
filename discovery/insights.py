"""Computing a profile's discovery row: niche (model or correction), content language, countries, engagement,
growth, audience quality, sparkline, content vector and search text. Batched: one model call per batch."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import timedelta
from typing import Any

import numpy as np
from django.db import connection, transaction
from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.utils import timezone

from config.pagecache import write_scope
from discovery.models import ProfileInsight
from profiles.models import Post, Profile, Snapshot
from profiles.safety import safety_summaries, screen_posts
from profiles.selectors import engagement_of, latest_posts_per_profile, paid_of, paid_window_posts

RECENT_POSTS = 30  # posts read for niche, language, countries and search text
EMBED_POSTS = 8  # captions averaged into the content vector
SPARKLINE_POINTS = 20
SEARCH_CAPTION_CHARS = 4000


def stale_profiles() -> QuerySet[Profile]:
    """Profiles without a discovery row, or whose profile, posts, snapshots or audits changed since it was made."""
    from predictions.audits.selectors import audits_finished_after

    refreshed = OuterRef("insight__refreshed_at")
    newer_posts = Post.objects.filter(profile=OuterRef("pk"), fetched_at__gt=refreshed)
    newer_snapshots = Snapshot.objects.filter(profile=OuterRef("pk"), taken_at__gt=refreshed)
    newer_audits = audits_finished_after(profile=OuterRef("pk"), since=refreshed)
    return Profile.objects.filter(
        Q(insight__isnull=True)
        | Q(updated_at__gt=F("insight__refreshed_at"))
        | Exists(newer_posts)
        | Exists(newer_snapshots)
        | Exists(newer_audits)
    )


# Part of every row's signature: bump it when the analysis itself changes, so that the next refresh redoes the rows
# it made before (2: languages by ml.engine.languages, from all of a profile's texts together; 3: the country from
# the bio first, from post locations only when they agree, ml.engine.places.home_country; 4: niches beyond the
# kim2020 eight, ml.niches; 5: paid vs organic; 6: brand-safety grades, profiles.safety; 7: the chat words
# that tell Indonesian, Malay and Tagalog apart, ml.engine.languages.MARKERS; 8: YouTube's own video categories
# name the niche where they agree, ml.engine.categories.declared).
ANALYSIS_VERSION = "8"


def _signature(
    profile: Profile,
    posts: list[Post],
    followers: list[int | None],
    aqs: float | None,
    paid: Any = None,
    safety: Any = None,
) -> str:
    digest = hashlib.sha256(ANALYSIS_VERSION.encode())
    for value in (
        profile.handle,
        profile.display_name,
        profile.bio,
        profile.business_category,
        profile.followers_count,
        profile.is_verified,
        profile.is_business,
        profile.is_linked,
        aqs,
        *followers,
        paid,
        safety,
    ):
        digest.update(f"{value}\x1f".encode())
    for post in posts:
        digest.update(
            f"{post.platform_id}\x1f{post.caption}\x1f{post.likes}\x1f{post.comments}\x1f{post.views}\x1f{post.shares}"
            "\x1e".encode()
        )
    return digest.hexdigest()


def _growth(snapshots: list[Snapshot], now: Any) -> float | None:
    """Relative follower change between the latest snapshot and the latest one at least 30 days before it."""
    counted = [s for s in snapshots if s.followers_count]
    if len(counted) < 2:
        return None
    latest = counted[-1]
    before = [s for s in counted if s.taken_at <= latest.taken_at - timedelta(days=30)]
    if not before:
        return None
    base = before[-1].followers_count or 0
    return (latest.followers_count - base) / base if base else None


def _latest_quality_scores(profile_ids: list[int]) -> dict[int, float]:
    from predictions.audits.selectors import latest_quality_scores

    return latest_quality_scores(profile_ids=profile_ids)


def _content_vector(record: Any, vectors: np.ndarray) -> bytes | None:
    """The lookalike vector: the mean of the EMBED_POSTS newest captioned posts' vectors (None without one)."""
    from ml.services import pooled_embedding

    picked = [k for k, post in enumerate(record.posts) if post.caption.strip()][:EMBED_POSTS]
    if not picked:
        return None
    pooled = pooled_embedding(vectors[picked])
    return pooled.astype(np.float16).tobytes() if np.any(pooled) else None


def insights_refresh(*, profile_ids: Iterable[int], embed: bool = True, force: bool = False) -> int:
    """Recompute the discovery rows of these profiles; unchanged inputs are skipped. Returns how many changed.

    A user's niche correction is never overwritten: the model's prediction is stored beside it."""
    profiles = list(Profile.objects.filter(pk__in=list(profile_ids)))
    if not profiles:
        return 0
    # Its writes are these profiles' agencies' data: a refresh after one agency's import leaves others' pages cached.
    with write_scope({profile.organization_id for profile in profiles}):
        return _insights_refresh(profiles, embed=embed, force=force)


def _insights_refresh(profiles: list[Profile], *, embed: bool, force: bool) -> int:
    from ml.categories import classify
    from ml.services import COUNTRY_UNKNOWN as UNKNOWN
    from ml.services import LANGUAGE_UNKNOWN as NO_LANGUAGE
    from ml.services import declared_niche, home_country, profile_countries, profile_languages

    ids = [p.pk for p in profiles]
    posts_by = _recent_posts(ids)
    snapshots_by: dict[int, list[Snapshot]] = {pid: [] for pid in ids}
    for snapshot in Snapshot.objects.filter(profile_id__in=ids).order_by("profile_id", "taken_at"):
        snapshots_by[snapshot.profile_id].append(snapshot)
    scores = _latest_quality_scores(ids)
    existing = {row.pk: row for row in ProfileInsight.objects.filter(pk__in=ids)}
    windows = paid_window_posts(ids)
    paid_by = {profile.pk: paid_of(windows[profile.pk], profile.followers_count) for profile in profiles}
    screen_posts(profile_ids=ids)
    safety_by = safety_summaries(ids)

    todo = []
    for profile in profiles:
        posts, snapshots = posts_by[profile.pk], snapshots_by[profile.pk]
        spark = [s.followers_count for s in snapshots if s.followers_count is not None][-SPARKLINE_POINTS:]
        signature = _signature(
            profile, posts, spark, scores.get(profile.pk), paid_by[profile.pk], safety_by[profile.pk]
        )
        row = existing.get(profile.pk)
        if row is not None and row.source_signature == signature and not force:
            continue
        todo.append((profile, posts, snapshots, spark, signature, row))
    if not todo:
        ProfileInsight.objects.filter(pk__in=ids).update(refreshed_at=timezone.now())
        return 0

    from ml.categories import post_vectors_per_influencer
    from ml.services import pooled_embedding

    records = [influencer_record(p, posts) for p, posts, *_ in todo]
    post_vecs = post_vectors_per_influencer(records) if embed else []
    with_posts = [k for k, record in enumerate(records) if record.posts]
    predictions: dict[int, Any] = {}
    version = ""
    if with_posts:
        results, version = classify(
            [records[k] for k in with_posts],
            embeddings=np.stack([pooled_embedding(post_vecs[k]) for k in with_posts]) if embed else None,
            words_only=not embed,
            post_vectors_each=[post_vecs[k] for k in with_posts] if embed else None,
        )
        predictions = {todo[k][0].pk: result for k, result in zip(with_posts, results, strict=True)}
    vectors = [_content_vector(r, v) for r, v in zip(records, post_vecs, strict=True)] if embed else [None] * len(todo)

    now = timezone.now()
    rows = []
    for (profile, posts, snapshots, spark, signature, old), vector in zip(todo, vectors, strict=True):
        prediction = predictions.get(profile.pk)
        corrected = old.niche_corrected if old else ""
        niche = _niche(prediction, declared_niche(p.extra for p in posts) if profile.platform == "youtube" else None)
        languages = profile_languages([profile.bio, *(post.caption for post in posts)])
        countries = profile_countries(
            locations=[_location(post) for post in posts], bio=profile.bio, extra=_profile_places(profile)
        )
        dated = [p.taken_at for p in posts if p.taken_at]
        engagement = engagement_of(posts, profile.followers_count)
        captions = " ".join(post.caption for post in posts)[:SEARCH_CAPTION_CHARS]
        rows.append(
            ProfileInsight(
                profile=profile,
                organization_id=profile.organization_id,
                platform=profile.platform,
                handle=profile.handle,
                followers_count=profile.followers_count,
                is_verified=bool(profile.is_verified),
                is_business=bool(profile.is_business),
                is_linked=profile.is_linked,
                engagement_rate=engagement.on_followers,
                engagement_rate_views=engagement.on_views,
                sponsored_posts=paid_by[profile.pk].sponsored,
                paid_window=paid_by[profile.pk].window,
                paid_ratio=paid_by[profile.pk].ratio,
                safety_grade=safety_by[profile.pk].grade,
                safety_screened_posts=safety_by[profile.pk].screened,
                safety_flagged_posts=safety_by[profile.pk].flagged,
                safety_categories=safety_by[profile.pk].categories,
                quality_score=scores.get(profile.pk),
                growth_30d=_growth(snapshots, now),
                last_post_at=max(dated) if dated else None,
                sparkline=spark,
                niche=corrected or niche["niche"],
                niche_share=1.0 if corrected else niche["share"],
                niche_shares=niche["shares"],
                niche_reasons=niche["reasons"],
                niche_predicted=prediction.category if prediction else "",
                niche_model_version=version if prediction else "",
                niche_corrected=corrected,
                niche_corrected_by_id=old.niche_corrected_by_id if old else None,
                niche_corrected_at=old.niche_corrected_at if old else None,
                content_language="" if languages.label == NO_LANGUAGE else languages.label,
                language_shares=[{"language": c, "share": s} for c, s in languages.shares[:5]],
                country=home_country(countries),
                countries=[c.to_dict() for c in countries[:5]]
                or [{"code": "", "name": UNKNOWN, "posts": 0, "bio": False}],
                embedding=vector if embed else (old.embedding if old else None),
                typical_post=old.typical_post if old else {},  # redone after this refresh when shortlisted
                search_text=" ".join([profile.handle, profile.display_name, profile.bio, captions]),
                source_signature=signature,
                error="",
                refreshed_at=now,
            )
        )
    fields = [f.name for f in ProfileInsight._meta.concrete_fields if f.name not in ("profile", "search_vector")]
    with transaction.atomic():
        ProfileInsight.objects.bulk_create(rows, update_conflicts=True, unique_fields=["profile"], update_fields=fields)
        search_vector_update(profile_ids=[row.profile_id for row in rows])
        typical_posts_enqueue(profile_ids=[row.profile_id for row in rows], shortlisted_only=True)
    return len(rows)


def typical_posts_enqueue(*, profile_ids: list[int], shortlisted_only: bool = False) -> None:
    """After the commit, queue the typical-post prediction of these profiles (of those on a shortlist, with
    shortlisted_only): compare shows stored figures and never loads the like model in a page view."""
    from config.jobs import after_commit
    from discovery.models import ShortlistEntry

    ids = sorted(set(profile_ids))
    if shortlisted_only:
        ids = sorted(set(ShortlistEntry.objects.filter(profile_id__in=ids).values_list("profile_id", flat=True)))
    if ids:
        from discovery.tasks import typical_posts_refresh

        after_commit(lambda: typical_posts_refresh.delay(ids))


def typical_posts_refresh(*, profile_ids: list[int]) -> int:
    """Predict and store each profile's typical post (discovery.selectors.typical_post_likes). Returns how many."""
    from discovery.selectors import typical_post_likes

    done = 0
    for profile in Profile.objects.filter(pk__in=profile_ids, insight__isnull=False):
        figures = typical_post_likes(profile=profile)
        ProfileInsight.objects.filter(pk=profile.pk).update(
            typical_post={**figures, "computed_at": timezone.now().isoformat()}
        )
        done += 1
    return done


def search_vector_update(*, profile_ids: list[int] | None = None) -> None:
    """PostgreSQL: (re)build the full-text vectors ('simple' configuration: handles and hashtags stay whole)."""
    if connection.vendor != "postgresql":
        return
    from django.contrib.postgres.search import SearchVector

    queryset = ProfileInsight.objects.all()
    if profile_ids is not None:
        queryset = queryset.filter(pk__in=profile_ids)
    queryset.update(
        search_vector=SearchVector("handle", weight="A", config="simple")
        + SearchVector("search_text", weight="B", config="simple")
    )


def _niche(prediction: Any, declared: Any) -> dict[str, Any]:
    """The niche a row shows: the platform's own categories where they say it (ml.engine.categories.declared,
    YouTube's per-video categories), else the model's prediction; a user's correction outranks both (the caller)."""
    if declared is not None:
        return {
            "niche": declared.niche,
            "share": declared.share,
            "shares": [{"category": c, "share": round(s, 4)} for c, s in declared.shares[:4]],
            "reasons": [{"text": declared.reason(), "declared": True}],
        }
    if prediction is None:
        return {"niche": "", "share": None, "shares": [], "reasons": []}
    return {
        "niche": prediction.category,
        "share": prediction.share,
        "shares": [{"category": c, "share": round(s, 4)} for c, s in prediction.shares[:4]],
        "reasons": prediction.reasons,
    }


def _recent_posts(ids: list[int]) -> dict[int, list[Post]]:
    """The RECENT_POSTS newest posts of each profile: what the niche, language and search text read."""
    fields = (
        "platform_id",
        "caption",
        "likes",
        "comments",
        "views",
        "shares",
        "taken_at",
        "image_description",
        "extra",
    )
    return latest_posts_per_profile(ids, limit=RECENT_POSTS, fields=fields)


def influencer_record(profile: Profile, posts: list[Post]) -> Any:
    """The ml.engine.categories InfluencerPosts record the niche model reads for a stored profile."""
    from ml.services import InfluencerPosts, PostText

    return InfluencerPosts(
        username=profile.handle,
        full_name=profile.display_name,
        bio=profile.bio,
        business_category=profile.business_category,
        posts=[
            PostText(
                caption=post.caption,
                image_description=post.image_description,
                location=_location(post),
                post_id=str(post.pk),
            )
            for post in posts
        ],
    )


def stored_post_texts() -> list[str]:
    """The texts the niche model embeds: every stored post's (ml.engine.categories.model.post_words) and every
    profile's about line (ml.engine.categories.topics.about_text: name, declared category, bio)."""
    from ml.services import InfluencerPosts, PostText, about_text, post_words

    posts = [
        post_words(PostText(caption=post.caption, location=_location(post)))
        for post in Post.objects.only("caption", "extra").iterator(chunk_size=2000)
    ]
    about = [
        about_text(InfluencerPosts(username="", full_name=name, bio=bio, business_category=category))
        for name, bio, category in Profile.objects.values_list("display_name", "bio", "business_category")
    ]
    return posts + about


def niche_correction_records() -> list[tuple[Any, str]]:
    """(record, corrected niche) for every user correction whose profile has stored posts: the labelled examples
    `train_model influencer-category` adds to the dataset. Built from the same posts the refresh classifies."""
    corrected = dict(ProfileInsight.objects.exclude(niche_corrected="").values_list("pk", "niche_corrected"))
    if not corrected:
        return []
    profiles = list(Profile.objects.filter(pk__in=list(corrected)).order_by("pk"))
    posts_by = _recent_posts([p.pk for p in profiles])
    return [(influencer_record(p, posts_by[p.pk]), corrected[p.pk]) for p in profiles if posts_by[p.pk]]


def _profile_places(profile: Profile) -> list[str]:
    """A business address or a stated location (X profiles) count as the bio does: one mention."""
    extra = profile.extra if isinstance(profile.extra, dict) else {}
    return [str(extra[key]) for key in ("business_address", "business_address_json", "location") if extra.get(key)]


def _location(post: Post) -> str:
    extra = post.extra if isinstance(post.extra, dict) else {}
    location = extra.get("location") or ""
    if isinstance(location, dict):
        location = location.get("name") or ""
    return str(location)
