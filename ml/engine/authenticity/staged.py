"""Staged Instagram follower audits: judge a follower from the follower-list fields alone, fetch only the unsure.

A follower list page carries, per follower, the username, full name, profile picture, private and verified flags
(no counts, no bio). `ListModel` classifies from those; a follower whose list probability of being inauthentic
lies inside the unsure band (low, high) is fetched in full and judged by the full model instead.

One forest and one band per stratum of list fields (`STRATA`: with or without the full name; a live follower list
always gives the name, InstaFake does not). Each forest reads only the fields its stratum's training rows carry.

Each band is chosen on out-of-fold predictions of that stratum's training accounts (`choose_band`):
both models' probabilities are calibrated (isotonic), and the band is the set where the calibrated chance that the
list verdict is wrong exceeds a level `tau`, with the largest `tau` (fewest fetched) whose expected accuracy drop
on every training dataset of the stratum is within `max_drop`. One smooth parameter per stratum instead of a free
(low, high) pair scored by 0/1 counts: the free pair fitted the noise of ~100-row folds (README "Staged follower
audits").

    python -m ml.engine.authenticity.staged ARTIFACT_DIR   # train the list model into a shipped Instagram artifact
    python -m ml.engine.authenticity.staged --check        # how the band rule holds on accounts it was not chosen on
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
# Chosen on validation data (band chosen on 4/5 of the out-of-fold rows, scored on the other 1/5, 3 seeds x 5
# repeats; `--check`, README): a band whose expected drop is 0 on the rows it was chosen on drops about 0.006 on
# new rows, so the whole allowed point is kept as margin.
BAND_MARGIN = 0.01
FOREST = {"n_estimators": 300, "min_samples_leaf": 3}
# Strata of list fields: a follower entry with a full name (live lists, Kaggle) or without one (InstaFake).
STRATA = ("with_name", "without_name")
_NAME_COLUMN = LIST_FEATURES.index("full_name_words")
MIN_STRATUM_ACCOUNTS = 50  # fewer labelled followers of a kind: no list model for them, each one is fetched


def list_matrix(records: Sequence[dict[str, Any]]) -> np.ndarray:
    """LIST_FEATURES of each record, computed from the list keys only (anything else is ignored)."""
    list_only = [{key: record.get(key) for key in LIST_KEYS} for record in records]
    return instagram_matrix(columns_from_records(list_only, keys_for("instagram")))[:, _COLUMNS]


def strata_of(matrix: np.ndarray) -> np.ndarray:
    """Index into STRATA per row of a `list_matrix`."""
    return np.isnan(matrix[:, _NAME_COLUMN]).astype(int)


@dataclass
class StratumModel:
    """The list forest and unsure band of one stratum of list fields."""

    forest: TreeEnsemble | None  # None: too few training followers of this kind; every one is fetched
    kept: np.ndarray  # LIST_FEATURES columns this stratum's training rows carried (the forest reads only these)
    band: tuple[float, float]  # (low, high) of the unsure band


@dataclass
class ListModel:
    """One forest and band per stratum (`STRATA`). Each forest reads only the fields its stratum's training rows
    carried, so a live follower (every field) is judged on the same fields as the Kaggle accounts it resembles,
    not routed by InstaFake-only splits on the fields Kaggle lacks."""

    strata: dict[str, StratumModel]
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def bands(self) -> dict[str, tuple[float, float]]:
        return {name: model.band for name, model in self.strata.items()}

    def probability(self, matrix: np.ndarray) -> np.ndarray:
        out = np.zeros(len(matrix))
        row_strata = strata_of(matrix)
        for index, name in enumerate(STRATA):
            rows = row_strata == index
            model = self.strata[name]
            if rows.any():
                out[rows] = 0.5 if model.forest is None else model.forest.predict_raw(matrix[rows][:, model.kept])
        return np.clip(out, 0.0, 1.0)

    def band_arrays(self, matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(low, high) of each row's band, by the list fields the row carries."""
        low = np.array([self.strata[name].band[0] for name in STRATA])
        high = np.array([self.strata[name].band[1] for name in STRATA])
        row_strata = strata_of(matrix)
        return low[row_strata], high[row_strata]

    def unsure(self, matrix: np.ndarray, probability: np.ndarray | None = None) -> np.ndarray:
        probability = self.probability(matrix) if probability is None else probability
        low, high = self.band_arrays(matrix)
        return (probability > low) & (probability < high)

    def staged_verdicts(
        self, matrix: np.ndarray, full_p: np.ndarray, threshold: float = 0.5, probability: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """(predicted label, fetched mask) of a staged audit of these rows: the full model's verdict (`full_p`)
        inside each row's band, the list model's outside it."""
        probability = self.probability(matrix) if probability is None else probability
        low, high = self.band_arrays(matrix)
        return staged_predictions(probability, full_p, low, high, threshold)

    def metrics(self) -> dict[str, Any]:
        """What the model registry shows for the version (meta.json "staged")."""
        return {**self.meta, "bands": {name: list(band) for name, band in self.bands.items()}}

    def save(self, folder: Path) -> None:
        arrays: dict[str, Any] = {}
        for name, model in self.strata.items():
            arrays[f"{name}_kept"] = model.kept
            if model.forest is not None:
                arrays.update(model.forest.to_arrays(f"{name}_rf_"))
        np.savez_compressed(folder / LIST_FILE, **arrays)
        (folder / LIST_META).write_text(
            json.dumps({**self.metrics(), "features": list(LIST_FEATURES)}, indent=1, sort_keys=True)
        )

    @classmethod
    def load(cls, folder: Path) -> ListModel | None:
        if not (folder / LIST_FILE).exists():
            return None
        meta = json.loads((folder / LIST_META).read_text())
        if meta.get("features") != list(LIST_FEATURES) or sorted(meta.get("bands", {})) != sorted(STRATA):
            raise ValueError(f"{folder}: the list model was trained on other features or strata; retrain it.")
        strata = {}
        with np.load(folder / LIST_FILE) as arrays:
            if f"{STRATA[0]}_kept" not in arrays.files:
                raise ValueError(f"{folder}: the list model has no forest per stratum; retrain it.")
            for name in STRATA:
                forest = TreeEnsemble.from_arrays(arrays, f"{name}_rf_")
                low, high = meta["bands"][name]
                strata[name] = StratumModel(forest, np.asarray(arrays[f"{name}_kept"]), (float(low), float(high)))
        return cls(strata=strata, meta=meta)


def _forest(matrix: np.ndarray, labels: np.ndarray, seed: int) -> Any:
    from sklearn.ensemble import RandomForestClassifier

    return RandomForestClassifier(**FOREST, random_state=seed, n_jobs=1).fit(matrix, labels)


def _full_proxy(matrix: np.ndarray, labels: np.ndarray, seed: int) -> Any:
    from sklearn.ensemble import HistGradientBoostingClassifier

    return HistGradientBoostingClassifier(max_iter=100, random_state=seed).fit(matrix, labels)


def _fold_strata(labels: np.ndarray, groups: np.ndarray) -> np.ndarray:
    """Label x dataset, so every fold holds each dataset's fakes and real accounts in proportion."""
    return labels * 10 + np.unique(groups, return_inverse=True)[1]


def _carried(matrix: np.ndarray) -> np.ndarray:
    """Columns at least one row carries."""
    return np.flatnonzero(~np.isnan(matrix).all(axis=0))


def out_of_fold(
    records: Sequence[dict[str, Any]], labels: np.ndarray, strata: np.ndarray, *, seed: int = 42, folds: int = 5
) -> tuple[np.ndarray, np.ndarray]:
    """Out-of-fold probabilities of the list forests (one per stratum of list fields, as `fit_list_model` fits
    them) and of a stand-in for the full model (gradient boosting on every Instagram feature: the tree half of
    the shipped blend), for choosing the bands."""
    from sklearn.model_selection import StratifiedKFold

    listed = list_matrix(records)
    row_strata = strata_of(listed)
    full = instagram_matrix(columns_from_records(records, keys_for("instagram")))
    full = full[:, _carried(full)]
    list_p, full_p = np.zeros(len(labels)), np.zeros(len(labels))
    for train, test in StratifiedKFold(folds, shuffle=True, random_state=seed).split(listed, strata):
        full_p[test] = _full_proxy(full[train], labels[train], seed).predict_proba(full[test])[:, 1]
        for index in range(len(STRATA)):
            fit_rows, score_rows = train[row_strata[train] == index], test[row_strata[test] == index]
            if not len(score_rows):
                continue
            if len(set(labels[fit_rows].tolist())) < 2:  # nothing to learn from: unsure
                list_p[score_rows] = 0.5
                continue
            kept = _carried(listed[fit_rows])
            forest = _forest(listed[fit_rows][:, kept], labels[fit_rows], seed)
            list_p[score_rows] = forest.predict_proba(listed[score_rows][:, kept])[:, 1]
    return list_p, full_p


def staged_predictions(
    list_p: np.ndarray, full_p: np.ndarray, low: np.ndarray | float, high: np.ndarray | float, threshold: float = 0.5
) -> tuple[np.ndarray, np.ndarray]:
    """(predicted label, fetched mask): the full model's verdict inside the band, the list model's outside."""
    fetched = (list_p > low) & (list_p < high)
    return np.where(fetched, full_p >= threshold, list_p >= threshold).astype(int), fetched


def _calibrated_risk(probability: np.ndarray, labels: np.ndarray) -> Any:
    """A function p -> calibrated chance that the verdict `p >= 0.5` is wrong (isotonic fit on these rows)."""
    from sklearn.isotonic import IsotonicRegression

    calibration = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip").fit(probability, labels)

    def risk(p: np.ndarray) -> np.ndarray:
        q = calibration.predict(p)
        return np.minimum(q, 1.0 - q)

    return risk


def choose_band(
    list_p: np.ndarray,
    full_p: np.ndarray,
    labels: np.ndarray,
    groups: np.ndarray,
    *,
    max_drop: float = MAX_ACCURACY_DROP - BAND_MARGIN,
) -> dict[str, Any]:
    """The band where the list verdict's calibrated risk of being wrong exceeds `tau`, with the largest `tau`
    (fewest fetched) whose expected accuracy drop on every group (dataset) is within `max_drop`: the drop is
    estimated from calibrated risks (list risk minus full-model risk over the followers judged from the list),
    not from 0/1 counts, so one account more or less in a fold does not move the band. Calibration is monotone,
    so the band is one interval of the raw list probability (read off a 0.001 grid)."""
    list_risk, full_risk = _calibrated_risk(list_p, labels), _calibrated_risk(full_p, labels)
    row_risk = list_risk(list_p)
    excess = row_risk - full_risk(full_p)
    grid = np.linspace(0.0, 1.0, 1001)
    grid_risk = list_risk(grid)
    names = sorted(set(groups.tolist()))
    best: dict[str, Any] = {"low": -1.0, "high": 2.0, "tau": 0.0}
    for tau in np.linspace(0.5, 0.0, 101):
        judged = row_risk <= tau
        if all(float(np.mean(np.where(judged, excess, 0.0)[groups == g])) <= max_drop for g in names):
            inside = np.flatnonzero(grid_risk > tau)
            low, high = (grid[inside[0]] - 0.0005, grid[inside[-1]] + 0.0005) if len(inside) else (0.5, 0.5)
            best = {"low": round(float(low), 4), "high": round(float(high), 4), "tau": round(float(tau), 3)}
            break
    predicted, fetched = staged_predictions(list_p, full_p, best["low"], best["high"])
    full_accuracy = {g: float(((full_p[groups == g] >= 0.5) == labels[groups == g]).mean()) for g in names}
    best["fetched_share"] = float(fetched.mean())
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
    strata = _fold_strata(labels, groups_array)
    list_p, full_p = out_of_fold(records, labels, strata, seed=seed)
    listed = list_matrix(records)
    row_strata = strata_of(listed)
    models: dict[str, StratumModel] = {}
    by_stratum: dict[str, dict[str, Any]] = {}
    for index, name in enumerate(STRATA):
        rows = row_strata == index
        if rows.sum() < MIN_STRATUM_ACCOUNTS or len(set(labels[rows].tolist())) < 2:
            # Nothing to learn this kind of follower from: each one is fetched and judged by the full model.
            models[name] = StratumModel(None, np.array([], dtype=int), (-1.0, 2.0))
            by_stratum[name] = {"tau": 0.0, "fetched_share": 1.0, "accounts": int(rows.sum())}
            continue
        band = choose_band(list_p[rows], full_p[rows], labels[rows], groups_array[rows])
        kept = _carried(listed[rows])
        forest = _forest(listed[rows][:, kept], labels[rows], seed)
        models[name] = StratumModel(TreeEnsemble.from_sklearn_forest(forest), kept, (band["low"], band["high"]))
        by_stratum[name] = {
            "tau": band["tau"],
            "fetched_share": round(band["fetched_share"], 4),
            "features": [LIST_FEATURES[i] for i in kept],
            "validation": band["validation"],
        }
    meta = {
        "seed": seed,
        "forest": FOREST,
        # A live follower list gives every follower's full name: the with-name stratum is what an audit costs.
        "fetched_share_validation": by_stratum["with_name"]["fetched_share"],
        "strata": by_stratum,
        "band_rule": "per stratum of list fields, the band of equal calibrated list-error risk at both edges with "
        "the fewest fetched whose expected accuracy drop on each dataset (out-of-fold, calibrated list risk minus "
        f"full-model risk over the followers judged from the list) is at most {MAX_ACCURACY_DROP - BAND_MARGIN:.3f} "
        "(full model stood in by gradient boosting)",
    }
    return ListModel(strata=models, meta=meta)


def held_out_check(
    records: Sequence[dict[str, Any]],
    labels: np.ndarray,
    groups: Sequence[str],
    *,
    seeds: Sequence[int] = (42, 7, 3),
    repeats: int = 5,
    max_drop: float = MAX_ACCURACY_DROP - BAND_MARGIN,
) -> dict[str, Any]:
    """How the band rule holds on accounts it was not chosen on: per seed, out-of-fold list and full-model
    probabilities; per stratum, the band is chosen on 4/5 of them and scored on the other 1/5 (5-fold, `repeats`
    times). Mean and spread of the accuracy drop and the fetched share over every such split, per dataset."""
    from sklearn.model_selection import StratifiedKFold

    groups_array = np.array(groups)
    strata = _fold_strata(labels, groups_array)
    row_strata = strata_of(list_matrix(records))
    results: dict[str, dict[str, list[float]]] = {}
    for seed in seeds:
        list_p, full_p = out_of_fold(records, labels, strata, seed=seed)
        for index in range(len(STRATA)):
            rows = np.flatnonzero(row_strata == index)
            if len(rows) < MIN_STRATUM_ACCOUNTS:
                continue
            for repeat in range(repeats):
                folds = StratifiedKFold(5, shuffle=True, random_state=1000 * seed + repeat)
                for train, test in folds.split(rows, strata[rows]):
                    train, test = rows[train], rows[test]
                    band = choose_band(
                        list_p[train], full_p[train], labels[train], groups_array[train], max_drop=max_drop
                    )
                    predicted, fetched = staged_predictions(list_p[test], full_p[test], band["low"], band["high"])
                    for name in sorted(set(groups_array[test].tolist())):
                        mask = groups_array[test] == name
                        full = float(((full_p[test][mask] >= 0.5) == labels[test][mask]).mean())
                        drop = full - float((predicted[mask] == labels[test][mask]).mean())
                        entry = results.setdefault(name, {"drop": [], "fetched": []})
                        entry["drop"].append(drop)
                        entry["fetched"].append(float(fetched[mask].mean()))
    return {
        name: {
            "splits": len(values["drop"]),
            "accuracy_drop": round(float(np.mean(values["drop"])), 4),
            "accuracy_drop_std": round(float(np.std(values["drop"])), 4),
            "fetched_share": round(float(np.mean(values["fetched"])), 4),
            "fetched_share_std": round(float(np.std(values["fetched"])), 4),
        }
        for name, values in sorted(results.items())
    }


def main() -> None:
    import argparse

    from .train import load_training_data

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("artifact", type=Path, nargs="?", help="an account-authenticity-instagram-* artifact folder")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument(
        "--check", action="store_true", help="print how the band rule holds on accounts it was not chosen on"
    )
    args = parser.parse_args()
    data = load_training_data("instagram")
    if args.check:
        print(json.dumps(held_out_check(data.records, data.labels, data.sources)))
        return
    if args.artifact is None:
        parser.error("an artifact folder is needed (or --check)")
    model = fit_list_model(data.records, data.labels, data.sources, seed=args.seed)
    model.save(args.artifact)
    meta_path = args.artifact / "meta.json"
    if meta_path.exists():  # the registry reads the version's metrics from here
        meta = json.loads(meta_path.read_text())
        meta.setdefault("metrics", {})["staged"] = model.metrics()
        meta_path.write_text(json.dumps(meta, indent=1, sort_keys=True))
    print(json.dumps(model.metrics()))


if __name__ == "__main__":
    main()
