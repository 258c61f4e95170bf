"""Authenticity models: features with explicit missing values, categories, reasons, evaluation command."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import numpy as np
import pytest
from django.core.management import call_command

from ml.engine.authenticity import datasets, explain, features
from ml.engine.authenticity.metrics import binary_metrics
from ml.engine.authenticity.model import AuthenticityModel, Preprocessor
from ml.services import register_shipped_artifacts

DATA = Path(datasets.DATASETS_DIR)


@pytest.fixture
def shipped_models(db):
    register_shipped_artifacts()


def test_instagram_features_mark_fields_a_source_lacks_as_missing():
    records = [
        datasets.instafake_record(
            {
                "userFollowerCount": 15,
                "userFollowingCount": 399,
                "usernameDigitCount": 3,
                "usernameLength": 12,
                "userHasProfilPic": 0,
                "userIsPrivate": 0,
                "userBiographyLength": 0,
                "userMediaCount": 0,
            }
        ),
        {"username": "anna.smith_99", "full_name": "Anna Smith", "followers": 10, "following": None},
    ]
    matrix = features.instagram_matrix(features.columns_from_records(records, features.INSTAGRAM_KEYS))
    names = features.feature_names("instagram")
    row0, row1 = dict(zip(names, matrix[0], strict=True)), dict(zip(names, matrix[1], strict=True))
    assert row0["username_digit_ratio"] == pytest.approx(3 / 12)
    assert np.isnan(row0["full_name_length"])  # InstaFake carries no full name
    assert row1["username_digits"] == 2 and row1["username_words"] == 3
    assert row1["username_pattern_separated"] == 1.0
    assert np.isnan(row1["log_following"]) and np.isnan(row1["follow_ratio"])


def test_a_ratio_the_source_gives_is_kept_when_it_carries_no_string():
    """Kaggle gives "nums/length username" and "nums/length fullname" but no names: those ratios are the
    features (a regression once turned every one into 0); a source with neither string nor ratio gets NaN, and an
    empty name a ratio of 0."""
    records = datasets.load_kaggle_insta().records
    matrix = features.instagram_matrix(features.columns_from_records(records, features.INSTAGRAM_KEYS))
    names = features.feature_names("instagram")
    given = np.array([r["username_digit_ratio"] for r in records])
    assert given.max() > 0.5
    np.testing.assert_allclose(matrix[:, names.index("username_digit_ratio")], given)
    np.testing.assert_allclose(
        matrix[:, names.index("full_name_digit_ratio")], [r["full_name_digit_ratio"] for r in records]
    )
    other = features.instagram_matrix(
        features.columns_from_records(
            [{"username_length": 8, "username_digits": 2}, {"username": "", "full_name": ""}], features.INSTAGRAM_KEYS
        )
    )
    assert other[0, names.index("username_digit_ratio")] == pytest.approx(0.25)
    assert np.isnan(other[0, names.index("full_name_digit_ratio")])
    assert other[1, names.index("username_digit_ratio")] == 0.0
    assert other[1, names.index("full_name_digit_ratio")] == 0.0


def test_preprocessor_adds_indicators_only_where_training_saw_gaps_and_drops_unseen_columns():
    train = np.array([[1.0, np.nan, np.nan], [3.0, 2.0, np.nan], [5.0, 4.0, np.nan]])
    pre = Preprocessor.fit(train)
    assert list(pre.kept) == [0, 1] and list(pre.indicators) == [1]
    out = pre.transform(np.array([[3.0, np.nan, 7.0]]))
    assert out.shape == (1, 3)  # two kept columns + one is-missing indicator; the unseen column is ignored


def test_categories_follow_the_documented_order():
    followers = np.array([100, 9000, 9000, 50, 50, np.nan])
    following = np.array([2000, 2000, 300, 100, 100, np.nan])
    probability = np.array([0.9, 0.1, 0.9, 0.8, 0.2, 0.1])
    assert explain.categorise(followers, following, probability).tolist() == [
        "mass_follower",
        "mass_follower",
        "influencer",
        "suspicious",
        "real",
        "real",
    ]


def test_audience_reason_reads_like_plain_words():
    text = explain.reason_text("instagram", "audience", {"following": 7400, "followers": 12})
    assert text == "follows 7,400 accounts, followed by 12 accounts"


def test_metrics_match_hand_counts():
    result = binary_metrics(np.array([1, 1, 0, 0]), np.array([0.9, 0.2, 0.6, 0.1]))
    assert result == {
        "n": 4,
        "accuracy": 0.5,
        "accuracy_low": 0.15,  # Wilson 95%: 2 of 4 right says little
        "accuracy_high": 0.85,
        "precision": 0.5,
        "recall": 0.5,
        "f1": 0.5,
        "roc_auc": 0.75,
    }
    many = binary_metrics(np.array([1] * 60 + [0] * 60), np.array([0.9] * 56 + [0.1] * 4 + [0.1] * 56 + [0.9] * 4))
    assert (many["n"], many["accuracy"], many["accuracy_low"], many["accuracy_high"]) == (120, 0.9333, 0.8739, 0.9658)


def test_shipped_artifacts_load_and_separate_fake_from_real():
    folder = next(Path("ml/artifacts").glob("account-authenticity-instagram-*"))
    model = AuthenticityModel.load(folder)
    fake = {
        "username": "jsmith83920417",
        "full_name": "",
        "bio": "",
        "followers": 12,
        "following": 7400,
        "posts": 0,
        "has_profile_pic": 0.0,
        "is_private": 0.0,
        "has_external_url": 0.0,
    }
    real = {
        "username": "anna.travels",
        "full_name": "Anna Berg",
        "bio": "Photographer in Oslo. Coffee & mountains",
        "followers": 840,
        "following": 410,
        "posts": 230,
        "has_profile_pic": 1.0,
        "is_private": 0.0,
        "has_external_url": 1.0,
    }
    probability = model.predict_proba(features.columns_from_records([fake, real], features.INSTAGRAM_KEYS))
    assert probability[0] > 0.8 > 0.2 > probability[1]
    groups, contributions = model.contributions(
        model.features(features.columns_from_records([fake], features.INSTAGRAM_KEYS))
    )
    top = explain.top_reasons("instagram", groups, contributions[0], fake, towards_fake=True)
    assert top and all(reason["contribution"] > 0 for reason in top)
    assert any("follows 7,400 accounts" in reason["text"] for reason in top)


def _last_json(out: str) -> dict:
    return json.loads(out.strip().splitlines()[-1])


def test_evaluate_instafake_prints_metrics_json_as_last_line(shipped_models, tmp_path, capsys):
    rows = (
        json.loads((DATA / "instafake" / "fakeAccountData.json").read_text())[:20]
        + json.loads((DATA / "instafake" / "realAccountData.json").read_text())[:40]
    )
    path = tmp_path / "sample.json"
    path.write_text(json.dumps(rows))
    call_command("evaluate_model", "account-authenticity", "--format", "instafake", str(path))
    result = _last_json(capsys.readouterr().out)
    assert set(result) == {"n", "accuracy", "accuracy_low", "accuracy_high", "precision", "recall", "f1", "roc_auc"}
    assert result["n"] == 60 and result["accuracy"] > 0.8


def test_evaluate_kaggle_and_twitter_formats(shipped_models, tmp_path, capsys):
    lines = (DATA / "kaggle-insta-fake" / "train.csv").read_text().splitlines()
    csv_path = tmp_path / "test.csv"
    csv_path.write_text("\n".join(lines[:31] + lines[-30:]) + "\n")
    call_command("evaluate_model", "account-authenticity", "--format", "kaggle-insta", str(csv_path))
    assert _last_json(capsys.readouterr().out)["n"] == 60

    items = json.loads((DATA / "twitter-cresci-rtbust-2019" / "cresci-rtbust-2019_tweets.json").read_text())[:50]
    tweets = tmp_path / "tweets.json"
    tweets.write_text(json.dumps(items))
    call_command(
        "evaluate_model",
        "account-authenticity",
        "--format",
        "twitter-v1",
        str(tweets),
        "--labels",
        str(DATA / "twitter-cresci-rtbust-2019" / "cresci-rtbust-2019.tsv"),
    )
    result = _last_json(capsys.readouterr().out)
    assert result["n"] == 50 and 0 <= result["f1"] <= 1


def test_evaluate_rejects_a_file_in_the_wrong_format(shipped_models, tmp_path):
    from django.core.management.base import CommandError

    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"not": "a list"}))
    with pytest.raises(CommandError, match="expected a JSON list"):
        call_command("evaluate_model", "account-authenticity", "--format", "instafake", str(path), stdout=StringIO())
    with pytest.raises(CommandError, match="--labels is required"):
        call_command("evaluate_model", "account-authenticity", "--format", "twitter-v1", str(path), stdout=StringIO())


@pytest.mark.slow
def test_training_is_reproducible_with_a_fixed_seed():
    from ml.engine.authenticity.train import PlatformConfig, fit

    data = datasets.load_kaggle_insta()
    small = data.subset(np.r_[0:60, len(data) - 60 : len(data)])
    config = PlatformConfig(datasets=("kaggle-insta",), use_booster=False, hidden=(8,), epochs=5, patience=5)
    first, _ = fit(small, seed=7, config=config)
    second, validation = fit(small, seed=7, config=config)
    for a, b in zip(first.weights, second.weights, strict=True):
        np.testing.assert_allclose(a, b)
    assert set(validation["net"]) == {
        "n",
        "accuracy",
        "accuracy_low",
        "accuracy_high",
        "precision",
        "recall",
        "f1",
        "roc_auc",
    }
    columns = features.columns_from_records(small.records, features.INSTAGRAM_KEYS)
    probability = first.predict_proba(columns)
    assert probability.shape == (120,) and ((probability >= 0) & (probability <= 1)).all()


def test_out_of_fold_scores_come_from_trees_that_never_saw_the_row():
    from sklearn.ensemble import RandomForestClassifier

    from ml.engine.authenticity.model import TreeEnsemble
    from ml.engine.authenticity.train import _out_of_fold_raw

    rng = np.random.default_rng(0)
    inputs, labels = rng.normal(size=(300, 6)), rng.integers(0, 2, 300)  # labels are noise: nothing to learn

    def train(index):
        return RandomForestClassifier(n_estimators=30, random_state=0).fit(inputs[index], labels[index])

    in_sample = TreeEnsemble.from_sklearn_forest(train(np.arange(300))).predict_raw(inputs)
    out_of_fold = _out_of_fold_raw(train, TreeEnsemble.from_sklearn_forest, inputs, labels, folds=5, seed=0)
    assert ((in_sample > 0.5) == labels).mean() > 0.95  # memorised
    assert abs(((out_of_fold > 0.5) == labels).mean() - 0.5) < 0.1  # chance: no row scored by trees that saw it


@pytest.mark.slow
def test_second_family_trains_on_every_account_and_calibrates_out_of_fold():
    from dataclasses import replace

    from ml.engine.authenticity.train import PlatformConfig, fit

    data = datasets.load_kaggle_insta()
    config = PlatformConfig(
        datasets=("kaggle-insta",), use_booster=True, family="forest", hidden=(8,), epochs=5, patience=5
    )
    model, validation = fit(data, seed=3, config=config)
    old_way, _ = fit(data, seed=3, config=replace(config, tree_folds=0))
    # A bootstrap tree's root weighs as many draws as the rows it was given.
    assert model.sklearn_booster.estimators_[0].tree_.weighted_n_node_samples[0] == len(data)
    assert old_way.sklearn_booster.estimators_[0].tree_.weighted_n_node_samples[0] == len(data) - validation["net"]["n"]
    assert validation["booster"]["n"] == validation["blend"]["n"] == validation["net"]["n"]
    # Out-of-fold: clearly below what the final trees score on rows they trained on (0.93 vs 0.97 here).
    columns = features.columns_from_records(data.records, features.INSTAGRAM_KEYS)
    in_sample = ((model.booster_probability(model.features(columns)) > 0.5) == data.labels).mean()
    assert 0.8 < validation["booster"]["accuracy"] < in_sample - 0.02


def test_fast_profile_rows_give_the_same_features_as_the_orm(agency, shipped_models):
    from datetime import UTC, datetime

    from ml import authenticity
    from profiles.models import Profile
    from tests.factories import ProfileFactory

    x_profile = ProfileFactory(
        organization=agency,
        platform="x",
        handle="rt_bot_4821",
        display_name="RT bot",
        bio="",
        followers_count=50,
        following_count=2100,
        posts_count=88000,
        is_verified=False,
        has_default_avatar=True,
        account_created_at=datetime(2018, 1, 2, 3, 4, 5, tzinfo=UTC),
        last_fetched_at=datetime(2019, 5, 1, tzinfo=UTC),
        extra={"favourites_count": 3, "listed_count": 1, "default_profile": True},
    )
    insta = ProfileFactory(
        organization=agency,
        handle="anna.b",
        is_private=True,
        external_url="https://a.example",
        extra={"tagged_count": 7},
    )
    for profile in (x_profile, insta):
        orm_row = Profile.objects.filter(pk=profile.pk).values(*authenticity.PROFILE_FIELDS).get()
        fast_row = authenticity.profile_rows(profile_ids=[profile.pk])[0]
        _, model = authenticity.active_model(profile.platform)
        orm = authenticity.classify_rows([orm_row], platform=profile.platform, model=model)
        fast = authenticity.classify_rows([fast_row], platform=profile.platform, model=model)
        np.testing.assert_allclose(orm.matrix, fast.matrix)
        assert orm.probability[0] == pytest.approx(fast.probability[0])
    assert authenticity.profile_record(fast_row)["tagged"] == 7.0


def test_exported_trees_predict_exactly_like_scikit_learn():
    from sklearn.ensemble import HistGradientBoostingClassifier

    from ml.engine.authenticity.model import TreeEnsemble

    rng = np.random.default_rng(3)
    matrix = rng.normal(size=(400, 5))
    labels = (matrix[:, 0] + matrix[:, 1] ** 2 > 1).astype(int)
    matrix[rng.random(matrix.shape) < 0.15] = np.nan  # missing values must route like scikit-learn's
    booster = HistGradientBoostingClassifier(max_iter=30, max_leaf_nodes=15, random_state=0).fit(matrix, labels)
    test = rng.normal(size=(300, 5))
    test[rng.random(test.shape) < 0.2] = np.nan
    expected = booster.predict_proba(test)[:, 1]
    raw = TreeEnsemble.from_sklearn(booster).predict_raw(test)
    np.testing.assert_allclose(1 / (1 + np.exp(-raw)), expected, rtol=1e-9, atol=1e-12)


def test_large_batches_use_the_compiled_trees_with_identical_probabilities():
    from ml.engine.authenticity import model as model_module

    folder = next(Path("ml/artifacts").glob("account-authenticity-instagram-*"))
    model = AuthenticityModel.load(folder)
    data = datasets.load_instafake() + datasets.load_kaggle_insta()
    matrix = model.features(features.columns_from_records(data.records, features.INSTAGRAM_KEYS))
    matrix = np.tile(matrix, (2, 1))[: model_module.LARGE_BATCH + 10]
    compiled = model.booster_probability(matrix)
    assert model.sklearn_booster is not None  # loaded lazily for the large batch
    small = np.concatenate([model.booster_probability(matrix[i : i + 500]) for i in range(0, len(matrix), 500)])
    np.testing.assert_allclose(compiled, small, rtol=1e-9)


def test_exported_forest_predicts_exactly_like_scikit_learn():
    from sklearn.ensemble import RandomForestClassifier

    from ml.engine.authenticity.model import TreeEnsemble

    rng = np.random.default_rng(4)
    matrix = rng.normal(size=(300, 5))
    labels = (matrix[:, 0] - matrix[:, 2] > 0.3).astype(int)
    matrix[rng.random(matrix.shape) < 0.15] = np.nan
    forest = RandomForestClassifier(n_estimators=25, min_samples_leaf=2, random_state=0).fit(matrix, labels)
    test = rng.normal(size=(200, 5))
    test[rng.random(test.shape) < 0.2] = np.nan
    np.testing.assert_allclose(
        TreeEnsemble.from_sklearn_forest(forest).predict_raw(test), forest.predict_proba(test)[:, 1], atol=1e-12
    )


def test_merged_seed_nets_average_their_logits():
    from ml.engine.authenticity.model import dense_forward
    from ml.engine.authenticity.train import merge_nets

    rng = np.random.default_rng(5)
    shapes = [(6, 8), (8,), (8, 4), (4,), (4, 1), (1,)]
    nets = [[rng.normal(size=shape).astype(np.float32) for shape in shapes] for _ in range(3)]
    inputs = rng.normal(size=(20, 6)).astype(np.float32)
    expected = np.mean([dense_forward(net, inputs) for net in nets], axis=0)
    merged = merge_nets(nets)
    assert merged[0].shape == (6, 24) and merged[2].shape == (24, 12)
    np.testing.assert_allclose(dense_forward(merged, inputs), expected, rtol=1e-5, atol=1e-5)


def test_x_profile_details_come_from_the_v1_user_object():
    bare = {
        "screen_name": "anna_bot",
        "name": "anna_bot",
        "created_at": "Fri Feb 06 22:33:59 +0000 2015",
        "url": None,
        "location": "",
        "geo_enabled": False,
        "profile_link_color": "1DA1F2",
        "profile_background_color": "C0DEED",
        "favourites_count": 0,
        "statuses_count": 999,
    }
    styled = {
        **bare,
        "name": "Anna Rossi",
        "url": "https://t.co/x",
        "location": "Roma",
        "profile_banner_url": "https://pbs.twimg.com/b",
        "profile_link_color": "FF0000",
    }
    records = [
        datasets.twitter_user_record(user, observed_at="Fri Feb 06 22:33:59 +0000 2019") for user in (bare, styled)
    ]
    matrix = features.x_matrix(features.columns_from_records(records, features.X_KEYS))
    column = {name: matrix[:, i] for i, name in enumerate(features.feature_names("x"))}
    assert column["has_url"].tolist() == [0.0, 1.0] and column["has_location"].tolist() == [0.0, 1.0]
    assert column["has_banner"].tolist() == [0.0, 1.0] and column["default_theme"].tolist() == [1.0, 0.0]
    assert column["name_screen_name_similarity"][0] == 1.0 > column["name_screen_name_similarity"][1]
    assert column["created_year"][0] == pytest.approx(2015.1, abs=0.05)
    assert column["favourites_per_status"][0] == pytest.approx(-np.log1p(999))
    assert np.isnan(column["geo_enabled"]).tolist() == [False, False]
    live = features.x_matrix(features.columns_from_records([{"screen_name": "a"}], features.X_KEYS))
    assert np.isnan(live[0, features.feature_names("x").index("has_banner")])  # unknown stays unknown
    text = explain.reason_text("x", "profile", records[0])
    assert text == "bare profile: no website, location or banner"


def test_x_large_batches_use_the_compiled_forest_with_identical_probabilities():
    from ml.engine.authenticity import model as model_module

    model = AuthenticityModel.load(next(Path("ml/artifacts").glob("account-authenticity-x-*")))
    data = datasets.load_twitter_v1()
    matrix = model.features(features.columns_from_records(data.records, features.X_KEYS))
    matrix = np.tile(matrix, (5, 1))[: model_module.LARGE_BATCH + 10]
    compiled = model.booster_probability(matrix)
    assert model.sklearn_booster is not None and not hasattr(model.sklearn_booster, "decision_function")
    small = np.concatenate([model.booster_probability(matrix[i : i + 500]) for i in range(0, len(matrix), 500)])
    np.testing.assert_allclose(compiled, small, rtol=1e-9, atol=1e-12)


def test_shipped_artifacts_replace_an_active_version_whose_files_are_gone(db, settings, tmp_path):
    from ml.models import ModelVersion
    from ml.services import model_version_register

    settings.ML_ARTIFACTS_DIR = str(tmp_path)
    kept = tmp_path / "kept"
    kept.mkdir()
    model_version_register(
        task="account-authenticity", platform="x", version="old", artifact_path="deleted", metrics={}
    )
    model_version_register(
        task="account-authenticity", platform="instagram", version="old", artifact_path="kept", metrics={}
    )
    for platform in ("x", "instagram"):
        folder = tmp_path / f"new-{platform}"
        folder.mkdir()
        (folder / "meta.json").write_text(
            json.dumps({"task": "account-authenticity", "platform": platform, "version": "new", "metrics": {}})
        )
    register_shipped_artifacts()
    active = dict(ModelVersion.objects.filter(is_active=True).values_list("platform", "version"))
    # X's active files were deleted by the upgrade: the shipped one takes over; Instagram's still load: kept.
    assert active == {"x": "new", "instagram": "old"}
