"""The campaign report: per-submission and per-campaign results, money figures and the data behind the charts.

Every figure is computed here once; the page, the share link, the JSON API, the CSV and the PDF all render this
one dict. Money is Decimal until it is serialised. Reads only: a fixed number of queries whatever the row count.
"""

from __future__ import annotations

import bisect
import datetime as dt
import difflib
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.conf import settings
from django.db.models import Prefetch
from django.http import Http404
from django.utils import timezone

from accounts.models import Organization, User
from accounts.roles import Capability
from accounts.selectors import membership_get
from config.errors import PermissionDenied
from config.formatting import moment
from predictions.campaigns.brief import brief_check, caption_hashtags, caption_mentions
from predictions.campaigns.models import Campaign, Submission, SubmissionStatus, SubmissionVersion
from predictions.campaigns.selectors import campaign_get
from predictions.results.models import CreatorFee, EmvRates, PostMetric
from profiles.models import Snapshot

CENT = Decimal("0.01")
# Published within this much of the planned time counts as on time.
ON_TIME_TOLERANCE = dt.timedelta(hours=1)


def money(value: Decimal | None) -> Decimal | None:
    return None if value is None else value.quantize(CENT, rounding=ROUND_HALF_UP)


def emv_rates_for(*, organization: Organization | int) -> EmvRates:
    """The agency's rates, or unsaved defaults when it never set any."""
    organization_id = organization if isinstance(organization, int) else organization.pk
    return EmvRates.objects.filter(organization_id=organization_id).first() or EmvRates(organization_id=organization_id)


def rate_label(value: Decimal) -> str:
    """0.1000 → '0.10', 0.0250 → '0.025': at least cents, no trailing zeros beyond them."""
    value = Decimal(value)
    normal = value.normalize()
    exponent = normal.as_tuple().exponent
    return f"{value.quantize(CENT) if isinstance(exponent, int) and exponent > -2 else normal:f}"


def emv_formula(rates: EmvRates) -> str:
    """The EMV formula with the agency's rates, each at its full precision ("likes × €0.08", "views × €0.0025")."""
    from config.formatting import currency_symbol

    c = currency_symbol(rates.currency)
    return (
        f"EMV = likes × {c}{rate_label(rates.like)} + comments × {c}{rate_label(rates.comment)} "
        f"+ views × {c}{rate_label(rates.view)} + shares × {c}{rate_label(rates.share)}"
    )


def report_access_require(*, user: User, campaign: Campaign) -> None:
    """Results include the agency's fees: members who review or manage see them, and viewers; an influencer (an
    outside creator) does not."""
    membership = membership_get(user=user, organization=campaign.organization_id)
    if (
        membership.can(Capability.REVIEW_CONTENT)
        or membership.can(Capability.MANAGE_DATA)
        or not membership.can(Capability.SUBMIT_CONTENT)
    ):
        return
    raise PermissionDenied("Campaign results are for the agency's team.")


def campaign_report_for_user(*, user: User, pk: Any) -> dict[str, Any]:
    campaign = campaign_get(user=user, pk=pk)
    report_access_require(user=user, campaign=campaign)
    return campaign_report(campaign=campaign)


def _followers_at(
    snapshots: dict[int, tuple[list[dt.datetime], list[int | None]]], profile: Any, when: dt.datetime | None
) -> tuple[int | None, str]:
    """The follower count of the profile's last snapshot at or before `when`, else its current count."""
    if when is not None and profile.pk in snapshots:
        times, counts = snapshots[profile.pk]
        index = bisect.bisect_right(times, when) - 1
        if index >= 0 and counts[index] is not None:
            return counts[index], f"snapshot {times[index]:%Y-%m-%d}"
    return profile.followers_count, "current profile count"


def _follower_snapshots(profile_ids: set[int]) -> dict[int, tuple[list[dt.datetime], list[int | None]]]:
    snapshots: dict[int, tuple[list[dt.datetime], list[int | None]]] = {}
    for snap in (
        Snapshot.objects.filter(profile_id__in=profile_ids)
        .order_by("profile_id", "taken_at")
        .only("profile_id", "taken_at", "followers_count")
    ):
        times, counts = snapshots.setdefault(snap.profile_id, ([], []))
        times.append(snap.taken_at)
        counts.append(snap.followers_count)
    return snapshots


