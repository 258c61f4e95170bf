"""ml.engine.likes.standing: where a prediction lands among the account's recent posts."""

from __future__ import annotations

import pytest

from ml.engine.likes.standing import standing_among


def test_a_prediction_far_above_every_recent_post_beats_them_all_and_far_below_none() -> None:
    recent = [100, 120, 90, 110, 105, 95, 130, 80, 115, 100]
    high = standing_among(recent, p50=1000, p10=800, p90=1250)
    low = standing_among(recent, p50=10, p10=8, p90=12)
    assert (high.beats, high.median_beats, high.of) == (10, 10, 10)
    assert (low.beats, low.median_beats) == (0, 0)


def test_a_median_prediction_beats_about_half_and_a_wide_interval_pulls_towards_half() -> None:
    recent = [100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]
    narrow = standing_among(recent, p50=550, p10=530, p90=570)
    assert narrow.median_beats == 5 and narrow.expected_beats == pytest.approx(5, abs=0.2)
    skewed = standing_among(recent, p50=950, p10=900, p90=1000)
    wide = standing_among(recent, p50=950, p10=100, p90=9000)
    assert skewed.expected_beats > wide.expected_beats > 5  # uncertainty moves the expectation towards the middle


def test_no_recent_posts_is_no_standing() -> None:
    assert standing_among([], p50=100, p10=50, p90=200) is None
    assert standing_among([5, 6], p50=100, p10=50, p90=200).to_dict() == {
        "of": 2,
        "beats": 2,
        "expected_beats": 2.0,
        "median_beats": 2,
    }


def test_the_reliability_tables_match_when_the_predictions_are_the_truth() -> None:
    """Posts drawn from exactly the predicted distribution: every bin's predicted share equals the observed one
    within sampling error, so a miscalibrated model shows up as a gap in `evaluate_model like-prediction`."""
    import numpy as np

    from ml.engine.likes.training import calibration

    rng = np.random.default_rng(7)
    quantiles, actual, previous = [], [], []
    for _ in range(3000):
        centre = rng.uniform(4, 8)
        spread = rng.uniform(0.2, 1.0)
        quantiles.append([centre, centre - 1.2816 * spread, centre + 1.2816 * spread])
        actual.append(rng.normal(centre, spread))
        previous.append(rng.normal(centre + rng.normal(0, 0.8), rng.uniform(0.3, 1.0), size=10))
    tables = calibration(np.array(quantiles), np.array(actual), previous)
    for row in tables["standing_share_beaten"] + tables["virality"]:
        if row["n"] >= 200:
            assert abs(row["predicted"] - row["observed"]) < 0.05, row
    assert sum(row["n"] for row in tables["standing_share_beaten"]) == 3000
