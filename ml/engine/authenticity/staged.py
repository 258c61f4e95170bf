"""Staged Instagram follower audits: judge a follower from the follower-list fields alone, fetch only the unsure.

A follower list page carries, per follower, the username, full name, profile picture, private and verified flags
(no counts, no bio). `ListModel` classifies from those; a follower whose list probability of being inauthentic
lies inside the unsure band (low, high) is fetched in full and judged by the full model instead. The band is
chosen on out-of-fold predictions of the training accounts (`choose_band`) as the narrowest that keeps accuracy
on every training dataset within `max_drop` of the full model's.

    python -m ml.engine.authenticity.staged ARTIFACT_DIR   # train the list model into a shipped Instagram artifact
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from .features import columns_from_records, feature_names, instagram_matrix, keys_for
from .model import TreeEnsemble

# The record keys a follower list gives (the lengths and ratios stand in for the username / full name strings
# in the public sets that carry only those).
LIST_KEYS = (
    "username",
    "username_length",
    "username_digits",
    "username_digit_ratio",
    "full_name",
    "full_name_words",
    "full_name_digit_ratio",
    "name_equals_username",
    "is_private",
    "is_verified",
    "has_profile_pic",
)
LIST_FEATURES = (
    "has_profile_pic",
    "is_private",
    "is_verified",
    "username_length",
    "username_digits",
    "username_digit_ratio",
    "username_words",
    "username_pattern_letters",
    "username_pattern_digit_suffix",
    "username_pattern_separated",
    "username_pattern_digit_heavy",
    "full_name_length",
    "full_name_words",
    "full_name_digit_ratio",
    "full_name_non_ascii",
    "name_equals_username",
)
_COLUMNS = [feature_names("instagram").index(name) for name in LIST_FEATURES]
LIST_FILE = "list_model.npz"
LIST_META = "list_model.json"
MAX_ACCURACY_DROP = 0.01
BAND_MARGIN = 0.002  # chosen on validation data: keep a little below the allowed drop so it holds on new data
FOREST = {"n_estimators": 300, "min_samples_leaf": 3}


def list_matrix(records: Sequence[dict[str, Any]]) -> np.ndarray:
    """LIST_FEATURES of each record, computed from the list keys only (anything else is ignored)."""
    list_only = [{key: record.get(key) for key in LIST_KEYS} for record in records]
    return instagram_matrix(columns_from_records(list_only, keys_for("instagram")))[:, _COLUMNS]


@dataclass
class ListModel:
    forest: TreeEnsemble
    kept: np.ndarray  # LIST_FEATURES columns the training data carried
    low: float
    high: float
    meta: dict[str, Any] = field(default_factory=dict)

    def probability(self, matrix: np.ndarray) -> np.ndarray:
        return np.clip(self.forest.predict_raw(matrix[:, self.kept]), 0.0, 1.0)

    def unsure(self, probability: np.ndarray) -> np.ndarray:
        return (probability > self.low) & (probability < self.high)

    def save(self, folder: Path) -> None:
        arrays: dict[str, Any] = {"kept": self.kept, **self.forest.to_arrays("rf_")}
        np.savez_compressed(folder / LIST_FILE, **arrays)
        (folder / LIST_META).write_text(
            json.dumps(
                {**self.meta, "low": self.low, "high": self.high, "features": list(LIST_FEATURES)},
                indent=1,
                sort_keys=True,
            )
        )

    @classmethod
    def load(cls, folder: Path) -> ListModel | None:
        if not (folder / LIST_FILE).exists():
            return None
        meta = json.loads((folder / LIST_META).read_text())
        if meta.get("features") != list(LIST_FEATURES):
            raise ValueError(f"{folder}: the list model was trained on other features; retrain it.")
        with np.load(folder / LIST_FILE) as arrays:
            forest = TreeEnsemble.from_arrays(arrays, "rf_")
            kept = np.asarray(arrays["kept"])
        assert forest is not None
        return cls(forest=forest, kept=kept, low=float(meta["low"]), high=float(meta["high"]), meta=meta)


def _forest(matrix: np.ndarray, labels: np.ndarray, seed: int) -> Any:
    from sklearn.ensemble import RandomForestClassifier

    return RandomForestClassifier(**FOREST, random_state=seed, n_jobs=1).fit(matrix, labels)


def _full_proxy(matrix: np.ndarray, labels: np.ndarray, seed: int) -> Any:
    from sklearn.ensemble import HistGradientBoostingClassifier

    return HistGradientBoostingClassifier(max_iter=100, random_state=seed).fit(matrix, labels)


def out_of_fold(
    records: Sequence[dict[str, Any]], labels: np.ndarray, strata: np.ndarray, *, seed: int = 42, folds: int = 5
) -> tuple[np.ndarray, np.ndarray]:
    """Out-of-fold probabilities of the list forest and of a stand-in for the full model (gradient boosting on
    every Instagram feature: the tree half of the shipped blend), for choosing the band."""
    from sklearn.model_selection import StratifiedKFold

    listed = list_matrix(records)
    listed = listed[:, ~np.isnan(listed).all(axis=0)]
    full = instagram_matrix(columns_from_records(records, keys_for("instagram")))
    full = full[:, ~np.isnan(full).all(axis=0)]
    list_p, full_p = np.zeros(len(labels)), np.zeros(len(labels))
    for train, test in StratifiedKFold(folds, shuffle=True, random_state=seed).split(listed, strata):
        list_p[test] = _forest(listed[train], labels[train], seed).predict_proba(listed[test])[:, 1]
        full_p[test] = _full_proxy(full[train], labels[train], seed).predict_proba(full[test])[:, 1]
    return list_p, full_p


def staged_predictions(
    list_p: np.ndarray, full_p: np.ndarray, low: float, high: float, threshold: float = 0.5
) -> tuple[np.ndarray, np.ndarray]:
    """(predicted label, fetched mask): the full model's verdict inside the band, the list model's outside."""
    fetched = (list_p > low) & (list_p < high)
    return np.where(fetched, full_p >= threshold, list_p >= threshold).astype(int), fetched


def choose_band(
    list_p: np.ndarray,
    full_p: np.ndarray,
    labels: np.ndarray,
    groups: np.ndarray,
    *,
    max_drop: float = MAX_ACCURACY_DROP - BAND_MARGIN,
) -> dict[str, Any]:
    """The (low, high) with the smallest fetched share whose staged accuracy on every group (dataset) is within
    `max_drop` of the full model's; the whole band (fetch everyone) if none is."""
    grid = np.round(np.linspace(0.0, 1.0, 51), 2)
    names = sorted(set(groups.tolist()))
    full_accuracy = {g: float(((full_p[groups == g] >= 0.5) == labels[groups == g]).mean()) for g in names}
    best: dict[str, Any] = {"low": 0.0, "high": 1.0, "fetched_share": 1.0}
    for low in grid:
        for high in grid[grid > low]:
            predicted, fetched = staged_predictions(list_p, full_p, float(low), float(high))
            share = float(fetched.mean())
            if share >= best["fetched_share"]:
                continue
            if all(
                float((predicted[groups == g] == labels[groups == g]).mean()) >= full_accuracy[g] - max_drop
                for g in names
            ):
                best = {"low": float(low), "high": float(high), "fetched_share": share}
    predicted, fetched = staged_predictions(list_p, full_p, best["low"], best["high"])
    best["validation"] = {
        g: {
            "full_accuracy": round(full_accuracy[g], 4),
            "staged_accuracy": round(float((predicted[groups == g] == labels[groups == g]).mean()), 4),
            "fetched_share": round(float(fetched[groups == g].mean()), 4),
            "list_accuracy": round(float(((list_p[groups == g] >= 0.5) == labels[groups == g]).mean()), 4),
        }
        for g in names
    }
    return best