def campaign_audience(
    submissions: list[Submission], snapshots: dict[int, tuple[list[dt.datetime], list[int | None]]] | None = None
) -> tuple[int, int]:
    """(audience, accounts) by AUDIENCE_DEFINITION over the submissions (drafts left out): each creator account
    once, with its followers when it first posted in the campaign, or its latest count before it has posted."""
    accounts: dict[int, Any] = {}
    first_post: dict[int, dt.datetime] = {}
    for s in submissions:
        if s.status == SubmissionStatus.DRAFT:
            continue
        accounts[s.profile_id] = s.profile
        taken = s.published_post.taken_at if s.published_post_id and s.published_post else None
        if taken is not None and (s.profile_id not in first_post or taken < first_post[s.profile_id]):
            first_post[s.profile_id] = taken
    if snapshots is None:
        snapshots = _follower_snapshots(set(accounts))
    total = sum(_followers_at(snapshots, profile, first_post.get(pk))[0] or 0 for pk, profile in accounts.items())
    return total, len(accounts)


def _timing(planned: dt.datetime | None, published: dt.datetime | None) -> tuple[str, float | None]:
    if planned is None or published is None:
        return "", None
    delta = published - planned
    hours = round(delta.total_seconds() / 3600, 1)
    if delta > ON_TIME_TOLERANCE:
        return "late", hours
    if delta < -ON_TIME_TOLERANCE:
        return "early", hours
    return "on time", hours


def caption_difference(*, approved: str, published: str) -> dict[str, Any]:
    """How the published caption differs from the approved draft: similarity, words and tags added or removed."""
    a_words, p_words = approved.split(), published.split()
    same = " ".join(a_words) == " ".join(p_words)
    similarity = round(difflib.SequenceMatcher(None, " ".join(a_words), " ".join(p_words)).ratio(), 3)
    removed, added = [], []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a_words, p_words).get_opcodes():
        if tag in ("replace", "delete"):
            removed.extend(a_words[i1:i2])
        if tag in ("replace", "insert"):
            added.extend(p_words[j1:j2])
    a_tags = set(caption_hashtags(approved)) | {f"@{m}" for m in caption_mentions(approved)}
    p_tags = set(caption_hashtags(published)) | {f"@{m}" for m in caption_mentions(published)}
    return {
        "differs": not same,
        "similarity": similarity,
        "similarity_percent": round(similarity * 100),
        "words_removed": removed[:40],
        "words_added": added[:40],
        "tags_removed": sorted(a_tags - p_tags),
        "tags_added": sorted(p_tags - a_tags),
    }


def _reach(views: int | None, followers: int | None, extra: dict[str, Any]) -> tuple[int | None, bool]:
    """(reach, is_estimate). The platform's own reach when an import carried it; otherwise an estimate."""
    reported = extra.get("reach")
    if isinstance(reported, int | float) and reported >= 0:
        return int(reported), False
    if followers is None and views is None:
        return None, True
    estimate = max(views or 0, round((followers or 0) * settings.RESULTS_REACH_RATE))
    return int(estimate), True


# One definition of the audience everywhere it shows (campaign page, report, PDF, CSV, JSON, share page).
AUDIENCE_DEFINITION = (
    "Audience = the followers of each creator account in the campaign, counted once: at its first post in the "
    "campaign once it has posted, its latest follower count before that."
)


def reach_formula() -> str:
    return (
        f"Reach estimate = the larger of the post's views and {settings.RESULTS_REACH_RATE:.0%} of the followers "
        "at posting (a typical organic feed reach); the platforms do not give reach for other people's posts. "
        "The campaign's reach adds up its posts, so someone reached by two posts counts twice."
    )


def _approved_version(versions: list[SubmissionVersion]) -> SubmissionVersion | None:
    return versions[0] if versions else None


