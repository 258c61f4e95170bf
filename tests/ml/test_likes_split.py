"""The stable train / held-out split of accounts, and the feedback loop comparing only on accounts neither the
candidate nor the active version trained on."""

from __future__ import annotations

import io
import json
import random
from datetime import timedelta

import pytest

from ml import services as ml_services
from ml.engine.likes.records import AccountRecord, account_from_json
from ml.engine.likes.split import DEFAULT_SPLIT, AccountSplit, comparison_accounts


def _accounts(lines: list[str]) -> list[AccountRecord]:
    return [account_from_json(json.loads(line)) for line in lines]


def test_an_account_stays_on_its_side_however_the_set_grows_or_is_ordered(shipped_lines) -> None:
    shipped = _accounts(shipped_lines)
    train, held_out = DEFAULT_SPLIT.partition(shipped[:300])
    grown = (
        shipped[:300] + shipped[300:] + [AccountRecord(handle=f"new.account.{i}", followers=100) for i in range(500)]
    )
    random.Random(1).shuffle(grown)
    train_grown, held_out_grown = DEFAULT_SPLIT.partition(grown)
    assert {a.handle for a in held_out} == {a.handle for a in held_out_grown if a in shipped[:300]}
    assert {a.handle for a in train} == {a.handle for a in train_grown if a in shipped[:300]}
    # The previous permutation split moved accounts between sides when the set grew; this one must not.
    share = len([a for a in shipped if DEFAULT_SPLIT.is_held_out(a.handle)]) / len(shipped)
    assert 0.17 < share < 0.23


def test_the_split_keys_on_the_handle_as_instagram_compares_it() -> None:
    handles = [f"user_{i}" for i in range(200)]
    assert [DEFAULT_SPLIT.is_held_out(h) for h in handles] == [
        DEFAULT_SPLIT.is_held_out(f" @{h.upper()}") for h in handles
    ]
    assert AccountSplit(salt="other").bucket("user_1") != DEFAULT_SPLIT.bucket("user_1")


def test_the_split_round_trips_through_the_artifact_meta_and_legacy_meta_has_none() -> None:
    split = AccountSplit(salt="x", held_out_share=0.3)
    assert AccountSplit.from_meta(json.loads(json.dumps(split.to_meta()))) == split
    assert AccountSplit.from_meta(None) is None
    assert AccountSplit.from_meta({"split": "20% of accounts held out (group split by account, seed)"}) is None


def test_the_comparison_set_holds_only_accounts_held_out_by_both_splits(shipped_lines) -> None:
    accounts = _accounts(shipped_lines[:400])
    active = AccountSplit(salt="active-v0", held_out_share=0.5)
    compared = comparison_accounts(accounts, DEFAULT_SPLIT, active)
    active_trained = {a.handle for a in active.partition(accounts)[0]}
    candidate_trained = {a.handle for a in DEFAULT_SPLIT.partition(accounts)[0]}
    assert compared and not {a.handle for a in compared} & (active_trained | candidate_trained)
    assert comparison_accounts(accounts, DEFAULT_SPLIT, None) == []


@pytest.mark.slow
def test_the_shipped_artifact_records_the_split_and_never_trained_on_the_held_out_fixture(
    held_out_lines, shipped_lines
) -> None:
    from tests.ml.conftest import SHIPPED_ARTIFACTS

    (meta_file,) = SHIPPED_ARTIFACTS.glob("like-prediction-*/meta.json")
    meta = json.loads(meta_file.read_text())
    assert AccountSplit.from_meta(meta["split"]) == DEFAULT_SPLIT
    # Trained on all three populations; the 2019 set's held-out accounts are the headline metric.
    from ml.engine.likes.records import training_accounts

    everyone = training_accounts()
    trained = sum(1 for a in everyone if not DEFAULT_SPLIT.is_held_out(a.handle))
    assert meta["training_data"].endswith(f"{trained} accounts ({trained / len(everyone):.0%})")
    assert meta["metrics"]["accounts"] == sum(1 for a in _accounts(held_out_lines) if len(a.posts) >= 4)
    assert set(meta["metrics"]["held_out_by_dataset"]) == {"ig-influencer-posts-2019", "kim2020", "instafake"}