def fit_list_model(
    records: Sequence[dict[str, Any]], labels: np.ndarray, groups: Sequence[str], *, seed: int = 42
) -> ListModel:
    groups_array = np.array(groups)
    strata = labels * 10 + np.unique(groups_array, return_inverse=True)[1]
    list_p, full_p = out_of_fold(records, labels, strata, seed=seed)
    band = choose_band(list_p, full_p, labels, groups_array)
    listed = list_matrix(records)
    kept = np.flatnonzero(~np.isnan(listed).all(axis=0))
    forest = _forest(listed[:, kept], labels, seed)
    meta = {
        "seed": seed,
        "forest": FOREST,
        "fetched_share_validation": round(band["fetched_share"], 4),
        "validation": band["validation"],
        "band_rule": f"narrowest band keeping out-of-fold staged accuracy on each dataset within "
        f"{MAX_ACCURACY_DROP - BAND_MARGIN:.3f} of the full model's (gradient boosting stand-in)",
    }
    return ListModel(
        forest=TreeEnsemble.from_sklearn_forest(forest), kept=kept, low=band["low"], high=band["high"], meta=meta
    )


def main() -> None:
    import argparse

    from .train import load_training_data

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("artifact", type=Path, help="an account-authenticity-instagram-* artifact folder")
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    data = load_training_data("instagram")
    model = fit_list_model(data.records, data.labels, data.sources, seed=args.seed)
    model.save(args.artifact)
    meta_path = args.artifact / "meta.json"
    if meta_path.exists():  # the registry reads the version's metrics from here
        meta = json.loads(meta_path.read_text())
        meta.setdefault("metrics", {})["staged"] = {"band": [model.low, model.high], **model.meta}
        meta_path.write_text(json.dumps(meta, indent=1, sort_keys=True))
    print(json.dumps({"low": model.low, "high": model.high, **model.meta}))


if __name__ == "__main__":
    main()