def campaign_report(*, campaign: Campaign, now: dt.datetime | None = None) -> dict[str, Any]:
    """The whole report of one campaign (no access check: callers check the user or the share link)."""
    now = now or timezone.now()
    rates = emv_rates_for(organization=campaign.organization_id)
    submissions = list(
        Submission.objects.filter(campaign=campaign)
        .exclude(status=SubmissionStatus.DRAFT)
        .select_related("influencer", "profile", "published_post")
        .prefetch_related(
            Prefetch("versions", queryset=SubmissionVersion.objects.select_related("score").order_by("-number"))
        )
        .order_by("pk")
    )
    snapshots = _follower_snapshots({s.profile_id for s in submissions})
    post_ids = [s.published_post_id for s in submissions if s.published_post_id]
    history: dict[int, list[PostMetric]] = defaultdict(list)
    for metric in PostMetric.objects.filter(post_id__in=post_ids).order_by("recorded_at"):
        history[metric.post_id].append(metric)
    fees = {fee.influencer_id: fee.amount for fee in CreatorFee.objects.filter(campaign=campaign)}
    published_per_creator: dict[int, int] = defaultdict(int)
    for s in submissions:
        if s.published_post_id or s.actual_likes is not None:
            published_per_creator[s.influencer_id] += 1

    rows = []
    for s in submissions:
        rows.append(
            _submission_row(
                s,
                rates=rates,
                snapshots=snapshots,
                history=history.get(s.published_post_id or 0, []),
                fees=fees,
                published_per_creator=published_per_creator,
                campaign=campaign,
            )
        )
    return {
        "campaign": {
            "id": campaign.pk,
            "name": campaign.name,
            "brand": campaign.brand,
            "agency": campaign.organization.name,
            "status": campaign.status,
            "starts_on": campaign.starts_on.isoformat(),
            "ends_on": campaign.ends_on.isoformat(),
            "required_hashtags": campaign.required_hashtags,
            "required_mentions": campaign.required_mentions,
        },
        "generated_at": now.isoformat(timespec="seconds"),
        "currency": rates.currency,
        "rates": {"like": rates.like, "comment": rates.comment, "view": rates.view, "share": rates.share},
        **_totals(rows, fees=fees, creators={s.influencer_id: s.influencer for s in submissions}),
        **dict(zip(("audience", "accounts"), campaign_audience(submissions, snapshots), strict=True)),
        "formulas": {
            "emv": emv_formula(rates),
            "engagement_rate": "Engagement rate = (likes + comments) ÷ followers at posting time; for the campaign, "
            "all posts' likes and comments ÷ the sum of each post's followers at posting.",
            "audience": AUDIENCE_DEFINITION,
            "cost_per_engagement": "Cost per engagement = spend ÷ (likes + comments + shares).",
            "cost_per_1000_reached": "Cost per 1,000 reached = spend ÷ reach × 1,000 (reach is an estimate "
            "where the platform gives none).",
            "engagement_rate_views": "Engagement rate on views = (likes + comments + shares) ÷ views, per post with "
            "views (the video platforms' usual measure, as on the profile pages); the campaign's is their mean.",
            "cost_per_1000_views": "Cost per 1,000 views = spend ÷ the views of the published posts × 1,000 "
            "(posts whose platform gives no views add none).",
            "reach": reach_formula(),
            "interval": "Hit = actual likes inside the predicted 80% interval (p10–p90) of the approved version.",
            "timing": f"On time = published within {ON_TIME_TOLERANCE.total_seconds() / 3600:.0f} h of the "
            "planned time.",
        },
        "rows": rows,
    }


