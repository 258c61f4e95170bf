"""Training on a tiny slice, the evaluation protocol and the evaluate_model command."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import numpy as np
import pytest
from django.core.management import call_command

from ml import services as ml_services
from ml.engine.likes.records import account_from_json, read_accounts
from ml.engine.likes.split import DEFAULT_SPLIT, AccountSplit
from ml.engine.likes.training import CaptionEmbedder, TrainConfig, build_examples, protocol_rows, train
from tests.ml.conftest import write_jsonl

pytestmark = pytest.mark.slow


@pytest.fixture(scope="session")
def minilm() -> CaptionEmbedder:
    """The real offline all-MiniLM-L6-v2, as training uses it: the ~700 captions of these slices take about a
    second and a half on two cores (≈500 captions/s) once the model is loaded, which scoring tests do anyway."""
    from django.conf import settings

    return CaptionEmbedder(Path(settings.BASE_DIR) / "var" / "cache")


@pytest.fixture(scope="session")
def tiny_examples(shipped_lines, minilm):
    accounts = [account_from_json(json.loads(line)) for line in shipped_lines[:60]]
    return build_examples(accounts, minilm)


def test_training_is_reproducible_and_the_interval_is_ordered(tiny_examples) -> None:
    config = TrainConfig(epochs=6, patience=3, ensemble=1)
    first, info = train(tiny_examples, config)
    second, _ = train(tiny_examples, config)
    for (w1, b1), (w2, b2) in zip(first.members[0], second.members[0], strict=True):
        np.testing.assert_allclose(w1, w2, atol=1e-6)
        np.testing.assert_allclose(b1, b2, atol=1e-6)
    rows = tiny_examples.rows[:50]
    output = first.forward(rows)
    assert np.all(output[:, 1] <= output[:, 0]) and np.all(output[:, 0] <= output[:, 2])
    assert info["epochs"][0] >= 1 and info["fit_examples"] + info["validation_examples"] == len(tiny_examples.targets)


def meta_split(tmp_path: Path, version) -> AccountSplit | None:
    meta = json.loads((tmp_path / "artifacts" / version.artifact_path / "meta.json").read_text())
    return AccountSplit.from_meta(meta["split"])


def test_the_trainer_registers_a_version_with_held_out_account_metrics(
    tmp_path, settings, shipped_lines, monkeypatch, db
) -> None:
    from ml import likes
    from ml.management.commands.train_model import TRAINERS
    from ml.models import ModelVersion

    assert TRAINERS["like-prediction"] == "ml.likes:train"
    settings.ML_ARTIFACTS_DIR = tmp_path / "artifacts"
    monkeypatch.setattr(likes, "TRAIN_SETTINGS", {"hidden": (16,), "ensemble": 2, "epochs": 8})
    data = tmp_path / "slice.jsonl"
    data.write_text("\n".join(shipped_lines[:50]) + "\n", encoding="utf-8")
    out = io.StringIO()
    version = likes.train(stdout=out, seed=7, data=str(data))
    assert version.is_active and ModelVersion.objects.get(pk=version.pk).task == "like-prediction"
    metrics = version.metrics
    held_out = [a for a in read_accounts(data) if DEFAULT_SPLIT.is_held_out(a.handle)]
    assert held_out and metrics["accounts"] == sum(1 for a in held_out if len(a.posts) >= 4)  # never trained on
    assert metrics["targets"] > 0 and meta_split(tmp_path, version) == DEFAULT_SPLIT
    assert set(metrics) >= {"log_mse", "baseline_log_mse", "interval_coverage_80"}
    meta = json.loads((tmp_path / "artifacts" / version.artifact_path / "meta.json").read_text())
    assert meta["version"] == version.version and meta["params"]["seed"] == 7
    assert meta["n_members"] == 2 and (tmp_path / "artifacts" / version.artifact_path / "weights.npz").exists()


def test_the_protocol_never_reads_the_target_posts_likes_or_comments(held_out_lines, minilm) -> None:
    from django.conf import settings

    from ml.engine.likes.model import LikeModel

    artifact = sorted(Path(settings.ML_ARTIFACTS_DIR).glob("like-prediction-*/meta.json"))[-1].parent
    model = LikeModel.load(artifact)
    account = account_from_json(json.loads(held_out_lines[0]))
    changed = replace(
        account, posts=account.posts[:-3] + [replace(p, likes=p.likes * 10 + 1, comments=0) for p in account.posts[-3:]]
    )
    rows, baselines, actual, n_accounts, _ = protocol_rows([account], model, minilm)
    rows_changed, baselines_changed, actual_changed, _, _ = protocol_rows([changed], model, minilm)
    assert n_accounts == 1 and len(rows) == 3
    np.testing.assert_array_equal(rows[0], rows_changed[0])  # the first target's history is unchanged
    np.testing.assert_array_equal(baselines[0], baselines_changed[0])
    assert not np.array_equal(actual, actual_changed)


def test_both_protocols_are_scored_by_one_helper_with_the_figures_of_each_protocol(held_out_lines, minilm) -> None:
    from django.conf import settings

    from ml.engine.likes.model import LikeModel
    from ml.engine.likes.training import evaluate, evaluate_protocols, summarise_protocols

    artifact = sorted(Path(settings.ML_ARTIFACTS_DIR).glob("like-prediction-*/meta.json"))[-1].parent
    model = LikeModel.load(artifact)
    accounts = [account_from_json(json.loads(line)) for line in held_out_lines[:8]]
    # A 2-post account: not scored by the history protocol (needs 4), scored by the cold-start one.
    accounts.append(replace(accounts[0], handle="short_history", posts=accounts[0].posts[:2]))
    results = evaluate_protocols(accounts, model, minilm)
    assert set(results) == {"history", "cold_start"}
    assert results["history"] == evaluate(accounts, model, minilm)
    assert results["cold_start"] == evaluate(accounts, model, minilm, cold_start=True)
    assert results["cold_start"].accounts >= 1 and results["history"].accounts == 8
    report = summarise_protocols(results)
    assert report["history"]["ratio_to_baseline"] == round(
        results["history"].log_mse / results["history"].baseline_log_mse, 4
    )


def _last_json_line(capsys) -> dict:
    return json.loads(capsys.readouterr().out.strip().splitlines()[-1])


# call_command(..., stdout=...) would hand `stdout` twice to the dispatcher (skeleton quirk): capture instead.
def test_evaluate_model_prints_the_json_line_and_beats_the_baseline_on_unseen_accounts(
    held_out_file, db, capsys
) -> None:
    call_command("evaluate_model", "like-prediction", str(held_out_file))
    result = _last_json_line(capsys)
    # The original four keys keep their meaning; the ratio, coverage and cold-start protocol are added.
    assert {"accounts", "targets", "log_mse", "baseline_log_mse"} <= set(result)
    assert result["ratio_to_baseline"] == round(result["log_mse"] / result["baseline_log_mse"], 4)
    assert 0 < result["interval_coverage_80"] <= 1 and "targets" in result["cold_start"]
    expected_accounts = sum(1 for a in read_accounts(held_out_file) if len(a.posts) >= 4)
    assert result["accounts"] == expected_accounts and result["targets"] <= 3 * expected_accounts
    assert result["log_mse"] < 0.9 * result["baseline_log_mse"]


def test_evaluate_model_skips_accounts_with_fewer_than_four_posts(tmp_path, db, capsys) -> None:
    posts = [
        {
            "taken_at_timestamp": 1_550_000_000 + i * 86_400,
            "edge_liked_by": 100 + i,
            "edge_media_to_caption": f"post {i}",
            "__typename": "GraphImage",
        }
        for i in range(5)
    ]
    path = write_jsonl(
        tmp_path / "few.jsonl",
        [
            {"username": "short", "edge_followed_by": 1000, "posts": posts[:3]},
            {"username": "long", "edge_followed_by": 1000, "posts": posts},
        ],
    )
    call_command("evaluate_model", "like-prediction", str(path))
    result = _last_json_line(capsys)
    assert result["accounts"] == 1 and result["targets"] == 3


def test_evaluate_model_rejects_a_file_that_is_not_profiles(tmp_path, db) -> None:
    from django.core.management.base import CommandError

    path = tmp_path / "bad.jsonl"
    path.write_text("this is not json\n")
    with pytest.raises(CommandError, match="not an Instagram profile"):
        call_command("evaluate_model", "like-prediction", str(path))


def test_retraining_waits_for_enough_new_outcomes(db) -> None:
    from ml.likes import retrain_if_better

    result = retrain_if_better(min_new_posts=5)
    assert result["status"] == "skipped" and result["new_posts"] == 0


def test_retraining_activates_the_candidate_only_when_it_beats_the_active_version(
    tmp_path, settings, shipped_lines, monkeypatch, scored_profile
) -> None:
    from ml import likes
    from ml.models import ModelVersion

    settings.ML_ARTIFACTS_DIR = tmp_path / "artifacts"
    monkeypatch.setattr(likes, "TRAIN_SETTINGS", {"hidden": (8,), "ensemble": 1, "epochs": 3})
    ml_services._loaded.clear()
    data = tmp_path / "slice.jsonl"
    data.write_text("\n".join(shipped_lines[:40]) + "\n", encoding="utf-8")
    first = likes.train(stdout=io.StringIO(), seed=3, data=str(data))
    from profiles.models import Post

    Post.objects.filter(profile=scored_profile).update(fetched_at=first.created_at + timedelta(seconds=1))
    result = likes.retrain_if_better(min_new_posts=10, seed=4, data=str(data))
    assert result["status"] in {"activated", "kept"} and result["new_posts"] == 14
    active = ModelVersion.objects.get(task="like-prediction", is_active=True)
    if result["candidate_log_mse"] < result["previous_log_mse"]:
        assert result["status"] == "activated" and active.version == result["candidate"]
    else:
        assert result["status"] == "kept" and active.pk == first.pk
    assert ModelVersion.objects.filter(task="like-prediction").count() == 2
    ml_services._loaded.clear()
