"""The like interval is fitted to the account's own record: its latest posts, each predicted from the posts before
it, say how far this account's outcomes fall from the model's centre, in units of the model's interval."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import pytest
from django.conf import settings

from ml.engine.likes.features import BACKTEST_POSTS
from ml.engine.likes.model import ACCOUNT_RANGE_MIN_POSTS, account_range, with_range
from ml.engine.likes.records import AccountRecord, PostRecord

NOW = datetime(2026, 10, 1, 9, 30, tzinfo=UTC)


def _outputs(n: int) -> np.ndarray:
    # centre 0, interval -1 .. +2 (asymmetric, so each side is measured in its own width)
    return np.tile([0.0, -1.0, 2.0], (n, 1))


def test_outcomes_close_to_the_centre_narrow_the_range_and_far_ones_widen_it():
    steady = account_range(_outputs(8), np.array([0.1, -0.1, 0.2, -0.05, 0.0, 0.1, -0.1, 0.2]))
    volatile = account_range(_outputs(8), np.array([3.0, -2.0, 4.0, -1.5, 2.5, -3.0, 5.0, -2.0]))
    assert steady is not None and volatile is not None
    assert steady.scale < 0.3 and steady.inside == 8
    assert volatile.scale > 1.5 and volatile.inside == 0
    # An outcome above the centre is measured against the upper side (2), below against the lower side (1).
    upper_only = account_range(_outputs(8), np.full(8, 1.0))
    lower_only = account_range(_outputs(8), np.full(8, -1.0))
    assert upper_only is not None and lower_only is not None
    assert upper_only.scale == pytest.approx(0.5) and lower_only.scale == pytest.approx(1.0)


def test_too_short_a_record_leaves_the_interval_as_calibrated():
    assert account_range(_outputs(ACCOUNT_RANGE_MIN_POSTS - 1), np.zeros(ACCOUNT_RANGE_MIN_POSTS - 1)) is None
    fitted = account_range(_outputs(ACCOUNT_RANGE_MIN_POSTS), np.zeros(ACCOUNT_RANGE_MIN_POSTS))
    assert fitted is not None and fitted.scale == 0.2  # identical outcomes: the floor, never a zero-width range


def test_the_range_scales_both_sides_and_keeps_the_centre():
    scaled = with_range(np.array([[0.5, 0.0, 2.0], [1.0, 0.5, 1.5]]), np.array([2.0, 0.5]))
    np.testing.assert_allclose(scaled, [[0.5, -0.5, 3.5], [1.0, 0.75, 1.25]])
    moved = with_range(np.array([[0.5, 0.0, 2.0]]), 2.0, 0.25)
    np.testing.assert_allclose(moved, [[0.75, -0.25, 3.75]])


def test_an_account_that_keeps_beating_its_predictions_is_shifted_up_by_the_shrunk_mean():
    beating = np.full(8, 0.3)
    assert account_range(_outputs(8), beating).shift == 0.0  # no prior fitted: no shift
    fitted = account_range(_outputs(8), beating, residual_prior_posts=16)
    assert fitted is not None
    assert fitted.shift == pytest.approx(8 * 0.3 / (8 + 16)) and fitted.mean_residual == pytest.approx(0.3)
    short_of = account_range(_outputs(8), np.full(8, -0.2), residual_prior_posts=8)
    assert short_of is not None and short_of.shift == pytest.approx(-0.1)


def test_the_residual_prior_is_the_one_that_predicts_validation_accounts_best():
    from ml.engine.likes.training import fit_residual_prior

    rng = np.random.default_rng(4)
    groups = np.repeat(np.arange(300), 12)
    # Persistent per-account offsets the network missed, plus noise: a finite prior must win.
    offsets = np.repeat(rng.normal(0, 0.3, 300), 12)
    y = offsets + rng.normal(0, 0.3, len(groups))
    outputs = np.zeros((len(y), 3))
    prior, errors = fit_residual_prior(outputs, y, groups, np.ones(len(y), bool))
    assert prior is not None and errors[str(int(prior))] < errors["none"]
    # Residuals that are pure noise: no prior beats leaving the prediction alone.
    prior, errors = fit_residual_prior(outputs, rng.normal(0, 0.3, len(groups)), groups, np.ones(len(y), bool))
    assert prior is None or errors[str(int(prior))] >= errors["none"] - 1e-4


def _account(likes: list[int]) -> AccountRecord:
    posts = [
        PostRecord(
            taken_at=NOW - timedelta(days=2 * (len(likes) - i)),
            caption=f"Day {i} at the bakery #bread",
            likes=value,
            comments=5,
            image_description="Image may contain: food",
        )
        for i, value in enumerate(likes)
    ]
    return AccountRecord(handle="baker", followers=2_000, posts=posts, dataset="test")


@pytest.mark.slow
def test_the_evaluation_fits_each_target_to_the_posts_before_it():
    """On the shipped model: a steady account's targets get a narrower interval than a volatile one's, and a
    target's factor rests only on posts before it (changing the last post's likes leaves the first target's)."""
    from ml.engine.likes.model import LikeModel
    from ml.engine.likes.training import CaptionEmbedder, protocol_rows

    minilm = CaptionEmbedder()
    model = LikeModel.load(sorted(Path(settings.ML_ARTIFACTS_DIR).glob("like-prediction-*/meta.json"))[-1].parent)
    rng = np.random.default_rng(5)
    steady = _account([int(v) for v in 200 + rng.integers(-3, 4, 14)])
    volatile = _account([int(v) for v in np.exp(rng.normal(5.3, 1.2, 14))])
    *_, steady_fit = protocol_rows([steady], model, minilm)
    *_, volatile_fit = protocol_rows([volatile], model, minilm)
    assert steady_fit.shape == volatile_fit.shape == (3, 2)  # (interval factor, shift) per target
    assert np.all(steady_fit[:, 0] < 0.8) and np.all(volatile_fit[:, 0] > 1.2)
    changed = _account([p.likes or 0 for p in steady.posts[:-1]] + [5_000])
    *_, changed_fit = protocol_rows([changed], model, minilm)
    np.testing.assert_array_equal(changed_fit[:2], steady_fit[:2])
    short = _account([200, 210, 190, 205])  # 3 targets with at most 2 earlier posts each: no fitted range
    *_, short_fit = protocol_rows([short], model, minilm)
    assert np.all(short_fit == [1.0, 0.0])