def _submission_row(
    s: Submission,
    *,
    rates: EmvRates,
    snapshots: dict[int, Any],
    history: list[PostMetric],
    fees: dict[int, Decimal],
    published_per_creator: dict[int, int],
    campaign: Campaign,
) -> dict[str, Any]:
    versions = list(s.versions.all())
    version = _approved_version(versions)
    score = getattr(version, "score", None) if version else None
    post = s.published_post
    published = post is not None or s.actual_likes is not None
    likes = post.likes if post is not None and post.likes is not None else s.actual_likes
    comments = post.comments if post is not None else None
    views = post.views if post is not None else None
    extra = (post.extra or {}) if post is not None else {}
    shares = post.shares if post is not None and post.shares is not None else None
    if shares is None and isinstance(extra.get("shares"), int):
        shares = extra["shares"]
    published_at = post.taken_at if post is not None else None
    followers, followers_source = _followers_at(snapshots, s.profile, published_at)
    engagements = (likes or 0) + (comments or 0) + (shares or 0) if published else None
    er = ((likes or 0) + (comments or 0)) / followers if published and followers else None
    # On views, as on the profile pages (profiles.selectors.engagement_of): (likes + comments + shares) ÷ views.
    er_views = ((likes or 0) + (comments or 0) + (shares or 0)) / views if published and views else None
    reach, reach_is_estimate = _reach(views, followers, extra) if published else (None, True)
    p50 = p10 = p90 = None
    if score is not None and score.status == "done" and score.predicted_likes is not None:
        p50, p10, p90 = score.predicted_likes, score.predicted_likes_low, score.predicted_likes_high
    interval_hit = None
    if likes is not None and p10 is not None and p90 is not None:
        interval_hit = p10 <= likes <= p90
    timing, delta_hours = _timing(version.planned_at if version else None, published_at)
    fee_total = fees.get(s.influencer_id)
    share_count = published_per_creator.get(s.influencer_id, 0)
    cost = money(fee_total / share_count) if fee_total is not None and published and share_count else None
    emv = (
        money(
            Decimal(likes or 0) * rates.like
            + Decimal(comments or 0) * rates.comment
            + Decimal(views or 0) * rates.view
            + Decimal(shares or 0) * rates.share
        )
        if published
        else None
    )
    compliance = difference = None
    if post is not None:
        compliance = brief_check(
            caption=post.caption,
            required_hashtags=campaign.required_hashtags,
            required_mentions=campaign.required_mentions,
            paid_partnership=bool(post.is_sponsored),
            platform=s.profile.platform,
            jurisdiction=campaign.jurisdiction,
        )
        difference = caption_difference(approved=version.caption if version else "", published=post.caption)
    start = published_at or (history[0].recorded_at if history else None)
    return {
        "id": s.pk,
        "influencer": s.influencer.display_name if hasattr(s.influencer, "display_name") else str(s.influencer),
        "influencer_id": s.influencer_id,
        "profile": s.profile.handle,
        "profile_shown": s.profile.shown_handle,  # "@name", or a YouTube channel id as it is
        "platform": s.profile.platform,
        "status": s.status,
        "status_label": s.get_status_display(),
        "version": version.number if version else None,
        "published": published,
        "post_url": post.url if post is not None else "",
        "planned_at": version.planned_at.isoformat() if version else None,
        "published_at": published_at.isoformat() if published_at else None,
        # as every date of the app reads ("3 Dec 2026, 13:48"), in the reader's agency time zone, named
        "published_at_label": f"{moment(published_at)} {timezone.get_current_timezone_name()}" if published_at else "",
        "timing": timing,
        "timing_delta_hours": delta_hours,
        "likes": likes,
        "comments": comments,
        "views": views,
        "shares": shares,
        "engagements": engagements,
        "followers_at_posting": followers,
        "followers_source": followers_source,
        "engagement_rate": round(er, 5) if er is not None else None,
        "engagement_rate_percent": round(er * 100, 2) if er is not None else None,
        "engagement_rate_views": round(er_views, 5) if er_views is not None else None,
        "engagement_rate_views_percent": round(er_views * 100, 2) if er_views is not None else None,
        "predicted_views": round(score.predicted_views)
        if score is not None and score.status == "done" and score.predicted_views is not None
        else None,
        "predicted_likes": round(p50) if p50 is not None else None,
        "predicted_likes_low": round(p10) if p10 is not None else None,
        "predicted_likes_high": round(p90) if p90 is not None else None,
        "interval_hit": interval_hit,
        "reach": reach,
        "reach_is_estimate": reach_is_estimate,
        "cost": cost,
        "emv": emv,
        "compliance": compliance,
        "caption_difference": difference,
        "approved_caption": version.caption if version else "",
        "published_caption": post.caption if post is not None else "",
        "history": [
            {
                "days": round((m.recorded_at - start).total_seconds() / 86400, 2) if start else 0,
                "recorded_at": m.recorded_at.isoformat(timespec="minutes"),
                "likes": m.likes,
                "comments": m.comments,
                "views": m.views,
                "engagements": (m.likes or 0) + (m.comments or 0) + (m.shares or 0),
            }
            for m in history
        ],
    }


