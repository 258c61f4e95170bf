"""Repeated stratified k-fold cross-validation of the authenticity models, per evaluation set.

    python -m ml.engine.authenticity.crossval [--folds 5] [--repeats 3] [--seed 42] [--staged]

For each evaluation set, each fold trains the platform's model on the other folds plus the platform's other
training sets, then scores the unseen fold with the dense net alone, gradient boosting alone and their blend
(the comparison that decides PLATFORM_CONFIG.use_booster). Prints a table and one JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
from typing import Any

import numpy as np

FAMILIES = ("net", "booster", "blend", "net10", "net25", "net50", "net75")
EVALUATION_SETS = {"instafake": "instagram", "kaggle-insta": "instagram", "cresci-rtbust-2019": "x"}


def crossval(
    *,
    folds: int = 5,
    repeats: int = 3,
    seed: int = 42,
    sets: list[str] | None = None,
    extra: dict[str, tuple[str, ...]] | None = None,
    overrides: dict[str, Any] | None = None,
    staged: bool = False,
) -> dict[str, Any]:
    from dataclasses import replace

    from sklearn.model_selection import RepeatedStratifiedKFold
    from tqdm.auto import tqdm

    from ml.engine.authenticity.train import LOADERS, PLATFORM_CONFIG, fit

    results: dict[str, Any] = {}
    for name in sets or list(EVALUATION_SETS):
        platform = EVALUATION_SETS[name]
        data = LOADERS[name]()
        others = [n for n in (extra or {}).get(platform, PLATFORM_CONFIG[platform].datasets) if n != name]
        other_data = [LOADERS[n]() for n in others]
        splitter = RepeatedStratifiedKFold(n_splits=folds, n_repeats=repeats, random_state=seed)
        scores: dict[str, list[dict[str, float]]] = {family: [] for family in FAMILIES}
        splits = list(splitter.split(np.zeros(len(data)), data.labels))
        staged_folds: list[dict[str, float]] = []
        for train_index, test_index in tqdm(splits, desc=f"{name} folds", unit="fold"):
            train = data.subset(train_index)
            for other in other_data:
                train = train + other
            config = replace(PLATFORM_CONFIG[platform], **(overrides or {}))
            model, _ = fit(train, seed=seed, use_booster=True, config=config)
            test = data.subset(test_index)
            from ml.engine.authenticity.features import columns_from_records, keys_for
            from ml.engine.authenticity.metrics import binary_metrics

            matrix = model.features(columns_from_records(test.records, keys_for(platform)))
            net = model.net_probability(matrix)
            boost = model.booster_probability(matrix)
            scores["net"].append(binary_metrics(test.labels, net))
            scores["booster"].append(binary_metrics(test.labels, boost))
            scores["blend"].append(binary_metrics(test.labels, model.predict_proba_matrix(matrix)))
            for weight in (0.1, 0.25, 0.5, 0.75):  # other net shares, for choosing PlatformConfig.net_weight
                mixed = weight * net + (1 - weight) * boost
                scores[f"net{int(weight * 100)}"].append(binary_metrics(test.labels, mixed))
            if staged and platform == "instagram":
                staged_folds.append(_staged_fold(train, test, model, seed))
        results[name] = {
            "training": [name, *others],
            **{
                family: {
                    key: round(float(np.mean([s[key] for s in rows])), 4)
                    for key in ("accuracy", "precision", "recall", "f1", "roc_auc")
                }
                | {
                    "accuracy_std": round(float(np.std([s["accuracy"] for s in rows])), 4),
                    "f1_std": round(float(np.std([s["f1"] for s in rows])), 4),
                }
                for family, rows in scores.items()
            },
        }
        if staged_folds:
            results[name]["staged"] = {
                key: round(float(np.mean([f[key] for f in staged_folds])), 4)
                for key in ("full_accuracy", "staged_accuracy", "accuracy_drop", "fetched_share")
            } | {
                "accuracy_drop_std": round(float(np.std([f["accuracy_drop"] for f in staged_folds])), 4),
                "fetched_share_std": round(float(np.std([f["fetched_share"] for f in staged_folds])), 4),
            }
    return results


def _staged_fold(train: Any, test: Any, model: Any, seed: int) -> dict[str, float]:
    """A staged audit of the unseen fold, end to end: the list model and its bands fitted on the training part
    only (`staged.fit_list_model`), the shipped blend as the full model, as `evaluate_model --staged` scores it."""
    from ml.engine.authenticity.features import columns_from_records, keys_for
    from ml.engine.authenticity.staged import fit_list_model, list_matrix

    list_model = fit_list_model(train.records, train.labels, train.sources, seed=seed)
    full_p = model.predict_proba_matrix(model.features(columns_from_records(test.records, keys_for("instagram"))))
    predicted, fetched = list_model.staged_verdicts(list_matrix(test.records), full_p, model.threshold)
    full_accuracy = float(((full_p >= model.threshold) == test.labels).mean())
    staged_accuracy = float((predicted == test.labels).mean())
    return {
        "full_accuracy": full_accuracy,
        "staged_accuracy": staged_accuracy,
        "accuracy_drop": full_accuracy - staged_accuracy,
        "fetched_share": float(fetched.mean()),
    }


def main() -> None:
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--sets", nargs="*", choices=list(EVALUATION_SETS))
    parser.add_argument(
        "--staged",
        action="store_true",
        help="Instagram sets: also score each unseen fold as a staged audit (list model and bands fitted on the "
        "training part) and report accuracy drop and fetched share.",
    )
    parser.add_argument("--x-extra", nargs="*", default=None, help="Other X training sets (e.g. botornot).")
    parser.add_argument("--hidden", type=int, nargs="+", help="Override the net's hidden layer widths.")
    parser.add_argument("--dropout", type=float, help="Override the net's dropout rate.")
    parser.add_argument("--nets", type=int, help="Override how many seeded nets are averaged.")
    parser.add_argument("--family", choices=["boosting", "forest"], help="Override the second model family.")
    parser.add_argument("--booster", help="Override the booster's settings, as JSON (e.g. '{\"max_depth\": 3}').")
    parser.add_argument(
        "--tree-folds",
        type=int,
        help="Internal folds for the second family's out-of-fold "
        "calibration (0 = train it on the 80% split and calibrate on the 20%).",
    )
    args = parser.parse_args()
    extra = None
    if args.x_extra is not None:
        extra = {"x": tuple(args.x_extra), "instagram": ("instafake", "kaggle-insta")}
    overrides: dict[str, Any] = {}
    if args.hidden:
        overrides["hidden"] = tuple(args.hidden)
    if args.dropout is not None:
        overrides["dropout"] = args.dropout
    if args.nets:
        overrides["nets"] = args.nets
    if args.family:
        overrides["family"] = args.family
    if args.tree_folds is not None:
        overrides["tree_folds"] = args.tree_folds
    if args.booster:
        overrides["booster"] = tuple(sorted(json.loads(args.booster).items()))
    results = crossval(
        folds=args.folds,
        repeats=args.repeats,
        seed=args.seed,
        sets=args.sets,
        extra=extra,
        overrides=overrides,
        staged=args.staged,
    )
    print(f"{'set':<20}{'family':<9}{'accuracy':>10}{'precision':>10}{'recall':>8}{'f1':>8}{'roc_auc':>9}")
    for name, result in results.items():
        for family in FAMILIES:
            row = result[family]
            print(
                f"{name:<20}{family:<9}{row['accuracy']:>10.4f}{row['precision']:>10.4f}{row['recall']:>8.4f}"
                f"{row['f1']:>8.4f}{row['roc_auc']:>9.4f}"
            )
        if "staged" in result:
            print(f"{name:<20}staged   {json.dumps(result['staged'])}")
    print(json.dumps(results))


if __name__ == "__main__":
    main()
