"""The staged audit's unsure bands: one per stratum of list fields, chosen by calibrated risk."""

from __future__ import annotations

import json

import numpy as np
import pytest

from ml.engine.authenticity import staged
from ml.engine.authenticity.datasets import instafake_record
from ml.engine.authenticity.model import TreeEnsemble


def test_a_follower_with_a_full_name_is_in_the_with_name_stratum():
    live = {"username": "anna.smith", "full_name": "Anna Smith", "is_private": 0, "has_profile_pic": 1}
    empty_name = {"username": "x1", "full_name": "", "has_profile_pic": 0}
    instafake = instafake_record({"usernameLength": 9, "usernameDigitCount": 0, "userHasProfilPic": 1})
    strata = staged.strata_of(staged.list_matrix([live, empty_name, instafake]))
    assert [staged.STRATA[s] for s in strata] == ["with_name", "with_name", "without_name"]


def _even_model(bands: dict[str, tuple[float, float]]) -> staged.ListModel:
    """A list model that says 0.5 for everyone (one leaf, half the labels each way)."""
    from sklearn.ensemble import RandomForestClassifier

    forest = RandomForestClassifier(n_estimators=1, bootstrap=False, random_state=0).fit(np.zeros((4, 1)), [0, 1, 0, 1])
    strata = {
        name: staged.StratumModel(TreeEnsemble.from_sklearn_forest(forest), np.array([0]), band)
        for name, band in bands.items()
    }
    model = staged.ListModel(strata=strata)
    assert np.allclose(model.probability(np.zeros((1, len(staged.LIST_FEATURES)))), 0.5)
    return model


def test_each_row_is_judged_against_its_own_strata_band(tmp_path):
    model = _even_model({"with_name": (0.6, 0.9), "without_name": (0.1, 0.9)})
    rows = staged.list_matrix([{"username": "a", "full_name": "A B"}, {"username_length": 5, "username_digits": 0}])
    # probability 0.5 for both rows: outside the with-name band, inside the without-name band.
    assert model.unsure(rows).tolist() == [False, True]
    model.save(tmp_path)
    loaded = staged.ListModel.load(tmp_path)
    assert loaded is not None and loaded.bands == model.bands
    assert loaded.unsure(rows).tolist() == [False, True]


def test_a_list_model_saved_with_one_band_is_refused_with_a_clear_message(tmp_path):
    model = _even_model({"with_name": (0.6, 0.9), "without_name": (0.1, 0.9)})
    model.save(tmp_path)
    meta = json.loads((tmp_path / staged.LIST_META).read_text())
    del meta["bands"]
    meta.update(low=0.02, high=0.8)
    (tmp_path / staged.LIST_META).write_text(json.dumps(meta))
    with pytest.raises(ValueError, match="retrain it"):
        staged.ListModel.load(tmp_path)


@pytest.mark.slow
def test_each_stratum_forest_reads_only_the_fields_its_training_rows_carried():
    """A live follower carries every list field; the with-name forest must judge it on Kaggle's fields alone, so
    the username length it also carries (InstaFake's field) cannot change its verdict."""
    from ml.engine.authenticity.train import load_training_data

    data = load_training_data("instagram")
    model = staged.fit_list_model(data.records, data.labels, data.sources, seed=0)
    with_name = [staged.LIST_FEATURES[i] for i in model.strata["with_name"].kept]
    without_name = [staged.LIST_FEATURES[i] for i in model.strata["without_name"].kept]
    assert "full_name_words" in with_name and "username_length" not in with_name
    assert "username_length" in without_name and "full_name_words" not in without_name
    short, long = (
        staged.list_matrix([{"username": name, "full_name": "Anna Smith", "has_profile_pic": 1, "is_private": 0}])
        for name in ("annas", "anna.smith.official")
    )
    assert model.probability(short) == pytest.approx(model.probability(long))
    assert model.meta["fetched_share_validation"] == model.meta["strata"]["with_name"]["fetched_share"] < 1.0


def test_the_band_fetches_nobody_when_the_list_model_is_as_good_as_the_full_one():
    rng = np.random.default_rng(0)
    labels = rng.integers(0, 2, 600)
    probability = np.clip(labels * 0.6 + 0.2 + rng.normal(0, 0.15, 600), 0, 1)
    band = staged.choose_band(probability, probability, labels, np.array(["a"] * 600))
    assert band["fetched_share"] == 0.0 and band["tau"] == 0.5


def test_the_band_fetches_where_the_list_model_is_unsure_and_the_full_model_is_not():
    rng = np.random.default_rng(1)
    n = 2000
    labels = rng.integers(0, 2, n)
    # Half the accounts are plain from the list (p near the label), half are coin flips for it.
    plain = rng.random(n) < 0.5
    list_p = np.where(plain, np.where(labels == 1, 0.95, 0.05), rng.uniform(0.3, 0.7, n))
    full_p = np.where(labels == 1, 0.9, 0.1)
    band = staged.choose_band(list_p, full_p, labels, np.array(["a"] * n))
    fetched = (list_p > band["low"]) & (list_p < band["high"])
    assert fetched[~plain].mean() > 0.95 and fetched[plain].mean() == 0.0
    assert band["validation"]["a"]["staged_accuracy"] >= band["validation"]["a"]["full_accuracy"] - 0.01


@pytest.mark.slow
def test_the_held_out_check_reports_drop_and_fetched_share_per_dataset():
    from ml.engine.authenticity.train import load_training_data

    data = load_training_data("instagram")
    report = staged.held_out_check(data.records, data.labels, data.sources, seeds=(0,), repeats=1)
    assert set(report) == {"instafake", "kaggle-insta"}
    for figures in report.values():
        assert figures["splits"] == 5 and 0.0 < figures["fetched_share"] <= 1.0
        assert -0.05 < figures["accuracy_drop"] < 0.05


@pytest.mark.slow
def test_a_kind_of_follower_no_training_set_carries_is_always_fetched(tmp_path):
    """Trained on Kaggle alone (names, no InstaFake): a follower entry without a full name has nothing to be
    judged by, so it is fetched, and the model still saves and loads."""
    from ml.engine.authenticity.datasets import load_kaggle_insta

    data = load_kaggle_insta()
    model = staged.fit_list_model(data.records, data.labels, data.sources, seed=0)
    assert model.strata["without_name"].forest is None and model.meta["strata"]["without_name"]["fetched_share"] == 1
    rows = staged.list_matrix([{"username_length": 9, "username_digits": 4, "has_profile_pic": 0}])
    assert model.unsure(rows).tolist() == [True]
    model.save(tmp_path)
    loaded = staged.ListModel.load(tmp_path)
    assert loaded is not None and loaded.unsure(rows).tolist() == [True]
    assert loaded.strata["with_name"].forest is not None
