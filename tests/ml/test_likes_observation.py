"""How long after posting a post's likes were read: a post read hours after it went up shows a fraction of its
final likes. The model learns that from the 2019 scrape (one read of 1,508 accounts), and predicts final likes
for a draft."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from io import StringIO
from pathlib import Path

import numpy as np
import pytest
from django.core.management import call_command

from ml.engine.likes.features import INDEX, MATURE_DAYS, AccountContext, post_feature_row
from ml.engine.likes.records import AccountRecord, PostRecord, infer_scrape_time, read_any

DATASETS = Path(__file__).resolve().parents[2] / "ml" / "datasets"
SCRAPE_2019 = DATASETS / "ig-influencer-posts-2019" / "profiles_slim.jsonl"
T0 = datetime(2024, 3, 1, tzinfo=UTC)


def _account(handle: str, newest_days_before: float, observed_at: datetime | None = None) -> AccountRecord:
    posts = [
        PostRecord(taken_at=T0 - timedelta(days=newest_days_before + 3 * i), likes=100, observed_at=observed_at)
        for i in range(5, -1, -1)
    ]
    return AccountRecord(handle=handle, followers=1000, posts=posts)


def test_a_file_read_in_one_scrape_is_dated_by_its_newest_post():
    one_scrape = [_account(f"a{i}", i * 0.5) for i in range(10)]  # every account posted in the last 5 days
    assert infer_scrape_time(one_scrape) == T0
    gathered = [_account(f"b{i}", i * 40.0) for i in range(10)]  # newest posts months apart
    assert infer_scrape_time(gathered) is None
    assert infer_scrape_time([]) is None


def test_the_2019_scrape_is_recognised_and_the_collections_are_not():
    scraped = read_any(SCRAPE_2019, "web-profile")
    when = max(a.posts[-1].taken_at for a in scraped if a.posts)
    assert all(p.observed_at == when for a in scraped for p in a.posts)
    instafake = read_any(DATASETS / "instafake" / "nonautomatedAccountData.json", "instafake")
    assert all(p.observed_at is None for a in instafake for p in a.posts)


def test_an_explicit_observation_time_wins(tmp_path):
    line = SCRAPE_2019.read_text(encoding="utf-8").split("\n")[0]
    (tmp_path / "one.jsonl").write_text(line + "\n", encoding="utf-8")
    when = datetime(2019, 5, 1, tzinfo=UTC)
    (account,) = read_any(tmp_path / "one.jsonl", "web-profile", observed_at=when)
    assert {p.observed_at for p in account.posts} == {when}


def test_the_feature_is_the_posts_age_when_read_and_mature_for_a_draft():
    context = AccountContext.from_history(_account("c", 3).posts, 1000)
    draft = PostRecord(taken_at=T0, caption="hi")
    fresh = PostRecord(taken_at=T0, caption="hi", observed_at=T0 + timedelta(hours=3))
    old = PostRecord(taken_at=T0, caption="hi", observed_at=T0 + timedelta(days=400))
    values = [post_feature_row(context, p, np.zeros(16))[INDEX["obs_log_days"]] for p in (draft, fresh, old)]
    assert values[0] == values[2] == pytest.approx(np.log1p(MATURE_DAYS))
    assert values[1] == pytest.approx(np.log1p(3 / 24))


def test_the_shipped_model_expects_fewer_likes_on_a_post_read_hours_after_it_went_up(db):
    from ml.likes import _active_model
    from ml.services import register_shipped_artifacts

    register_shipped_artifacts()
    model, _ = _active_model()
    scraped = [a for a in read_any(SCRAPE_2019, "web-profile") if len(a.posts) >= 8][:40]
    gaps = []
    for account in scraped:
        history, target = account.posts[:-1], account.posts[-1]
        context = AccountContext.from_history(history, account.followers)
        rows = [
            post_feature_row(context, PostRecord(taken_at=target.taken_at, observed_at=seen), np.zeros(16))
            for seen in (target.taken_at + timedelta(hours=2), None)
        ]
        centre = model.forward(np.array(rows))[:, 0]
        gaps.append(centre[1] - centre[0])
    # Read 2 hours after posting: clearly fewer likes than the final count (the scrape's newest posts under 6 h
    # were about 1 log below the account's baseline).
    assert np.median(gaps) > 0.3


@pytest.mark.slow
def test_evaluate_model_takes_the_observation_time_and_refuses_a_bad_one(tmp_path, db):
    from ml.services import register_shipped_artifacts

    register_shipped_artifacts()
    lines = [line for line in SCRAPE_2019.read_text(encoding="utf-8").split("\n") if line][:30]
    (tmp_path / "part.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")

    def run(*extra: str) -> dict:
        out = StringIO()
        call_command("evaluate_model", "like-prediction", str(tmp_path / "part.jsonl"), *extra, stdout=out)
        return json.loads(out.getvalue().strip().splitlines()[-1])

    inferred, final = run(), run("--observed-at", "2030-01-01")
    assert inferred["targets"] == final["targets"] > 0
    assert inferred["baseline_log_mse"] == final["baseline_log_mse"]  # the baseline does not read the age
    assert inferred["log_mse"] < final["log_mse"]  # knowing the newest posts were hours old helps
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="not an ISO date"):
        run("--observed-at", "last tuesday")
