"""Scoring one planned post: predicted likes with an 80% interval, virality, reasons and the best times to post.

All rows (the planned post, one occlusion per reason group, one per candidate slot) go through the model in one
NumPy forward pass.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import numpy as np

from .. import wording
from ..wording import about, count_noun
from .features import (
    BACKTEST_POSTS,
    EMBEDDING_COMPONENTS,
    INDEX,
    TIMING_INDEX,
    AccountContext,
    ImageInputs,
    feature_row,
    history_rows,
    timing_values,
    typical_row,
)
from .image import ImageFeatures
from .model import AccountRange, LikeModel, account_range, likes_from_log, with_range
from .records import PostRecord
from .text import caption_stats, embed_captions, embed_stored_captions
from .timing import DAYS, MIN_CELL_POSTS, TimingMap, block_label

BEST_TIME_DAYS = 7
BEST_TIME_COUNT = 3
BEST_TIME_MIN_GAP_HOURS = 3
MAX_REASONS = 6
MIN_REASON_EFFECT = 0.01  # in log-likes: ±1%
SHORT_HISTORY_POSTS = 3  # fewer earlier posts with likes than this: cold start, said on the score card

# Reason groups: the features replaced by the account's typical values to measure one driver's effect.
REASON_GROUPS: dict[str, list[str]] = {
    "people": ["img_known", "img_people", "img_people_vs_account"],
    "smiling": ["img_smiling"],
    "closeup": ["img_closeup"],
    "caption_content": [f"emb_{i}" for i in range(16)] + ["cap_question", "cap_empty"],
    "caption_length": ["cap_chars", "cap_words", "cap_chars_vs_account"],
    "hashtags": ["cap_hashtags", "cap_hashtags_vs_account"],
    "mentions": ["cap_mentions"],
    "emoji": ["cap_emoji"],
    "media_type": ["type_image", "type_video", "type_carousel", "acc_type_minus_base", "acc_type_seen"],
    "aspect_ratio": ["img_aspect", "img_aspect_missing"],
    "hour": ["t_hour_sin", "t_hour_cos", "t_hour_vs_habit"],
    "weekday": ["t_dow_sin", "t_dow_cos", "t_weekend"],
    "posting_gap": ["t_gap_days", "t_gap_vs_mean"],
}


@contextmanager
def single_threaded() -> Iterator[None]:
    """Run one scoring call on one thread per library (OpenBLAS/OpenMP via threadpoolctl, OpenCV).

    The work per submission is small (one caption, a 400-px image, a 182-row forward pass); on cores shared with
    other workers, idle-spinning BLAS/OpenMP threads made it 2–3x slower (bench/bench_scoring.py)."""
    import cv2
    from threadpoolctl import threadpool_limits

    previous = cv2.getNumThreads()
    cv2.setNumThreads(1)
    try:
        with threadpool_limits(limits=1):
            yield
    finally:
        cv2.setNumThreads(previous)


@dataclass
class ScoreResult:
    predicted_likes: int
    predicted_likes_low: int
    predicted_likes_high: int
    ratio_to_mean: float
    virality_score: float
    reasons: list[dict[str, Any]]
    best_times: list[dict[str, Any]]
    baseline_likes: int
    account_mean_likes: float
    account_median_likes: float
    # Where the best times come from: "history" (the account's own posts, timing.TimingMap) or "model".
    best_times_basis: str = "model"


def _describe(
    group: str,
    row: np.ndarray,
    typical: np.ndarray,
    context: AccountContext,
    *,
    caption: str,
    media_type: str,
    planned_local: datetime,
) -> str:
    stats = caption_stats(caption)
    usual_people = math.expm1(typical[INDEX["img_people"]])
    picture = "poster frame" if media_type == "video" else "image"  # a video draft is seen through its poster
    if group == "people":
        people = round(math.expm1(row[INDEX["img_people"]]))
        fact = f"{count_noun(people, 'face')} in the {picture}" if people else f"No faces in the {picture}"
        return f"{fact} (this account's posts usually show {about(usual_people, 'person', zero='nobody')})"
    if group == "smiling":
        return f"A smile in the {picture}" if row[INDEX["img_smiling"]] else f"No smile detected in the {picture}"
    if group == "closeup":
        return "A close-up face" if row[INDEX["img_closeup"]] else "No close-up face"
    if group == "caption_content":
        return "What the caption talks about (its meaning, compared with an average caption)"
    if group == "caption_length":
        usual = math.expm1(context.mean_caption_chars)
        return f"A caption of {count_noun(stats['chars'], 'character')} (usually {about(usual, 'character')})"
    if group == "hashtags":
        usual = math.expm1(context.mean_caption_hashtags)
        return (
            f"{count_noun(stats['hashtags'], 'hashtag', zero='No hashtags')} "
            f"(usually {about(usual, 'hashtag', zero='none')})"
        )
    if group == "mentions":
        return count_noun(stats["mentions"], "mention", zero="No mentions")
    if group == "emoji":
        return count_noun(stats["emoji"], "emoji", "emoji", zero="No emoji")
    if group == "media_type":
        return f"Posting a {media_type}"
    if group == "aspect_ratio":
        if row[INDEX["img_aspect_missing"]]:
            return f"Unknown {picture} shape"
        ratio = math.exp(row[INDEX["img_aspect"]])
        shape = "portrait" if ratio > 1.05 else "landscape" if ratio < 0.95 else "square"
        return f"A {shape} {picture} (height/width {ratio:.2f})"
    if group == "hour":
        return f"Posting at {planned_local:%H:%M} ({planned_local.tzname()})"
    if group == "weekday":
        return f"Posting on a {planned_local:%A}"
    if group == "posting_gap":
        days = math.expm1(row[INDEX["t_gap_days"]])
        usual = context.mean_gap_days
        return f"{wording.days(days).capitalize()} after the previous post (usually {wording.days(usual)})"
    return group


def fit_account_range(
    model: LikeModel, posts: list[PostRecord], followers: int | None, niche: str = ""
) -> AccountRange | None:
    """The interval fitted to this account (`model.account_range`): its last BACKTEST_POSTS posts (dated, oldest
    first, with likes), each predicted from the posts before it, as the evaluation protocol does."""
    start = max(len(posts) - BACKTEST_POSTS, 0)
    vectors = np.zeros((len(posts), EMBEDDING_COMPONENTS))
    if len(posts) > start:
        vectors[start:] = model.project_embeddings(embed_stored_captions([p.caption for p in posts[start:]]))
    kept, rows, baselines = history_rows(posts, followers, niche, vectors, start)
    if not kept:
        return None
    relative = np.array([posts[i].log_likes for i in kept]) - baselines
    return account_range(model.forward(rows), relative, model.residual_prior_posts)


def _range_note(fitted: AccountRange) -> dict[str, Any]:
    change = fitted.scale - 1
    how = (
        f"{abs(change):.0%} {'narrower' if change < 0 else 'wider'} than the model's general range"
        if abs(change) >= 0.05
        else "about the model's general range"
    )
    return {
        "feature": "account_range",
        "direction": "none",
        "contribution": 0.0,
        "text": f"Range fitted to this account: on its last {fitted.posts} posts, each predicted from the posts "
        f"before it, {fitted.inside} of {fitted.posts} landed inside the model's range, so this one is {how}.",
    }


def _record_note(fitted: AccountRange) -> dict[str, Any]:
    beat = "beat" if fitted.mean_residual > 0 else "fell short of"
    verb = "raises" if fitted.shift > 0 else "lowers"
    return {
        "feature": "account_record",
        "direction": "up" if fitted.shift > 0 else "down",
        "contribution": round(fitted.shift, 4),
        "text": f"This account's last {fitted.posts} posts {beat} the model's predictions by about "
        f"{math.expm1(abs(fitted.mean_residual)) * 100:.0f}% on average, which {verb} this prediction by about "
        f"{math.expm1(abs(fitted.shift)) * 100:.0f}%.",
    }


def caveats(
    model: LikeModel, context: AccountContext, row: np.ndarray, fitted: AccountRange | None = None
) -> list[dict[str, Any]]:
    """What the score card must say before any driver: a short history (cold start), an account unlike the
    ones the model learned from (its prediction is shrunk toward the account's own baseline, the range widened)
    and a range fitted to the account's own record."""
    from .model import FAMILIARITY_DESCRIPTIONS, FAMILIARITY_FEATURES

    notes: list[dict[str, Any]] = []
    if context.n_posts < SHORT_HISTORY_POSTS:
        known = (
            f"only {context.n_posts} earlier post{'s' if context.n_posts != 1 else ''} with likes"
            if context.n_posts
            else "no earlier posts with likes"
        )
        notes.append(
            {
                "feature": "short_history",
                "direction": "none",
                "contribution": 0.0,
                "text": f"Short history ({known}): the prediction rests on the follower count, caption and "
                "image, so the range is wide.",
            }
        )
    if model.familiarity is not None:
        u, which = model.familiarity.unfamiliarity(row[None, :])
        if u[0] > 0:
            shrink = model.familiarity.shrink[int(model.familiarity.bin_of(u)[0])]
            what = FAMILIARITY_DESCRIPTIONS[FAMILIARITY_FEATURES[int(which[0])]]
            notes.append(
                {
                    "feature": "unfamiliar_account",
                    "direction": "none",
                    "contribution": 0.0,
                    "text": f"This account's {what} is outside the range of the accounts the model learned "
                    f"from: the prediction keeps {shrink:.0%} of the model's adjustment to the "
                    "account's own average, and the range is wider.",
                }
            )
    if fitted is not None:
        notes.append(_range_note(fitted))
        if abs(fitted.shift) >= MIN_REASON_EFFECT:
            notes.append(_record_note(fitted))
    return notes


NIGHT_HOURS = range(0, 6)  # 00:00-05:59 local: a slot people would question, so it comes with its reason


def _candidate_slots(now: datetime, zone: ZoneInfo, window: tuple[date, date] | None = None) -> list[datetime]:
    """Whole hours after now, in the influencer's zone, over the next week, or the campaign's dates when a window
    is given (its days read in that zone)."""
    start = now.astimezone(zone).replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
    slots = [(start + timedelta(hours=h)).astimezone(zone) for h in range(BEST_TIME_DAYS * 24)]
    if window is not None:
        first, last = window
        slots = [slot for slot in slots if first <= slot.date() <= last]
        if not slots and start.date() <= last:
            # The window starts more than a week ahead: its own first week.
            begin = max(start, datetime.combine(first, datetime.min.time(), tzinfo=zone))
            slots = [
                slot
                for h in range(BEST_TIME_DAYS * 24)
                if (slot := (begin + timedelta(hours=h)).astimezone(zone)).date() <= last
            ]
    return slots


def _night_note(slot: datetime, context: AccountContext) -> str:
    return (
        f"{slot:%H:%M} is night-time in {slot.tzname()}: it wins because this account's past posts near that "
        f"hour did better than its average; its audience may be in other time zones. Check before posting."
    )


def score_post(
    model: LikeModel,
    context: AccountContext,
    *,
    caption: str,
    media_type: str,
    planned_at: datetime,
    images: list[ImageFeatures],
    image_description: str = "",
    zone: ZoneInfo | None = None,
    now: datetime | None = None,
    caption_embedding: np.ndarray | None = None,
    window: tuple[date, date] | None = None,
    fitted_range: AccountRange | None = None,
    timing: TimingMap | None = None,
) -> ScoreResult:
    """Score a planned post for an account; `images` come from `image.analyze_image` (OpenCV), or, when there
    are none, `image_description` is parsed as in training. `fitted_range` (`fit_account_range`) scales the
    interval to the account's own record. `timing` (timing.timing_map of the account's posts): when it has
    enough history, the best times are the coming hours whose weekday × 3-hour cell did best for this account,
    each with the model's prediction at that hour; otherwise the model's best hours."""
    zone = zone or ZoneInfo("UTC")
    now = now or datetime.now(UTC)
    if planned_at.tzinfo is None:
        raise ValueError("planned_at must be timezone-aware")
    if images:
        image = ImageInputs.from_analysis(images)
    else:
        image = ImageInputs.from_description(image_description)
    if caption_embedding is None:
        caption_embedding = embed_captions([caption])[0]
    projected = model.project_embeddings(caption_embedding)[0]
    row = feature_row(
        context, caption=caption, media_type=media_type, planned_at=planned_at, image=image, caption_embedding=projected
    )

    typical = typical_row(context)
    occluded = []
    for names in REASON_GROUPS.values():
        copy = row.copy()
        for name in names:
            copy[INDEX[name]] = typical[INDEX[name]]
        occluded.append(copy)
    slots = _candidate_slots(now, zone, window)
    slot_rows = np.repeat(row[None, :], len(slots), axis=0)
    for i, slot in enumerate(slots):
        slot_rows[i, TIMING_INDEX] = timing_values(context, slot)

    output = model.forward(np.vstack([row[None, :], np.array(occluded), slot_rows]))
    if fitted_range is not None:
        output = with_range(output, fitted_range.scale, fitted_range.shift)
    planned, occlusion_out, slot_out = output[0], output[1 : 1 + len(occluded)], output[1 + len(occluded) :]

    baseline = context.baseline
    centre, low, high = (baseline + planned[i] for i in range(3))
    threshold = math.log1p(2 * context.likes_median) - baseline
    virality = float(LikeModel.exceedance(planned[None, :], threshold)[0])
    predicted = likes_from_log(centre)

    planned_local = planned_at.astimezone(zone)
    reasons: list[dict[str, Any]] = []
    for (group, _), out in zip(REASON_GROUPS.items(), occlusion_out, strict=True):
        effect = float(planned[0] - out[0])
        if abs(effect) < MIN_REASON_EFFECT:
            continue
        percent = math.expm1(abs(effect)) * 100
        fact = _describe(
            group, row, typical, context, caption=caption, media_type=media_type, planned_local=planned_local
        )
        verb = "raises" if effect > 0 else "lowers"
        reasons.append(
            {
                "feature": group,
                "direction": "up" if effect > 0 else "down",
                "text": f"{fact} {verb} the prediction by about {percent:.0f}%.",
                "contribution": round(effect, 4),
            }
        )
    reasons.sort(key=lambda reason: -abs(reason["contribution"]))
    reasons = caveats(model, context, row, fitted_range) + reasons[:MAX_REASONS]

    basis = "history" if timing is not None and timing.enough else "model"
    if basis == "history" and timing is not None:
        cells = [timing.effect_at(slot) for slot in slots]
        eligible = [i for i, (effect, n) in enumerate(cells) if n >= MIN_CELL_POSTS and effect > 0]
        order = sorted(eligible, key=lambda i: (-cells[i][0], -slot_out[i, 0], i))
        if not order:
            basis = "model"  # no hour of the coming days did better than usual on its own posts
    if basis == "model":
        order = [int(i) for i in np.argsort(-slot_out[:, 0], kind="stable")]
    best_times: list[dict[str, Any]] = []
    for index in order:
        slot = slots[int(index)]
        if any(abs((slot - chosen["slot"]).total_seconds()) < BEST_TIME_MIN_GAP_HOURS * 3600 for chosen in best_times):
            continue
        slot_likes = likes_from_log(baseline + slot_out[index, 0])
        entry: dict[str, Any] = {
            "slot": slot,
            "predicted_likes": slot_likes,
            "lift": round(math.expm1(slot_out[index, 0] - planned[0]), 4),
        }
        if basis == "history" and timing is not None:
            effect, posts = timing.effect_at(slot)
            day, block = timing.cell(slot)
            entry["history"] = {"percent": round(math.expm1(effect) * 100), "posts": posts}
            entry["note"] = (
                f"Its {posts} posts on {DAYS[day]} {block_label(block)} did {math.expm1(effect) * 100:+.0f}% "
                "against its usual."
            )
        elif slot.hour in NIGHT_HOURS:
            entry["note"] = _night_note(slot, context)
        best_times.append(entry)
        if len(best_times) == BEST_TIME_COUNT:
            break

    return ScoreResult(
        predicted_likes=predicted,
        predicted_likes_low=min(likes_from_log(low), predicted),
        predicted_likes_high=max(likes_from_log(high), predicted),
        ratio_to_mean=round(predicted / context.likes_mean, 4) if context.likes_mean else 0.0,
        virality_score=round(min(max(virality, 0.0), 1.0), 4),
        reasons=reasons,
        best_times=best_times,
        baseline_likes=likes_from_log(baseline),
        account_mean_likes=context.likes_mean,
        account_median_likes=context.likes_median,
        best_times_basis=basis,
    )
