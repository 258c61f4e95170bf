"""Grouped k-fold cross-validation of the like model, by account (no Django needed):

    HF_HUB_OFFLINE=1 python -m ml.engine.likes.crossval \\
        --data ml/datasets/ig-influencer-posts-2019/profiles_slim.jsonl --folds 5

Each fold trains on the other folds' accounts and scores its own accounts with the evaluation protocol of
`evaluate_model like-prediction` (last 3 posts of every account with ≥4 dated posts). Prints one JSON object.
"""
from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "datasets" / "ig-influencer-posts-2019" / "profiles_slim.jsonl"


def main() -> None:
    from tqdm import tqdm

    from .records import read_accounts
    from .training import CaptionEmbedder, TrainConfig, grouped_cross_validation

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=str(DEFAULT_DATA))
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--ensemble", type=int, default=TrainConfig.ensemble)
    parser.add_argument("--cache", default=str(Path(__file__).resolve().parents[3] / "var" / "cache"))
    args = parser.parse_args()
    accounts = list(read_accounts(args.data))
    embedder = CaptionEmbedder(args.cache, progress=True)
    config = TrainConfig(seed=args.seed, ensemble=args.ensemble)
    result = grouped_cross_validation(accounts, embedder, config, folds=args.folds,
                                      progress=lambda it: tqdm(it, desc="folds", unit="fold"))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
