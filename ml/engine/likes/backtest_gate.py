"""Experiment (not used by scoring): gate the like model per account by how it did on that account's own earlier
posts, a signal every account carries whatever its population.

    HF_HUB_OFFLINE=1 python -m ml.engine.likes.backtest_gate [--backtest 6] [--min-evidence 3]

For each evaluation target (the last 3 posts of every account with >= 4 dated posts), the network also predicts the
`--backtest` posts before it, each from the posts before *it* (no target's likes are used). If on those posts the
network's squared error (relative log-likes) exceeded the account's time-weighted baseline's, the target gets the
baseline; otherwise the network's prediction. With fewer than `--min-evidence` earlier predictions, the network's
prediction stands. Fast variant, as in README.md "Leave-one-dataset-out shrinkage": one network, no caption
embeddings. Reported as ratio to the baseline's log-MSE (likes rounded as displayed), both protocols:
held-out accounts (the artifact's split rule) and whole held-out datasets (trained on the other two). One JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
from typing import Any

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")


def target_rows(accounts: list[Any], model: Any, backtest: int) -> list[dict[str, Any]]:
    """Per evaluation target: network centre c, y = ln(1+likes) − baseline, baseline, actual, and the (c, y) of
    the `backtest` posts before it."""
    from .features import EMBEDDING_COMPONENTS, history_rows
    from .training import EVAL_MIN_POSTS, EVAL_TARGETS_PER_ACCOUNT, dated_posts

    out: list[dict[str, Any]] = []
    for account in accounts:
        posts = dated_posts(account)
        if len(posts) < EVAL_MIN_POSTS:
            continue
        first_target = len(posts) - EVAL_TARGETS_PER_ACCOUNT
        no_caption = np.zeros((len(posts), EMBEDDING_COMPONENTS))  # the fast variant embeds no caption
        kept, rows, baselines = history_rows(
            posts, account.followers, account.niche, no_caption, first_target - backtest
        )
        if not kept:
            continue
        centre = model.forward(rows, adjust=False)[:, 0]
        actual = np.array([posts[i].log_likes for i in kept])
        relative = actual - baselines
        for k, index in enumerate(kept):
            if index >= first_target:
                back = [(centre[m], relative[m]) for m, j in enumerate(kept) if index - backtest <= j < index]
                out.append({"c": centre[k], "b": baselines[k], "a": actual[k], "back": back})
    return out


def ratio(rows: list[dict[str, Any]], gated: bool, min_evidence: int) -> float:
    def weight(row: dict[str, Any]) -> float:
        back = row["back"]
        if not gated or len(back) < min_evidence:
            return 1.0
        network = sum((y - c) ** 2 for c, y in back)
        baseline = sum(y * y for _, y in back)
        return 0.0 if network > baseline else 1.0

    def shown(x: np.ndarray) -> np.ndarray:
        return np.log1p(np.maximum(np.round(np.expm1(x)), 0))

    predicted = shown(np.array([r["b"] + weight(r) * r["c"] for r in rows]))
    baseline = shown(np.array([r["b"] for r in rows]))
    actual = np.array([r["a"] for r in rows])
    return round(float(np.mean((predicted - actual) ** 2) / np.mean((baseline - actual) ** 2)), 4)


def main() -> None:
    from . import training
    from .records import training_accounts
    from .split import DEFAULT_SPLIT

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--backtest", type=int, default=6)
    parser.add_argument("--min-evidence", type=int, default=3)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    training.UNEMBEDDED_DATASETS = frozenset({"kim2020", "ig-influencer-posts-2019", "instafake"})
    accounts = training_accounts(None)
    names = sorted({a.dataset for a in accounts})
    config = training.TrainConfig(seed=args.seed, ensemble=1)
    embedder = training.CaptionEmbedder(None)
    protocols: dict[str, dict[str, list[dict[str, Any]]]] = {"held_out_accounts": {}, "held_out_dataset": {}}
    train, held = DEFAULT_SPLIT.partition(accounts)
    model, _ = training.fit(train, embedder, config)
    for name in names:
        protocols["held_out_accounts"][name] = target_rows([a for a in held if a.dataset == name], model, args.backtest)
    for name in names:
        model, _ = training.fit([a for a in accounts if a.dataset != name], embedder, config)
        protocols["held_out_dataset"][name] = target_rows(
            [a for a in accounts if a.dataset == name], model, args.backtest
        )
    report = {
        protocol: {
            name: {
                "targets": len(rows),
                "network": ratio(rows, False, args.min_evidence),
                "gated": ratio(rows, True, args.min_evidence),
            }
            for name, rows in by_set.items()
        }
        for protocol, by_set in protocols.items()
    }
    print(json.dumps({"backtest": args.backtest, "min_evidence": args.min_evidence, "seed": args.seed, **report}))


if __name__ == "__main__":
    main()