@pytest.fixture
def recorded_training(monkeypatch):
    """Spy on the engine: which accounts each training saw and which accounts each evaluation scored."""
    from ml.engine.likes import training

    trained: list[set[str]] = []
    evaluated: list[tuple[set[str], object]] = []
    real_train, real_evaluate = training.train_final, training.evaluate

    def train_final(accounts, *args, **kwargs):
        trained.append({a.handle for a in accounts})
        return real_train(accounts, *args, **kwargs)

    def evaluate(accounts, model, embedder, cold_start=False):
        if not cold_start:  # the history protocol is what versions are compared on
            evaluated.append(({a.handle for a in accounts}, model))
        return real_evaluate(accounts, model, embedder, cold_start=cold_start)

    monkeypatch.setattr(training, "train_final", train_final)
    monkeypatch.setattr(training, "evaluate", evaluate)
    return trained, evaluated


@pytest.mark.slow
def test_retraining_compares_only_on_accounts_the_active_version_never_trained_on(
    tmp_path, settings, shipped_lines, monkeypatch, scored_profile, recorded_training
) -> None:
    from ml import likes
    from ml.engine.likes import split
    from profiles.models import Post

    trained, evaluated = recorded_training
    settings.ML_ARTIFACTS_DIR = tmp_path / "artifacts"
    monkeypatch.setattr(likes, "TRAIN_SETTINGS", {"hidden": (8,), "ensemble": 1, "epochs": 3})
    ml_services._loaded.clear()
    data = tmp_path / "slice.jsonl"
    data.write_text("\n".join(shipped_lines[:60]) + "\n", encoding="utf-8")
    # The active version was trained with another split (another salt and share), on a smaller set.
    older = AccountSplit(salt="an-older-rule", held_out_share=0.5)
    with monkeypatch.context() as patch:
        patch.setattr(split, "DEFAULT_SPLIT", older)
        first = likes.train(stdout=io.StringIO(), seed=3, data=str(data))
    assert split.DEFAULT_SPLIT == AccountSplit()
    Post.objects.filter(profile=scored_profile).update(fetched_at=first.created_at + timedelta(seconds=1))

    result = likes.retrain_if_better(min_new_posts=10, seed=4, data=str(data))
    active_trained, candidate_trained = trained
    assert "sunny.days" in candidate_trained and "sunny.days" not in active_trained
    compared, _ = evaluated[-1]
    assert evaluated[-2][0] == compared  # both versions scored on the very same accounts
    assert compared and not compared & active_trained and not compared & candidate_trained
    assert compared == {
        a.handle
        for a in _accounts(shipped_lines[:60])
        if split.DEFAULT_SPLIT.is_held_out(a.handle) and older.is_held_out(a.handle) and len(a.posts) >= 4
    }
    assert result["held_out_accounts"] == len(compared)
    ml_services._loaded.clear()


@pytest.mark.slow
def test_retraining_refuses_an_active_version_without_a_recorded_split(
    tmp_path, settings, shipped_lines, monkeypatch, scored_profile
) -> None:
    from config.errors import ApplicationError
    from ml import likes
    from ml.models import ModelVersion
    from profiles.models import Post

    settings.ML_ARTIFACTS_DIR = tmp_path / "artifacts"
    monkeypatch.setattr(likes, "TRAIN_SETTINGS", {"hidden": (8,), "ensemble": 1, "epochs": 2})
    ml_services._loaded.clear()
    data = tmp_path / "slice.jsonl"
    data.write_text("\n".join(shipped_lines[:40]) + "\n", encoding="utf-8")
    first = likes.train(stdout=io.StringIO(), seed=3, data=str(data))
    meta_file = tmp_path / "artifacts" / first.artifact_path / "meta.json"
    meta = json.loads(meta_file.read_text())
    del meta["split"]  # as written before the split rule existed
    meta_file.write_text(json.dumps(meta))
    ml_services._loaded.clear()
    Post.objects.filter(profile=scored_profile).update(fetched_at=first.created_at + timedelta(seconds=1))
    with pytest.raises(ApplicationError, match="records no train/held-out split"):
        likes.retrain_if_better(min_new_posts=10, seed=4, data=str(data))
    assert ModelVersion.objects.filter(task="like-prediction").count() == 1  # nothing trained or registered
    ml_services._loaded.clear()