def _totals(rows: list[dict[str, Any]], *, fees: dict[int, Decimal], creators: dict[int, Any]) -> dict[str, Any]:
    published = [r for r in rows if r["published"]]
    compared = [r for r in published if r["predicted_likes"] is not None and r["likes"] is not None]
    spend = money(sum(fees.values(), Decimal("0"))) or Decimal("0.00")
    emv = money(sum((r["emv"] for r in published if r["emv"] is not None), Decimal("0")))
    engagements = sum(r["engagements"] or 0 for r in published)
    followers = sum(r["followers_at_posting"] or 0 for r in published)  # per post: the engagement rate's base
    likes_comments = sum((r["likes"] or 0) + (r["comments"] or 0) for r in published)
    reach = sum(r["reach"] or 0 for r in published)
    viewed = [r for r in published if r["views"]]
    views = sum(r["views"] for r in viewed)
    views_rates = [r["engagement_rate_views"] for r in viewed if r["engagement_rate_views"] is not None]
    views_compared = [r for r in viewed if r["predicted_views"] is not None]
    hits = [r["interval_hit"] for r in compared if r["interval_hit"] is not None]
    spend_by_creator = []
    for influencer_id, creator in creators.items():
        creator_rows = [r for r in published if r["influencer_id"] == influencer_id]
        spend_by_creator.append(
            {
                "influencer": creator.display_name if hasattr(creator, "display_name") else str(creator),
                "fee": money(fees.get(influencer_id)) if influencer_id in fees else None,
                "emv": money(sum((r["emv"] or Decimal("0") for r in creator_rows), Decimal("0"))),
            }
        )
    return {
        "submissions": len(rows),
        "published": len(published),
        "approved": sum(1 for r in rows if r["status"] == SubmissionStatus.APPROVED),
        "late": sum(1 for r in published if r["timing"] == "late"),
        "early": sum(1 for r in published if r["timing"] == "early"),
        "on_time": sum(1 for r in published if r["timing"] == "on time"),
        "predicted_likes": sum(r["predicted_likes"] for r in compared),
        "actual_likes": sum(r["likes"] for r in compared) if compared else sum(r["likes"] or 0 for r in published),
        "all_actual_likes": sum(r["likes"] or 0 for r in published),
        "comments": sum(r["comments"] or 0 for r in published),
        "views": views,
        "views_posts": len(viewed),
        "engagement_rate_views_percent": round(sum(views_rates) / len(views_rates) * 100, 2) if views_rates else None,
        "cost_per_1000_views": money(spend / views * 1000) if views and spend else None,
        "predicted_views": sum(r["predicted_views"] for r in views_compared),
        "actual_views_compared": sum(r["views"] for r in views_compared),
        "views_compared": len(views_compared),
        "engagements": engagements,
        "interval_hits": sum(1 for h in hits if h),
        "interval_compared": len(hits),
        "engagement_rate": round(likes_comments / followers, 5) if followers else None,
        "engagement_rate_percent": round(likes_comments / followers * 100, 2) if followers else None,
        "followers_at_posting": followers,
        "reach": reach,
        "reach_is_estimate": any(r["reach_is_estimate"] for r in published) if published else True,
        "emv": emv,
        "spend": spend,
        "fees_missing": [c["influencer"] for c in spend_by_creator if c["fee"] is None],
        "cost_per_engagement": money(spend / engagements) if engagements and spend else None,
        "cost_per_1000_reached": money(spend / reach * 1000) if reach and spend else None,
        "emv_to_spend": round(float(emv / spend), 2) if spend and emv is not None else None,
        "spend_by_creator": spend_by_creator,
    }


def report_campaign_get_for_share(*, campaign_id: int) -> Campaign:
    try:
        return Campaign.objects.select_related("organization").get(pk=campaign_id)
    except Campaign.DoesNotExist as exc:
        raise Http404("No such campaign.") from exc
