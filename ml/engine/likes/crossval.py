"""Cross-validation of the like model over its three populations (no Django needed):

    HF_HUB_OFFLINE=1 python -m ml.engine.likes.crossval --mode accounts --folds 5
    HF_HUB_OFFLINE=1 python -m ml.engine.likes.crossval --mode datasets

`accounts`: k-fold by account over all datasets at once; each fold trains on the other folds and scores its own
accounts, reported per dataset. `datasets`: each dataset in turn is held out whole, the model trains on the
others. Both report the evaluation protocol of `evaluate_model like-prediction` ("history": the last 3 posts of
every account with ≥4 dated posts) and the cold-start protocol ("cold_start": accounts with 1–3 posts, the last
predicted from the 0–2 before it). Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")


def main() -> None:
    from tqdm import tqdm

    from .records import TRAINING_SETS, training_accounts
    from .training import (
        CaptionEmbedder,
        TrainConfig,
        embedded_captions,
        grouped_cross_validation,
        leave_one_dataset_out,
    )

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mode", choices=("accounts", "datasets", "prime"), default="accounts")
    parser.add_argument("--sets", nargs="*", choices=sorted(TRAINING_SETS), default=None)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--ensemble", type=int, default=TrainConfig.ensemble)
    parser.add_argument("--cache", default=str(Path(__file__).resolve().parents[3] / "var" / "cache"))
    args = parser.parse_args()
    accounts = training_accounts(args.sets)
    embedder = CaptionEmbedder(args.cache, progress=True)
    # One embedding pass (and one cache file) for every caption, shared by all folds.
    embedder.prime(c for a in accounts for c in embedded_captions(a, a.posts))
    config = TrainConfig(seed=args.seed, ensemble=args.ensemble)
    bar = {"progress": lambda it: tqdm(it, desc=args.mode, unit="fold")}
    if args.mode == "accounts":
        result = grouped_cross_validation(accounts, embedder, config, folds=args.folds, **bar)
    elif args.mode == "datasets":
        result = leave_one_dataset_out(accounts, embedder, config, **bar)
    else:
        result = {"captions": len(embedder.vectors)}
    print(json.dumps({"mode": args.mode, "ensemble": args.ensemble, "seed": args.seed, **result}))


if __name__ == "__main__":
    main()