@pytest.mark.slow
def test_a_steady_account_gets_a_narrower_range_and_the_card_says_why(db):
    from ml.likes import score_draft
    from ml.services import register_shipped_artifacts
    from tests.factories import PostFactory, ProfileFactory

    register_shipped_artifacts()

    def scored(handle: str, likes: list[int]):
        profile = ProfileFactory(handle=handle, followers_count=3_000)
        for i, value in enumerate(likes):
            PostFactory(
                profile=profile,
                taken_at=NOW - timedelta(days=2 * (len(likes) - i)),
                likes=value,
                comments=4,
                caption=f"Loaf {i} #bread",
                image_description="Image may contain: food",
            )
        return score_draft(
            profile=profile,
            caption="A new sourdough loaf #bread",
            planned_at=NOW + timedelta(days=1),
            media_type="image",
            image_paths=[],
            now=NOW,
        )

    rng = np.random.default_rng(11)
    steady = scored("steady.baker", [int(v) for v in 150 + rng.integers(-2, 3, 12)])
    volatile = scored("volatile.baker", [int(v) for v in np.exp(rng.normal(5.0, 1.0, 12))])
    for score in (steady, volatile):
        assert score.predicted_likes_low <= score.predicted_likes <= score.predicted_likes_high
        assert score.reasons[0]["feature"] == "account_range"
    assert "narrower" in steady.reasons[0]["text"] and f"last {BACKTEST_POSTS} posts" in steady.reasons[0]["text"]
    assert "wider" in volatile.reasons[0]["text"]
    relative_width = {
        name: (s.predicted_likes_high - s.predicted_likes_low) / max(s.predicted_likes, 1)
        for name, s in (("steady", steady), ("volatile", volatile))
    }
    assert relative_width["steady"] < 0.5 * relative_width["volatile"]


@pytest.mark.slow
def test_stored_captions_are_embedded_once_and_the_oldest_are_dropped(monkeypatch):
    from ml.engine.likes import text

    monkeypatch.setattr(text, "STORED_CAPTION_CACHE", 3)
    monkeypatch.setattr(text, "_stored", text.OrderedDict())
    captions = ["Morning loaf #bread", "", "Rye on Sunday", "Morning loaf #bread"]
    vectors = text.embed_stored_captions(captions)
    np.testing.assert_allclose(vectors, text.embed_captions(captions), atol=1e-6)
    # Least recently used first: the repeated first caption was used last.
    assert not vectors[1].any() and list(text._stored) == ["", "Rye on Sunday", "Morning loaf #bread"]
    calls = []
    original = text.embed_captions
    monkeypatch.setattr(text, "embed_captions", lambda c: calls.append(list(c)) or original(c))
    text.embed_stored_captions(["Rye on Sunday", "Croissants"])
    assert calls == [["Croissants"]]  # only the new caption is embedded; the least recently used one is dropped
    assert list(text._stored) == ["Morning loaf #bread", "Rye on Sunday", "Croissants"]


@pytest.mark.slow
def test_with_a_fitted_prior_a_growing_account_is_raised_and_the_card_says_by_how_much():
    from dataclasses import replace

    from ml.engine.likes.features import AccountContext
    from ml.engine.likes.model import LikeModel
    from ml.engine.likes.scoring import fit_account_range, score_post

    shipped = LikeModel.load(sorted(Path(settings.ML_ARTIFACTS_DIR).glob("like-prediction-*/meta.json"))[-1].parent)
    model = replace(shipped, residual_prior_posts=16.0)
    growing = _account([int(100 * 1.25**i) for i in range(14)]).posts  # each post a quarter above the last

    def scored(fitted):
        return score_post(
            model,
            AccountContext.from_history(growing, 2_000),
            caption="A new loaf #bread",
            media_type="image",
            planned_at=NOW + timedelta(days=1),
            images=[],
            image_description="Image may contain: food",
            now=NOW,
            fitted_range=fitted,
        )

    fitted = fit_account_range(model, growing, 2_000)
    assert fitted is not None and fitted.mean_residual > 0 and fitted.shift > 0
    with_record, without = scored(fitted), scored(None)
    assert with_record.predicted_likes > without.predicted_likes
    note = next(r for r in with_record.reasons if r["feature"] == "account_record")
    assert note["direction"] == "up" and "beat the model's predictions" in note["text"] and "raises" in note["text"]
    assert all(r["feature"] != "account_record" for r in without.reasons)
