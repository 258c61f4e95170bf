"""Like prediction beyond the 2019 celebrity set: the other populations' readers, the displayed like count,
cold start, and shrinking toward the account's baseline when an account is unlike the training accounts."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from io import StringIO
from pathlib import Path

import numpy as np
import pytest
from django.core.management import call_command

from ml.engine.likes.features import INDEX, AccountContext, ImageInputs, feature_row
from ml.engine.likes.model import FAMILIARITY_FEATURES, Familiarity, LikeModel
from ml.engine.likes.records import (
    PostRecord,
    displayed_likes,
    post_from_json,
    read_instafake_genuine,
    read_post_nodes,
)
from ml.engine.likes.scoring import caveats

DATASETS = Path(__file__).resolve().parents[2] / "ml" / "datasets"
KIM = DATASETS / "ig-influencer-categories-kim2020"


def test_the_displayed_like_count_wins_over_the_liked_by_edge():
    # A real post of the 2019 set where the two differ (the preview count is what Instagram shows).
    line = next(
        line
        for line in (DATASETS / "ig-influencer-posts-2019" / "profiles_slim.jsonl")
        .read_text(encoding="utf-8")
        .split("\n")
        if '"edge_liked_by": 34518, "edge_media_preview_like": 35995' in line
    )
    raw = next(p for p in json.loads(line)["posts"] if p["edge_liked_by"] == 34518)
    assert post_from_json(raw).likes == 35995
    assert displayed_likes({"edge_liked_by": 10}) == 10  # only the liked-by edge: used
    assert displayed_likes({"edge_liked_by": {"count": 3}, "edge_media_preview_like": None}) == 3
    assert displayed_likes({"edge_media_preview_like": {"count": 7}, "edge_liked_by": None}) == 7


def test_kim2020_posts_are_grouped_by_owner_with_followers_from_the_influencer_table(tmp_path):
    lines = [line for line in (KIM / "posts.jsonl").read_text(encoding="utf-8").split("\n") if line][:40]
    (tmp_path / "posts.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    owners = {json.loads(line)["owner"] for line in lines}
    table = [
        row
        for row in (KIM / "influencers.tsv").read_text(encoding="utf-8").split("\n")[1:]
        if row.split("\t")[0] in owners
    ]
    (tmp_path / "influencers.tsv").write_text(
        "username\tcategory\tfollowers\tfollowees\tposts\n" + "\n".join(table) + "\n", encoding="utf-8"
    )
    accounts = read_post_nodes(tmp_path)
    assert {a.handle for a in accounts} == owners and sum(len(a.posts) for a in accounts) == 40
    known = {row.split("\t")[0]: int(row.split("\t")[2]) for row in table}
    for account in accounts:
        assert account.followers == known.get(account.handle) and account.dataset == "kim2020"
        assert [p.taken_at for p in account.posts] == sorted(p.taken_at for p in account.posts)
        assert all(p.likes is not None for p in account.posts)  # edge_media_preview_like (liked_by is null)


def test_a_post_file_without_owners_is_refused(tmp_path):
    path = tmp_path / "posts.jsonl"
    path.write_text('{"id": "1", "taken_at_timestamp": 1500000000}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="owner"):
        read_post_nodes(path)


def test_instafake_genuine_accounts_carry_their_per_post_likes_in_time_order():
    accounts = read_instafake_genuine(DATASETS / "instafake" / "nonautomatedAccountData.json")
    rows = json.loads((DATASETS / "instafake" / "nonautomatedAccountData.json").read_text())
    assert len(accounts) == len(rows) == 700
    first = accounts[0]
    assert first.followers == rows[0]["userFollowerCount"] and len(first.posts) == len(rows[0]["mediaLikeNumbers"])
    assert sorted(p.likes for p in first.posts) == sorted(rows[0]["mediaLikeNumbers"])
    # Handles (for the held-out split) are a stable function of the account, the same on every read.
    again = read_instafake_genuine(DATASETS / "instafake" / "nonautomatedAccountData.json")
    assert [a.handle for a in accounts] == [a.handle for a in again] and len({a.handle for a in accounts}) > 650


def _post(days: int, likes: int | None = None) -> PostRecord:
    return PostRecord(taken_at=datetime(2024, 1, 1, tzinfo=UTC) + timedelta(days=days), likes=likes, comments=1)


def test_cold_start_baseline_comes_from_followers_and_the_prior_like_rate():
    context = AccountContext.from_history([], 12_000, prior_like_rate=-3.5)
    assert context.baseline == pytest.approx(np.log1p(12_000) - 3.5)
    assert context.values["acc_like_rate"] == pytest.approx(-3.5) and context.values["acc_n_history"] == 0
    assert context.likes_median == pytest.approx(np.expm1(context.baseline))
    with_history = AccountContext.from_history([_post(0, 400), _post(2, 500)], 12_000, prior_like_rate=-3.5)
    assert with_history.baseline != context.baseline  # earlier posts, not the prior, make the baseline


def _row(followers: int) -> np.ndarray:
    context = AccountContext.from_history([_post(i, 300 + i) for i in range(6)], followers)
    return feature_row(
        context,
        caption="hello",
        media_type="image",
        planned_at=_post(8).taken_at,
        image=ImageInputs(),
        caption_embedding=np.zeros(16),
    )


def _model(familiarity: Familiarity | None) -> LikeModel:
    n = len(INDEX)
    rng = np.random.default_rng(0)
    layers = [(rng.normal(size=(n, 4)) * 0.1, np.zeros(4)), (rng.normal(size=(4, 3)), np.array([0.4, 0.0, 0.0]))]
    return LikeModel(
        feature_mean=np.zeros(n),
        feature_scale=np.ones(n),
        pca_mean=np.zeros(384),
        pca_components=np.zeros((16, 384)),
        members=[layers],
        familiarity=familiarity,
    )


def test_an_account_outside_the_training_range_is_shrunk_toward_its_baseline_with_a_wider_interval():
    followers = FAMILIARITY_FEATURES.index("acc_log_followers")
    low = [0.0] * len(FAMILIARITY_FEATURES)
    high = [100.0] * len(FAMILIARITY_FEATURES)
    low[FAMILIARITY_FEATURES.index("acc_like_rate")] = -100.0
    low[followers], high[followers] = np.log1p(1_000), np.log1p(1_000_000)
    familiarity = Familiarity(
        low=low,
        high=high,
        edges=[0.25, 0.5, 1.0],
        shrink=[1.0, 0.6, 0.3, 0.2, 0.1],
        widen_low=[1.0, 1.2, 1.5, 2.0, 2.5],
        widen_high=[1.0, 1.2, 1.5, 2.0, 2.5],
    )
    rows = np.stack([_row(50_000), _row(200_000_000)])
    u, which = familiarity.unfamiliarity(rows)
    assert u[0] == 0 and u[1] > 0 and FAMILIARITY_FEATURES[which[1]] == "acc_log_followers"
    raw = _model(None).forward(rows)
    adjusted = _model(familiarity).forward(rows)
    np.testing.assert_allclose(adjusted[0], raw[0])  # familiar: untouched
    factor = familiarity.shrink[int(familiarity.bin_of(u)[1])]
    assert adjusted[1, 0] == pytest.approx(raw[1, 0] * factor) and factor < 1
    assert adjusted[1, 2] - adjusted[1, 1] > raw[1, 2] - raw[1, 1]  # wider

    notes = caveats(
        _model(familiarity), AccountContext.from_history([_post(i, 300) for i in range(6)], 200_000_000), rows[1]
    )
    assert [n["feature"] for n in notes] == ["unfamiliar_account"] and "follower count" in notes[0]["text"]


def test_a_short_history_is_said_first():
    context = AccountContext.from_history([_post(0, 120)], 3_000, prior_like_rate=-3.0)
    row = feature_row(
        context,
        caption="",
        media_type="image",
        planned_at=_post(3).taken_at,
        image=ImageInputs(),
        caption_embedding=np.zeros(16),
    )
    notes = caveats(_model(None), context, row)
    assert notes[0]["feature"] == "short_history" and "only 1 earlier post" in notes[0]["text"]


def test_evaluate_model_reads_kim2020_posts_and_reports_cold_start(tmp_path, db):
    from ml.services import register_shipped_artifacts

    register_shipped_artifacts()
    lines = [line for line in (KIM / "posts.jsonl").read_text(encoding="utf-8").split("\n") if line][:400]
    (tmp_path / "posts.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "influencers.tsv").write_text((KIM / "influencers.tsv").read_text(encoding="utf-8"), encoding="utf-8")
    out = StringIO()
    call_command(
        "evaluate_model", "like-prediction", "--format", "post-nodes", str(tmp_path / "posts.jsonl"), stdout=out
    )
    result = json.loads(out.getvalue().strip().splitlines()[-1])
    assert {"accounts", "targets", "log_mse", "baseline_log_mse", "cold_start"} <= set(result)
    assert result["cold_start"]["targets"] > 0 and result["cold_start"]["log_mse"] > 0
